"""Anti-bot pages answered with 200 are never stored; many of them end the run
as `blocked` (exit status 1) after slowing down."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from support.runners import run_crawl

CAPTCHA = "<html><body><p>请输入验证码后继续访问</p><img src='/captcha.png'></body></html>"
CHALLENGE = "<html><script>document.cookie='v=1';location.reload();</script></html>"


@pytest.fixture(scope="module")
def blocking_site() -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            page = (
                "User-agent: *\n"
                if self.path == "/robots.txt"
                else (CHALLENGE if self.path.startswith("/js/") else CAPTCHA)
            )
            data = page.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def crawl(site: str, tmp_path: Path, paths: list[str], *settings: str):
    listing = tmp_path / "urls.txt"
    listing.write_text("\n".join(site + p for p in paths) + "\n")
    db = tmp_path / "x.db"
    result = run_crawl("article", "-a", f"urls={listing}", db=db, settings=list(settings))
    with sqlite3.connect(db) as conn:
        stored = conn.execute("select count(*) from articles").fetchone()[0]
    return result, stored


def test_anti_bot_pages_are_counted_not_stored(blocking_site: str, tmp_path: Path) -> None:
    paths = [f"/page/2018/1120/{n}.shtml" for n in range(1000001, 1000004)] + ["/js/1000009.html"]
    result, stored = crawl(blocking_site, tmp_path, paths)
    assert result.returncode == 0
    assert stored == 0
    assert result.stat("antibot/captcha") == 3
    assert result.stat("antibot/challenge") == 1
    assert result.stat("item_scraped_count") is None


def test_many_anti_bot_pages_end_the_run_as_blocked(blocking_site: str, tmp_path: Path) -> None:
    paths = [f"/page/2018/1120/{n}.shtml" for n in range(1000001, 1000013)]
    result, stored = crawl(
        blocking_site,
        tmp_path,
        paths,
        "-s",
        "ANTIBOT_MAX_PAGES=3",
        "-s",
        "DOWNLOAD_DELAY=0.2",  # a polite crawl's pace (the default is 1 s)
        "-s",
        "CONCURRENT_REQUESTS_PER_DOMAIN=1",
    )
    assert result.returncode == 1
    assert "'finish_reason': 'blocked'" in result.log
    assert stored == 0
    # three pages, and at most the one in flight when the third came back
    assert result.stat("antibot/captcha") in (3, 4)
    assert result.stat("response_received_count") <= 5  # robots.txt + those
    assert "delay now" in result.log
