"""Memory over a long archive run: the crawl's resident memory at 10%, 50% and
100% of its article pages.

    .venv/bin/python bench/memory.py [--pages 100000] [--chars 2000-4000] [--keep DIR]

Serves a generated aggregator on loopback (`bench/sitegen.py`, shape
`aggregator`: the sample site's five journals with as many issues as
`--pages` article pages need, 50 articles an issue; bodies of `--chars`
characters, 2,000-4,000 by default, smaller than real ones so that 100,000
pages take an hour or so: what could grow is held per URL, not per character)
and runs the archive crawl a back catalogue is fetched with, resumable:

    scrapy crawl fx361 -a mode=archive -s JOBDIR=… (CONCURRENT_REQUESTS=8, no delay)

into a fresh SQLite file. Every `--interval` seconds it reads the crawl
process's VmRSS and VmHWM (`/proc/<pid>/status`) and the article pages stored
(rows of `pages`, written in batches of 50), and keeps RssAnon and RssFile
(memory of its own, and pages of files mapped) in the samples; at 10%, 50% and 100% of the
pages it prints the resident memory then and the peak so far (at the end, the
process's `ru_maxrss`), and the ratio of the last to the first. A probe inside
the crawl (`bench/memprobe.py`, added to EXTENSIONS for this run only) logs the
size of every container that could grow with the URLs: the dupe filter, the
scheduler's queue, the resume tracker's requests not done, the pending
batches, the stats, the spider's own sets, the objects Python tracks; their
values at the three points are printed beside the memory. `--keep DIR` keeps
the database, the log, the probe's lines and the samples (CSV) there.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(ROOT), str(BENCH)]

from siteproc import served  # noqa: E402

from crawler.settings import EXTENSIONS  # noqa: E402

SETTINGS = {
    "CONCURRENT_REQUESTS": "8",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "8",
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
    "LOG_LEVEL": "INFO",
}
POINTS = (0.1, 0.5, 1.0)
# what the probe measures → its column
PROBED = {
    "dupefilter": "dupefilter",
    "queue": "queue",
    "tree_nodes": "not done",
    "tree_waiting": "unread",
    "stats": "stats keys",
    "objects": "objects",
}


def status(pid: int) -> dict[str, int]:
    """VmRSS, VmHWM, RssAnon and RssFile of a process, in bytes ({} once it has gone)."""
    found = {}
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return found
    for line in text.splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM", "RssAnon", "RssFile"):
            found[name] = int(value.split()[0]) * 1024
    return found


def pages_stored(db: Path) -> int | None:
    if not db.exists():
        return None
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM pages").fetchone()[0]
    except sqlite3.Error:
        return None


def label(n: int) -> str:
    return f"{n / 1000:g}k" if n >= 1000 else str(n)


def mb(n: float) -> str:
    return f"{n / 2**20:.0f} MB"


def nearest(probe: list[dict[str, Any]], pages: int, key: str) -> Any:
    """The probe's last value of `key` at or before `pages` article pages."""
    best = None
    for line in probe:
        if key in line and line.get("pages", 0) <= pages:
            best = line[key]
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument("--chars", default="2000-4000", help="body size, LOW-HIGH")
    parser.add_argument("--interval", type=float, default=1.0, help="seconds between samples")
    parser.add_argument("--keep", type=Path, help="keep the database, log and samples here")
    args = parser.parse_args()
    started = time.perf_counter()
    one, five, _ = os.getloadavg()
    print(
        f"memory of an archive run over {args.pages:,} article pages ({args.chars} characters"
        f" of body); {os.cpu_count()} CPUs, load average {one:.2f} (1 min), {five:.2f} (5 min)"
    )
    with tempfile.TemporaryDirectory() as scratch:
        tmp = args.keep or Path(scratch)
        tmp.mkdir(parents=True, exist_ok=True)
        db, job, probe_file = tmp / "archive.db", tmp / "job", tmp / "probe.jsonl"
        for old in (*db.parent.glob(db.name + "*"), probe_file, *job.glob("*")):
            old.unlink(missing_ok=True)
        samples: list[tuple[float, int, int, int, int, int]] = []  # seconds, pages, memory
        marks: list[tuple[int, int, int, float]] = []  # pages, rss, peak, seconds
        with served(
            "--shape", "aggregator", "--pages", str(args.pages), "--chars", args.chars
        ) as base:
            port = base.rsplit(":", 1)[1]
            extensions = {**EXTENSIONS, "memprobe.MemoryProbe": 990}
            command = [sys.executable, "-m", "scrapy", "crawl", "fx361", "-a", "mode=archive"]
            command += ["-s", f"JOBDIR={job}", "-s", f"DATABASE_URL=sqlite:///{db}"]
            command += ["-s", f"FX361_BASE_URL={base}"]
            command += ["-s", f"FX361_MOBILE_URL=http://127.0.0.3:{port}"]  # never asked for
            command += ["-s", f"EXTENSIONS={json.dumps(extensions)}"]
            command += ["-s", f"MEMPROBE_FILE={probe_file}"]
            for key, value in SETTINGS.items():
                command += ["-s", f"{key}={value}"]
            env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(BENCH), str(ROOT)])}
            log = (tmp / "crawl.log").open("wb")
            crawl = subprocess.Popen(
                command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env
            )
            begun = time.perf_counter()
            targets = [max(1, round(p * args.pages)) for p in POINTS[:-1]]
            next_report = 0.1
            while True:
                done, code, usage = os.wait4(crawl.pid, os.WNOHANG)
                if done:
                    crawl.returncode = os.waitstatus_to_exitcode(code)
                    break
                time.sleep(args.interval)
                memory = status(crawl.pid)
                pages = pages_stored(db)
                if not memory or pages is None:
                    continue
                seconds = time.perf_counter() - begun
                samples.append(
                    (
                        seconds,
                        pages,
                        *(memory.get(k, 0) for k in ("VmRSS", "VmHWM", "RssAnon", "RssFile")),
                    )
                )
                while targets and pages >= targets[0]:
                    marks.append((pages, memory["VmRSS"], memory["VmHWM"], seconds))
                    targets.pop(0)
                if pages >= next_report * args.pages:
                    print(
                        f"  {seconds:7.0f} s  {pages:>9,} pages  RSS {mb(memory['VmRSS'])}"
                        f"  peak {mb(memory['VmHWM'])}",
                        flush=True,
                    )
                    next_report = round(next_report + 0.1, 1)
            log.close()
        final_pages = pages_stored(db) or 0
        last_rss = samples[-1][2] if samples else 0
        peak = max([s[3] for s in samples] + [0])
        peak = max(peak, usage.ru_maxrss * 1024)  # the crawl process's own, from wait4
        marks.append((final_pages, last_rss, peak, time.perf_counter() - begun))
        probe = [json.loads(line) for line in probe_file.read_text().splitlines()]
        if args.keep:
            with (tmp / "samples.csv").open("w", newline="") as out:
                writer = csv.writer(out)
                writer.writerow(("seconds", "pages", "rss", "hwm", "rss_anon", "rss_file"))
                writer.writerows(samples)
        cpu = usage.ru_utime + usage.ru_stime
        print(
            f"\ncrawl exit status {crawl.returncode}; {final_pages:,} article pages stored;"
            f" CPU {1000 * cpu / max(final_pages, 1):.1f} ms a page"
        )
        print(
            f"{'pages':>9}{'seconds':>9}{'RSS':>9}{'peak':>9}"
            + "".join(f"{k:>12}" for k in PROBED.values())
        )
        for pages, rss, hwm, seconds in marks:
            found = [nearest(probe, pages, k) for k in PROBED]
            probed = "".join(f"{'' if v is None else v:>12}" for v in found)
            print(f"{label(pages):>9}{seconds:>9.0f}{mb(rss):>9}{mb(hwm):>9}{probed}")
        if len(marks) >= 2 and marks[0][2]:
            first, last = marks[0], marks[-1]
            print(
                f"peak RSS {label(last[0])}/{label(first[0])}: {last[2] / first[2]:.2f}"
                f" ({mb(first[2])} → {mb(last[2])});"
                f" RSS {label(last[0])}/{label(first[0])}: {last[1] / max(first[1], 1):.2f}"
            )
        if len(marks) >= 2:
            (start, *_), (end, *_) = marks[0], marks[-1]
            grown = []
            for key, name in PROBED.items():
                before, after = nearest(probe, start, key), nearest(probe, end, key)
                if isinstance(before, int) and isinstance(after, int) and after > before:
                    grown.append(f"{name} +{after - before:,}")
            per = 1000 / max(end - start, 1)
            rss = (marks[-1][1] - marks[0][1]) * per
            print(
                f"from {label(start)} to {label(end)} pages: RSS {rss / 2**10:+,.0f} KB"
                f" a 1,000 pages; grown: {', '.join(grown) or 'nothing'}"
            )
        sets = probe[-1].get("spider_sets", {}) if probe else {}
        if sets:
            print(
                "spider's containers at the end: " + ", ".join(f"{k} {v}" for k, v in sets.items())
            )
    print(f"bench took {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
