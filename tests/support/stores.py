"""Reading a database the tests made, SQLite or PostgreSQL alike, by its URL:
plain SQL through SQLAlchemy, the rows as dictionaries."""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine, text


def rows(url: str, query: str, **params: Any) -> list[dict[str, Any]]:
    """The rows `query` gives on the database at `url`."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return [dict(row) for row in connection.execute(text(query), params).mappings()]
    finally:
        engine.dispose()
