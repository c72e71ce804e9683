"""The retry middleware on its own: how long it waits, and that a closing
crawl does not wait for it. (tests/crawler/test_faults.py crawls through real faults.)"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import pytest
from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import DownloadTimeoutError
from scrapy.http import Response
from scrapy.utils.test import get_crawler

from crawler.downloadermiddlewares.retry import BackoffRetryMiddleware
from crawler.extensions.closing import crawl_closing
from crawler.meta import GAVE_UP

# Timed against the clock (waits, timeouts): `make test` runs this file after the
# others, alone, rather than beside another worker.
pytestmark = pytest.mark.serial

URL = "http://127.0.0.1/page/2018/1120/5108306.shtml"


def middleware(**settings: object) -> tuple[BackoffRetryMiddleware, Crawler]:
    crawler = get_crawler(settings_dict={"RETRY_TIMES": 5, **settings})
    crawler.spider = Spider.from_crawler(crawler, name="test")
    assert crawler.stats is not None
    crawler.stats.open_spider()
    crawler.crawling = True  # as during a crawl; the middleware's closing() reads it
    return BackoffRetryMiddleware.from_crawler(crawler), crawler


def timed(coroutine: object) -> tuple[object, float]:
    start = time.monotonic()
    result = asyncio.run(coroutine)  # type: ignore[arg-type]
    return result, time.monotonic() - start


def test_waits_grow_exponentially_and_are_capped() -> None:
    mw, crawler = middleware(RETRY_BACKOFF_BASE=0.1, RETRY_BACKOFF_MAX=0.3)
    request = Request(URL)
    waits = []
    for _ in range(4):
        retry, took = timed(mw.process_exception(request, DownloadTimeoutError()))
        assert isinstance(retry, Request)
        waits.append(took)
        request = retry
    # base × 2^(n−1) jittered into [½, 1] of it: 0.05–0.1, 0.1–0.2, 0.15–0.3, 0.15–0.3
    for took, low, high in zip(waits, (0.05, 0.1, 0.15, 0.15), (0.1, 0.2, 0.3, 0.3), strict=True):
        assert low <= took < high + 0.1, waits
    assert crawler.stats.get_value("retry/count") == 4


def test_retry_after_is_a_floor_and_is_capped() -> None:
    mw, crawler = middleware(RETRY_BACKOFF_BASE=0.01)
    asks_one = Response(URL, status=429, headers={"Retry-After": "1"})
    retry, took = timed(mw.process_response(Request(URL), asks_one))
    assert isinstance(retry, Request) and 1.0 <= took < 1.4
    assert crawler.stats.get_value("retry/retry_after_count") == 1
    mw, _ = middleware(RETRY_BACKOFF_BASE=0.01, RETRY_AFTER_MAX=0.5)
    asks_an_hour = Response(URL, status=503, headers={"Retry-After": "3600"})
    retry, took = timed(mw.process_response(Request(URL), asks_an_hour))
    assert isinstance(retry, Request) and 0.5 <= took < 0.9


def stop(crawler: Crawler) -> None:
    crawler.crawling = False  # as Ctrl-C or SIGTERM leave it


def close(crawler: Crawler) -> None:
    crawler.signals.send_catch_log(signal=crawl_closing, reason="blocked")  # as close_crawl


@pytest.mark.parametrize("end", [stop, close])
def test_a_closing_crawl_does_not_wait_for_a_retry(end: Callable[[Crawler], None]) -> None:
    mw, crawler = middleware(RETRY_BACKOFF_BASE=0.01)
    request = Request(URL)
    response = Response(URL, status=503, headers={"Retry-After": "300"})

    async def close_soon() -> object:
        waiting = asyncio.ensure_future(mw.process_response(request, response))
        await asyncio.sleep(0.2)
        end(crawler)
        return await waiting

    result, took = timed(close_soon())
    assert result is response and took < 1.5
    assert request.meta[GAVE_UP] == "503 Service Unavailable (crawl closing)"


def test_retries_run_out_and_are_marked() -> None:
    mw, crawler = middleware(RETRY_BACKOFF_BASE=0.001, RETRY_TIMES=1)
    response = Response(URL, status=500)
    retry = asyncio.run(mw.process_response(Request(URL), response))
    assert isinstance(retry, Request)
    final = asyncio.run(mw.process_response(retry, response))
    assert final is response
    assert retry.meta[GAVE_UP] == "500 Internal Server Error"
    assert crawler.stats.get_value("retry/max_reached") == 1
    # a 404 is not retried
    missing = Response(URL, status=404)
    assert asyncio.run(mw.process_response(Request(URL), missing)) is missing
