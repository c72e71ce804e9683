"""Crawl rate on the sample site, and the size of the database it makes.

    .venv/bin/python bench/crawl_rate.py [--runs 3]

Each run is a real `scrapy crawl fx361` (politeness delays off: the site is on
loopback) into a fresh SQLite file, then `scrapy crawl article` for the
mirror's copy of the seed article. Reports the median of the runs: wall time
of the fx361 crawl (process start to exit), responses received, responses per
second, and the database's size on disk.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from journals.samplesite import LOCAL_CRAWL_OPTIONS as FAST  # noqa: E402
from journals.samplesite import server  # noqa: E402


def crawl(args: list[str], db: Path) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "scrapy",
            "crawl",
            *args,
            "-s",
            f"DATABASE_URL=sqlite:///{db}",
            *FAST,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return time.perf_counter() - start, done.stderr


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    times, rates, crawl_rates, sizes, responses = [], [], [], [], []
    with server.start(0) as site, tempfile.TemporaryDirectory() as tmp:
        for n in range(runs):
            db = Path(tmp) / f"run{n}.db"
            seconds, log = crawl(["fx361", "-s", f"FX361_BASE_URL={site.base_url}"], db)
            crawl(["article", "-a", f"url={site.seed_url}"], db)
            count = int(re.search(r"'response_received_count': (\d+)", log)[1])
            elapsed = float(re.search(r"'elapsed_time_seconds': ([\d.]+)", log)[1])
            crawl_rates.append(count / elapsed)
            times.append(seconds)
            responses.append(count)
            rates.append(count / seconds)
            sizes.append(db.stat().st_size)
            print(
                f"run {n + 1}: {count} responses; process {seconds:.2f} s"
                f" = {count / seconds:.1f}/s; crawl alone {elapsed:.2f} s = {count / elapsed:.1f}/s"
            )
    print(
        f"median of {runs}: {statistics.median(responses):.0f} responses, "
        f"{statistics.median(rates):.1f} pages/s with process start-up "
        f"({statistics.median(times):.2f} s), {statistics.median(crawl_rates):.1f} pages/s "
        f"crawling; database {statistics.median(sizes) / 1024:.0f} KiB"
    )


if __name__ == "__main__":
    main()
