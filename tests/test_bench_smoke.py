"""`make bench` works: bench/crawl_rate.py on a dozen generated pages prints
every line it should, and both crawls fetched every page and stored every
article. Nothing is timed: the numbers are the bench's to report, not a test's."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_crawl_rate_prints_its_lines(tmp_path: Path) -> None:
    command = [sys.executable, str(ROOT / "bench" / "crawl_rate.py"), "--pages", "12"]
    command += ["--sample", "2", "--profile", "2", "--keep", str(tmp_path)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert re.search(r"^site: pages 12 \(6 simplified, 3 gbk, 3 traditional\)$", out, re.M)
    for name in ("bare spider", "project crawl"):
        assert re.search(rf"^{name} +12 +[\d.]+ +[\d.]+ +[\d.]+ +\d+ +[\d.]+ +exit 0$", out, re.M)
    assert re.search(r"^ratio: the project's crawl runs at [\d.]+ of the bare spider's", out, re.M)
    assert re.search(r"^database: [\d.]+ MiB for 12 articles = [\d,]+ bytes an article", out, re.M)
    for stage in ("fetch and Scrapy", "parse", "clean", "validate", "store", "page archive"):
        assert re.search(rf"^  {stage} +[\d.]+ +[\d.]+% +[\d.]+$", out, re.M), stage
    for script in ("simplified", "traditional"):
        assert re.search(rf"^  {script} +2 pages  median +[\d.]+ ms  p95 +[\d.]+ ms", out, re.M)
    assert "warning" not in out and "not found, so not timed" not in out
    # reparse over the crawl's archived pages: every one of them, found as stored, then anew
    for kind, counts in (("unchanged", "12 unchanged, 0 new"), ("new", "0 unchanged, 12 new")):
        rate = r"12 pages +[\d.]+ pages/s +[\d.]+ ms a page"
        assert re.search(rf"^  {kind} +{rate} .*: 0 articles changed, {counts}", out, re.M), kind
