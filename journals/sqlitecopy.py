"""A SQLite copy of a database (`journals export --format sqlite -o FILE`).

Datasette (`journals serve`) reads SQLite files only: a database kept in
PostgreSQL is served from such a copy. The copy is made as any database of
the project is: migrated to the newest revision (its tables, views and
full-text indexes), then every row of every table copied into it, parents
first, a batch at a time; the triggers fill the full-text index, and the
short-word index is made before each batch is committed (pipelines/db/grams.py).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, func, insert, select
from sqlalchemy.orm import Session

from pipelines.db import models
from pipelines.db.database import open_engine

BATCH = 1000  # rows read and written at a time: memory stays flat
WAL_FILES = ("-wal", "-shm")  # beside a SQLite file in WAL mode


class CopyError(Exception):
    """The copy cannot be made (its file exists)."""


def copy_to_sqlite(source: Engine, target: Path) -> int:
    """Copy the database of `source` (at the newest revision) into a new
    SQLite file `target`; returns how many articles it holds."""
    if target.exists():
        raise CopyError(f"{target} exists: give a new file")
    engine = open_engine(f"sqlite:///{target}", create=True)
    try:
        with source.connect() as reading:
            for table in models.Base.metadata.sorted_tables:  # parents first
                rows = reading.execution_options(stream_results=True, yield_per=BATCH).execute(
                    select(table)
                )
                for batch in rows.partitions(BATCH):
                    with Session(engine) as session, session.begin():
                        session.execute(insert(table), [dict(row._mapping) for row in batch])
        with engine.connect() as connection:
            return int(connection.scalar(select(func.count()).select_from(models.Article)) or 0)
    except BaseException:  # no half copy left behind
        engine.dispose()
        for leftover in (target, *(target.with_name(target.name + end) for end in WAL_FILES)):
            leftover.unlink(missing_ok=True)
        raise
    finally:
        engine.dispose()
