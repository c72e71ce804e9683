"""The Redis keys of one run of the shared frontier."""

from __future__ import annotations

import os
import re
import socket
from dataclasses import dataclass

PREFIX = "journals"
RUN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


def check_run_id(value: str | None) -> str:
    """A RUN_ID as given, or ValueError saying what a good one is.

    >>> check_run_id("nightly-2026-12-07")
    'nightly-2026-12-07'
    >>> check_run_id("")
    Traceback (most recent call last):
    ...
    ValueError: REDIS_URL needs RUN_ID, the name every worker of one run is given (e.g. archive-1)
    >>> check_run_id("a b")
    Traceback (most recent call last):
    ...
    ValueError: RUN_ID 'a b': letters, digits, '.', '_' and '-' only (at most 100)
    """
    if not value:
        raise ValueError(
            "REDIS_URL needs RUN_ID, the name every worker of one run is given (e.g. archive-1)"
        )
    if not RUN_ID.fullmatch(value):
        raise ValueError(f"RUN_ID {value!r}: letters, digits, '.', '_' and '-' only (at most 100)")
    return value


def worker_name(settings_value: str | None) -> str:
    """WORKER_NAME, or one made of the host and the process id.

    >>> worker_name("crawl-2")
    'crawl-2'
    >>> worker_name("a:b")
    Traceback (most recent call last):
    ...
    ValueError: WORKER_NAME 'a:b': letters, digits, '.', '_' and '-' only (at most 100)
    """
    name = settings_value or f"{socket.gethostname()}-{os.getpid()}"
    if not RUN_ID.fullmatch(name):
        raise ValueError(
            f"WORKER_NAME {name!r}: letters, digits, '.', '_' and '-' only (at most 100)"
        )
    return name


@dataclass(frozen=True)
class Keys:
    """The names of a run's keys: one namespace per spider and run.

    >>> keys = Keys("fx361", "archive-1")
    >>> keys.queue, keys.seen
    ('journals:fx361:archive-1:requests', 'journals:fx361:archive-1:seen')
    >>> keys.taken("w1"), keys.worker("w1"), keys.worker_of(keys.taken("w1"))
    ('journals:fx361:archive-1:taken:w1', 'journals:fx361:archive-1:worker:w1', 'w1')
    """

    spider: str
    run_id: str

    @property
    def base(self) -> str:
        return f"{PREFIX}:{self.spider}:{self.run_id}"

    @property
    def queue(self) -> str:
        """The requests to make (a sorted set by priority and site's turn;
        the turns in a hash beside it, crawler/frontier/queue.py)."""
        return f"{self.base}:requests"

    @property
    def seen(self) -> str:
        """The fingerprints of every request scheduled in the run (a set)."""
        return f"{self.base}:seen"

    def taken(self, worker: str) -> str:
        """The requests `worker` has taken and not finished (a hash)."""
        return f"{self.base}:taken:{worker}"

    @property
    def all_taken(self) -> str:
        """A pattern matching every worker's `taken` hash."""
        return f"{self.base}:taken:*"

    def worker(self, worker: str) -> str:
        """`worker`'s heartbeat: `busy` or `idle`, expiring when not refreshed."""
        return f"{self.base}:worker:{worker}"

    @property
    def all_workers(self) -> str:
        return f"{self.base}:worker:*"

    def worker_of(self, key: str) -> str:
        """The worker a `taken` or `worker` key belongs to."""
        return key.rsplit(":", 1)[1]
