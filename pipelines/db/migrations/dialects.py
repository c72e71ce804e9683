"""What the revisions write differently for PostgreSQL than for SQLite, in one place.

The revisions' SQL was written for SQLite and is frozen: SQLite runs it as
written, and each function here returns it unchanged there. PostgreSQL gets
its equivalent, with the same tables, columns and values:

- ids that number themselves: SQLite gives an `INTEGER` primary key the next
  rowid; PostgreSQL needs `SERIAL` for it (as SQLAlchemy makes such a column);
- views: an ordered list as a JSON array (`json_group_array` in SQLite) is
  made with `string_agg` of `to_json`, so that the text is the same
  (`["a","b"]`, no spaces, `[]` for none), and a subquery in FROM is named;
- JSON columns read as text: SQLite stores JSON as text, PostgreSQL's `json`
  has to be cast for `LIKE`.
"""

from __future__ import annotations

import re

SQLITE = "sqlite"
POSTGRESQL = "postgresql"

# The first schema's tables whose `id` the database assigns (not `articles`,
# whose id is the aggregator's article number).
NUMBERED = ("journals", "authors", "keywords", "issues", "sources")

_JSON_ARRAY = re.compile(r"json_group_array\((\w+)\)")
_ORDERED = re.compile(r"(ORDER BY \w+\.position)\)\)")


def table(statement: str, dialect: str) -> str:
    """A first-schema CREATE statement for `dialect`.

    >>> table("CREATE TABLE journals (id INTEGER NOT NULL, name TEXT)", POSTGRESQL)
    'CREATE TABLE journals (id SERIAL NOT NULL, name TEXT)'
    >>> table("CREATE TABLE articles (id INTEGER NOT NULL, name TEXT)", POSTGRESQL)
    'CREATE TABLE articles (id INTEGER NOT NULL, name TEXT)'
    >>> table("CREATE TABLE journals (id INTEGER NOT NULL, name TEXT)", SQLITE)
    'CREATE TABLE journals (id INTEGER NOT NULL, name TEXT)'
    """
    if dialect != POSTGRESQL:
        return statement
    name = re.search(r"CREATE TABLE (\w+)", statement)
    if name is None or name.group(1) not in NUMBERED:
        return statement
    return statement.replace("id INTEGER NOT NULL,", "id SERIAL NOT NULL,", 1)


def view(statement: str, dialect: str) -> str:
    """A CREATE VIEW statement for `dialect`.

    >>> sql = ("(SELECT json_group_array(name) FROM (SELECT authors.name AS name"
    ...        " FROM a ORDER BY a.position)) AS authors")
    >>> view(sql, SQLITE) == sql
    True
    >>> print(view(sql, POSTGRESQL))  # doctest: +NORMALIZE_WHITESPACE
    (SELECT coalesce('[' || string_agg(to_json(name)::text, ',') || ']', '[]') FROM
    (SELECT authors.name AS name FROM a ORDER BY a.position) AS ordered) AS authors
    """
    if dialect != POSTGRESQL:
        return statement
    statement = _JSON_ARRAY.sub(
        r"coalesce('[' || string_agg(to_json(\1)::text, ',') || ']', '[]')", statement
    )
    return _ORDERED.sub(r"\1) AS ordered)", statement)


def json_text(column: str, dialect: str) -> str:
    """A JSON column as text, for LIKE.

    >>> json_text("articles.flags", SQLITE), json_text("articles.flags", POSTGRESQL)
    ('articles.flags', 'CAST(articles.flags AS TEXT)')
    """
    return f"CAST({column} AS TEXT)" if dialect == POSTGRESQL else column


# Search on PostgreSQL (journals/pgsearch.py) finds the articles holding a
# term with ILIKE; these trigram indexes (pg_trgm, GIN) serve it for terms
# of three characters or more. Not modelled: autogenerate leaves them alone
# (pipelines/db/migrate.py, UNMODELLED_INDEX_PREFIX).
TRIGRAM_INDEXES = {
    "trgm_articles_title": ("articles", "title"),
    "trgm_articles_body": ("articles", "body"),
    "trgm_keywords_word": ("keywords", "word"),
}


def trigram_indexes() -> list[str]:
    """The CREATE statements of the trigram indexes (PostgreSQL, with pg_trgm)."""
    return [
        f"CREATE INDEX {name} ON {table} USING gin ({column} gin_trgm_ops)"
        for name, (table, column) in TRIGRAM_INDEXES.items()
    ]


def trigram_indexes_dropped() -> list[str]:
    return [f"DROP INDEX IF EXISTS {name}" for name in TRIGRAM_INDEXES]
