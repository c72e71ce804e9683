"""The database: journals, their issues, articles, authors, keywords and every
URL an article was seen at. SQLAlchemy 2.0 typed models.

The schema is made and changed by the migrations in `pipelines/db/migrations/`
(never by `create_all`); a test checks that they and these models agree. The
full-text index `articles_fts` and the views `issue_counts` and `article_list`
exist only there.
Every table and column is described in `pipelines/db/schema.py`."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Journal(Base):
    __tablename__ = "journals"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    province: Mapped[str | None] = mapped_column(String(20))  # 上海, 浙江, …
    level: Mapped[str | None] = mapped_column(String(20))  # provincial, city
    fx361_code: Mapped[str | None] = mapped_column(String(40))  # zjrd in /bk/zjrd/

    issues: Mapped[list[Issue]] = relationship(back_populates="journal")


class Issue(Base):
    """One issue of a journal, as labelled: year 2018, issue `9` or `Z1`."""

    __tablename__ = "issues"
    __table_args__ = (UniqueConstraint("journal_id", "year", "issue"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    journal_id: Mapped[int] = mapped_column(ForeignKey("journals.id"))
    year: Mapped[int]
    issue: Mapped[str] = mapped_column(String(10))
    label: Mapped[str | None] = mapped_column(String(40))
    toc_count: Mapped[int | None]  # articles the issue's table of contents lists

    journal: Mapped[Journal] = relationship(back_populates="issues")


class Article(Base):
    """An article; `id` is the aggregator's article number."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    title: Mapped[str] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    time: Mapped[str | None] = mapped_column(String(8))
    journal_id: Mapped[int | None] = mapped_column(ForeignKey("journals.id"), index=True)
    issue_id: Mapped[int | None] = mapped_column(ForeignKey("issues.id"), index=True)
    body: Mapped[str] = mapped_column(Text)
    flags: Mapped[list[str]] = mapped_column(JSON, default=list)
    url: Mapped[str] = mapped_column(Text)  # the copy whose text is stored
    source_host: Mapped[str] = mapped_column(String(255))
    fetched_at: Mapped[str] = mapped_column(String(32))
    updated_at: Mapped[str] = mapped_column(String(32))
    # What the issue's table of contents says: the column (栏目) it is listed
    # under and its 1-based place in the contents; kept once known.
    column: Mapped[str | None] = mapped_column(String(100))
    toc_position: Mapped[int | None]
    # The keyword line as a copy printed it, run together, where the keywords
    # were split from it (flag keywords_split); None where the page gave them apart.
    keywords_line: Mapped[str | None] = mapped_column(Text)

    journal: Mapped[Journal | None] = relationship()  # None: no copy named it
    issue: Mapped[Issue | None] = relationship()
    author_links: Mapped[list[ArticleAuthor]] = relationship(
        order_by="ArticleAuthor.position", cascade="all, delete-orphan"
    )
    keyword_links: Mapped[list[ArticleKeyword]] = relationship(
        order_by="ArticleKeyword.position", cascade="all, delete-orphan"
    )
    sources: Mapped[list[Source]] = relationship(
        order_by="Source.id", cascade="all, delete-orphan", back_populates="article"
    )

    @property
    def authors(self) -> list[str]:
        return [link.author.name for link in self.author_links]

    @property
    def keywords(self) -> list[str]:
        return [link.keyword.word for link in self.keyword_links]


class Fingerprint(Base):
    """A digest of an article's text, so a copy with no or another article
    number is recognised as the same article."""

    __tablename__ = "fingerprints"

    digest: Mapped[str] = mapped_column(String(40), primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)

    article: Mapped[Article] = relationship()


class Author(Base):
    __tablename__ = "authors"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)


class ArticleAuthor(Base):
    """An article's author at its place in the byline."""

    __tablename__ = "article_authors"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("authors.id"), index=True)

    author: Mapped[Author] = relationship(lazy="joined")


class Keyword(Base):
    __tablename__ = "keywords"

    id: Mapped[int] = mapped_column(primary_key=True)
    word: Mapped[str] = mapped_column(String(100), unique=True)


class ArticleKeyword(Base):
    """An article's keyword at its place in the keyword line."""

    __tablename__ = "article_keywords"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    keyword_id: Mapped[int] = mapped_column(ForeignKey("keywords.id"), index=True)

    keyword: Mapped[Keyword] = relationship(lazy="joined")


class Source(Base):
    """A URL an article was seen at (aggregator desktop, mobile, copy sites)."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    host: Mapped[str] = mapped_column(String(255))
    first_seen: Mapped[str] = mapped_column(String(32))
    last_seen: Mapped[str] = mapped_column(String(32))

    article: Mapped[Article] = relationship(back_populates="sources")


class Failure(Base):
    """A URL the crawl learned of but could not store (yet): its last outcome,
    and the attempts it has cost over all runs. Deleted once the URL is stored."""

    __tablename__ = "failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    host: Mapped[str] = mapped_column(String(255))
    spider: Mapped[str] = mapped_column(String(40))
    last_status: Mapped[int | None]
    reason: Mapped[str] = mapped_column(Text)
    attempts: Mapped[int]
    first_failed: Mapped[str] = mapped_column(String(32))
    last_failed: Mapped[str] = mapped_column(String(32))


class CrawlRun(Base):
    """One crawl: its spider and arguments, when it ran, how it ended, what it
    fetched and what it stored. Written when the crawl starts (`running`) and
    completed when it ends; a row left `running` is a crawl that was killed."""

    __tablename__ = "crawl_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    spider: Mapped[str] = mapped_column(String(40))
    arguments: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    started_at: Mapped[str] = mapped_column(String(32))
    finished_at: Mapped[str | None] = mapped_column(String(32))
    # running, finished, interrupted, failed, degraded, blocked
    status: Mapped[str] = mapped_column(String(20))
    finish_reason: Mapped[str | None] = mapped_column(String(40))  # Scrapy's
    requests: Mapped[int] = mapped_column(default=0)
    responses: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)  # by status
    article_pages: Mapped[int] = mapped_column(default=0)
    articles_new: Mapped[int] = mapped_column(default=0)
    articles_updated: Mapped[int] = mapped_column(default=0)
    articles_unchanged: Mapped[int] = mapped_column(default=0)
    # new articles stored from a copy that named no journal (flag journal_unknown)
    articles_journal_unknown: Mapped[int] = mapped_column(default=0, server_default="0")
    dropped: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)  # by reason
    errors: Mapped[int] = mapped_column(default=0)
    coverage: Mapped[dict[str, float] | None] = mapped_column(JSON)  # field -> share
    alarms: Mapped[list[str] | None] = mapped_column(JSON)  # floors not met
    # A worker of a run sharing its frontier (crawler/frontier/): RUN_ID, WORKER_NAME.
    run_id: Mapped[str | None] = mapped_column(String(100))
    worker: Mapped[str | None] = mapped_column(String(100))


class Page(Base):
    """A fetched article page as it came, compressed: what `journals reparse`
    extracts again without the network. One row per URL, the latest fetch."""

    __tablename__ = "pages"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    status: Mapped[int]
    headers: Mapped[dict[str, list[str]]] = mapped_column(JSON)
    body: Mapped[bytes] = mapped_column(LargeBinary)
    # br (Brotli); zlib for pages stored before revision 0012
    compression: Mapped[str] = mapped_column(String(10))
    fetched_at: Mapped[str] = mapped_column(String(32))
    run_id: Mapped[int | None]  # crawl_runs.id of the fetch
    toc_count: Mapped[int | None]  # what the issue's table of contents listed then
    # What the contents said of the article: journal, year, issue, column, position.
    contents: Mapped[dict[str, Any] | None] = mapped_column(JSON)


# The full-text indexes are brought up to date before each commit of a session.
from pipelines.db import fulltext as _fulltext  # noqa: E402, F401
