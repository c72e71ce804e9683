"""The scheduler of resumable runs."""

from __future__ import annotations

from typing import Any

from scrapy.core.scheduler import Scheduler


class ResumeScheduler(Scheduler):
    """Scrapy's scheduler with its queue in memory, JOBDIR or not: what a
    resumed run needs is in `requests.done` (see the module's docstring)."""

    def __init__(self, dupefilter: Any, jobdir: str | None = None, **kwargs: Any) -> None:
        super().__init__(dupefilter, jobdir=None, **kwargs)
