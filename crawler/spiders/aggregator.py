"""Walk the aggregator: journal list → journal pages → issues → articles."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider
from scrapy.http import Request, Response, TextResponse
from scrapy.settings import BaseSettings

from crawler import sites
from crawler.arguments import BadArgument, parse_url, parse_years, split_list
from crawler.incremental import StoredArticles, parse_mode, parse_refresh
from crawler.items import Article
from crawler.meta import ARTICLE_PAGE
from crawler.sites import fx361


class Fx361Spider(scrapy.Spider):
    """Arguments: `journal` (names or journal-page URLs, comma-separated),
    `years` (`2018` or `2016-2019`), `issue` (an issue-page URL). With none,
    every journal the site lists is walked.

    `mode`: `incremental` (the default) fetches no article page whose article
    is stored and stops a journal's issue list at the first issue complete in
    the database; `archive` walks every issue and fetches the articles not
    stored (a back catalogue, resumable with JOBDIR); `full` fetches
    everything again. `refresh` (days): in incremental and archive mode, fetch
    again articles last fetched longer ago than that. The database questions
    are `crawler.incremental`'s; the spider navigates."""

    name = "fx361"

    def __init__(
        self,
        journal: str | None = None,
        years: str | None = None,
        issue: str | None = None,
        base_url: str = fx361.DEFAULT_BASE_URL,
        mode: str | None = None,
        refresh: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.mode = parse_mode(mode)
        self.refresh_days = parse_refresh(refresh)
        self.stored: StoredArticles | None = None
        self.base_url = base_url.rstrip("/")
        self.base_host = urlsplit(self.base_url).hostname or ""
        self.allowed_domains = [self.base_host]
        self.years = parse_years(years)
        self.issue_url = self._on_site("issue", issue) if issue else None
        self.journal_urls: list[str] = []
        self.journal_names: list[str] = []
        for value in split_list(journal):
            if value.startswith(("http://", "https://")):
                self.journal_urls.append(self._on_site("journal", value))
            else:
                self.journal_names.append(value)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Fx361Spider:
        kwargs.setdefault("base_url", crawler.settings.get("FX361_BASE_URL"))
        spider = super().from_crawler(crawler, *args, **kwargs)
        if spider.mode in ("incremental", "archive"):
            spider.stored = StoredArticles(crawler.settings["DATABASE_URL"], spider.refresh_days)
        return spider

    def closed(self, reason: str) -> None:
        if self.stored is not None:
            self.stored.close()

    @classmethod
    def check_arguments(cls, settings: BaseSettings, **kwargs: Any) -> None:
        """Raise BadArgument for a value the spider cannot use, before a crawl starts."""
        cls(base_url=settings.get("FX361_BASE_URL"), **kwargs)

    def _on_site(self, name: str, value: str) -> str:
        url = parse_url(name, value)
        if urlsplit(url).hostname != self.base_host:
            raise BadArgument(name, f"{url!r} is not on {self.base_url} (setting FX361_BASE_URL)")
        return url

    async def start(self) -> AsyncIterator[Request]:
        if self.issue_url:
            yield Request(self.issue_url, callback=self.parse_issue)
            return
        for url in self.journal_urls:
            yield Request(url, callback=self.parse_journal)
        if self.journal_names or not self.journal_urls:
            yield Request(f"{self.base_url}/bk/", callback=self.parse_journal_list)

    def parse_journal_list(self, response: TextResponse) -> Iterator[Request]:
        listed = {link.name: link.url for link in fx361.journal_links(response)}
        unknown = [name for name in self.journal_names if name not in listed]
        if unknown:
            self.logger.error(
                "journal: unknown journal %s; the site lists %d journals at %s",
                "、".join(unknown),
                len(listed),
                response.url,
            )
            raise CloseSpider("bad_argument")
        wanted = self.journal_names or ([] if self.journal_urls else list(listed))
        for name in wanted:
            yield response.follow(listed[name], callback=self.parse_journal)

    def parse_journal(self, response: TextResponse) -> Iterator[Request]:
        links = fx361.issue_links(response)
        journal = fx361.journal_name(response)
        for link in links:
            if not self._wanted_year(link.year):
                continue
            if self._complete(journal, link):
                # Newest first: the issues past this one were stored before it.
                self.crawler.stats.inc_value("incremental/stopped_at_complete_issue")
                self.logger.info("%s: stopped at %s, complete in the database", journal, link.label)
                return
            yield response.follow(link.url, callback=self.parse_issue)
        # Issues are listed newest first: past the first wanted year, stop paging.
        oldest = min((link.year for link in links if link.year), default=None)
        if (next_page := fx361.next_page(response)) and not (
            self.years and oldest is not None and oldest < self.years[0]
        ):
            yield response.follow(next_page, callback=self.parse_journal)

    def _wanted_year(self, year: int | None) -> bool:
        return self.years is None or (year is not None and self.years[0] <= year <= self.years[1])

    def _complete(self, journal: str | None, link: fx361.IssueLink) -> bool:
        if self.mode != "incremental" or self.stored is None:
            return False  # archive and full walk every issue
        if not journal or link.year is None or not link.issue:
            return False
        return self.stored.issue_complete(journal, link.year, link.issue)

    def parse_issue(self, response: TextResponse) -> Iterator[Request]:
        urls = list(dict.fromkeys(fx361.article_links(response)))
        skip = self.stored.stored(urls) if self.stored else set()
        if skip:
            self.crawler.stats.inc_value("incremental/skipped_stored", len(skip))
        for url in urls:  # each article carries how many the table of contents lists
            if url not in skip:
                yield response.follow(
                    url,
                    callback=self.parse_article,
                    cb_kwargs={"toc": len(urls)},
                    meta={ARTICLE_PAGE: True},
                )

    def parse_article(self, response: Response, toc: int | None = None) -> Iterator[Article]:
        try:
            article = sites.article_parser(self.settings)(response)
            article.toc_count = toc
            yield article
        except sites.NotAnArticle:
            self.crawler.stats.inc_value("article/not_an_article")
            self.logger.warning("not an article page: %s", response.url)
