"""Writes the sample corpus into a SQLite file through the project's real item
pipelines (ITEM_PIPELINES of crawler/settings.py: clean → validate → store,
batches of STORE_BATCH_SIZE), as a crawl would hand them its articles.

Imported, it is the reference writer of tests/pipelines/test_crash.py. Run as a script,
it forks the writers that test kills: for each line `DB BATCH_SIZE MODE POINT
CACHE` on its stdin, a writer of the whole corpus into DB, with a hook (here
only, not in the product) on the database's statements that reports on
stdout and, for MODE `statement` or `commit`, stops inside the open
transaction until it is killed:

* `statement`: after the POINT-th INSERT/UPDATE/DELETE of the run has executed;
* `commit`: when the POINT-th batch has been written and is about to commit;
* `race`: says `go` after the POINT-th statement and carries on, so a kill
  sent at once lands wherever the writing has got to (even inside COMMIT).

Each committed batch is reported as `committed N` once its COMMIT returned.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from scrapy import Spider
from scrapy.exceptions import DropItem
from scrapy.utils.misc import build_from_crawler, load_object
from scrapy.utils.test import get_crawler
from sqlalchemy import Engine, event
from sqlalchemy.orm import Session

from crawler import settings as project_settings
from crawler.items import Article
from journals.samplesite.corpus import all_articles
from journals.samplesite.render import article_path

SAMPLE = "http://127.0.0.1:8361"
MIRROR = "http://127.0.0.2:8361"
FETCHED_AT = "2026-01-01T00:00:00+00:00"
DML = ("INSERT", "UPDATE", "DELETE")
# Rounds must be quick, and the store's work is per article, not per
# character: an article's first block only, and every journal but the one
# with the most articles (still three batches of STORE_BATCH_SIZE).
BLOCKS = 1
LEFT_OUT = "人大研究"


class CrashSpider(Spider):
    name = "crash"


def corpus_items() -> list[Article]:
    """The sample articles as their aggregator pages give them; every third
    also as a mirror's copy (a worse copy under the same number: a second
    source), every sixth copy ahead of the aggregator's (stored, then replaced)."""
    items: list[Article] = []
    chosen = [(j, i, a) for j, i, a in all_articles() if j.name != LEFT_OUT]
    for n, (journal, issue, article) in enumerate(chosen):
        aggregator = Article(
            url=SAMPLE + article_path(article),
            source_host="127.0.0.1",
            article_id=article.id,
            title=article.title,
            authors=list(article.authors),
            date=f"{article.posted_at:%Y-%m-%d}",
            time=f"{article.posted_at:%H:%M:%S}" if article.show_time else None,
            journal=journal.name,
            year=issue.year,
            issue=issue.issue,
            issue_label=issue.label,
            keywords=list(article.keywords),
            body="\n".join(block.text for block in article.blocks[:BLOCKS]),
            fetched_at=FETCHED_AT,
            toc_count=len(issue.articles),
        )
        if n % 3:
            items.append(aggregator)
            continue
        copy = replace(
            aggregator,
            url=f"{MIRROR}/qikan/{article.id}.html",
            source_host="127.0.0.2",
            authors=list(article.authors),
            keywords=list(article.keywords),
            flags=["spam_removed"],
            toc_count=None,
        )
        items += [copy, aggregator] if n % 6 == 0 else [aggregator, copy]
    return items


def pipelines(database_url: str, batch_size: int) -> list[Any]:
    """The project's item pipelines, in their order, built as Scrapy builds them."""
    configured = project_settings.ITEM_PIPELINES
    crawler = get_crawler(
        CrashSpider,
        {
            "DATABASE_URL": database_url,
            "STORE_BATCH_SIZE": batch_size,
            "ITEM_PIPELINES": configured,
        },
    )
    return [
        build_from_crawler(load_object(path), crawler)
        for path in sorted(configured, key=configured.__getitem__)
    ]


def write(
    database_url: str,
    batch_size: int,
    items: list[Article],
    *,
    opened: Callable[[], None] = lambda: None,
) -> None:
    """Feed `items` through the pipelines and close them (the last batch is
    written then); `opened` is called once the database is open."""
    stages = pipelines(database_url, batch_size)
    for stage in stages:
        if hasattr(stage, "open_spider"):
            stage.open_spider()
    opened()
    for item in items:
        try:
            for stage in stages:
                item = stage.process_item(item)
        except DropItem:
            continue
    for stage in stages:
        if hasattr(stage, "close_spider"):
            stage.close_spider()


class Hook:
    """Counts the store's statements and commits; reports on `out`; stops
    the process inside the transaction at the chosen point."""

    def __init__(self, mode: str, point: int, out: Any = sys.stdout) -> None:
        self.mode, self.point, self.out = mode, point, out
        self.armed = False
        self.statements = self.commits = 0

    def install(self) -> None:
        event.listen(Engine, "after_cursor_execute", self.after_execute)
        event.listen(Engine, "commit", self.before_commit)
        event.listen(Session, "after_commit", self.after_commit)

    def remove(self) -> None:
        event.remove(Engine, "after_cursor_execute", self.after_execute)
        event.remove(Engine, "commit", self.before_commit)
        event.remove(Session, "after_commit", self.after_commit)

    def say(self, line: str) -> None:
        self.out.write(line + "\n")
        self.out.flush()

    def stop(self, line: str) -> None:
        self.say(line)
        if self.mode != "race":
            time.sleep(600)  # killed here, the transaction open

    def after_execute(self, _conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if self.armed and statement.lstrip().upper().startswith(DML):
            self.statements += 1
            if self.mode in ("statement", "race") and self.statements == self.point:
                self.stop("go" if self.mode == "race" else f"paused statement {self.point}")

    def before_commit(self, _conn: Any) -> None:
        if self.armed and self.mode == "commit" and self.commits + 1 == self.point:
            self.stop(f"paused commit {self.point}")

    def after_commit(self, _session: Session) -> None:
        if self.armed:
            self.commits += 1
            self.say(f"committed {self.commits}")


def small_cache(pages: int) -> None:
    """A page cache of `pages` pages: a batch's pages spill into the WAL
    before its COMMIT, so a kill leaves uncommitted frames there."""

    def connected(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA cache_size={pages}")

    event.listen(Engine, "connect", connected)


def warm() -> None:
    """Import, migrate and clean once, so that forked writers start at once."""
    with tempfile.TemporaryDirectory(prefix="crash-warm-") as folder:
        write(f"sqlite:///{Path(folder) / 'warm.db'}", 50, corpus_items()[:10])


def serve(commands: Any = sys.stdin, out: Any = sys.stdout) -> None:
    """For each line `DB BATCH_SIZE MODE POINT CACHE` read (CACHE: pages, 0 for
    SQLite's default), a forked writer with its
    hook: it says `pid N` when it starts, its reports, and `exit N STATUS` when it
    has ended (STATUS -9: killed by SIGKILL)."""
    warm()
    items = corpus_items()
    out.write("ready\n")
    out.flush()
    for line in commands:
        db, batch_size, mode, point, cache = line.split()
        pid = os.fork()
        if pid == 0:  # the writer
            status = 1
            try:
                hook = Hook(mode, int(point), out)
                hook.say(f"pid {os.getpid()}")
                hook.install()
                if int(cache):
                    small_cache(int(cache))
                write(
                    f"sqlite:///{db}",
                    int(batch_size),
                    items,
                    opened=lambda hook=hook: setattr(hook, "armed", True),
                )
                hook.say("done")
                status = 0
            finally:
                out.flush()
                os._exit(status)
        _, wait_status = os.waitpid(pid, 0)
        out.write(f"exit {pid} {os.waitstatus_to_exitcode(wait_status)}\n")
        out.flush()


if __name__ == "__main__":
    serve()
