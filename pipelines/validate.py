"""Validate pipeline: an article without what every record needs is dropped."""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

REQUIRED = ("title", "journal", "body")


def missing_fields(item: dict[str, Any]) -> list[str]:
    """The required fields an item lacks.

    >>> missing_fields({"title": "题目", "journal": "", "body": "正文"})
    ['journal']
    """
    return [name for name in REQUIRED if not item.get(name)]


class ValidatePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidatePipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        missing = missing_fields(adapter.asdict())
        if missing:
            for name in missing:
                self.stats.inc_value(f"validate/dropped/missing_{name}")
            raise DropItem(f"missing {', '.join(missing)}: {adapter.get('url')}")
        return item
