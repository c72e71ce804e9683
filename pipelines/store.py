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

After each batch it sends the signal `batch_stored` (keyword
argument `urls`: the source URLs of the articles it wrote), for components
that must know an article is in the database (crawler/frontier/ledger.py)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from pipelines.checks import STAT_PREFIX, fields_present
from pipelines.db import failures
from pipelines.db.database import Writer, open_engine
from pipelines.db.failures import FailedRequest, request_failed
from pipelines.db.vocabulary import Vocabulary

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
        self.pending.append(ItemAdapter(item).asdict())
        if len(self.pending) >= self.batch_size:
            self.flush()
        return item

    def flush(self) -> None:
        """Write the pending items and failures in one transaction, again
        when another writer got in first (see the module's docstring); a
        stored URL's failure row goes."""
        if not (self.pending or self.failed) or self.engine is None:
            return
        now = datetime.now(UTC).isoformat(timespec="seconds")
        spider = self.crawler.spider.name if self.crawler.spider is not None else ""
        for attempt in range(1, STORE_ATTEMPTS + 1):
            try:
                batch = self.write_batch(now, spider)
                break
            except (IntegrityError, OperationalError) as exc:
                if not lost_race(exc):
                    raise
                if attempt == STORE_ATTEMPTS:
                    raise
                self.stats.inc_value("store/batch_retries")
                # What the failed attempt learned is gone with it: the stored
                # vocabulary again, the other writer's words included.
                self.vocabulary = None
                logger.info("another writer stored rows of this batch first; again: %s", exc.orig)
        self.count(batch)
        logger.debug("stored a batch of %d articles", len(self.pending))
        if self.pending:
            urls = [item["url"] for item in self.pending]
            self.crawler.signals.send_catch_log(signal=batch_stored, urls=urls)
        self.pending.clear()
        self.failed.clear()

    def write_batch(self, now: str, spider: str) -> Batch:
        """One transaction: the failures, the pending items; what it did."""
        assert self.engine is not None
        batch = Batch()
        with Session(self.engine) as session, session.begin():
            batch.recorded = failures.record(session, self.failed, spider, now)
            writer = Writer(session, self.vocabulary)
            self.vocabulary = writer.vocabulary  # loaded again after a failed attempt
            writer.prefetch(self.pending)
            for item in self.pending:
                batch.outcomes.append(writer.write(item, now))
            batch.located, batch.split, batch.guessed = (
                writer.located,
                writer.split,
                writer.guessed,
            )
            batch.recovered = failures.forget(session, (item["url"] for item in self.pending))
        return batch

    def count(self, batch: Batch) -> None:
        """The stats of a batch written."""
        for item, outcome in zip(self.pending, batch.outcomes, strict=True):
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


def lost_race(exc: DBAPIError) -> bool:
    """Whether a batch failed because another writer wrote the same rows at
    once: a unique key taken meanwhile, or a transaction the server rolled
    back to break a deadlock or a serialization conflict (SQLSTATE class 40)."""
    if isinstance(exc, IntegrityError):
        return True
    return str(getattr(exc.orig, "sqlstate", "") or "").startswith("40")


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
