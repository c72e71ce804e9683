"""The dupe filter of resumable runs."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.dupefilters import RFPDupeFilter
from scrapy.utils.job import job_dir

from crawler.resume.tree import DONE_FILE, read_done

logger = logging.getLogger(__name__)


class ResumeDupeFilter(RFPDupeFilter):
    """Scrapy's dupefilter within a run; with a JOBDIR it also drops the
    requests done in earlier runs (`requests.done`) and keeps no
    `requests.seen`: a request scheduled but not done is made again."""

    def __init__(
        self,
        path: str | None = None,
        debug: bool = False,
        *,
        fingerprinter: Any = None,
        done: frozenset[bytes] = frozenset(),
        stats: Any = None,
    ) -> None:
        super().__init__(None, debug, fingerprinter=fingerprinter)
        self.done = done
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ResumeDupeFilter:
        jobdir = job_dir(crawler.settings)
        done = read_done(Path(jobdir, DONE_FILE)) if jobdir else frozenset()
        if done:
            logger.info(
                "resuming the job in %s: %d requests done in earlier runs are not made again",
                jobdir,
                len(done),
            )
        return cls(
            debug=crawler.settings.getbool("DUPEFILTER_DEBUG"),
            fingerprinter=crawler.request_fingerprinter,
            done=done,
            stats=crawler.stats,
        )

    def request_seen(self, request: Request) -> bool:
        if self.done and self.fingerprinter.fingerprint(request) in self.done:
            if self.stats is not None:
                self.stats.inc_value("resume/skipped_done")
            return True
        return super().request_seen(request)
