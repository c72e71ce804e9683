"""Archive runs that resume after any stop, SIGKILL included: `-s JOBDIR=DIR`.

Why not Scrapy's own JOBDIR state
---------------------------------
Scrapy keeps two things in a JOBDIR: the fingerprint of every request
*scheduled* (`requests.seen`, appended when a request enters the queue) and
the queue of requests not yet made (`requests.queue/`, whose index is written
when the spider closes). After a clean stop (Ctrl-C once, SIGTERM) the two
agree and the job resumes. After SIGKILL, a crash or the OOM killer they do
not: the queue's index is missing or stale, so the queued requests are lost
(or read back as garbage), while `requests.seen` still lists them, and a
request listed there is never made again. An issue page fetched before the
kill whose article requests were still queued is "seen": the resumed run does
not fetch it again, so it never learns those articles. The same goes for
requests in flight at the kill, and for articles parsed but still in the store
pipeline's unwritten batch (it writes STORE_BATCH_SIZE at a time).

What is kept instead
--------------------
`JOBDIR/requests.done`: the fingerprints of requests that are *done*, one a
line, appended (and flushed to the OS, which keeps them through a SIGKILL) as
they become done. A request is done when

- its response (not an HTTP error) went through its callback to the end;
- each item the callback yielded was dropped by a pipeline (a final verdict),
  or is in the database: read back from it, as a source URL sighted by this
  run, since an item the store pipeline has taken may still be in its batch;
- each request the callback yielded is done, except those the dupefilter
  dropped (a duplicate is the first asker's to finish, and a request done in
  an earlier run is finished already).

So a request is done only once everything below it in the crawl is stored.
Run again with the same command, the spider yields its start requests again;
`ResumeDupeFilter` drops those done in earlier runs (and so their subtrees)
and lets the rest through, so each page whose subtree the kill cut off is
fetched again and yields again what was lost, while each article already
stored below it is done and not fetched again. Nothing of the queue is
needed, so `ResumeScheduler` keeps the queue in memory even with a JOBDIR (the
disk queue cannot be read back after a SIGKILL anyway), and Scrapy's
`requests.seen` is neither written nor read.

What a resume costs: the pages above the cut (the journal list, a journal's
listing pages, unfinished issue pages) are fetched again, a few per
interruption. Pages that failed (HTTP errors, download errors, anti-bot pages)
are never done, so a resume tries them again, and the pages above them. What
is fetched twice is stored once: the store upserts by article number.

A JOBDIR belongs to one spider, one set of arguments and one database; a job
that finished does nothing when run again (its start requests are done): use
a new JOBDIR for a new archive run. Without JOBDIR none of this is active.
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter, is_item
from scrapy import Request, signals
from scrapy.core.scheduler import Scheduler
from scrapy.crawler import Crawler
from scrapy.dupefilters import RFPDupeFilter
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.utils.asyncio import create_looping_call
from scrapy.utils.job import job_dir
from sqlalchemy import Engine, create_engine, select
from sqlalchemy.exc import SQLAlchemyError

from pipelines.models import Source

logger = logging.getLogger(__name__)

DONE_FILE = "requests.done"
# Request meta: the tracked request (its fingerprint), the request that yielded it.
META_NODE = "resume_node"
META_PARENT = "resume_parent"


@dataclass
class Node:
    """A request not yet done, and what it waits for."""

    parent: str | None
    children: set[str] = field(default_factory=set)
    unscheduled: int = 0  # requests yielded, not yet seen by the scheduler
    items: int = 0  # items yielded, still in the pipelines
    unstored: set[str] = field(default_factory=set)  # URLs of items taken by the store
    answered: bool = False  # the callback ran to its end

    def complete(self) -> bool:
        return (
            self.answered
            and not self.unscheduled
            and not self.items
            and not self.unstored
            and not self.children
        )


class Tree:
    """The requests of a crawl not yet done. Each event returns the requests
    it made done, a finished request first, then the parents it finished.

    An issue page yields two article requests; the second is a duplicate:

    >>> tree = Tree()
    >>> tree.scheduled("issue", None)
    []
    >>> tree.yielded("issue", requests=2)
    >>> tree.answered("issue")  # its callback ended, its articles are not stored
    []
    >>> tree.scheduled("a1", "issue"), tree.scheduled("a2", "issue")
    ([], [])
    >>> tree.dropped("a2")  # the dupefilter's: another page's to finish
    []
    >>> tree.yielded("a1", items=1)
    >>> tree.answered("a1"), tree.item_passed("a1", "http://x/a1")
    ([], [])
    >>> tree.unstored_urls()
    ['http://x/a1']
    >>> tree.stored({"http://x/a1"})  # read back from the database
    ['a1', 'issue']
    >>> len(tree)
    0
    """

    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}
        self.waiting: dict[str, set[str]] = {}  # item URL → the requests that yielded it

    def __len__(self) -> int:
        return len(self.nodes)

    def __contains__(self, key: str) -> bool:
        return key in self.nodes

    def scheduled(self, key: str, parent: str | None) -> list[str]:
        """`key` reached the scheduler, yielded by `parent` (None: a start request).
        A key already tracked is a duplicate: the dupefilter will drop it."""
        owner = self.nodes.get(parent) if parent is not None else None
        if owner is not None:
            owner.unscheduled -= 1
        if key in self.nodes:
            return self._settle(parent)
        self.nodes[key] = Node(parent if owner is not None else None)
        if owner is not None:
            owner.children.add(key)
        return []

    def dropped(self, key: str) -> list[str]:
        """The dupefilter dropped `key` right after it was scheduled."""
        node = self.nodes.pop(key, None)
        if node is None or node.parent is None or node.parent not in self.nodes:
            return []
        self.nodes[node.parent].children.discard(key)
        return self._settle(node.parent)

    def yielded(self, key: str, *, requests: int = 0, items: int = 0) -> None:
        if (node := self.nodes.get(key)) is not None:
            node.unscheduled += requests
            node.items += items

    def answered(self, key: str) -> list[str]:
        if (node := self.nodes.get(key)) is None:
            return []
        node.answered = True
        return self._settle(key)

    def item_passed(self, key: str, url: str | None) -> list[str]:
        """An item went through every pipeline: the store has it, in its batch.
        One without a URL can never be read back, so it keeps its request open."""
        if (node := self.nodes.get(key)) is None:
            return []
        node.items -= 1
        url = url or ""
        node.unstored.add(url)
        self.waiting.setdefault(url, set()).add(key)
        return []

    def item_dropped(self, key: str) -> list[str]:
        if (node := self.nodes.get(key)) is None:
            return []
        node.items -= 1
        return self._settle(key)

    def unstored_urls(self) -> list[str]:
        return [url for url in self.waiting if url]

    def stored(self, urls: Iterable[str]) -> list[str]:
        """These item URLs are in the database."""
        done: list[str] = []
        for url in urls:
            for key in self.waiting.pop(url, ()):
                if (node := self.nodes.get(key)) is not None:
                    node.unstored.discard(url)
                    done += self._settle(key)
        return done

    def _settle(self, key: str | None) -> list[str]:
        done: list[str] = []
        while key is not None and (node := self.nodes.get(key)) is not None and node.complete():
            del self.nodes[key]
            done.append(key)
            if node.parent is not None and node.parent in self.nodes:
                self.nodes[node.parent].children.discard(key)
            key = node.parent
        return done


def read_done(path: Path) -> frozenset[bytes]:
    """The fingerprints in a done file; a line cut short (a write torn by a
    power cut) is ignored: its request is simply made again.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / DONE_FILE
    >>> _ = path.write_text("ab" * 20 + "\\n" + "cd" * 20 + "\\n" + "ef" * 7)
    >>> sorted(fp.hex()[:4] for fp in read_done(path)), read_done(path / "none")
    (['abab', 'cdcd'], frozenset())
    """
    if not path.exists():
        return frozenset()
    done = set()
    for line in path.read_text(encoding="ascii", errors="replace").splitlines():
        line = line.strip()
        if len(line) == 40:
            try:
                done.add(bytes.fromhex(line))
            except ValueError:
                continue
    return frozenset(done)


class ResumeDupeFilter(RFPDupeFilter):
    """Scrapy's dupefilter within a run; with a JOBDIR it also drops the
    requests done in earlier runs (`requests.done`) and keeps no
    `requests.seen`: a request scheduled but not done is made again."""

    def __init__(
        self,
        path: str | None = None,
        debug: bool = False,
        *,
        fingerprinter: Any = None,
        done: frozenset[bytes] = frozenset(),
        stats: Any = None,
    ) -> None:
        super().__init__(None, debug, fingerprinter=fingerprinter)
        self.done = done
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ResumeDupeFilter:
        jobdir = job_dir(crawler.settings)
        done = read_done(Path(jobdir, DONE_FILE)) if jobdir else frozenset()
        if done:
            logger.info(
                "resuming the job in %s: %d requests done in earlier runs are not made again",
                jobdir,
                len(done),
            )
        return cls(
            debug=crawler.settings.getbool("DUPEFILTER_DEBUG"),
            fingerprinter=crawler.request_fingerprinter,
            done=done,
            stats=crawler.stats,
        )

    def request_seen(self, request: Request) -> bool:
        if self.done and self.fingerprinter.fingerprint(request) in self.done:
            if self.stats is not None:
                self.stats.inc_value("resume/skipped_done")
            return True
        return super().request_seen(request)


class ResumeScheduler(Scheduler):
    """Scrapy's scheduler with its queue in memory, JOBDIR or not: what a
    resumed run needs is in `requests.done` (see the module's docstring)."""

    def __init__(self, dupefilter: Any, jobdir: str | None = None, **kwargs: Any) -> None:
        super().__init__(dupefilter, jobdir=None, **kwargs)


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
                self.engine = create_engine(self.database_url)
            with self.engine.connect() as connection:
                for start in range(0, len(urls), 500):
                    query = select(Source.url).where(
                        Source.url.in_(urls[start : start + 500]), Source.last_seen >= self.since
                    )
                    found.update(connection.scalars(query))
        except SQLAlchemyError as exc:  # tried again at the next check
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
