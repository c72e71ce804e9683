"""An article whose copy names no journal is stored, flagged `journal_unknown`;
a copy that names the journal fills it in, whichever comes first, and a copy
that names none never erases it. The validate pipeline and the store's writer
on real SQLite files; a database of revision 0009 with articles upgrades."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from scrapy.utils.test import get_crawler
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from crawler.items import Article
from journals.export import records
from pipelines.db import migrate
from pipelines.db.database import Writer, open_engine
from pipelines.validate import ValidatePipeline

BODY = "青浦区人大常委会高度重视联系人民群众工作，坚持走群众路线。\n倾听民声\n从走访中体察民情。"
NOW = "2026-01-02T00:00:00+00:00"


def copy(url: str, journal: str | None, flags: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        "url": url,
        "source_host": url.split("/")[2],
        "article_id": 5108306,
        "title": "青浦：做好联系人民群众三篇文章",
        "authors": ["陈殊书"],
        "date": "2018-11-20",
        "time": None,
        "journal": journal,
        "year": 2018,
        "issue": "9",
        "issue_label": "2018年9期",
        "keywords": ["民情"],
        "body": BODY,
        "flags": list(flags),
        "fetched_at": "2026-01-01T00:00:00+00:00",
    }


def validated(item: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The item as the validate pipeline passes it on, and the crawl's stats."""
    crawler = get_crawler()
    crawler.stats.open_spider()
    fields = {k: v for k, v in item.items() if k in Article.__dataclass_fields__}
    out = ValidatePipeline(crawler).process_item(Article(**fields))
    return {**item, **vars(out)}, crawler.stats.get_stats()


def store(db: Path, *items: dict[str, Any]) -> tuple[list[dict[str, Any]], list[str]]:
    """The records after writing the validated items (one transaction each), and the outcomes."""
    engine = open_engine(f"sqlite:///{db}", create=True)
    outcomes = []
    for item in items:
        with Session(engine) as session, session.begin():
            outcomes.append(Writer(session).write(validated(item)[0], NOW))
    with Session(engine) as session:
        rows = list(records(session))
    engine.dispose()
    return rows, outcomes


COPY_SITE = copy("http://copy.example/a/1.html", None)
AGGREGATOR = copy("https://www.fx361.com/page/2018/1120/5108306.shtml", "上海人大月刊")
# A mirror's copy that names the journal, with a span its conversion garbled.
GARBLED = {
    **copy("http://mirror.example/1.html", "上海人大月刊", ("garbled",)),
    "body": BODY + "\n活动?;顒悠陂g",
}


def test_validate_flags_an_article_with_no_journal_and_keeps_it() -> None:
    item, stats = validated(COPY_SITE)
    assert (item["journal"], item["year"], item["issue"], item["issue_label"]) == (None,) * 4
    assert item["flags"] == ["journal_unknown"]
    assert stats["validate/flagged/journal_unknown"] == 1
    assert not any(key.startswith("validate/dropped/") for key in stats)


def test_an_article_with_no_journal_is_stored_flagged(tmp_path: Path) -> None:
    (row,), outcomes = store(tmp_path / "a.db", COPY_SITE)
    assert outcomes == ["new"]
    assert (row["journal"], row["year"], row["issue"]) == (None, None, None)
    assert row["flags"] == ["journal_unknown"] and row["body"] == BODY
    with sqlite3.connect(tmp_path / "a.db") as conn:
        listed = conn.execute("select id, journal, year from article_list").fetchall()
        indexed = conn.execute(
            "select rowid from articles_fts where articles_fts match '体察民情'"
        ).fetchall()
    assert listed == [(5108306, None, None)] and indexed == [(5108306,)]


@pytest.mark.parametrize(
    "order",
    [(COPY_SITE, AGGREGATOR), (AGGREGATOR, COPY_SITE)],
    ids=["no-journal-first", "journal-first"],
)
def test_the_copy_that_names_the_journal_fills_it_whichever_comes_first(
    tmp_path: Path, order: tuple
) -> None:
    (row,), outcomes = store(tmp_path / "a.db", *order)
    assert (row["journal"], row["year"], row["issue"]) == ("上海人大月刊", 2018, "9")
    assert row["flags"] == []
    assert row["url"] == AGGREGATOR["url"]  # a copy with no journal adds only its URL
    assert sorted(row["sources"]) == sorted([COPY_SITE["url"], AGGREGATOR["url"]])
    assert outcomes == ["new", "updated" if order[0] is COPY_SITE else "unchanged"]


def test_a_worse_copy_that_names_the_journal_fills_it_keeping_the_cleaner_text(
    tmp_path: Path,
) -> None:
    (row,), outcomes = store(tmp_path / "a.db", COPY_SITE, GARBLED)
    assert outcomes == ["new", "updated"]
    assert (row["journal"], row["year"], row["issue"], row["flags"]) == (
        "上海人大月刊",
        2018,
        "9",
        [],
    )
    assert row["body"] == BODY and row["url"] == COPY_SITE["url"]


def test_an_upgrade_from_0009_keeps_the_articles_and_their_index(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    engine = create_engine(f"sqlite:///{db}")
    migrate.upgrade(engine, "0009")
    with engine.begin() as conn:
        conn.exec_driver_sql("insert into journals (id, name) values (1, '上海人大月刊')")
        conn.exec_driver_sql(
            "insert into articles (id, title, journal_id, body, flags, url, source_host,"
            " fetched_at, updated_at) values (7, '题目', 1, '体察民情的正文', '[]', 'http://x/7',"
            " 'x', '', '')"
        )
        conn.exec_driver_sql("insert into fingerprints (digest, article_id) values ('d', 7)")
        conn.exec_driver_sql(
            "insert into sources (article_id, url, host, first_seen, last_seen)"
            " values (7, 'http://x/7', 'x', '', '')"
        )
    engine.dispose()
    open_engine(f"sqlite:///{db}").dispose()
    with sqlite3.connect(db) as conn:
        assert conn.execute("select id, journal from article_list").fetchall() == [
            (7, "上海人大月刊")
        ]
        assert conn.execute(
            "select rowid from articles_fts where articles_fts match '体察民情'"
        ).fetchall() == [(7,)]
        assert conn.execute("select count(*) from fingerprints").fetchone() == (1,)
        assert conn.execute("pragma foreign_key_check").fetchall() == []
        conn.execute("update articles set title = '联系群众' where id = 7")  # triggers work
        assert conn.execute(
            "select rowid from articles_fts where articles_fts match '联系群众'"
        ).fetchall() == [(7,)]
    (row, _), _ = store(db, COPY_SITE)  # taken, listed first (those with no journal are)
    assert (row["id"], row["journal"], row["flags"]) == (5108306, None, ["journal_unknown"])


def test_a_cleaner_copy_with_no_journal_gives_its_text_and_keeps_the_journal(
    tmp_path: Path,
) -> None:
    (row,), outcomes = store(tmp_path / "a.db", GARBLED, COPY_SITE)
    assert outcomes == ["new", "updated"]
    assert (row["journal"], row["year"], row["issue"], row["flags"]) == (
        "上海人大月刊",
        2018,
        "9",
        [],
    )
    assert row["body"] == BODY and row["url"] == COPY_SITE["url"]
