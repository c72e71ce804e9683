"""Words of one or two characters through the short-word index: exactly the
results of the trigram path it replaced (hits, scores, snippets and counts),
for every limit and filter, on the crawl of the sample site and on a larger
database where the best matches of common words come from the index's tiers;
articles the index has not caught up with yet are found all the same."""

from __future__ import annotations

import random
import re
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session
from support.runners import Crawled

from journals import search
from journals.filters import EVERYTHING, Filters
from journals.samplesite.corpus import JOURNALS, all_articles
from pipelines.db import grams
from pipelines.db.database import open_engine

CJK = re.compile(r"[\u4e00-\u9fff]+")
FIXED = ["人", "的", "民情", "人大", "代表 站", "民 情", "AI", "ai", "a", "%", "（", "；", '"', "2"]
LONG = ["工作站", "代表工作站", "人大 工作站", "站 代表 备案审查"]  # the trigram path, as before
FILTERS = [
    EVERYTHING,
    Filters(journals=("上海人大月刊",)),
    Filters(years=(2016, 2017)),
    Filters(province="浙江", years=(2015, 2019)),
    Filters(keyword="工作站"),
]
LIMITS = [1, 20, None]


@contextmanager
def trigram_path() -> Iterator[None]:
    """Search as it ran before the short-word index."""
    saved = search.short_words
    search.short_words = lambda *_: False  # type: ignore[assignment]
    try:
        yield
    finally:
        search.short_words = saved  # type: ignore[assignment]


def answers(session: Session, query: str, filters: Filters, limit: int | None) -> Any:
    return (
        search.search(session, query, filters, limit),
        search.count(session, query, filters),
        search.ranked(session, query, filters, limit),
    )


def assert_same(session: Session, queries: list[str], limits: list[int | None]) -> int:
    """Each query, filter and limit answered alike both ways; how many answers were compared."""
    compared = 0
    for query in queries:
        for filters in FILTERS:
            for limit in limits:
                now = answers(session, query, filters, limit)
                with trigram_path():
                    before = answers(session, query, filters, limit)
                assert now == before, (query, filters, limit)
                compared += now[1] > 0
    return compared


def short_queries(text: str, count: int, seed: int) -> list[str]:
    """Runs of one and two characters of Chinese text, and pairs of them."""
    rng = random.Random(seed)
    runs = [run for run in CJK.findall(text) if len(run) >= 2]
    found: list[str] = []
    while len(found) < count:
        run = rng.choice(runs)
        length = rng.choice((1, 2))
        at = rng.randrange(len(run) - length + 1)
        word = run[at : at + length]
        if rng.random() < 0.2 and found:
            word = f"{word} {rng.choice(found).split()[0]}"
        if word not in found:
            found.append(word)
    return found


def indexed_text(session: Session) -> str:
    return "\n".join(
        title + body
        for title, body in session.execute(search.select(search.FTS.c.title, search.FTS.c.body))
    )


@pytest.fixture(scope="module")
def session(crawled: Crawled) -> Iterator[Session]:
    engine = open_engine(f"sqlite:///{crawled.db}")
    with Session(engine) as session:
        yield session
    engine.dispose()


def test_the_crawl_is_indexed(session: Session) -> None:
    assert session.scalar(search.select(search.func.count()).select_from(search.PENDING)) == 0
    assert search.short_words(session, ["人", "民情", "AI"])
    assert not search.short_words(session, ["工作站"]) and not search.short_words(session, ["ok"])


def test_short_words_find_what_the_trigram_path_found(session: Session) -> None:
    queries = FIXED + short_queries(indexed_text(session), 16, seed=1)
    assert assert_same(session, queries, LIMITS) > 200


def test_longer_words_are_searched_as_before(session: Session) -> None:
    assert assert_same(session, LONG, [20])


# A larger database: sentences of the corpus, shuffled into articles of the
# corpus's lengths, some tagged with short keywords.
ARTICLES = 600
SHORT_KEYWORDS = ["人大", "代表", "民"]


def build(db: Path, count: int, rng: random.Random) -> None:
    sentences, keywords, lengths = [], set(SHORT_KEYWORDS), []
    for _, _, article in all_articles():
        text = "".join(block.text for block in article.blocks)
        sentences += [s for s in re.split(r"(?<=[。！？])", text) if len(s) > 4]
        keywords.update(article.keywords)
        lengths.append(len(text))
    words = sorted(keywords)
    engine = open_engine(f"sqlite:///{db}", create=True)
    with engine.begin() as connection:
        run = connection.exec_driver_sql
        for spec in JOURNALS:
            run("INSERT INTO journals (name, province) VALUES (?, ?)", (spec.name, spec.province))
        issues = [(j, y, str(n)) for j in range(1, 6) for y in range(2014, 2020) for n in (1, 6)]
        for issue in issues:
            run("INSERT INTO issues (journal_id, year, issue) VALUES (?, ?, ?)", issue)
        for word in words:
            run("INSERT INTO keywords (word) VALUES (?)", (word,))
        for n in range(1, count + 1):
            body: list[str] = []
            target = rng.choice(lengths)
            while sum(map(len, body)) < target:
                body.append(rng.choice(sentences))
            issue = rng.randrange(len(issues))
            run(
                "INSERT INTO articles (id, title, journal_id, issue_id, body, flags, url,"
                " source_host, fetched_at, updated_at) VALUES (?, ?, ?, ?, ?, '[]', ?, ?, ?, ?)",
                (
                    n,
                    rng.choice(sentences).rstrip("。！？")[:30],
                    issues[issue][0],
                    issue + 1,
                    "\n".join(body),
                    f"https://example.org/{n}",
                    "example.org",
                    "2026-01-01T00:00:00+00:00",
                    "2026-01-01T00:00:00+00:00",
                ),
            )
            tags = rng.sample(range(1, len(words) + 1), rng.choice((0, 2, 3)))
            for position, keyword in enumerate(tags):
                run(
                    "INSERT INTO article_keywords (article_id, position, keyword_id)"
                    " VALUES (?, ?, ?)",
                    (n, position, keyword),
                )
        assert grams.refresh(connection, None) == count  # written by plain SQL
    engine.dispose()


@pytest.fixture(scope="module")
def larger(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    db = tmp_path_factory.mktemp("larger") / "a.db"
    build(db, ARTICLES, random.Random(7))
    engine = open_engine(f"sqlite:///{db}")
    with Session(engine) as session:
        yield session
    engine.dispose()


def test_the_best_of_common_words_come_from_the_tiers(
    larger: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    ranked_by_tiers: list[int | None] = []
    scored = search._Short.scored

    def spied(self: search._Short, rows: Any, tagged: bool | None, limit: int | None) -> Any:
        ranked_by_tiers.append(limit)  # every match is scored with no limit
        return scored(self, rows, tagged, limit)

    monkeypatch.setattr(search._Short, "scored", spied)
    queries = ["人", "的", "大", "人大", "代表", "民", "人 大"]
    assert assert_same(larger, queries, [1, 5, 20])
    assert any(ranked_by_tiers)  # the best taken from a tier, not from every match
    queries = short_queries(indexed_text(larger), 8, seed=2)
    assert assert_same(larger, queries, [1, 20])


@pytest.fixture
def copy(crawled: Crawled, tmp_path: Path) -> Iterator[Path]:
    db = tmp_path / "copy.db"
    shutil.copyfile(crawled.db, db)
    yield db


def test_articles_the_index_has_not_caught_up_with_are_found(copy: Path) -> None:
    with sqlite3.connect(copy) as conn:  # plain SQL: no session commits, nothing indexed
        article_id, title = conn.execute("SELECT id, title FROM articles LIMIT 1").fetchone()
        conn.execute(
            "UPDATE articles SET title = ?, body = body || '民情民情。' WHERE id = ?",
            ("人大民情" + title, article_id),
        )
        conn.execute("INSERT INTO keywords (word) VALUES ('民情站')")  # and new keywords
        conn.execute(
            "UPDATE article_keywords SET keyword_id = (SELECT id FROM keywords"
            " WHERE word = '民情站') WHERE position = 0 AND article_id IN (SELECT article_id"
            " FROM article_keywords WHERE position = 0 ORDER BY article_id DESC LIMIT 4)"
        )
        waiting = conn.execute("SELECT count(*) FROM articles_fts_short_pending").fetchone()[0]
    assert waiting >= 5
    engine = open_engine(f"sqlite:///{copy}")
    queries = ["民情", "人大", "民", "站", "人 情"]
    with Session(engine) as session:
        assert assert_same(session, queries, [1, 20])
        assert dict(search.ranked(session, "民情"))[article_id] >= 12  # found while waiting
    with engine.begin() as connection:
        assert grams.refresh(connection) == waiting
    with Session(engine) as session:
        assert assert_same(session, queries, [1, 20])
    engine.dispose()
