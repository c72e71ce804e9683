"""Anti-bot pages: what a site sends instead of the page asked for (a captcha,
a JavaScript challenge, an empty page), recognised by `antibot_kind`, and the
downloader middleware that makes each a failure, slows down for a site that
sends them, and leaves a site that sends many of them alone instead of
hammering it. Such a page is never an article.

How the slowdown holds with AutoThrottle on
-------------------------------------------
AutoThrottle sets a site's download delay again after each response
(`(delay + latency / target) / 2`), so a delay doubled once is halved away by
the next quick page. The middleware keeps a delay floor per download slot
(`DelayFloors`): each anti-bot page doubles the slot's delay (at least
ANTIBOT_MIN_DELAY, at most ANTIBOT_MAX_DELAY) and makes that the floor. While
a slot has a floor its delay is never let below it, and each of its requests
is marked, as its response arrives, with the meta key
`autothrottle_dont_adjust_delay`, AutoThrottle's documented way to leave a
slot's delay alone. The floor halves after ANTIBOT_DECAY_PAGES good
pages in a row from that slot, and is lifted once halving would take it below
ANTIBOT_MIN_DELAY: the slot's delay is then what it was before the first
anti-bot page, and AutoThrottle has it again.

The pages are judged on the signal `response_downloaded`, the one AutoThrottle
listens to, which the downloader sends before it lets the slot's next request
go: that request already waits the raised delay. Handlers of one signal run in
no promised order, and the judgement holds either way: if AutoThrottle came
first, the floor is put back; if it comes after, the meta key stops it. (A
subclass of AutoThrottle would have to override its private `_adjust_delay`.)

Requests wait for their turn in this middleware (at most the slot's
concurrency of them past it, the others waiting), not in the downloader's
slot queue, which Scrapy's public API cannot empty. When a site has sent
ANTIBOT_MAX_PAGES anti-bot pages, the run is closed as `blocked` through the
engine (crawler/extensions/closing.py), and the requests still waiting here
are dropped without being sent, each recorded as a failure.
"""

from __future__ import annotations

import logging
import re
import weakref
from dataclasses import dataclass

from scrapy import Request, signals
from scrapy.core.downloader import Downloader
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.utils.asyncio import call_later
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred

from crawler.downloadermiddlewares.failedrequests import announce, failed_request
from crawler.extensions.closing import close_crawl

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
    # Runs of spaces as one, as `re.sub(r"\s+", " ", …).strip()` makes them (the
    # same spaces), in a fifth of its time: it reads every page a crawl fetches.
    return " ".join(_TAGS.sub(" ", html).split())


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


@dataclass
class Floor:
    """A slot's delay floor (seconds), the slot's delay before its first
    anti-bot page, and the good pages in a row since the floor last changed."""

    delay: float
    base: float
    good: int = 0


class DelayFloors:
    """Delay floors per download slot. `anti_bot` doubles the slot's delay
    into its floor (at least `least`, at most `most`); `good` keeps the delay
    at the floor or above, halves the floor after `decay_after` good pages in
    a row, and lifts it once halving would take it below `least`, giving back
    the delay the slot had before. Both return the delay the slot must have
    now; `good` returns None for a slot with no floor (its delay is left alone).

    >>> floors = DelayFloors(least=1.0, most=8.0, decay_after=2)
    >>> [floors.anti_bot("site", delay=0.5) for _ in range(5)]
    [1.0, 2.0, 4.0, 8.0, 8.0]
    >>> [floors.good("site", delay=0.5) for _ in range(8)]
    [8.0, 4.0, 4.0, 2.0, 2.0, 1.0, 1.0, 0.5]
    >>> floors.good("site", delay=0.5) is None, floors.holds("site")
    (True, False)

    An anti-bot page starts the count of good pages again:

    >>> floors.anti_bot("site", delay=0.5), floors.good("site", delay=1.0)
    (1.0, 1.0)
    >>> floors.anti_bot("site", delay=1.0), floors.good("site", delay=2.0)
    (2.0, 2.0)
    """

    def __init__(self, least: float, most: float, decay_after: int) -> None:
        self.least, self.most, self.decay_after = least, most, max(decay_after, 1)
        self.floors: dict[str, Floor] = {}

    def holds(self, key: str) -> bool:
        return key in self.floors

    def anti_bot(self, key: str, delay: float) -> float:
        floor = self.floors.setdefault(key, Floor(0.0, base=delay))
        floor.delay = min(max(2 * max(delay, floor.delay), self.least), self.most)
        floor.good = 0
        return floor.delay

    def good(self, key: str, delay: float) -> float | None:
        floor = self.floors.get(key)
        if floor is None:
            return None
        floor.good += 1
        if floor.good < self.decay_after:
            return max(delay, floor.delay)
        floor.good = 0
        if floor.delay / 2 < self.least:
            del self.floors[key]
            return floor.base
        floor.delay /= 2
        return max(floor.delay, floor.base)


class AntiBotMiddleware:
    """A captcha, a JavaScript challenge or an empty page answered with 200 is
    counted (`antibot/<kind>`), never passed on as an article, and doubles the
    site's download delay into a floor that holds until the site has sent
    good pages for a while (the module doc says how, with AutoThrottle on);
    after ANTIBOT_MAX_PAGES of them the run ends with the reason `blocked`.

    Settings: ANTIBOT_MAX_PAGES, ANTIBOT_MIN_DELAY, ANTIBOT_MAX_DELAY (s),
    ANTIBOT_DECAY_PAGES."""

    # Longest wait for a turn before looking again (a turn is normally given
    # when a request of the slot leaves the downloader).
    TURN_STEP = 0.5

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.max_pages = settings.getint("ANTIBOT_MAX_PAGES", 10)
        self.floors = DelayFloors(
            least=settings.getfloat("ANTIBOT_MIN_DELAY", 1.0),
            most=settings.getfloat("ANTIBOT_MAX_DELAY", 60.0),
            decay_after=settings.getint("ANTIBOT_DECAY_PAGES", 10),
        )
        self.seen = 0
        # Each response judged once: its anti-bot kind, or None for a real page.
        self.kinds: weakref.WeakKeyDictionary[Response, str | None] = weakref.WeakKeyDictionary()
        # Requests waiting for a turn, by download slot.
        self.waiting: dict[str, list[Deferred[None]]] = {}
        crawler.signals.connect(self.response_downloaded, signal=signals.response_downloaded)
        crawler.signals.connect(self.request_left, signal=signals.request_left_downloader)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AntiBotMiddleware:
        return cls(crawler)

    @property
    def blocked(self) -> bool:
        return self.seen >= self.max_pages

    def downloader(self) -> Downloader:
        assert self.crawler.engine is not None
        return self.crawler.engine.downloader

    async def process_request(self, request: Request) -> None:
        self.refuse_if_blocked(request)
        downloader = self.downloader()
        key = downloader.get_slot_key(request)
        # A turn: fewer of the slot's requests queued or being downloaded than
        # it downloads at once. (Its `active` still holds a request that left
        # the downloader, until the middlewares are done with the response.)
        while (slot := downloader.slots.get(key)) is not None and (
            len(slot.queue) + len(slot.transferring) >= slot.concurrency
        ):
            await self.turn(key)
            self.refuse_if_blocked(request)

    def refuse_if_blocked(self, request: Request) -> None:
        if self.blocked:
            announce(self.crawler, failed_request(request, None, BLOCKED, tried=False))
            raise IgnoreRequest(f"not requested, the site is blocking us: {request.url}")

    async def turn(self, key: str) -> None:
        """Until a request of slot `key` leaves the downloader (or TURN_STEP)."""
        waiter: Deferred[None] = Deferred()
        self.waiting.setdefault(key, []).append(waiter)
        timer = call_later(self.TURN_STEP, self.wake, waiter)
        try:
            await maybe_deferred_to_future(waiter)
        finally:
            timer.cancel()
            if waiter in (waiters := self.waiting.get(key, [])):
                waiters.remove(waiter)

    @staticmethod
    def wake(waiter: Deferred[None]) -> None:
        if not waiter.called:
            waiter.callback(None)

    def request_left(self, request: Request) -> None:
        for waiter in self.waiting.pop(request.meta.get(Downloader.DOWNLOAD_SLOT, ""), []):
            self.wake(waiter)

    def response_downloaded(self, response: Response, request: Request) -> None:
        """Judge the page as soon as it is downloaded, and set its slot's delay."""
        kind = self.verdict(request, response)
        key = request.meta.get(Downloader.DOWNLOAD_SLOT)
        slot = self.downloader().slots.get(key) if key is not None else None
        if key is None or slot is None:
            return
        if kind is not None:
            slot.delay = self.floors.anti_bot(key, slot.delay)
            logger.warning("anti-bot page at %s: delay now %.2f s", request.url, slot.delay)
        elif (delay := self.floors.good(key, slot.delay)) is not None:
            if not self.floors.holds(key):
                logger.info("good pages from %s: delay floor lifted (%.2f s)", key, delay)
            elif delay < slot.delay:
                logger.info("good pages from %s: delay floor now %.2f s", key, delay)
            slot.delay = delay
        if self.floors.holds(key):
            request.meta["autothrottle_dont_adjust_delay"] = True

    def verdict(self, request: Request, response: Response) -> str | None:
        """The page's anti-bot kind (None for a real page), judged and counted
        once; the run is closed as `blocked` at the ANTIBOT_MAX_PAGES-th."""
        if response in self.kinds:
            return self.kinds[response]
        text = isinstance(response, TextResponse) and response.status == 200
        kind = self.kinds[response] = antibot_kind(response.text) if text else None
        if kind is not None:
            self.seen += 1
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value(f"antibot/{kind}")
            if self.seen == self.max_pages:
                logger.error("blocked: %d anti-bot pages; ending the run", self.seen)
                close_crawl(self.crawler, "blocked")
        return kind

    def process_response(self, request: Request, response: Response) -> Response:
        kind = self.verdict(request, response)
        if kind is None:
            return response
        announce(self.crawler, failed_request(request, response.status, f"anti-bot page ({kind})"))
        raise IgnoreRequest(f"anti-bot page ({kind}): {request.url}")
