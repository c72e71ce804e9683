"""One way to read or write the database from the researcher's side: `with
database(url) as session`, the engine opened (schema migrated to the newest,
pipelines/db/database.py) and disposed again however the block ends."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from pipelines.db.database import open_engine


@contextmanager
def database(url: str) -> Iterator[Session]:
    """A session on the database at `url`; a missing SQLite file is an error
    (DatabaseError). Its engine (`session.get_bind()`) lives as long as the
    block, and its pooled connections are closed when the block ends, also on
    an error.

    >>> from sqlalchemy import text
    >>> with database("sqlite://") as session:
    ...     session.scalar(text("SELECT occurrences('民情；体察民情', '民情')"))
    2
    """
    engine = open_engine(url)
    try:
        with Session(engine) as session:
            yield session
    finally:
        engine.dispose()
