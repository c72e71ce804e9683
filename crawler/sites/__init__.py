"""Site parsers: one module per site, each with `matches(response)` and
`parse_article(response)`. `parse_article` here picks the parser and adds what
every page shares (URL, article id, host, fetch time)."""

from __future__ import annotations

from datetime import UTC, datetime
from types import ModuleType
from urllib.parse import urlsplit

from scrapy.http import Response, TextResponse

from crawler import fields
from crawler.items import Article
from crawler.sites import fx361, mirror

PARSERS: tuple[ModuleType, ...] = (fx361, mirror)


class NotAnArticle(ValueError):
    """The page is not an article page of any layout we know."""


def parser_for(response: TextResponse) -> ModuleType | None:
    return next((p for p in PARSERS if p.matches(response)), None)


def parse_article(response: Response) -> Article:
    if not isinstance(response, TextResponse):
        raise NotAnArticle(f"{response.url} is not a text page")
    parser = parser_for(response)
    if parser is None:
        raise NotAnArticle(response.url)
    article = parser.parse_article(response)
    article.url = response.url
    article.source_host = (urlsplit(response.url).hostname or "").lower()
    article.article_id = fields.article_id(response.url)
    if article.date is None:
        article.date = fields.url_date(response.url)
    article.fetched_at = datetime.now(UTC).isoformat(timespec="seconds")
    return article
