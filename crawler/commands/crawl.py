"""`scrapy crawl`, with spider arguments checked before the crawl starts and
an exit status that says how the crawl ended."""

from __future__ import annotations

import argparse
import sys

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.exceptions import UsageError

from crawler.arguments import BadArgument

# Finish reasons that mean the run did not do its job.
FAILED_REASONS = frozenset({"bad_argument", "shutdown"})


class Command(ScrapyCrawl):
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            return super().run(args, opts)
        assert self.crawler_process
        spidercls = self.crawler_process.spider_loader.load(args[0])
        check = getattr(spidercls, "check_arguments", None)
        if check is not None:
            try:
                check(self.settings, **opts.spargs)
            except BadArgument as exc:
                print(f"scrapy crawl {args[0]}: {exc}", file=sys.stderr)
                self.exitcode = 2
                return
            except TypeError as exc:  # an argument the spider does not take
                raise UsageError(str(exc), print_help=False) from exc
        crawler = self._create_crawler(args[0])
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        if self.crawler_process.bootstrap_failed:
            self.exitcode = 1
        elif crawler.stats and crawler.stats.get_value("finish_reason") in FAILED_REASONS:
            self.exitcode = 1
