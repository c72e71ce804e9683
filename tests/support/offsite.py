"""The offsite check, run when the test session finishes: no crawl of the
suite sent a request to another domain, from the crawls' own stats
(crawler/downloadermiddlewares/hoststats.py counts every request by host;
support/crawlstats.py collects every crawl's final stats).

It checks the crawls that ran in the session, whatever subset of the suite
that was; a session that ran no crawl has nothing to check. A violation fails
the session (exit status 1) with its reasons in the terminal summary. Where the suite lays
traps that lead to other hosts, the crawls must have met them, so that the
check means something: the fault server's redirects to elsewhere.invalid and
to `localhost` (filtered: `offsite/filtered`), and the copy pages of the
evaluation set, whose spam and navigation links point to other hosts (every
such page fetched, none of its links requested).
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from support import crawlstats
from support.crawlstats import Crawl, is_test_host
from support.runners import ROOT

EVAL_PAGES = ROOT / "tests" / "eval" / "pages"
LINK_AWAY = re.compile(rb"""href=["']?https?://([^"'/:\s>]+)""", re.IGNORECASE)


def linked_hosts(html: bytes) -> set[bytes]:
    """The other hosts a page links to.

    >>> sorted(linked_hosts(b'<a href="http://www.yl8866.example/">x</a><a href="/a">'))
    [b'www.yl8866.example']
    """
    return {h for h in LINK_AWAY.findall(html) if not is_test_host(h.decode("ascii", "replace"))}


def trapped(crawls: list[Crawl], test_prefix: str, stat: str) -> int | None:
    """`stat` summed over the crawls of the tests starting with `test_prefix`;
    None if none of those tests ran in this session."""
    if not any(test.startswith(test_prefix) for test in crawlstats.ran):
        return None
    return sum(c.count(stat) for c in crawls if c.test.startswith(test_prefix))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the session when the check fails; say what it found either way.
    A pytest-xdist worker hands its crawls over to the controller, which checks."""
    if crawlstats.is_worker(session.config):
        crawlstats.hand_over(session.config)
        return
    try:
        check()
    except AssertionError as problem:
        crawlstats.summarize(f"offsite check FAILED: {problem}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def check() -> None:
    """Assert that no crawl of this session left the loopback hosts and that
    the traps laid for them were met; summarize what was checked."""
    crawls = crawlstats.crawls()
    if not crawls and not crawlstats.finished:
        return
    # Every crawl that ran to its end left its stats: none went unchecked.
    assert len(crawls) >= len(crawlstats.finished), (
        f"{len(crawlstats.finished)} crawls finished, only {len(crawls)} left their stats"
    )
    hosts: Counter[str] = Counter()
    elsewhere: list[str] = []
    for crawl in crawls:
        # The host counter saw each request the downloader's own stats saw.
        assert sum(crawl.hosts.values()) == crawl.count("downloader/request_count"), crawl
        hosts.update(crawl.hosts)
        away = {host: n for host, n in crawl.hosts.items() if not is_test_host(host)}
        if away:
            elsewhere.append(f"{crawl.test} ({crawl.spider}): {away}")
    assert not elsewhere, "requests to other hosts than loopback:\n" + "\n".join(elsewhere)

    # The traps were met. Redirects to two other hosts, three times: filtered.
    filtered = trapped(crawls, "tests/crawler/test_faults.py::test_zoo_", "offsite/filtered")
    assert filtered is None or filtered >= 3, f"the zoo's redirects away: {filtered} filtered"
    # Copy pages linking to other hosts: each one fetched (and, above, no link followed).
    linking = [
        links for page in EVAL_PAGES.glob("*/*.html") if (links := linked_hosts(page.read_bytes()))
    ]
    fetched = trapped(crawls, "tests/crawler/test_no_leaks.py::", "response_received_count")
    assert fetched is None or fetched >= len(linking) > 0, (
        f"{len(linking)} copy pages link to other hosts; the crawl received {fetched} pages"
    )
    crawlstats.summarize(
        f"offsite check: {len(crawls)} crawls, {sum(hosts.values())} requests, all to "
        f"{', '.join(f'{h} ({n})' for h, n in hosts.most_common())}; "
        f"{sum(c.count('offsite/filtered') for c in crawls)} requests to other hosts filtered"
        + (
            f"; {len(linking)} copy pages linking to {len(set().union(*linking))} other hosts"
            " fetched, no link followed"
            if fetched is not None
            else ""
        )
    )
