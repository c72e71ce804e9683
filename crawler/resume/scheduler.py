"""The scheduler of resumable runs."""

from __future__ import annotations

from typing import Any

from scrapy.core.scheduler import BaseScheduler, Scheduler
from scrapy.crawler import Crawler


class ResumeScheduler(Scheduler):
    """Scrapy's scheduler with its queue in memory, JOBDIR or not: what a
    resumed run needs is in `requests.done` (see the module's docstring).
    With REDIS_URL set, the frontier shared in Redis instead
    (crawler/frontier/): one SCHEDULER setting for both, since REDIS_URL may
    come from the environment or `-s`."""

    def __init__(self, dupefilter: Any, jobdir: str | None = None, **kwargs: Any) -> None:
        super().__init__(dupefilter, jobdir=None, **kwargs)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BaseScheduler:  # type: ignore[override]
        if crawler.settings.get("REDIS_URL"):
            # imported only when used: Redis is no part of a single-process crawl
            from crawler.frontier.scheduler import FrontierScheduler

            return FrontierScheduler.from_crawler(crawler)
        return super().from_crawler(crawler)
