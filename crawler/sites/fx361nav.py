"""The aggregator's navigation pages, read by their selectors first and by the
shape of their links' URLs where the selectors find nothing (a redesign that
keeps the URLs keeps the crawl going; the spider counts and reports each
fallback).

Every selector is taken from public code that reads fx361.com, as
docs/fx361.md lists it (source, year seen):

- home `.navBox a` (CATEGORY_LINKS): the category pages; GSIL-Monitor/
  MyApplication3 (`ClassFragment`), 2017–2018, and the same author's earlier
  reader, 2017.
- category `.rowWrap.mb20 li` (JOURNAL_ENTRIES) with `p.pel_m_pic a`
  (JOURNAL_LINK: href `/bk/<code>/index.html`), `p.pel_name` (JOURNAL_NAME),
  `p.pel_time` (JOURNAL_LATEST: `2018年42期`); MyApplication3
  (`MagazineListFragment`), 2017–2018; the legado book source, 2024.
- journal home `.dirWrap h3` (JOURNAL_TITLE; the earlier reader, 2017),
  `.magBox1` (ISSUE_BOX, its first `p` the issue label; the earlier reader,
  2017), `.btn_history.act_history` (YEAR_PAGE_LINK; MyApplication3's
  `MagazineDetailActivity`, 2017–2018).
- year page `.selBox a` (YEAR_TABS; MyApplication3's `MagzineHistoryFragment`,
  2017–2018) and `.results a` (ISSUE_LINKS, `span`s inside: name and label;
  MyApplication3, and TonyLee1024/AIPa's `history_2020.html` example, about
  2020).
- issue `#dirList .dirItem02` (TOC_COLUMNS) with `h5` (the column, 栏目) and
  `ul li a` (TOC_LINKS); MyApplication3's `MagazineDirectoryActivity`,
  2017–2018, AIPa about 2020, the BeautifulSoup issue scraper about 2021;
  `<h5>` headings over a `ul` of `a[title]`: kanasimi/wikibot, 2018.

The URL shapes are `crawler.sites.fx361`'s. Each function returns `Links`:
what it found and how (`selector`, `url` for the URL-shape fallback, or
`none`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar
from urllib.parse import urlsplit

from parsel import Selector
from scrapy.http import TextResponse

from crawler import fields
from crawler.loaders import squash_spaces
from crawler.sites.fx361 import (
    CATEGORY_PATH,
    ISSUE_PATH,
    JOURNAL_PATH,
    SHAPES,
    YEAR_PATH,
    is_article_url,
)

CATEGORY_LINKS = ".navBox a"
JOURNAL_ENTRIES = ".rowWrap.mb20 li"
JOURNAL_LINK = "p.pel_m_pic a"
JOURNAL_NAME = "p.pel_name"
JOURNAL_LATEST = "p.pel_time"
JOURNAL_TITLE = ".dirWrap h3"
ISSUE_BOX = ".magBox1"
YEAR_PAGE_LINK = ".btn_history.act_history"
YEAR_TABS = ".selBox a"
ISSUE_LINKS = ".results a"
TOC_COLUMNS = "#dirList .dirItem02"
TOC_COLUMN_NAME = "h5"
TOC_LINKS = "ul li a"

T = TypeVar("T")


@dataclass(frozen=True)
class Kind:
    """A kind of link the walk follows: the page kind it is read from, the
    selector, and the URL shape that stands in for it."""

    page: str
    what: str
    selector: str
    shape: str


# By the name the stats use: navigation/fallback/<name>, navigation/empty/<name>.
KINDS = {
    "categories": Kind("home page", "category links", CATEGORY_LINKS, SHAPES["category"]),
    "journals": Kind("category page", "journals", JOURNAL_ENTRIES, SHAPES["journal"]),
    "year_link": Kind("journal home", "link to its year pages", YEAR_PAGE_LINK, SHAPES["year"]),
    "year_tabs": Kind("year page", "year tabs", YEAR_TABS, SHAPES["year"]),
    "issues": Kind("year page", "issue links", ISSUE_LINKS, SHAPES["issue"]),
    "articles": Kind("issue page", "articles", f"{TOC_COLUMNS} {TOC_LINKS}", SHAPES["article"]),
}


@dataclass(frozen=True)
class Links(Generic[T]):
    found: tuple[T, ...]
    by: str  # "selector", "url" (the URL-shape fallback) or "none"

    def __bool__(self) -> bool:
        return bool(self.found)

    def __len__(self) -> int:
        return len(self.found)


@dataclass(frozen=True)
class JournalEntry:
    name: str
    url: str
    code: str | None
    latest: str | None = None  # the newest issue's label, `2018年9期`


@dataclass(frozen=True)
class YearLink:
    year: int | None
    url: str


@dataclass(frozen=True)
class IssueLink:
    url: str
    label: str
    year: int | None
    issue: str | None = None  # `9`, `Z1`, `1-2`, as the label gives it


@dataclass(frozen=True)
class TocEntry:
    url: str
    title: str
    column: str | None  # 栏目; None where the page's markup is not understood
    position: int  # 1-based, in page order


def _text(node: Selector) -> str:
    return squash_spaces(node.xpath("string()").get(""))


def _unique(items: Iterable[T], key: Callable[[T], str]) -> tuple[T, ...]:
    seen: dict[str, T] = {}
    for item in items:
        seen.setdefault(key(item), item)
    return tuple(seen.values())


def _choose(by_selector: Iterable[T], by_shape: Callable[[], Iterable[T]]) -> Links[T]:
    found = tuple(by_selector)
    if found:
        return Links(found, "selector")
    fallback = tuple(by_shape())
    return Links(fallback, "url" if fallback else "none")


def _shaped(response: TextResponse, shape: re.Pattern[str]) -> list[tuple[str, Selector]]:
    """(absolute URL, link) of every on-site link whose path has `shape`."""
    found = []
    host = urlsplit(response.url).hostname
    for a in response.css("a[href]"):
        url = response.urljoin(a.attrib["href"])
        parts = urlsplit(url)
        if parts.hostname == host and shape.match(parts.path):
            found.append((url, a))
    return found


def code_of(url: str) -> str | None:
    path = urlsplit(url).path
    for shape in (JOURNAL_PATH, YEAR_PATH, ISSUE_PATH):
        if match := shape.match(path):
            return match["code"]
    return None


def categories(response: TextResponse) -> Links[str]:
    """The category pages the home page links to (`.navBox a`, the home
    page's own link left out)."""

    def selected() -> Iterable[str]:
        for a in response.css(CATEGORY_LINKS):
            url = response.urljoin(a.attrib.get("href", ""))
            if urlsplit(url).path not in ("", "/") and url.startswith(("http://", "https://")):
                yield url

    found = _choose(
        _unique(selected(), str),
        lambda: _unique((u for u, _ in _shaped(response, CATEGORY_PATH)), str),
    )
    return found


def journals(response: TextResponse) -> Links[JournalEntry]:
    """The journals a category page lists: name, journal-home URL, code and
    the newest issue's label."""

    def selected() -> Iterable[JournalEntry]:
        for li in response.css(JOURNAL_ENTRIES):
            links = li.css(JOURNAL_LINK) or li.css("a[href]")
            if not links:
                continue
            url = response.urljoin(links[0].attrib["href"])
            name = _text(li.css(JOURNAL_NAME)[0]) if li.css(JOURNAL_NAME) else _name_of([links[0]])
            latest = _text(li.css(JOURNAL_LATEST)[0]) if li.css(JOURNAL_LATEST) else None
            if name:
                yield JournalEntry(name, url, code_of(url), latest or None)

    def shaped() -> Iterable[JournalEntry]:
        groups: dict[str, list[Selector]] = {}
        for url, a in _shaped(response, JOURNAL_PATH):
            groups.setdefault(url, []).append(a)
        for url, links in groups.items():
            if name := _name_of(links):
                yield JournalEntry(name, url, code_of(url))

    return _choose(_unique(selected(), lambda e: e.url), shaped)


def _name_of(links: list[Selector]) -> str:
    """A journal's name from the links to its home: the longest text, title or
    image description among them."""
    names = [_text(a) for a in links]
    names += [a.attrib.get("title", "") for a in links]
    names += [alt for a in links for alt in a.css("img::attr(alt)").getall()]
    names = [squash_spaces(n) for n in names if n.strip()]
    return max(names, key=len, default="")


def journal_title(response: TextResponse) -> str | None:
    """The journal's name on its home or issue page: `.dirWrap h3`, else the
    page's first `h3`."""
    for heading in (response.css(JOURNAL_TITLE), response.css("h3")):
        if heading and (name := _text(heading[0])):
            return name
    return None


def year_link(response: TextResponse) -> Links[str]:
    """The journal home's link to its year pages (the newest year's)."""
    link = response.css(YEAR_PAGE_LINK)
    href = link[0].attrib.get("href") if link else None

    def shaped() -> list[str]:
        code = code_of(response.url)
        found = {
            u: int(YEAR_PATH.match(urlsplit(u).path)["year"])  # type: ignore[index]
            for u, _ in _shaped(response, YEAR_PATH)
            if code is None or code_of(u) == code
        }
        return sorted(found, key=found.__getitem__, reverse=True)[:1]

    return _choose([response.urljoin(href)] if href else [], shaped)


def page_year(url: str) -> int | None:
    match = YEAR_PATH.match(urlsplit(url).path)
    return int(match["year"]) if match else None


def year_tabs(response: TextResponse) -> Links[YearLink]:
    """The year pages a year page's tabs link to, newest first."""

    def link(url: str, text: str) -> YearLink:
        year = page_year(url)
        if year is None and (m := re.search(r"(?:19|20)\d\d", text)):
            year = int(m[0])
        return YearLink(year, url)

    def ordered(links: Iterable[YearLink]) -> tuple[YearLink, ...]:
        unique = _unique(links, lambda y: y.url)
        return tuple(sorted(unique, key=lambda y: -(y.year or 0)))

    code = code_of(response.url)
    selected = (
        link(response.urljoin(a.attrib["href"]), _text(a))
        for a in response.css(YEAR_TABS + "[href]")
    )
    return _choose(
        ordered(selected),
        lambda: ordered(
            link(u, _text(a)) for u, a in _shaped(response, YEAR_PATH) if code in (None, code_of(u))
        ),
    )


def issue_link(url: str, a: Selector) -> IssueLink:
    """An issue link: its label from the `span` that reads as one, else from
    the whole link text (never from the URL)."""
    texts = [_text(s) for s in a.css("span")] + [_text(a)]
    for text in texts:
        if parsed := fields.issue_label(text):
            match = re.search(r"(?:19|20)\d\d\s*[年(（].*?(?:期|\))", text)
            label = match[0] if match else text
            return IssueLink(url, label, parsed.year, parsed.issue)
    return IssueLink(url, texts[-1], None, None)


def issue_links(response: TextResponse) -> Links[IssueLink]:
    """The issues a year page lists, in page order (newest first). By URL
    shape: the links to issue pages of the page's journal and year."""
    code, year = code_of(response.url), page_year(response.url)

    def shaped() -> Iterable[IssueLink]:
        for url, a in _shaped(response, ISSUE_PATH):
            match = ISSUE_PATH.match(urlsplit(url).path)
            assert match is not None
            if code in (None, match["code"]) and year in (None, int(match["year"])):
                yield issue_link(url, a)

    selected = (
        issue_link(response.urljoin(a.attrib["href"]), a) for a in response.css(ISSUE_LINKS)
    )
    return _choose(
        _unique((i for i in selected if i.url), lambda i: i.url),
        lambda: _unique(shaped(), lambda i: i.url),
    )


def toc(response: TextResponse) -> Links[TocEntry]:
    """An issue page's table of contents: each article's URL, title, column
    and position (1-based, page order). By URL shape: every link to an
    article page, its column unknown."""

    def selected() -> Iterable[tuple[str, str, str | None]]:
        for block in response.css(TOC_COLUMNS):
            heading = block.css(TOC_COLUMN_NAME)
            column = (_text(heading[0]) or None) if heading else None
            for a in block.css(TOC_LINKS + "[href]"):
                yield response.urljoin(a.attrib["href"]), _title(a), column

    def shaped() -> Iterable[tuple[str, str, str | None]]:
        for a in response.css("a[href]"):
            url = response.urljoin(a.attrib["href"])
            if is_article_url(url):
                yield url, _title(a), None

    found = _choose(_unique(selected(), lambda e: e[0]), lambda: _unique(shaped(), lambda e: e[0]))
    entries = tuple(TocEntry(u, t, c, n) for n, (u, t, c) in enumerate(found.found, 1))
    return Links(entries, found.by)


def _title(a: Selector) -> str:
    return _text(a) or squash_spaces(a.attrib.get("title", ""))


def issue_of_page(response: TextResponse) -> tuple[str | None, fields.IssueLabel | None, str]:
    """An issue page's own journal, issue and label: the name from `.dirWrap
    h3` (or the first `h3`), the label from `.magBox1`'s first `p`, else
    from the page's title."""
    journal = journal_title(response)
    candidates = [_text(p) for p in response.css(f"{ISSUE_BOX} p")[:1]]
    candidates.append(squash_spaces(response.css("title::text").get("")))
    for text in candidates:
        if parsed := fields.issue_label(text):
            match = re.search(r"(?:19|20)\d\d\s*年.*?期", text)
            label = match[0] if match else text
            if journal is None and match:
                journal = text[: match.start()].strip(" -_|《》") or None
            return journal, parsed, label
    return journal, None, ""
