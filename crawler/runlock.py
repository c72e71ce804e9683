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

Workers of one run (the shared frontier, crawler/frontier/: the same RUN_ID)
write side by side: each holds a *shared* flock on the same file, whose
content then names the run (`<pid> <run id>`, written by the first); a
worker of another run, or a single-process crawl, finds the file locked by
a run not its own and exits 75 as before. Deciding what to take (exclusive
when the file is free, else shared when the holders' run is ours) happens
while holding a second, exclusive flock on `<database>.lock.gate`, held for
microseconds, so two workers starting at once cannot both see a free file;
the kernel releases both however a process ends. The last worker of a run to
leave empties the file, as an exclusive holder does.

A PostgreSQL database is locked the same way with a session-level advisory
lock held by a connection of the run's own, open until the process ends: the
server releases it when that connection goes, however the process ends. A
crawl in one process holds it exclusively; the workers of one run share it,
each connection naming its holder's pid and a digest of its run id in its
`application_name`, which a newcomer reads to tell whether the holders are
of its run; the choice is made under a second advisory lock, the gate. Other
databases are not locked (`lock_for` gives None).

The lock is used through `lock_for(database URL, run id)` and the
acquire/release pair (a `CrawlLock`).
"""

from __future__ import annotations

import fcntl
import os
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol, Self

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from pipelines.db.database import sqlite_path

# The advisory lock's key: any fixed number, the same for every run.
ADVISORY_KEY = zlib.crc32(b"journals run lock")
GATE_KEY = zlib.crc32(b"journals run lock gate")  # held while a process decides
HOLDER_PREFIX = "journals run lock, pid "


class Locked(Exception):
    """Another process holds the database's lock (for another run, if `run_id`)."""

    def __init__(self, database: Path | str, pid: int | None, run_id: str | None = None) -> None:
        self.database = database
        self.pid = pid
        self.run_id = run_id
        holder = f"pid {pid}" if pid else "pid unknown"
        crawl = f"another crawl (run {run_id})" if run_id else "another crawl"
        super().__init__(f"{crawl} is writing {database} ({holder}); exiting")


class CrawlLock(Protocol):
    """What `scrapy crawl` needs of a lock: acquire() raises Locked when the
    database is another run's; release() (or the process ending) frees it."""

    def acquire(self) -> None: ...

    def release(self) -> None: ...


class Held:
    """A lock as a context manager: held for the block."""

    def acquire(self) -> None:
        raise NotImplementedError

    def release(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def lock_path(database: Path) -> Path:
    """
    >>> lock_path(Path("data/articles.db"))
    PosixPath('data/articles.db.lock')
    """
    return database.with_name(database.name + ".lock")


def parse_holder(text: str) -> tuple[int | None, str | None]:
    """The pid and run id written in a lock file; None for what is missing.

    >>> parse_holder("4242\\n"), parse_holder("4242 archive-1\\n"), parse_holder("x")
    ((4242, None), (4242, 'archive-1'), (None, None))
    >>> parse_holder("")
    (None, None)
    """
    words = text.split()
    if not words or not words[0].isdigit():
        return None, None
    return int(words[0]), words[1] if len(words) > 1 else None


def parse_pid(text: str) -> int | None:
    """The pid written in a lock file; None if it is empty or not a number.

    >>> parse_pid("4242\\n"), parse_pid(""), parse_pid("x")
    (4242, None, None)
    """
    return parse_holder(text)[0]


@contextmanager
def gate(path: Path) -> Iterator[None]:
    """Hold `<lock>.gate` exclusively for the block: one process at a time
    decides how it takes the lock (blocking: a holder keeps it for microseconds)."""
    fd = os.open(path.with_name(path.name + ".gate"), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


class RunLock(Held):
    """The lock of one database: exclusive, or with `run_id` shared by the
    workers of that run. `acquire()` raises Locked when it is held otherwise;
    `release()` (or the process ending) frees it."""

    def __init__(self, database: Path, run_id: str | None = None) -> None:
        self.database = database
        self.run_id = run_id
        self.path = lock_path(database)
        self.fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # No O_TRUNC: the holder's pid must survive a loser opening the file.
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            with gate(self.path):
                self._take(fd)
        except BaseException:
            os.close(fd)
            raise
        self.fd = fd

    def _take(self, fd: int) -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid, run_id = parse_holder(os.pread(fd, 160, 0).decode("ascii", "replace"))
            if self.run_id is None or run_id != self.run_id:
                raise Locked(self.database, pid, run_id) from None
            try:  # a worker of our run holds it: join
                fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                raise Locked(self.database, pid, run_id) from None
            return
        os.ftruncate(fd, 0)
        holder = f"{os.getpid()} {self.run_id}" if self.run_id else str(os.getpid())
        os.pwrite(fd, f"{holder}\n".encode(), 0)
        if self.run_id:
            # Not atomic in general, but every taker waits at the gate meanwhile.
            fcntl.flock(fd, fcntl.LOCK_SH)

    def release(self) -> None:
        if self.fd is None:
            return
        if self.run_id is None:
            os.ftruncate(self.fd, 0)
        else:
            with gate(self.path):
                try:  # the run's last worker: empty the file
                    fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    os.ftruncate(self.fd, 0)
                except BlockingIOError:
                    pass
        os.close(self.fd)  # closing the only descriptor releases the flock
        self.fd = None


class AdvisoryLock(Held):
    """The lock of one PostgreSQL database (`url`), exclusive, or with
    `run_id` shared by the workers of that run: `acquire()` raises Locked
    when another run's connection holds it; `release()` (or the process
    ending, which closes the connection) frees it."""

    def __init__(self, url: str, run_id: str | None = None) -> None:
        self.url = url
        self.run_id = run_id
        self.shown = make_url(url).render_as_string(hide_password=True)
        self.connection: Connection | None = None
        self.name = holder_name(os.getpid(), run_id)

    def acquire(self) -> None:
        engine = create_engine(
            self.url, poolclass=NullPool, connect_args={"application_name": self.name}
        )
        connection = engine.connect()
        try:
            # one process at a time decides how it takes the lock
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": GATE_KEY})
            try:
                holders = connection.execute(HOLDERS, {"key": ADVISORY_KEY}).scalars().all()
                if self.run_id is None:  # alone: an exclusive lock, which any holder refuses
                    held = connection.scalar(TAKE, {"key": ADVISORY_KEY})
                else:  # a worker: shared with the holders, if all are of its run
                    ours = _run_tag(self.run_id)
                    holders = [name for name in holders if holder_run(name) != ours]
                    held = not holders and connection.scalar(SHARE, {"key": ADVISORY_KEY})
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": GATE_KEY})
            connection.commit()  # the lock outlives the transaction: no idle transaction held
        except BaseException:
            connection.close()
            engine.dispose()
            raise
        if not held:
            connection.close()
            engine.dispose()
            raise Locked(self.shown, holder_pid(holders[0] if holders else None))
        self.connection = connection

    def release(self) -> None:
        if self.connection is None:
            return
        engine = self.connection.engine
        self.connection.close()  # the session ends, and its advisory locks with it
        engine.dispose()
        self.connection = None


TAKE = text("SELECT pg_try_advisory_lock(:key)")
SHARE = text("SELECT pg_try_advisory_lock_shared(:key)")
# The application_name of each connection holding the lock in this database.
HOLDERS = text(
    "SELECT activity.application_name FROM pg_locks AS locks"
    " JOIN pg_stat_activity AS activity ON activity.pid = locks.pid"
    " WHERE locks.locktype = 'advisory' AND locks.granted"
    " AND locks.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
    " AND (locks.classid::bigint << 32 | locks.objid::bigint) = :key"
)


def _run_tag(run_id: str | None) -> str | None:
    """A short, fixed-length name of a run (application_name holds 63 bytes)."""
    return None if run_id is None else f"{zlib.crc32(run_id.encode()):08x}"


def holder_name(pid: int, run_id: str | None) -> str:
    """The application_name of a holder.

    >>> holder_name(4242, None), holder_name(4242, "archive-1")
    ('journals run lock, pid 4242', 'journals run lock, pid 4242 run f8037589')
    """
    tag = _run_tag(run_id)
    return f"{HOLDER_PREFIX}{pid}" + (f" run {tag}" if tag else "")


def holder_pid(application_name: str | None) -> int | None:
    """The pid an advisory lock's holder gave in its application_name.

    >>> holder_pid("journals run lock, pid 4242"), holder_pid("psql"), holder_pid(None)
    (4242, None, None)
    >>> holder_pid("journals run lock, pid 4242 run 5c2a1d4a")
    4242
    """
    if not application_name or not application_name.startswith(HOLDER_PREFIX):
        return None
    return parse_pid(application_name.removeprefix(HOLDER_PREFIX).split(" ")[0])


def holder_run(application_name: str | None) -> str | None:
    """The run tag a holder gave (None: a crawl in one process, or not ours).

    >>> holder_run("journals run lock, pid 4242 run 5c2a1d4a")
    '5c2a1d4a'
    >>> holder_run("journals run lock, pid 4242") is None
    True
    """
    if not application_name or not application_name.startswith(HOLDER_PREFIX):
        return None
    words = application_name.removeprefix(HOLDER_PREFIX).split(" ")
    return words[2] if len(words) == 3 and words[1] == "run" else None


def lock_for(database_url: str, run_id: str | None = None) -> CrawlLock | None:
    """The lock a crawl of `database_url` takes (for the workers of `run_id`,
    shared): a lock file beside a SQLite file, an advisory lock in
    PostgreSQL, None for any other database. DatabaseError for a URL that is
    not a database's.

    >>> lock_for("sqlite:///data/articles.db").path
    PosixPath('data/articles.db.lock')
    >>> lock_for("sqlite://") is None, type(lock_for("postgresql+psycopg://u@h/db")).__name__
    (True, 'AdvisoryLock')
    """
    path = sqlite_path(database_url)
    if path is not None:
        return RunLock(path, run_id)
    if make_url(database_url).get_backend_name() == "postgresql":
        return AdvisoryLock(database_url, run_id)
    return None
