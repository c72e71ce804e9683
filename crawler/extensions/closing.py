"""Ending a crawl early in a way its components can see, with Scrapy's public
API only.

Scrapy's engine closes a spider with `engine.close_spider_async(reason)` and
says so only once the close is over (`spider_closed`). Meanwhile it waits for
every request in progress, and a component that is itself waiting (the retry
middleware's backoff, up to minutes for a `Retry-After`) has no public flag
to learn that it should stop; the engine's own is private. So a component of
this project that ends the crawl does it with `close_crawl`, which first sends
the signal `crawl_closing` (keyword argument `reason`), and components that
wait watch for it with a `ClosingWatch`.

A `ClosingWatch` also counts a crawl stopped from outside (Ctrl-C, SIGTERM:
the crawler's `crawling` is then false) and a spider closed or an engine
stopped. A close begun elsewhere (Scrapy's CloseSpider extension, a
`CloseSpider` raised in a callback) is not seen until it is over: a retry
waiting then finishes its wait first (RETRY_BACKOFF_MAX, RETRY_AFTER_MAX).
"""

from __future__ import annotations

from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.utils.defer import deferred_from_coro

# Sent by `close_crawl` before the close begins; keyword argument: reason.
crawl_closing = object()


def close_crawl(crawler: Crawler, reason: str) -> None:
    """Close the crawl with finish reason `reason`: send `crawl_closing`,
    then begin the engine's close (which finishes on its own; not awaited,
    since the caller may be one of the requests the close waits for)."""
    crawler.signals.send_catch_log(signal=crawl_closing, reason=reason)
    assert crawler.engine is not None
    deferred_from_coro(crawler.engine.close_spider_async(reason=reason))


class ClosingWatch:
    """Whether the crawl is closing: `closing` turns true when `crawl_closing`
    is sent, the crawler stops crawling, the spider is closed or the engine
    stopped, and stays true."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.reason: str | None = None
        crawler.signals.connect(self.on_closing, signal=crawl_closing)
        crawler.signals.connect(self.on_closed, signal=signals.spider_closed)
        crawler.signals.connect(self.on_stopped, signal=signals.engine_stopped)

    @property
    def closing(self) -> bool:
        return self.reason is not None or not self.crawler.crawling

    def on_closing(self, reason: str, **_: Any) -> None:
        self.reason = self.reason or reason

    def on_closed(self, reason: str, **_: Any) -> None:
        self.reason = self.reason or reason

    def on_stopped(self, **_: Any) -> None:
        self.reason = self.reason or "engine stopped"
