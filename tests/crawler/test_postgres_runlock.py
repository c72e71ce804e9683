"""The run lock on PostgreSQL (crawler/runlock.py): an advisory lock held by
a connection of the run's own. A second holder is refused and told which
process holds it, a crawl started beside a holder exits LOCKED having stored
nothing, and a killed holder leaves no lock behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import create_engine, inspect
from support.postgres import PostgresServer
from support.runners import ROOT, run_crawl

from crawler.exitstatus import ExitStatus
from crawler.runlock import AdvisoryLock, Locked, lock_for


def test_a_second_lock_is_refused_until_the_first_is_released(
    postgres_url: str, postgres_server: PostgresServer
) -> None:
    first, second = lock_for(postgres_url), AdvisoryLock(postgres_url)
    assert isinstance(first, AdvisoryLock)
    first.acquire()
    with pytest.raises(Locked) as refused:
        second.acquire()
    assert refused.value.pid == os.getpid()
    # another database of the same server is another lock
    with AdvisoryLock(postgres_server.url(postgres_server.create_database())):
        pass
    first.release()
    second.acquire()
    second.release()


def test_a_crawl_beside_a_holder_exits_locked_and_stores_nothing(postgres_url: str) -> None:
    with AdvisoryLock(postgres_url):
        crawl = run_crawl("article", "-a", "url=http://127.0.0.1:9/x", url=postgres_url)
    assert crawl.returncode == ExitStatus.LOCKED, crawl.log[-2000:]
    assert f"pid {os.getpid()}" in crawl.log
    engine = create_engine(postgres_url)
    with engine.connect() as connection:
        assert inspect(connection).get_table_names() == []  # not even opened
    engine.dispose()


HOLD = """
import sys, time
from crawler.runlock import AdvisoryLock
lock = AdvisoryLock(sys.argv[1])
lock.acquire()
print("held", flush=True)
time.sleep(600)
"""


def test_a_killed_holder_leaves_no_lock_behind(postgres_url: str) -> None:
    with subprocess.Popen(
        [sys.executable, "-c", HOLD, postgres_url], cwd=ROOT, stdout=subprocess.PIPE, text=True
    ) as holder:
        try:
            assert holder.stdout is not None and holder.stdout.readline() == "held\n"
            with pytest.raises(Locked) as refused:
                AdvisoryLock(postgres_url).acquire()
            assert refused.value.pid == holder.pid
        finally:
            holder.send_signal(signal.SIGKILL)
            holder.wait()
    # the server ends the killed process's session as soon as it sees its socket closed
    deadline = time.monotonic() + 60
    lock = AdvisoryLock(postgres_url)
    while True:
        try:
            lock.acquire()
            lock.release()
            break
        except Locked:
            assert time.monotonic() < deadline, "the killed holder's lock stayed"
            time.sleep(0.1)


def test_the_workers_of_one_run_share_the_lock_and_other_runs_wait(postgres_url: str) -> None:
    first, second = lock_for(postgres_url, "archive-1"), lock_for(postgres_url, "archive-1")
    assert isinstance(first, AdvisoryLock) and isinstance(second, AdvisoryLock)
    first.acquire()
    second.acquire()  # a fellow worker joins
    for other in (AdvisoryLock(postgres_url, "archive-2"), AdvisoryLock(postgres_url)):
        with pytest.raises(Locked) as refused:
            other.acquire()
        assert refused.value.pid == os.getpid()
    first.release()
    with pytest.raises(Locked):  # one worker of the run still writes
        AdvisoryLock(postgres_url, "archive-2").acquire()
    second.release()
    # the run is over: the next may start; a crawl in one process keeps out every worker
    for holder in (AdvisoryLock(postgres_url, "archive-2"), AdvisoryLock(postgres_url)):
        with holder, pytest.raises(Locked):
            AdvisoryLock(postgres_url, "archive-1").acquire()
