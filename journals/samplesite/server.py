"""Serve the sample site on loopback, all hosts on one port: the aggregator's
desktop host (`www.`) on 127.0.0.1, its mobile host (`m.`) on 127.0.0.3, and the
mirror host (a copy site, serving the seed article) on 127.0.0.2.

The aggregator's pages and URL shapes are those of `docs/fx361.md` ("The model"):
`render` writes the desktop pages, `mobilepages` the mobile ones. Besides the
pages, the desktop host answers `/bk/<code>/` with a 301 to
`/bk/<code>/index.html`, and one article (`REDIRECTED_PATH`) with a 301 to its
mobile page, so a crawl must follow a redirect from `www.` to `m.`.

`start(variant=...)` serves the aggregator changed for a test: `RENAMED` (every
class and id renamed, the URLs kept), `EMPTY_YEARS` (year pages list no issue),
`EMPTY_ISSUE` (the issue `EMPTY_ISSUE_AT`, at `EMPTY_ISSUE_PATH`, lists no article).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache, partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from journals.samplesite import copysite, render
from journals.samplesite.chrome import rename_attributes
from journals.samplesite.corpus import SampleArticle, SampleIssue, SampleJournal, build_corpus
from journals.samplesite.mobilepages import mobile_article_page
from journals.samplesite.sitepaths import article_path, issue_slug, journal_path, mobile_path

AGGREGATOR_HOST = "127.0.0.1"
MIRROR_HOST = "127.0.0.2"
MOBILE_HOST = "127.0.0.3"
ROBOTS = "User-agent: *\nDisallow: /search\nDisallow: /ad/\n"

# The variants `start` can serve; None is the site as the model has it.
RENAMED = "renamed"
EMPTY_YEARS = "empty_years"
EMPTY_ISSUE = "empty_issue"
VARIANTS = (RENAMED, EMPTY_YEARS, EMPTY_ISSUE)
EMPTY_ISSUE_AT = ("tjrd", 2017, "6")  # journal code, year, issue: not its journal's newest
EMPTY_ISSUE_PATH = "/bk/tjrd/20176.html"

# An article page no issue lists, with no journal line: stored flagged
# journal_unknown, its journal filled by a copy that names it.
NO_JOURNAL_PATH = "/page/2019/0301/9000001.shtml"
NO_JOURNAL_POSTED_AT = datetime(2019, 3, 1, 10, 26, 37)
# The desktop article that answers with a 301 to its mobile page.
REDIRECTED_PATH = "/page/2018/0807/4992857.shtml"

_JOURNAL_DIR = re.compile(r"^/bk/(?P<code>[a-z0-9]+)/$")
_JOURNAL = re.compile(r"^/bk/(?P<code>[a-z0-9]+)/index\.html$")
_YEAR = re.compile(r"^/bk/(?P<code>[a-z0-9]+)/history_(?P<year>\d{4})\.html$")
_ISSUE = re.compile(r"^/bk/(?P<code>[a-z0-9]+)/(?P<slug>\d{4}(?:\d{1,2}|z\d+))\.html$")
_CATEGORY = re.compile(r"^/bk/(?P<cat>[a-z]+)\.html$")

Found = tuple[SampleJournal, SampleIssue, SampleArticle]


@dataclass(frozen=True)
class Reply:
    """What a host answers: a page (200), a redirect (301 and `location`) or 404."""

    status: int
    body: str = ""
    location: str = ""


NOT_FOUND = Reply(404, "<html><body><h1>404 页面不存在</h1></body></html>\n")


@dataclass(frozen=True)
class _Index:
    journals: dict[str, SampleJournal]
    issues: dict[tuple[str, str], SampleIssue]
    desktop: dict[str, Found]  # article path → its journal, issue and article
    mobile: dict[str, Found]


@cache
def _index() -> _Index:
    journals = {j.code: j for j in build_corpus()}
    found = [(j, i, a) for j in journals.values() for i in j.issues for a in i.articles]
    return _Index(
        journals=journals,
        issues={(j.code, issue_slug(i)): i for j in journals.values() for i in j.issues},
        desktop={article_path(f[2]): f for f in found},
        mobile={mobile_path(f[2]): f for f in found},
    )


def _related(found: Found) -> list[Found]:
    """Five other articles, as the aggregator's 猜你喜欢 block shows them."""
    others = [f for f in _index().desktop.values() if f[2].id != found[2].id]
    start = found[2].id % len(others)
    return (others + others)[start : start + 5]


def _no_journal_page() -> str:
    journal, issue, article = next(iter(_index().desktop.values()))
    article = replace(article, id=9000001, posted_at=NO_JOURNAL_POSTED_AT)
    return render.article_page(journal, issue, article, related=[], source_line=False)


def _check(variant: str | None) -> None:
    if variant is not None and variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}; one of {', '.join(VARIANTS)}")


def _finish(html: str | None, variant: str | None) -> str | None:
    return rename_attributes(html) if html is not None and variant == RENAMED else html


def aggregator_page(path: str, variant: str | None = None) -> str | None:
    """The desktop host's HTML for a path, or None where it has no page. The
    article at `REDIRECTED_PATH` has its page here too: the served site answers
    that path with a redirect instead (`desktop_reply`)."""
    _check(variant)
    index = _index()
    html: str | None = None
    if path == "/":
        html = render.home_page(tuple(index.journals.values()))
    elif m := _CATEGORY.match(path):
        html = render.category_page(m["cat"], tuple(index.journals.values()))
    elif (m := _JOURNAL.match(path)) and m["code"] in index.journals:
        html = render.journal_page(index.journals[m["code"]])
    elif (m := _YEAR.match(path)) and m["code"] in index.journals:
        listed = variant != EMPTY_YEARS
        html = render.year_page(index.journals[m["code"]], int(m["year"]), listed=listed)
    elif (m := _ISSUE.match(path)) and (m["code"], m["slug"]) in index.issues:
        issue = index.issues[m["code"], m["slug"]]
        emptied = variant == EMPTY_ISSUE and (m["code"], issue.year, issue.issue) == EMPTY_ISSUE_AT
        html = render.issue_page(index.journals[m["code"]], issue, listed=not emptied)
    elif path == NO_JOURNAL_PATH:
        html = _no_journal_page()
    elif path in index.desktop:
        html = render.article_page(*index.desktop[path], related=_related(index.desktop[path]))
    return _finish(html, variant)


def mobile_page(path: str, variant: str | None = None) -> str | None:
    """The mobile host's HTML for a path (an article's `/news/…` page), or None."""
    _check(variant)
    found = _index().mobile.get(path)
    if found is None:
        return None
    return _finish(mobile_article_page(*found, related=_related(found)), variant)


def mirror_page(path: str) -> str | None:
    return copysite.seed_page() if path == copysite.SEED_PATH else None


def desktop_reply(path: str, variant: str | None = None, mobile_url: str = "") -> Reply:
    """What the desktop host answers, redirects included; `mobile_url` is the
    mobile host's base URL (without it, `REDIRECTED_PATH` serves its page)."""
    if path == REDIRECTED_PATH and mobile_url:
        return Reply(301, location=mobile_url + mobile_path(_index().desktop[path][2]))
    if (m := _JOURNAL_DIR.match(path)) and m["code"] in _index().journals:
        return Reply(301, location=journal_path(m["code"]))
    html = aggregator_page(path, variant)
    return NOT_FOUND if html is None else Reply(200, html)


Site = Callable[[str], "str | Reply | None"]


class _Handler(BaseHTTPRequestHandler):
    server_version = "SampleSite/1.0"
    site: staticmethod

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        path = self.path.split("?", 1)[0]
        if path == "/robots.txt":
            self._send(Reply(200, ROBOTS), "text/plain")
            return
        reply = self.site(path)
        if reply is None:
            reply = NOT_FOUND
        elif isinstance(reply, str):
            reply = Reply(200, reply)
        self._send(reply, "text/html")

    def _send(self, reply: Reply, ctype: str) -> None:
        body = reply.body
        if reply.location and not body:
            body = f'<html><body><a href="{reply.location}">Moved Permanently</a></body></html>\n'
        data = body.encode("utf-8")
        self.send_response(reply.status)
        if reply.location:
            self.send_header("Location", reply.location)
        self.send_header("Content-Type", f"{ctype}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # a crawl makes hundreds of requests; the crawler logs its own


def _server(host: str, port: int, site: Site) -> ThreadingHTTPServer:
    """A server for one host; `site` maps a path to its HTML, a `Reply`, or None (404)."""
    handler = type("Handler", (_Handler,), {"site": staticmethod(site)})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


@dataclass
class SampleSite:
    """The running sample site: `base_url` the aggregator's desktop host,
    `mobile_url` its mobile host, `mirror_url` the copy site."""

    servers: tuple[ThreadingHTTPServer, ...]
    variant: str | None = None

    @property
    def port(self) -> int:
        return self.servers[0].server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://{AGGREGATOR_HOST}:{self.port}"

    @property
    def mobile_url(self) -> str:
        return f"http://{MOBILE_HOST}:{self.port}"

    @property
    def mirror_url(self) -> str:
        return f"http://{MIRROR_HOST}:{self.port}"

    @property
    def seed_url(self) -> str:
        return self.mirror_url + copysite.SEED_PATH

    def stop(self) -> None:
        for server in self.servers:
            server.shutdown()
            server.server_close()

    def __enter__(self) -> SampleSite:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start(port: int = 0, *, variant: str | None = None) -> SampleSite:
    """Start the three hosts in background threads; port 0 picks a port free on all."""
    _check(variant)
    mobile = partial(mobile_page, variant=variant)
    for attempt in range(20):
        aggregator = _server(AGGREGATOR_HOST, port, lambda path: NOT_FOUND)  # site set below
        others: list[ThreadingHTTPServer] = []
        try:
            bound = aggregator.server_address[1]
            others.append(_server(MIRROR_HOST, bound, mirror_page))
            others.append(_server(MOBILE_HOST, bound, mobile))
            break
        except OSError:
            for server in (aggregator, *others):
                server.server_close()
            if port != 0 or attempt == 19:  # a port free here may be taken on another host
                raise
    site = SampleSite((aggregator, *others), variant)
    desktop = partial(desktop_reply, variant=variant, mobile_url=site.mobile_url)
    aggregator.RequestHandlerClass.site = staticmethod(desktop)  # type: ignore[attr-defined]
    for server in site.servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    return site
