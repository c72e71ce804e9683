"""Anti-bot pages: what a site sends instead of the page asked for (a captcha,
a JavaScript challenge, an empty page), recognised by `antibot_kind`, and the
downloader middleware that makes each a failure and leaves a site that sends
many of them alone instead of hammering it. Such a page is never an article."""

from __future__ import annotations

import logging
import re

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.utils.defer import deferred_from_coro
from twisted.python.failure import Failure

from crawler.downloadermiddlewares.failedrequests import announce, failed_request

logger = logging.getLogger(__name__)
# The reason stored for a request not sent because the site was blocking us.
BLOCKED = "not requested: the site is blocking us"


_CAPTCHA = re.compile(
    r"请输入验证码|請輸入驗證碼|输入验证码|安全验证|人机验证|滑动验证|拖动滑块|访问过于频繁|访问频率过高"
    r"|异常访问|您的访问出现异常|captcha|are you a robot|unusual traffic",
    re.I,
)
_CHALLENGE = re.compile(
    r"正在验证您的浏览器|checking your browser|please enable javascript|请开启JavaScript"
    r"|__jsl_clearance|cf-browser-verification|challenge-platform|jschl",
    re.I,
)
_SCRIPT_REDIRECT = re.compile(
    r"document\.cookie\s*=.*?(?:location\.(?:reload|href|replace)|window\.location)", re.S | re.I
)
_TAGS = re.compile(r"<script\b.*?</script>|<style\b.*?</style>|<[^>]+>", re.S | re.I)


def visible_text(html: str) -> str:
    """The page's text without markup, scripts or styles.

    >>> visible_text("<p>正文<script>x=1</script></p>")
    '正文'
    """
    return re.sub(r"\s+", " ", _TAGS.sub(" ", html)).strip()


def antibot_kind(html: str) -> str | None:
    """`captcha`, `challenge` or `empty` for a page that stands in for the one
    asked for; None for a real page.

    >>> antibot_kind("<html><body><p>请输入验证码后继续访问</p><img src=/c.png></body></html>")
    'captcha'
    >>> antibot_kind("<script>document.cookie='k=1';location.reload()</script>")
    'challenge'
    >>> antibot_kind("<html><body>  </body></html>")
    'empty'
    >>> page = "<h1>人大代表如何开展验证工作</h1><p>" + "代表们认真履职。" * 40 + "</p>"
    >>> antibot_kind(page) is None
    True
    """
    text = visible_text(html)
    if not text:
        return "empty" if not _SCRIPT_REDIRECT.search(html) else "challenge"
    # A real article page is long; these stand-ins are short.
    if len(text) < 600:
        if _CAPTCHA.search(text):
            return "captcha"
        if _CHALLENGE.search(html) or _SCRIPT_REDIRECT.search(html):
            return "challenge"
    return None


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
