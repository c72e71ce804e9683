"""The web view in a real browser: `journals serve` on the crawled sample
site, on a free loopback port, driven in the system's Chromium (Debian's
`chromium`, which `make install` installs with CJK fonts) by Playwright, as
a person would use it: type 民情 and search, read the first hit's article,
search for a word of one and of two characters, narrow the list of articles
by a facet, look at the coverage.

Screenshots of the search page, an article, the list and the coverage are
taken on the way; they go to the folder JOURNALS_SCREENSHOTS names
(docs/img/make_screenshots.py sets it to docs/img), else to a temporary one."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from support.runners import Crawled
from test_search import SEED, url
from test_serve import serving

from journals import web
from journals.cli import main

playwright = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (make install installs it)"
)

CHROMIUM = Path(os.environ.get("JOURNALS_CHROMIUM") or shutil.which("chromium") or "")
if not CHROMIUM.is_file():
    pytest.skip(
        "no Chromium: make install installs Debian's chromium and fonts-noto-cjk "
        "(or: apt-get install chromium fonts-noto-cjk)",
        allow_module_level=True,
    )

WIDTH, HEIGHT = 1400, 1000
# As root (no sandbox), and with none of the browser's own calls home.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 15_000
SQL_WORDS = re.compile(r"\b(SELECT|json_each|FROM)\b")


@pytest.fixture(scope="module")
def base(crawled: Crawled) -> Iterator[str]:
    with serving(crawled.db) as address:
        yield address


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright.sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, locale="zh-CN")
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = os.environ.get("JOURNALS_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return Path(folder)
    return tmp_path_factory.mktemp("screenshots")


def on_first_screen(box: dict[str, float] | None) -> bool:
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= HEIGHT


def hit_ids(page: Any) -> list[int]:
    return [int(i) for i in page.locator(".jn-hit").evaluate_all("hs => hs.map(h => h.dataset.id)")]


def cli_ids(crawled: Crawled, query: str, capsys: pytest.CaptureFixture[str]) -> list[int]:
    """The ids `journals search QUERY --format jsonl` prints, as many as the page shows."""
    args = ["search", "--db", url(crawled), "--limit", str(web.PAGE_SIZE), "--format", "jsonl"]
    assert main([*args, "--", query]) == 0
    return [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()]


def sql_shown(page: Any) -> list[str]:
    """Text of the elements on screen that show SQL: an editor, a code block, a text
    area, or any text that reads as SQL."""
    shown = []
    for selector in ("textarea", "pre", ".CodeMirror", "#sql-editor"):
        for element in page.locator(selector).all():
            if element.is_visible():
                shown.append(f"{selector}: {element.inner_text()[:80]}")
    text = page.locator("body").inner_text()
    shown += [f"text: {m.group(0)}" for m in SQL_WORDS.finditer(text)]
    return shown


def sources(crawled: Crawled, article_id: int) -> list[str]:
    """The article's URLs as the database has them."""
    with closing(sqlite3.connect(crawled.db)) as conn:
        rows = conn.execute("SELECT url FROM sources WHERE article_id = ?", (article_id,))
        return [link for (link,) in rows]


ROW_IDS = "rows => rows.map(r => r.dataset.id)"


def test_search_first_then_the_article(page: Any, base: str, crawled: Crawled, shots: Path) -> None:
    page.goto(base + "/-/search")
    box = page.locator("#jn-q")
    box.click()
    box.press_sequentially("民情")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/-/search\?q="))

    first = page.locator(".jn-hit").first
    assert int(first.get_attribute("data-id")) == SEED
    assert first.locator(".jn-snippet mark").first.inner_text() == "民情"
    assert "【" not in first.locator(".jn-snippet").inner_text()

    # The first screen: the form, its filters, five results or more with their
    # matches marked, and no SQL.
    assert on_first_screen(box.bounding_box())
    for name in ("journal", "province", "year_from", "year_to", "column"):
        assert on_first_screen(page.locator(f"form.jn-search [name={name}]").bounding_box())
    hits = page.locator(".jn-hit").all()
    shown = [h for h in hits if on_first_screen(h.bounding_box()) and h.locator("mark").count()]
    assert len(shown) >= 5, f"{len(shown)} of {len(hits)} results on the first screen"
    assert sql_shown(page) == []
    page.screenshot(path=str(shots / "search.png"))

    # SQL is a click away.
    page.locator("a.jn-sql").click()
    page.wait_for_url(re.compile(r"/search\?.*_show_sql=1"))
    page.locator("pre#sql-query, .CodeMirror, textarea#sql-editor").first.wait_for(state="visible")
    assert "journals_search" in page.content()
    page.go_back()
    page.wait_for_url(re.compile(r"/-/search\?q="))

    first.locator("a.jn-title").click()
    page.wait_for_url(re.compile(rf"/-/article/{SEED}$"))
    assert page.locator("h1.jn-article-title").inner_text() == "青浦：做好联系人民群众三篇文章"
    assert page.locator(".jn-body p").count() >= 10  # paragraphs, not one block
    assert "体察民情" in page.locator(".jn-body p").nth(2).inner_text()
    listed = page.locator(".jn-sources li a").evaluate_all("links => links.map(a => a.href)")
    assert sorted(listed) == sorted(sources(crawled, SEED))
    assert page.locator(".jn-keywords a").all_inner_texts() == ["民情", "工作站", "人大常委会"]
    flags = " ".join(page.locator(".jn-flags li").all_inner_texts())
    assert "converted to Simplified" in flags and "Pinyin" in flags
    page.screenshot(path=str(shots / "article.png"), full_page=True)

    # A keyword leads to the articles that share it.
    page.locator(".jn-keywords a", has_text="民情").click()
    page.wait_for_url(re.compile(r"/-/articles\?keyword="))
    assert SEED in [int(i) for i in page.locator(".jn-row").evaluate_all(ROW_IDS)]


@pytest.mark.parametrize("query", ["站", "人大"])
def test_short_words_find_what_the_command_finds(
    page: Any, base: str, crawled: Crawled, capsys: pytest.CaptureFixture[str], query: str
) -> None:
    page.goto(base + "/-/search")
    page.locator("#jn-q").fill(query)
    page.locator("form.jn-search button[type=submit]").click()
    page.wait_for_url(re.compile(r"/-/search\?q="))
    ids = hit_ids(page)
    assert ids, query
    assert ids == cli_ids(crawled, query, capsys)
    assert page.locator(".jn-hit").first.locator("mark").first.inner_text().lower() == query


def test_a_facet_click_narrows_the_list(page: Any, base: str, shots: Path) -> None:
    page.goto(base + "/-/articles")
    page.screenshot(path=str(shots / "articles.png"))
    everything = int(page.locator(".jn-count").get_attribute("data-total"))
    first_row = page.locator(".jn-row").first
    assert on_first_screen(first_row.bounding_box())  # the data on the first screen
    assert re.search(r"/-/article/-?\d+$", first_row.locator("a.jn-title").get_attribute("href"))

    choice = page.locator(".jn-facet[data-facet=journal] li").first
    journal = choice.locator("a").inner_text()
    count = int(choice.locator(".jn-n").inner_text())
    choice.locator("a").click()
    page.wait_for_url(re.compile(r"journal="))
    narrowed = int(page.locator(".jn-count").get_attribute("data-total"))
    assert narrowed == count < everything
    assert page.locator(".jn-row").count() == min(narrowed, web.PAGE_SIZE)
    journals = page.locator(".jn-row .jn-journal").all_inner_texts()
    assert set(journals) == {journal}

    year = page.locator(".jn-facet[data-facet=year] li").first
    year_count = int(year.locator(".jn-n").inner_text())
    year.locator("a").click()
    page.wait_for_url(re.compile(r"year="))
    assert int(page.locator(".jn-count").get_attribute("data-total")) == year_count <= narrowed
    page.locator(".jn-chip", has_text="journal").click()  # drop the journal again
    page.wait_for_url(lambda address: "journal=" not in address)
    assert int(page.locator(".jn-count").get_attribute("data-total")) >= year_count


def test_coverage_and_the_datasette_table(page: Any, base: str, shots: Path) -> None:
    page.goto(base + "/-/coverage")
    assert page.locator("table.jn-coverage tbody tr").count() == 5
    heatmap = page.locator("img.jn-heatmap")
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=heatmap.element_handle()
    )
    page.screenshot(path=str(shots / "coverage.png"))

    # Datasette's own list: its rows on the first screen, the column
    # descriptions folded away (a click opens them), titles linked to articles.
    page.goto(base + "/articles/article_list")
    assert on_first_screen(page.locator("table.rows-and-columns tbody tr").first.bounding_box())
    described = page.locator("dl.column-descriptions")
    assert not described.is_visible()
    page.locator("details.column-descriptions-folded summary").click()
    assert described.is_visible()
    title = page.locator("table.rows-and-columns tbody td.col-title a").first
    assert re.search(r"/-/article/-?\d+$", title.get_attribute("href"))
