"""Inserts that update the row already stored under the same key, in one
statement: the dialect's own `INSERT … ON CONFLICT … DO UPDATE`, which
SQLite (3.24+) and PostgreSQL share. Other databases get None, and the
caller does it in two steps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

Insert = Callable[[Any], Any]


def dialect_insert(session: Session) -> Insert | None:
    """The `insert` construct that knows ON CONFLICT for the session's
    database, or None where there is none.

    >>> from sqlalchemy import create_engine
    >>> dialect_insert(Session(create_engine("sqlite://"))).__module__
    'sqlalchemy.dialects.sqlite.dml'
    """
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert
    return None
