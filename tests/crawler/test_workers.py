"""Workers sharing one frontier (crawler/frontier/): real `scrapy crawl`
processes on one queue in a real Redis server, against the sample site, into
one database: a SQLite file, or a real PostgreSQL server's database. Three
workers together fetch each page once and store what one process stores into
SQLite; a worker killed with SIGKILL mid-run and started again under its name
leaves nothing out.

Which worker fetched what is read from their DEBUG logs (a "Crawled (200)"
line per response): each worker asks for robots.txt itself, so that is left
out of the counts."""

from __future__ import annotations

import json
import re
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from support.redisserver import RedisServer
from support.runners import FAST, ROOT, Crawled, CrawlResult, journals
from test_incremental import copy_of, newest_issue, url_of

from crawler.exitstatus import ExitStatus
from journals.samplesite.server import SampleSite

CRAWLED = re.compile(r"\] DEBUG: Crawled \(\d+\) <GET (\S+)>")
# One journal of the sample site (87 pages): enough for a kill mid-run.
JOURNAL = "人大研究"


class Worker:
    """`scrapy crawl SPIDER` as one worker of run `run_id`, logging to a file."""

    def __init__(self, folder: Path, name: str, command: list[str]) -> None:
        self.name = name
        self.logs: list[Path] = []
        self.command = command
        self.folder = folder
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> Worker:
        log = self.folder / f"{self.name}-{len(self.logs)}.log"
        self.logs.append(log)
        self.process = subprocess.Popen(
            [*self.command, "-s", f"WORKER_NAME={self.name}", "-s", f"LOG_FILE={log}"],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return self

    def wait(self, timeout: float = 180) -> int:
        assert self.process is not None
        return self.process.wait(timeout=timeout)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def fetched(self, run: int = -1) -> Counter[str]:
        """The pages (robots.txt aside) fetched by the `run`-th start, by URL."""
        text = self.logs[run].read_text(encoding="utf-8") if self.logs[run].exists() else ""
        return Counter(url for url in CRAWLED.findall(text) if not url.endswith("/robots.txt"))

    def log_tail(self) -> str:
        return "\n".join(log.read_text(encoding="utf-8")[-2000:] for log in self.logs)


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of the workers' database: a new SQLite file, or a new
    PostgreSQL database of the session's server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'articles.db'}"
    return str(request.getfixturevalue("postgres_url"))


@contextmanager
def running(workers: list[Worker]) -> Iterator[list[Worker]]:
    """The workers started, for the block; any still running after it, killed."""
    try:
        for worker in workers:
            worker.start()
        yield workers
    finally:
        for worker in workers:
            worker.stop()


def worker_command(spider: str, db: str, redis_url: str, run_id: str, *args: str) -> list[str]:
    """ARGS (spider arguments, settings) come last: they override FAST's."""
    return [
        sys.executable,
        *("-m", "scrapy", "crawl", spider),
        *("-s", f"DATABASE_URL={db}"),
        *FAST,
        *("-s", f"REDIS_URL={redis_url}", "-s", f"RUN_ID={run_id}"),
        # A worker busy writing (SQLite makes the others wait) must not pass for dead.
        *("-s", "FRONTIER_WORKER_TIMEOUT=20"),
        *("-s", "LOG_LEVEL=DEBUG"),
        *args,
    ]


def exported(db: str | Path, *filters: str) -> list[dict[str, Any]]:
    """`journals export` of a database (its URL, or a SQLite file) as JSON
    Lines, in article order, without when each article was fetched; an
    article's sources in URL order (the order they were found in differs by run)."""
    url = db if isinstance(db, str) else f"sqlite:///{db}"
    done = journals("export", "--db", url, "--format", "jsonl", *filters)
    assert done.returncode == 0, done.stderr
    articles = [json.loads(line) for line in done.stdout.splitlines()]
    for article in articles:
        article["sources"] = sorted(article["sources"])
        del article["fetched_at"]
    return sorted(articles, key=lambda article: article["id"])


def differences(ours: list[dict[str, Any]], theirs: list[dict[str, Any]]) -> list[str]:
    """What differs between two exports, article by article (for the message)."""
    by_id = {article["id"]: article for article in theirs}
    found = [f"{len(ours)} articles against {len(theirs)}"] if len(ours) != len(theirs) else []
    for article in ours:
        other = by_id.get(article["id"], {})
        fields = {k: (v, other.get(k)) for k, v in article.items() if other.get(k) != v}
        if fields:
            found.append(f"{article['id']}: {fields}"[:300])
    return found[:5]


def run_rows(db: str, run_id: str) -> list[tuple[str, str]]:
    engine = create_engine(db)
    try:
        with engine.connect() as connection:
            query = text("select worker, status from crawl_runs where run_id = :run order by id")
            return [
                (worker, status) for worker, status in connection.execute(query, {"run": run_id})
            ]
    finally:
        engine.dispose()


def left_in_redis(server: RedisServer, spider: str, run_id: str) -> list[str]:
    """The run's keys other than its seen set: queue, taken hashes, heartbeats."""
    client = server.client()
    try:
        keys = [key.decode() for key in client.scan_iter(match=f"journals:{spider}:{run_id}:*")]
    finally:
        client.close()
    return sorted(key for key in keys if not key.endswith(":seen"))


def test_three_workers_fetch_each_page_once_and_store_what_one_process_stores(
    sample_site: SampleSite,
    redis_server: RedisServer,
    crawled: Crawled,
    tmp_path: Path,
    database: str,
) -> None:
    db, run_id = database, f"workers-{uuid.uuid4().hex[:8]}"
    command = worker_command(
        "fx361",
        db,
        redis_server.url,
        run_id,
        *("-s", f"FX361_BASE_URL={sample_site.base_url}"),
        # One page at a time each, a little apart: the three overlap.
        *("-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "-s", "DOWNLOAD_DELAY=0.02"),
    )
    workers = [Worker(tmp_path, f"w{n}", command) for n in (1, 2, 3)]
    with running(workers):
        codes = [worker.wait() for worker in workers]
    assert codes == [0, 0, 0], "\n".join(worker.log_tail() for worker in workers)

    fetched = sum((worker.fetched() for worker in workers), Counter())
    assert fetched and max(fetched.values()) == 1, fetched.most_common(5)  # each page once
    shares = [sum(worker.fetched().values()) for worker in workers]
    assert sorted(shares)[-2] > 0, shares  # the frontier was shared, not crawled by one
    # Their run records count the article pages the one-process crawl counted.
    pages = [
        CrawlResult(0, worker.logs[-1].read_text()).stat("run/article_pages") for worker in workers
    ]
    assert sum(count or 0 for count in pages) == crawled.fx361.stat("run/article_pages")
    # The mirror's copy of the seed article, as the one-process crawl had it.
    article = Worker(
        tmp_path,
        "w4",
        worker_command(
            "article", db, redis_server.url, run_id, "-a", f"url={sample_site.seed_url}"
        ),
    )
    assert article.start().wait() == 0, article.log_tail()

    ours, theirs = exported(db), exported(crawled.db)  # that one: one process into SQLite
    assert ours == theirs, differences(ours, theirs)
    if db.startswith("sqlite"):
        engine = create_engine(db)
        with engine.connect() as connection:
            assert connection.scalar(text("pragma integrity_check")) == "ok"
        engine.dispose()
    rows = run_rows(db, run_id)
    assert sorted(rows) == [(f"w{n}", "finished") for n in (1, 2, 3, 4)]
    assert left_in_redis(redis_server, "fx361", run_id) == []


def test_a_worker_killed_mid_run_and_started_again_leaves_nothing_out(
    sample_site: SampleSite,
    redis_server: RedisServer,
    crawled: Crawled,
    postgres_url: str,
    tmp_path: Path,
) -> None:
    """Into PostgreSQL, where workers are meant to write side by side."""
    db, run_id = postgres_url, f"kill-{uuid.uuid4().hex[:8]}"
    command = worker_command(
        "fx361",
        db,
        redis_server.url,
        run_id,
        *("-a", f"journal={JOURNAL}"),
        *("-s", f"FX361_BASE_URL={sample_site.base_url}"),
        *("-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "-s", "DOWNLOAD_DELAY=0.05"),
        # Articles wait in the store's batch: the kill finds some parsed, not stored.
        *("-s", "STORE_BATCH_SIZE=10"),
    )
    workers = [Worker(tmp_path, f"w{n}", command) for n in (1, 2, 3)]
    with running(workers):
        victim = wait_for_pages(workers, pages=6)
        assert victim.process is not None
        victim.process.send_signal(signal.SIGKILL)
        assert victim.wait() == -signal.SIGKILL
        killed_fetched = victim.fetched()
        victim.start()  # under the same name: it takes back what it had taken
        codes = [worker.wait() for worker in workers]
    assert codes == [0, 0, 0], "\n".join(worker.log_tail() for worker in workers)

    fetched = sum(
        (worker.fetched(run) for worker in workers for run in range(len(worker.logs))), Counter()
    )
    again = {url for url, count in fetched.items() if count > 1}
    assert again <= set(killed_fetched), "only what the killed worker had fetched is fetched again"
    ours, theirs = exported(db), exported(crawled.db, "--journal", JOURNAL)
    assert ours == theirs, differences(ours, theirs)
    rows = run_rows(db, run_id)
    # The restarted worker marked its killed predecessor's row.
    assert sorted(rows) == sorted(
        [(victim.name, "interrupted")] + [(worker.name, "finished") for worker in workers]
    )
    assert left_in_redis(redis_server, "fx361", run_id) == []


def wait_for_pages(workers: list[Worker], pages: int, timeout: float = 120) -> Worker:
    """The first worker to have fetched `pages` pages, while it runs."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for worker in workers:
            assert worker.process is not None
            if worker.process.poll() is None and sum(worker.fetched().values()) >= pages:
                return worker
        if all(
            worker.process is not None and worker.process.poll() is not None for worker in workers
        ):
            pytest.fail(f"every worker ended before one had fetched {pages} pages")
        time.sleep(0.05)
    raise AssertionError(f"no worker fetched {pages} pages in {timeout} s")


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ([], "REDIS_URL needs RUN_ID, the name every worker of one run is given (e.g. archive-1)"),
        (
            ["-s", "RUN_ID=a b"],
            "RUN_ID 'a b': letters, digits, '.', '_' and '-' only (at most 100)",
        ),
        (
            ["-s", "RUN_ID=r1", "-s", "WORKER_NAME=host:1"],
            "WORKER_NAME 'host:1': letters, digits, '.', '_' and '-' only (at most 100)",
        ),
        (
            ["-s", "RUN_ID=r1", "-s", "JOBDIR=jobs/x"],
            "JOBDIR and REDIS_URL: a run sharing its frontier in Redis resumes from Redis;"
            " give one of them",
        ),
    ],
)
def test_a_worker_with_settings_it_cannot_use_says_so_before_crawling(
    tmp_path: Path, settings: list[str], message: str
) -> None:
    # Nothing listens there: the settings are refused before Redis is asked.
    command = [
        sys.executable,
        *("-m", "scrapy", "crawl", "fx361"),
        *("-s", f"DATABASE_URL=sqlite:///{tmp_path / 'articles.db'}"),
        *("-s", "REDIS_URL=redis://127.0.0.1:9/0", *settings),
    ]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == ExitStatus.BAD_ARGUMENT
    assert done.stderr.strip().splitlines() == [f"scrapy crawl fx361: {message}"]
    assert not (tmp_path / "articles.db").exists()


def test_a_worker_whose_redis_does_not_answer_says_so_in_one_line(tmp_path: Path) -> None:
    command = [
        sys.executable,
        *("-m", "scrapy", "crawl", "fx361"),
        *("-s", f"DATABASE_URL=sqlite:///{tmp_path / 'articles.db'}"),
        *("-s", "REDIS_URL=redis://127.0.0.1:9/0", "-s", "RUN_ID=r1"),  # nothing listens there
    ]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == ExitStatus.FAILED
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("scrapy crawl fx361: REDIS_URL: no answer from redis://127.0.0.1:9/0: ")
    assert not (tmp_path / "articles.db").exists()


def test_workers_of_an_incremental_run_fetch_only_what_the_database_lacks(
    sample_site: SampleSite, redis_server: RedisServer, crawled: Crawled, tmp_path: Path
) -> None:
    """Incremental mode (the default) works the same with a shared frontier:
    two workers over a copy of the whole crawl's database with an issue and
    an article taken out fetch those articles' pages, each once, and store them."""
    db = copy_of(crawled, tmp_path)
    _, partly = newest_issue("浙江人大")
    _, whole = newest_issue("天津人大")
    missing = [partly.articles[0], *whole.articles]
    gone = [article.id for article in missing]
    marks = ",".join("?" * len(gone))
    with sqlite3.connect(db) as conn:
        for table in ("article_authors", "article_keywords", "sources", "fingerprints"):
            conn.execute(f"delete from {table} where article_id in ({marks})", gone)
        conn.execute(f"delete from articles where id in ({marks})", gone)
    run_id = f"incremental-{uuid.uuid4().hex[:8]}"
    command = worker_command(
        "fx361",
        f"sqlite:///{db}",
        redis_server.url,
        run_id,
        *("-s", f"FX361_BASE_URL={sample_site.base_url}"),
        *("-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "-s", "DOWNLOAD_DELAY=0.02"),
    )
    workers = [Worker(tmp_path, f"w{n}", command) for n in (1, 2)]
    with running(workers):
        codes = [worker.wait() for worker in workers]
    assert codes == [0, 0], "\n".join(worker.log_tail() for worker in workers)
    fetched = sum((worker.fetched() for worker in workers), Counter())
    pages = {url: n for url, n in fetched.items() if "/page/" in url or "/news/" in url}
    assert pages == {url_of(sample_site, article): 1 for article in missing}
    stored = [CrawlResult(0, w.logs[-1].read_text()).stat("store/articles_new") for w in workers]
    assert sum(n or 0 for n in stored) == len(gone)
    assert exported(db) == exported(crawled.db)
