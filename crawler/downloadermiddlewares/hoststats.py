"""Which hosts a crawl really sent requests to: `downloader/request_host/<host>`
in the stats, one count per request handed to the downloader.

It sits closest to the downloader (after offsite filtering, redirects,
retries and robots.txt), so a request dropped on the way is not counted and
every one sent is, robots.txt and retries included. The test suite asserts
from these counts that no crawl of it ever left the loopback hosts; in a real
run they say where the requests went.
"""

from __future__ import annotations

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector
from scrapy.utils.httpobj import urlparse_cached

PREFIX = "downloader/request_host/"


class RequestHostsMiddleware:
    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RequestHostsMiddleware:
        assert crawler.stats is not None
        return cls(crawler.stats)

    def process_request(self, request: Request) -> None:
        self.stats.inc_value(PREFIX + (urlparse_cached(request).hostname or ""))
