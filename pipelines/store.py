"""Store pipeline: upserts articles into the database in batched transactions
(an article whose copy named no journal too, flagged `journal_unknown`; a
later copy that names it fills it in; a run-together keyword line split on
the keyword vocabulary, kept over the crawl's batches), and with them the run's failures
(pipelines/db/failures.py, sent by the crawl's failure middleware): each URL
that failed for good is upserted into `failures`, and deleted from it once
stored."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from sqlalchemy import Engine
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
        self.flush()
        if self.engine is not None:
            self.engine.dispose()

    def process_item(self, item: Any) -> Any:
        self.pending.append(ItemAdapter(item).asdict())
        if len(self.pending) >= self.batch_size:
            self.flush()
        return item

    def flush(self) -> None:
        """Write the pending items and failures in one transaction; a stored
        URL's failure row goes."""
        if not (self.pending or self.failed) or self.engine is None:
            return
        now = datetime.now(UTC).isoformat(timespec="seconds")
        spider = self.crawler.spider.name if self.crawler.spider is not None else ""
        with Session(self.engine) as session, session.begin():
            recorded = failures.record(session, self.failed, spider, now)
            writer = Writer(session, self.vocabulary)
            writer.prefetch(self.pending)
            for item in self.pending:
                outcome = writer.write(item, now)
                self.stats.inc_value(f"store/articles_{outcome}")
                if outcome == "new":  # what quality alarms measure (crawler/extensions/quality.py)
                    for name in fields_present(item):
                        self.stats.inc_value(STAT_PREFIX + name)
                    if not item.get("journal"):
                        self.stats.inc_value(JOURNAL_UNKNOWN_STAT)
            if writer.located:
                self.stats.inc_value(JOURNAL_FOUND_STAT, writer.located)
            for name, count in (("split", writer.split), ("uncertain", writer.guessed)):
                if count:
                    self.stats.inc_value(f"store/keywords_{name}", count)
            recovered = failures.forget(session, (item["url"] for item in self.pending))
        if recorded:
            self.stats.inc_value("store/failures_recorded", recorded)
        if recovered:
            self.stats.inc_value("store/failures_recovered", recovered)
        logger.debug("stored a batch of %d articles", len(self.pending))
        self.pending.clear()
        self.failed.clear()
