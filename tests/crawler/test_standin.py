"""The crawler against a second stand-in of fx361.com (tests/support/standin/),
built apart from the project's own sample site from the public evidence only
(docs/fx361.md, "Sources" and "Page kinds"), with its own nesting, chrome,
texts and choices where the evidence is silent.

A user's crawl of some journals by name stores every article of those
journals, field by field as the stand-in wrote it, and nothing of the other
journals; a crawl of the mobile copies then adds their URLs to the same
records."""

from __future__ import annotations

import json
import sqlite3
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from parsel import Selector
from support.runners import CrawlResult, journals, run_crawl
from support.standin import content, server
from support.standin.server import StandIn

# the journals the user asks for: two categories; the stand-in has others in
# those categories (人民之声, 人大研究通讯, whose name starts like one asked for)
# and a third category with none asked for
ASKED = ("人大研究", "浙江人大", "楚天主人")
EXACT = ("journal", "year", "issue", "column", "title", "authors", "date", "keywords")


def squash(text: str | None) -> str:
    """Whitespace normalised: every run of spaces and line breaks one space."""
    return " ".join((text or "").split())


def expected(site: StandIn) -> list[dict[str, Any]]:
    return [t for t in content.truth(site.desktop, site.mobile) if t["journal"] in ASKED]


def sites(site: StandIn) -> list[str]:
    return ["-s", f"FX361_BASE_URL={site.desktop}", "-s", f"FX361_MOBILE_URL={site.mobile}"]


def export(db: Path) -> list[dict[str, Any]]:
    """The records as `journals export --format jsonl` gives them."""
    done = journals("export", "--format", "jsonl", "--db", f"sqlite:///{db}")
    assert done.returncode == 0, done.stderr[-2000:]
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def get(url: str) -> tuple[int, Selector]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, Selector(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return error.code, Selector("<html></html>")


@dataclass
class Crawl:
    db: Path
    result: CrawlResult
    records: list[dict[str, Any]]
    requests: list[tuple[str, str]]  # (host kind, path) the stand-in answered during the crawl


@pytest.fixture(scope="module")
def standin(request: pytest.FixtureRequest) -> StandIn:
    site = server.start()
    request.addfinalizer(site.stop)
    return site


@pytest.fixture(scope="module")
def crawled(standin: StandIn, tmp_path_factory: pytest.TempPathFactory) -> Crawl:
    """The user's crawl: the journals ASKED, by name."""
    db = tmp_path_factory.mktemp("standin") / "articles.db"
    before = len(standin.requests)
    result = run_crawl("fx361", "-a", "journal=" + ",".join(ASKED), db=db, settings=sites(standin))
    requests = standin.requests[before:]
    return Crawl(db, result, export(db) if db.exists() else [], requests)


def test_the_standin_serves_every_page_kind_as_the_evidence_shows(standin: StandIn) -> None:
    """Each selector of the evidence finds what it should on the stand-in."""
    home = get(standin.desktop + "/")[1]
    assert home.css(".navBox a::attr(href)").getall()[1:] == [
        f"/bk/{code}.html" for code in content.CATEGORIES
    ]
    assert home.css(".sidebarR .list_01 li a::attr(href)").getall()

    journal = content.journal("zjrd85")
    assert journal is not None
    listing = get(f"{standin.desktop}/bk/{journal.category}.html")[1]
    rows = {
        "".join(li.css("p.pel_name ::text").getall()): (
            li.css("p.pel_m_pic a::attr(href)").get(),
            li.css("p.pel_m_pic a img::attr(data-original)").get(),
            li.css("p.pel_time::text").get(),
        )
        for li in listing.css(".rowWrap.mb20 li")
    }
    assert rows["浙江人大"][0] == "/bk/zjrd85/index.html"
    assert rows["浙江人大"][1].endswith(".jpg")
    assert rows["浙江人大"][2] == "2019年2期"
    assert set(rows) == {"浙江人大", "人大研究通讯"}

    home_page = get(standin.desktop + journal.home_path)[1]
    assert home_page.css("h3::text").get() == "浙江人大"
    assert home_page.css(".magBox1 p::text").get() == "2019年2期"
    assert home_page.css(".btn_history.act_history::attr(href)").get() == journal.year_path(2019)
    newest = journal.newest.articles
    assert home_page.css("#dirList .dirItem02 ul li a::attr(title)").getall() == [
        a.title for a in newest
    ]

    years = get(standin.desktop + journal.year_path(2018))[1]
    assert years.css(".selBox a::text").getall() == ["2019", "2018"]
    results = years.css(".results a")
    assert [a.css("span::text").getall() for a in results] == [
        ["浙江人大", "2018年3期"],
        ["浙江人大", "2018年Z1期"],
    ]
    assert [a.attrib["href"] for a in results] == ["/bk/zjrd85/20183.html", "/bk/zjrd85/20181.html"]
    assert all(a.css("img") for a in results)

    combined = get(standin.desktop + "/bk/zjrd85/20181.html")[1]
    assert combined.css(".magBox1 p::text").get() == "2018年Z1期"
    items = combined.css("#dirList .dirItem02")
    assert [i.css("h5::text").get().strip() for i in items] == ["特别策划", "履职风采"]
    link = items[0].css("ul li a")[0]
    article = journal.issues[0].articles[0]
    assert (link.attrib["href"], link.attrib["title"]) == (article.desktop_path, article.title)

    page = get(standin.desktop + article.desktop_path)[1]
    assert page.css(".detail_main h1#title::text").get() == article.title
    assert page.css(".time_source span::text").getall()[1] == article.byline
    assert page.css(".article_keyword a::text").getall() == list(article.keywords)
    lines = [squash(p.xpath("string()").get()) for p in page.css(".detail_body p")]
    assert [line for line in lines if line] == [article.byline, *article.paragraphs]
    assert page.css(".detail_body > div.article_love a")

    mobile = get(standin.mobile + article.mobile_path)[1]
    assert mobile.css(".main .bt::text").get() == article.title
    assert mobile.css(".main .sj").xpath("string()").get().startswith(article.date)
    assert mobile.css(".main .wz_content p::text").getall()[1:] == list(article.paragraphs)
    assert mobile.css(".main .others a")

    assert get(standin.mobile + article.desktop_path)[0] == 404
    assert get(standin.desktop + "/bk/zjrd85/20182.html")[0] == 404
    truth = expected(standin)
    assert 30 <= len(truth) < len(content.truth(standin.desktop, standin.mobile))
    assert [t["id"] for t in sorted(truth, key=lambda t: t["date"])] != sorted(
        t["id"] for t in truth
    )


def test_the_crawl_ends_well_and_stays_bounded(crawled: Crawl, standin: StandIn) -> None:
    assert crawled.result.returncode == 0, crawled.result.log[-3000:]
    assert crawled.result.stat("log_count/ERROR") is None, crawled.result.log[-3000:]
    # every page of the journals asked for, a few times over at most
    asked = [j for j in content.journals() if j.name in ASKED]
    pages = 2 + len(content.CATEGORIES) + len(expected(standin))  # robots.txt, home
    pages += sum(1 + len(j.years) + len(j.issues) for j in asked)
    assert len(crawled.requests) <= 3 * pages, len(crawled.requests)


def test_every_article_of_the_named_journals_is_stored_as_written(
    crawled: Crawl, standin: StandIn
) -> None:
    rows = {row["id"]: row for row in crawled.records}
    wrong: list[str] = []
    for truth in expected(standin):
        row = rows.get(truth["id"])
        if row is None:
            wrong.append(f"{truth['url']}: not stored")
            continue
        if row.get("url") != truth["url"]:
            wrong.append(f"{truth['url']}: url {row.get('url')!r}")
        for name in EXACT:
            if row.get(name) != truth[name]:
                wrong.append(f"{truth['url']}: {name} {row.get(name)!r}, not {truth[name]!r}")
        if squash(row.get("body")) != squash(truth["body"]):
            wrong.append(
                f"{truth['url']}: body {squash(row.get('body'))[:80]!r}…, "
                f"not {squash(truth['body'])[:80]!r}…"
            )
    assert not wrong, f"{len(wrong)} wrong:\n" + "\n".join(wrong[:80])


def test_no_article_of_the_other_journals_is_stored(crawled: Crawl, standin: StandIn) -> None:
    others = sorted(
        f"{row['journal']}: {row['url']}" for row in crawled.records if row["journal"] not in ASKED
    )
    assert not others, others
    assert sorted(row["id"] for row in crawled.records) == sorted(
        t["id"] for t in expected(standin)
    )


def test_mobile_copies_join_their_records(crawled: Crawl, standin: StandIn, tmp_path: Path) -> None:
    """The mobile copies crawled with `article` into the database of the crawl
    above (a copy of it): no new record, each record's sources gain the copy."""
    db = tmp_path / "articles.db"
    with sqlite3.connect(crawled.db) as source, sqlite3.connect(db) as target:
        source.backup(target)
    truth = {t["id"]: t for t in expected(standin)}
    urls = tmp_path / "urls.txt"
    urls.write_text(
        "# the mobile copies\n" + "".join(f"{t['mobile_url']}\n" for t in truth.values()),
        encoding="utf-8",
    )
    result = run_crawl("article", "-a", f"urls={urls}", db=db, settings=sites(standin))
    assert result.returncode == 0, result.log[-3000:]
    records = export(db)
    assert len(records) == len(crawled.records)
    missing = [
        f"{row['url']}: sources {row['sources']}"
        for row in records
        if row["id"] in truth
        and not {truth[row["id"]]["url"], truth[row["id"]]["mobile_url"]} <= set(row["sources"])
    ]
    assert not missing, f"{len(missing)} records without both copies:\n" + "\n".join(missing[:40])
