"""Workers on one Redis queue into one PostgreSQL database: 1, 2 and 4 at once.

    .venv/bin/python bench/scaling.py [--pages 600] [--hosts 4] [--delay 0.5] [--workers 1 2 4]

The site is `bench/sitegen.py`'s copy pages (4,000-12,000 characters of
body, Simplified, GBK and Traditional with pinyin and spam) served on
`--hosts` loopback addresses (127.0.0.1, .2, …), a page on each in turn: to
Scrapy, as many sites, each with its own download slot. Every worker is
polite to each of them as a crawl is: one request at a time a site,
`--delay` seconds apart (no AutoThrottle, no random spread, so that the
figures compare), whence one worker's ceiling of `hosts / delay` pages a
second.

A real Redis server and a real PostgreSQL server are started for the bench
(as the tests start them, tests/support/) and stopped after it. For each
worker count, a database of its own and a run id of its own: the workers are
`scrapy crawl article -a urls=FILE` processes, each given the whole URL list,
with `REDIS_URL`, `RUN_ID` and a `WORKER_NAME` each; the first to start seeds
the queue, the others find the URLs seen and take work from it. Timed from
the first start to the last exit. Reported for each count:

* `pages/s`: articles stored over that time;
* `requests/page`: requests made by all the workers (their stats:
  `downloader/request_count`, robots.txt aside) over the distinct article
  pages: 1.00 when each page is fetched once across all of them;
* `CPU s`: the workers' CPU time, all of them (user + system);
* the database's rows: articles, sources, pages (the page archive) and run
  records (one a worker).

The machine's two cores bound what more workers can give: each stores about
25 ms of CPU a page, so past some 60 pages/s in all the workers wait for the
CPU, not for the sites.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(BENCH)]

from siteproc import served  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from support import postgres, redisserver  # noqa: E402


@contextmanager
def running_redis(folder: Path) -> Iterator[redisserver.RedisServer]:
    (folder / "redis").mkdir()
    server = redisserver.start(folder / "redis")
    try:
        yield server
    finally:
        redisserver.stop(server)


def run_workers(
    count: int, urls: Path, database: str, redis_url: str, delay: float, folder: Path
) -> dict[str, float]:
    """`count` workers of one run to the end; their pages/s, requests, CPU."""
    stats = folder / f"stats-{count}"
    stats.mkdir()
    env = {**os.environ, "REDIS_URL": redis_url, "RUN_ID": f"scaling-{count}-{os.getpid()}"}
    env["CRAWL_STATS_DIR"] = str(stats)
    polite = [
        *("-s", f"DOWNLOAD_DELAY={delay}", "-s", "RANDOMIZE_DOWNLOAD_DELAY=False"),
        *("-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"),
        *("-s", "LOG_LEVEL=INFO"),
    ]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "scrapy", "crawl", "article", "-a", f"urls={urls}"]
            + ["-s", f"DATABASE_URL={database}", *polite]
            + ["-s", f"LOG_FILE={folder / f'w{count}-{n}.log'}"],
            cwd=ROOT,
            env={**env, "WORKER_NAME": f"w{n}"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for n in range(1, count + 1)
    ]
    statuses = [worker.wait() for worker in workers]
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    requests = 0
    for dump in stats.glob("*.json"):
        numbers = json.loads(dump.read_text(encoding="utf-8"))["stats"]
        requests += numbers.get("downloader/request_count", 0)
        requests -= numbers.get("robotstxt/request_count", 0)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {"seconds": seconds, "requests": requests, "cpu": cpu, "failed": sum(statuses)}


def rows(database: str) -> dict[str, int]:
    engine = create_engine(database)
    with engine.connect() as connection:
        counts = {
            table: connection.scalar(text(f"SELECT count(*) FROM {table}"))
            for table in ("articles", "sources", "pages", "crawl_runs")
        }
    engine.dispose()
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=600)
    parser.add_argument("--hosts", type=int, default=4)
    parser.add_argument("--delay", type=float, default=0.5, help="seconds between requests a site")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--keep", type=Path, help="keep the URL list, logs and stats here")
    args = parser.parse_args()
    reason = postgres.missing() or (
        None if shutil.which("redis-server") else redisserver.SKIP_REASON
    )
    if reason:
        raise SystemExit(f"scaling bench: {reason}")
    print(
        f"scaling on {args.pages:,} pages over {args.hosts} hosts, {args.delay} s between"
        f" requests a host and worker; {os.cpu_count()} CPUs",
        flush=True,
    )
    with tempfile.TemporaryDirectory(prefix="journals-scaling-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        urls = folder / "urls.txt"
        site = ("--shape", "copies", "--pages", str(args.pages), "--hosts", str(args.hosts))
        with (
            served(*site, "--urls", str(urls)),
            postgres.running() as server,
            running_redis(folder) as redis,
        ):
            print()
            print(
                f"{'workers':>7} {'seconds':>8} {'pages/s':>8} {'requests/page':>14}"
                f" {'CPU s':>7} {'articles':>9} {'sources':>8} {'pages':>6} {'runs':>5}"
            )
            for count in args.workers:
                database = server.url(server.create_database(f"scaling{count}"))
                done = run_workers(count, urls, database, redis.url, args.delay, folder)
                found = rows(database)
                print(
                    f"{count:>7} {done['seconds']:>8.1f}"
                    f" {found['articles'] / done['seconds']:>8.1f}"
                    f" {done['requests'] / args.pages:>14.2f} {done['cpu']:>7.1f}"
                    f" {found['articles']:>9,} {found['sources']:>8,} {found['pages']:>6,}"
                    f" {found['crawl_runs']:>5}"
                    + (f"  ({done['failed']:.0f} workers failed)" if done["failed"] else ""),
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
