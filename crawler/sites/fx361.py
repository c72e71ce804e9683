"""fx361.com (参考网), the periodical aggregator: its journal list, journal
pages, issue pages and desktop article pages (`/page/YYYY/MMDD/<id>.shtml`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from scrapy.http import TextResponse

from crawler import fields
from crawler.items import Article
from crawler.loaders import ArticleLoader

DEFAULT_BASE_URL = "https://www.fx361.com"

# Navigation
JOURNAL_LINKS = "ul.journal-list li a"
JOURNAL_NAME = "h1.journal-name::text"
ISSUE_LINKS = "div.issue-years dd a"
NEXT_PAGE = "div.pages a.next::attr(href)"
TOC_LINKS = "ul.toc li a.toc-title::attr(href)"

# Article page
TITLE = "div.article h1.article-title::text"
SUBTITLE = "div.article .article-subtitle::text"
POSTED_TIME = "div.article-info span.time::text"
BYLINE = "div.article-info span.author::text"
JOURNAL = "div.article-source a.journal::text"
ISSUE = "div.article-source a.issue::text"
KEYWORDS = "div.article-keywords a::text"
BODY_BLOCKS = "//div[@class='article-content']/*[self::p or self::h2 or self::h3 or self::h4]"

ARTICLE_PATH = re.compile(r"^/(?:page/\d{4}/\d{4}/\d+\.shtml|news/\d{4}/\d{4}/\d+\.html)$")


@dataclass(frozen=True)
class JournalLink:
    name: str
    url: str


@dataclass(frozen=True)
class IssueLink:
    url: str
    label: str
    year: int | None
    issue: str | None = None  # `9`, `Z1`, `1-2`, as the label gives it


def journal_links(response: TextResponse) -> list[JournalLink]:
    """The journals on the aggregator's journal list page."""
    return [
        JournalLink(
            name=(a.attrib.get("title") or a.css("::text").get("")).strip(),
            url=response.urljoin(a.attrib["href"]),
        )
        for a in response.css(JOURNAL_LINKS)
        if a.attrib.get("href")
    ]


def journal_name(response: TextResponse) -> str | None:
    name = response.css(JOURNAL_NAME).get()
    return name.strip() if name else None


def issue_links(response: TextResponse) -> list[IssueLink]:
    """The issues one page of a journal lists, newest first."""
    links = []
    for a in response.css(ISSUE_LINKS):
        label = a.css("::text").get("").strip()
        parsed = fields.issue_label(label)
        links.append(
            IssueLink(
                response.urljoin(a.attrib["href"]),
                label,
                parsed.year if parsed else None,
                parsed.issue if parsed else None,
            )
        )
    return links


def next_page(response: TextResponse) -> str | None:
    href = response.css(NEXT_PAGE).get()
    return response.urljoin(href) if href else None


def article_links(response: TextResponse) -> list[str]:
    """The articles an issue page lists (its table of contents)."""
    return [response.urljoin(href) for href in response.css(TOC_LINKS).getall()]


def is_article_url(url: str) -> bool:
    return bool(ARTICLE_PATH.match(urlsplit(url).path))


def matches(response: TextResponse) -> bool:
    """The aggregator's own article page: its address and its markup (other
    sites' templates use `div.article-content` too)."""
    path = urlsplit(response.url).path
    return bool(ARTICLE_PATH.match(path) and response.css("div.article div.article-content"))


def parse_article(response: TextResponse) -> Article:
    loader = ArticleLoader(response=response)
    loader.add_value(
        "title", fields.clean_title(response.css(TITLE).get(""), response.css(SUBTITLE).get(""))
    )
    byline = loader.add_posted_line(
        " ".join(response.css(POSTED_TIME).getall() + response.css(BYLINE).getall())
    )
    blocks = [b.xpath("string()").get("") for b in response.xpath(BODY_BLOCKS)]
    first_line = blocks[0] if blocks else ""
    loader.add_value("authors", fields.byline_authors(byline, first_line))
    loader.add_issue_line(response.css(JOURNAL).get(), response.css(ISSUE).get())
    loader.add_css("keywords", KEYWORDS)
    loader.add_value("body", blocks)
    return loader.load_item()
