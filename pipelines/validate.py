"""Validate pipeline: an article unfit to store is dropped with its reason
(counted in the stats, logged once with its URL); a doubtful value is set
aside and the article stored with a flag that says so."""

from __future__ import annotations

from datetime import date
from typing import Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from pipelines.checks import doubts, drop_reasons
from pipelines.records import as_record


class ValidatePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidatePipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        record = as_record(item)
        reasons = drop_reasons(record)
        if reasons:
            for key in reasons:
                self.stats.inc_value(f"validate/dropped/{key}")
            raise DropItem(f"{', '.join(reasons.values())}: {adapter.get('url')}")
        fixed, flags = doubts(record, date.today())
        for name, value in fixed.items():
            adapter[name] = value
        adapter["flags"] = sorted({*(adapter.get("flags") or []), *flags})
        for flag in flags:
            self.stats.inc_value(f"validate/flagged/{flag}")
        return item
