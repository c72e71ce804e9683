"""Opening the database, and writing articles into it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select, tuple_
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, selectinload

from pipelines.db import fulltext, migrate, models
from pipelines.db.catalogue import catalogue
from pipelines.db.identity import fingerprint, id_from_fingerprint
from pipelines.db.vocabulary import (
    KEYWORDS_SPLIT,
    KEYWORDS_UNCERTAIN,
    SPLIT_FLAGS,
    Vocabulary,
    settle_keywords,
)

DEFAULT_DATABASE_URL = "sqlite:///data/articles.db"
# A copy carrying these flags is a worse copy than one without them.
DEGRADING_FLAGS = frozenset({"garbled", "converted_t2s", "pinyin_removed", "spam_removed"})
# The copy named no journal (pipelines/checks.py): its journal, year and issue are empty.
JOURNAL_UNKNOWN = "journal_unknown"


class DatabaseError(Exception):
    """The database URL is malformed or names no database."""


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL; None for other databases or in-memory SQLite.

    >>> sqlite_path("sqlite:////tmp/x.db")
    PosixPath('/tmp/x.db')
    >>> sqlite_path("sqlite://") is None
    True
    """
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(f"not a database URL: {url!r}") from exc
    if not parsed.drivername.startswith("sqlite") or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def occurrences(text: str | bytes | None, term: str | None) -> int:
    """How often `term` occurs in `text` (SQL function `occurrences`), ASCII
    letters matched in either case, as SQLite's LIKE and the trigram index do.
    Given as bytes (`CAST(body AS BLOB)`), the text is counted as UTF-8
    without decoding it, which is faster.

    >>> occurrences("民情；体察民情", "民情"), occurrences("AI与ai", "Ai"), occurrences(None, "x")
    (2, 2, 0)
    >>> occurrences("民情；体察民情".encode(), "民情"), occurrences("AI与ai".encode(), "Ai")
    (2, 2)
    """
    if not text or not term:
        return 0
    fold = any(ch.isascii() and ch.isalpha() for ch in term)
    if isinstance(text, bytes):
        needle = term.encode("utf-8")
        return text.lower().count(needle.lower()) if fold else text.count(needle)
    return text.lower().count(term.lower()) if fold else text.count(term)


def sqlite_functions(dbapi_connection: Any) -> None:
    """The project's SQL functions on a SQLite connection (`occurrences`), for
    a connection the project did not open itself (Datasette's)."""
    dbapi_connection.create_function("occurrences", 2, occurrences, deterministic=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    sqlite_functions(dbapi_connection)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for `url` with the project's setup on every SQLite connection:
    WAL mode, foreign keys, a 30-second busy timeout and the SQL function
    `occurrences`. The schema is left as it is (open_engine migrates it):
    for a reader of a database that a crawl has opened already.

    >>> from sqlalchemy import text
    >>> with make_engine("sqlite://").connect() as connection:
    ...     connection.scalar(text("PRAGMA busy_timeout")), connection.scalar(
    ...         text("SELECT occurrences('民情；体察民情', '民情')"))
    (30000, 2)
    """
    try:
        engine = create_engine(url)
    except (ArgumentError, ImportError) as exc:
        raise DatabaseError(f"cannot open database URL {url!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def open_engine(url: str, *, create: bool = False) -> Engine:
    """An engine for `url` (make_engine), its schema migrated to the newest
    revision. With `create`, a missing SQLite file (and its folder) is made;
    without it, a missing file is an error."""
    path = sqlite_path(url)
    if path is not None:
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        elif not path.exists():
            raise DatabaseError(f"no database at {path}")
    engine = make_engine(url)
    migrate.upgrade(engine)
    return engine


# ids or words in one IN (…): well under SQLite's limit of bound parameters
_CHUNK = 500


def _chunks(values: Iterable[Any]) -> Iterator[list[Any]]:
    """
    >>> [len(chunk) for chunk in _chunks(range(1001))]
    [500, 500, 1]
    """
    values = list(values)
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


class Writer:
    """Writes article items within one session, reusing journals, issues,
    authors and keywords already looked up in it. `prefetch` looks up what a
    batch of items will need in a few statements, beforehand; what it did not
    look up is looked up as it is needed."""

    def __init__(self, session: Session, vocabulary: Vocabulary | None = None) -> None:
        self.session = session
        # the keyword vocabulary run-together lines are split with; a crawl
        # keeps one over its batches, so that what it learns serves at once
        self.vocabulary = vocabulary if vocabulary is not None else Vocabulary.load(session)
        self._cache: dict[tuple[type, Any], Any] = {}
        # looked up and not there: (model, key) (made at once when needed)
        self._absent: set[tuple[type, Any]] = set()
        # articles by id and fingerprints by digest, found, made, or known absent (None)
        self._articles: dict[int, models.Article | None] = {}
        self._prints: dict[str, models.Fingerprint | None] = {}
        self.located = 0  # articles stored with no journal that a copy gave one
        self.split = 0  # items whose keywords were split from a run-together line
        self.guessed = 0  # of those, items whose split is a guess (keywords_uncertain)
        self._holds: bool | None = None  # whether the database has the index hold

    def _hold(self, article_id: int) -> None:
        """Take the article out of the full-text indexes until the commit,
        which indexes it once, however many of its rows are written."""
        if self._holds is None:
            self._holds = fulltext.exists(self.session.connection())
        if self._holds:
            fulltext.hold(self.session.connection(), [article_id])

    def prefetch(self, items: Iterable[dict[str, Any]]) -> None:
        """Look up, a statement a kind (per 500), the stored articles,
        fingerprints, sources, authors and keywords the items name, with the
        stored articles' authors, keywords and sources."""
        items = list(items)
        ids = {item["article_id"] for item in items if item.get("article_id")}
        digests = {fingerprint(item["title"], item["body"]) for item in items}
        self._look_up_articles(ids)
        found = []
        for chunk in _chunks(digests - self._prints.keys()):
            self._prints.update(dict.fromkeys(chunk))
            query = select(models.Fingerprint).where(models.Fingerprint.digest.in_(chunk))
            found += self.session.scalars(query)
        self._prints.update((known.digest, known) for known in found)
        # The articles of the fingerprints, where their number did not find them
        # (a fingerprint's `article` is then taken from the session, no statement).
        self._look_up_articles({known.article_id for known in found})
        self._look_up(models.Source, "url", {item["url"] for item in items})
        self._look_up(
            models.Author, "name", {n for item in items for n in item.get("authors") or []}
        )
        self._look_up(
            models.Keyword, "word", {w for item in items for w in item.get("keywords") or []}
        )
        self._look_up(
            models.Journal, "name", {item["journal"] for item in items if item.get("journal")}
        )
        self._look_up_issues(
            {(i["journal"], i["year"], i["issue"]) for i in items if _issue_named(i)}
        )

    def _look_up_articles(self, ids: set[int]) -> None:
        """The stored articles of `ids` not looked up yet, with their journal,
        issue, sources, authors and keywords."""
        loads = (
            selectinload(models.Article.journal),
            selectinload(models.Article.issue),
            selectinload(models.Article.sources),
            selectinload(models.Article.author_links),
            selectinload(models.Article.keyword_links).joinedload(models.ArticleKeyword.keyword),
        )
        for chunk in _chunks(ids - self._articles.keys()):
            self._articles.update(dict.fromkeys(chunk))
            query = select(models.Article).where(models.Article.id.in_(chunk)).options(*loads)
            self._articles.update((article.id, article) for article in self.session.scalars(query))

    def _look_up_issues(self, keys: set[tuple[str, int, str]]) -> None:
        """The issues named (journal, year, issue), as `issue` caches them."""
        keys = {key for key in keys if (models.Issue, key) not in self._cache}
        for chunk in map(set, _chunks(keys)):
            self._absent.update((models.Issue, key) for key in chunk)
            # The issues themselves, not every issue of those journals in those
            # years (a batch of 100 loaded most of a journal's back catalogue).
            named = tuple_(models.Journal.name, models.Issue.year, models.Issue.issue)
            query = (
                select(models.Issue, models.Journal.name)
                .join(models.Journal)
                .where(named.in_(sorted(chunk)))
            )
            for row, name in self.session.execute(query):
                key = (name, row.year, row.issue)
                if key in chunk:
                    self._cache[models.Issue, key] = row
                    self._absent.discard((models.Issue, key))

    def _look_up(self, model: type, column: str, keys: set[Any]) -> None:
        keys = {key for key in keys if (model, key) not in self._cache}
        for chunk in _chunks(keys):
            self._absent.update((model, key) for key in chunk)
            for row in self.session.scalars(select(model).where(getattr(model, column).in_(chunk))):
                key = getattr(row, column)
                self._cache[model, key] = row
                self._absent.discard((model, key))

    def _article(self, article_id: int) -> models.Article | None:
        if article_id not in self._articles:
            self._articles[article_id] = self.session.get(models.Article, article_id)
        return self._articles[article_id]

    def _fingerprint(self, digest: str) -> models.Fingerprint | None:
        if digest not in self._prints:
            self._prints[digest] = self.session.get(models.Fingerprint, digest)
        return self._prints[digest]

    def _get_or_create(self, model: type, key: Any, **values: Any) -> Any:
        if (model, key) in self._cache:
            return self._cache[model, key]
        if (model, key) in self._absent:
            row = None
        else:
            row = self.session.scalars(select(model).filter_by(**values)).first()
        if row is None:
            row = model(**values)
            self.session.add(row)
        self._cache[model, key] = row
        return row

    def journal(self, name: str) -> models.Journal:
        row = self._get_or_create(models.Journal, name, name=name)
        if row.id is None and (entry := catalogue().get(name)):
            row.province, row.level, row.fx361_code = entry.province, entry.level, entry.fx361_code
        return row

    def issue(
        self, journal: models.Journal, year: int, issue: str, label: str | None
    ) -> models.Issue:
        row = self._get_or_create(
            models.Issue, (journal.name, year, issue), journal=journal, year=year, issue=issue
        )
        row.label = row.label or label
        return row

    def write(self, item: dict[str, Any], now: str) -> str:
        """Insert or update one article; returns `new`, `updated` or `unchanged`.

        The copy is matched to a stored article by its article number, else
        by its text. A copy with more degrading flags than the stored one adds
        its URL to the sources but does not replace the stored text. What the
        table of contents says (`column`, `toc_position`) is taken from any
        copy that has it, whatever its text, and never erased by one that has
        not (a copy reached without the contents); a copy that changes only
        these is `updated`.

        Likewise the journal and issue: a copy that names no journal (flag
        `journal_unknown`) keeps those stored, and a copy that names them
        fills an article stored without (dropping the flag), whatever its text.
        A copy with no journal adds only its URL to an article that has one,
        unless its text is cleaner.

        Keywords as well: a run-together line is split first
        (pipelines/db/vocabulary.py); a copy that gives the tags apart
        replaces a split, whatever its text, and a split never replaces tags
        that a copy gave apart.
        """
        item = settle_keywords(item, self.vocabulary)
        self.split += KEYWORDS_SPLIT in item["flags"]
        self.guessed += KEYWORDS_UNCERTAIN in item["flags"]
        digest = fingerprint(item["title"], item["body"])
        article = self._article(item["article_id"]) if item.get("article_id") else None
        if article is None and (known := self._fingerprint(digest)):
            article = known.article
        # a copy that names no journal is the worse of two otherwise as clean
        unplaced = not item.get("journal") and article is not None and article.journal is not None
        unknown = article is not None and article.journal is None
        if article is not None:
            item = _keyed(article, _located(article, item))
        outcome = "new"
        if article is not None:
            stored_bad = len(DEGRADING_FLAGS.intersection(article.flags))
            new_bad = len(DEGRADING_FLAGS.intersection(item["flags"]))
            if new_bad > stored_bad or (unplaced and new_bad == stored_bad):
                outcome = "unchanged"
            elif _same(article, item):
                outcome = "unchanged"
                _set(article, "fetched_at", item.get("fetched_at") or now)
            else:
                outcome = "updated"
        if outcome != "unchanged":
            if article is None:
                article = models.Article(id=item.get("article_id") or id_from_fingerprint(digest))
                self._articles[article.id] = article
            self._hold(article.id)
            self._fill(article, item, now)
            self.session.add(article)
        changed = _place(article, item) | self._locate(article, item) | self._rekey(article, item)
        if changed and outcome == "unchanged":
            outcome = "updated"
            article.updated_at = now
        self.located += unknown and article.journal is not None
        if self._fingerprint(digest) is None:
            self._prints[digest] = models.Fingerprint(digest=digest, article=article)
            self.session.add(self._prints[digest])
        self._add_source(article, item["url"], item["source_host"], now)
        if item.get("toc_count") is not None and _issue_named(item):
            journal = self.journal(item["journal"])
            issue = self.issue(journal, item["year"], item["issue"], item.get("issue_label"))
            _set(issue, "toc_count", item["toc_count"])
        return outcome

    def _locate(self, article: models.Article, item: dict[str, Any]) -> bool:
        """Give an article stored with no journal the journal and issue the
        item names; whether it had none and gets them."""
        if article.journal is not None or not item.get("journal"):
            return False
        self._set_journal(article, item)
        article.flags = sorted(set(article.flags) - {JOURNAL_UNKNOWN})
        return True

    def rekey(self, article: models.Article) -> bool:
        """Split the article's run-together keyword line again, with the
        vocabulary as it is now; whether its keywords or flags changed."""
        if article.keywords_line is None:
            return False
        words, uncertain = self.vocabulary.split(
            article.keywords_line, article.title + "\n" + article.body
        )
        flags = sorted(
            (set(article.flags) - SPLIT_FLAGS)
            | {KEYWORDS_SPLIT}
            | ({KEYWORDS_UNCERTAIN} if uncertain else set())
        )
        if words == article.keywords and flags == sorted(article.flags):
            return False
        self._hold(article.id)
        self._set_keywords(article, words)
        article.flags = flags
        return True

    def _rekey(self, article: models.Article, item: dict[str, Any]) -> bool:
        """Give an article whose keywords were split from a run-together line
        the tags a copy gives apart; whether it gets them."""
        if article.keywords_line is None or item.get("keywords_line") or not item.get("keywords"):
            return False
        self._hold(article.id)
        self._set_keywords(article, item["keywords"])
        article.keywords_line = None
        article.flags = sorted(set(article.flags) - SPLIT_FLAGS)
        return True

    def _set_keywords(self, article: models.Article, words: list[str]) -> None:
        article.keyword_links = [
            models.ArticleKeyword(
                position=n, keyword=self._get_or_create(models.Keyword, word, word=word)
            )
            for n, word in enumerate(words)
        ]

    def _set_journal(self, article: models.Article, item: dict[str, Any]) -> None:
        journal = self.journal(item["journal"]) if item.get("journal") else None
        article.journal = journal
        article.issue = (
            self.issue(journal, item["year"], item["issue"], item.get("issue_label"))
            if journal is not None and _issue_named(item)
            else None
        )

    def _fill(self, article: models.Article, item: dict[str, Any], now: str) -> None:
        article.title = item["title"]
        article.date = item.get("date")
        article.time = item.get("time")
        self._set_journal(article, item)
        article.body = item["body"]
        article.flags = sorted(item.get("flags") or [])
        article.url = item["url"]
        article.source_host = item["source_host"]
        article.fetched_at = item.get("fetched_at") or now
        article.updated_at = now
        article.author_links = [
            models.ArticleAuthor(
                position=n, author=self._get_or_create(models.Author, name, name=name)
            )
            for n, name in enumerate(item.get("authors") or [])
        ]
        self._set_keywords(article, list(item.get("keywords") or []))
        article.keywords_line = item.get("keywords_line")

    def _add_source(self, article: models.Article, url: str, host: str, now: str) -> None:
        for source in article.sources:
            if source.url == url:
                _set(source, "last_seen", now)
                return
        source = self._cache.get((models.Source, url))
        if source is None and (models.Source, url) not in self._absent:
            source = self.session.scalars(select(models.Source).filter_by(url=url)).first()
        if source is None:
            source = models.Source(url=url, host=host, first_seen=now)
            article.sources.append(source)
        self._cache[models.Source, url] = source
        _set(source, "last_seen", now)


def _set(row: Any, name: str, value: Any) -> None:
    """Set a column where its value differs: a row set to what it holds is
    still dirty to the session, and its flush (before every statement of the
    batch) checks each such row for changes. A reparse that finds the articles
    as stored sets every one's fetch time and source to what they hold."""
    if getattr(row, name) != value:
        setattr(row, name, value)


def _issue_named(item: dict[str, Any]) -> bool:
    return bool(item.get("journal") and item.get("year") and item.get("issue"))


def _located(article: models.Article, item: dict[str, Any]) -> dict[str, Any]:
    """The item as the stored article's copy: a copy that names no journal
    takes the journal and issue stored, and so is not flagged for lacking them.

    >>> journal = models.Journal(name="浙江人大")
    >>> stored = models.Article(journal=journal, issue=models.Issue(
    ...     journal=journal, year=2018, issue="9", label="2018年9期"), flags=[])
    >>> copy = _located(stored, {"journal": None, "year": None, "issue": None,
    ...                          "flags": ["garbled", "journal_unknown"]})
    >>> copy["journal"], copy["year"], copy["issue"], copy["issue_label"], copy["flags"]
    ('浙江人大', 2018, '9', '2018年9期', ['garbled'])
    >>> _located(models.Article(journal=None, flags=[]), {"journal": None})
    {'journal': None}
    """
    if item.get("journal") or article.journal is None:
        return item
    issue = article.issue
    return {
        **item,
        "journal": article.journal.name,
        "year": issue.year if issue else None,
        "issue": issue.issue if issue else None,
        "issue_label": issue.label if issue else None,
        "flags": [flag for flag in item.get("flags") or [] if flag != JOURNAL_UNKNOWN],
    }


def _keyed(article: models.Article, item: dict[str, Any]) -> dict[str, Any]:
    """The item as the stored article's copy: where the item's keywords were
    split from a run-together line and the article has tags a copy gave
    apart, it takes those.

    >>> tag = lambda word: models.ArticleKeyword(keyword=models.Keyword(word=word))
    >>> stored = models.Article(keyword_links=[tag("人代会"), tag("代表")], flags=[])
    >>> copy = _keyed(stored, {"keywords": ["人代", "会代表"], "keywords_line": "人代会代表",
    ...                        "flags": ["garbled", "keywords_split", "keywords_uncertain"]})
    >>> copy["keywords"], copy["keywords_line"], copy["flags"]
    (['人代会', '代表'], None, ['garbled'])
    """
    if not item.get("keywords_line") or article.keywords_line is not None or not article.keywords:
        return item
    return {
        **item,
        "keywords": article.keywords,
        "keywords_line": None,
        "flags": [flag for flag in item.get("flags") or [] if flag not in SPLIT_FLAGS],
    }


def _place(article: models.Article, item: dict[str, Any]) -> bool:
    """Fill the article's column and position in the table of contents from
    the item where it has them; an empty value leaves the stored one. Whether
    anything changed.

    >>> article = models.Article(column="特别策划", toc_position=3)
    >>> _place(article, {"column": None, "toc_position": None}), article.column
    (False, '特别策划')
    >>> _place(article, {"column": "代表风采", "toc_position": 3}), article.column
    (True, '代表风采')
    >>> _place(article, {"column": "代表风采", "toc_position": 3})
    False
    """
    changed = False
    for name in ("column", "toc_position"):
        value = item.get(name)
        if value not in (None, "") and getattr(article, name) != value:
            setattr(article, name, value)
            changed = True
    return changed


def _same(article: models.Article, item: dict[str, Any]) -> bool:
    issue = article.issue
    return (
        article.title == item["title"]
        and article.body == item["body"]
        and article.date == item.get("date")
        and article.time == item.get("time")
        and (article.journal.name if article.journal else None) == (item.get("journal") or None)
        and (issue.year if issue else None) == item.get("year")
        and (issue.issue if issue else None) == item.get("issue")
        and article.authors == list(item.get("authors") or [])
        and article.keywords == list(item.get("keywords") or [])
        and sorted(article.flags) == sorted(item.get("flags") or [])
    )
