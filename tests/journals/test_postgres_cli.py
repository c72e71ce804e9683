"""The `journals` commands on a PostgreSQL database (`--db` a PostgreSQL URL):
stats, runs, failed and every export format say what they say of the same
crawl into SQLite, and search finds and ranks as SQLite's indexes do;
`export --format sqlite` copies it into a SQLite file that `journals serve`
(Datasette) serves; `serve` itself names that way in one line."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session
from support.runners import Crawled, journals
from test_search import SEED
from test_serve import get, serving

from journals import search
from journals.filters import EVERYTHING, Filters
from journals.session import database

# When a copy was fetched, or a run started, differs from one crawl to the next.
FETCHED = "fetched_at"
CLOCK = re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d")


def output(*args: str) -> str:
    done = journals(*args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def rows_of(fmt: str, text: str) -> list:
    """The records of an export, sorted, without their fetch times."""
    if fmt == "jsonl":
        records = [json.loads(line) for line in text.splitlines()]
    elif fmt == "csv":
        records = list(csv.DictReader(io.StringIO(text)))
    else:  # RIS and BibTeX: one record a blank-line-separated block
        return sorted(block for block in re.split(r"\n\s*\n", text) if block.strip())
    for record in records:
        record.pop(FETCHED)
    return sorted(records, key=lambda record: int(record["id"]))


def hits(text: str) -> list[dict]:
    """Search results in their order (ids, scores, snippets), without their fetch times."""
    found = [json.loads(line) for line in text.splitlines()]
    for hit in found:
        hit.pop(FETCHED)
    return found


@pytest.mark.parametrize("command", [["stats"], ["failed"], ["runs", "--limit", "0"]])
def test_the_reports_say_the_same_as_for_sqlite(
    command: list[str], crawled: Crawled, crawled_postgres: str
) -> None:
    on_postgres = output(*command, "--db", crawled_postgres)
    on_sqlite = output(*command, "--db", f"sqlite:///{crawled.db}")
    assert on_postgres.strip()
    assert CLOCK.sub("TIME", on_postgres) == CLOCK.sub("TIME", on_sqlite)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "ris", "bibtex"])
def test_every_export_format_gives_the_same_articles(
    fmt: str, crawled: Crawled, crawled_postgres: str
) -> None:
    on_postgres = rows_of(fmt, output("export", "--format", fmt, "--db", crawled_postgres))
    on_sqlite = rows_of(fmt, output("export", "--format", fmt, "--db", f"sqlite:///{crawled.db}"))
    assert len(on_postgres) > 100
    assert on_postgres == on_sqlite


@pytest.mark.parametrize(
    "chosen",
    [
        ("--journal", "浙江人大", "--year", "2014-2015"),
        ("--province", "浙江", "--column", "代表风采"),
        ("--keyword", "民情", "--author", "陈殊书"),
    ],
)
def test_filters_select_the_same_articles(
    chosen: tuple[str, ...], crawled: Crawled, crawled_postgres: str
) -> None:
    on_postgres = rows_of("jsonl", output("export", *chosen, "--db", crawled_postgres))
    assert on_postgres
    assert on_postgres == rows_of(
        "jsonl", output("export", *chosen, "--db", f"sqlite:///{crawled.db}")
    )


@pytest.fixture(scope="module")
def sqlite_copy(crawled_postgres: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("copy") / "articles.db"
    done = journals("export", "--format", "sqlite", "-o", str(copy), "--db", crawled_postgres)
    assert done.returncode == 0, done.stderr
    assert re.search(r"exported 12\d articles", done.stderr)
    return copy


def schema(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
        ).fetchall()


def test_the_sqlite_copy_holds_everything_with_the_project_schema(
    sqlite_copy: Path, crawled: Crawled, crawled_postgres: str
) -> None:
    assert schema(sqlite_copy) == schema(crawled.db)
    copied = f"sqlite:///{sqlite_copy}"
    # the same records, fetch times included: a copy
    assert output("export", "--db", copied) == output("export", "--db", crawled_postgres)
    assert output("runs", "--db", copied) == output("runs", "--db", crawled_postgres)
    # and its indexes answer as the crawl's own SQLite database does
    for query in ("民", "民情", "人大常委会"):
        search = ("search", query, "--format", "jsonl", "--limit", "0")
        found = hits(output(*search, "--db", copied))
        assert len(found) > 1
        assert found == hits(output(*search, "--db", f"sqlite:///{crawled.db}"))


def test_datasette_serves_the_sqlite_copy(sqlite_copy: Path) -> None:
    with serving(sqlite_copy) as base:
        rows = get(base, "/articles/search.json", q="民情", _shape="array")
        listed = get(base, "/articles/article_list.json", _shape="objects")
    assert rows[0]["id"] == SEED
    assert len(listed["rows"]) > 0


def test_the_sqlite_export_needs_a_new_file(sqlite_copy: Path, crawled_postgres: str) -> None:
    for args in (["-o", str(sqlite_copy)], [], ["-o", "x.db", "--journal", "浙江人大"]):
        done = journals("export", "--format", "sqlite", *args, "--db", crawled_postgres)
        assert done.returncode != 0
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert not Path("x.db").exists()


def test_serve_on_postgresql_says_how_to_get_a_sqlite_copy(crawled_postgres: str) -> None:
    done = journals("serve", "--db", crawled_postgres)
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "Datasette needs a SQLite file" in lines[0]
    assert "journals export --format sqlite -o" in lines[0]


@pytest.fixture(scope="module")
def sessions(crawled: Crawled, crawled_postgres: str) -> Iterator[tuple[Session, Session]]:
    """Sessions on the crawl in PostgreSQL and in SQLite."""
    with database(crawled_postgres) as postgres, database(f"sqlite:///{crawled.db}") as sqlite:
        yield postgres, sqlite


@pytest.mark.parametrize(
    "query",
    ["民", "AI", "民情", "人大常委会", "代表 民", "工作站 民情 监督", "工作站 工", "不存在的词语"],
)
@pytest.mark.parametrize("chosen", [EVERYTHING, Filters(journals=("浙江人大",))])
def test_search_finds_and_ranks_as_sqlite_does(
    query: str, chosen: Filters, sessions: tuple[Session, Session]
) -> None:
    """Terms of one, two, three and more characters, alone and together: the
    same ids in the same order, with the same scores and snippets, and as many."""
    postgres, sqlite = sessions
    found = search.search(postgres, query, chosen, None)
    assert found == search.search(sqlite, query, chosen, None)
    assert found[1] == search.count(postgres, query, chosen) == len(found[0])
    if query != "不存在的词语" and chosen == EVERYTHING:
        assert found[1] > 0


def test_the_best_few_and_their_count_are_sqlite_s(crawled: Crawled, crawled_postgres: str) -> None:
    search = ("search", "人大", "--limit", "5")
    on_postgres = output(*search, "--db", crawled_postgres)
    assert len(on_postgres.splitlines()) >= 5
    assert on_postgres == output(*search, "--db", f"sqlite:///{crawled.db}")
    export = ("export", "--query", "代表 监督", "--province", "浙江")
    assert rows_of("jsonl", output(*export, "--db", crawled_postgres)) == rows_of(
        "jsonl", output(*export, "--db", f"sqlite:///{crawled.db}")
    )
