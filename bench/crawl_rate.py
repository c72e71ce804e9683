"""Crawl rate: the project's crawl beside a bare Scrapy spider, on the same pages.

    .venv/bin/python bench/crawl_rate.py [--pages 5000] [--sample 100] [--profile 40]

Serves a generated site on loopback (`bench/sitegen.py`, shape `copies`:
`--pages` distinct article pages of copy sites, bodies of 4,000-12,000
characters; Simplified UTF-8, Simplified GBK, Traditional with inline pinyin
and spam) in a process of its own, and crawls its URL list twice, one crawl
after the other, with the same settings (CONCURRENT_REQUESTS=8, the same per
host, no download delay, AutoThrottle off):

* `bare spider`: `bench/bare.py`, Scrapy with its defaults, parsing nothing;
* `project crawl`: `scrapy crawl article -a urls=FILE` into a fresh SQLite
  file, run through `bench/profile_stages.py` (timers around each stage's
  entry point, a microsecond a call).

For each: pages (responses, robots.txt not counted), the crawl's own seconds
(Scrapy's `elapsed_time_seconds`, spider open to close) and pages/s over them,
CPU ms a page (user + system time of the whole crawl process, start-up
included, from `wait4`), peak RSS (`ru_maxrss` of the process). Then the ratio
of the two rates; the database's size per article stored and where it goes
(SQLite's `dbstat`, by table: an index counts with its table, the full-text
index's tables together); the project crawl's time by stage; and, in this
process, CPU ms a page of parse + clean (`crawler.sites.parse_article` on the
response Scrapy would make, then `pipelines.clean.clean_article`) over
`--sample` pages of each script, median and 95th percentile, and the functions
that take most of it (cProfile over `--profile` pages; 0 for none).

Last, `journals reparse` over the pages the crawl archived, in one process,
as `bench/reparse.py` runs it (`--no-reparse` skips it): `unchanged`, over the
crawl's database, where every article is found as stored; `new`, over a
database of the same migrations holding the archived pages and nothing else,
where every article is stored anew. Each with its pages/s and ms a page (its
own timing, start-up not counted) beside the wall time of the whole process.

The machine's load average is printed beside the numbers: the rates are wall
times and suffer when other work shares the CPUs; the CPU times much less.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

import profile_stages  # noqa: E402
from reparse import FIXED  # noqa: E402
from reparse import reparse as run_reparse  # noqa: E402
from sitegen import kind_of_url  # noqa: E402
from siteproc import served  # noqa: E402

SETTINGS = {
    "CONCURRENT_REQUESTS": "8",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "8",
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
    "ROBOTSTXT_OBEY": "True",
    "LOG_LEVEL": "INFO",
}
SCRIPTS = {"simplified": ("simplified", "gbk"), "traditional": ("traditional",)}


@dataclass
class Run:
    name: str
    status: int
    wall: float  # process start to exit
    cpu: float  # user + system seconds of the process
    max_rss: int  # bytes
    stats: dict[str, Any]

    @property
    def pages(self) -> int:
        received = int(self.stats.get("response_received_count", 0))
        return received - int(self.stats.get("robotstxt/response_count", 0))

    @property
    def elapsed(self) -> float:
        return float(self.stats.get("elapsed_time_seconds") or self.wall)


def run(command: list[str], log: Path) -> tuple[int, float, float, int]:
    """Run a crawl process: its exit status, wall seconds, CPU seconds, peak RSS."""
    start = time.perf_counter()
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    return process.returncode, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


def bare(urls: Path, tmp: Path) -> Run:
    stats = tmp / "bare.json"
    command = [sys.executable, str(BENCH / "bare.py"), "--urls", str(urls), "--stats", str(stats)]
    for key, value in SETTINGS.items():
        command += ["-s", f"{key}={value}"]
    status, wall, cpu, rss = run(command, tmp / "bare.log")
    found = json.loads(stats.read_text()) if stats.exists() else {}
    return Run("bare spider", status, wall, cpu, rss, found)


def project(urls: Path, db: Path, tmp: Path) -> tuple[Run, Path]:
    folder = tmp / "stats"
    stages = tmp / "stages.json"
    for old in (*folder.glob("*.json"), stages):
        old.unlink(missing_ok=True)
    command = [sys.executable, str(BENCH / "profile_stages.py"), "--out", str(stages), "--"]
    command += ["crawl", "article", "-a", f"urls={urls}", "-s", f"DATABASE_URL=sqlite:///{db}"]
    command += ["-s", f"CRAWL_STATS_DIR={folder}"]
    for key, value in SETTINGS.items():
        command += ["-s", f"{key}={value}"]
    status, wall, cpu, rss = run(command, tmp / "project.log")
    dumps = sorted(folder.glob("article-*.json"), key=lambda f: f.stat().st_mtime)
    found = json.loads(dumps[-1].read_text())["stats"] if dumps else {}
    return Run("project crawl", status, wall, cpu, rss, found), stages


def database(db: Path) -> tuple[int, int, list[tuple[str, int]]]:
    """Bytes on disk, articles stored, and bytes by table (largest first)."""
    size = sum(f.stat().st_size for f in db.parent.glob(db.name + "*") if f.is_file())
    with sqlite3.connect(db) as conn:
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        owner = dict(conn.execute("SELECT name, tbl_name FROM sqlite_master"))
        virtual = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'"
            )
        ]
        by_table: dict[str, int] = {}
        try:
            rows = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall()
        except sqlite3.OperationalError:  # SQLite built without dbstat
            rows = []
        for name, pages in rows:
            table = owner.get(name, name)
            table = next((v for v in virtual if table.startswith(v + "_")), table)
            by_table[table] = by_table.get(table, 0) + pages
    return size, articles, sorted(by_table.items(), key=lambda kv: -kv[1])


def fetch(url: str) -> Any:
    """The response Scrapy would make of a page (its class from the headers)."""
    from urllib.request import urlopen

    from scrapy.http import Request
    from scrapy.responsetypes import responsetypes

    with urlopen(url) as reply:
        body = reply.read()
        headers = {"Content-Type": reply.headers.get("Content-Type", "")}
    cls = responsetypes.from_args(headers=headers, url=url, body=body)
    return cls(url, body=body, headers=headers, request=Request(url))


def parse_clean(response: Any) -> dict[str, Any]:
    from itemadapter import ItemAdapter

    from crawler.sites import parse_article
    from pipelines.clean import clean_article

    return clean_article(ItemAdapter(parse_article(response)).asdict())


def in_process(urls: list[str], sample: int, profile: int) -> tuple[list[str], list[str]]:
    """Lines: parse + clean CPU a page by script; the functions that take most of it."""
    rng = random.Random(13)
    lines, top = [], []
    parse_clean(fetch(urls[0]))  # warm up: imports, OpenCC's dictionaries
    chosen: list[Any] = []
    for script, kinds in SCRIPTS.items():
        pool = [u for u in urls if kind_of_url(u) in kinds]
        picked = [fetch(u) for u in rng.sample(pool, min(sample, len(pool)))]
        chosen += picked[: max(1, profile // len(SCRIPTS))]
        times, chars = [], []
        for response in picked:
            start = time.process_time()
            record = parse_clean(response)
            times.append(1000 * (time.process_time() - start))
            chars.append(len(record.get("body") or ""))
        if times:
            high = (
                statistics.quantiles(times, n=20, method="inclusive")[-1]
                if len(times) > 1
                else times[0]
            )
            lines.append(
                f"  {script:<12} {len(times):>5} pages  median {statistics.median(times):6.1f} ms"
                f"  p95 {high:6.1f} ms  (body median {statistics.median(chars):,.0f} characters)"
            )
    if profile > 0:
        profiler = cProfile.Profile()
        profiler.enable()
        for response in chosen:
            parse_clean(response)
        profiler.disable()
        stats = pstats.Stats(profiler)
        total = stats.total_tt or 1.0  # type: ignore[attr-defined]
        rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])  # type: ignore[attr-defined]
        top.append(
            f"  own time of the functions that take most of parse + clean"
            f" (cProfile, {len(chosen)} pages, half of each script; its overhead inflates"
            " Python-call-heavy code):"
        )
        for (path, line, function), (_, _, own, cumulative, _) in rows[:12]:
            where = _short(path)
            top.append(
                f"  {100 * own / total:5.1f}%  own {own:6.2f} s  cumulative {cumulative:6.2f} s"
                f"  {where}:{line}({function})"
            )
    return lines, top


def _short(path: str) -> str:
    for prefix in (str(ROOT) + "/", "site-packages/"):
        if prefix in path:
            return path.split(prefix, 1)[1]
    return path


def rate_line(r: Run) -> str:
    rate = r.pages / r.elapsed if r.elapsed else 0.0
    cpu = 1000 * r.cpu / max(r.pages, 1)
    return (
        f"{r.name:<14}{r.pages:>8,}{r.elapsed:>10.1f}{rate:>10.1f}{cpu:>10.1f}"
        f"{r.max_rss / 2**20:>10.0f}{r.wall:>10.1f}   exit {r.status}"
    )


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min)"


def pages_only(db: Path, into: Path) -> Path:
    """A database of the newest schema holding `db`'s archived pages alone."""
    from pipelines.db.database import open_engine

    for leftover in into.parent.glob(into.name + "*"):
        leftover.unlink()
    open_engine(f"sqlite:///{into}", create=True).dispose()
    with sqlite3.connect(into) as conn:
        columns = ", ".join(row[1] for row in conn.execute("PRAGMA table_info(pages)"))
        conn.execute("ATTACH ? AS crawled", (str(db),))
        conn.execute(f"INSERT INTO pages ({columns}) SELECT {columns} FROM crawled.pages")
    return into


def reparse_lines(db: Path, tmp: Path) -> list[str]:
    """`journals reparse` over the crawl's database, then over its pages alone."""
    lines = []
    for kind, target in (("unchanged", db), ("new", pages_only(db, tmp / "pages-only.db"))):
        pages, seconds, wall, counts = run_reparse(target, FIXED, 1)
        lines.append(
            f"  {kind:<10}{pages:>6,} pages {pages / seconds:>8.1f} pages/s"
            f" {1000 * seconds / max(pages, 1):>6.1f} ms a page"
            f" ({wall:.1f} s with start-up): {counts}"
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--chars", default="4000-12000", help="body size, LOW-HIGH")
    parser.add_argument("--sample", type=int, default=100, help="pages of each script in process")
    parser.add_argument("--profile", type=int, default=40, help="pages under cProfile; 0: none")
    parser.add_argument("--keep", type=Path, help="keep the database, logs and URL list here")
    parser.add_argument("--no-reparse", action="store_true", help="skip `journals reparse`")
    args = parser.parse_args()
    started = time.perf_counter()
    print(
        f"crawl rate on {args.pages:,} pages; CONCURRENT_REQUESTS=8, no delay, AutoThrottle off;"
        f" {os.cpu_count()} CPUs, {load()}"
    )
    with tempfile.TemporaryDirectory() as scratch:
        tmp = args.keep or Path(scratch)
        tmp.mkdir(parents=True, exist_ok=True)
        urls_file, db = tmp / "urls.txt", tmp / "articles.db"
        for leftover in db.parent.glob(db.name + "*"):
            leftover.unlink()
        site = ("--shape", "copies", "--pages", str(args.pages), "--chars", args.chars)
        with served(*site, "--urls", str(urls_file)):
            urls = urls_file.read_text(encoding="utf-8").split()
            bare_run = bare(urls_file, tmp)
            project_run, stages = project(urls_file, db, tmp)
            after_crawls = load()
            lines, top = in_process(urls, args.sample, args.profile)

        print()
        head = ("", "pages", "crawl s", "pages/s", "CPU ms", "peak MB", "process s")
        print(f"{head[0]:<14}{head[1]:>8}" + "".join(f"{h:>10}" for h in head[2:]))
        print(rate_line(bare_run))
        print(rate_line(project_run))
        bare_rate = bare_run.pages / bare_run.elapsed
        project_rate = project_run.pages / project_run.elapsed
        cpu_ratio = (project_run.cpu / max(project_run.pages, 1)) / (
            bare_run.cpu / max(bare_run.pages, 1)
        )
        print(
            f"ratio: the project's crawl runs at {project_rate / bare_rate:.3f} of the bare"
            f" spider's pages/s, at {cpu_ratio:.1f}× its CPU a page;"
            f" {after_crawls} after the crawls"
        )
        stored = int(project_run.stats.get("store/articles_new", 0))
        if project_run.pages != bare_run.pages or stored != args.pages:
            print(
                f"warning: {bare_run.pages:,} and {project_run.pages:,} pages fetched,"
                f" {stored:,} articles stored, of {args.pages:,}; logs in {tmp}"
            )

        size, articles, tables = database(db)
        per = size / max(articles, 1)
        shares = ", ".join(f"{name} {100 * b / size:.0f}%" for name, b in tables[:4])
        print(
            f"database: {size / 2**20:.1f} MiB for {articles:,} articles ="
            f" {per:,.0f} bytes an article ({shares})"
        )

        rows, missing = profile_stages.split(stages, project_run.pages)
        print(
            "\nproject crawl by stage (timers around each stage's entry points,"
            " the crawl above; shares of the process's wall time):"
        )
        print(f"  {'stage':<24}{'wall s':>8}{'share':>8}{'CPU ms a page':>15}")
        for name, wall, share, cpu in rows:
            print(f"  {name:<24}{wall:>8.1f}{100 * share:>7.1f}%{cpu:>15.1f}")
        if missing:
            print(f"  not found, so not timed: {', '.join(missing)}")

        print("\nparse + clean in this process, CPU a page by script:")
        for line in lines + top:
            print(line)

        if not args.no_reparse:
            print("\njournals reparse over the crawl's archived pages, one process:")
            for line in reparse_lines(db, tmp):
                print(line)
    print(f"\nbench took {time.perf_counter() - started:.0f} s; {load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
