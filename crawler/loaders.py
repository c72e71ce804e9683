"""Item loader for `Article`: site parsers add raw strings, processors shape them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from itemloaders.processors import Identity, MapCompose, TakeFirst
from scrapy.http import TextResponse
from scrapy.loader import ItemLoader

from crawler import fields
from crawler.items import Article


def squash_spaces(text: str) -> str:
    """Collapse runs of whitespace to one space and strip the ends.

    >>> squash_spaces("  上海人大月刊 \\n 2018年9期 ")
    '上海人大月刊 2018年9期'
    """
    return " ".join(text.split())  # str.split's whitespace is `\s`'s: a third of the time


def unique(values: Iterable[str]) -> list[str]:
    """Keep the first of each value, in order, dropping empty ones.

    >>> unique(["民情", "", "工作站", "民情"])
    ['民情', '工作站']
    """
    return list(dict.fromkeys(v for v in values if v))


class ArticleLoader(ItemLoader):
    default_item_class = Article
    default_input_processor = MapCompose(squash_spaces)
    default_output_processor = TakeFirst()

    title_in = MapCompose(squash_spaces, fields.clean_title)
    authors_in = MapCompose(squash_spaces, fields.split_authors)
    authors_out = unique
    keywords_out = unique
    flags_out = unique
    body_in = MapCompose(squash_spaces)
    body_out = "\n".join
    year_in = MapCompose(int)
    article_id_in = Identity()

    def __init__(self, response: TextResponse | None = None, **kwargs: Any) -> None:
        # Scrapy's loader makes a Selector of its own, a second parse of the page:
        # the response's own serves.
        if isinstance(response, TextResponse) and "selector" not in kwargs:
            kwargs["selector"] = response.selector
        super().__init__(response=response, **kwargs)

    def add_posted_line(self, text: str | None) -> str:
        """Add date and time from the line under the title; return what
        followed them (the authors, run together on real pages)."""
        found = fields.posted(text or "")
        if found is None:
            return ""
        self.add_value("date", found.date)
        if found.time:
            self.add_value("time", found.time)
        return found.rest

    def add_issue_line(self, journal: str | None, label: str | None) -> None:
        """Add journal, year and issue from the journal line (`上海人大月刊 2018年9期`)."""
        if not journal or not label:
            return
        parsed = fields.issue_label(label)
        if parsed is None:
            return
        self.add_value("journal", journal)
        self.add_value("issue_label", label)
        self.add_value("year", parsed.year)
        self.add_value("issue", parsed.issue)
