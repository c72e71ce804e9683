"""No crawl of the test suite sent a request to another domain, from the
crawls' own stats (crawler/downloadermiddlewares/hoststats.py counts every request by host;
tests/crawl_stats.py collects every crawl's final stats).

This file runs last (pytest runs tests/ in name order), and checks the crawls
that ran before it in the same session, whatever subset of the suite that
was: run alone, it has nothing to check and is skipped. Where the suite lays
traps that lead to other hosts, the crawls must have met them, so that the
check means something: the fault server's redirects to elsewhere.invalid and
to `localhost` (filtered: `offsite/filtered`), and the copy pages of the
evaluation set, whose spam and navigation links point to other hosts (every
such page fetched, none of its links requested).
"""

from __future__ import annotations

import re
from collections import Counter

import crawl_stats
import pytest
from conftest import ROOT
from crawl_stats import Crawl, is_test_host

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
    if not any(test.startswith(test_prefix) for test in crawl_stats.ran):
        return None
    return sum(c.count(stat) for c in crawls if c.test.startswith(test_prefix))


def test_no_crawl_of_the_suite_requested_another_host() -> None:
    crawls = crawl_stats.crawls()
    if not crawls and not crawl_stats.finished:
        pytest.skip("no crawl ran before this test in this session")
    # Every crawl that ran to its end left its stats: none went unchecked.
    assert len(crawls) >= len(crawl_stats.finished), (
        f"{len(crawl_stats.finished)} crawls finished, only {len(crawls)} left their stats"
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
    filtered = trapped(crawls, "tests/test_faults.py::test_zoo_", "offsite/filtered")
    assert filtered is None or filtered >= 3, f"the zoo's redirects away: {filtered} filtered"
    # Copy pages linking to other hosts: each one fetched (and, above, no link followed).
    linking = [
        links for page in EVAL_PAGES.glob("*/*.html") if (links := linked_hosts(page.read_bytes()))
    ]
    fetched = trapped(crawls, "tests/test_no_leaks.py::", "response_received_count")
    assert fetched is None or fetched >= len(linking) > 0, (
        f"{len(linking)} copy pages link to other hosts; the crawl received {fetched} pages"
    )
    crawl_stats.summarize(
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
