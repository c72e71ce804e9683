"""Store pipeline: upserts articles into the database in batched transactions."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from pipelines.database import Writer, open_engine

logger = logging.getLogger(__name__)


class StorePipeline:
    def __init__(self, database_url: str, batch_size: int, crawler: Crawler) -> None:
        self.database_url = database_url
        self.batch_size = batch_size
        self.stats = crawler.stats
        self.engine: Engine | None = None
        self.pending: list[dict[str, Any]] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(
            database_url=crawler.settings["DATABASE_URL"],
            batch_size=crawler.settings.getint("STORE_BATCH_SIZE", 50),
            crawler=crawler,
        )

    def open_spider(self) -> None:
        self.engine = open_engine(self.database_url, create=True)

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
        """Write the pending items in one transaction."""
        if not self.pending or self.engine is None:
            return
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with Session(self.engine) as session, session.begin():
            writer = Writer(session)
            for item in self.pending:
                outcome = writer.write(item, now)
                self.stats.inc_value(f"store/articles_{outcome}")
                session.flush()
        logger.debug("stored a batch of %d articles", len(self.pending))
        self.pending.clear()
