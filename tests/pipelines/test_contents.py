"""What the issue's table of contents says of an article (its column, 栏目,
and its place in the contents) passes cleaning and validation, is stored by
revision 0009, filled by any copy that has it and never erased by one that
has not; the cleanest copy's text still wins. Real SQLite files, the store's
own writer, the migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from scrapy.utils.test import get_crawler
from sqlalchemy import create_engine
from sqlalchemy.orm import Session
from support.records import seed_copy
from support.runners import FIXTURES

from crawler.items import Article
from journals.export import records
from pipelines.clean import CleanPipeline
from pipelines.db import migrate
from pipelines.db.database import Writer, open_engine
from pipelines.validate import ValidatePipeline

BODY = "青浦区人大常委会高度重视联系人民群众工作，坚持走群众路线。\n倾听民声\n从走访中体察民情。"
URL = "https://www.fx361.com/page/2018/1120/5108306.shtml"
NOW = "2026-01-02T00:00:00+00:00"


def copy(url: str = URL, flags: tuple[str, ...] = (), body: str = BODY, **toc: Any) -> dict:
    """A copy of one article; `toc` gives its column and toc_position, if any."""
    return seed_copy(url, body, flags=list(flags), **toc)


# From the issue page's table of contents (the fx361 spider).
LISTED = copy(column="代表风采", toc_position=3)
# The same page fetched alone (the `article` spider): no contents read.
ALONE = copy()
# A copy site's worse copy: no contents either.
MIRROR = copy(
    "http://mirror.example/qikan/1.html", ("converted_t2s", "garbled"), BODY + "\n活动?;顒悠陂g"
)


def write(engine: Any, *items: dict) -> list[str]:
    """Each item in its own transaction, as separate crawls would; the outcomes."""
    outcomes = []
    for item in items:
        with Session(engine) as session, session.begin():
            outcomes.append(Writer(session).write(item, NOW))
    return outcomes


def stored(engine: Any) -> list[dict[str, Any]]:
    with Session(engine) as session:
        return list(records(session))


@pytest.mark.parametrize(
    "order",
    [(LISTED, ALONE, MIRROR), (MIRROR, ALONE, LISTED), (ALONE, LISTED, MIRROR), (MIRROR, LISTED)],
    ids=["listed-first", "listed-last", "listed-between", "mirror-then-listed"],
)
def test_the_contents_fill_and_no_later_copy_erases_them(tmp_path: Path, order: tuple) -> None:
    engine = open_engine(f"sqlite:///{tmp_path / 'a.db'}", create=True)
    write(engine, *order)
    [row] = stored(engine)
    engine.dispose()
    assert (row["column"], row["toc_position"]) == ("代表风采", 3)
    # the cleanest copy's text, whichever came first
    assert (row["body"], row["flags"], row["url"]) == (BODY, [], URL)


def test_a_copy_that_only_adds_the_contents_is_an_update(tmp_path: Path) -> None:
    engine = open_engine(f"sqlite:///{tmp_path / 'a.db'}", create=True)
    assert write(engine, ALONE, LISTED, LISTED, ALONE) == [
        "new",
        "updated",
        "unchanged",
        "unchanged",
    ]
    # a later table of contents moves it: the newer reading wins
    moved = copy(column="特别策划", toc_position=1)
    assert write(engine, moved) == ["updated"]
    [row] = stored(engine)
    assert (row["column"], row["toc_position"]) == ("特别策划", 1)
    engine.dispose()


def test_a_worse_copy_from_the_contents_fills_them_and_leaves_the_text(tmp_path: Path) -> None:
    engine = open_engine(f"sqlite:///{tmp_path / 'a.db'}", create=True)
    listed_mirror = {**MIRROR, "column": "代表风采", "toc_position": 3}
    assert write(engine, ALONE, listed_mirror) == ["new", "updated"]
    [row] = stored(engine)
    engine.dispose()
    assert (row["column"], row["toc_position"], row["body"], row["flags"]) == (
        "代表风采",
        3,
        BODY,
        [],
    )


def test_an_empty_column_erases_nothing(tmp_path: Path) -> None:
    engine = open_engine(f"sqlite:///{tmp_path / 'a.db'}", create=True)
    write(engine, LISTED, copy(column="", toc_position=None), copy(column=None, toc_position=None))
    [row] = stored(engine)
    engine.dispose()
    assert (row["column"], row["toc_position"]) == ("代表风采", 3)


ROWS = [  # one article at the older revisions: journal, issue, article
    "INSERT INTO journals (id, name) VALUES (1, '上海人大月刊')",
    "INSERT INTO issues (id, journal_id, year, issue, label) VALUES (1, 1, 2018, '9', '2018年9期')",
    "INSERT INTO articles (id, title, date, time, journal_id, issue_id, body, flags, url,"
    " source_host, fetched_at, updated_at) VALUES (5108306, '青浦：做好联系人民群众三篇文章',"
    f" '2018-11-20', NULL, 1, 1, '{BODY}', '[]', '{URL}', 'www.fx361.com', '{NOW}', '{NOW}')",
]


def article_list(db: Path) -> list[dict[str, Any]]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(row) for row in conn.execute("SELECT * FROM article_list")]


def upgraded_then_listed(db: Path) -> None:
    """Upgrade `db` to the newest revision and check the article came through
    with no contents known, then that a copy from the contents fills them."""
    engine = open_engine(f"sqlite:///{db}")
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (migrate.head(),)
        ]
        assert conn.execute(
            'SELECT id, title, "column", toc_position FROM articles'
        ).fetchall() == [(5108306, "青浦：做好联系人民群众三篇文章", None, None)]
    [row] = article_list(db)
    assert list(row)[7:10] == ["issue_label", "column", "toc_position"]
    assert (row["journal"], row["issue"], row["column"], row["toc_position"]) == (
        "上海人大月刊",
        "9",
        None,
        None,
    )
    assert write(engine, LISTED) == ["updated"]
    engine.dispose()
    [row] = article_list(db)
    assert (row["column"], row["toc_position"]) == ("代表风采", 3)


def test_a_database_at_the_previous_revision_upgrades(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    engine = create_engine(f"sqlite:///{db}")
    migrate.upgrade(engine, "0008")
    engine.dispose()
    with sqlite3.connect(db) as conn:
        for statement in ROWS:
            conn.execute(statement)
    assert "column" not in article_list(db)[0]
    upgraded_then_listed(db)


def test_a_first_version_database_upgrades(tmp_path: Path) -> None:
    db = tmp_path / "first.db"
    with sqlite3.connect(db) as conn:
        conn.executescript((FIXTURES / "schema_v1.sql").read_text(encoding="utf-8"))
        for statement in ROWS:
            conn.execute(statement)
    upgraded_then_listed(db)


def test_the_way_down_keeps_the_articles_and_the_old_view(tmp_path: Path) -> None:
    db, fresh = tmp_path / "a.db", tmp_path / "fresh.db"
    engine = open_engine(f"sqlite:///{db}", create=True)
    write(engine, LISTED)
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0008")
    engine.dispose()
    made = create_engine(f"sqlite:///{fresh}")
    migrate.upgrade(made, "0008")
    made.dispose()

    def sql(path: Path) -> list[tuple[str, str]]:
        with sqlite3.connect(path) as conn:
            return conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE name IN ('articles', 'article_list')"
            ).fetchall()

    assert sorted(sql(db)) == sorted(sql(fresh)) and len(sql(db)) == 2
    [row] = article_list(db)
    assert (row["id"], row["issue_label"]) == (5108306, "2018年9期")


@pytest.mark.parametrize(
    ("body", "column", "expected"),
    [
        (BODY, "代表风采", "代表风采"),
        (BODY, "　代表风采 ", "代表风采"),  # spaces around the heading
        (
            "青浦區人大常委會高度重視聯繫人民群眾工作。",
            "代表風采",
            "代表风采",
        ),  # a Traditional page
        (BODY, " 　", None),  # a heading of nothing
        (BODY, None, None),
    ],
)
def test_clean_and_validate_pass_the_contents_through(
    body: str, column: str | None, expected: str | None
) -> None:
    fields = {k: v for k, v in copy(body=body).items() if k in Article.__dataclass_fields__}
    article = Article(**{**fields, "column": column, "toc_position": 3})
    crawler = get_crawler()
    crawler.stats.open_spider()
    item = ValidatePipeline.from_crawler(crawler).process_item(
        CleanPipeline().process_item(article)
    )
    assert (item.column, item.toc_position) == (expected, 3)
