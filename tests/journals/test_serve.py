"""`journals serve`: Datasette on the database, on a free loopback port; the
seed article found through its search over HTTP; descriptions and facets,
the column (栏目) among them."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session
from support.runners import ROOT, Crawled
from test_columns import ITEMS, NOW
from test_search import SEED, database_digest

from pipelines.db.database import Writer, open_engine
from pipelines.db.schema import TABLES


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(base: str, path: str, **params: str) -> Any:
    url = base + path + ("?" + urllib.parse.urlencode(params) if params else "")
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read().decode("utf-8"))


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """`journals serve` on `db` (its name: its file's stem); the base URL."""
    port = free_port()
    command = [sys.executable, "-m", "journals.cli", "serve", "--port", str(port)]
    with subprocess.Popen(
        [*command, "--db", f"sqlite:///{db}"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    get(base, "/-/versions.json")
                    break
                except OSError:
                    assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                    assert time.monotonic() < deadline, "journals serve did not start"
                    time.sleep(0.2)
            yield base
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    assert proc.returncode is not None


@pytest.fixture(scope="module")
def served(crawled: Crawled) -> Iterator[str]:
    with serving(crawled.db) as base:
        yield base


@pytest.mark.parametrize("query", ["民情", "工作站"])
def test_the_search_query_finds_the_seed_article_first(served: str, query: str) -> None:
    rows = get(served, "/articles/search.json", q=query, _shape="array")
    assert rows[0]["id"] == SEED
    assert f"【{query}】" in rows[0]["snippet"]
    assert json.loads(rows[0]["keywords"]) == ["民情", "工作站", "人大常委会"]


def test_the_search_query_takes_a_journal_and_years(served: str) -> None:
    rows = get(
        served,
        "/articles/search.json",
        q="人大",
        journal="浙江人大",
        year_from="2015",
        year_to="2016",
        _shape="array",
    )
    assert rows and all(r["journal"] == "浙江人大" and 2015 <= r["year"] <= 2016 for r in rows)


def test_the_table_search_uses_the_full_text_index(served: str) -> None:
    found = get(served, "/articles/article_list.json", _search="工作站", _shape="objects")
    assert SEED in [row["id"] for row in found["rows"]]
    facets = found["facet_results"]
    facets = facets.get("results", facets)  # the shape differs between Datasette versions
    assert {"journal", "year", "province", "column"} <= set(facets)


def test_tables_and_columns_are_described(served: str) -> None:
    meta = get(served, "/-/metadata.json")["databases"]["articles"]
    for table in TABLES:
        assert meta["tables"][table.name]["description"] == table.description
        assert meta["tables"][table.name]["columns"] == table.columns
    assert {"search", "article", "coverage", "by_author", "by_keyword"} <= set(meta["queries"])


def test_hostile_input_over_http_changes_nothing(served: str, crawled: Crawled) -> None:
    before = database_digest(crawled.db)
    for query in ["'; DROP TABLE articles; --", "%", '"', "NEAR(人大 代表)", "人大*"]:
        rows = get(served, "/articles/search.json", q=query, _shape="array")
        assert isinstance(rows, list)
    assert (
        get(served, "/articles/search.json", q="'; DROP TABLE articles; --", _shape="array") == []
    )
    with pytest.raises(urllib.error.HTTPError):  # only SELECTs run
        get(served, "/articles.json", sql="DROP TABLE articles")
    assert database_digest(crawled.db) == before


def facet(found: dict[str, Any], name: str) -> dict[Any, int]:
    facets = found["facet_results"]
    facets = facets.get("results", facets)  # the shape differs between Datasette versions
    return {row["value"]: row["count"] for row in facets[name]["results"]}


def test_article_list_is_faceted_by_column(tmp_path: Path) -> None:
    db = tmp_path / "articles.db"
    engine = open_engine(f"sqlite:///{db}", create=True)
    with Session(engine) as session, session.begin():
        writer = Writer(session)
        for item in ITEMS:
            writer.write(item, NOW)
    engine.dispose()
    with serving(db) as base:
        found = get(base, "/articles/article_list.json", _shape="objects")
        assert facet(found, "column") == {"代表风采": 2, "特别策划": 2}
        chosen = get(base, "/articles/article_list.json", column="特别策划", _shape="objects")
        assert sorted(row["id"] for row in chosen["rows"]) == [103, 104]
        assert facet(chosen, "journal") == {"上海人大月刊": 1, "浙江人大": 1}
