"""One crawl at a time per database: an exclusive OS lock beside the SQLite file.

Two runs writing the same database (a nightly run still going when the next
one starts, an archive run started by hand beside it) would both upsert the
same articles: SQLite keeps the file consistent, but each run may find an
article missing and insert it, and the loser of that race fails on the primary
key at its next batch. So `scrapy crawl` holds `fcntl.flock(LOCK_EX)` on
`<database>.lock` (e.g. `data/articles.db.lock`) from before the crawl starts
until the process ends; a second run finds it held, says which process holds
it and exits with status 75 (EX_TEMPFAIL: "try again later") without opening
the database.

The kernel releases a flock when the last descriptor of the open file goes
away, so however the holder ends (normal exit, exception, SIGTERM, SIGKILL,
OOM kill) the lock is free again: no stale lock to clean up by hand. The file
itself stays: deleting it on exit would let a third run lock a new file while
a second still holds the old, deleted one. Its content (the holder's pid) is
only for the message. Non-SQLite databases are not locked here.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path


class Locked(Exception):
    """Another process holds the database's lock."""

    def __init__(self, database: Path, pid: int | None) -> None:
        self.database = database
        self.pid = pid
        holder = f"pid {pid}" if pid else "pid unknown"
        super().__init__(f"another crawl is writing {database} ({holder}); exiting")


def lock_path(database: Path) -> Path:
    """
    >>> lock_path(Path("data/articles.db"))
    PosixPath('data/articles.db.lock')
    """
    return database.with_name(database.name + ".lock")


def parse_pid(text: str) -> int | None:
    """The pid written in a lock file; None if it is empty or not a number.

    >>> parse_pid("4242\\n"), parse_pid(""), parse_pid("x")
    (4242, None, None)
    """
    text = text.strip()
    return int(text) if text.isdigit() else None


class RunLock:
    """The lock of one database. `acquire()` raises Locked when it is held;
    `release()` (or the process ending) frees it."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self.path = lock_path(database)
        self.fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # No O_TRUNC: the holder's pid must survive a loser opening the file.
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = parse_pid(os.pread(fd, 32, 0).decode("ascii", "replace"))
            os.close(fd)
            raise Locked(self.database, pid) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self.fd = fd

    def release(self) -> None:
        if self.fd is None:
            return
        os.ftruncate(self.fd, 0)
        os.close(self.fd)  # closing the only descriptor releases the flock
        self.fd = None

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
