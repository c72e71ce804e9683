"""Both indexes in step with the articles: the trigram index (no copy of the
text) after every kind of write, plain SQL included (upserts and REPLACE of
keyword rows, ignored inserts, renamed keywords); the short-word index after
each commit of a session, and after `refresh` for what plain SQL wrote."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from support import records
from support.records import item
from test_fts_upgrade import short_index

from pipelines.db import grams, models
from pipelines.db.database import Writer, open_engine


def trigram_index(db: Path) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    """The trigram index's rows as it reads them, and the articles' (it checks its
    tokens against the text it reads: raises if they differ)."""
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
        indexed = {
            rowid: [value.removesuffix("\n\n") for value in rest]
            for rowid, *rest in conn.execute("SELECT rowid, * FROM articles_fts")
        }
        keywords: dict[int, list[str]] = {}
        for article_id, word in conn.execute(
            "SELECT article_id, word FROM article_keywords"
            " JOIN keywords ON keywords.id = keyword_id ORDER BY article_id, position"
        ):
            keywords.setdefault(article_id, []).append(word)
        expected = {
            article_id: [title, body, "；".join(keywords.get(article_id, []))]
            for article_id, title, body in conn.execute("SELECT id, title, body FROM articles")
        }
    return indexed, expected


def pending(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM articles_fts_short_pending").fetchone()[0]


def in_step(db: Path) -> bool:
    indexed, expected = trigram_index(db)
    held, wanted = short_index(db)
    return indexed == expected and held == wanted and pending(db) == 0


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "a.db"


def test_a_sessions_writes_are_indexed_at_its_commit(db: Path) -> None:
    engine = open_engine(f"sqlite:///{db}", create=True)

    def write(*items: dict) -> list[str]:
        return records.write(engine, *items)

    assert write(
        item(1, "青浦区建成代表工作站六十个。", ["工作站", "民情"]),
        item(2, "预算审查监督重点拓展改革。", ["预算审查"]),
    ) == ["new", "new"]
    assert in_step(db)
    assert write(item(1, "人大代表联络站接待选民。", ["联络站"])) == ["updated"]
    assert in_step(db)
    with Session(engine) as session, session.begin():
        keyword = session.scalars(select(models.Keyword).filter_by(word="预算审查")).one()
        keyword.word = "预算联网监督"
    assert in_step(db)
    with Session(engine) as session, session.begin():
        for fingerprint in session.scalars(select(models.Fingerprint).filter_by(article_id=2)):
            session.delete(fingerprint)
        session.delete(session.get(models.Article, 2))
    assert in_step(db)
    held, _ = short_index(db)
    assert set(held) == {1} and {"联络", "联", "联:2", "工作"} <= held[1]
    engine.dispose()


PLAIN_SQL = [
    "UPDATE articles SET title = '联系群众三篇文章' WHERE id = 1",
    "UPDATE articles SET body = body || '又一段。', fetched_at = 'x' WHERE id = 2",
    "UPDATE articles SET fetched_at = 'y'",  # no text changed: nothing to do
    "INSERT INTO keywords (word) VALUES ('代表之家')",
    "INSERT OR REPLACE INTO article_keywords (article_id, position, keyword_id)"
    " VALUES (1, 0, (SELECT id FROM keywords WHERE word = '代表之家'))",
    "INSERT OR IGNORE INTO article_keywords (article_id, position, keyword_id)"
    " VALUES (1, 0, (SELECT id FROM keywords WHERE word = '民情'))",
    "INSERT INTO article_keywords (article_id, position, keyword_id)"
    " VALUES (2, 0, (SELECT id FROM keywords WHERE word = '民情'))"
    " ON CONFLICT DO UPDATE SET keyword_id = excluded.keyword_id",
    "INSERT INTO article_keywords (article_id, position, keyword_id)"
    " VALUES (2, 5, (SELECT id FROM keywords WHERE word = '代表之家'))"
    " ON CONFLICT DO NOTHING",
    "UPDATE article_keywords SET article_id = 1, position = 7"
    " WHERE article_id = 2 AND position = 5",
    "UPDATE keywords SET word = '民情日记' WHERE word = '民情'",
    "DELETE FROM article_keywords WHERE article_id = 1 AND position = 1",
    "DELETE FROM sources WHERE article_id = 2",
    "DELETE FROM fingerprints WHERE article_id = 2",
    "DELETE FROM article_authors WHERE article_id = 2",
    "DELETE FROM article_keywords WHERE article_id = 2",
    "DELETE FROM articles WHERE id = 2",
]


def test_plain_sql_keeps_the_trigram_index_and_marks_the_short_words(db: Path) -> None:
    engine = open_engine(f"sqlite:///{db}", create=True)
    with Session(engine) as session, session.begin():
        writer = Writer(session)
        writer.write(item(1, "青浦区建成代表工作站六十个。", ["工作站", "民情"]), "2026-01-02")
        writer.write(item(2, "预算审查监督重点拓展改革。", ["预算审查", "民情"]), "2026-01-02")
    assert in_step(db)
    marked = 0
    for statement in PLAIN_SQL:
        with sqlite3.connect(db) as conn:
            conn.execute(statement)
        indexed, expected = trigram_index(db)
        assert indexed == expected, statement
        assert pending(db) >= marked, statement
        marked = pending(db)
    assert marked == 2
    held, wanted = short_index(db)
    assert held != wanted  # out of date until refreshed
    with engine.begin() as connection:
        assert grams.refresh(connection) == 2
    assert in_step(db)
    engine.dispose()


def test_a_refresh_is_bounded_and_the_rest_waits(db: Path) -> None:
    engine = open_engine(f"sqlite:///{db}", create=True)
    with sqlite3.connect(db) as conn:  # as a plain-SQL import would
        conn.execute("INSERT INTO journals (name) VALUES ('浙江人大')")
        conn.executemany(
            "INSERT INTO articles (id, title, journal_id, body, flags, url, source_host,"
            " fetched_at, updated_at) VALUES (?, ?, 1, ?, '[]', 'u', 'h', 't', 't')",
            [(n, f"标题{n}", f"正文第{n}篇。" * n) for n in range(1, 8)],
        )
    assert pending(db) == 7
    with engine.begin() as connection:
        assert grams.refresh(connection, limit=3) == 3
    assert pending(db) == 4
    with Session(engine) as session, session.begin():  # any commit takes the rest
        session.add(models.Journal(name="人大研究"))
    assert in_step(db)
    engine.dispose()


def test_a_lost_row_makes_the_index_again(db: Path, caplog: pytest.LogCaptureFixture) -> None:
    engine = open_engine(f"sqlite:///{db}", create=True)
    with Session(engine) as session, session.begin():
        Writer(session).write(item(1, "青浦区建成代表工作站。", ["民情"]), "2026-01-02")
    with sqlite3.connect(db) as conn:  # what REPLACE of an article would leave
        conn.execute("DELETE FROM articles_fts_short_old")
        conn.execute("INSERT INTO articles_fts_short_pending (id) VALUES (1)")
    with engine.begin() as connection:
        assert grams.refresh(connection) == 1
    assert "rebuilt" in caplog.text
    assert in_step(db)
    engine.dispose()


def docsize(session: Session, article_id: int) -> int:
    """Whether the trigram index has a row for the article (as the session sees it)."""
    return (
        session.connection()
        .exec_driver_sql("SELECT count(*) FROM articles_fts_docsize WHERE id = ?", (article_id,))
        .scalar_one()
    )


def test_an_article_a_writer_changes_is_indexed_once_at_the_commit(db: Path) -> None:
    engine = open_engine(f"sqlite:///{db}", create=True)
    with Session(engine) as session, session.begin():
        writer = Writer(session)
        writer.write(item(1, "青浦区建成代表工作站六十个。", ["工作站", "民情", "代表"]), "t")
        session.flush()  # the article and its three keyword rows are written…
        assert docsize(session, 1) == 0  # …and none of them indexed it yet
        assert session.connection().exec_driver_sql("SELECT id FROM articles_fts_hold").all() == [
            (1,)
        ]
    assert in_step(db)  # the commit indexed it, as it is, and let it go
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles_fts_hold").fetchone() == (0,)

    with Session(engine) as session, session.begin():
        writer = Writer(session)
        assert writer.write(item(1, "人大代表联络站接待选民。", ["联络站"]), "t") == "updated"
        session.flush()
        assert docsize(session, 1) == 0  # out of the index while held
        # a plain write in the same transaction to an article not held is indexed at once
        writer.write(item(2, "预算审查监督重点拓展改革。", []), "t")
        session.flush()
        session.connection().exec_driver_sql("DELETE FROM articles_fts_hold WHERE id = 2")
        session.connection().exec_driver_sql(
            "INSERT INTO article_keywords (article_id, position, keyword_id)"
            " SELECT 2, 0, id FROM keywords WHERE word = '民情'"
        )
        assert docsize(session, 2) == 1
    assert in_step(db)
    engine.dispose()


def test_a_rolled_back_write_leaves_the_indexes_as_they_were(db: Path) -> None:
    engine = open_engine(f"sqlite:///{db}", create=True)
    with Session(engine) as session, session.begin():
        Writer(session).write(item(1, "青浦区建成代表工作站六十个。", ["工作站"]), "t")
    before = trigram_index(db)
    with Session(engine) as session, session.begin():
        Writer(session).write(item(1, "人大代表联络站接待选民。", ["联络站"]), "t")
        session.flush()
        session.rollback()
    assert trigram_index(db) == before
    assert in_step(db)
    engine.dispose()
