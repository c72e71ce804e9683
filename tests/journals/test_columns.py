"""What the table of contents says of an article reaches the researcher: the
export's fields `column` and `toc_position` (after `issue`), `--column` for
search, export and reparse (any of the names given), `journals show`. On a
database written by the store's own writer, no crawl needed."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from scrapy.http import Response
from sqlalchemy.orm import Session

from journals.cli import main, parsers
from journals.cli.upkeep import page_selection
from journals.export import FIELDS
from journals.pageselect import selected_pages
from pipelines.db import models
from pipelines.db.database import Writer, open_engine
from pipelines.db.pages import page_row, upsert_pages

NOW = "2026-01-02T00:00:00+00:00"
EXPORTED = [
    "id",
    "url",
    "sources",
    "title",
    "authors",
    "date",
    "time",
    "journal",
    "year",
    "issue",
    "column",
    "toc_position",
    "keywords",
    "body",
    "flags",
    "fetched_at",
]


def item(article_id: int, journal: str, year: int, issue: str, **toc: Any) -> dict[str, Any]:
    nth = "零一二三四五六七八九"[article_id % 10]  # a text of its own: no shared fingerprint
    return {
        "url": f"https://www.fx361.com/page/{year}/0101/{article_id}.shtml",
        "source_host": "www.fx361.com",
        "article_id": article_id,
        "title": f"人大代表履职第{nth}篇",
        "authors": ["陈殊书"],
        "date": f"{year}-01-01",
        "time": None,
        "journal": journal,
        "year": year,
        "issue": issue,
        "issue_label": f"{year}年{issue}期",
        "keywords": ["民情"],
        "body": f"人大代表联系群众，第{nth}篇的正文。",
        "flags": [],
        "fetched_at": NOW,
        **toc,
    }


ITEMS = [
    item(101, "上海人大月刊", 2018, "9", column="代表风采", toc_position=1),
    item(102, "上海人大月刊", 2018, "9", column="代表风采", toc_position=2),
    item(103, "上海人大月刊", 2018, "9", column="特别策划", toc_position=3),
    item(104, "浙江人大", 2017, "Z1", column="特别策划", toc_position=1),
    item(105, "上海人大月刊", 2018, "9"),  # stored by the `article` spider: no contents read
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The five articles, and the archived page of each."""
    url = f"sqlite:///{tmp_path_factory.mktemp('columns') / 'a.db'}"
    engine = open_engine(url, create=True)
    with Session(engine) as session, session.begin():
        writer = Writer(session)
        for i in ITEMS:
            writer.write(i, NOW)
        rows = [page_row(Response(i["url"], body=b"<html>"), NOW, None, None) for i in ITEMS]
        upsert_pages(session, rows)
    engine.dispose()
    return url


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


def exported(capsys: pytest.CaptureFixture[str], db: str, *args: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in run(capsys, "export", "--db", db, *args).splitlines()]


def test_the_export_fields_in_order() -> None:
    assert list(FIELDS) == EXPORTED


def test_jsonl_and_csv_carry_the_column_after_the_issue(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    rows = {row["id"]: row for row in exported(capsys, db)}
    assert all(list(row) == EXPORTED for row in rows.values())
    assert {i: (r["issue"], r["column"], r["toc_position"]) for i, r in rows.items()} == {
        101: ("9", "代表风采", 1),
        102: ("9", "代表风采", 2),
        103: ("9", "特别策划", 3),
        104: ("Z1", "特别策划", 1),
        105: ("9", None, None),
    }
    table = list(csv.reader(io.StringIO(run(capsys, "export", "--db", db, "--format", "csv"))))
    assert table[0] == EXPORTED
    by_id = {line[0]: dict(zip(table[0], line, strict=True)) for line in table[1:]}
    assert (by_id["103"]["column"], by_id["103"]["toc_position"]) == ("特别策划", "3")
    assert (by_id["105"]["column"], by_id["105"]["toc_position"]) == ("", "")


@pytest.mark.parametrize(
    ("args", "want"),
    [
        (["--column", "代表风采"], {101, 102}),
        (["--column", "代表风采", "--column", "特别策划"], {101, 102, 103, 104}),
        (["--column", " 特别策划 "], {103, 104}),  # spaces around the name go
        (["--column", "特别策划", "--year", "2018"], {103}),  # and the other filters
        (["--column", "特别策划", "--journal", "浙江人大"], {104}),
        (["--column", "代表"], set()),  # the name exactly
        ([], {101, 102, 103, 104, 105}),
    ],
)
def test_export_takes_any_of_the_columns(
    capsys: pytest.CaptureFixture[str], db: str, args: list[str], want: set[int]
) -> None:
    assert {row["id"] for row in exported(capsys, db, *args)} == want


def test_search_takes_the_columns(capsys: pytest.CaptureFixture[str], db: str) -> None:
    out = run(capsys, "search", "人大代表", "--db", db, "--column", "特别策划", "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert sorted((row["id"], row["column"]) for row in rows) == [
        (103, "特别策划"),
        (104, "特别策划"),
    ]
    everything = run(capsys, "search", "人大代表", "--db", db, "--limit", "0", "--format", "csv")
    assert len(list(csv.DictReader(io.StringIO(everything)))) == len(ITEMS)


def test_reparse_selects_the_pages_of_the_columns(db: str) -> None:
    reparse = parsers()[1]["reparse"]
    selection = page_selection(
        reparse.parse_args(["--column", "代表风采", "--column", "特别策划", "--year", "2018"])
    )
    engine = open_engine(db)
    with Session(engine) as session:
        ids = session.scalars(selected_pages(selection)).all()
        urls = {session.get(models.Page, i).url for i in ids}
    engine.dispose()
    assert urls == {i["url"] for i in ITEMS[:3]}


def test_show_says_where_the_contents_list_it(capsys: pytest.CaptureFixture[str], db: str) -> None:
    shown = run(capsys, "show", "103", "--db", db).splitlines()
    assert "column    特别策划 (no. 3 in the issue's contents)" in shown
    assert (
        shown.index("column    特别策划 (no. 3 in the issue's contents)")
        == shown.index("issue     2018年9期 (year 2018, issue 9)") + 1
    )
    assert not any(
        line.startswith("column") for line in run(capsys, "show", "105", "--db", db).splitlines()
    )
    as_json = json.loads(run(capsys, "show", "103", "--db", db, "--format", "json"))
    assert (as_json["column"], as_json["toc_position"]) == ("特别策划", 3)
