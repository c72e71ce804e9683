"""Store given article pages, from the aggregator or any copy of it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.crawler import Crawler
from scrapy.http import Request, Response
from scrapy.settings import BaseSettings

from crawler import sites
from crawler.arguments import BadArgument, parse_url, read_url_file
from crawler.items import Article
from crawler.meta import ARTICLE_PAGE


class ArticleSpider(scrapy.Spider):
    """Arguments: `url` (one article page) or `urls` (a file, one URL a line).
    Only the hosts those URLs name are requested, and, where they name the
    aggregator's desktop or mobile host (FX361_BASE_URL, FX361_MOBILE_URL),
    the other of the two: the aggregator redirects between them."""

    name = "article"

    def __init__(self, url: str | None = None, urls: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if url and urls:
            raise BadArgument("url", "give url or urls, not both")
        if url:
            self.start_urls = [parse_url("url", url)]
        elif urls:
            self.start_urls = read_url_file(urls)
        else:
            raise BadArgument("url", "missing: give -a url=URL or -a urls=FILE")
        self.allowed_domains = sorted({urlsplit(u).hostname or "" for u in self.start_urls})

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> ArticleSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        pair = {
            urlsplit(crawler.settings.get(name) or "").hostname or ""
            for name in ("FX361_BASE_URL", "FX361_MOBILE_URL")
        } - {""}
        if pair & set(spider.allowed_domains):
            spider.allowed_domains = sorted(set(spider.allowed_domains) | pair)
        return spider

    @classmethod
    def check_arguments(cls, settings: BaseSettings, **kwargs: Any) -> None:
        cls(**kwargs)

    async def start(self) -> AsyncIterator[Request]:
        for url in self.start_urls:
            yield Request(url, callback=self.parse, meta={ARTICLE_PAGE: True})  # archived

    def parse(self, response: Response) -> Iterator[Article]:
        try:
            yield sites.article_parser(self.settings)(response)
        except sites.NotAnArticle:
            self.crawler.stats.inc_value("article/not_an_article")
            self.logger.warning("not an article page: %s", response.url)
