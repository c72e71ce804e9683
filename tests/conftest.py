"""Fixtures: the sample site served on loopback, and real Scrapy crawls run as
the user runs them (`scrapy crawl` in a subprocess) into temporary SQLite files."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

# Every crawl leaves its stats; test_zz_offsite.py checks the hosts they requested.
from crawl_stats import (  # noqa: F401 (pytest hooks)
    pytest_configure,
    pytest_runtest_logreport,
    pytest_runtest_setup,
    pytest_terminal_summary,
    pytest_unconfigure,
    record_crawl,
)

from journals.samplesite import LOCAL_CRAWL_OPTIONS as FAST
from journals.samplesite import server

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


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


def run_crawl(spider: str, *args: str, db: Path, settings: list[str] | None = None) -> CrawlResult:
    """`scrapy crawl SPIDER ARGS` into the SQLite file `db`."""
    command = [
        sys.executable,
        "-m",
        "scrapy",
        "crawl",
        spider,
        *args,
        "-s",
        f"DATABASE_URL=sqlite:///{db}",
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


@pytest.fixture(scope="session")
def sample_site() -> Iterator[server.SampleSite]:
    site = server.start(0)
    yield site
    site.stop()


@dataclass
class Crawled:
    db: Path
    fx361: CrawlResult
    article: CrawlResult


@pytest.fixture(scope="session")
def crawled(sample_site: server.SampleSite, tmp_path_factory: pytest.TempPathFactory) -> Crawled:
    """A database made by crawling the whole sample site once with `fx361`
    (with a feed export beside it), then the mirror's copy of the seed
    article with `article`."""
    folder = tmp_path_factory.mktemp("crawl")
    db = folder / "articles.db"
    fx361 = run_crawl(
        "fx361",
        "-O",
        str(folder / "feed.jsonl"),
        db=db,
        settings=["-s", f"FX361_BASE_URL={sample_site.base_url}"],
    )
    assert fx361.returncode == 0, fx361.log[-3000:]
    article = run_crawl("article", "-a", f"url={sample_site.seed_url}", db=db)
    assert article.returncode == 0, article.log[-3000:]
    return Crawled(db, fx361, article)
