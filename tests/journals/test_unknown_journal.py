"""Articles stored with no journal (flag `journal_unknown`), as a researcher
meets them: counted apart by `journals stats`, found by search and export with
the journal empty, left out by `--journal`, shown as `(unknown)`, cited with no
journal field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy.orm import Session
from support.runners import journals

from pipelines.db.database import Writer, open_engine

BODY = "青浦区人大常委会高度重视联系人民群众工作，坚持走群众路线。\n从走访中体察民情。"


def item(article_id: int, journal: str | None, title: str) -> dict:
    return {
        "url": f"http://copy.example/{article_id}.html",
        "source_host": "copy.example",
        "article_id": article_id,
        "title": title,
        "authors": ["陈殊书"],
        "date": "2018-11-20",
        "time": None,
        "journal": journal,
        "year": 2018 if journal else None,
        "issue": "9" if journal else None,
        "issue_label": None,
        "keywords": ["民情"],
        "body": f"{title}。{BODY}",
        "flags": [] if journal else ["journal_unknown"],
    }


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path: Path = tmp_path_factory.mktemp("unknown") / "a.db"
    engine = open_engine(f"sqlite:///{path}", create=True)
    with Session(engine) as session, session.begin():
        writer = Writer(session)
        writer.write(item(1, "上海人大月刊", "代表工作站"), "2026-01-01T00:00:00+00:00")
        writer.write(item(2, None, "联系群众三篇文章"), "2026-01-01T00:00:00+00:00")
        writer.write(item(3, None, "预算审查监督"), "2026-01-01T00:00:00+00:00")
    engine.dispose()
    return f"sqlite:///{path}"


def run(*args: str) -> str:
    done = journals(*args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_stats_counts_the_articles_with_no_journal_apart(db: str) -> None:
    out = run("stats", "--db", db)
    assert "3 articles in 1 journals" in out
    assert "articles with no journal: 2" in out.splitlines()


def test_search_and_export_keep_them_and_journal_filters_leave_them_out(db: str) -> None:
    found = [
        json.loads(line)
        for line in run("search", "民情", "--format", "jsonl", "--db", db).splitlines()
    ]
    assert {row["id"]: row["journal"] for row in found} == {1: "上海人大月刊", 2: None, 3: None}
    exported = [json.loads(line) for line in run("export", "--db", db).splitlines()]
    assert {row["id"] for row in exported} == {1, 2, 3}
    assert [row["flags"] for row in exported if row["journal"] is None] == [["journal_unknown"]] * 2
    only = run("export", "--journal", "上海人大月刊", "--db", db).splitlines()
    assert [json.loads(line)["id"] for line in only] == [1]
    table = run("search", "民情", "--db", db)
    assert "联系群众三篇文章" in table


def test_show_says_the_journal_is_unknown(db: str) -> None:
    out = run("show", "2", "--db", db)
    assert "journal   (unknown)" in out.splitlines()
    assert "flags     journal_unknown" in out.splitlines()


def test_citations_have_no_journal_field_for_them(db: str) -> None:
    ris = run("export", "--format", "ris", "--db", db).split("ER  -")
    unknown = next(entry for entry in ris if "ID  - 2\n" in entry)
    assert "T2  -" not in unknown and "JO  -" not in unknown and "PY  -" not in unknown
    known = next(entry for entry in ris if "ID  - 1\n" in entry)
    assert "JO  - 上海人大月刊" in known
    bib = run("export", "--format", "bibtex", "--db", db).split("@article")
    unknown = next(entry for entry in bib if entry.startswith("{fx361-2,"))
    assert "journal =" not in unknown and "title = {联系群众三篇文章}" in unknown
