"""Downloader middlewares: anti-bot pages are failures, and a site that sends
many of them is left alone instead of hammered."""

from __future__ import annotations

import logging

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.utils.defer import deferred_from_coro
from twisted.python.failure import Failure

from crawler.antibot import antibot_kind
from crawler.failures import announce, failed_request

logger = logging.getLogger(__name__)
# The reason stored for a request not sent because the site was blocking us.
BLOCKED = "not requested: the site is blocking us"


class AntiBotMiddleware:
    """A captcha, a JavaScript challenge or an empty page answered with 200 is
    counted (`antibot/<kind>`), never passed on as an article, and doubles the
    site's download delay (up to ANTIBOT_MAX_DELAY); after ANTIBOT_MAX_PAGES
    of them the run ends with the reason `blocked`."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.max_pages = crawler.settings.getint("ANTIBOT_MAX_PAGES", 10)
        self.max_delay = crawler.settings.getfloat("ANTIBOT_MAX_DELAY", 60.0)
        self.seen = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AntiBotMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        if self.seen >= self.max_pages:
            announce(self.crawler, failed_request(request, None, BLOCKED, tried=False))
            raise IgnoreRequest(f"not requested, the site is blocking us: {request.url}")

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status != 200 or not isinstance(response, TextResponse):
            return response
        kind = antibot_kind(response.text)
        if kind is None:
            return response
        self.seen += 1
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"antibot/{kind}")
        self._slow_down(request)
        announce(self.crawler, failed_request(request, response.status, f"anti-bot page ({kind})"))
        if self.seen == self.max_pages:
            logger.error("blocked: %d anti-bot pages; ending the run", self.seen)
            self._drop_queued()
            assert self.crawler.engine is not None
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="blocked"))
        raise IgnoreRequest(f"anti-bot page ({kind}): {request.url}")

    def _drop_queued(self) -> None:
        """Requests waiting out the raised delays are not sent: the run is over."""
        assert self.crawler.engine is not None
        for slot in self.crawler.engine.downloader.slots.values():
            while slot.queue:
                request, waiting = slot.queue.popleft()
                announce(self.crawler, failed_request(request, None, BLOCKED, tried=False))
                waiting.errback(Failure(IgnoreRequest(f"not requested, blocked: {request.url}")))

    def _slow_down(self, request: Request) -> None:
        engine = self.crawler.engine
        if engine is None:
            return
        downloader = engine.downloader
        slot = downloader.slots.get(downloader.get_slot_key(request))
        if slot is not None:
            slot.delay = min(max(slot.delay * 2, 1.0), self.max_delay)
            logger.warning("anti-bot page at %s: delay now %.0f s", request.url, slot.delay)
