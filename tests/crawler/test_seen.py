"""The dupe filter's fingerprints: a set like Python's, kept out of the
process's memory, and the resumed run's requests done before dropped."""

from __future__ import annotations

import hashlib
import random
import tracemalloc
from pathlib import Path

from scrapy import Request
from scrapy.utils.test import get_crawler

from crawler.resume.dupefilter import ResumeDupeFilter
from crawler.resume.seen import Fingerprints
from crawler.resume.tree import DONE_FILE


def fingerprint(n: int) -> bytes:
    return hashlib.sha1(str(n).encode()).digest()


def test_answers_as_a_set_does() -> None:
    rng = random.Random(7)
    seen, expected = Fingerprints(cache_kb=64), set()  # a small cache: most of it on disk
    for n in (rng.randrange(30_000) for _ in range(60_000)):
        fp = fingerprint(n)
        assert seen.add(fp) == (fp not in expected)
        expected.add(fp)
    assert len(seen) == len(expected)
    seen.close()


def test_dupefilter_holds_no_fingerprint_in_python_memory() -> None:
    dupefilter = ResumeDupeFilter.from_crawler(get_crawler())
    dupefilter.request_seen(Request("https://example.org/0"))  # SQLite's cache warmed
    tracemalloc.start()
    try:
        for n in range(20_000):
            assert not dupefilter.request_seen(Request(f"https://example.org/{n + 1}"))
        retained, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Scrapy's own dupe filter holds 3 MB of them here (20-byte bytes objects, its set).
    assert len(dupefilter.seen) == 20_001
    assert retained < 512 * 1024
    assert dupefilter.request_seen(Request("https://example.org/7"))
    dupefilter.close("finished")


def test_dupefilter_drops_repeats_and_what_earlier_runs_did(tmp_path: Path) -> None:
    crawler = get_crawler(settings_dict={"JOBDIR": str(tmp_path)})
    done = Request("https://example.org/done")
    (tmp_path / DONE_FILE).write_text(
        crawler.request_fingerprinter.fingerprint(done).hex() + "\n" + "ab" * 7 + "\n"
    )
    dupefilter = ResumeDupeFilter.from_crawler(crawler)
    new = Request("https://example.org/new")
    seen = [dupefilter.request_seen(r) for r in (new, new, done, Request(done.url), new)]
    assert seen == [False, True, True, True, True]
    assert crawler.stats.get_value("resume/skipped_done") == 2
    assert dupefilter.seen.earlier_count == 1  # the torn line is not a fingerprint
    dupefilter.close("finished")
