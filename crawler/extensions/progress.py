"""Progress of a crawl in the log: a line every PROGRESS_INTERVAL seconds
(default 60; 0 turns the periodic lines off) and a one-line summary at the end.

A line reads, from the crawl's stats:

    progress: 1,204 pages (58/min), 1,160 items (56/min), 1,150 articles stored
    (1,020 new, 12 updated, 118 unchanged), 0 errors, 20m45s elapsed

(on one line). Pages are responses received; items are those through every
pipeline (`item_scraped_count`); articles stored are what the store pipeline
wrote (`store/articles_new|updated|unchanged`), which lags the items by up to
a batch (STORE_BATCH_SIZE) because the store writes in batches; errors are
ERROR log lines plus download exceptions (timeouts, refused connections,
retried or not). The rates are per minute over the last interval, so a
slowed-down crawl shows at once; the summary gives the averages over the
whole run.

It stands in for Scrapy's LogStats, whose periodic line (pages and items a
minute) the project's settings turn off (LOGSTATS_INTERVAL = 0): this line
has what that one had, and the summary sets the stats LogStats would have
set at the end (`responses_per_minute`, `items_per_minute`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.utils.asyncio import create_looping_call

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Snapshot:
    """The counters a progress line shows, read from a crawl's stats."""

    pages: int = 0
    items: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: int = 0

    @property
    def stored(self) -> int:
        return self.new + self.updated + self.unchanged

    @classmethod
    def of(cls, stats: Mapping[str, Any]) -> Snapshot:
        """
        >>> s = Snapshot.of({"response_received_count": 9, "item_scraped_count": 7,
        ...                  "store/articles_new": 4, "store/articles_unchanged": 2,
        ...                  "log_count/ERROR": 1, "downloader/exception_count": 2})
        >>> s.pages, s.items, s.stored, s.errors
        (9, 7, 6, 3)
        """

        def get(name: str) -> int:
            return int(stats.get(name) or 0)

        return cls(
            pages=get("response_received_count"),
            items=get("item_scraped_count"),
            new=get("store/articles_new"),
            updated=get("store/articles_updated"),
            unchanged=get("store/articles_unchanged"),
            errors=get("log_count/ERROR") + get("downloader/exception_count"),
        )


def per_minute(count: int, seconds: float) -> int:
    """A count over `seconds` as a rate per minute, rounded.

    >>> per_minute(30, 60), per_minute(3, 0.5), per_minute(5, 0)
    (30, 360, 0)
    """
    return round(count * 60 / seconds) if seconds > 0 else 0


def duration(seconds: float) -> str:
    """
    >>> duration(4.2), duration(125), duration(3725)
    ('4s', '2m05s', '1h02m05s')
    """
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h{minutes:02d}m{secs:02d}s"
    if minutes:
        return f"{minutes}m{secs:02d}s"
    return f"{secs}s"


def counts(now: Snapshot, rate: int, item_rate: int) -> str:
    """The part of a line both kinds share.

    >>> print(counts(Snapshot(1204, 1160, new=1020, updated=12, unchanged=118), 58, 56))
    1,204 pages (58/min), 1,160 items (56/min), 1,150 articles stored (1,020 new, 12 updated, 118 unchanged), 0 errors
    """  # noqa: E501
    return (
        f"{now.pages:,} pages ({rate:,}/min), {now.items:,} items ({item_rate:,}/min), "
        f"{now.stored:,} articles stored "
        f"({now.new:,} new, {now.updated:,} updated, {now.unchanged:,} unchanged), "
        f"{now.errors:,} errors"
    )


def progress_line(now: Snapshot, before: Snapshot, interval: float, elapsed: float) -> str:
    """
    >>> now, before = Snapshot(pages=70, items=50, new=50), Snapshot(pages=40, items=45)
    >>> line = progress_line(now, before, 60, 120)
    >>> line.startswith("progress: 70 pages (30/min), 50 items (5/min), 50 articles stored")
    True
    >>> line.endswith("0 unchanged), 0 errors, 2m00s elapsed")
    True
    """
    rate = per_minute(now.pages - before.pages, interval)
    item_rate = per_minute(now.items - before.items, interval)
    return f"progress: {counts(now, rate, item_rate)}, {duration(elapsed)} elapsed"


def summary_line(now: Snapshot, reason: str, elapsed: float) -> str:
    """
    >>> line = summary_line(Snapshot(pages=180, items=126, new=125), "finished", 90)
    >>> line.startswith("done (finished) in 1m30s: 180 pages (120/min), 126 items (84/min), 125")
    True
    """
    rates = per_minute(now.pages, elapsed), per_minute(now.items, elapsed)
    return f"done ({reason}) in {duration(elapsed)}: {counts(now, *rates)}"


class Progress:
    """The extension (EXTENSIONS); with LogStats off, the crawl's one
    periodic line."""

    def __init__(self, crawler: Crawler, interval: float) -> None:
        self.crawler = crawler
        self.interval = interval
        self.task: Any = None
        self.started = time.monotonic()
        self.before = Snapshot()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Progress:
        extension = cls(crawler, crawler.settings.getfloat("PROGRESS_INTERVAL", 60.0))
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def snapshot(self) -> Snapshot:
        assert self.crawler.stats is not None
        return Snapshot.of(self.crawler.stats.get_stats())

    def spider_opened(self) -> None:
        self.started = time.monotonic()
        if self.interval > 0:
            self.task = create_looping_call(self.log_progress)
            # now=False: a line at second 0 would say nothing.
            self.task.start(self.interval, now=False)

    def log_progress(self) -> None:
        now = self.snapshot()
        elapsed = time.monotonic() - self.started
        logger.info(progress_line(now, self.before, self.interval, elapsed))
        self.before = now

    def spider_closed(self, reason: str) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()
        # The store pipeline has flushed its last batch by now: the engine
        # closes the pipelines before it sends spider_closed.
        now, elapsed = self.snapshot(), time.monotonic() - self.started
        logger.info(summary_line(now, reason, elapsed))
        assert self.crawler.stats is not None
        if elapsed > 0 and self.crawler.stats.get_value("responses_per_minute") is None:
            # what LogStats leaves when it runs (it does not: LOGSTATS_INTERVAL = 0)
            self.crawler.stats.set_value("responses_per_minute", now.pages * 60 / elapsed)
            self.crawler.stats.set_value("items_per_minute", now.items * 60 / elapsed)
