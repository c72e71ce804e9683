"""Archive runs with JOBDIR: stopped at random points (SIGKILL, or SIGTERM as
Ctrl-C does) and started again with the same command, a crawl ends with
exactly the articles of an uninterrupted one, and does not make again a
request that the stopped runs finished.

The stopping points are drawn (seeded) as numbers of pages crawled rather than
seconds, so they fall inside the crawl on a slow machine as on a fast
one. More seeds: RESUME_SEEDS=1,2,3,4,5 pytest tests/crawler/test_resume.py.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from support.runners import FAST, ROOT, CrawlResult

from crawler.resume.tree import DONE_FILE, read_done
from journals.samplesite.corpus import build_corpus
from journals.samplesite.server import SampleSite

SEEDS = [int(seed) for seed in os.environ.get("RESUME_SEEDS", "1,2").split(",")]


# One journal of the sample site, with years enough to walk through: the tree
# of a whole crawl (journal home, year pages, issues, articles) in a third of
# the time.
JOURNAL = "人大研究"


def journal_requests() -> tuple[int, set[int]]:
    """The requests a crawl of JOURNAL makes, robots.txt aside (its home, its
    year pages, issue pages and article pages), and its articles."""
    journal = next(j for j in build_corpus() if j.name == JOURNAL)
    articles = {a.id for issue in journal.issues for a in issue.articles}
    years = len({issue.year for issue in journal.issues})
    assert years > 1
    return 1 + years + len(journal.issues) + len(articles), articles


def stop_after(command: list[str], pages: int, how: signal.Signals, timeout: float = 120) -> bool:
    """Run `command` and send it `how` once it has crawled `pages` pages; False
    if it ended first. SIGKILL ends it at once; SIGTERM (as Ctrl-C) lets it
    close the spider, so it ends after the pages in flight."""
    crawl = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    watchdog = threading.Timer(timeout, crawl.kill)  # bounds the loop below
    watchdog.start()
    crawled, sent = 0, False
    try:
        assert crawl.stderr is not None
        for line in crawl.stderr:  # read to the end: a full pipe would stall the crawl
            crawled += "] DEBUG: Crawled (" in line
            if crawled >= pages and not sent:
                crawl.send_signal(how)
                sent = True
                if how == signal.SIGKILL:
                    break
    finally:
        watchdog.cancel()
        crawl.wait(timeout=60)
        assert crawl.stderr is not None
        crawl.stderr.close()
    # 1: closed by the signal (finish reason "shutdown")
    assert crawl.returncode in (0, 1, -signal.SIGKILL)
    return sent


@pytest.mark.parametrize("seed", SEEDS)
def test_an_archive_run_killed_and_resumed_ends_with_every_article_once(
    sample_site: SampleSite, tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    db, jobdir = tmp_path / "articles.db", tmp_path / "jobs" / "archive"
    command = [
        sys.executable,
        "-m",
        "scrapy",
        "crawl",
        "fx361",
        "-a",
        f"journal={JOURNAL}",
        "-a",
        "mode=full",  # a resumed run makes exactly the requests left, stored articles too
        "-s",
        f"DATABASE_URL=sqlite:///{db}",
        "-s",
        f"FX361_BASE_URL={sample_site.base_url}",
        *FAST,
        "-s",
        f"JOBDIR={jobdir}",
        "-s",
        "DOWNLOAD_DELAY=0.01",
        "-s",
        "LOG_LEVEL=DEBUG",  # a "Crawled (200)" line per page: the kill's clock
        # Batches and read-backs of every size: the kill finds items parsed
        # but unwritten, written but not yet read back, and read back.
        "-s",
        f"STORE_BATCH_SIZE={rng.choice([1, 10, 50])}",
        "-s",
        f"RESUME_CHECK_INTERVAL={rng.choice([0.1, 0.5, 2.0])}",
    ]
    total, expected = journal_requests()
    # One to three stops, one of them at least a SIGKILL: the first anywhere
    # in the crawl, those of resumed runs early on (a resumed run may finish).
    stops = [rng.choice([signal.SIGKILL, signal.SIGTERM]) for _ in range(rng.randint(1, 3))]
    if signal.SIGKILL not in stops:
        stops[-1] = signal.SIGKILL
    assert stop_after(command, pages=rng.randint(1, total - 10), how=stops[0])
    for how in stops[1:]:
        stop_after(command, pages=rng.randint(1, 40), how=how)
    done_before = len(read_done(jobdir / DONE_FILE))  # a resumed run may have finished

    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    final = CrawlResult(done.returncode, done.stdout + done.stderr)
    assert final.returncode == 0, final.log[-3000:]

    with sqlite3.connect(db) as conn:
        ids = [row[0] for row in conn.execute("select id from articles")]
        assert len(ids) == len(set(ids)) and set(ids) == expected
        assert conn.execute("select count(*) from sources").fetchone()[0] == len(expected)
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    # Each request the killed runs did not finish is made once, the others
    # not at all (and robots.txt once, if any request is made).
    left = total - done_before
    assert final.stat("downloader/request_count") == (1 + left if left else None)
    assert final.stat("resume/not_done") == 0
    assert len(read_done(jobdir / DONE_FILE)) == total

    # The job is finished: run again, it makes no request and changes nothing.
    again = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    rerun = CrawlResult(again.returncode, again.stdout + again.stderr)
    assert rerun.returncode == 0, rerun.log[-3000:]
    assert rerun.stat("downloader/request_count") is None
    assert rerun.stat("resume/skipped_done") == 1  # the journal's home, and so everything
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from articles").fetchone()[0] == len(expected)


def test_without_jobdir_nothing_is_kept(sample_site: SampleSite, tmp_path: Path) -> None:
    """The resume machinery is off without JOBDIR: a second crawl fetches the
    whole site again (and stores nothing twice)."""
    from conftest import run_crawl

    db = tmp_path / "articles.db"
    for _ in range(2):
        run = run_crawl(
            "fx361",
            "-a",
            "journal=上海人大月刊",
            "-a",
            "mode=full",  # the second crawl fetches the whole journal again
            db=db,
            settings=["-s", f"FX361_BASE_URL={sample_site.base_url}"],
        )
        assert run.returncode == 0, run.log[-3000:]
        assert run.stat("resume/done") is None
        assert "Disabled crawler." not in run.log  # off without a warning
        assert run.stat("response_received_count") == run.stat("downloader/request_count")
    assert run.stat("store/articles_unchanged") == 17
    assert not any(tmp_path.rglob(DONE_FILE))
