"""Run records: every crawl is a row of `crawl_runs`, written `running` when
the spider opens and completed when it closes, so that what a scheduled crawl
did (and whether it did its job) can be read afterwards: `journals runs`.

The row's id is put in the crawl's stats as `run/id` at spider open, for
other components to refer to the run (it is there from `spider_opened` on:
the pipelines' `open_spider` runs just before that signal, so read it when
used, not when opened).

What the row holds, all from the crawl's stats at close:

- `status`: `finished`; `degraded` when it finished with alarms: field
  coverage below its floors (crawler/extensions/quality.py) or navigation
  pages not as expected (crawler/extensions/navigation.py); `failed` when,
  with navigation alarms, its walk found no issue and no article at all;
  `interrupted` when stopped by Ctrl-C or SIGTERM (finish reason
  `shutdown`), or left `running` by a process that was killed; `blocked`
  (too many anti-bot pages, crawler/downloadermiddlewares/antibot.py);
  `failed` for any other finish reason (`bad_argument`, `cancelled`, …).
  Scrapy's CLOSESPIDER_* limits end a run as the user asked: `finished`.
- `requests`: `downloader/request_count`, retries included; `responses`: by
  HTTP status (`downloader/response_status_count/*`).
- `article_pages`: final responses (after retries and redirects; anti-bot
  pages are not responses) to requests for article pages. A request is one
  when the spider says so in its meta (`article_page`, as fx361 does) or,
  for requests it says nothing about, when its URL has the shape of the
  aggregator family's article pages, `/YYYY/MMDD/<number>.html` (desktop,
  mobile, copy sites): the `article` spider's pages. Counted
  here (`run/article_pages`) rather than in the spiders' callbacks, which an
  HTTP error never reaches.
- `articles_new|updated|unchanged`: `store/articles_*`; `dropped`: by reason,
  `validate/dropped/<reason>` (an article dropped for two reasons counts
  under both); `errors`: as the progress lines count them (crawler.extensions.progress).
- `coverage` and `alarms`: crawler/extensions/quality.py; navigation alarms
  (`navigation/…: …`, naming the page kind, the selector that fell back or
  found nothing, and the URL shape): crawler/extensions/navigation.py.

A row is left `running` only by a process that could not close its spider
(SIGKILL, a crash, a power cut). The next run marks such rows `interrupted`
when it can tell that no other crawl is writing the database: it holds the
database's run lock (crawler/runlock.py; `scrapy crawl` takes it), or finds
it free. A database the lock does not cover (not SQLite) keeps such rows
`running`.

The workers of a run sharing its frontier (crawler/frontier/: REDIS_URL,
RUN_ID) each write a row of their own, with the run's id (`run_id`) and
the worker's name (`worker`). Holding the run's lock, a worker knows that no
other run is writing, so it marks `interrupted` the rows left `running` by
other runs and by earlier processes of its own name; its fellow workers'
rows it leaves alone.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from sqlalchemy import ColumnElement, Engine, null, or_, true, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from crawler.extensions import navigation, quality
from crawler.extensions.progress import Snapshot
from crawler.frontier.keys import worker_name
from crawler.meta import ARTICLE_PAGE
from crawler.runlock import Locked, lock_for
from pipelines.db.database import DatabaseError, open_engine
from pipelines.db.models import CrawlRun

logger = logging.getLogger(__name__)

# Finish reasons and the status they give; CLOSESPIDER_* limits are "finished".
STATUS_OF_REASON = {"finished": "finished", "shutdown": "interrupted", "blocked": "blocked"}
# /page/2018/1120/5108306.shtml, /news/2018/1120/5108306.html, /qikan/2018/1120/….html
ARTICLE_PATH = re.compile(r"/\d{4}/\d{4}/\d{5,10}\.s?html?$")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def status_of(reason: str, alarms: list[str], found_nothing: bool = False) -> str:
    """`found_nothing`: the run's alarms say its walk found nothing to fetch.

    >>> status_of("finished", []), status_of("finished", ["keywords 0.10 < 0.60"])
    ('finished', 'degraded')
    >>> status_of("finished", ["navigation/empty/issues: …"], found_nothing=True)
    'failed'
    >>> status_of("shutdown", ["keywords 0.10 < 0.60"]), status_of("blocked", [])
    ('interrupted', 'blocked')
    >>> status_of("closespider_timeout", []), status_of("bad_argument", [])
    ('finished', 'failed')
    """
    status = STATUS_OF_REASON.get(reason)
    if status is None:
        status = "finished" if reason.startswith("closespider_") else "failed"
    if status == "finished" and alarms:
        return "failed" if found_nothing else "degraded"
    return status


def counted(stats: Mapping[str, Any], prefix: str) -> dict[str, int]:
    """The counters under `prefix`, by the rest of their name.

    >>> counted({"downloader/response_status_count/200": 9, "x": 1},
    ...         "downloader/response_status_count/")
    {'200': 9}
    """
    return {
        key[len(prefix) :]: int(value) for key, value in stats.items() if key.startswith(prefix)
    }


def outcome(
    stats: Mapping[str, Any], reason: str, floors: Mapping[str, float], min_articles: int
) -> dict[str, Any]:
    """The columns a run's row gets at its end.

    >>> row = outcome({"downloader/request_count": 30, "store/articles_new": 25,
    ...                "quality/new_with_date": 25, "quality/new_with_issue": 25,
    ...                "quality/new_with_keywords": 20, "run/article_pages": 26,
    ...                "validate/dropped/missing_journal": 1, "log_count/ERROR": 1},
    ...               "finished", quality.DEFAULT_FLOORS, 20)
    >>> row["status"], row["article_pages"], row["dropped"], row["errors"], row["alarms"]
    ('degraded', 26, {'missing_journal': 1}, 1, ['authors 0.00 < 0.70'])
    >>> row = outcome({"store/articles_lost": 3}, "finished", quality.DEFAULT_FLOORS, 20)
    >>> row["status"], row["alarms"]
    ('failed', ['store: 3 articles not stored (database errors)'])
    """
    snapshot = Snapshot.of(stats)
    coverage = quality.coverage(stats)
    alarms = quality.alarms(coverage, snapshot.new, floors, min_articles)
    lost = navigation.alarms(stats)
    alarms += lost
    status = status_of(reason, alarms, bool(lost) and navigation.found_nothing(stats))
    if unstored := int(stats.get("store/articles_lost") or 0):  # pipelines/store.py
        alarms.append(f"store: {unstored} articles not stored (database errors)")
        status = "failed"
    return {
        "finished_at": now(),
        "status": status,
        "finish_reason": reason,
        "requests": int(stats.get("downloader/request_count") or 0),
        "responses": counted(stats, "downloader/response_status_count/"),
        "article_pages": int(stats.get("run/article_pages") or 0),
        "articles_new": snapshot.new,
        "articles_updated": snapshot.updated,
        "articles_unchanged": snapshot.unchanged,
        # pipelines/store.py: new articles whose copy named no journal
        "articles_journal_unknown": int(stats.get("store/articles_journal_unknown") or 0),
        "dropped": counted(stats, "validate/dropped/"),
        "errors": snapshot.errors,
        "coverage": coverage,
        "alarms": alarms or None,
    }


def is_article_page(request: Request) -> bool:
    """
    >>> is_article_page(Request("http://x/page/2018/1120/5108306.shtml"))
    True
    >>> is_article_page(Request("http://x/bk/zjrd/201809.html"))
    False
    >>> is_article_page(Request("http://x/a?id=7", meta={ARTICLE_PAGE: True}))
    True
    """
    marked = request.meta.get(ARTICLE_PAGE)
    if marked is not None:
        return bool(marked)
    return ARTICLE_PATH.search(urlsplit(request.url).path) is not None


@contextmanager
def leftovers(
    database_url: str, run_id: str | None = None, worker: str | None = None
) -> Iterator[ColumnElement[bool] | None]:
    """Yields which `running` rows were left by processes that are gone, as a
    condition on `crawl_runs` (None: it cannot tell). A crawl that holds the
    run lock alone (`scrapy crawl`), or takes it for the block: all of them.
    A worker of run `run_id` (holding its shared lock with its fellow
    workers): those of other runs, and those of its own name."""
    lock = lock_for(database_url, run_id)
    if lock is None:
        yield None
        return
    try:
        lock.acquire()
    except Locked as exc:
        yield true() if exc.pid == os.getpid() and run_id is None else None
        return
    try:
        if run_id is None:
            yield true()
        else:
            yield or_(
                CrawlRun.run_id.is_(None), CrawlRun.run_id != run_id, CrawlRun.worker == worker
            )
    finally:
        lock.release()


def interrupt_leftovers(session: Session, which: ColumnElement[bool]) -> int:
    """Mark the rows still `running` that `which` selects as `interrupted`:
    their process is gone."""
    result = session.execute(
        update(CrawlRun).where(CrawlRun.status == "running", which).values(status="interrupted")
    )
    return int(getattr(result, "rowcount", 0) or 0)


class RunRecorder:
    """The extension (EXTENSIONS): writes the run's row, counts its article pages."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.database_url: str = settings["DATABASE_URL"]
        self.arguments: dict[str, str] = dict(settings.getdict("SPIDER_ARGUMENTS"))
        self.floors = quality.floors_from(settings.getdict("QUALITY_FLOORS"))
        self.min_articles = settings.getint("QUALITY_MIN_ARTICLES", quality.DEFAULT_MIN_ARTICLES)
        self.engine: Engine | None = None
        self.run_id: int | None = None
        # A worker of a run sharing its frontier in Redis (crawler/frontier/).
        shared = bool(settings.get("REDIS_URL"))
        self.shared_run: str | None = settings.get("RUN_ID") or None if shared else None
        self.worker = worker_name(settings.get("WORKER_NAME")) if shared else None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunRecorder:
        recorder = cls(crawler)
        crawler.signals.connect(recorder.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(recorder.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(recorder.response_received, signal=signals.response_received)
        return recorder

    @property
    def stats(self) -> Any:
        assert self.crawler.stats is not None
        return self.crawler.stats

    def spider_opened(self, spider: Spider) -> None:
        run = CrawlRun(
            spider=spider.name,
            arguments=self.arguments,
            started_at=now(),
            status="running",
            responses={},
            dropped={},
            run_id=self.shared_run,
            worker=self.worker,
        )
        try:
            self.engine = open_engine(self.database_url, create=True)
            with (
                leftovers(self.database_url, self.shared_run, self.worker) as gone,
                Session(self.engine) as session,
                session.begin(),
            ):
                left = interrupt_leftovers(session, gone) if gone is not None else 0
                session.add(run)
                session.flush()
                self.run_id = run.id
        except (SQLAlchemyError, DatabaseError, OSError) as exc:
            # The crawl goes on without its record; the store will say more.
            logger.error("run record: cannot write the run's row: %s", exc)
            return
        if left:
            logger.warning("run record: %d earlier runs left running marked interrupted", left)
        self.stats.set_value("run/id", self.run_id)

    def response_received(self, request: Request) -> None:
        if is_article_page(request):
            self.stats.inc_value("run/article_pages")

    def spider_closed(self, reason: str) -> None:
        # The pipelines are closed (the last batch stored) before spider_closed.
        columns = outcome(self.stats.get_stats(), reason, self.floors, self.min_articles)
        self.stats.set_value("run/status", columns["status"])
        alarms = columns["alarms"] or []
        lost = [a for a in alarms if a.startswith(navigation.PREFIX)]
        if lost:
            logger.error(navigation.alarm_line(lost, columns["status"]))
        if len(lost) < len(alarms) and columns["status"] in ("degraded", "failed"):
            found = [a for a in alarms if a not in lost]
            logger.error(quality.alarm_line(found, columns["articles_new"]))
        if self.engine is None:
            return
        if self.run_id is None:
            self.engine.dispose()
            return
        # SQL NULL, not JSON `null`, for "no coverage" and "no alarm".
        values = {name: null() if value is None else value for name, value in columns.items()}
        try:
            with Session(self.engine) as session, session.begin():
                session.execute(update(CrawlRun).where(CrawlRun.id == self.run_id).values(values))
        except SQLAlchemyError as exc:
            logger.error("run record: cannot complete run %s: %s", self.run_id, exc)
        finally:
            self.engine.dispose()
