"""The `fx361` spider's arguments choose what it walks."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from support.runners import CrawlResult, run_crawl

from journals.samplesite.corpus import all_articles
from journals.samplesite.render import issue_path, journal_path
from journals.samplesite.server import SampleSite


def crawl(site: SampleSite, tmp_path: Path, *args: str) -> tuple[set[int], CrawlResult]:
    db = tmp_path / "x.db"
    result = run_crawl(
        "fx361",
        *args,
        db=db,
        settings=["-s", f"FX361_BASE_URL={site.base_url}", "-s", "LOG_LEVEL=DEBUG"],
    )
    assert result.returncode == 0, result.log[-2000:]
    with sqlite3.connect(db) as conn:
        return {row[0] for row in conn.execute("select id from articles")}, result


def requested(result: CrawlResult) -> list[str]:
    return re.findall(r"Crawled \(\d+\) <GET (\S+)>", result.log)


def ids(journals: set[str], years: range | None = None) -> set[int]:
    return {
        a.id
        for j, i, a in all_articles()
        if j.name in journals and (years is None or i.year in years)
    }


def test_journal_by_name_and_one_year(sample_site: SampleSite, tmp_path: Path) -> None:
    stored, _ = crawl(sample_site, tmp_path, "-a", "journal=浙江人大", "-a", "years=2015")
    assert stored == ids({"浙江人大"}, range(2015, 2016))
    assert stored


def test_several_journals_by_name_and_url(sample_site: SampleSite, tmp_path: Path) -> None:
    journal = next(j for j, _, _ in all_articles() if j.name == "天津人大")
    url = sample_site.base_url + journal_path(journal)
    stored, _ = crawl(
        sample_site, tmp_path, "-a", f"journal=公民与法治，{url}", "-a", "years=2016-2020"
    )
    assert stored == ids({"公民与法治", "天津人大"}, range(2016, 2021))


def test_one_issue(sample_site: SampleSite, tmp_path: Path) -> None:
    journal, issue, _ = next(
        (j, i, a) for j, i, a in all_articles() if j.name == "浙江人大" and i.issue == "Z1"
    )
    stored, _ = crawl(
        sample_site, tmp_path, "-a", f"issue={sample_site.base_url}{issue_path(journal, issue)}"
    )
    assert stored == {a.id for a in issue.articles}


def test_paging_stops_past_the_wanted_years(sample_site: SampleSite, tmp_path: Path) -> None:
    stored, result = crawl(sample_site, tmp_path, "-a", "journal=人大研究", "-a", "years=2017")
    assert stored == ids({"人大研究"}, range(2017, 2018))
    pages = [
        u for u in requested(result) if "/bk/rdyj/" in u and not re.search(r"/\d{4}\w+\.html$", u)
    ]
    assert sorted(p.rsplit("/", 1)[1] for p in pages) == ["", "index_2.html"]


@pytest.mark.parametrize("years", ["2015", "2015-2017"])
def test_paging_reaches_old_years(sample_site: SampleSite, tmp_path: Path, years: str) -> None:
    stored, _ = crawl(sample_site, tmp_path, "-a", "journal=人大研究", "-a", f"years={years}")
    first, _, last = years.partition("-")
    assert stored == ids({"人大研究"}, range(int(first), int(last or first) + 1))
