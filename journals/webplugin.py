"""The Datasette plugin of `journals serve`: the project's search as a SQL function.

`journals_search(query [, filters [, limit]])` runs `journals.search.search`,
the search `journals search` runs, on the connection the SQL runs on, and
returns its hits as a JSON array, best first:

    [{"id": 5108306, "score": 31.2, "snippet": "…体察【民情】…"}, …]

`filters` is a JSON object with any of the keys of the command's filters
(`journal`, `province`, `year` as `2018` or `2016-2019`, `issue`, `column`,
`author`, `keyword`; `journal` and `column` may be lists), or `year_from` and
`year_to`; an empty value is no filter. `limit` is how many hits (default 20,
0 for all). The canned query `search` (journals/web.py) reads the array with
`json_each`, so its results and their order are those of `journals search` by
construction. Any SQL in Datasette may call it:

    SELECT json_extract(value, '$.id')
    FROM json_each(journals_search('民情', '{"province": "浙江"}', 50))

The plugin also gives Datasette's connections the project's other SQL
functions (`occurrences`, pipelines/db/database.py)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from datasette import hookimpl
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from crawler.arguments import BadArgument, parse_years
from journals import search
from journals.filters import Filters
from pipelines.db.database import sqlite_functions

FUNCTION = "journals_search"
DEFAULT_LIMIT = 20  # as `journals search`
LAST_YEAR = 9999
FILTER_KEYS = frozenset(
    "journal province year year_from year_to issue column author keyword".split()
)


class _Borrowed:
    """Datasette's connection as SQLAlchemy's pool holds it: everything goes
    through to it but `close`, which stays Datasette's to do."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def __getattr__(self, name: str) -> Any:
        return getattr(self.connection, name)

    def close(self) -> None:
        pass


def engine_on(connection: sqlite3.Connection) -> Engine:
    """An engine whose one connection is `connection`, so that a search runs
    inside the query that calls it: the same snapshot, and Datasette's time
    limit applies. Connected at once: SQLAlchemy registers SQL functions of
    its own when it first connects, and SQLite allows that only while no
    query runs. Nothing is committed or rolled back on return (the pool's
    reset is off): the connection's transaction is Datasette's."""
    engine = create_engine(
        "sqlite://",
        creator=lambda: _Borrowed(connection),
        poolclass=StaticPool,
        pool_reset_on_return=None,
    )
    with engine.connect():
        pass
    return engine


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _names(value: Any) -> tuple[str, ...]:
    values = value if isinstance(value, list) else [value]
    return tuple(name for name in map(_text, values) if name)


def _year(value: Any, key: str) -> int | None:
    text = _text(value)
    if not text:
        return None
    if not text.isdigit():
        raise ValueError(f"{key}: {text!r} is not a year (2018)")
    return int(text)


def parse_filters(text: str | None) -> Filters:
    """The filters a JSON object names; empty values are no filter.

    >>> parse_filters('{"journal": "浙江人大", "year_from": "2015", "year_to": ""}')
    Filters(journals=('浙江人大',), province=None, years=(2015, 9999), issue=None, columns=(), author=None, keyword=None)
    >>> parse_filters('{"year": "2016-2019", "column": ["代表风采"], "province": ""}')
    Filters(journals=(), province=None, years=(2016, 2019), issue=None, columns=('代表风采',), author=None, keyword=None)
    >>> parse_filters(None) == parse_filters("") == parse_filters("{}") == Filters()
    True
    >>> parse_filters('{"year_from": "2016年"}')
    Traceback (most recent call last):
    ...
    ValueError: year_from: '2016年' is not a year (2018)
    """  # noqa: E501
    values = json.loads(text) if text else {}
    if not isinstance(values, dict):
        raise ValueError('filters: a JSON object, e.g. {"journal": "浙江人大"}')
    unknown = set(values) - FILTER_KEYS
    if unknown:
        raise ValueError(f"filters: unknown {', '.join(sorted(unknown))}")
    try:
        years = parse_years(_text(values.get("year")) or None)
    except BadArgument as exc:
        raise ValueError(str(exc)) from exc
    first, last = (
        _year(values.get("year_from"), "year_from"),
        _year(values.get("year_to"), "year_to"),
    )
    if first is not None or last is not None:
        low, high = years or (0, LAST_YEAR)
        years = (max(low, first or 0), min(high, last or LAST_YEAR))
    return Filters(
        journals=_names(values.get("journal")),
        province=_text(values.get("province")) or None,
        years=years,
        issue=_text(values.get("issue")) or None,
        columns=_names(values.get("column")),
        author=_text(values.get("author")) or None,
        keyword=_text(values.get("keyword")) or None,
    )


def hits_json(engine: Engine, query: Any, filters: Any = None, limit: Any = DEFAULT_LIMIT) -> str:
    """What `journals_search` returns: the hits of `journals.search.search` as JSON."""
    count = DEFAULT_LIMIT if limit is None or _text(limit) == "" else int(limit)
    if count < 0:
        raise ValueError(f"limit: {count} is negative (0: every match)")
    chosen = parse_filters(filters)
    with Session(engine) as session:
        try:
            hits, _ = search.search(session, _text(query), chosen, count or None)
        except search.QueryError:  # an empty query finds nothing
            return "[]"
    return json.dumps(
        [{"id": hit.id, "score": hit.score, "snippet": hit.snippet} for hit in hits],
        ensure_ascii=False,
    )


def _indexed(connection: sqlite3.Connection) -> bool:
    """Whether the database has the articles' full-text index."""
    found = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles_fts'"
    ).fetchone()
    return found is not None


@hookimpl
def prepare_connection(conn: sqlite3.Connection, database: str, datasette: Any) -> None:
    sqlite_functions(conn)
    if database.startswith("_") or not _indexed(conn):
        return  # Datasette's own databases, or another one served beside
    engine = engine_on(conn)

    def journals_search(*args: Any) -> str:
        if not 1 <= len(args) <= 3:
            raise ValueError(f"{FUNCTION}(query [, filters [, limit]]): {len(args)} arguments")
        return hits_json(engine, *args)

    conn.create_function(FUNCTION, -1, journals_search)
