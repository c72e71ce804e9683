"""`journals serve`: Datasette on the database, on a free loopback port; the
seed article found through its search over HTTP; descriptions and facets,
the column (栏目) among them; the pages of the project's own (search,
article, list, coverage) answer, and the canned queries keep their SQL a
click away."""

from __future__ import annotations

import json
import re
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


def fetch(base: str, path: str, **params: str) -> tuple[int, str, bytes]:
    """Status, content type and body of a GET, errors included."""
    url = base + path + ("?" + urllib.parse.urlencode(params) if params else "")
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers["content-type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["content-type"], error.read()


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
                    time.sleep(0.05)
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


def test_the_pages_answer(served: str) -> None:
    status, kind, body = fetch(served, "/-/search", q="民情")
    page = body.decode("utf-8")
    assert (status, kind) == (200, "text/html; charset=utf-8")
    assert re.findall(r'class="jn-hit" data-id="(-?[0-9]+)"', page)[0] == str(SEED)
    assert "<mark>民情</mark>" in page and "【民情】" not in page

    status, _, body = fetch(served, f"/-/article/{SEED}")
    assert status == 200 and "青浦：做好联系人民群众三篇文章" in body.decode("utf-8")
    assert fetch(served, "/-/article/1")[0] == 404
    status, _, body = fetch(served, "/-/search", q="民情", year_from="二〇一八")
    assert status == 400 and "is not a year" in body.decode("utf-8")

    status, _, body = fetch(served, "/-/articles", journal="浙江人大")
    assert status == 200 and 'data-facet="column"' in body.decode("utf-8")
    assert fetch(served, "/-/coverage")[0] == 200
    status, kind, body = fetch(served, "/-/coverage.png")
    assert (status, kind, body[:8]) == (200, "image/png", b"\x89PNG\r\n\x1a\n")
    status, kind, _ = fetch(served, "/-/journals.css")
    assert (status, kind) == (200, "text/css; charset=utf-8")


def test_canned_queries_keep_their_sql_a_click_away(served: str) -> None:
    meta = get(served, "/-/metadata.json")["databases"]["articles"]
    assert all(query["hide_sql"] for query in meta["queries"].values())
    page = fetch(served, "/articles/search", q="民情")[2].decode("utf-8")
    assert 'id="sql-query"' not in page and "_show_sql=1" in page
    page = fetch(served, "/articles/search", q="民情", _show_sql="1")[2].decode("utf-8")
    assert 'id="sql-query"' in page


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
