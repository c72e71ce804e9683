"""A crawl's final stats as a JSON file, for whatever runs many crawls and
checks them afterwards (the test suite does, for every crawl it runs).

With CRAWL_STATS_DIR set (a setting, or the environment variable of that
name), each crawl writes `<spider>-<pid>-<n>.json` there when it closes:
`{"spider": …, "argv": […], "stats": {…}}`. Unset, it does nothing.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured


class StatsDump:
    def __init__(self, crawler: Crawler, folder: Path) -> None:
        self.crawler = crawler
        self.folder = folder

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StatsDump:
        folder = crawler.settings.get("CRAWL_STATS_DIR") or os.environ.get("CRAWL_STATS_DIR")
        if not folder:
            raise NotConfigured("CRAWL_STATS_DIR is not set")
        extension = cls(crawler, Path(folder))
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_closed(self, spider: Spider, reason: str) -> None:
        assert self.crawler.stats is not None
        stats = {**self.crawler.stats.get_stats(), "finish_reason": reason}
        record = {"spider": spider.name, "argv": sys.argv, "stats": stats}
        self.folder.mkdir(parents=True, exist_ok=True)
        name = f"{spider.name}-{os.getpid()}-{time.monotonic_ns()}.json"
        partial = self.folder / f".{name}.part"
        partial.write_text(json.dumps(record, ensure_ascii=False, default=str), encoding="utf-8")
        partial.replace(self.folder / name)  # whole or not at all
