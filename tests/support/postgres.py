"""A real PostgreSQL 15 server for the tests, started once per session.

`initdb` makes a cluster in a temporary folder (trust authentication, UTF-8,
locale C.UTF-8: text compares by code point, as SQLite's does), `pg_ctl`
starts it on a free port of 127.0.0.1 with its socket in that folder and
fsync off (nothing here needs to survive a crash of the machine), and stops
it at the end of the session, the folder removed. PostgreSQL refuses to run
as root: as root (tests and CI here) its programs run as the system user
`postgres` (`runuser`), the folder handed to that user. Without the
programs (`make postgres` installs them) the tests that need the server are
skipped, and say why.

Each test gets a database of its own (`postgres_url`), made from
`template1`, dropped after the test; `copy_database` makes one from another
database instead (CREATE DATABASE … TEMPLATE), as tests/conftest.py does
from the crawled sample site.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

BIN = Path(os.environ.get("POSTGRES_BIN", "/usr/lib/postgresql/15/bin"))
SYSTEM_USER = "postgres"  # who runs the server when the tests run as root
SUPERUSER = "postgres"  # the cluster's role the tests connect as
_names = itertools.count(1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def missing() -> str | None:
    """Why no server can be started here, or None."""
    for program in ("initdb", "pg_ctl", "postgres"):
        if not (BIN / program).is_file():
            return f"PostgreSQL 15 is not installed ({BIN / program} missing; `make postgres`)"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root, and no runuser to start PostgreSQL as another user"
    return None


@dataclass
class PostgresServer:
    """A running cluster: its folder and port."""

    folder: Path
    port: int

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def execute(self, statement: str) -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE need that)."""
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=SUPERUSER, dbname="postgres", autocommit=True
        ) as connection:
            connection.execute(statement)

    def create_database(self, prefix: str = "test") -> str:
        """A new empty database; its name."""
        name = f"{prefix}_{os.getpid()}_{next(_names)}"
        self.execute(f'CREATE DATABASE "{name}"')
        return name

    def copy_database(self, template: str, prefix: str = "copy") -> str:
        """A new database holding what `template` holds (no one may be
        connected to it meanwhile); its name. Cheaper than the crawl that
        filled the template."""
        name = f"{prefix}_{os.getpid()}_{next(_names)}"
        self.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return name

    def drop_database(self, name: str) -> None:
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _run(*command: str | Path) -> subprocess.CompletedProcess[str]:
    """Run a PostgreSQL program, as the system user `postgres` when root."""
    argv = [str(part) for part in command]
    if os.geteuid() == 0:
        argv = ["runuser", "-u", SYSTEM_USER, "--", *argv]
    return subprocess.run(argv, capture_output=True, text=True, timeout=120)


def _checked(done: subprocess.CompletedProcess[str], what: str) -> None:
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed ({done.returncode}): {done.stdout}{done.stderr}")


@dataclass
class _Cluster:
    folder: Path

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def init(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.folder, user=SYSTEM_USER)
        _checked(
            _run(
                BIN / "initdb",
                "-D",
                self.data,
                "-U",
                SUPERUSER,
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ),
            "initdb",
        )

    def start(self, port: int) -> subprocess.CompletedProcess[str]:
        options = (
            f"-p {port} -k {self.folder} -c listen_addresses=127.0.0.1"
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        return _run(
            BIN / "pg_ctl",
            "-D",
            self.data,
            "-o",
            options,
            "-l",
            self.folder / "server.log",
            "-w",
            "start",
        )

    def stop(self) -> None:
        _run(BIN / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")


@contextmanager
def running() -> Iterator[PostgresServer]:
    """A server of its own in a temporary folder, for the block (the session's
    fixture, the scaling bench)."""
    folder = Path(tempfile.mkdtemp(prefix="journals-pg-"))
    cluster = _Cluster(folder)
    try:
        cluster.init()
        for _ in range(5):  # another process may take the free port first
            port = free_port()
            started = cluster.start(port)
            if started.returncode == 0:
                break
        else:
            log = (folder / "server.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"PostgreSQL did not start: {started.stderr}{log}")
        yield PostgresServer(folder, port)
    finally:
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """The session's PostgreSQL server (skips the test where none can run)."""
    reason = missing()
    if reason:
        pytest.skip(reason)
    with running() as server:
        yield server


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """The URL of an empty database of the test's own, dropped after it."""
    name = postgres_server.create_database()
    yield postgres_server.url(name)
    postgres_server.drop_database(name)
