"""The sample site, served badly on purpose.

`FaultServer` serves the sample site's aggregator pages on 127.0.0.1 and
injects faults: per URL path (exact, or a regex), optionally for the first N
attempts at that path only, or at a rate (a seeded random fraction of the
requests, at most a few times per path). Every request is recorded (path,
time, Host header, attempt, fault) so tests can assert on what was asked.

    with FaultServer([Rule("/bk/", status(503, retry_after="2"), times=1)]) as server:
        crawl(server.base_url)
        server.hits("/bk/")

Faults: an HTTP status (with Retry-After or not), a connection reset, a hang
past the crawler's timeout, a truncated body, redirects (to a path, to another
host, an A→B→A loop, an endless chain), a wrong Content-Type, binary garbage,
a 50 MB body (streamed), an empty page, a captcha and a JavaScript challenge
answered with 200, and the real page in GBK with no charset anywhere.
"""

from __future__ import annotations

import random
import re
import socket
import struct
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from journals.samplesite.server import aggregator_page

ROBOTS = "User-agent: *\nDisallow:\n"
CAPTCHA = "<html><body><p>请输入验证码</p><img src='/captcha.png'></body></html>"
CHALLENGE = (
    "<html><head><script>document.cookie='__jsl_clearance=1';location.reload();</script>"
    "</head><body></body></html>"
)
EMPTY = "<html><head><title></title></head><body></body></html>"
MB = 1024 * 1024
# Hard bounds on what one request may cost the server, whatever a test asks.
MAX_HANG = 30.0
MAX_BODY = 64 * MB
CHUNK = 64 * 1024


@dataclass(frozen=True)
class Fault:
    """What to do instead of serving the page. `kind` is one of KINDS."""

    kind: str
    status: int = 200
    retry_after: str | None = None
    location: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown fault {self.kind!r}; one of {', '.join(KINDS)}")


KINDS = (
    "status",  # an empty-bodied error page with `status` (and Retry-After)
    "reset",  # close the connection without a response (RST)
    "timeout",  # send nothing until the server's `hang` has passed
    "truncate",  # Content-Length of the whole page, half of it sent, then close
    "redirect",  # `status` (301/302) to `location`, a path or a full URL
    "redirect_loop",  # /x → /x?loop=1 → /x: a loop the duplicate filter or max-times ends
    "redirect_chain",  # /x → /x?hop=1 → /x?hop=2 → …: distinct URLs without end
    "content_type",  # the page as application/octet-stream
    "garbage",  # random bytes said to be text/html
    "huge",  # `huge_size` bytes with their Content-Length, streamed
    "huge_unsized",  # the same with no Content-Length (ends when the connection closes)
    "empty",  # a 200 page with nothing in it
    "captcha",  # a 200 captcha page (请输入验证码)
    "challenge",  # a 200 JavaScript challenge page
    "gbk",  # the page in GBK, no charset in the headers or the HTML
)


def status(code: int, retry_after: str | None = None) -> Fault:
    return Fault("status", status=code, retry_after=retry_after)


def redirect(location: str, code: int = 302) -> Fault:
    return Fault("redirect", status=code, location=location)


def fault(kind: str) -> Fault:
    return Fault(kind)


@dataclass(frozen=True)
class Rule:
    """`fault` for requests whose path equals `match` (a string) or matches it
    (a compiled regex, searched); with `times`, for the first `times` attempts
    at each such path only, so "fail twice, then serve" is a rule."""

    match: str | re.Pattern[str]
    fault: Fault
    times: int | None = None

    def applies(self, path: str, attempt: int) -> bool:
        """
        >>> rule = Rule(re.compile(r"^/page/"), status(500), times=2)
        >>> [rule.applies("/page/1.shtml", n) for n in (1, 2, 3)]
        [True, True, False]
        >>> Rule("/bk/", status(500)).applies("/bk/zjrd/", 1)
        False
        """
        matched = path == self.match if isinstance(self.match, str) else self.match.search(path)
        return bool(matched) and (self.times is None or attempt <= self.times)


@dataclass(frozen=True)
class RandomFaults:
    """A `rate` fraction of the requests to matching paths gets one of
    `faults`, at most `max_per_path` times per path. The draw depends only on
    (seed, path, attempt), so a run is the same whatever order requests come in."""

    rate: float
    faults: tuple[Fault, ...]
    max_per_path: int = 2
    seed: int = 0
    match: re.Pattern[str] = re.compile(r"^/(?!robots\.txt$)")

    def pick(self, path: str, attempt: int, faulted: int) -> Fault | None:
        """
        >>> chaos = RandomFaults(1.0, (status(500),), max_per_path=2)
        >>> [chaos.pick("/a", n, faulted=n - 1) for n in (1, 2, 3)][2] is None
        True
        >>> RandomFaults(0.0, (status(500),)).pick("/a", 1, 0) is None
        True
        """
        if faulted >= self.max_per_path or not self.match.search(path):
            return None
        draw = random.Random(f"{self.seed}|{path}|{attempt}")
        if draw.random() >= self.rate:
            return None
        return draw.choice(self.faults)


@dataclass(frozen=True)
class Hit:
    """One request as the server received it."""

    path: str
    host: str
    at: float  # time.monotonic() when it arrived
    attempt: int  # 1 for the first request of this path
    fault: str | None  # the fault's kind, None where the page was served


@dataclass
class _State:
    rules: Sequence[Rule | RandomFaults]
    site: Callable[[str], str | None]
    hang: float
    huge_size: int
    stopping: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    hits: list[Hit] = field(default_factory=list)
    attempts: dict[str, int] = field(default_factory=dict)
    faulted: dict[str, int] = field(default_factory=dict)

    def choose(self, path: str, host: str) -> tuple[Fault | None, int]:
        """Count the attempt, pick the fault (rules in order, first wins), record the hit."""
        with self.lock:
            attempt = self.attempts.get(path, 0) + 1
            self.attempts[path] = attempt
            chosen: Fault | None = None
            for rule in self.rules:
                if isinstance(rule, Rule):
                    chosen = rule.fault if rule.applies(path, attempt) else None
                else:
                    chosen = rule.pick(path, attempt, self.faulted.get(path, 0))
                if chosen is not None:
                    break
            if chosen is not None:
                self.faulted[path] = self.faulted.get(path, 0) + 1
            kind = chosen.kind if chosen else None
            self.hits.append(Hit(path, host, time.monotonic(), attempt, kind))
        return chosen, attempt


class _Handler(BaseHTTPRequestHandler):
    server_version = "FaultSite/1.0"
    state: _State  # set on the subclass made per server

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        try:
            self._get()
        except OSError:
            # The crawler hung up (a timeout, a size limit): that is the point, not an error.
            self.close_connection = True

    def _get(self) -> None:
        path = self.path
        chosen, attempt = self.state.choose(path, self.headers.get("Host", ""))
        if path == "/robots.txt" and chosen is None:
            self._send(200, ROBOTS.encode(), "text/plain; charset=utf-8")
            return
        page = self.state.site(path.split("?", 1)[0])
        if chosen is None:
            if page is None:
                self._send(404, b"<html><body><h1>404</h1></body></html>", "text/html")
            else:
                self._send(200, page.encode("utf-8"), "text/html; charset=utf-8")
            return
        getattr(self, f"_fault_{chosen.kind}")(chosen, page or "", attempt)

    def _send(
        self, code: int, body: bytes, ctype: str | None, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(code)
        if ctype:
            self.send_header("Content-Type", ctype)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _fault_status(self, fault: Fault, page: str, attempt: int) -> None:
        extra = {"Retry-After": fault.retry_after} if fault.retry_after else None
        body = f"<html><body><h1>{fault.status}</h1></body></html>".encode()
        self._send(fault.status, body, "text/html", extra)

    def _fault_reset(self, fault: Fault, page: str, attempt: int) -> None:
        # SO_LINGER 0: close() sends RST, as a crashed or overloaded server does.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def _fault_timeout(self, fault: Fault, page: str, attempt: int) -> None:
        self.state.stopping.wait(min(self.state.hang, MAX_HANG))
        self._send(200, page.encode("utf-8"), "text/html; charset=utf-8")

    def _fault_truncate(self, fault: Fault, page: str, attempt: int) -> None:
        body = page.encode("utf-8") or b"<html>" * 100
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body[: len(body) // 2])
        self.wfile.flush()
        self.connection.shutdown(socket.SHUT_RDWR)
        self.close_connection = True

    def _fault_redirect(self, fault: Fault, page: str, attempt: int) -> None:
        assert fault.location is not None
        self._send(fault.status, b"", "text/html", {"Location": fault.location})

    def _fault_redirect_loop(self, fault: Fault, page: str, attempt: int) -> None:
        base, _, query = self.path.partition("?")
        target = base if query else f"{base}?loop=1"
        self._send(fault.status if fault.status != 200 else 302, b"", None, {"Location": target})

    def _fault_redirect_chain(self, fault: Fault, page: str, attempt: int) -> None:
        base, _, query = self.path.partition("?")
        hop = int(query.removeprefix("hop=") or 0) if query.startswith("hop=") else 0
        target = f"{base}?hop={hop + 1}"
        self._send(fault.status if fault.status != 200 else 302, b"", None, {"Location": target})

    def _fault_content_type(self, fault: Fault, page: str, attempt: int) -> None:
        self._send(200, page.encode("utf-8"), "application/octet-stream")

    def _fault_garbage(self, fault: Fault, page: str, attempt: int) -> None:
        body = random.Random(self.path).randbytes(8192)
        self._send(200, body, "text/html")

    def _fault_huge(self, fault: Fault, page: str, attempt: int, sized: bool = True) -> None:
        size = min(self.state.huge_size, MAX_BODY)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if sized:
            self.send_header("Content-Length", str(size))
        self.end_headers()
        line = "<p>人大常委会听取和审议专项工作报告。</p>\n".encode()
        chunk = line * (CHUNK // len(line))
        sent = 0
        # Streamed: the body is never in memory, and the loop ends at `size`,
        # on stop, or when the crawler hangs up (OSError, caught in do_GET).
        while sent < size and not self.state.stopping.is_set():
            piece = chunk[: size - sent]
            self.wfile.write(piece)
            sent += len(piece)
        self.close_connection = True

    def _fault_huge_unsized(self, fault: Fault, page: str, attempt: int) -> None:
        self._fault_huge(fault, page, attempt, sized=False)

    def _fault_empty(self, fault: Fault, page: str, attempt: int) -> None:
        self._send(200, EMPTY.encode(), "text/html; charset=utf-8")

    def _fault_captcha(self, fault: Fault, page: str, attempt: int) -> None:
        self._send(200, CAPTCHA.encode(), "text/html; charset=utf-8")

    def _fault_challenge(self, fault: Fault, page: str, attempt: int) -> None:
        self._send(200, CHALLENGE.encode(), "text/html; charset=utf-8")

    def _fault_gbk(self, fault: Fault, page: str, attempt: int) -> None:
        # No charset anywhere: not in the header, and the <meta> is taken out.
        # GBK lacks a few symbols (the footer's ©): written as character references.
        html = re.sub(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", "", page, flags=re.I)
        self._send(200, html.encode("gbk", "xmlcharrefreplace"), "text/html")

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # every request is in `hits`


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # socketserver's default backlog of 5 drops connections a concurrent crawl
    # opens at once; the SYN is resent a second later, a timeout we did not inject.
    request_queue_size = 128

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a reset or a hung-up client is expected here, not worth a traceback


class FaultServer:
    """The sample site with `rules` applied, on 127.0.0.1 in a background
    thread; a context manager. `hang` is how long a `timeout` fault stalls
    (make it longer than the crawler's DOWNLOAD_TIMEOUT); `huge_size` how big
    a `huge` body is."""

    def __init__(
        self,
        rules: Sequence[Rule | RandomFaults] = (),
        *,
        site: Callable[[str], str | None] = aggregator_page,
        hang: float = 3.0,
        huge_size: int = 50 * MB,
    ) -> None:
        self.state = _State(list(rules), site, hang, huge_size)
        handler = type("Handler", (_Handler,), {"state": self.state})
        self.server = _Server(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def host(self) -> str:
        """The Host header a request for `base_url` carries."""
        return f"127.0.0.1:{self.port}"

    def add(self, *rules: Rule | RandomFaults) -> None:
        """More rules, after those given (rules naming `base_url` need the port first)."""
        with self.state.lock:
            self.state.rules = [*self.state.rules, *rules]

    def hits(self, path: str | re.Pattern[str] | None = None) -> list[Hit]:
        """Requests received, in arrival order; for one path or a regex only if given."""
        with self.state.lock:
            hits = list(self.state.hits)
        if path is None:
            return hits
        if isinstance(path, str):
            return [h for h in hits if h.path == path]
        return [h for h in hits if path.search(h.path)]

    def start(self) -> FaultServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.state.stopping.set()  # ends hangs and streams in progress
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
