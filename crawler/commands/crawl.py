"""`scrapy crawl`, with spider arguments checked before the crawl starts (so a
bad value is one line, not a traceback after the start-up log) and an exit
status that says how the crawl ended (crawler/exitstatus.py): DEGRADED when
its new articles lack fields they should have (crawler/extensions/quality.py;
the run record says which), LOCKED when another crawl holds the database
(crawler/runlock.py; the workers of one shared-frontier run, REDIS_URL with
the same RUN_ID, hold it together). A shared-frontier worker whose settings
are wrong exits BAD_ARGUMENT, one whose Redis does not answer FAILED, each
with one line, before the crawl starts.

The spider's arguments go to the run record (crawler/extensions/runrecord.py) as the setting
SPIDER_ARGUMENTS.

The crawler is made with the crawler process's public `create_crawler`, not
the command base class's private method; what that method adds, a warning
when feeds are set but Scrapy's FeedExporter extension is off, does not apply
here (the project leaves that extension on)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from redis.exceptions import RedisError
from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.exceptions import UsageError
from scrapy.spiderloader import get_spider_loader
from scrapy_redis import connection

from crawler.arguments import BadArgument
from crawler.exitstatus import ExitStatus
from crawler.frontier.keys import check_run_id, worker_name
from crawler.runlock import Locked, lock_for
from pipelines.db.database import DatabaseError

# Finish reasons that mean the run did not do its job.
FAILED_REASONS = frozenset({"bad_argument", "shutdown", "blocked"})


class Command(ScrapyCrawl):
    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        if len(args) != 1:
            return
        assert self.settings is not None
        try:
            spidercls = get_spider_loader(self.settings).load(args[0])
        except KeyError:
            return  # Scrapy reports an unknown spider itself
        try:
            lock_for(self.settings["DATABASE_URL"])
        except DatabaseError as exc:
            print(f"scrapy crawl {args[0]}: DATABASE_URL: {exc}", file=sys.stderr)
            sys.exit(ExitStatus.BAD_ARGUMENT)
        if problem := frontier_problem(self.settings):
            print(f"scrapy crawl {args[0]}: {problem}", file=sys.stderr)
            sys.exit(ExitStatus.BAD_ARGUMENT)
        if problem := frontier_unreachable(self.settings):
            print(f"scrapy crawl {args[0]}: {problem}", file=sys.stderr)
            sys.exit(ExitStatus.FAILED)
        check = getattr(spidercls, "check_arguments", None)
        if check is None:
            return
        try:
            check(self.settings, **opts.spargs)
        except BadArgument as exc:
            print(f"scrapy crawl {args[0]}: {exc}", file=sys.stderr)
            sys.exit(ExitStatus.BAD_ARGUMENT)
        except TypeError as exc:  # an argument the spider does not take
            raise UsageError(str(exc), print_help=False) from exc

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            return super().run(args, opts)
        assert self.crawler_process and self.settings is not None
        crawler = self.crawler_process.create_crawler(args[0])
        crawler.settings.set("SPIDER_ARGUMENTS", dict(opts.spargs), priority="cmdline")
        # Before the crawl starts (crawl() may open the pipelines, and so the
        # database, at once); held until the process ends, however it ends.
        run_id = self.settings.get("RUN_ID") if self.settings.get("REDIS_URL") else None
        lock = lock_for(self.settings["DATABASE_URL"], run_id or None)
        if lock is not None:
            try:
                lock.acquire()
            except Locked as exc:
                print(f"scrapy crawl {args[0]}: {exc}", file=sys.stderr)
                self.exitcode = ExitStatus.LOCKED
                return
        try:
            self.crawler_process.crawl(crawler, **opts.spargs)
            self.crawler_process.start()
        finally:
            if lock is not None:
                lock.release()
        try:
            stats = crawler.stats
        except RuntimeError:  # the crawl never started (bootstrap_failed says so)
            stats = None
        reason = stats.get_value("finish_reason") if stats else None
        status = stats.get_value("run/status") if stats else None
        if self.crawler_process.bootstrap_failed or reason in FAILED_REASONS or status == "failed":
            self.exitcode = ExitStatus.FAILED
        elif status == "degraded":
            self.exitcode = ExitStatus.DEGRADED


def frontier_problem(settings: Any) -> str | None:
    """What is wrong with the shared frontier's settings (crawler/frontier/), if anything."""
    if not settings.get("REDIS_URL"):
        return None
    if settings.get("JOBDIR"):
        return (
            "JOBDIR and REDIS_URL: a run sharing its frontier in Redis resumes from"
            " Redis; give one of them"
        )
    try:
        check_run_id(settings.get("RUN_ID"))
        worker_name(settings.get("WORKER_NAME"))
    except ValueError as exc:
        return str(exc)
    return None


def frontier_unreachable(settings: Any) -> str | None:
    """Why the shared frontier's Redis server does not answer, if it does not:
    one line, not a traceback once the crawl has begun to start."""
    if not settings.get("REDIS_URL"):
        return None
    server = connection.from_settings(settings)
    try:
        server.ping()
    except RedisError as exc:
        return f"REDIS_URL: no answer from {settings['REDIS_URL']}: {exc}"
    finally:
        server.close()
    return None
