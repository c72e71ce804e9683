"""Reparsing: the archived article pages (crawler/spidermiddlewares/pagearchive.py)
run again through
the configured ARTICLE_PARSER and the crawl's own clean, validate and store
steps, with no network, so that a parser fix reaches the whole archive
(which pages: journals/pageselect.py).

Each page is rebuilt as the Scrapy response it came as and handled as the
spider and the pipelines handle a fresh one: CleanPipeline and
ValidatePipeline themselves (counting into stats of their own), then the
store's Writer, a transaction a batch of pages. With `jobs`, pages are
extracted in that many processes and still written in page order, so the
outcome is that of one process.

The counts are those of a crawl's store (`new`, `updated`, `unchanged`, per
page): a page whose copy is worse than the stored one (more degrading flags)
is `unchanged`, as in a crawl. What a reparse writes carries the page's
fetch time, not the reparse's: only `updated_at` says when it was rewritten.

`run_reparse` is the whole of `journals reparse` but its arguments: the
database's run lock, the pages selected, the project's settings, the
progress (a bar with the time left on a terminal, else a line every so
often), the jobs.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import IO, Any

from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.settings import BaseSettings
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.project import get_project_settings
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from crawler import contents, sites
from crawler.extensions.heap import freeze_startup_heap
from crawler.runlock import lock_for
from crawler.spidermiddlewares.pagearchive import page_response
from journals.pageselect import PageSelection, selected_pages
from journals.session import database
from pipelines.clean import CleanPipeline
from pipelines.db import failures, models
from pipelines.db.database import DatabaseError, Writer, sqlite_path
from pipelines.db.vocabulary import Vocabulary
from pipelines.records import as_record
from pipelines.validate import ValidatePipeline

logger = logging.getLogger(__name__)

DROPPED = "validate/dropped/"  # ValidatePipeline's counters, one per reason


@dataclass
class Tally:
    """What a reparse did, per page."""

    pages: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    dropped: int = 0
    reasons: Counter[str] = field(default_factory=Counter)  # why pages were dropped

    def counts(self) -> str:
        """
        >>> Tally(5, 0, 2, 2, 1, Counter({"missing_body": 1})).counts()
        '2 articles changed, 2 unchanged, 0 new, 1 dropped (missing_body 1)'
        """
        why = ", ".join(f"{reason} {n}" for reason, n in sorted(self.reasons.items()))
        return (
            f"{self.updated:,} articles changed, {self.unchanged:,} unchanged, "
            f"{self.new:,} new, {self.dropped:,} dropped" + (f" ({why})" if why else "")
        )

    def summary(self, seconds: float) -> str:
        """
        >>> Tally(200, 0, 0, 200).summary(4.0)[:60]
        'reparsed 200 pages in 4.0 s (50.0 pages/s, 20.0 ms a page): '
        """
        rate = self.pages / seconds if seconds > 0 else 0.0
        per_page = seconds * 1000 / self.pages if self.pages else 0.0
        return (
            f"reparsed {self.pages:,} pages in {seconds:.1f} s ({rate:.1f} pages/s, "
            f"{per_page:.1f} ms a page): {self.counts()}"
        )

    def short(self) -> str:
        """
        >>> Tally(5, 1, 2, 1, 1).short()
        '2 changed, 1 unchanged, 1 new, 1 dropped'
        """
        return (
            f"{self.updated:,} changed, {self.unchanged:,} unchanged, {self.new:,} new, "
            f"{self.dropped:,} dropped"
        )

    def progress(self, total: int, seconds: float) -> str:
        """
        >>> Tally(100, 0, 3, 97).progress(400, 2.0)[:52]
        'reparse: 100 of 400 pages (50.0 pages/s, 2s elapsed)'
        """
        rate = self.pages / seconds if seconds > 0 else 0.0
        return (
            f"reparse: {self.pages:,} of {total:,} pages ({rate:.1f} pages/s, "
            f"{seconds:.0f}s elapsed), {self.counts()}"
        )


class ProgressLines:
    """Progress as a line to `out` every `every` seconds: for output that is
    not a terminal (a log, a pipe)."""

    def __init__(self, out: IO[str], every: float, total: int) -> None:
        self.out, self.every, self.total = out, every, total
        self.started = self.last = time.monotonic()

    def __enter__(self) -> ProgressLines:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def __call__(self, tally: Tally) -> None:
        now = time.monotonic()
        if now - self.last >= self.every:
            print(tally.progress(self.total, now - self.started), file=self.out, flush=True)
            self.last = now


class ProgressBar:
    """Progress as a bar on the terminal `out` (rich): pages done of all, the
    rate, the time taken and the time left, and what the pages gave so far.
    It appears with the first page done, after any worker processes are
    started (no thread of its own is forked into them)."""

    def __init__(self, out: IO[str], total: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.total = total
        self.bar = Progress(
            TextColumn("reparse"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("pages"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[counts]}"),
            console=Console(file=out),
        )
        self.task: Any = None

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.task is not None:
            self.bar.stop()

    def __call__(self, tally: Tally) -> None:
        if self.task is None:
            self.bar.start()
            self.task = self.bar.add_task("reparse", total=self.total, counts="")
        self.bar.update(self.task, completed=tally.pages, counts=tally.short())


def terminal(out: IO[str]) -> bool:
    """Whether `out` is a terminal, where progress is a bar; else it is lines.

    >>> import io
    >>> terminal(io.StringIO())
    False
    """
    try:
        return out.isatty()
    except (AttributeError, ValueError):  # no such method, or closed
        return False


def progress_reporter(
    out: IO[str], every: float, total: int, bar: bool | None = None
) -> ProgressLines | ProgressBar | None:
    """What shows a reparse's progress on `out`: a bar on a terminal (or with
    `bar`), else a line every `every` seconds; None for `every` 0.

    >>> import io
    >>> type(progress_reporter(io.StringIO(), 10, 400)).__name__
    'ProgressLines'
    >>> type(progress_reporter(io.StringIO(), 10, 400, bar=True)).__name__
    'ProgressBar'
    >>> progress_reporter(io.StringIO(), 0, 400) is None
    True
    """
    if not every:
        return None
    if bar if bar is not None else terminal(out):
        return ProgressBar(out, total)
    return ProgressLines(out, every, total)


class PageWriter(Writer):
    """The store's Writer, except that a source was last seen when its page
    was fetched, not when it was reparsed."""

    fetched_at = ""

    def _add_source(self, article: models.Article, url: str, host: str, now: str) -> None:
        super()._add_source(article, url, host, self.fetched_at or now)


def batches(ids: Sequence[int], size: int) -> Iterator[Sequence[int]]:
    """
    >>> [list(b) for b in batches([1, 2, 3, 4, 5], 2)]
    [[1, 2], [3, 4], [5]]
    """
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


@dataclass(frozen=True)
class Extracted:
    """A page's article as the store receives it, or None and why not."""

    record: dict[str, Any] | None
    reasons: tuple[str, ...] = ()


class Extractor:
    """What a crawl does to an article page before the store: the configured
    parser, then CleanPipeline and ValidatePipeline themselves."""

    def __init__(self, settings: BaseSettings) -> None:
        self.parse = sites.article_parser(settings)
        # Never crawls: it gives the pipelines the stats they count into.
        crawler = Crawler(Spider, settings)
        crawler.stats = MemoryStatsCollector(crawler)
        self.stats = crawler.stats
        self.clean = CleanPipeline()
        self.validate = ValidatePipeline.from_crawler(crawler)

    def __call__(self, page: models.Page) -> Extracted:
        try:
            article = self.parse(page_response(page))
        except sites.NotAnArticle:
            return Extracted(None, ("not_an_article",))
        except Exception as exc:  # a broken parser: name the page, go on
            logger.warning("reparse: the parser failed on %s: %r", page.url, exc)
            return Extracted(None, ("parser_error",))
        article.toc_count = page.toc_count
        contents.place(article, **(page.contents or {}))
        article.fetched_at = page.fetched_at
        self.clean.process_item(article)
        before = self._dropped()
        try:
            self.validate.process_item(article)
        except DropItem:
            return Extracted(None, tuple((self._dropped() - before).elements()))
        return Extracted(as_record(article))

    def _dropped(self) -> Counter[str]:
        return Counter(
            {
                key.removeprefix(DROPPED): value
                for key, value in self.stats.get_stats().items()
                if key.startswith(DROPPED)
            }
        )


# In each worker process of a parallel reparse: its own Extractor.
_worker: Extractor | None = None
_PAGE_FIELDS = (
    "url",
    "status",
    "headers",
    "body",
    "compression",
    "fetched_at",
    "toc_count",
    "contents",
)


def _start_worker(settings: BaseSettings) -> None:
    global _worker
    _worker = Extractor(settings)


def _extract_in_worker(fields: dict[str, Any]) -> Extracted:
    assert _worker is not None
    return _worker(models.Page(**fields))


class Reparser:
    """Extracts stored pages again (in `jobs` processes) and writes what they
    give in page order, a transaction a batch, as the crawl's store does."""

    def __init__(
        self, engine: Engine, settings: BaseSettings, batch_size: int = 100, jobs: int = 1
    ) -> None:
        self.engine = engine
        self.settings = settings
        self.batch_size = batch_size
        self.jobs = jobs

    def run(
        self, page_ids: Sequence[int], progress: Callable[[Tally], None] | None = None
    ) -> Tally:
        tally = Tally()
        with Session(self.engine) as session:
            vocabulary = Vocabulary.load(session)
        with ExitStack() as stack:
            extract = self._extractor(stack)
            for batch in batches(page_ids, self.batch_size):
                now = datetime.now(UTC).isoformat(timespec="seconds")
                with Session(self.engine) as session, session.begin():
                    writer = PageWriter(session, vocabulary)
                    query = select(models.Page).where(models.Page.id.in_(batch))
                    pages = list(session.scalars(query.order_by(models.Page.id)))
                    extracted = list(extract(pages))
                    writer.prefetch(one.record for one in extracted if one.record is not None)
                    for page, one in zip(pages, extracted, strict=True):
                        self.store(page, one, writer, now, tally)
                        if progress is not None:
                            progress(tally)
                    # A page's article stored: its URL has failed no longer (a store
                    # that refused it, pipelines/store.py).
                    failures.forget(session, (one.record["url"] for one in extracted if one.record))
        return tally

    def _extractor(self, stack: ExitStack) -> Callable[[list[models.Page]], Iterable[Extracted]]:
        if self.jobs <= 1:
            extractor = Extractor(self.settings)
            return lambda pages: map(extractor, pages)
        # No database connection is to be forked into the workers: close the
        # pooled ones, and start the workers (all at once: fork) before any opens.
        self.engine.dispose()
        pool = stack.enter_context(
            ProcessPoolExecutor(self.jobs, initializer=_start_worker, initargs=(self.settings,))
        )
        pool.submit(int).result()

        def extract(pages: list[models.Page]) -> Iterable[Extracted]:
            fields = [{name: getattr(page, name) for name in _PAGE_FIELDS} for page in pages]
            return pool.map(
                _extract_in_worker, fields, chunksize=max(1, len(fields) // (4 * self.jobs))
            )

        return extract

    @staticmethod
    def store(
        page: models.Page, extracted: Extracted, writer: PageWriter, now: str, tally: Tally
    ) -> None:
        tally.pages += 1
        if extracted.record is None:
            tally.dropped += 1
            tally.reasons.update(extracted.reasons)
            return
        writer.fetched_at = page.fetched_at
        outcome = writer.write(extracted.record, now)
        setattr(tally, outcome, getattr(tally, outcome) + 1)


class ReparseError(Exception):
    """A setting no reparse can run with (a parser that does not load)."""


@dataclass(frozen=True)
class Outcome:
    """What `run_reparse` did: the pages it selected of those stored, the
    tally of what they gave, the seconds it took."""

    selected: int
    stored: int
    tally: Tally
    seconds: float

    def report(self) -> str:
        """
        >>> Outcome(0, 0, Tally(), 0.0).report(), Outcome(0, 9, Tally(), 0.0).report()
        ('no stored page: crawls store them', 'no stored page matches')
        """
        if not self.selected:
            return "no stored page matches" if self.stored else "no stored page: crawls store them"
        return self.tally.summary(self.seconds)


def project_settings(overrides: Iterable[tuple[str, str]] = ()) -> BaseSettings:
    """The project's settings (for ARTICLE_PARSER) from wherever this runs,
    with `overrides` as from the command line; ReparseError if the parser
    they name does not load."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    settings = get_project_settings()
    for name, value in overrides:
        settings.set(name, value, priority="cmdline")
    try:
        sites.article_parser(settings)
    except (ImportError, AttributeError, ValueError) as exc:
        name = settings.get("ARTICLE_PARSER")
        raise ReparseError(f"ARTICLE_PARSER: cannot load {name!r}: {exc}") from exc
    return settings


def run_reparse(
    url: str,
    selection: PageSelection,
    overrides: Iterable[tuple[str, str]] = (),
    *,
    jobs: int = 1,
    progress: float = 0.0,
    out: IO[str] | None = None,
    bar: bool | None = None,
) -> Outcome:
    """Reparse the pages `selection` covers in the database at `url`, with the
    project's settings and `overrides`, in `jobs` processes (0: one per CPU),
    showing the progress on `out` (default stderr) unless `progress` is 0: as
    a bar where `out` is a terminal (or `bar` says so), else as a line every
    `progress` seconds.

    A SQLite database is locked as a crawl locks it, for the whole run: if a
    crawl (or a reparse) holds it, crawler.runlock.Locked, and nothing is done.
    DatabaseError if there is no database at `url`.
    """
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise DatabaseError(f"no database at {path}")
    # Writes articles as a crawl does: never beside one (crawler/runlock.py).
    lock = lock_for(url)
    if lock is not None:
        lock.acquire()
    try:
        with database(url) as session:
            page_ids = list(session.scalars(selected_pages(selection)))
            stored = session.scalar(select(func.count()).select_from(models.Page)) or 0
            if not page_ids:
                return Outcome(0, stored, Tally(), 0.0)
            session.close()  # no connection held while the pages are written, nor forked
            settings = project_settings(overrides)
            reparser = Reparser(session.get_bind(), settings, jobs=jobs or os.cpu_count() or 1)
            freeze_startup_heap()  # as a crawl does (crawler/extensions/heap.py)
            started = time.monotonic()
            reporter = progress_reporter(out or sys.stderr, progress, len(page_ids), bar)
            with reporter or nullcontext():
                tally = reparser.run(page_ids, reporter)
        return Outcome(len(page_ids), stored, tally, time.monotonic() - started)
    finally:
        if lock is not None:
            lock.release()
