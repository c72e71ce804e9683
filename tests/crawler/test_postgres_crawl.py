"""A real crawl of the sample site into PostgreSQL stores what the same
crawl stores into SQLite, field by field (`journals export`), and keeps its
run records and failures the same way."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session
from support.runners import Crawled, journals

from pipelines.db import failures

# When a copy was fetched differs from one crawl to the next.
CRAWL_TIMES = ("fetched_at",)
RUN_COUNTS = (
    "spider, status, requests, article_pages, articles_new, articles_updated,"
    " articles_unchanged, articles_journal_unknown, errors, responses, dropped, coverage"
)


def exported(database: str) -> list[dict]:
    done = journals("export", "--format", "jsonl", "--db", database)
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    for row in rows:
        for name in CRAWL_TIMES:
            row.pop(name)
    return sorted(rows, key=lambda row: row["id"])


def test_the_crawl_stores_the_same_articles_as_into_sqlite(
    crawled: Crawled, crawled_postgres: str
) -> None:
    into_sqlite = exported(f"sqlite:///{crawled.db}")
    into_postgres = exported(crawled_postgres)
    assert len(into_sqlite) > 100
    assert [row["id"] for row in into_postgres] == [row["id"] for row in into_sqlite]
    for mine, theirs in zip(into_postgres, into_sqlite, strict=True):
        assert mine == theirs, mine["id"]


def test_the_runs_are_recorded_alike(crawled: Crawled, crawled_postgres: str) -> None:
    def runs(url: str) -> list[tuple]:
        engine = create_engine(url)
        with engine.connect() as connection:
            rows = connection.execute(text(f"SELECT {RUN_COUNTS} FROM crawl_runs ORDER BY id"))
            found = [
                tuple(json.loads(v) if isinstance(v, str) and v[:1] in "[{" else v for v in row)
                for row in rows
            ]
        engine.dispose()
        return found

    assert runs(crawled_postgres) == runs(f"sqlite:///{crawled.db}")
    assert [run[:2] for run in runs(crawled_postgres)] == [
        ("fx361", "finished"),
        ("article", "finished"),
    ]


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_failures_add_up_their_attempts(dialect: str, postgres_url: str) -> None:
    from pipelines.db.database import open_engine

    url = "sqlite://" if dialect == "sqlite" else postgres_url
    engine = open_engine(url)
    lost = {"url": "http://x.test/a", "status": 503, "reason": "503", "attempts": 3}
    with Session(engine) as session, session.begin():
        assert failures.record(session, [lost], "fx361", "2026-01-01") == 1
    with Session(engine) as session, session.begin():
        failures.record(
            session, [{**lost, "status": None, "reason": "timeout"}], "article", "2026-01-02"
        )
    with Session(engine) as session:
        assert failures.listing(session) == [
            {
                "url": "http://x.test/a",
                "host": "x.test",
                "spider": "article",
                "last_status": None,
                "reason": "timeout",
                "attempts": 6,
                "first_failed": "2026-01-01",
                "last_failed": "2026-01-02",
            }
        ]
    engine.dispose()
