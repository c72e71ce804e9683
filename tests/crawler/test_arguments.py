"""A bad spider argument stops the run at once with one line naming it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from support.runners import ROOT, run_crawl

from crawler.exitstatus import ExitStatus
from journals.samplesite.corpus import all_articles
from journals.samplesite.server import SampleSite


def scrapy(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["fx361", "-a", "years=20x8"], "scrapy crawl fx361: years: '20x8' is not a year"),
        (
            ["fx361", "-a", "years=2019-2016"],
            "scrapy crawl fx361: years: '2019-2016' runs backwards",
        ),
        (
            ["fx361", "-a", "issue=not-a-url"],
            "scrapy crawl fx361: issue: 'not-a-url' is not an http(s) URL",
        ),
        (
            ["fx361", "-a", "journal=https://elsewhere.example/bk/zjrd/"],
            "scrapy crawl fx361: journal: 'https://elsewhere.example/bk/zjrd/' is not on",
        ),
        (
            ["article", "-a", "urls=/nonexistent/list.txt"],
            "scrapy crawl article: urls: no such file",
        ),
        (["article"], "scrapy crawl article: url: missing"),
        (["article", "-a", "url=ftp://x.example/1.html"], "scrapy crawl article: url: 'ftp://"),
        (
            ["article", "-a", "url=http://x.example/1.html", "-s", "DATABASE_URL=nonsense"],
            "scrapy crawl article: DATABASE_URL: not a database URL: 'nonsense'",
        ),
    ],
)
def test_bad_argument_is_one_line(args: list[str], message: str) -> None:
    done = scrapy(*args)
    assert done.returncode == 2
    assert done.stderr.strip().startswith(message)
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_url_file_with_a_bad_line_names_the_line(tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text("# articles\nhttp://127.0.0.1:1/page/2018/1120/1.shtml\n\nnot a url\n")
    done = scrapy("article", "-a", f"urls={urls}")
    assert done.returncode == 2
    assert (
        done.stderr.strip()
        == f"scrapy crawl article: urls: {urls} line 4: 'not a url' is not an http(s) URL"
    )


def test_an_unknown_journal_is_an_alarm_not_a_bad_argument(
    sample_site: SampleSite, tmp_path: Path
) -> None:
    """A name the site does not list may be the site's change as well as a
    typo: the run goes on with the journals it finds and ends degraded, its
    one ERROR line naming the journal (tests/crawler/test_drift.py: alone, the
    run fails)."""
    result = run_crawl(
        "fx361",
        "-a",
        "journal=浙江人大,北京人大",
        db=tmp_path / "x.db",
        settings=["-s", f"FX361_BASE_URL={sample_site.base_url}"],
    )
    assert result.returncode == ExitStatus.DEGRADED
    errors = [line for line in result.log.splitlines() if "] ERROR:" in line]
    assert len(errors) == 2  # the spider's line, and the run record's alarm line
    assert "navigation: journal 北京人大 not found" in errors[0]
    assert "navigation/not_found/journal" in errors[1] and "北京人大" in errors[1]
    stored = {a.id for j, _, a in all_articles() if j.name == "浙江人大"}
    assert result.stat("store/articles_new") == len(stored)
