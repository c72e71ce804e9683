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
only for the message.

A PostgreSQL database is locked with a session-level advisory lock
(`pg_try_advisory_lock`) held by a connection of the run's own, open until
the process ends: the server releases it when that connection goes, however
the process ends. The connection names the holder's pid in its
`application_name`, which a loser reads back for the message. Other
databases are not locked (`lock_for` gives None).
"""

from __future__ import annotations

import fcntl
import os
import zlib
from pathlib import Path

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from pipelines.db.database import sqlite_path

# The advisory lock's key: any fixed number, the same for every run.
ADVISORY_KEY = zlib.crc32(b"journals run lock")
HOLDER_PREFIX = "journals run lock, pid "


class Locked(Exception):
    """Another process holds the database's lock."""

    def __init__(self, database: Path | str, pid: int | None) -> None:
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


class AdvisoryLock:
    """The lock of one PostgreSQL database (`url`): `acquire()` raises Locked
    when another connection holds it; `release()` (or the process ending,
    which closes the connection) frees it."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.shown = make_url(url).render_as_string(hide_password=True)
        self.connection: Connection | None = None

    def acquire(self) -> None:
        engine = create_engine(
            self.url,
            poolclass=NullPool,
            connect_args={"application_name": f"{HOLDER_PREFIX}{os.getpid()}"},
        )
        connection = engine.connect()
        held = connection.scalar(text("SELECT pg_try_advisory_lock(:key)"), {"key": ADVISORY_KEY})
        if not held:
            holder = connection.scalar(
                text(
                    "SELECT activity.application_name FROM pg_locks AS locks"
                    " JOIN pg_stat_activity AS activity ON activity.pid = locks.pid"
                    " WHERE locks.locktype = 'advisory' AND locks.granted"
                    " AND locks.database = (SELECT oid FROM pg_database"
                    " WHERE datname = current_database())"
                    " AND (locks.classid::bigint << 32 | locks.objid::bigint) = :key"
                ),
                {"key": ADVISORY_KEY},
            )
            connection.close()
            engine.dispose()
            raise Locked(self.shown, holder_pid(holder))
        connection.commit()  # the lock outlives the transaction: no idle transaction held
        self.connection = connection

    def release(self) -> None:
        if self.connection is None:
            return
        engine = self.connection.engine
        self.connection.close()  # the session ends, and its advisory locks with it
        engine.dispose()
        self.connection = None

    def __enter__(self) -> AdvisoryLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def holder_pid(application_name: str | None) -> int | None:
    """The pid an advisory lock's holder gave in its application_name.

    >>> holder_pid("journals run lock, pid 4242"), holder_pid("psql"), holder_pid(None)
    (4242, None, None)
    """
    if not application_name or not application_name.startswith(HOLDER_PREFIX):
        return None
    return parse_pid(application_name.removeprefix(HOLDER_PREFIX))


def lock_for(url: str) -> RunLock | AdvisoryLock | None:
    """The run lock of the database at `url`: a lock file beside a SQLite
    file, an advisory lock in PostgreSQL, None for any other database.

    >>> lock_for("sqlite:///data/articles.db").path
    PosixPath('data/articles.db.lock')
    >>> lock_for("sqlite://") is None, type(lock_for("postgresql+psycopg://u@h/db")).__name__
    (True, 'AdvisoryLock')
    """
    path = sqlite_path(url)
    if path is not None:
        return RunLock(path)
    if make_url(url).get_backend_name() == "postgresql":
        return AdvisoryLock(url)
    return None
