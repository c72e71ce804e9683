"""Progress lines during a crawl and the summary at its end, read from a real
crawl's log: the crawl's one periodic line (Scrapy's LogStats line is off, its
pages and items a minute in the progress line)."""

from __future__ import annotations

import re
from pathlib import Path

from support.runners import run_crawl

from journals.samplesite.corpus import build_corpus
from journals.samplesite.server import SampleSite

LINE = re.compile(
    r"progress: (?P<pages>[\d,]+) pages \((?P<rate>[\d,]+)/min\), "
    r"(?P<items>[\d,]+) items \((?P<item_rate>[\d,]+)/min\), "
    r"(?P<stored>[\d,]+) articles stored \((?P<new>[\d,]+) new, [\d,]+ updated, "
    r"[\d,]+ unchanged\), (?P<errors>[\d,]+) errors, \S+ elapsed$"
)
SUMMARY = re.compile(
    r"done \((?P<reason>\w+)\) in \S+: (?P<pages>[\d,]+) pages \((?P<rate>[\d,]+)/min\), "
    r"(?P<items>[\d,]+) items \((?P<item_rate>[\d,]+)/min\), "
    r"(?P<stored>[\d,]+) articles stored \((?P<new>[\d,]+) new, [\d,]+ updated, "
    r"[\d,]+ unchanged\), (?P<errors>[\d,]+) errors$"
)


def number(text: str) -> int:
    return int(text.replace(",", ""))


def test_progress_lines_while_crawling_and_a_summary_at_the_end(
    sample_site: SampleSite, tmp_path: Path
) -> None:
    journal = next(j for j in build_corpus() if j.name == "浙江人大")
    articles = sum(len(issue.articles) for issue in journal.issues)
    # About 40 pages one every ~0.05 s: two seconds or more, four lines or so.
    done = run_crawl(
        "fx361",
        "-a",
        f"journal={journal.name}",
        db=tmp_path / "articles.db",
        settings=[
            "-s",
            f"FX361_BASE_URL={sample_site.base_url}",
            "-s",
            "DOWNLOAD_DELAY=0.05",
            "-s",
            "PROGRESS_INTERVAL=0.5",
        ],
    )
    assert done.returncode == 0, done.log[-3000:]
    lines = [m for line in done.log.splitlines() if (m := LINE.search(line))]
    assert len(lines) >= 2, done.log[-3000:]
    pages = [number(m["pages"]) for m in lines]
    stored = [number(m["stored"]) for m in lines]
    assert pages == sorted(pages) and stored == sorted(stored)
    assert pages[-1] > pages[0] > 0
    assert any(number(m["rate"]) > 0 for m in lines)
    assert [number(m["items"]) for m in lines] == sorted(number(m["items"]) for m in lines)
    # The one periodic line: LogStats's ("Crawled N pages (at N pages/min)…") is off.
    assert not re.search(r"Crawled \d+ pages", done.log), done.log[-3000:]
    assert all(number(m["errors"]) == 0 for m in lines)

    summaries = [m for line in done.log.splitlines() if (m := SUMMARY.search(line))]
    assert len(summaries) == 1, done.log[-3000:]
    summary = summaries[0]
    assert summary["reason"] == "finished"
    # The summary agrees with Scrapy's stats dump, written after it.
    assert number(summary["pages"]) == done.stat("response_received_count")
    assert number(summary["items"]) == done.stat("item_scraped_count") == articles
    assert number(summary["item_rate"]) > 0
    # and the stats LogStats would have left, with it off
    assert re.search(r"'responses_per_minute': \d", done.log)
    assert re.search(r"'items_per_minute': \d", done.log)
    assert number(summary["stored"]) == number(summary["new"]) == articles
    assert done.stat("store/articles_new") == articles
    assert number(summary["errors"]) == 0
    assert number(summary["rate"]) > 0
