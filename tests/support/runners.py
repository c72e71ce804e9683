"""Running the project as its users do: `scrapy crawl` and `journals` in
subprocesses, from the repository's root, into temporary SQLite files (or
the tests' PostgreSQL, tests/support/postgres.py); and `journals` in this
process, for tests that ask it many questions about its answers rather than
about the process (each subprocess costs half a second or more of start-up:
Python, SQLAlchemy, Alembic)."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from journals.samplesite import LOCAL_CRAWL_OPTIONS as FAST
from support.crawlstats import record_crawl

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
__all__ = [
    "FAST",
    "FIXTURES",
    "ROOT",
    "CrawlResult",
    "Crawled",
    "journals",
    "journals_in_process",
    "run_crawl",
]


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


def journals_in_process(*args: str) -> subprocess.CompletedProcess[str]:
    """`journals ARGS` through the same entry point (`journals.cli.main`: its
    parser, the command, its error handling) in this process: what it writes to
    stdout and stderr, and its exit status (argparse's own exits included)."""
    from journals.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(list(args))
        except SystemExit as stop:  # as `sys.exit` ends the process
            if stop.code is not None and not isinstance(stop.code, int):
                print(stop.code, file=sys.stderr)
            status = 1 if isinstance(stop.code, str) else stop.code or 0
    return subprocess.CompletedProcess(
        ["journals", *args], int(status), out.getvalue(), err.getvalue()
    )


@dataclass
class Crawled:
    """The session's crawl of the whole sample site (the fixture `crawled`)."""

    db: Path
    fx361: CrawlResult
    article: CrawlResult
