"""Schema migrations (Alembic, in `pipelines/db/migrations/`), run in place.

A database made before migrations existed (the first version's tables, no
`alembic_version`) is recognised and stamped with the first revision, then
upgraded like any other."""

from __future__ import annotations

import atexit
import fcntl
import logging
import os
import shutil
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text

logger = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
FIRST_REVISION = "0001"
# The advisory lock a PostgreSQL migration takes (any fixed number of its own).
MIGRATION_LOCK = zlib.crc32(b"journals migrations")
# Made by migrations only, no model of theirs: the full-text index and its shadow tables.
UNMODELLED_PREFIX = "articles_fts"
# Made by migrations only: PostgreSQL's trigram indexes (migrations/dialects.py).
UNMODELLED_INDEX_PREFIX = "trgm_"


def modelled(name: str | None, type_: str, _parents: object = None) -> bool:
    """Whether autogenerate should compare this object with the models.

    >>> modelled("articles", "table"), modelled("articles_fts_docsize", "table")
    (True, False)
    >>> modelled("ix_articles_date", "index"), modelled("trgm_articles_body", "index")
    (True, False)
    """
    if type_ == "index":
        return not (name or "").startswith(UNMODELLED_INDEX_PREFIX)
    return not (type_ == "table" and (name or "").startswith(UNMODELLED_PREFIX))


def copy_tree(source: Traversable, target: Path) -> None:
    """Copy a package folder (in a zip or not) to `target`, without caches.

    >>> with tempfile.TemporaryDirectory() as scratch:
    ...     target = Path(scratch) / "migrations"
    ...     copy_tree(files("pipelines.db.migrations"), target)
    ...     (target / "env.py").is_file(), (target / "versions" / "__pycache__").exists()
    (True, False)
    """
    target.mkdir(parents=True, exist_ok=True)
    for entry in source.iterdir():
        if entry.name == "__pycache__":
            continue
        if entry.is_dir():
            copy_tree(entry, target / entry.name)
        else:
            (target / entry.name).write_bytes(entry.read_bytes())


@cache
def script_location() -> Path:
    """The migration scripts' folder. Run from a zipped egg (as scrapyd runs a
    deployed project) there is none, and Alembic reads only folders: the
    scripts are copied out once per process, to a folder removed at exit."""
    if MIGRATIONS.is_dir():
        return MIGRATIONS
    scratch = Path(tempfile.mkdtemp(prefix="journals-migrations-"))
    atexit.register(shutil.rmtree, scratch, ignore_errors=True)
    copy_tree(files("pipelines.db.migrations"), scratch / "migrations")
    logger.info("running from an egg: migration scripts copied to %s", scratch / "migrations")
    return scratch / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration without an alembic.ini; migrations run on `connection`."""
    config = Config()
    config.set_main_option("script_location", str(script_location()))
    config.attributes["connection"] = connection
    return config


def head() -> str:
    """The newest revision."""
    revision = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert revision is not None
    return revision


def current(connection: Connection) -> str | None:
    """The revision the database is at; None for an empty or pre-migration database."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to `revision` (default: the newest).

    SQLite's foreign keys are off while it migrates, as a table rebuild needs
    (SQLite's own procedure for schema changes; revision 0010 rebuilds
    `articles`), and checked before the changes are committed.

    Processes opening one SQLite file at once (the workers of a run sharing
    a frontier, crawler/frontier/) migrate it one after another
    (`one_at_a_time`): Alembic's DDL on SQLite is not transactional, so two
    would both find a new file empty and both create its tables. On
    PostgreSQL, whose DDL is transactional, the migration's transaction
    takes an advisory lock first (released with it): a second process waits,
    then finds the tables made."""
    with one_at_a_time(engine), engine.connect() as connection:
        if revision == "head" and current(connection) == head():
            return
        sqlite = connection.dialect.name == "sqlite"
        connection.rollback()
        if sqlite:  # outside a transaction, or SQLite ignores it
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            with connection.begin():
                if connection.dialect.name == "postgresql":  # one process at a time, as SQLite's
                    connection.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK}
                    )
                _upgrade(connection, revision)
                if sqlite and (
                    broken := connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                ):
                    raise RuntimeError(f"migration broke foreign keys: {broken[:5]}")
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()


@contextmanager
def one_at_a_time(engine: Engine) -> Iterator[None]:
    """An exclusive flock on `<database>.migrate` beside a SQLite file for the
    block (released by the kernel however the process ends); nothing for
    other databases."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        yield
        return
    fd = os.open(f"{database}.migrate", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _upgrade(connection: Connection, revision: str) -> None:
    tables = set(inspect(connection).get_table_names())
    config = alembic_config(connection)
    if "articles" in tables and "alembic_version" not in tables:
        command.stamp(config, FIRST_REVISION)
    command.upgrade(config, revision)
