"""The dupe filter of resumable runs."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.dupefilters import RFPDupeFilter
from scrapy.utils.job import job_dir

from crawler.resume.seen import Fingerprints
from crawler.resume.tree import DONE_FILE, each_done

logger = logging.getLogger(__name__)


class ResumeDupeFilter(RFPDupeFilter):
    """Scrapy's dupefilter within a run, with the fingerprints out of memory
    (`seen.Fingerprints`); with a JOBDIR it also drops the requests done in
    earlier runs (`requests.done`) and keeps no `requests.seen`: a request
    scheduled but not done is made again."""

    def __init__(
        self,
        path: str | None = None,
        debug: bool = False,
        *,
        fingerprinter: Any = None,
        done: Path | None = None,
        stats: Any = None,
    ) -> None:
        super().__init__(None, debug, fingerprinter=fingerprinter)
        self.seen = Fingerprints()
        self.resumed = bool(done) and self.seen.add_earlier(each_done(done)) > 0
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ResumeDupeFilter:
        jobdir = job_dir(crawler.settings)
        made = cls(
            debug=crawler.settings.getbool("DUPEFILTER_DEBUG"),
            fingerprinter=crawler.request_fingerprinter,
            done=Path(jobdir, DONE_FILE) if jobdir else None,
            stats=crawler.stats,
        )
        if made.resumed:
            logger.info(
                "resuming the job in %s: %d requests done in earlier runs are not made again",
                jobdir,
                made.seen.earlier_count,
            )
        return made

    def request_seen(self, request: Request) -> bool:
        fingerprint = self.fingerprinter.fingerprint(request)
        if self.seen.add(fingerprint):
            return False
        if self.resumed and self.seen.earlier(fingerprint) and self.stats is not None:
            self.stats.inc_value("resume/skipped_done")
        return True

    def close(self, reason: str) -> None:
        self.seen.close()
        super().close(reason)
