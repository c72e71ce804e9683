"""Requests that failed for good: nothing is lost without a trace.

`FailureMiddleware` sits outside the retry middleware, so it sees each
request's final outcome only: a response that is not 2xx once retries (and
redirects) are done with it, or a download error nothing turned into a retry
(retries used up, a body over DOWNLOAD_MAXSIZE, …). Each becomes a
`FailedRequest`, which is

- counted in the stats: `failures/count`, `failures/reason_count/<reason>`;
- logged once, with its URL;
- kept in `FailureMiddleware.failures`, and sent as the signal
  `request_failed` (keyword argument `failure`), which is the hook for storing
  failures: connect a handler in a pipeline's or extension's `from_crawler`:
  `crawler.signals.connect(handler, signal=pipelines.db.failures.request_failed)`.

Not failures: requests the crawl chose not to make (robots.txt, offsite,
duplicates), which Scrapy counts itself. Anti-bot pages are counted as
`antibot/<kind>` by crawler.downloadermiddlewares.antibot; they end as IgnoreRequest raised while
processing the response, which no outer middleware is shown, so that
middleware sends `request_failed` itself (`announce`), without counting them in
`failures/*`, as it does for the requests it does not send once blocked. A
redirect loop cut at REDIRECT_MAX_TIMES is not recorded.

The store pipeline (pipelines/store.py) keeps what `request_failed` carries in
the `failures` table.
"""

from __future__ import annotations

import logging

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.response import response_status_message

from crawler.meta import GAVE_UP
from pipelines.db.failures import FailedRequest, request_failed

logger = logging.getLogger(__name__)


def exception_reason(exception: BaseException) -> str:
    """A short reason for a download error: its class name, and its message
    where it has one.

    >>> exception_reason(TimeoutError())
    'TimeoutError'
    >>> exception_reason(ValueError("too big"))
    'ValueError: too big'
    """
    message = str(exception).strip().splitlines()[0] if str(exception).strip() else ""
    name = type(exception).__name__
    return f"{name}: {message[:200]}" if message else name


def announce(crawler: Crawler, failure: FailedRequest) -> None:
    """Send `request_failed` for `failure` (to be stored)."""
    crawler.signals.send_catch_log(signal=request_failed, failure=failure, spider=crawler.spider)


def failed_request(
    request: Request, status: int | None, reason: str, tried: bool = True
) -> FailedRequest:
    """The `FailedRequest` of `request`; `tried` false: never sent (no attempt)."""
    attempts = request.meta.get("retry_times", 0) + 1 if tried else 0
    return FailedRequest(request.url, status, reason, attempts, GAVE_UP in request.meta)


class FailureMiddleware:
    """Records every request that failed for good (see the module doc).
    Place it below the retry middleware's priority (550): responses and
    errors reach it after retries are done."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.failures: list[FailedRequest] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FailureMiddleware:
        middleware = cls(crawler)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def process_response(self, request: Request, response: Response) -> Response:
        if 200 <= response.status < 300 or self._ignored(request, response.status):
            return response
        gave_up = GAVE_UP in request.meta
        reason = request.meta.get(GAVE_UP) or response_status_message(response.status)
        self.record(request, response.status, reason, gave_up)
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        # IgnoreRequest is a decision (robots.txt, offsite, blocked), not a failure.
        if not isinstance(exception, IgnoreRequest) and not self._ignored(request, None):
            gave_up = GAVE_UP in request.meta
            self.record(request, None, exception_reason(exception), gave_up)

    def record(self, request: Request, status: int | None, reason: str, gave_up: bool) -> None:
        failure = failed_request(request, status, reason)
        self.failures.append(failure)
        stats = self.crawler.stats
        assert stats is not None
        stats.inc_value("failures/count")
        # The reason's head only: messages carry URLs and sizes, stats keys should not.
        stats.inc_value(f"failures/reason_count/{reason.split(':', 1)[0]}")
        logger.warning(
            "Failed for good after %d attempt(s): %s (%s)", failure.attempts, failure.url, reason
        )
        announce(self.crawler, failure)

    @staticmethod
    def _ignored(request: Request, status: int | None) -> bool:
        """Not a page lost: robots.txt (Scrapy's RobotsTxtMiddleware logs its own
        errors, and a missing one means "all allowed"), or a status the request
        asked to handle itself (`handle_httpstatus_list`)."""
        meta = request.meta
        if meta.get("dont_obey_robotstxt") and urlparse_cached(request).path == "/robots.txt":
            return True
        return status is not None and (
            bool(meta.get("handle_httpstatus_all"))
            or status in meta.get("handle_httpstatus_list", ())
        )

    def spider_closed(self) -> None:
        if self.failures:
            logger.warning(
                "%d request(s) failed for good, e.g. %s",
                len(self.failures),
                ", ".join(f.url for f in self.failures[:5]),
            )
