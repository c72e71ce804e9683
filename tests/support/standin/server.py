"""A second, independent stand-in of the aggregator fx361.com, built from the
public evidence only (docs/fx361.md, "Sources" and "Page kinds"): a desktop
host and a mobile host on loopback (127.0.0.4 and 127.0.0.5 by default), on
one port.

    site = start()
    site.desktop   # http://127.0.0.4:PORT  (home, categories, journals, years, issues, /page/…)
    site.mobile    # http://127.0.0.5:PORT  (/news/… article pages)
    site.stop()

Each host serves robots.txt allowing everything and answers 404 for any path
it does not know. Every request is kept in `site.requests` as (host kind, path).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from support.standin import content, pages

ROBOTS = "User-agent: *\nDisallow:\n"
# a 1×1 transparent GIF for covers, banners and lazy-image placeholders
GIF = bytes.fromhex(
    "47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b"
)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = False
    kind = "desktop"
    site: StandIn


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    timeout = 10  # a connection idle this long is dropped
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path = urlsplit(self.path).path
        site = self.server.site
        site.requests.append((self.server.kind, path))
        if self.server.kind == "desktop":
            status, kind, body = _desktop(path, site.mobile)
        else:
            status, kind, body = _mobile(path, site.desktop)
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


HTML = "text/html; charset=utf-8"
Answer = tuple[int, str, bytes]


def _html(text: str, status: int = 200) -> Answer:
    return status, HTML, text.encode("utf-8")


def _common(path: str) -> Answer | None:
    if path == "/robots.txt":
        return 200, "text/plain; charset=utf-8", ROBOTS.encode()
    if re.match(r"/(static|covers|uploads|m)/.+\.(gif|jpg|png)$", path):
        return 200, "image/gif", GIF
    return None


def _desktop(path: str, mobile: str) -> Answer:
    if (answer := _common(path)) is not None:
        return answer
    if path in ("/", "/index.html"):
        return _html(pages.home(mobile))
    if (m := re.fullmatch(r"/bk/([a-z]+)\.html", path)) and m[1] in content.CATEGORIES:
        return _html(pages.category(m[1], mobile))
    m = re.fullmatch(r"/bk/([a-z0-9]+)/(index\.html)?", path)
    if m and (journal := content.journal(m[1])):
        return _html(pages.journal_home(journal, mobile))
    if m := re.fullmatch(r"/bk/([a-z0-9]+)/history_(\d{4})\.html", path):
        journal = content.journal(m[1])
        if journal and int(m[2]) in journal.years:
            return _html(pages.year_page(journal, int(m[2]), mobile))
    if m := re.fullmatch(r"/bk/([a-z0-9]+)/(\d+)\.html", path):
        journal = content.journal(m[1])
        issue = next((i for i in journal.issues if i.slug == m[2]), None) if journal else None
        if journal and issue:
            return _html(pages.issue_page(journal, issue, mobile))
    if found := content.article_at(path):
        return _html(pages.desktop_article(*found, mobile))
    return _html(pages.not_found(), 404)


def _mobile(path: str, desktop: str) -> Answer:
    if (answer := _common(path)) is not None:
        return answer
    if path in ("/", "/index.html"):
        return _html(pages.mobile_home(desktop))
    if path.startswith("/news/") and (found := content.article_at(path, mobile=True)):
        return _html(pages.mobile_article(*found, desktop))
    return _html(pages.not_found(), 404)


@dataclass
class StandIn:
    desktop: str
    mobile: str
    servers: list[_Server] = field(default_factory=list)
    threads: list[threading.Thread] = field(default_factory=list)
    requests: list[tuple[str, str]] = field(default_factory=list)

    def stop(self) -> None:
        for server in self.servers:
            server.shutdown()
            server.server_close()
        for thread in self.threads:
            thread.join(timeout=10)


def start(desktop_host: str = "127.0.0.4", mobile_host: str = "127.0.0.5") -> StandIn:
    """Serve both hosts on one free port (retrying while the mobile host's
    address is taken on the port the desktop host got)."""
    for _ in range(20):
        first = _Server((desktop_host, 0), _Handler)
        port = first.server_address[1]
        try:
            second = _Server((mobile_host, port), _Handler)
        except OSError:
            first.server_close()
            continue
        site = StandIn(f"http://{desktop_host}:{port}", f"http://{mobile_host}:{port}")
        first.kind, second.kind = "desktop", "mobile"
        for server in (first, second):
            server.site = site
            site.servers.append(server)
            thread = threading.Thread(target=server.serve_forever, daemon=True)
            thread.start()
            site.threads.append(thread)
        return site
    raise OSError(f"no port free on both {desktop_host} and {mobile_host}")
