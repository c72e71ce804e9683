"""Revision 0012 on a database that holds articles and pages: the full-text
index keeps no copy of the text, the short-word index is made, and every
search answers exactly as before; the pages are Brotli-compressed, each body
as it was, and `journals reparse` reads them; the way down gives revision
0011's index and zlib-compressed pages back."""

from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from support.runners import Crawled

from journals import search
from journals.filters import EVERYTHING, Filters
from journals.pageselect import PageSelection
from journals.reparse import run_reparse
from pipelines.db import grams, migrate
from pipelines.db.database import make_engine
from pipelines.db.pages import decompress

TABLES = (  # parents first
    "journals",
    "issues",
    "articles",
    "authors",
    "keywords",
    "article_authors",
    "article_keywords",
    "sources",
    "fingerprints",
    "failures",
    "crawl_runs",
    "pages",
)
QUERIES = ["人", "站", "民情", "人大", "代表 站", "AI", "%", "工作站", "代表工作站", "人大 工作站"]
FILTERS = [EVERYTHING, Filters(journals=("浙江人大",)), Filters(years=(2016, 2018))]


def at_0011(crawled: Crawled, db: Path) -> Engine:
    """A database at revision 0011 holding what the crawl stored, indexed by its triggers."""
    engine = make_engine(f"sqlite:///{db}")
    migrate.upgrade(engine, "0011")
    with sqlite3.connect(db) as conn:
        conn.execute("ATTACH DATABASE ? AS crawled", (str(crawled.db),))
        for table in TABLES:
            columns = ", ".join(row[1] for row in conn.execute(f"PRAGMA table_info({table})"))
            conn.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM crawled.{table}")
        conn.commit()
        conn.execute("DETACH DATABASE crawled")
        conn.executemany(  # as revision 0011 stored them
            "UPDATE pages SET body = ?, compression = 'zlib' WHERE id = ?",
            [(zlib.compress(body), page_id) for page_id, body in bodies(conn).items()],
        )
    return engine


def bodies(conn: sqlite3.Connection) -> dict[int, bytes]:
    """Each stored page's body, decompressed."""
    return {
        page_id: decompress(body, compression)
        for page_id, body, compression in conn.execute("SELECT id, body, compression FROM pages")
    }


def compressions(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {value for (value,) in conn.execute("SELECT DISTINCT compression FROM pages")}


def answers(engine: Engine) -> list[Any]:
    with Session(engine) as session:
        return [
            (search.search(session, query, filters, limit), search.count(session, query, filters))
            for query in QUERIES
            for filters in FILTERS
            for limit in (3, None)
        ]


def schema(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name <> 'alembic_version'"
            " ORDER BY name"
        ).fetchall()
    return [" ".join(sql.split()) for (sql,) in rows]


def short_index(db: Path) -> tuple[dict[int, set[str]], dict[int, set[str]]]:
    """The short-word index's tokens of each article, and what they should be."""
    with sqlite3.connect(db) as conn:
        conn.execute(
            "CREATE VIRTUAL TABLE temp.short_terms"
            " USING fts5vocab(main, 'articles_fts_short', 'instance')"
        )
        held: dict[int, set[str]] = {}
        for term, article_id in conn.execute(
            "SELECT term, article_id FROM temp.short_terms"
            " JOIN articles_fts_short_ids AS ids ON ids.id = doc"
        ):
            held.setdefault(article_id, set()).add(term)
        rows = conn.execute("SELECT count(DISTINCT doc) FROM temp.short_terms").fetchone()
        assert rows == conn.execute("SELECT count(*) FROM articles_fts_short_ids").fetchone()
        expected = {
            article_id: set(grams.row(title, body, keywords).split(" "))
            for article_id, title, body, keywords in conn.execute(
                "SELECT id, title, body, keywords FROM articles_fts_text"
            )
        }
    return held, expected


@pytest.fixture(scope="module")
def before(crawled: Crawled, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Any]]:
    """A database at 0011 and the answers of every search on it (the trigram path)."""
    db = tmp_path_factory.mktemp("upgrade") / "a.db"
    engine = at_0011(crawled, db)
    answered = answers(engine)
    engine.dispose()
    return db, answered


def test_searches_answer_alike_after_the_upgrade_and_after_the_way_down(
    before: tuple[Path, list[Any]], tmp_path: Path
) -> None:
    db, answered = before
    assert sum(total for _, total in answered) > 1000
    assert compressions(db) == {"zlib"}
    with sqlite3.connect(db) as conn:
        pages = bodies(conn)
    assert len(pages) > 100
    made = tmp_path / "made.db"
    engine = make_engine(f"sqlite:///{made}")
    migrate.upgrade(engine, "0011")
    engine.dispose()
    made_at_0011 = schema(made)

    engine = make_engine(f"sqlite:///{db}")
    migrate.upgrade(engine)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (migrate.head(),)
        ]
        conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
        assert "articles_fts_content" not in tables  # no copy of the text
        assert conn.execute("SELECT count(*) FROM articles_fts_short_pending").fetchone() == (0,)
    held, expected = short_index(db)
    assert held == expected and len(held) > 100
    with Session(engine) as session:
        assert search.short_words(session, ["人"])
    assert answers(engine) == answered
    assert compressions(db) == {"br"}
    with sqlite3.connect(db) as conn:
        assert bodies(conn) == pages
    outcome = run_reparse(f"sqlite:///{db}", PageSelection(), jobs=2)  # in worker processes
    assert outcome.tally.pages == len(pages)
    assert answers(engine) == answered

    with engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0011")
    assert schema(db) == made_at_0011
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
        assert bodies(conn) == pages
    assert compressions(db) == {"zlib"}
    assert answers(engine) == answered
    engine.dispose()
