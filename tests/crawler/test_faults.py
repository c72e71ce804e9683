"""Under faults and bad input: nothing lost, nothing let in.

Real `scrapy crawl` runs against the sample site served by tests/support/faultserver.py,
which fails on purpose. Transient faults are retried until every article is
stored; Retry-After is waited out; redirects never leave the site; oversized,
garbage, anti-bot and empty pages are dropped with a reason; GBK pages with no
charset are stored as written; a page that keeps failing is recorded as failed.
Backoff and timeouts are shortened with -s so the whole file runs in well
under a minute.
"""

from __future__ import annotations

import re
import sqlite3
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from support.faultserver import FaultServer, RandomFaults, Rule, fault, redirect, status
from support.runners import CrawlResult, run_crawl

from journals.samplesite.corpus import SampleArticle, all_articles
from journals.samplesite.render import CATEGORIES, article_path, shows_journal_line
from pipelines.cleaning.text import normalize_text, normalize_title

# Timed against the clock (waits, timeouts): `make test` runs this file after the
# others, alone, rather than beside another worker.
pytestmark = pytest.mark.serial

ARTICLES = {a.id: a for _, _, a in all_articles()}
# Pages the `article` spider stores from their own text: those that print their
# journal line (the others are dropped without the issue page they are listed on).
PATHS = [article_path(a) for a in ARTICLES.values() if shows_journal_line(a)]
ID_OF = {article_path(a): a.id for a in ARTICLES.values()}
# Fast faults: backoff from 0.05 s, capped at 0.5 s; a 1 s timeout (the server hangs 2 s).
FAST_FAULTS = [
    "-s",
    "RETRY_BACKOFF_BASE=0.05",
    "-s",
    "RETRY_BACKOFF_MAX=0.5",
    "-s",
    "DOWNLOAD_TIMEOUT=1",
]
HANG = 2.0


def stored(db: Path) -> dict[int, tuple[str, str]]:
    """id → (title, body) of every stored article."""
    with sqlite3.connect(db) as conn:
        return {
            row[0]: (row[1], row[2]) for row in conn.execute("select id, title, body from articles")
        }


def as_written(article: SampleArticle) -> tuple[str, str]:
    """The (title, body) the sample site's article must be stored with."""
    body = "\n".join(normalize_text(block.text) for block in article.blocks)
    return normalize_title(article.title), body


def stats_with(result: CrawlResult, prefix: str) -> dict[str, int]:
    """Every integer counter in the stats dump whose name starts with `prefix`,
    by the rest of its name."""
    found = re.findall(rf"'{re.escape(prefix)}([^']*)': (\d+)[,}}]", result.log)
    return {name: int(value) for name, value in found}


# -- the fault server itself -------------------------------------------------


def test_fault_server_fails_the_first_attempts_then_serves() -> None:
    with FaultServer([Rule("/", status(503, retry_after="7"), times=2)]) as server:
        codes = []
        for _ in range(3):
            try:
                with urllib.request.urlopen(server.base_url + "/", timeout=5) as response:
                    codes.append(response.status)
            except urllib.error.HTTPError as error:
                codes.append(error.code)
                assert error.headers["Retry-After"] == "7"
        assert codes == [503, 503, 200]
        hits = server.hits("/")
        assert [(h.attempt, h.fault) for h in hits] == [(1, "status"), (2, "status"), (3, None)]
        assert {h.host for h in hits} == {server.host}


# -- a whole crawl through transient faults ------------------------------------

TRANSIENT = (
    status(500),
    status(502),
    status(503),
    status(503, retry_after="1"),
    status(429, retry_after="1"),
    fault("reset"),
    fault("timeout"),
    fault("truncate"),
)


def test_transient_faults_lose_no_article(tmp_path: Path) -> None:
    chaos = RandomFaults(rate=0.2, faults=TRANSIENT, max_per_path=2, seed=361)
    with FaultServer([chaos], hang=HANG) as server:
        db = tmp_path / "faults.db"
        result = run_crawl(
            "fx361",
            db=db,
            settings=["-s", f"FX361_BASE_URL={server.base_url}", *FAST_FAULTS],
        )
        hits = server.hits()
    assert result.returncode == 0, result.log[-3000:]

    expected = set(ARTICLES)
    rows = stored(db)
    faulted = Counter(h.fault for h in hits if h.fault)
    retries = result.stat("retry/count") or 0
    requests = result.stat("downloader/request_count")
    print(
        f"\narticles expected {len(expected)}, stored {len(rows)}, failed "
        f"{result.stat('failures/count') or 0}; requests {requests} "
        f"({len(hits)} at the server), faults {sum(faulted.values())} {dict(faulted)}, "
        f"retries {retries} {stats_with(result, 'retry/reason_count/')}"
    )
    assert set(rows) == expected
    for article_id, row in rows.items():
        assert row == as_written(ARTICLES[article_id])
    # About a fifth of the requests failed, and each failure was retried.
    assert sum(faulted.values()) >= len(hits) // 8
    assert set(faulted) == {f.kind for f in TRANSIENT}
    # (≥: a page slow for any other reason would be retried too, and that is right)
    assert retries >= sum(faulted.values())
    assert result.stat("retry/max_reached") is None
    assert result.stat("failures/count") is None
    # Each retry cost exactly one more request, and every page reached the
    # server. (A request that timed out while the server was busy hanging on
    # another may never have been read by it: the server sees at most what was
    # sent, on a loaded machine a few fewer.)
    # robots.txt, the home page, the category pages, the journal homes, their
    # year pages, the issue pages and the article pages
    journals = {j.code: j for j, _, _ in all_articles()}.values()
    years = sum(len({i.year for i in j.issues}) for j in journals)
    issues = sum(len(j.issues) for j in journals)
    first_requests = 2 + len(CATEGORIES) + len(journals) + years + issues + len(expected)
    assert requests == first_requests + retries
    assert first_requests <= len(hits) <= requests
    # A page is served by a hit with no fault, or by a hung one whose late
    # page a loaded reactor read before its timeout fired.
    served = {h.path for h in hits if h.fault in (None, "timeout")}
    assert len(served) == first_requests


# -- one crawl of many faulty pages --------------------------------------------

P = PATHS  # shorter to read below
RETRY_AFTER = {P[0]: 429, P[1]: 503}  # path → status of a first response asking for 1 s
CAPPED = P[2]  # asks for an hour; RETRY_AFTER_MAX is 1.5 s
ALWAYS_500 = P[3]
TRANSIENT_ONCE = {P[4]: "reset", P[5]: "timeout", P[6]: "truncate"}
TWICE_502 = P[7]
TO_INVALID, TO_LOCALHOST, RETRY_THEN_AWAY = P[8], P[9], P[10]
AWAY_TARGET = P[20]  # only ever linked from the redirects off the site
HUGE, HUGE_UNSIZED = P[11], P[12]
GARBAGE, OCTET_STREAM = P[13], P[14]
ANTIBOT = {P[15]: "empty", P[16]: "captcha", P[17]: "challenge"}
GBK = (P[18], P[19])
LOOP, CHAIN = "/loop/a.shtml", "/chain/a.shtml"
SHOULD_STORE = {*RETRY_AFTER, CAPPED, *TRANSIENT_ONCE, TWICE_502, *GBK}
REDIRECT_MAX_TIMES = 5
RETRY_TIMES = 5


@dataclass
class Zoo:
    result: CrawlResult
    server: FaultServer
    rows: dict[int, tuple[str, str]]

    def url(self, path: str) -> str:
        return self.server.base_url + path

    def stored(self, path: str) -> bool:
        return ID_OF[path] in self.rows


def zoo_rules(server: FaultServer) -> list[Rule]:
    elsewhere = f"http://localhost:{server.port}{AWAY_TARGET}"
    return [
        *(Rule(p, status(code, retry_after="1"), times=1) for p, code in RETRY_AFTER.items()),
        Rule(CAPPED, status(503, retry_after="3600"), times=1),
        Rule(ALWAYS_500, status(500)),
        *(Rule(p, fault(kind), times=1) for p, kind in TRANSIENT_ONCE.items()),
        Rule(TWICE_502, status(502), times=2),
        Rule(TO_INVALID, redirect(f"http://elsewhere.invalid{AWAY_TARGET}")),
        Rule(TO_LOCALHOST, redirect(elsewhere, 301)),
        # A retry is sent with dont_filter; its redirect must still be held to the site.
        Rule(RETRY_THEN_AWAY, status(503), times=1),
        Rule(RETRY_THEN_AWAY, redirect(elsewhere)),
        Rule(HUGE, fault("huge")),
        Rule(HUGE_UNSIZED, fault("huge_unsized")),
        Rule(GARBAGE, fault("garbage")),
        Rule(OCTET_STREAM, fault("content_type")),
        *(Rule(p, fault(kind)) for p, kind in ANTIBOT.items()),
        *(Rule(p, fault("gbk")) for p in GBK),
        Rule(re.compile(r"^/loop/"), fault("redirect_loop")),
        Rule(re.compile(r"^/chain/"), fault("redirect_chain")),
        # No robots.txt: all allowed, and not a page lost.
        Rule("/robots.txt", status(404)),
    ]


@pytest.fixture(scope="module")
def zoo(tmp_path_factory: pytest.TempPathFactory) -> Zoo:
    folder = tmp_path_factory.mktemp("zoo")
    server = FaultServer(hang=HANG)
    rules = zoo_rules(server)
    server.add(*rules)
    paths = sorted({p for rule in rules if isinstance(p := rule.match, str)} - {"/robots.txt"})
    listing = folder / "urls.txt"
    listing.write_text("".join(f"{server.base_url}{p}\n" for p in [*paths, LOOP, CHAIN]))
    with server:
        result = run_crawl(
            "article",
            "-a",
            f"urls={listing}",
            db=folder / "zoo.db",
            settings=[
                *FAST_FAULTS,
                *("-s", "RETRY_AFTER_MAX=1.5", "-s", f"RETRY_TIMES={RETRY_TIMES}"),
                *("-s", f"REDIRECT_MAX_TIMES={REDIRECT_MAX_TIMES}"),
                *("-s", "DOWNLOAD_MAXSIZE=1048576", "-s", "DOWNLOAD_WARNSIZE=524288"),
                *("-s", "ANTIBOT_MAX_DELAY=0.1"),
            ],
        )
    assert result.returncode == 0, result.log[-3000:]
    return Zoo(result, server, stored(folder / "zoo.db"))


def test_zoo_stores_exactly_the_pages_that_recover_and_nothing_wrong(zoo: Zoo) -> None:
    expected = {ID_OF[p] for p in SHOULD_STORE}
    # The octet-stream page may be read as the HTML it is, or not at all; nothing else.
    octet = ID_OF[OCTET_STREAM]
    print(
        f"\narticles expected {len(expected)} (+1 optional), stored {len(zoo.rows)}, failed "
        f"{zoo.result.stat('failures/count')}; requests "
        f"{zoo.result.stat('downloader/request_count')}, retries {zoo.result.stat('retry/count')}"
        f" {stats_with(zoo.result, 'retry/reason_count/')}"
    )
    assert set(zoo.rows) - {octet} == expected
    for article_id, row in zoo.rows.items():
        assert row == as_written(ARTICLES[article_id])
    # Failed for good: the page that always fails and the two oversized ones.
    assert zoo.result.stat("failures/count") == 3
    assert zoo.result.stat("spider_exceptions/count") is None
    assert "Unhandled error" not in zoo.result.log


def test_retry_after_is_waited_out(zoo: Zoo) -> None:
    for path in RETRY_AFTER:
        first, second = zoo.server.hits(path)
        assert second.at - first.at >= 1.0, path
        assert zoo.stored(path)
    # An hour is capped at RETRY_AFTER_MAX (1.5 s): waited, but not for an hour.
    first, second = zoo.server.hits(CAPPED)
    assert 1.5 <= second.at - first.at < 10
    assert zoo.stored(CAPPED)
    assert zoo.result.stat("retry/retry_after_count") == 3


def test_each_kind_of_transient_fault_is_retried_until_stored(zoo: Zoo) -> None:
    for path in [*TRANSIENT_ONCE, TWICE_502]:
        assert zoo.stored(path), path
    assert len(zoo.server.hits(TWICE_502)) == 3
    reasons = stats_with(zoo.result, "retry/reason_count/")
    for reason in (
        "scrapy.exceptions.DownloadTimeoutError",
        "scrapy.exceptions.ResponseDataLossError",
        "scrapy.exceptions.DownloadFailedError",  # the reset: no response at all
        "502 Bad Gateway",
        "429 Unknown Status",
        "503 Service Unavailable",
    ):
        assert reason in reasons, (reason, reasons)


def test_a_page_that_always_fails_is_recorded_as_failed(zoo: Zoo) -> None:
    assert len(zoo.server.hits(ALWAYS_500)) == RETRY_TIMES + 1
    assert not zoo.stored(ALWAYS_500)
    assert zoo.result.stat("retry/max_reached") == 1
    assert zoo.result.stat("failures/reason_count/500 Internal Server Error") == 1
    assert (
        f"Failed for good after {RETRY_TIMES + 1} attempt(s): {zoo.url(ALWAYS_500)} "
        "(500 Internal Server Error)" in zoo.result.log
    )


def test_redirects_off_the_site_are_not_followed(zoo: Zoo) -> None:
    # No request reached another host: every one the server saw was for the site,
    # and nothing tried to resolve elsewhere.invalid.
    assert {h.host for h in zoo.server.hits()} == {zoo.server.host}
    assert zoo.result.stat("downloader/request_count") == len(zoo.server.hits())
    assert zoo.server.hits(AWAY_TARGET) == []
    assert zoo.result.stat("offsite/filtered") == 3
    assert zoo.result.stat("offsite/domains") == 2
    assert "CannotResolveHostError" not in zoo.result.log
    for path in (TO_INVALID, TO_LOCALHOST, RETRY_THEN_AWAY):
        assert not zoo.stored(path)
    assert len(zoo.server.hits(RETRY_THEN_AWAY)) == 2  # the 503, then the redirect


def test_redirect_loops_end(zoo: Zoo) -> None:
    # A → A?loop=1 → A: the duplicate filter stops it at the second A.
    assert [h.path for h in zoo.server.hits(re.compile(r"^/loop/"))] == [LOOP, f"{LOOP}?loop=1"]
    # Distinct URLs without end: cut at REDIRECT_MAX_TIMES.
    assert len(zoo.server.hits(re.compile(r"^/chain/"))) == REDIRECT_MAX_TIMES + 1


def test_bodies_over_the_size_limit_are_dropped_with_their_reason(zoo: Zoo) -> None:
    cancelled = "downloader/exception_type_count/scrapy.exceptions.DownloadCancelledError"
    assert zoo.result.stat(cancelled) == 2
    assert zoo.result.stat("failures/reason_count/DownloadCancelledError") == 2
    assert "larger than download max size" in zoo.result.log
    assert not zoo.stored(HUGE) and not zoo.stored(HUGE_UNSIZED)


def test_garbage_and_anti_bot_pages_are_never_stored(zoo: Zoo) -> None:
    assert not zoo.stored(GARBAGE)
    assert zoo.result.stat("article/not_an_article") == 1
    for path, kind in ANTIBOT.items():
        assert not zoo.stored(path)
        assert zoo.result.stat(f"antibot/{kind}") == 1


def test_gbk_pages_without_a_charset_are_stored_as_written(zoo: Zoo) -> None:
    for path in GBK:
        assert zoo.server.hits(path)[0].fault == "gbk"
        assert zoo.rows[ID_OF[path]] == as_written(ARTICLES[ID_OF[path]])
