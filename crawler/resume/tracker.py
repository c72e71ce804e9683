"""The spider middleware of resumable runs: which requests are done."""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter, is_item
from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.utils.asyncio import create_looping_call
from scrapy.utils.job import job_dir
from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError

from crawler.meta import RESUME_NODE as META_NODE
from crawler.meta import RESUME_PARENT as META_PARENT
from crawler.resume.tree import DONE_FILE, Tree
from pipelines.db.database import DatabaseError, make_engine
from pipelines.db.models import Source

logger = logging.getLogger(__name__)


class ResumeTracker:
    """Spider middleware (closest to the engine, so it sees what reaches the
    scheduler and the pipelines) and signal handlers that find which requests
    are done and append them to `JOBDIR/requests.done`. Not enabled without a
    JOBDIR."""

    def __init__(self, crawler: Crawler, jobdir: Path) -> None:
        self.crawler = crawler
        self.path = jobdir / DONE_FILE
        self.tree = Tree()
        self.database_url: str = crawler.settings["DATABASE_URL"]
        self.interval = crawler.settings.getfloat("RESUME_CHECK_INTERVAL", 5.0)
        self.since = ""
        self.engine: Engine | None = None
        self.file: Any = None
        self.task: Any = None
        self.done_count = 0
        self.last_new: Request | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ResumeTracker:
        jobdir = job_dir(crawler.settings)
        if not jobdir:
            raise NotConfigured  # no JOBDIR (no args: Scrapy logs no warning)
        tracker = cls(crawler, Path(jobdir))
        for handler, signal in (
            (tracker.spider_opened, signals.spider_opened),
            (tracker.spider_closed, signals.spider_closed),
            (tracker.request_scheduled, signals.request_scheduled),
            (tracker.request_dropped, signals.request_dropped),
            (tracker.item_scraped, signals.item_scraped),
            (tracker.item_dropped, signals.item_dropped),
        ):
            crawler.signals.connect(handler, signal=signal)
        return tracker

    def key(self, request: Request) -> str:
        return self.crawler.request_fingerprinter.fingerprint(request).hex()

    # The spider's output.

    def process_spider_output(self, response: Response, result: Iterable[Any]) -> Iterator[Any]:
        key = response.meta.get(META_NODE)
        for output in result:
            self._note(key, output)
            yield output
        self._answered(key, response)

    async def process_spider_output_async(
        self, response: Response, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        key = response.meta.get(META_NODE)
        async for output in result:
            self._note(key, output)
            yield output
        self._answered(key, response)

    def _note(self, key: str | None, output: Any) -> None:
        if isinstance(output, Request):
            # A request built from response.meta must not pass for the response's.
            output.meta.pop(META_NODE, None)
            if key is None:
                output.meta.pop(META_PARENT, None)
                return
            output.meta[META_PARENT] = key
            self.tree.yielded(key, requests=1)
        elif output is not None and key is not None:
            self.tree.yielded(key, items=1)

    def _answered(self, key: str | None, response: Response) -> None:
        # An HTTP error reaches here with no output (HttpErrorMiddleware):
        # not done, so a resumed run tries the page again.
        if key is not None and response.status < 400:
            self._record(self.tree.answered(key))

    # Signals.

    def request_scheduled(self, request: Request) -> None:
        if META_NODE in request.meta:
            return  # a retry or a redirect of a request already tracked
        key = self.key(request)
        new = key not in self.tree
        request.meta[META_NODE] = key
        self.last_new = request if new else None
        self._record(self.tree.scheduled(key, request.meta.get(META_PARENT)))

    def request_dropped(self, request: Request) -> None:
        # The engine sends request_dropped right after request_scheduled for
        # the same request: only the request that made a node may remove it
        # (a retry or redirect dropped as a duplicate leaves its node open).
        if request is self.last_new:
            self.last_new = None
            self._record(self.tree.dropped(request.meta[META_NODE]))

    def item_scraped(self, item: Any, response: Response | None) -> None:
        if (key := _node_of(response)) is not None:
            url = ItemAdapter(item).get("url") if is_item(item) else None
            self._record(self.tree.item_passed(key, url))

    def item_dropped(self, response: Response | None) -> None:
        if (key := _node_of(response)) is not None:
            self._record(self.tree.item_dropped(key))

    def spider_opened(self) -> None:
        # The store stamps each source it writes with the time of the write:
        # sightings from this moment on are this run's.
        self.since = datetime.now(UTC).isoformat(timespec="seconds")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.file = self.path.open("a", encoding="ascii")
        if self.interval > 0:
            self.task = create_looping_call(self.check_stored)
            self.task.start(self.interval, now=False)

    def spider_closed(self) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()
        # The pipelines are closed (the last batch written) before spider_closed.
        self.check_stored()
        if self.file is not None:
            os.fsync(self.file.fileno())
            self.file.close()
        if self.engine is not None:
            self.engine.dispose()
        assert self.crawler.stats is not None
        self.crawler.stats.set_value("resume/not_done", len(self.tree))
        logger.info(
            "job %s: %d requests done in this run; %d not done, made again on resume",
            self.path.parent,
            self.done_count,
            len(self.tree),
        )

    # The database and the done file.

    def check_stored(self) -> None:
        urls = self.tree.unstored_urls()
        if urls:
            self._record(self.tree.stored(self._read_stored(urls)))

    def _read_stored(self, urls: list[str]) -> set[str]:
        found: set[str] = set()
        try:
            if self.engine is None:
                # the project's engine: its busy timeout waits out the store's writes
                self.engine = make_engine(self.database_url)
            with self.engine.connect() as connection:
                for start in range(0, len(urls), 500):
                    query = select(Source.url).where(
                        Source.url.in_(urls[start : start + 500]), Source.last_seen >= self.since
                    )
                    found.update(connection.scalars(query))
        except (SQLAlchemyError, DatabaseError) as exc:  # tried again at the next check
            logger.warning("could not read stored articles back: %s", exc)
        return found

    def _record(self, keys: list[str]) -> None:
        if not keys or self.file is None:
            return
        self.file.write("".join(f"{key}\n" for key in keys))
        self.file.flush()  # in the OS's hands: survives the process's death
        self.done_count += len(keys)
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value("resume/done", len(keys))


def _node_of(response: Response | None) -> str | None:
    request = getattr(response, "request", None)
    return request.meta.get(META_NODE) if request is not None else None
