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
functions (`occurrences`, pipelines/db/database.py), and serves the pages of
the project's own (journals/web.py: their data; journals/templates/: their
markup; journals/static/: their style): `/-/search`, `/-/article/<id>`,
`/-/articles`, `/-/coverage` (and its heat map, `/-/coverage.png`). Each
reads the database on one of Datasette's connections, read-only, through
SQLAlchemy (`engine_on`). It links each article's title in Datasette's tables
and queries to its page, folds the column descriptions of a table's page
away, and lists the pages in Datasette's menu."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response
from jinja2 import ChoiceLoader, FileSystemLoader
from markupsafe import Markup
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
ARTICLE_TABLES = ("article_list", "articles")
TEMPLATES = Path(__file__).with_name("templates")
STYLE = Path(__file__).with_name("static") / "journals.css"
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


@hookimpl
def prepare_jinja2_environment(env: Any, datasette: Any) -> None:
    """The project's templates before Datasette's (its index page among them)."""
    env.loader = ChoiceLoader([FileSystemLoader(str(TEMPLATES)), env.loader])


async def _read(datasette: Any, read: Callable[..., Any], *args: Any) -> Any:
    """`read(session, *args)` on one of the served database's connections, in
    Datasette's thread for it."""

    def run(connection: sqlite3.Connection) -> Any:
        with Session(engine_on(connection)) as session:
            return read(session, *args)

    return await datasette.get_database().execute_fn(run)


async def _page(
    datasette: Any, request: Any, template: str, read: Callable[..., Any], *args: Any
) -> Response:
    page = await _read(datasette, read, *args)
    if page is None:
        raise NotFound("No article of that id")
    context = {
        "page": page,
        "database_name": datasette.get_database().name,
        "site_title": datasette.metadata("title") or "journals",
    }
    html = await datasette.render_template(template, context, request=request)
    return Response.html(html, status=400 if page.get("error") else 200)


def _params(request: Any) -> dict[str, list[str]]:
    return {name: request.args.getlist(name) for name in request.args}


async def search_view(datasette: Any, request: Any) -> Response:
    from journals import web

    return await _page(
        datasette, request, "journals_search.html", web.search_page, _params(request)
    )


async def article_view(datasette: Any, request: Any) -> Response:
    from journals import web

    article_id = int(request.url_vars["id"])
    return await _page(datasette, request, "journals_article.html", web.article_page, article_id)


async def articles_view(datasette: Any, request: Any) -> Response:
    from journals import web

    return await _page(
        datasette, request, "journals_articles.html", web.browse_page, _params(request)
    )


async def coverage_view(datasette: Any, request: Any) -> Response:
    from journals import web

    return await _page(datasette, request, "journals_coverage.html", web.coverage_page)


async def heatmap_view(datasette: Any) -> Response:
    from journals import web

    return Response(await _read(datasette, web.heatmap_png), content_type="image/png")


async def style_view() -> Response:
    return Response(STYLE.read_text(encoding="utf-8"), content_type="text/css; charset=utf-8")


@hookimpl
def register_routes(datasette: Any) -> list[tuple[str, Any]]:
    return [
        (r"^/-/search$", search_view),
        (r"^/-/article/(?P<id>-?[0-9]+)$", article_view),
        (r"^/-/articles$", articles_view),
        (r"^/-/coverage$", coverage_view),
        (r"^/-/coverage\.png$", heatmap_view),
        (r"^/-/journals\.css$", style_view),
    ]


@hookimpl
def extra_css_urls(datasette: Any) -> list[str]:
    return [datasette.urls.path("/-/journals.css")]


# A table's column descriptions, folded into "Column descriptions" (a click
# opens them) so that the rows come first.
FOLD_DESCRIPTIONS = """
document.querySelectorAll("dl.column-descriptions").forEach(function (list) {
  var folded = document.createElement("details");
  var title = document.createElement("summary");
  folded.className = "column-descriptions-folded";
  title.textContent = "Column descriptions";
  list.replaceWith(folded);
  folded.append(title, list);
});
"""


@hookimpl
def extra_body_script(view_name: str) -> str | None:
    return FOLD_DESCRIPTIONS if view_name == "table" else None


@hookimpl
def menu_links(datasette: Any) -> list[dict[str, str]]:
    return [
        {"href": datasette.urls.path("/-/search"), "label": "Search"},
        {"href": datasette.urls.path("/-/articles"), "label": "Browse articles"},
        {"href": datasette.urls.path("/-/coverage"), "label": "Coverage"},
    ]


@hookimpl
def render_cell(row: Any, value: Any, column: str, table: str | None, datasette: Any) -> Any:
    """An article's title links to its page, in its tables and in queries
    that give its id beside it."""
    if column != "title" or not isinstance(value, str) or table not in (None, *ARTICLE_TABLES):
        return None
    keys = row.keys() if hasattr(row, "keys") else ()
    if "id" not in keys or not isinstance(row["id"], int):
        return None
    href = datasette.urls.path(f"/-/article/{row['id']}")
    return Markup('<a href="{}">{}</a>').format(href, value)
