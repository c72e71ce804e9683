"""Store pipeline: upserts articles into the database in batched transactions
(an article whose copy named no journal too, flagged `journal_unknown`; a
later copy that names it fills it in; a run-together keyword line split on
the keyword vocabulary, kept over the crawl's batches), and with them the run's failures
(pipelines/db/failures.py, sent by the crawl's failure middleware): each URL
that failed for good is upserted into `failures`, and deleted from it once
stored.

Several crawls may write one database at once (the workers of a run sharing
a frontier, crawler/frontier/): two of them may store copies of one article
(its desktop and mobile pages), or the first articles of one journal, at the
same moment. Each batch finds what is stored and inserts what is not; when
another writer inserted the same rows in between, the batch fails on a
unique key (IntegrityError). On PostgreSQL two such batches may also wait
for each other's rows (a deadlock, which the server breaks by failing one of
them; or a serialization failure). Either way the batch is rolled back and
written again, up to STORE_ATTEMPTS times, and then finds those rows stored
(`store/batch_retries` counts the batches written again).

A batch the database refuses for a reason of its own items (a unique key or
a constraint it breaks, a value the column cannot hold, a trigger that
rejects it: IntegrityError or DataError, races aside) is written again in
halves, and they in halves, until what is refused is single articles: the
others are stored, each refused one is counted (`store/articles_lost`, which
fails the run: crawler/extensions/runrecord.py), logged on one line and
recorded in `failures` with the database's reason (`journals failed` lists
it, `journals retry` fetches it again, `journals reparse` stores it from its
archived page once the cause is mended). One bad article holds back no
other. A database that cannot be written at all (OperationalError: gone,
full, locked for longer than its timeout) keeps the batch pending for the
next flush instead, as any other error does.

After each batch it sends the signal `batch_stored` (keyword argument
`urls`: the source URLs of the articles it settled: stored, or refused and
recorded as failures), for components that must know an article is in the
database or never will be from this page (crawler/frontier/ledger.py)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from scrapy.crawler import Crawler
from sqlalchemy import Engine
from sqlalchemy.exc import (
    DataError,
    DBAPIError,
    IntegrityError,
    OperationalError,
    SQLAlchemyError,
)
from sqlalchemy.orm import Session

from pipelines.checks import STAT_PREFIX, fields_present
from pipelines.db import failures
from pipelines.db.database import Writer, open_engine
from pipelines.db.failures import FailedRequest, request_failed
from pipelines.db.vocabulary import Vocabulary
from pipelines.records import as_record

logger = logging.getLogger(__name__)
# New articles stored from a copy that named no journal (flag journal_unknown),
# and articles stored so that a later copy named their journal.
JOURNAL_UNKNOWN_STAT = "store/articles_journal_unknown"
JOURNAL_FOUND_STAT = "store/articles_journal_found"
# Articles of a batch the database refused for good as the crawl closed.
LOST_STAT = "store/articles_lost"
# How many times a batch is written before its IntegrityError is raised.
STORE_ATTEMPTS = 5
# Sent after each batch is committed, with `urls`: its articles' source URLs.
batch_stored = object()


class StorePipeline:
    def __init__(self, database_url: str, batch_size: int, crawler: Crawler) -> None:
        self.database_url = database_url
        self.batch_size = batch_size
        self.stats = crawler.stats
        self.engine: Engine | None = None
        self.crawler = crawler
        self.pending: list[dict[str, Any]] = []
        self.failed: list[dict[str, object]] = []
        self.vocabulary: Vocabulary | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        pipeline = cls(
            database_url=crawler.settings["DATABASE_URL"],
            batch_size=crawler.settings.getint("STORE_BATCH_SIZE", 50),
            crawler=crawler,
        )
        crawler.signals.connect(pipeline.request_failed, signal=request_failed)
        return pipeline

    def request_failed(self, failure: FailedRequest) -> None:
        self.failed.append(failure.as_row())
        if len(self.failed) >= self.batch_size:
            self.flush()

    def open_spider(self) -> None:
        self.engine = open_engine(self.database_url, create=True)
        with Session(self.engine) as session:
            self.vocabulary = Vocabulary.load(session)

    def close_spider(self) -> None:
        try:
            self.flush()
        except SQLAlchemyError as exc:
            # The last chance: the batch is counted as lost (the run fails,
            # crawler/extensions/runrecord.py), its pages are archived.
            self.stats.inc_value(LOST_STAT, len(self.pending))
            logger.error("store: %d articles not stored: %s", len(self.pending), exc)
            self.pending.clear()
            self.failed.clear()
        if self.engine is not None:
            self.engine.dispose()

    def process_item(self, item: Any) -> Any:
        self.pending.append(as_record(item))
        if len(self.pending) >= self.batch_size:
            self.flush()
        return item

    def flush(self) -> None:
        """Write the pending items and failures in one transaction, again
        when another writer got in first, in halves where the database
        refuses some of them (see the module's docstring); a stored URL's
        failure row goes."""
        if not (self.pending or self.failed) or self.engine is None:
            return
        now = datetime.now(UTC).isoformat(timespec="seconds")
        spider = self.crawler.spider.name if self.crawler.spider is not None else ""
        try:
            batch = self.write_again(self.pending, self.failed, now, spider)
        except (IntegrityError, DataError) as exc:
            if not self.pending:
                raise
            logger.log(
                logging.WARNING if len(self.pending) > 1 else logging.DEBUG,
                "store: the database refused a batch of %d articles (%s); writing it in parts",
                len(self.pending),
                one_line(exc),
            )
            self.vocabulary = None  # what the refused batch taught it is gone with it
            if self.failed:
                self.write_again([], self.failed, now, spider)
            batch = self.isolate(self.pending, exc, now, spider)
        self.count(batch)
        logger.debug("stored a batch of %d articles", len(self.pending))
        if self.pending:
            urls = [item["url"] for item in self.pending]
            self.crawler.signals.send_catch_log(signal=batch_stored, urls=urls)
        self.pending.clear()
        self.failed.clear()

    def write_again(
        self, items: list[dict[str, Any]], failed: list[dict[str, object]], now: str, spider: str
    ) -> Batch:
        """`write_batch`, again while it loses a race with another writer."""
        for attempt in range(1, STORE_ATTEMPTS + 1):
            try:
                return self.write_batch(items, failed, now, spider)
            except (IntegrityError, OperationalError) as exc:
                if not lost_race(exc) or attempt == STORE_ATTEMPTS:
                    raise
                self.stats.inc_value("store/batch_retries")
                # What the failed attempt learned is gone with it: the stored
                # vocabulary again, the other writer's words included.
                self.vocabulary = None
                logger.info("another writer stored rows of this batch first; again: %s", exc.orig)
        raise AssertionError("unreachable")

    def isolate(
        self, items: list[dict[str, Any]], exc: SQLAlchemyError, now: str, spider: str
    ) -> Batch:
        """Items the database refused together (with `exc`), written in
        halves, and those in halves, down to the single articles it refuses,
        which are recorded as failures."""
        if len(items) == 1:
            self.refused(items[0], exc, now, spider)
            return Batch(outcomes=[REFUSED])
        half = len(items) // 2
        written = []
        for part in (items[:half], items[half:]):
            try:
                written.append(self.write_again(part, [], now, spider))
            except (IntegrityError, DataError) as part_exc:
                self.vocabulary = None
                written.append(self.isolate(part, part_exc, now, spider))
        return written[0].then(written[1])

    def refused(self, item: dict[str, Any], exc: SQLAlchemyError, now: str, spider: str) -> None:
        """An article the database will not take: counted, said, recorded."""
        reason = f"not stored: {one_line(exc)}"
        logger.error("store: %s %s", item["url"], reason)
        self.stats.inc_value(LOST_STAT)
        row = {"url": item["url"], "status": None, "reason": reason[:500], "attempts": 1}
        self.write_again([], [row], now, spider)

    def write_batch(
        self, items: list[dict[str, Any]], failed: list[dict[str, object]], now: str, spider: str
    ) -> Batch:
        """One transaction: the failures, the items; what it did."""
        assert self.engine is not None
        batch = Batch()
        with Session(self.engine) as session, session.begin():
            batch.recorded = failures.record(session, failed, spider, now)
            writer = Writer(session, self.vocabulary)
            self.vocabulary = writer.vocabulary  # loaded again after a failed attempt
            writer.prefetch(items)
            for item in items:
                batch.outcomes.append(writer.write(item, now))
            batch.located, batch.split, batch.guessed = (
                writer.located,
                writer.split,
                writer.guessed,
            )
            batch.recovered = failures.forget(session, (item["url"] for item in items))
        return batch

    def count(self, batch: Batch) -> None:
        """The stats of a batch written."""
        for item, outcome in zip(self.pending, batch.outcomes, strict=True):
            if outcome == REFUSED:
                continue  # counted as lost (`refused`)
            self.stats.inc_value(f"store/articles_{outcome}")
            if outcome == "new":  # what quality alarms measure (crawler/extensions/quality.py)
                for name in fields_present(item):
                    self.stats.inc_value(STAT_PREFIX + name)
                if not item.get("journal"):
                    self.stats.inc_value(JOURNAL_UNKNOWN_STAT)
        if batch.located:
            self.stats.inc_value(JOURNAL_FOUND_STAT, batch.located)
        for name, counted in (("split", batch.split), ("uncertain", batch.guessed)):
            if counted:
                self.stats.inc_value(f"store/keywords_{name}", counted)
        if batch.recorded:
            self.stats.inc_value("store/failures_recorded", batch.recorded)
        if batch.recovered:
            self.stats.inc_value("store/failures_recovered", batch.recovered)


def one_line(exc: SQLAlchemyError) -> str:
    """The database's own message of an error, on one line.

    >>> one_line(IntegrityError("INSERT …", {}, Exception("refused\\nby a trigger")))
    'refused by a trigger'
    """
    orig = getattr(exc, "orig", None)
    return " ".join(str(orig if orig is not None else exc).split())


def lost_race(exc: DBAPIError) -> bool:
    """Whether a batch failed because another writer wrote the same rows at
    once: a unique key taken meanwhile, or a transaction the server rolled
    back to break a deadlock or a serialization conflict (SQLSTATE class 40)."""
    if isinstance(exc, IntegrityError):
        return unique_key_taken(exc.orig)
    return str(getattr(exc.orig, "sqlstate", "") or "").startswith("40")


# SQLite's extended codes (Python 3.11 names them) and PostgreSQL's SQLSTATE of
# a unique key already taken; not a trigger's refusal, a NOT NULL or a CHECK.
_UNIQUE = ("SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY", "23505")


def unique_key_taken(orig: BaseException | None) -> bool:
    """Whether a driver's integrity error is a unique key taken.

    >>> import sqlite3
    >>> db = sqlite3.connect(":memory:")
    >>> _ = db.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v NOT NULL)")
    >>> _ = db.execute("INSERT INTO t VALUES (1, 1)")
    >>> def error(sql):
    ...     try:
    ...         db.execute(sql)
    ...     except sqlite3.IntegrityError as exc:
    ...         return exc
    >>> unique_key_taken(error("INSERT INTO t VALUES (1, 2)"))
    True
    >>> unique_key_taken(error("INSERT INTO t VALUES (2, NULL)"))
    False
    """
    code = getattr(orig, "sqlite_errorname", None) or getattr(orig, "sqlstate", None)
    return code in _UNIQUE


@dataclass
class Batch:
    """What one written batch did: each item's outcome (new, updated,
    unchanged), journals found, keyword lines split or guessed, failures
    recorded and recovered."""

    outcomes: list[str] = field(default_factory=list)
    located: int = 0
    split: int = 0
    guessed: int = 0
    recorded: int = 0
    recovered: int = 0

    def then(self, other: Batch) -> Batch:
        """This batch and the one written after it, as one."""
        return Batch(
            self.outcomes + other.outcomes,
            *(getattr(self, name) + getattr(other, name) for name in _COUNTS),
        )


_COUNTS = ("located", "split", "guessed", "recorded", "recovered")
REFUSED = "refused"  # the outcome of an article the database would not take
