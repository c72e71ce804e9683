"""The `fx361` spider's arguments choose what it walks: journals by name, code
or journal-home URL, some years, one issue."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from support.runners import ROOT, CrawlResult, run_crawl

from journals.samplesite.corpus import SampleIssue, SampleJournal, all_articles
from journals.samplesite.render import issue_path, journal_path, year_path
from journals.samplesite.server import SampleSite


def crawl(site: SampleSite, tmp_path: Path, *args: str) -> tuple[set[int], CrawlResult]:
    db = tmp_path / "x.db"
    result = run_crawl(
        "fx361",
        *args,
        db=db,
        settings=[
            *("-s", f"FX361_BASE_URL={site.base_url}", "-s", f"FX361_MOBILE_URL={site.mobile_url}"),
            *("-s", "LOG_LEVEL=DEBUG"),
        ],
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


def journal_named(name: str) -> SampleJournal:
    return next(j for j, _, _ in all_articles() if j.name == name)


def year_pages(result: CrawlResult, journal: SampleJournal) -> list[int]:
    """The years whose year page of `journal` the crawl read, in the order read."""
    pattern = re.compile(rf"/bk/{journal.code}/history_(\d{{4}})\.html$")
    return [int(m[1]) for url in requested(result) if (m := pattern.search(url))]


def test_journal_by_name_and_one_year(sample_site: SampleSite, tmp_path: Path) -> None:
    stored, result = crawl(sample_site, tmp_path, "-a", "journal=浙江人大", "-a", "years=2015")
    assert stored == ids({"浙江人大"}, range(2015, 2016))
    assert stored
    # the catalogue's code leads straight to the journal's home: no category page is read
    assert not [url for url in requested(result) if re.search(r"/bk/\w+\.html$", url)]


def test_several_journals_by_name_and_url(sample_site: SampleSite, tmp_path: Path) -> None:
    url = sample_site.base_url + journal_path(journal_named("天津人大"))
    stored, _ = crawl(
        sample_site, tmp_path, "-a", f"journal=公民与法治，{url}", "-a", "years=2016-2020"
    )
    assert stored == ids({"公民与法治", "天津人大"}, range(2016, 2021))


def test_journal_by_code_and_by_the_short_home_url(sample_site: SampleSite, tmp_path: Path) -> None:
    """`/bk/<code>/` redirects to `/bk/<code>/index.html`."""
    short = f"{sample_site.base_url}/bk/tjrd/"
    stored, _ = crawl(sample_site, tmp_path, "-a", f"journal=rdyj,{short}", "-a", "years=2018")
    assert stored == ids({"人大研究", "天津人大"}, range(2018, 2019))
    assert stored


def test_one_issue(sample_site: SampleSite, tmp_path: Path) -> None:
    """`-a issue=URL`: journal, year and issue from the issue page itself."""
    journal, issue, _ = next(
        (j, i, a) for j, i, a in all_articles() if j.name == "浙江人大" and i.issue == "Z1"
    )
    db = tmp_path / "x.db"
    stored, result = crawl(
        sample_site, tmp_path, "-a", f"issue={sample_site.base_url}{issue_path(journal, issue)}"
    )
    assert stored == {a.id for a in issue.articles}
    assert result.stat("downloader/request_count") == 2 + len(issue.articles)
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            'select id, journal, year, issue, issue_label, "column", toc_position from article_list'
        ).fetchall()
    assert {row[0]: row[1:] for row in rows} == {
        a.id: ("浙江人大", issue.year, "Z1", issue.label, a.column, a.position)
        for a in issue.articles
    }
    assert sorted(a.position for a in issue.articles) == list(range(1, len(issue.articles) + 1))


def test_only_the_years_asked_for_are_read(sample_site: SampleSite, tmp_path: Path) -> None:
    """The journal home links the newest year's page; its tabs lead to the
    year asked for, and to no other."""
    journal = journal_named("人大研究")
    newest = journal.issues[0].year
    stored, result = crawl(sample_site, tmp_path, "-a", "journal=人大研究", "-a", "years=2016")
    assert stored == ids({"人大研究"}, range(2016, 2017))
    assert newest == 2017
    assert year_pages(result, journal) == [newest, 2016]
    issues = [
        u for u in requested(result) if re.search(rf"/bk/{journal.code}/\d{{4}}\w*\.html$", u)
    ]
    assert sorted(issues) == sorted(
        sample_site.base_url + issue_path(journal, i) for i in journal.issues if i.year == 2016
    )


@pytest.mark.parametrize("years", ["2015", "2015-2017"])
def test_old_years_are_reached(sample_site: SampleSite, tmp_path: Path, years: str) -> None:
    stored, result = crawl(sample_site, tmp_path, "-a", "journal=人大研究", "-a", f"years={years}")
    first, _, last = years.partition("-")
    wanted = range(int(first), int(last or first) + 1)
    assert stored == ids({"人大研究"}, wanted)
    journal = journal_named("人大研究")
    newest = journal.issues[0].year
    # incremental (the default): one year page after the other, newest first
    assert year_pages(result, journal) == [newest] + [y for y in reversed(wanted) if y != newest]


def test_every_journal_once_though_listed_twice(sample_site: SampleSite, tmp_path: Path) -> None:
    """No journal argument: every journal of every category page, 人大研究
    (in two categories) once."""
    stored, result = crawl(sample_site, tmp_path, "-a", "years=2016")
    journals = {j.name for j, _, _ in all_articles()}
    assert stored == ids(journals, range(2016, 2017))
    assert {j.name for j, i, _ in all_articles() if i.year == 2016} == journals - {"公民与法治"}
    homes = [u for u in requested(result) if u.endswith("/index.html")]
    assert len(homes) == len(set(homes)) == len(journals)


def test_year_page_url_and_issue(sample_site: SampleSite) -> None:
    """The sample site's addresses as the spider expects them (docs/fx361.md)."""
    journal = journal_named("浙江人大")
    issue: SampleIssue = next(i for i in journal.issues if i.issue == "Z1")
    assert journal_path(journal) == f"/bk/{journal.code}/index.html"
    assert year_path(journal, 2015) == f"/bk/{journal.code}/history_2015.html"
    assert issue_path(journal, issue) == f"/bk/{journal.code}/{issue.year}z1.html"


def test_the_callbacks_carry_scrapy_contracts_for_the_live_site() -> None:
    """`scrapy check fx361` runs them against fx361.com itself; listed here
    without the network."""
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "check", "-l", "fx361"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["fx361", "*", "parse_category", "*", "parse_home"]
