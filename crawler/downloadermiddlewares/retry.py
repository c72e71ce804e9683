"""Retries with exponential backoff that honour `Retry-After`.

Scrapy's RetryMiddleware retries at once; a site that is failing under load
gets hit again immediately, and a 429/503 that says when to come back is
ignored. This one waits before each retry: base × 2^(retry−1) seconds,
jittered and capped, and at least what `Retry-After` asks (itself capped).

The wait is an `await` inside the downloader middleware, so the request holds
no per-site download slot while it waits: the site's other requests go on.
It does count towards CONCURRENT_REQUESTS (the downloader's active set) until
it is retried, which bounds how many waiting retries pile up.

Settings: RETRY_TIMES, RETRY_HTTP_CODES, RETRY_EXCEPTIONS (Scrapy's),
RETRY_BACKOFF_BASE (s), RETRY_BACKOFF_MAX (s), RETRY_AFTER_MAX (s).
"""

from __future__ import annotations

import logging
import random
import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware, get_retry_request
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.utils.asyncio import sleep
from scrapy.utils.response import response_status_message

from crawler.extensions.closing import ClosingWatch
from crawler.meta import GAVE_UP

logger = logging.getLogger(__name__)

# Longest single sleep while waiting, so a closing crawl is noticed soon.
_WAIT_STEP = 0.5


def backoff_delay(retry: int, base: float, cap: float, rand: float) -> float:
    """Seconds to wait before retry number `retry` (1 for the first):
    base × 2^(retry−1), capped at `cap`, then scaled into [½, 1] of that by
    `rand` (0..1), so that many requests failing together do not come back
    together.

    >>> backoff_delay(1, 1.0, 60.0, rand=1.0)
    1.0
    >>> backoff_delay(4, 1.0, 60.0, rand=1.0)
    8.0
    >>> backoff_delay(4, 1.0, 60.0, rand=0.0)
    4.0
    >>> backoff_delay(30, 1.0, 60.0, rand=1.0)
    60.0
    """
    # min() before the power would overflow: 2.0 ** 2000 is an OverflowError.
    delay = min(cap, base * 2.0 ** min(retry - 1, 64))
    return delay * (0.5 + rand / 2)


def retry_after_seconds(value: str | bytes | None, now: datetime | None = None) -> float | None:
    """The wait a `Retry-After` header asks for, in seconds: delta-seconds or
    an HTTP-date; None where there is none or it cannot be read.

    >>> retry_after_seconds("120")
    120.0
    >>> retry_after_seconds(b" 3 ")
    3.0
    >>> now = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)
    >>> retry_after_seconds("Wed, 01 May 2024 12:00:30 GMT", now)
    30.0
    >>> retry_after_seconds("Wed, 01 May 2024 11:00:00 GMT", now)
    0.0
    >>> retry_after_seconds("soon") is None, retry_after_seconds("-5") is None
    (True, True)
    """
    if value is None:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # HTTP-dates are GMT; a bare one is taken as such
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's RetryMiddleware (same settings, stats and give-up log, and the
    same request meta keys: `dont_retry`, `max_retry_times`, `priority_adjust`,
    `give_up_log_level`) with a wait before each retry. The retry itself is
    Scrapy's public `get_retry_request()`. Stats besides Scrapy's `retry/count`,
    `retry/reason_count/<reason>` and `retry/max_reached`:
    `retry/retry_after_count` (retries that waited as long as Retry-After asked).
    A retry whose wait is cut short by the crawl closing
    (crawler/extensions/closing.py says what counts) is not sent; the request
    then ends as a failure, with "(crawl closing)" in its reason."""

    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.cap = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)
        self.retry_after_max = settings.getfloat("RETRY_AFTER_MAX", 300.0)
        self.rng = random.Random()
        self.watch: ClosingWatch | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BackoffRetryMiddleware:
        middleware = super().from_crawler(crawler)
        middleware.watch = ClosingWatch(crawler)
        return middleware

    def retry_request(self, request: Request, reason: str | Exception) -> Request | None:
        """The retry of `request`, or None where its retries are used up."""
        assert self.crawler.spider is not None
        return get_retry_request(
            request,
            spider=self.crawler.spider,
            reason=reason,
            max_retry_times=request.meta.get("max_retry_times", self.max_retry_times),
            priority_adjust=request.meta.get("priority_adjust", self.priority_adjust),
            give_up_log_level=request.meta.get("give_up_log_level"),
        )

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response
    ) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        reason = response_status_message(response.status)
        retry = self.retry_request(request, reason)
        if retry is None:
            request.meta[GAVE_UP] = reason
            return response
        asked = retry_after_seconds(response.headers.get("Retry-After"))
        if not await self._wait(retry, asked):
            request.meta[GAVE_UP] = f"{reason} (crawl closing)"
            return response
        return retry

    async def process_exception(  # type: ignore[override]
        self, request: Request, exception: Exception
    ) -> Request | Response | None:
        if request.meta.get("dont_retry", False) or not isinstance(
            exception, self.exceptions_to_retry
        ):
            return None
        retry = self.retry_request(request, exception)
        if retry is None:
            request.meta[GAVE_UP] = type(exception).__name__
            return None
        if not await self._wait(retry, None):
            request.meta[GAVE_UP] = f"{type(exception).__name__} (crawl closing)"
            return None
        return retry

    def wait_for(self, retry: int, asked: float | None) -> float:
        """Seconds before retry number `retry`, given a Retry-After of `asked` seconds."""
        delay = backoff_delay(retry, self.base, self.cap, self.rng.random())
        if asked is not None:
            delay = max(delay, min(asked, self.retry_after_max))
        return delay

    async def _wait(self, retry: Request, asked: float | None) -> bool:
        """Wait before `retry`; False where the crawl began closing meanwhile
        (the retry is then not sent: a closing crawl waits for every request
        in progress, and a 5-minute Retry-After would hold it up)."""
        delay = self.wait_for(retry.meta["retry_times"], asked)
        assert self.crawler.stats is not None
        if asked is not None:  # the wait is at least what was asked (or RETRY_AFTER_MAX)
            self.crawler.stats.inc_value("retry/retry_after_count")
        logger.debug("Retrying %s in %.2f s", retry.url, delay)
        end = time.monotonic() + delay
        while (left := end - time.monotonic()) > 0:
            if self.closing():
                return False
            await sleep(min(left, _WAIT_STEP))
        return not self.closing()

    def closing(self) -> bool:
        return self.watch.closing if self.watch is not None else not self.crawler.crawling
