"""One crawl at a time per database: two real `scrapy crawl` processes on the
same SQLite file, and the lock's release however its holder ends."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support.runners import FAST, ROOT

from crawler.exitstatus import ExitStatus
from crawler.runlock import Locked, RunLock, lock_path
from journals.samplesite.corpus import all_articles
from journals.samplesite.server import SampleSite


def crawl_command(db: Path, base_url: str, *settings: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "scrapy",
        "crawl",
        "fx361",
        "-s",
        f"DATABASE_URL=sqlite:///{db}",
        "-s",
        f"FX361_BASE_URL={base_url}",
        *FAST,
        *settings,
    ]


def wait_for_holder(db: Path, process: subprocess.Popen[str], timeout: float = 60) -> None:
    """Until `process` holds the lock (its pid in the lock file)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        path = lock_path(db)
        if path.exists() and path.read_text().strip() == str(process.pid):
            return
        assert process.poll() is None, process.communicate()[0][-3000:]
        time.sleep(0.05)
    raise AssertionError(f"pid {process.pid} did not take the lock in {timeout} s")


def test_a_second_lock_on_the_same_database_is_refused_until_the_first_is_released(
    tmp_path: Path,
) -> None:
    db = tmp_path / "articles.db"
    with RunLock(db):
        with pytest.raises(Locked) as refused, RunLock(db):
            pass
        holder = os.getpid()  # flock: a second descriptor is refused even in one process
        assert str(refused.value) == f"another crawl is writing {db} (pid {holder}); exiting"
    with RunLock(db):  # released on leaving the block
        pass
    with RunLock(tmp_path / "other.db"), RunLock(db):  # one lock per database
        pass
    assert not db.exists()  # the lock never creates the database


def test_overlapping_crawls_one_runs_the_other_exits_and_nothing_is_stored_twice(
    sample_site: SampleSite, tmp_path: Path
) -> None:
    db = tmp_path / "articles.db"
    # ~215 pages one every ~0.05 s: the first crawl runs ten seconds or so.
    slow = crawl_command(db, sample_site.base_url, "-s", "DOWNLOAD_DELAY=0.05")
    first = subprocess.Popen(
        slow, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        wait_for_holder(db, first)
        second = subprocess.run(
            crawl_command(db, sample_site.base_url),
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert first.poll() is None, "the first crawl ended before the second one started"
        first_log, _ = first.communicate(timeout=300)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    assert first.returncode == 0, first_log[-3000:]
    assert second.returncode == ExitStatus.LOCKED, second.stderr[-3000:]
    message = f"scrapy crawl fx361: another crawl is writing {db} (pid {first.pid}); exiting"
    assert second.stderr.splitlines().count(message) == 1, second.stderr[-3000:]
    # It stopped before the crawl started: no spider opened, nothing written.
    assert "Spider opened" not in second.stderr
    assert "store/articles" not in second.stderr

    expected = {article.id for _, _, article in all_articles()}
    with sqlite3.connect(db) as conn:
        ids = [row[0] for row in conn.execute("select id from articles")]
        assert sorted(ids) == sorted(expected)  # each article once
        assert conn.execute("select count(*) from sources").fetchone()[0] == len(expected)
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert lock_path(db).read_text() == ""  # released, with no holder named
    with RunLock(db):
        pass


def test_a_killed_crawl_leaves_no_lock_behind(sample_site: SampleSite, tmp_path: Path) -> None:
    db = tmp_path / "articles.db"
    crawl = subprocess.Popen(
        crawl_command(db, sample_site.base_url, "-s", "DOWNLOAD_DELAY=0.05"),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_holder(db, crawl)  # type: ignore[arg-type]
        with pytest.raises(Locked), RunLock(db):
            pass
    finally:
        crawl.send_signal(signal.SIGKILL)
        crawl.wait(timeout=60)
    assert crawl.returncode == -signal.SIGKILL
    # The kernel dropped the flock with the process; its pid is still written.
    assert lock_path(db).read_text().strip() == str(crawl.pid)
    with RunLock(db):
        pass


def test_workers_of_one_run_share_the_lock_and_other_runs_are_refused(tmp_path: Path) -> None:
    db = tmp_path / "articles.db"
    first, second = RunLock(db, "archive-1"), RunLock(db, "archive-1")
    first.acquire()
    second.acquire()  # a fellow worker of the run
    assert lock_path(db).read_text() == f"{os.getpid()} archive-1\n"
    with pytest.raises(Locked) as other_run, RunLock(db, "archive-2"):
        pass
    assert str(other_run.value) == (
        f"another crawl (run archive-1) is writing {db} (pid {os.getpid()}); exiting"
    )
    with pytest.raises(Locked), RunLock(db):  # a crawl in one process waits too
        pass
    first.release()
    with pytest.raises(Locked), RunLock(db, "archive-2"):  # one worker of the run is left
        pass
    second.release()
    assert lock_path(db).read_text() == ""  # the run's last worker emptied it
    with RunLock(db):
        with pytest.raises(Locked) as single, RunLock(db, "archive-1"):
            pass
        assert single.value.run_id is None
    with RunLock(db, "archive-2"):  # free again: any run may take it
        pass


def test_a_killed_worker_leaves_its_run_lock_to_the_kernel(tmp_path: Path) -> None:
    db = tmp_path / "articles.db"
    hold = "import sys, time; from pathlib import Path; from crawler.runlock import RunLock;"
    hold += " RunLock(Path(sys.argv[1]), 'archive-1').acquire(); print('held', flush=True);"
    hold += " time.sleep(60)"
    holder = subprocess.Popen(
        [sys.executable, "-c", hold, str(db)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with pytest.raises(Locked) as refused, RunLock(db, "archive-2"):
            pass
        assert (refused.value.pid, refused.value.run_id) == (holder.pid, "archive-1")
        with RunLock(db, "archive-1"):  # a fellow worker joins
            pass
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        assert holder.stdout is not None
        holder.stdout.close()
    with RunLock(db, "archive-2"):  # the run's only worker is gone
        pass
