"""`journals export` with filters and a query; RIS and BibTeX that the parser
libraries reference managers rely on read back to the same records. The
tests taking `crawled_url` run on the crawl in SQLite and in PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors
from sqlalchemy.orm import Session
from support.runners import Crawled, journals
from test_search import SEED, Truth, truth

from journals.export import records
from journals.filters import Filters
from pipelines.db.database import Writer, open_engine


@pytest.fixture(scope="module")
def expected(crawled: Crawled) -> dict[int, Truth]:
    return {t.id: t for t in truth(crawled)}


def export(db: str, *args: str) -> str:
    """`journals export ARGS` of the database at `db`."""
    done = journals("export", *args, "--db", db)
    assert done.returncode == 0, done.stderr
    return done.stdout


def all_records(db: str) -> dict[int, dict[str, Any]]:
    lines = export(db, "--format", "jsonl").splitlines()
    return {row["id"]: row for row in map(json.loads, lines)}


def test_ris_reads_back_with_rispy(crawled_url: str, expected: dict[int, Truth]) -> None:
    text = export(crawled_url, "--format", "ris", "--journal", "浙江人大", "--year", "2014-2015")
    entries = rispy.loads(text)
    want = {t.id for t in expected.values() if t.journal == "浙江人大" and 2014 <= t.year <= 2015}
    assert {int(e["id"]) for e in entries} == want and want
    stored = all_records(crawled_url)
    for entry in entries:
        row, t = stored[int(entry["id"])], expected[int(entry["id"])]
        assert entry["type_of_reference"] == "JOUR"
        assert entry["title"] == t.title
        assert entry.get("authors", []) == list(t.authors)
        assert entry.get("keywords", []) == list(t.keywords)
        assert entry["secondary_title"] == entry["journal_name"] == "浙江人大"
        assert (entry["year"], entry["number"]) == (str(t.year), t.issue)
        assert entry["date"] == row["date"].replace("-", "/")
        assert entry["urls"] == [row["url"]]


def test_bibtex_reads_back_with_bibtexparser(crawled_url: str, expected: dict[int, Truth]) -> None:
    text = export(crawled_url, "--format", "bibtex", "--province", "甘肃")
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert library.failed_blocks == []
    want = {t.id for t in expected.values() if t.journal == "人大研究"}
    assert {int(e.key.removeprefix("fx361-")) for e in library.entries} == want and want
    stored = all_records(crawled_url)
    for entry in library.entries:
        article_id = int(entry.key.removeprefix("fx361-"))
        row, t = stored[article_id], expected[article_id]
        fields = {name: field.value for name, field in entry.fields_dict.items()}
        assert entry.entry_type == "article"
        assert fields["title"] == t.title
        assert fields.get("author", "") == " and ".join(t.authors)
        assert fields.get("keywords", "") == ", ".join(t.keywords)
        assert fields["journal"] == "人大研究"
        assert (fields["year"], fields["number"]) == (str(t.year), t.issue)
        assert fields["url"] == row["url"]


def test_special_characters_survive_both_formats(tmp_path: Path) -> None:
    title = "增长10%_{预算}&审查 #1 $ ~ \\ 末"
    item = {
        "url": "http://copy.example/a?id=1%202&x_y#z",
        "source_host": "copy.example",
        "article_id": None,
        "title": title,
        "authors": ["Li, Wei", "陈殊书", "A B"],
        "date": "2018-11-20",
        "time": None,
        "journal": "上海人大月刊",
        "year": 2018,
        "issue": "Z1",
        "keywords": ["民情", "a_b{c}"],
        "body": "正文。",
        "flags": [],
    }
    db = tmp_path / "a.db"
    engine = open_engine(f"sqlite:///{db}", create=True)
    with Session(engine) as session, session.begin():
        Writer(session).write(item, "2026-01-01T00:00:00+00:00")
    with Session(engine) as session:
        (row,) = records(session)
    engine.dispose()
    args = ["--db", f"sqlite:///{db}"]

    (ris,) = rispy.loads(journals("export", "--format", "ris", *args).stdout)
    assert (ris["title"], ris["authors"], ris["keywords"]) == (
        title,
        item["authors"],
        item["keywords"],
    )
    assert ris["urls"] == [item["url"]] and int(ris["id"]) == row["id"] < 0

    bib = journals("export", "--format", "bibtex", *args).stdout
    decoded = bibtexparser.parse_string(bib, append_middleware=[LatexDecodingMiddleware()])
    (entry,) = decoded.entries
    assert entry.key == f"text{row['id']}"
    assert entry.fields_dict["title"].value == title
    assert entry.fields_dict["keywords"].value == "民情, a_b{c}"
    # the URL is verbatim, not LaTeX; a name with a comma or space is one name
    raw = bibtexparser.parse_string(bib, append_middleware=[SeparateCoAuthors()])
    (entry,) = raw.entries
    assert entry.fields_dict["url"].value == item["url"]
    names = [name.removeprefix("{").removesuffix("}") for name in entry["author"]]
    assert names == item["authors"]


def test_export_takes_the_search_filters(crawled_url: str, expected: dict[int, Truth]) -> None:
    filters = Filters(years=(2018, 2018), issue="9")
    lines = export(crawled_url, "--year", "2018", "--issue", "9").splitlines()
    want = {t.id for t in expected.values() if t.passes(filters)}
    assert {json.loads(line)["id"] for line in lines} == want and SEED in want


def test_export_of_a_query_is_in_search_order(crawled_url: str) -> None:
    ranked = [
        json.loads(line)["id"]
        for line in journals(
            "search", "工作站", "--limit", "0", "--format", "jsonl", "--db", crawled_url
        ).stdout.splitlines()
    ]
    lines = export(crawled_url, "--query", "工作站").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ranked
    assert ranked[0] == SEED and len(ranked) > 5


def test_each_article_keeps_its_column_and_place(
    crawled_url: str, expected: dict[int, Truth]
) -> None:
    """The crawl read every issue's table of contents; the mirror's copy of the
    seed (the `article` spider) was read without one."""
    stored = all_records(crawled_url)
    assert {i: (row["column"], row["toc_position"]) for i, row in stored.items()} == {
        i: (t.column, t.position) for i, t in expected.items()
    }
    assert expected[SEED].column is None and sum(t.column is not None for t in expected.values())
    column = expected[min(expected)].column
    assert column is not None
    lines = export(crawled_url, "--column", column, "--format", "jsonl").splitlines()
    assert {json.loads(line)["id"] for line in lines} == {
        i for i, t in expected.items() if t.column == column
    }


def test_ris_is_what_rispy_writes_of_the_records() -> None:
    import io

    from journals.citations import RisWriter, ris_record, write_ris

    rows = [
        {"id": 1, "title": "题\n一", "authors": ["甲", "乙"], "journal": "刊", "year": 2018,
         "issue": "Z1", "keywords": ["民情"], "date": "2018-11-20", "url": "http://x/1"},
        {"id": -7, "title": "无刊", "authors": [], "journal": None, "year": None, "issue": None,
         "keywords": [], "date": None, "url": "http://y/2?a=1;b=2"},
    ]  # fmt: skip
    out = io.StringIO()
    assert write_ris(rows, out) == 2
    text = out.getvalue()
    assert text == rispy.dumps([ris_record(row) for row in rows], implementation=RisWriter)
    assert not [line for line in text.splitlines() if line and not line[:2].isalnum()]
    first, second = rispy.loads(text)
    assert (first["title"], first["authors"], first["number"]) == ("题 一", ["甲", "乙"], "Z1")
    assert "journal_name" not in second and "year" not in second and second["id"] == "-7"
