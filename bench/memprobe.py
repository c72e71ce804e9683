"""A Scrapy extension for `bench/memory.py`: what a crawl holds, every few seconds.

Enabled by the bench alone (it adds `memprobe.MemoryProbe` to EXTENSIONS and
puts `bench/` on PYTHONPATH), never by the project's settings. Every
MEMPROBE_INTERVAL seconds (default 5) it appends one JSON line to
MEMPROBE_FILE with the process's resident memory (`/proc/self/status`: VmRSS,
VmHWM, RssAnon, RssFile), the crawl's counts, and the size of each container that could grow
with the URLs crawled:

* `dupefilter`: fingerprints the dupe filter has seen this run; `done`:
  fingerprints of an earlier run's `requests.done` (a resumed JOBDIR). The
  project's dupe filter keeps them in SQLite's temporary database, not in
  Python objects (crawler/resume/seen.py);
* `queue`: requests in the scheduler; `downloading`: requests in the downloader;
* `tree_nodes`, `tree_waiting`: requests of the resume tracker not yet done,
  and item URLs it waits to read back from the database;
* `archive_pending`, `store_pending`: pages and articles waiting for their batch;
* `stats`: keys in the crawl's stats;
* `objects`: objects the garbage collector tracks (every MEMPROBE_OBJECTS-th line,
  default every 6th: counting them takes a moment);
* `spider_sets`: the sizes of the spider's own sets and dicts.
"""

from __future__ import annotations

import gc
import json
import time
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import create_looping_call


def memory() -> dict[str, int]:
    """VmRSS, VmHWM, RssAnon and RssFile of this process, in bytes."""
    found = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM", "RssAnon", "RssFile"):
            found[name] = int(value.split()[0]) * 1024
    return found


def size(value: Any) -> int | None:
    try:
        return len(value)
    except TypeError:
        return None


class MemoryProbe:
    def __init__(self, crawler: Crawler, path: Path, interval: float, objects_every: int) -> None:
        self.crawler = crawler
        self.path = path
        self.interval = interval
        self.objects_every = max(1, objects_every)
        self.count = 0
        self.started = time.monotonic()
        self.task: Any = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> MemoryProbe:
        path = crawler.settings.get("MEMPROBE_FILE")
        if not path:
            raise NotConfigured("MEMPROBE_FILE is not set")
        probe = cls(
            crawler,
            Path(path),
            crawler.settings.getfloat("MEMPROBE_INTERVAL", 5.0),
            crawler.settings.getint("MEMPROBE_OBJECTS", 6),
        )
        crawler.signals.connect(probe.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(probe.spider_closed, signal=signals.spider_closed)
        return probe

    def spider_opened(self) -> None:
        self.started = time.monotonic()
        self.task = create_looping_call(self.sample)
        self.task.start(self.interval, now=True)

    def spider_closed(self) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()
        self.sample(objects=True)

    def sample(self, objects: bool = False) -> None:
        crawler = self.crawler
        engine = crawler.engine
        stats = crawler.stats.get_stats() if crawler.stats is not None else {}
        line: dict[str, Any] = {
            "t": round(time.monotonic() - self.started, 1),
            **memory(),
            "responses": stats.get("response_received_count", 0),
            "pages": stats.get("pages/stored", 0),
            "items": stats.get("item_scraped_count", 0),
            "stats": len(stats),
        }
        scheduler = getattr(engine, "scheduler", None) if engine is not None else None
        if scheduler is not None:
            df = getattr(scheduler, "df", None)
            seen = getattr(df, "seen", None)  # the project's: kept out of memory
            if seen is not None:
                line["dupefilter"] = len(seen) - seen.earlier_count
                line["done"] = seen.earlier_count
            else:  # Scrapy's own (not `fingerprints`: it copies them all, as text)
                line["dupefilter"] = size(getattr(df, "_fingerprints", ()))
            line["queue"] = size(scheduler)
        if engine is not None:
            line["downloading"] = size(getattr(engine.downloader, "active", ()))
            for mw in getattr(engine.scraper.spidermw, "middlewares", ()):
                tree = getattr(mw, "tree", None)
                if tree is not None:
                    line["tree_nodes"] = size(tree.nodes)
                    line["tree_waiting"] = size(tree.waiting)
                if hasattr(mw, "pending") and type(mw).__name__ == "PageArchive":
                    line["archive_pending"] = size(mw.pending)
            for pipe in getattr(engine.scraper.itemproc, "middlewares", ()):
                if type(pipe).__name__ == "StorePipeline":
                    line["store_pending"] = size(pipe.pending)
        spider = crawler.spider
        if spider is not None:
            line["spider_sets"] = {
                name: n
                for name, value in vars(spider).items()
                if isinstance(value, set | dict | list) and (n := len(value)) > 0
            }
        if objects or self.count % self.objects_every == 0:
            line["objects"] = len(gc.get_objects())
        self.count += 1
        with self.path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(line) + "\n")
