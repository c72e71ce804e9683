"""Which requests a worker of the shared frontier has taken and finished."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from itemadapter import ItemAdapter, is_item
from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy_redis import connection

from crawler.frontier.keys import Keys, check_run_id, worker_name
from crawler.meta import FRONTIER_PARENT, FRONTIER_TAKEN
from pipelines.store import batch_stored


@dataclass
class Taken:
    """What a taken request waits for before it is done."""

    answered: bool = False  # its callback ran to its end
    requests: int = 0  # requests it yielded not yet seen by the scheduler
    items: int = 0  # items it yielded not yet stored or dropped

    def done(self) -> bool:
        return self.answered and not self.requests and not self.items


class Book:
    """The taken requests of one worker, by their `taken` field; each event
    returns the fields it made done.

    An issue page yields an article request and an item; the item waits in
    the store's batch:

    >>> book = Book()
    >>> book.yielded("issue", requests=1, items=1)
    >>> book.answered("issue"), book.scheduled("issue")
    ([], [])
    >>> book.item_passed("issue", "http://x/a1")
    []
    >>> book.stored(["http://x/a1"])
    ['issue']

    A store batch may be written before its last item is passed on:

    >>> book.yielded("a", items=1); book.answered("a")
    []
    >>> book.stored(["http://x/a2"]), book.item_passed("a", "http://x/a2")
    ([], ['a'])
    """

    def __init__(self) -> None:
        self.taken: dict[str, Taken] = defaultdict(Taken)
        self.waiting: dict[str, list[str]] = defaultdict(list)  # item URL → fields
        self.early: Counter[str] = Counter()  # URLs stored before their item passed

    def yielded(self, field: str, requests: int = 0, items: int = 0) -> None:
        self.taken[field].requests += requests
        self.taken[field].items += items

    def answered(self, field: str) -> list[str]:
        self.taken[field].answered = True
        return self._check(field)

    def scheduled(self, field: str) -> list[str]:
        """A request `field` yielded reached the scheduler (queued, or a duplicate)."""
        self.taken[field].requests -= 1
        return self._check(field)

    def item_dropped(self, field: str) -> list[str]:
        self.taken[field].items -= 1
        return self._check(field)

    def item_passed(self, field: str, url: str | None) -> list[str]:
        """An item went through the pipelines: done once the store has written it."""
        if url is None:
            return self.item_dropped(field)
        if self.early[url]:
            self.early[url] -= 1
            return self.item_dropped(field)
        self.waiting[url].append(field)
        return []

    def stored(self, urls: Iterable[str]) -> list[str]:
        done = []
        for url in urls:
            fields = self.waiting.get(url)
            if not fields:
                self.early[url] += 1
                continue
            done += self.item_dropped(fields.pop(0))
            if not fields:
                del self.waiting[url]
        return done

    def finished(self, field: str) -> list[str]:
        """A retry or redirect of `field`'s request is queued: it stands for it."""
        self.taken.pop(field, None)
        return [field]

    def _check(self, field: str) -> list[str]:
        if self.taken[field].done():
            del self.taken[field]
            return [field]
        return []


class FrontierLedger:
    """Spider middleware (closest to the engine) and signal handlers that
    find the taken requests done and drop them from the worker's `taken`
    hash. Not enabled without REDIS_URL."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        assert crawler.spidercls is not None
        self.keys = Keys(crawler.spidercls.name, check_run_id(settings.get("RUN_ID")))
        self.key = self.keys.taken(worker_name(settings.get("WORKER_NAME")))
        self.server = connection.from_settings(settings)
        self.book = Book()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FrontierLedger:
        if not crawler.settings.get("REDIS_URL"):
            raise NotConfigured
        ledger = cls(crawler)
        for handler, signal in (
            (ledger.request_scheduled, signals.request_scheduled),
            (ledger.item_scraped, signals.item_scraped),
            (ledger.item_dropped, signals.item_dropped),
            (ledger.item_dropped, signals.item_error),
            (ledger.stored, batch_stored),
        ):
            crawler.signals.connect(handler, signal=signal)
        return ledger

    # The spider's output.

    def process_spider_output(self, response: Response, result: Iterable[Any]) -> Iterator[Any]:
        field = response.meta.get(FRONTIER_TAKEN)
        for output in result:
            self._note(field, output)
            yield output
        self._answered(field)

    async def process_spider_output_async(
        self, response: Response, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        field = response.meta.get(FRONTIER_TAKEN)
        async for output in result:
            self._note(field, output)
            yield output
        self._answered(field)

    def _note(self, field: str | None, output: Any) -> None:
        if isinstance(output, Request):
            # A request built from response.meta must not pass for the response's.
            output.meta.pop(FRONTIER_TAKEN, None)
            output.meta.pop(FRONTIER_PARENT, None)
            if field is not None:
                output.meta[FRONTIER_PARENT] = field
                self.book.yielded(field, requests=1)
        elif output is not None and field is not None:
            self.book.yielded(field, items=1)

    def _answered(self, field: str | None) -> None:
        # An HTTP error reaches here with no output (HttpErrorMiddleware).
        if field is not None:
            self._done(self.book.answered(field))

    # Signals.

    def request_scheduled(self, request: Request) -> None:
        # Sent before the request is queued: what is popped here is not stored with it.
        if (parent := request.meta.pop(FRONTIER_PARENT, None)) is not None:
            self._done(self.book.scheduled(parent))
        elif (field := request.meta.pop(FRONTIER_TAKEN, None)) is not None:
            self._done(self.book.finished(field))  # a retry or a redirect

    def item_scraped(self, item: Any, response: Response | None) -> None:
        if (field := _field_of(response)) is not None:
            url = ItemAdapter(item).get("url") if is_item(item) else None
            self._done(self.book.item_passed(field, url))

    def item_dropped(self, response: Response | None) -> None:
        if (field := _field_of(response)) is not None:
            self._done(self.book.item_dropped(field))

    def stored(self, urls: list[str]) -> None:
        self._done(self.book.stored(urls))

    def _done(self, fields: list[str]) -> None:
        if fields:
            self.server.hdel(self.key, *fields)


def _field_of(response: Response | None) -> str | None:
    request = getattr(response, "request", None)
    return request.meta.get(FRONTIER_TAKEN) if request is not None else None
