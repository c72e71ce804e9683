"""Running the project as its users do: `scrapy crawl` and `journals` in
subprocesses, from the repository's root, into temporary SQLite files (or
the tests' PostgreSQL, tests/support/postgres.py)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from journals.samplesite import LOCAL_CRAWL_OPTIONS as FAST
from support.crawlstats import record_crawl

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
__all__ = ["FAST", "FIXTURES", "ROOT", "CrawlResult", "Crawled", "journals", "run_crawl"]


@dataclass
class CrawlResult:
    returncode: int
    log: str

    def stat(self, name: str) -> int | None:
        """A counter from the stats dump at the end of the log."""
        for line in self.log.splitlines():
            line = line.strip().strip(",{}")
            if line.startswith(f"'{name}':"):
                return int(line.split(":", 1)[1])
        return None


def run_crawl(
    spider: str,
    *args: str,
    db: Path | None = None,
    settings: list[str] | None = None,
    url: str | None = None,
) -> CrawlResult:
    """`scrapy crawl SPIDER ARGS` into the SQLite file `db`, or the database at `url`."""
    assert (db is None) != (url is None), "a SQLite file or a database URL"
    command = [
        sys.executable,
        "-m",
        "scrapy",
        "crawl",
        spider,
        *args,
        "-s",
        f"DATABASE_URL={url or f'sqlite:///{db}'}",
        *FAST,
        *(settings or []),
    ]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    record_crawl(done.returncode)
    return CrawlResult(done.returncode, done.stdout + done.stderr)


def journals(*args: str) -> subprocess.CompletedProcess[str]:
    """`journals ARGS` as the user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "journals.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@dataclass
class Crawled:
    """The session's crawl of the whole sample site (the fixture `crawled`)."""

    db: Path
    fx361: CrawlResult
    article: CrawlResult
