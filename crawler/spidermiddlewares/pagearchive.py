"""The page archive: every article page fetched is kept as it came, compressed,
so that `journals reparse` can run a fixed parser over the whole archive
without the network.

Spiders mark the requests whose responses go to the article parser with the
meta key ARTICLE_PAGE (crawler/meta.py; the run record counts article pages by it too).
`PageArchive`, a spider middleware just inside Scrapy's HttpErrorMiddleware
(50), sees exactly those responses that reach the spider: 2xx, after retries
and redirects, never an anti-bot page (the downloader middleware turns those
into IgnoreRequest) and never a failed one. A page is archived before it is
parsed, so a page the parser rejects or validation drops is kept too: a
later parser may make an article of it.

The body is the one Scrapy handed the spider (after HTTP decompression),
Brotli-compressed (pipelines/db/pages.py); headers are kept as latin-1 text,
so bytes round-trip exactly. Rows are upserted by URL (the latest fetch wins) in batches of
STORE_BATCH_SIZE, each in its own transaction, and the rest at close.
STORE_PAGES=False turns the archive off.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.responsetypes import responsetypes
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from crawler import contents
from crawler.meta import ARTICLE_PAGE  # both spiders mark their article requests
from pipelines.db import models
from pipelines.db.database import open_engine
from pipelines.db.pages import page_row, stored_body, stored_headers, upsert_pages

logger = logging.getLogger(__name__)


def page_response(page: models.Page) -> Response:
    """The response a stored page came as: the class Scrapy would have made of
    it (HtmlResponse for HTML), its URL, status, headers and body, with the
    request the article parser expects.

    >>> row = page_row(Response("http://x/a.shtml", body=b"<html>",
    ...     headers={"Content-Type": "text/html"}), "2026-01-01T00:00:00+00:00", None, 3)
    >>> response = page_response(models.Page(**row))
    >>> type(response).__name__, response.body, response.meta[ARTICLE_PAGE]
    ('HtmlResponse', b'<html>', True)
    """
    headers, body = stored_headers(page), stored_body(page)
    cls = responsetypes.from_args(headers=headers, url=page.url, body=body)
    arguments = {"toc": page.toc_count, **(page.contents or {})}
    request = Request(page.url, meta={ARTICLE_PAGE: True}, cb_kwargs=arguments)
    return cls(page.url, status=page.status, headers=headers, body=body, request=request)


class PageArchive:
    """The spider middleware (SPIDER_MIDDLEWARES) that archives article pages."""

    def __init__(self, crawler: Crawler, database_url: str, batch_size: int) -> None:
        self.crawler = crawler
        self.database_url = database_url
        self.batch_size = batch_size
        self.engine: Engine | None = None
        # By URL: a page fetched twice before a flush is written once, the later.
        self.pending: dict[str, dict[str, Any]] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PageArchive:
        if not crawler.settings.getbool("STORE_PAGES", True):
            raise NotConfigured("STORE_PAGES is off")
        archive = cls(
            crawler,
            crawler.settings["DATABASE_URL"],
            crawler.settings.getint("STORE_BATCH_SIZE", 50),
        )
        crawler.signals.connect(archive.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(archive.spider_closed, signal=signals.spider_closed)
        return archive

    def spider_opened(self) -> None:
        self.engine = open_engine(self.database_url, create=True)

    def spider_closed(self) -> None:
        self.flush()
        if self.engine is not None:
            self.engine.dispose()
            self.engine = None

    def process_spider_input(self, response: Response) -> None:
        request = response.request
        if request is None or not request.meta.get(ARTICLE_PAGE):
            return
        now = datetime.now(UTC).isoformat(timespec="seconds")
        stats = self.crawler.stats
        run_id = stats.get_value("run/id") if stats is not None else None
        toc = request.cb_kwargs.get("toc")
        self.pending[response.url] = page_row(
            response, now, run_id, toc, contents.of_request(request.cb_kwargs)
        )
        if len(self.pending) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Write the pending pages in one transaction."""
        if not self.pending or self.engine is None:
            return
        rows = list(self.pending.values())
        with Session(self.engine) as session, session.begin():
            upsert_pages(session, rows)
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value("pages/stored", len(rows))
        logger.debug("archived a batch of %d pages", len(rows))
        self.pending.clear()
