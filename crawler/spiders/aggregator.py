"""Walk the aggregator as docs/fx361.md describes it: home → category pages →
journal homes → year pages → issues → articles."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.http import Request, Response, TextResponse
from scrapy.settings import BaseSettings

from crawler import contents, fields, sites
from crawler.arguments import BadArgument, parse_url, parse_years, split_list
from crawler.extensions.navigation import NavigationLog
from crawler.incremental import StoredArticles, parse_mode, parse_refresh
from crawler.items import Article
from crawler.meta import ARTICLE_PAGE
from crawler.sites import fx361, fx361nav
from pipelines.db.catalogue import catalogue

# Request meta: a page read to find journals by name (home and category pages).
SEEK = "fx361_seek"
# A journal home that may not be there (a code given or taken from the catalogue).
MAYBE_MISSING = {"handle_httpstatus_list": [404, 410]}
CODE = re.compile(r"[A-Za-z0-9_-]+")


class Fx361Spider(scrapy.Spider):
    """Arguments: `journal` (names, fx361 codes or journal-home URLs,
    comma-separated), `years` (`2018` or `2016-2019`), `issue` (an issue-page
    URL). With none, every journal of every category page is walked.

    A name is looked up in the catalogue (data/journals.csv) for its code
    (`/bk/<code>/index.html`); a name it lacks, or whose page is missing or
    names another journal, is looked for on the category pages. From a
    journal's home the walk takes the year page it links to, then the other
    years its tabs list (those in `years`), each year's issues, and each
    issue's articles, with the column and position the table of contents
    gives them. Pages whose selectors find nothing are read by their links'
    URL shapes, and what is not found at all is an alarm
    (crawler/extensions/navigation.py).

    `mode`: `incremental` (the default) fetches no article page whose article
    is stored and walks a journal's issues newest first, year after year,
    down to the first issue complete in the database; `archive` walks every
    issue and fetches the articles not stored (a back catalogue, resumable
    with JOBDIR); `full` fetches everything again. `refresh` (days): in
    incremental and archive mode, fetch again articles last fetched longer
    ago than that. The database questions are `crawler.incremental`'s; the
    spider navigates."""

    name = "fx361"

    def __init__(
        self,
        journal: str | None = None,
        years: str | None = None,
        issue: str | None = None,
        base_url: str = fx361.DEFAULT_BASE_URL,
        mobile_url: str = fx361.DEFAULT_MOBILE_URL,
        mode: str | None = None,
        refresh: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.mode = parse_mode(mode)
        self.refresh_days = parse_refresh(refresh)
        self.stored: StoredArticles | None = None
        self.base_url = base_url.rstrip("/")
        self.mobile_url = (mobile_url or fx361.DEFAULT_MOBILE_URL).rstrip("/")
        self.allowed_domains = sorted(
            {urlsplit(url).hostname or "" for url in (self.base_url, self.mobile_url)}
        )
        self.years = parse_years(years)
        self.issue_url = self._on_site("issue", issue) if issue else None
        self.journal_urls: list[str] = []
        self.journal_codes: list[str] = []
        self.journal_names: list[str] = []
        for value in split_list(journal):
            if value.startswith(("http://", "https://")):
                self.journal_urls.append(self._on_site("journal", value))
            elif CODE.fullmatch(value):
                self.journal_codes.append(value)
            else:
                self.journal_names.append(value)
        self.walk_all = not (self.issue_url or self.journal_urls or journal)
        self.nav: NavigationLog | None = None
        self.listed: dict[str, str] = {}  # journal name → home, from the category pages read
        self.seeking: set[str] = set()  # names looked for on the category pages
        self.found: set[str] = set()
        self.walking = False  # the home page is requested
        self.categories_read = 0
        self.homes: set[str] = set()  # journal homes requested, by code (or URL)
        self.unsure = False  # a resumed job skipped pages of the search: it cannot tell

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Fx361Spider:
        kwargs.setdefault("base_url", crawler.settings.get("FX361_BASE_URL"))
        kwargs.setdefault("mobile_url", crawler.settings.get("FX361_MOBILE_URL"))
        spider = super().from_crawler(crawler, *args, **kwargs)
        if crawler.settings.get("REDIS_URL"):
            # Workers share the pages (crawler/frontier/): this one may read
            # only some of the category pages, so it cannot tell a name is missing.
            spider.unsure = True
        if spider.mode in ("incremental", "archive"):
            spider.stored = StoredArticles(crawler.settings["DATABASE_URL"], spider.refresh_days)
        crawler.signals.connect(spider.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(spider.request_dropped, signal=signals.request_dropped)
        return spider

    def closed(self, reason: str) -> None:
        if self.stored is not None:
            self.stored.close()

    @classmethod
    def check_arguments(cls, settings: BaseSettings, **kwargs: Any) -> None:
        """Raise BadArgument for a value the spider cannot use, before a crawl starts."""
        hosts = {
            "base_url": settings.get("FX361_BASE_URL") or fx361.DEFAULT_BASE_URL,
            "mobile_url": settings.get("FX361_MOBILE_URL") or fx361.DEFAULT_MOBILE_URL,
        }
        cls(**{**hosts, **kwargs})

    def _on_site(self, name: str, value: str) -> str:
        url = parse_url(name, value)
        if urlsplit(url).hostname not in self.allowed_domains:
            raise BadArgument(
                name,
                f"{url!r} is not on {self.base_url} or {self.mobile_url}"
                " (settings FX361_BASE_URL, FX361_MOBILE_URL)",
            )
        return url

    @property
    def navigation(self) -> NavigationLog:
        if self.nav is None:  # the crawl's stats exist once it has started
            self.nav = NavigationLog(self.crawler.stats, self.logger)
        return self.nav

    # -- finding the journals ------------------------------------------------------

    async def start(self) -> AsyncIterator[Request]:
        if self.issue_url:
            yield Request(self.issue_url, callback=self.parse_issue)
            return
        for url in self.journal_urls:
            yield Request(url, callback=self.parse_journal, meta=MAYBE_MISSING)
        for code in self.journal_codes:
            if request := self._journal(self._home_of(code), code=code):
                yield request
        for name in self.journal_names:
            entry = catalogue().get(name)
            if entry is not None and entry.fx361_code:
                if request := self._journal(self._home_of(entry.fx361_code), wanted=name):
                    yield request
            else:
                for request in self._seek(name):
                    yield request
        if self.walk_all:
            yield self._home()

    def _home_of(self, code: str) -> str:
        return f"{self.base_url}/bk/{code}/index.html"

    def _home(self) -> Request:
        self.walking = True
        return Request(f"{self.base_url}/", callback=self.parse_home, meta={SEEK: True})

    def _journal(self, url: str, **cb_kwargs: str) -> Request | None:
        """The request for a journal home, once per journal."""
        key = fx361nav.code_of(url) or url
        if key in self.homes:
            return None
        self.homes.add(key)
        return Request(url, callback=self.parse_journal, cb_kwargs=cb_kwargs, meta=MAYBE_MISSING)

    def _seek(self, name: str) -> Iterator[Request]:
        """Look for a journal by name on the category pages."""
        self.seeking.add(name)
        if name in self.listed:
            self.found.add(name)
            if request := self._journal(self.listed[name], name=name):
                yield request
        elif not self.walking:
            yield self._home()

    def parse_home(self, response: TextResponse) -> Iterator[Request]:
        """The category pages the home page links to. (The contracts are for
        `scrapy check fx361`, against the live site; `journals check-site`
        checks every page kind.)

        @url https://www.fx361.com/
        @returns requests 1
        """
        links = fx361nav.categories(response)
        self.navigation.links("categories", links, response.url)
        for url in links.found:
            yield Request(url, callback=self.parse_category, meta={SEEK: True})

    def parse_category(self, response: TextResponse) -> Iterator[Request]:
        """The journal homes a category page lists (those asked for by name).

        @url https://www.fx361.com/bk/szzh.html
        @returns requests 1
        """
        self.categories_read += 1
        entries = fx361nav.journals(response)
        self.navigation.links("journals", entries, response.url)
        for entry in entries.found:
            self.listed.setdefault(entry.name, entry.url)
            wanted = entry.name in self.seeking and entry.name not in self.found
            if wanted:
                self.found.add(entry.name)
            if (wanted or self.walk_all) and (request := self._journal(entry.url, name=entry.name)):
                yield request

    def spider_idle(self) -> None:
        """Every page read: the names looked for and not found are alarms."""
        missing = sorted(self.seeking - self.found)
        self.seeking -= set(missing)
        if self.unsure:
            return
        for name in missing:
            self.navigation.not_found(
                name,
                f"no code in the catalogue that leads to it, and none of the"
                f" {self.categories_read} category pages read lists it",
            )

    def request_dropped(self, request: Request) -> None:
        # Dropped as done in an earlier run of a JOBDIR job: what it found is not known.
        if request.meta.get(SEEK) or "wanted" in request.cb_kwargs:
            self.unsure = True

    # -- a journal's years and issues ---------------------------------------------

    def parse_journal(
        self,
        response: TextResponse,
        wanted: str | None = None,
        code: str | None = None,
        name: str | None = None,
    ) -> Iterator[Request]:
        title = fx361nav.journal_title(response) if response.status < 400 else None
        if wanted is not None:
            if response.status >= 400 or (title and title != wanted):
                why = f"HTTP {response.status}" if response.status >= 400 else f"names {title}"
                entry = catalogue().get(wanted)
                self.crawler.stats.inc_value("navigation/catalogue_miss")
                self.logger.warning(
                    "journal %s: its catalogue code (%s) leads to %s (%s); looking by name",
                    wanted,
                    entry.fx361_evidence if entry else None,
                    response.url,
                    why,
                )
                yield from self._seek(wanted)
                return
            self.found.add(wanted)
        elif response.status >= 400:
            self.navigation.not_found(
                code or response.url, f"no journal home at {response.url} (HTTP {response.status})"
            )
            return
        journal = title or wanted or name
        link = fx361nav.year_link(response)
        self.navigation.links("year_link", link, response.url)
        for url in link.found[:1]:
            yield response.follow(url, callback=self.parse_year, cb_kwargs={"journal": journal})

    def parse_year(
        self, response: TextResponse, journal: str | None = None, rest: list[str] | None = None
    ) -> Iterator[Request]:
        """A year page: its issues, and (on the first one read) the other
        years its tabs list: all at once in archive and full mode, one after
        the other, newest first, in incremental mode (which stops at the
        first complete issue)."""
        tabs = fx361nav.year_tabs(response)
        self.navigation.links("year_tabs", tabs, response.url)
        issues = fx361nav.issue_links(response)
        self.navigation.links("issues", issues, response.url)
        year = fx361nav.page_year(response.url)
        if rest is None:
            rest = [
                tab.url
                for tab in tabs.found
                if tab.year != year and tab.url != response.url and self._wanted_year(tab.year)
            ]
            if self.mode != "incremental":
                for url in rest:
                    yield response.follow(
                        url, callback=self.parse_year, cb_kwargs={"journal": journal, "rest": []}
                    )
                rest = []
        for link in issues.found:
            if not self._wanted_year(link.year or year):
                continue
            if self._complete(journal, link):
                # Newest first: the issues past this one were stored before it.
                self.crawler.stats.inc_value("incremental/stopped_at_complete_issue")
                self.logger.info("%s: stopped at %s, complete in the database", journal, link.label)
                return
            cb_kwargs = {"journal": journal, "label": link.label}
            yield response.follow(link.url, callback=self.parse_issue, cb_kwargs=cb_kwargs)
        if rest:
            cb_kwargs = {"journal": journal, "rest": rest[1:]}
            yield response.follow(rest[0], callback=self.parse_year, cb_kwargs=cb_kwargs)

    def _wanted_year(self, year: int | None) -> bool:
        return self.years is None or (year is not None and self.years[0] <= year <= self.years[1])

    def _complete(self, journal: str | None, link: fx361nav.IssueLink) -> bool:
        if self.mode != "incremental" or self.stored is None:
            return False  # archive and full walk every issue
        if not journal or link.year is None or not link.issue:
            return False
        return self.stored.issue_complete(journal, link.year, link.issue)

    # -- an issue's articles ----------------------------------------------------------

    def parse_issue(
        self, response: TextResponse, journal: str | None = None, label: str | None = None
    ) -> Iterator[Request]:
        """An issue page: each article of its table of contents, with the
        journal, year and issue (from the year page's link, else from the
        issue page itself), its column and its position."""
        toc = fx361nav.toc(response)
        self.navigation.links("articles", toc, response.url)
        own_journal, own_parsed, own_label = fx361nav.issue_of_page(response)
        parsed = fields.issue_label(label) if label else None
        if parsed is None:
            parsed, label = own_parsed, own_label
        about = {
            "toc": len(toc),
            "journal": journal or own_journal,
            "year": parsed.year if parsed else None,
            "issue": parsed.issue if parsed else None,
            "issue_label": label or None,
        }
        skip = self.stored.stored(e.url for e in toc.found) if self.stored else set()
        if skip:
            self.crawler.stats.inc_value("incremental/skipped_stored", len(skip))
        for entry in toc.found:
            if entry.url not in skip:
                yield response.follow(
                    entry.url,
                    callback=self.parse_article,
                    cb_kwargs={**about, "column": entry.column, "position": entry.position},
                    meta={ARTICLE_PAGE: True},
                )

    def parse_article(
        self, response: Response, toc: int | None = None, **listed: Any
    ) -> Iterator[Article]:
        """An article page, with what its issue's contents said of it
        (`listed`: the keyword arguments of `crawler.contents.place`)."""
        try:
            article = sites.article_parser(self.settings)(response)
        except sites.NotAnArticle:
            self.crawler.stats.inc_value("article/not_an_article")
            self.logger.warning("not an article page: %s", response.url)
            return
        article.toc_count = toc
        if contents.place(article, **listed):
            self.crawler.stats.inc_value("article/differs_from_toc")
            self.logger.debug("%s: the page names another issue than its contents", article.url)
        yield article
