"""`journals check-site`: is the aggregator still as the crawler reads it?

One page of each kind is fetched, each from the one before: the home page,
a category page, a journal's home, the year page it links to, an issue of
that year, an article of that issue (desktop) and its mobile page: seven
requests, one a second, with the crawler's user agent (robots.txt is not
read for seven requests). Each page is read as the crawler reads it
(crawler/sites/fx361.py and fx361nav.py), and what each selector and each URL
shape finds is counted.

A page kind whose selectors find what they should is `ok`. One where a
selector the crawler relies on finds nothing is a `miss`: the crawl goes on
by the links' URL shapes (or, on article pages, the generic extractor), and
ends `degraded`; check-site then exits 3 (ExitStatus.DEGRADED). A page that
cannot be fetched, or where neither the selectors nor the URL shapes lead to
the next page, is `failed`: the pages after it are not reached, and
check-site exits 1 (ExitStatus.FAILED). The last line names the page kinds.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from scrapy.http import HtmlResponse

from crawler.exitstatus import ExitStatus
from crawler.sites import fx361, fx361nav

TIMEOUT = 30.0


@dataclass(frozen=True)
class Probe:
    """What one selector or URL shape found on a page."""

    what: str  # `selector .navBox a`, `URL shape /bk/<cat>.html`
    count: int
    needed: bool = True  # the crawler relies on it: finding nothing is a miss

    @property
    def missed(self) -> bool:
        return self.needed and self.count == 0


@dataclass
class Page:
    kind: str
    url: str
    probes: list[Probe] = field(default_factory=list)
    error: str = ""  # could not be fetched, or led nowhere
    next_url: str | None = None

    @property
    def status(self) -> str:
        if self.error:
            return "failed"
        return "miss" if any(p.missed for p in self.probes) else "ok"

    def misses(self) -> list[str]:
        return [p.what.removeprefix("selector ") for p in self.probes if p.missed]


def fetch(url: str, user_agent: str) -> HtmlResponse:
    """The page at `url` (redirects followed), as the crawler's parsers take it."""
    request = urllib.request.Request(url, headers={"User-Agent": user_agent})
    with urllib.request.urlopen(request, timeout=TIMEOUT) as reply:
        body = reply.read()
        headers = {"Content-Type": reply.headers.get("Content-Type", "text/html")}
        return HtmlResponse(reply.geturl(), body=body, headers=headers)


def selector(response: HtmlResponse, css: str, needed: bool = True) -> Probe:
    return Probe(f"selector {css}", len(response.css(css)), needed)


def shape(response: HtmlResponse, kind: str, same: bool = False) -> Probe:
    """The on-site links whose path has the URL shape of `kind`'s pages
    (`same`: of the page's journal)."""
    host, code = urlsplit(response.url).hostname, fx361nav.code_of(response.url)
    urls = set()
    for href in response.css("a::attr(href)").getall():
        url = response.urljoin(href)
        parts = urlsplit(url)
        ours = not same or code is None or fx361nav.code_of(url) == code
        if parts.hostname == host and fx361.kind_of(url) == kind and ours:
            urls.add(url)
    return Probe(f"URL shape {fx361.SHAPES[kind]}", len(urls), needed=False)


def read_home(response: HtmlResponse) -> tuple[list[Probe], str | None]:
    probes = [
        selector(response, fx361nav.CATEGORY_LINKS),
        shape(response, "category"),
    ]
    links = fx361nav.categories(response).found
    return probes, links[0] if links else None


def read_category(response: HtmlResponse) -> tuple[list[Probe], str | None]:
    rows = fx361nav.JOURNAL_ENTRIES
    probes = [
        selector(response, rows),
        selector(response, f"{rows} {fx361nav.JOURNAL_LINK}"),
        selector(response, f"{rows} {fx361nav.JOURNAL_NAME}"),
        selector(response, f"{rows} {fx361nav.JOURNAL_LATEST}", needed=False),
        shape(response, "journal"),
    ]
    entries = fx361nav.journals(response).found
    return probes, entries[0].url if entries else None


def read_journal(response: HtmlResponse) -> tuple[list[Probe], str | None]:
    probes = [
        selector(response, fx361nav.JOURNAL_TITLE),
        selector(response, fx361nav.ISSUE_BOX, needed=False),
        selector(response, fx361nav.YEAR_PAGE_LINK),
        shape(response, "year", same=True),
    ]
    links = fx361nav.year_link(response).found
    return probes, links[0] if links else None


def read_year(response: HtmlResponse) -> tuple[list[Probe], str | None]:
    probes = [
        selector(response, fx361nav.YEAR_TABS),
        selector(response, fx361nav.ISSUE_LINKS),
        shape(response, "year", same=True),
        shape(response, "issue", same=True),
    ]
    issues = fx361nav.issue_links(response).found
    return probes, issues[0].url if issues else None


def read_issue(response: HtmlResponse) -> tuple[list[Probe], str | None]:
    columns = fx361nav.TOC_COLUMNS
    probes = [
        selector(response, columns),
        selector(response, f"{columns} {fx361nav.TOC_COLUMN_NAME}"),
        selector(response, f"{columns} {fx361nav.TOC_LINKS}"),
        shape(response, "article"),
    ]
    toc = fx361nav.toc(response).found
    return probes, toc[0].url if toc else None


def read_article(response: HtmlResponse) -> tuple[list[Probe], str | None]:
    body = Probe(
        f"selector {fx361.BODY_TXT} or {fx361.BODY_P}",
        len(response.css(fx361.BODY_TXT) or response.css(fx361.BODY_P)),
    )
    probes = [
        selector(response, fx361.TITLE),
        selector(response, fx361.TIME_SOURCE),
        selector(response, fx361.KEYWORDS, needed=False),
        body,
        selector(response, fx361.RELATED, needed=False),
    ]
    return probes, fx361.mobile_path(response.url)


def read_mobile(response: HtmlResponse) -> tuple[list[Probe], str | None]:
    probes = [
        selector(response, fx361.M_TITLE),
        selector(response, fx361.M_TIME),
        selector(response, fx361.M_BODY),
        selector(response, fx361.M_OTHERS, needed=False),
    ]
    return probes, None


READERS: dict[str, Callable[[HtmlResponse], tuple[list[Probe], str | None]]] = {
    "home page": read_home,
    "category page": read_category,
    "journal home": read_journal,
    "year page": read_year,
    "issue page": read_issue,
    "article page": read_article,
    "mobile article page": read_mobile,
}


def check(
    base_url: str,
    mobile_url: str,
    user_agent: str,
    delay: float = 1.0,
    journal: str | None = None,
) -> Iterator[Page]:
    """Each page kind in turn, fetched and read; stops at a page that fails.
    `journal`: a code whose home is checked instead of the category's first."""
    base, mobile = base_url.rstrip("/"), mobile_url.rstrip("/")
    url: str | None = base + "/"
    for n, (kind, read) in enumerate(READERS.items()):
        if kind == "journal home" and journal:
            url = f"{base}/bk/{journal}/index.html"
        if kind == "mobile article page" and url is not None:
            url = mobile + url
        if url is None:
            return
        if n:
            time.sleep(delay)
        page = Page(kind, url)
        try:
            response = fetch(url, user_agent)
        except (urllib.error.URLError, OSError, ValueError) as exc:
            page.error = f"cannot fetch it: {getattr(exc, 'reason', exc)}"
            yield page
            return
        page.url = response.url
        page.probes, page.next_url = read(response)
        if page.next_url is None and kind != "mobile article page":
            page.error = "nothing on it leads to the next page, by selector or by URL shape"
        yield page
        if page.error:
            return
        url = page.next_url


def report(pages: list[Page]) -> tuple[list[str], ExitStatus]:
    """The lines to print, and the exit status."""
    lines: list[str] = []
    for page in pages:
        lines.append(f"{page.kind:<20} {page.status:<7} {page.url}")
        for probe in page.probes:
            mark = "MISS" if probe.missed else ("ok" if probe.needed else "")
            lines.append(f"    {mark:<5} {probe.what:<64} {probe.count:>5}")
        if page.error:
            lines.append(f"    {page.error}")
    reached = {page.kind for page in pages}
    unreached = [kind for kind in READERS if kind not in reached]
    missed = [f"{p.kind} ({', '.join(p.misses())})" for p in pages if p.misses()]
    found = f"selectors found nothing on: {'; '.join(missed)}"
    failed = next((p for p in pages if p.error), None)
    if failed is not None or unreached:
        status = ExitStatus.FAILED
        last = f"failed at the {failed.kind}: {failed.error}" if failed else "failed"
        if unreached:
            last += f"; not reached: {', '.join(unreached)}"
        if missed:
            last += f"; {found}"
    elif missed:
        status = ExitStatus.DEGRADED
        last = f"degraded: {found} (a crawl goes on by URL shape and ends degraded)"
    else:
        status, last = ExitStatus.OK, "ok: every page kind as docs/fx361.md describes it"
    lines.append(f"check-site: {last}")
    return lines, status
