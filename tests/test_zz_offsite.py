"""No crawl of the test suite sent a request to another domain, from the
crawls' own stats (crawler/hosts.py counts every request by host;
tests/crawl_stats.py collects every crawl's final stats).

This file runs last (pytest runs tests/ in name order), and checks the crawls
that ran before it in the same session, whatever subset of the suite that
was: run alone, it has nothing to check and is skipped. Where the suite lays
traps that lead to other hosts — the fault server's redirects to
elsewhere.invalid and to `localhost` — the crawls must have met them (stats
`offsite/filtered`), so that the check means something.
"""

from __future__ import annotations

from collections import Counter

import crawl_stats
import pytest
from crawl_stats import is_test_host

# Tests whose crawls meet requests to other hosts, and how many at least they filter.
TRAPS = {"tests/test_faults.py::test_zoo_": 3}


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

    for prefix, least in TRAPS.items():
        trapped = [c for c in crawls if c.test.startswith(prefix)]
        if any(test.startswith(prefix) for test in crawl_stats.ran):
            filtered = sum(c.count("offsite/filtered") for c in trapped)
            assert filtered >= least, f"{prefix}: {filtered} requests filtered as offsite"
    filtered = sum(c.count("offsite/filtered") for c in crawls)
    crawl_stats.summarize(
        f"offsite check: {len(crawls)} crawls, {sum(hosts.values())} requests, all to "
        f"{', '.join(f'{h} ({n})' for h, n in hosts.most_common())}; "
        f"{filtered} requests to other hosts filtered"
    )
