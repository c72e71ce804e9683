"""Run records (crawler/extensions/runrecord.py): every crawl leaves a `crawl_runs` row with
what it fetched and stored and how it ended, read back here from the database
after real crawls of the sample site; `journals runs` lists them."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from support import stores
from support.runners import FAST, ROOT, Crawled, journals, run_crawl
from test_resume import stop_after

from crawler.extensions.runrecord import leftovers
from crawler.runlock import RunLock
from crawler.settings import QUALITY_FLOORS
from journals.samplesite import render, server
from journals.samplesite.corpus import SampleJournal, all_articles, build_corpus
from journals.samplesite.server import SampleSite

JSON_COLUMNS = ("arguments", "responses", "dropped", "coverage", "alarms")


def runs_of(db: Path | str) -> list[dict[str, Any]]:
    """The rows of `crawl_runs` of a SQLite file or a database URL, oldest
    first, JSON columns decoded (SQLite keeps them as text)."""
    url = db if isinstance(db, str) else f"sqlite:///{db}"
    rows = stores.rows(url, "select * from crawl_runs order by id")
    for row in rows:
        for name in JSON_COLUMNS:
            if isinstance(row[name], str):
                row[name] = json.loads(row[name])
    return rows


def crawl_command(site: SampleSite, db: Path, *args: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "scrapy",
        "crawl",
        "fx361",
        "-s",
        f"DATABASE_URL=sqlite:///{db}",
        "-s",
        f"FX361_BASE_URL={site.base_url}",
        *FAST,
        *args,  # after FAST: they may set LOG_LEVEL again
    ]


def test_a_crawl_records_its_run(crawled: Crawled, sample_site: SampleSite) -> None:
    """The session's crawls: the whole site with fx361, then the mirror's copy
    of the seed article with `article`; each row agrees with its stats."""
    rows = runs_of(crawled.db)
    by_spider = {row["spider"]: row for row in rows}
    assert [row["spider"] for row in rows[:2]] == ["fx361", "article"]
    fx361, article = by_spider["fx361"], by_spider["article"]
    expected = len(list(all_articles()))

    assert fx361["arguments"] == {}
    assert article["arguments"] == {"url": sample_site.seed_url}
    for row, result in ((fx361, crawled.fx361), (article, crawled.article)):
        assert row["id"] == result.stat("run/id")
        assert row["status"] == "finished" and row["finish_reason"] == "finished"
        assert row["started_at"] <= row["finished_at"]
        assert row["requests"] == result.stat("downloader/request_count")
        statuses = ("200", "301") if row is fx361 else ("200",)  # fx361: the www→m redirect
        assert row["responses"] == {
            status: result.stat(f"downloader/response_status_count/{status}") for status in statuses
        }
        for outcome in ("new", "updated", "unchanged"):
            assert row[f"articles_{outcome}"] == (result.stat(f"store/articles_{outcome}") or 0)
        assert row["dropped"] == {} and row["errors"] == 0 and row["alarms"] is None
    assert fx361["responses"]["301"] == 1
    assert fx361["article_pages"] == fx361["articles_new"] == expected
    assert fx361["requests"] > expected  # robots.txt, home, category, journal, year, issue pages
    assert set(fx361["coverage"]) == set(QUALITY_FLOORS)
    assert all(fx361["coverage"][name] >= floor for name, floor in QUALITY_FLOORS.items())
    assert article["article_pages"] == 1
    assert article["articles_new"] == 1  # the seed article is not in the sample corpus
    assert article["coverage"] == dict.fromkeys(QUALITY_FLOORS, 1.0)


def test_articles_with_no_journal_are_counted(sample_site: SampleSite, tmp_path: Path) -> None:
    db = tmp_path / "articles.db"
    url = sample_site.base_url + server.NO_JOURNAL_PATH  # a page without a journal line
    result = run_crawl("article", "-a", f"url={url}", db=db)
    assert result.returncode == 0, result.log[-3000:]
    (row,) = runs_of(db)
    assert row["dropped"] == {}
    assert row["article_pages"] == 1 and row["articles_new"] == 1
    assert row["articles_journal_unknown"] == 1
    assert row["coverage"]["issue"] == 0.0  # in the denominators too
    assert row["status"] == "finished"


def test_journals_runs_lists_the_runs_newest_first(crawled_url: str) -> None:
    """On the crawl in SQLite and in PostgreSQL."""
    rows = runs_of(crawled_url)
    done = journals("runs", "--db", crawled_url)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split()[:4] == ["id", "started", "(UTC)", "spider"]
    body = lines[2 : 2 + len(rows)]
    assert [line.split()[0] for line in body] == [str(row["id"]) for row in reversed(rows)]
    fx361 = next(line for line in body if line.split()[0] == str(rows[0]["id"]))
    assert "fx361" in fx361 and "finished" in fx361
    assert f"{rows[0]['articles_new']}/0/0" in fx361.split()
    assert lines[-1] == f"{len(rows)} runs, newest first (--limit 0 for all)"

    done = journals("runs", "--db", crawled_url, "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    listed = [json.loads(line) for line in done.stdout.splitlines()]
    assert listed == list(reversed(rows))
    assert done.stderr.strip() == f"{len(rows)} runs"

    done = journals("runs", "--db", crawled_url, "--format", "jsonl", "--limit", "1")
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == [rows[-1]["id"]]


def test_journals_runs_without_a_database_is_one_line(tmp_path: Path) -> None:
    done = journals("runs", "--db", f"sqlite:///{tmp_path / 'none.db'}")
    assert done.returncode == 1
    assert done.stderr.strip() == f"journals runs: error: no database at {tmp_path / 'none.db'}"
    assert done.stdout == ""


# A journal's newest issue appearing on the site between two runs.

JOURNAL = "天津人大"


class GrowingSite:
    """The sample site with JOURNAL's newest issue not published yet (its
    home and year pages list the issues before it, its pages are 404) until
    `publish()`."""

    def __init__(self) -> None:
        self.journal: SampleJournal = next(j for j in build_corpus() if j.name == JOURNAL)
        self.newest = self.journal.issues[0]
        self.published = False
        self.hidden = {render.issue_path(self.journal, self.newest)} | {
            render.article_path(article) for article in self.newest.articles
        }

    def publish(self) -> None:
        self.published = True

    def page(self, path: str) -> str | None:
        if self.published:
            return server.aggregator_page(path)
        if path in self.hidden:
            return None
        before = replace(self.journal, issues=self.journal.issues[1:])
        if path == render.journal_path(self.journal):
            return render.journal_page(before)
        match = server._YEAR.match(path)
        if match and match["code"] == self.journal.code:
            return render.year_page(before, int(match["year"]))
        return server.aggregator_page(path)


@pytest.fixture
def growing_site() -> Iterator[tuple[GrowingSite, SampleSite]]:
    growing = GrowingSite()
    http = server._server(server.AGGREGATOR_HOST, 0, growing.page)
    site = SampleSite((http,))
    threading.Thread(target=http.serve_forever, daemon=True).start()
    yield growing, site
    site.stop()


def test_only_a_new_issue_is_fetched_as_the_run_records_show(
    growing_site: tuple[GrowingSite, SampleSite], tmp_path: Path
) -> None:
    growing, site = growing_site
    db = tmp_path / "articles.db"

    def crawl() -> dict[str, Any]:
        done = subprocess.run(
            crawl_command(site, db, "-a", f"journal={JOURNAL}"),
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return runs_of(db)[-1]

    published = sum(len(issue.articles) for issue in growing.journal.issues[1:])
    first = crawl()
    assert first["article_pages"] == first["articles_new"] == published

    second = crawl()  # the site is unchanged: no article page is fetched
    assert second["status"] == "finished"
    assert second["article_pages"] == 0
    assert second["articles_new"] == second["articles_updated"] == 0
    assert second["requests"] == 3  # robots.txt, the journal's home, its newest year page

    growing.publish()
    third = crawl()  # only the new issue's articles
    assert third["article_pages"] == third["articles_new"] == len(growing.newest.articles) > 0
    assert third["articles_updated"] == third["articles_unchanged"] == 0
    with sqlite3.connect(db) as conn:
        stored = conn.execute("select count(*) from articles").fetchone()[0]
    assert stored == published + len(growing.newest.articles)


# Interrupted runs.


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT])
def test_a_run_stopped_by_a_signal_is_interrupted(
    sample_site: SampleSite, tmp_path: Path, how: signal.Signals
) -> None:
    db = tmp_path / "articles.db"
    command = crawl_command(sample_site, db, "-s", "DOWNLOAD_DELAY=0.05", "-s", "LOG_LEVEL=DEBUG")
    assert stop_after(command, pages=8, how=how)
    (row,) = runs_of(db)
    assert row["status"] == "interrupted"
    assert row["finish_reason"] == "shutdown"
    assert row["finished_at"] is not None
    assert 8 <= row["requests"] < 200
    assert row["article_pages"] < len(list(all_articles()))


def test_a_killed_run_is_marked_interrupted_by_the_next(
    sample_site: SampleSite, tmp_path: Path
) -> None:
    db = tmp_path / "articles.db"
    command = crawl_command(sample_site, db, "-s", "DOWNLOAD_DELAY=0.05", "-s", "LOG_LEVEL=DEBUG")
    assert stop_after(command, pages=8, how=signal.SIGKILL)
    (killed,) = runs_of(db)
    assert killed["status"] == "running"  # nothing could complete it
    assert killed["finished_at"] is None

    journal = next(iter(build_corpus()))
    url = sample_site.base_url + render.issue_path(journal, journal.issues[0])
    result = run_crawl(
        "fx361",
        "-a",
        f"issue={url}",
        db=db,
        settings=["-s", f"FX361_BASE_URL={sample_site.base_url}"],
    )
    assert result.returncode == 0, result.log[-3000:]
    assert "run record: 1 earlier runs left running marked interrupted" in result.log
    killed, after = runs_of(db)
    assert killed["status"] == "interrupted"
    assert killed["finished_at"] is None and killed["finish_reason"] is None
    assert after["status"] == "finished"
    assert after["arguments"] == {"issue": url}


def test_leftover_rows_are_marked_only_when_no_other_crawl_may_write(tmp_path: Path) -> None:
    """`leftovers` decides whether rows left `running` are from dead
    processes: yes when this process holds the run lock (as `scrapy crawl`
    does) or finds it free; no while another process holds it."""
    db = tmp_path / "articles.db"
    url = f"sqlite:///{db}"
    with leftovers(url) as which:
        assert which is not None  # free
    with RunLock(db), leftovers(url) as which:
        assert which is not None  # held by this process
    hold = "import sys, time; from pathlib import Path; from crawler.runlock import RunLock;"
    hold += " RunLock(Path(sys.argv[1])).acquire(); print('held', flush=True); time.sleep(60)"
    holder = subprocess.Popen(
        [sys.executable, "-c", hold, str(db)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with leftovers(url) as which:
            assert which is None  # another crawl may be writing
    finally:
        holder.kill()
        holder.wait()
        assert holder.stdout is not None
        holder.stdout.close()
    with leftovers(url) as which:
        assert which is not None  # the kernel freed the killed holder's lock
    with leftovers("sqlite://") as which:
        assert which is None  # no lock file to ask: rows are left as they are
