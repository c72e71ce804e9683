"""Nothing lost: every article URL a crawl learned of ends stored, or in the
`failures` table with its last status, reason and attempts; `journals failed`
lists them and `journals retry` crawls them again.

Real `scrapy crawl article` runs against tests/support/faultserver.py: some pages fail
for good (500 every time, a timeout every time, a captcha), then the server
mends them and `journals retry` stores them and empties the table; the crawls
and the commands write and read a SQLite file, then a PostgreSQL database
(`empty_database`), with the same results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import stores
from support.faultserver import FaultServer, Rule, fault, status
from support.runners import FAST, journals, run_crawl
from test_faults import FAST_FAULTS, HANG, ID_OF, PATHS

# Timed against the clock (waits, timeouts): `make test` runs this file after the
# others, alone, rather than beside another worker.
pytestmark = pytest.mark.serial

RETRY_TIMES = 2
SETTINGS = [*FAST_FAULTS, "-s", f"RETRY_TIMES={RETRY_TIMES}"]
ALWAYS_500, ALWAYS_503, TIMEOUT, CAPTCHA = PATHS[0], PATHS[1], PATHS[2], PATHS[3]
FINE = PATHS[4:10]
LOST = {
    ALWAYS_500: (500, "500 Internal Server Error", RETRY_TIMES + 1),
    ALWAYS_503: (503, "503 Service Unavailable", RETRY_TIMES + 1),
    TIMEOUT: (None, "DownloadTimeoutError", RETRY_TIMES + 1),
    CAPTCHA: (200, "anti-bot page (captcha)", 1),
}


def failure_rows(db: str) -> dict[str, tuple[int | None, str, int, str]]:
    """url → (last status, reason, attempts, spider) in the database at `db`."""
    query = "select url, last_status, reason, attempts, spider from failures"
    return {
        row["url"]: (row["last_status"], row["reason"], row["attempts"], row["spider"])
        for row in stores.rows(db, query)
    }


def stored(db: str) -> set[int]:
    """The ids of the articles stored in the database at `db`."""
    return {row["id"] for row in stores.rows(db, "select id from articles")}


def test_lost_urls_are_recorded_listed_and_retried(empty_database: str, tmp_path: Path) -> None:
    db = empty_database
    server = FaultServer(
        [
            Rule(ALWAYS_500, status(500)),
            Rule(ALWAYS_503, status(503)),
            Rule(TIMEOUT, fault("timeout")),
            Rule(CAPTCHA, fault("captcha")),
        ],
        hang=HANG,
    )
    listing = tmp_path / "urls.txt"
    listing.write_text("".join(f"{server.base_url}{p}\n" for p in [*LOST, *FINE]))
    with server:
        # Two runs: the lost pages stay lost, and their attempts add up.
        for run in (1, 2):
            result = run_crawl("article", "-a", f"urls={listing}", url=db, settings=SETTINGS)
            assert result.returncode == 0, result.log[-3000:]
            assert result.stat("store/failures_recorded") == len(LOST)
            rows = failure_rows(db)
            print(f"\nrun {run}: stored {len(stored(db))}, failures {rows}")
            assert stored(db) == {ID_OF[p] for p in FINE}
            assert set(rows) == {server.base_url + p for p in LOST}
            for path, (code, reason, attempts) in LOST.items():
                got_code, got_reason, got_attempts, spider = rows[server.base_url + path]
                assert got_code == code, path
                assert got_reason.startswith(reason), (path, got_reason)
                assert got_attempts == attempts * run, path
                assert spider == "article"

        listed = journals("failed", "--db", db, "--format", "jsonl")
        assert listed.returncode == 0, listed.stderr
        lines = [json.loads(line) for line in listed.stdout.splitlines()]
        assert {line["url"]: line["attempts"] for line in lines} == {
            server.base_url + p: 2 * attempts for p, (_, _, attempts) in LOST.items()
        }
        assert {line["reason"] for line in lines} >= {"anti-bot page (captcha)"}
        assert f"{len(LOST)} failed URLs" in listed.stderr
        table = journals("failed", "--db", db)
        assert table.returncode == 0 and "500 Internal Server Error" in table.stdout

        # The site mends: every page is served; a retry stores the lost ones.
        with server.state.lock:
            server.state.rules = []
        before = len(server.hits())
        retried = journals(
            "retry",
            "--db",
            db,
            *(f"--set={s}" for s in FAST[1::2]),
            "--set=LOG_LEVEL=WARNING",
        )
        assert retried.returncode == 0, retried.stderr[-3000:]
        assert f"retried {len(LOST)} failed URLs: {len(LOST)} stored, 0 still failing" in (
            retried.stdout
        )
        # Only the lost pages were asked for again.
        again = [h.path for h in server.hits()[before:]]
        assert sorted(set(again) - {"/robots.txt"}) == sorted(LOST)
        assert len(again) == len(LOST) + 1  # each lost page once, and robots.txt
    assert stored(db) == {ID_OF[p] for p in [*LOST, *FINE]}
    assert failure_rows(db) == {}
    empty = journals("failed", "--db", db)
    assert empty.stdout.strip() == "no failed URL"


def test_a_retry_that_fails_again_keeps_the_row_and_adds_attempts(
    empty_database: str, tmp_path: Path
) -> None:
    db = empty_database
    with FaultServer([Rule(ALWAYS_500, status(500))]) as server:
        listing = tmp_path / "urls.txt"
        listing.write_text(f"{server.base_url}{ALWAYS_500}\n{server.base_url}{FINE[0]}\n")
        result = run_crawl("article", "-a", f"urls={listing}", url=db, settings=SETTINGS)
        assert result.returncode == 0, result.log[-3000:]
        settings = [f"--set={s}" for s in [*FAST[1::2], *SETTINGS[1::2]]]
        retried = journals("retry", "--db", db, *settings)
        assert retried.returncode == 0, retried.stderr[-3000:]
        assert "retried 1 failed URLs: 0 stored, 1 still failing" in retried.stdout
        hits = len(server.hits(ALWAYS_500))
    ((code, reason, attempts, _),) = failure_rows(db).values()
    assert (code, reason, attempts) == (500, "500 Internal Server Error", 2 * (RETRY_TIMES + 1))
    assert hits == attempts


def test_retry_needs_a_database(tmp_path: Path) -> None:
    nothing = journals("retry", "--db", f"sqlite:///{tmp_path}/none.db")
    assert nothing.returncode == 1 and "no database" in nothing.stderr
