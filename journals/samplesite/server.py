"""Serve the sample site on loopback: the aggregator on 127.0.0.1 and the
mirror host (a copy site) on 127.0.0.2, on the same port."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, replace
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from journals.samplesite import copysite, render
from journals.samplesite.corpus import SampleArticle, SampleIssue, SampleJournal, build_corpus

AGGREGATOR_HOST = "127.0.0.1"
MIRROR_HOST = "127.0.0.2"
ROBOTS = "User-agent: *\nDisallow: /search\nDisallow: /ad/\n"

_JOURNAL = re.compile(r"^/bk/(?P<code>[a-z0-9]+)/(?:index_(?P<page>\d+)\.html)?$")
_ISSUE = re.compile(r"^/bk/(?P<code>[a-z0-9]+)/(?P<slug>\d{4}(?:\d\d|z\d+))\.html$")
_ARTICLE = re.compile(r"^/page/\d{4}/\d{4}/(?P<id>\d+)\.shtml$")
# An article page no issue lists, with no journal line (the validate pipeline
# drops it: a record needs its journal).
NO_JOURNAL_PATH = "/page/2019/0301/9000001.shtml"

Found = tuple[SampleJournal, SampleIssue, SampleArticle]


@cache
def _index() -> tuple[
    dict[str, SampleJournal], dict[tuple[str, str], SampleIssue], dict[str, Found]
]:
    journals = {j.code: j for j in build_corpus()}
    issues = {(j.code, render.issue_slug(i)): i for j in journals.values() for i in j.issues}
    articles = {
        render.article_path(a): (j, i, a)
        for j in journals.values()
        for i in j.issues
        for a in i.articles
    }
    return journals, issues, articles


def _related(found: Found) -> list[Found]:
    """Five other articles, as the aggregator's 猜你喜欢 block shows them."""
    _, _, articles = _index()
    others = [f for f in articles.values() if f[2].id != found[2].id]
    start = found[2].id % len(others)
    return (others + others)[start : start + 5]


def aggregator_page(path: str) -> str | None:
    """The aggregator's HTML for a path, or None where it has no page."""
    journals, issues, articles = _index()
    if path == "/":
        return render.home_page(tuple(journals.values()))
    if path == "/bk/":
        return render.journal_list_page(tuple(journals.values()))
    if (m := _JOURNAL.match(path)) and m["code"] in journals:
        return render.journal_page(journals[m["code"]], int(m["page"] or 1))
    if (m := _ISSUE.match(path)) and (m["code"], m["slug"]) in issues:
        return render.issue_page(journals[m["code"]], issues[m["code"], m["slug"]])
    if path == NO_JOURNAL_PATH:
        journal, issue, article = next(iter(articles.values()))
        article = replace(article, id=9000001)
        return render.article_page(journal, issue, article, related=[], source_line=False)
    if _ARTICLE.match(path) and path in articles:
        return render.article_page(*articles[path], related=_related(articles[path]))
    return None


def mirror_page(path: str) -> str | None:
    return copysite.seed_page() if path == copysite.SEED_PATH else None


class _Handler(BaseHTTPRequestHandler):
    server_version = "SampleSite/1.0"
    site: staticmethod

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        path = self.path.split("?", 1)[0]
        if path == "/robots.txt":
            self._send(200, ROBOTS, "text/plain")
            return
        html = self.site(path)
        if html is None:
            self._send(404, "<html><body><h1>404 页面不存在</h1></body></html>", "text/html")
        else:
            self._send(200, html, "text/html")

    def _send(self, status: int, text: str, ctype: str) -> None:
        data = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{ctype}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # a crawl makes hundreds of requests; the crawler logs its own


def _server(host: str, port: int, site: object) -> ThreadingHTTPServer:
    handler = type("Handler", (_Handler,), {"site": staticmethod(site)})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


@dataclass
class SampleSite:
    """The running sample site; `base_url` is the aggregator, `mirror_url` the copy site."""

    servers: tuple[ThreadingHTTPServer, ...]

    @property
    def port(self) -> int:
        return self.servers[0].server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://{AGGREGATOR_HOST}:{self.port}"

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


def start(port: int = 0) -> SampleSite:
    """Start both hosts in background threads; port 0 picks a free port."""
    for attempt in range(20):
        aggregator = _server(AGGREGATOR_HOST, port, aggregator_page)
        try:
            copy_site = _server(MIRROR_HOST, aggregator.server_address[1], mirror_page)
            break
        except OSError:
            aggregator.server_close()
            if port != 0 or attempt == 19:  # a free port here may be taken on the mirror
                raise
    site = SampleSite((aggregator, copy_site))
    for server in site.servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    return site
