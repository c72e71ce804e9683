"""With AutoThrottle on, the delay anti-bot pages raise holds: a site that
sends three captchas, then good pages, is asked for those pages no faster than
the raised delay until enough good ones came, then a little faster, and at
last at AutoThrottle's own pace again. Delays here are tenths of a second."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from support.runners import run_crawl

# Timed against the clock (waits, timeouts): `make test` runs this file after the
# others, alone, rather than beside another worker.
pytestmark = pytest.mark.serial

CAPTCHA = "<html><body><p>请输入验证码后继续访问</p><img src='/captcha.png'></body></html>"
GOOD = "<html><body><h1>代表工作</h1><p>" + "代表们认真履职。" * 100 + "</p></body></html>"
CAPTCHAS, GOOD_PAGES = 3, 12


@pytest.fixture
def site() -> Iterator[tuple[str, list[float]]]:
    """A site whose first three pages asked for are captchas; the arrival
    time of each page request is noted."""
    arrivals: list[float] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            if self.path == "/robots.txt":
                page = "User-agent: *\n"
            else:
                arrivals.append(time.monotonic())
                page = CAPTCHA if len(arrivals) <= CAPTCHAS else GOOD
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
    yield f"http://127.0.0.1:{server.server_address[1]}", arrivals
    server.shutdown()
    server.server_close()


def test_the_raised_delay_holds_with_autothrottle_on(
    site: tuple[str, list[float]], tmp_path: Path
) -> None:
    base, arrivals = site
    listing = tmp_path / "urls.txt"
    listing.write_text("".join(f"{base}/p/{n}.html\n" for n in range(CAPTCHAS + GOOD_PAGES)))
    settings = {
        "AUTOTHROTTLE_ENABLED": True,
        "AUTOTHROTTLE_START_DELAY": 0.01,
        "DOWNLOAD_DELAY": 0.01,  # AutoThrottle's least delay
        "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
        "ANTIBOT_MIN_DELAY": 0.1,
        "ANTIBOT_MAX_DELAY": 0.4,
        "ANTIBOT_DECAY_PAGES": 3,
        # delays as set, not jittered (the first for Scrapy 2.18, the second after)
        "RANDOMIZE_DOWNLOAD_DELAY": False,
        "DOWNLOAD_DELAY_JITTER": 0,
    }
    args = [arg for name, value in settings.items() for arg in ("-s", f"{name}={value}")]
    result = run_crawl("article", "-a", f"urls={listing}", db=tmp_path / "x.db", settings=args)
    assert result.returncode == 0, result.log[-3000:]
    assert result.stat("antibot/captcha") == CAPTCHAS
    assert len(arrivals) == CAPTCHAS + GOOD_PAGES
    # Each captcha doubled the delay (from at least 0.1 s), up to 0.4 s; good
    # pages halved it after each run of three, then gave it back to AutoThrottle.
    for line in [f"delay now {d:.2f} s" for d in (0.1, 0.2, 0.4)] + [
        "delay floor now 0.20 s",
        "delay floor now 0.10 s",
        "delay floor lifted",
    ]:
        assert line in result.log
    # The waits before each page request after the first, as the site saw them.
    gaps = [later - earlier for earlier, later in zip(arrivals, arrivals[1:], strict=False)]
    after_captchas = gaps[CAPTCHAS - 1 :]  # the waits before the good pages
    slack = 0.03
    assert min(gaps[: CAPTCHAS - 1]) >= 0.1 - slack, gaps
    # AutoThrottle alone would have halved 0.4 s at the second good page.
    assert min(after_captchas[:3]) >= 0.4 - slack, gaps
    assert min(after_captchas[3:6]) >= 0.2 - slack, gaps
    assert min(after_captchas[6:9]) >= 0.1 - slack, gaps
    assert min(after_captchas[9:]) < 0.1, gaps
