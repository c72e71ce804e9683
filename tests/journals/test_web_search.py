"""The web view's search is `journals search`: the canned query `search` and
the search page `/-/search`, run by a real Datasette in-process
(`journals.web.app`, as `journals serve` sets it up), give the same articles
in the same order as the command (the canned query with the same snippets
and scores; the page with them marked up), for queries of one, two and more
characters, several words, and a journal, a province, a column and years."""

from __future__ import annotations

import asyncio
import html
import json
import re
from typing import Any

import pytest
from support.runners import Crawled
from test_search import SEED, url

from journals import web
from journals.cli import main
from journals.filters import Filters
from journals.webplugin import parse_filters

QUERIES = [
    ("人", {}),
    ("站", {}),
    ("民情", {}),
    ("人大", {}),
    ("工作站", {}),
    ("人大 代表", {}),
    ("AI", {}),
    ("人大", {"journal": "浙江人大", "year_from": "2015", "year_to": "2016"}),
    ("站", {"year_from": "2018"}),
    ("没有这个词", {}),
]


def web_search(crawled: Crawled, queries: list[tuple[str, dict[str, str]]]) -> list[Any]:
    """What the canned query answers, over Datasette's own test client."""
    datasette = web.app(crawled.db)

    async def ask() -> list[Any]:
        answers = []
        for query, filters in queries:
            params = {"q": query, "journal": "", "year_from": "", "year_to": ""}
            response = await datasette.client.get(
                "/articles/search.json", params={**params, **filters, "_shape": "array"}
            )
            assert response.status_code == 200, response.text
            answers.append(response.json())
        return answers

    return asyncio.run(ask())


def cli_search(
    crawled: Crawled, query: str, filters: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> list[dict[str, Any]]:
    """What `journals search QUERY --limit 200 --format jsonl` prints."""
    args = ["search", "--db", url(crawled), "--limit", str(web.SEARCH_LIMIT)]
    args += ["--format", "jsonl"]
    if filters.get("journal"):
        args += ["--journal", filters["journal"]]
    if filters.get("year_from"):
        args += ["--year", f"{filters['year_from']}-{filters.get('year_to') or 9999}"]
    for name in ("province", "column"):
        if filters.get(name):
            args += [f"--{name}", filters[name]]
    assert main([*args, "--", query]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_the_web_views_search_is_the_commands(
    crawled: Crawled, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = web_search(crawled, QUERIES)
    for (query, filters), rows in zip(QUERIES, answers, strict=True):
        want = cli_search(crawled, query, filters, capsys)
        assert [row["id"] for row in rows] == [row["id"] for row in want], query
        assert [row["rank"] for row in rows] == list(range(1, len(rows) + 1))
        assert [row["snippet"] for row in rows] == [row["snippet"] for row in want], query
        assert [row["score"] for row in rows] == pytest.approx([row["score"] for row in want])
        assert [row["title"] for row in rows] == [row["title"] for row in want]
        if query != "没有这个词":
            assert rows, query
    assert answers[QUERIES.index(("民情", {}))][0]["id"] == SEED


def test_the_search_functions_filters_are_the_commands() -> None:
    chosen = parse_filters(
        '{"journal": ["浙江人大", " 人大研究 "], "year": "2016-2019", "author": "甲"}'
    )
    assert chosen == Filters(journals=("浙江人大", "人大研究"), years=(2016, 2019), author="甲")
    narrowed = parse_filters('{"year": "2016-2019", "year_from": "2017", "year_to": ""}')
    assert narrowed == Filters(years=(2017, 2019))
    for bad in ('{"year": "2019-2016"}', '{"colour": "red"}', "[1]", '{"year_to": "x"}'):
        with pytest.raises(ValueError):
            parse_filters(bad)


PAGE_QUERIES = [
    *QUERIES,
    ("人大", {"province": "浙江"}),
    ("代表", {"column": "代表风采"}),
    ("人", {"journal": "人大研究", "year_from": "2016", "year_to": "2016"}),
]
HIT = re.compile(r'<li class="jn-hit" data-id="(-?[0-9]+)">')
SNIPPET = re.compile(r'<p class="jn-snippet">(.*?)</p>', re.DOTALL)


def search_pages(crawled: Crawled, queries: list[tuple[str, dict[str, str]]]) -> list[str]:
    """The search page `/-/search` of each query, over Datasette's own test client."""
    datasette = web.app(crawled.db)

    async def ask() -> list[str]:
        pages = []
        for query, filters in queries:
            params = {"q": query, **filters, "limit": str(web.SEARCH_LIMIT)}
            response = await datasette.client.get("/-/search", params=params)
            assert response.status_code == 200, response.text
            pages.append(response.text)
        return pages

    return asyncio.run(ask())


def test_the_search_page_is_the_command(
    crawled: Crawled, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = search_pages(crawled, PAGE_QUERIES)
    for (query, filters), page in zip(PAGE_QUERIES, pages, strict=True):
        want = cli_search(crawled, query, filters, capsys)
        assert [int(found) for found in HIT.findall(page)] == [row["id"] for row in want], query
        snippets = SNIPPET.findall(page)
        marked = [re.sub(r"<mark>(.*?)</mark>", r"【\1】", text) for text in snippets]
        assert [html.unescape(text) for text in marked] == [row["snippet"] for row in want]
        if query != "没有这个词":
            assert want and "<mark>" in snippets[0], (query, filters)
        if len(want) < web.SEARCH_LIMIT:
            assert f'data-total="{len(want)}"' in page
    assert int(HIT.findall(pages[PAGE_QUERIES.index(("民情", {}))])[0]) == SEED
