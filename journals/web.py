"""`journals serve`: the database in Datasette, with pages of the project's own
for reading it (journals/templates/, served by the plugin journals/webplugin.py):

- `/-/search?q=WORD`: the search of `journals search`, with its filters, each
  hit's snippet with the matches marked;
- `/-/article/<id>`: one article to read, its sources and flags in words;
- `/-/articles`: the articles, faceted by journal, province, year and column;
- `/-/coverage`: articles per journal and year, with the heat map.

Datasette's own pages stay for tables and SQL: plain-language descriptions of
every table and column, facets on journal, year, province and column (栏目),
canned queries (their SQL a click away), and full-text search wired to the
FTS table. This module gives Datasette its metadata and the pages their data
(each page function takes a SQLAlchemy session and the request's parameters)."""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from markupsafe import Markup, escape
from sqlalchemy import Integer, cast, func, select
from sqlalchemy.orm import Session, selectinload

from journals import coverage, heatmap, search, show
from journals.filters import Filters, filtered
from pipelines.db import models
from pipelines.db.schema import TABLES

if TYPE_CHECKING:
    from datasette.app import Datasette

TITLE = "Journals of China's local people's congresses"
DESCRIPTION = (
    "Articles of the journals of local people's congresses (地方人大刊物), harvested from "
    "fx361.com and its copies. To read them: the search (words of any length), the list "
    "of articles (facets on journal, province, year and column (栏目)) and the coverage "
    "of journals and years, in the menu. For tables and SQL: article_list (one row per "
    "article) and the canned queries."
)

# The search `journals search` runs (journals/search.py), called through the
# SQL function journals_search (journals/webplugin.py): the same hits in the
# same order, each with its snippet and score, joined to article_list.
SEARCH_LIMIT = 200
SEARCH_SQL = f"""
SELECT
  hit.key + 1 AS rank, l.id, l.title, l.journal, l.province, l.year, l.issue, l."column",
  l.authors, l.keywords, json_extract(hit.value, '$.snippet') AS snippet,
  round(json_extract(hit.value, '$.score'), 6) AS score, l.url
FROM json_each(journals_search(
  :q,
  json_object('journal', :journal, 'province', :province, 'column', :column,
    'year_from', :year_from, 'year_to', :year_to),
  {SEARCH_LIMIT})) AS hit
JOIN article_list AS l ON l.id = json_extract(hit.value, '$.id')
ORDER BY hit.key
"""

SETTINGS = {"sql_time_limit_ms": 5000, "facet_time_limit_ms": 500}

QUERIES: dict[str, dict[str, Any]] = {
    "search": {
        "title": "Search titles, bodies and keywords",
        "description": "Words of any length, e.g. 民情 or 代表 工作站 (every word must "
        "occur); optionally a journal, a province, a column and a range of years. The "
        "search of `journals search`, the best 200: articles tagged with a word come first, "
        "then by relevance; the snippet marks each match 【so】. The same search to read: "
        "/-/search.",
        "sql": SEARCH_SQL.strip(),
    },
    "article": {
        "title": "One article in full",
        "description": "By its id (the aggregator's article number).",
        "sql": "SELECT l.*, a.body, (SELECT json_group_array(url) FROM sources "
        "WHERE article_id = a.id) AS sources FROM article_list AS l "
        "JOIN articles AS a ON a.id = l.id WHERE l.id = CAST(:id AS INTEGER)",
    },
    "coverage": {
        "title": "Articles and issues per journal and year",
        "description": "Which years of each journal are in the database, and how full.",
        "sql": "SELECT journal, year, count(*) AS articles, count(DISTINCT issue) AS issues "
        "FROM article_list GROUP BY journal, year ORDER BY journal, year",
    },
    "incomplete_issues": {
        "title": "Issues with fewer articles stored than their contents list",
        "sql": "SELECT * FROM issue_counts WHERE toc_count > stored ORDER BY journal, year, issue",
    },
    "by_author": {
        "title": "Articles by an author",
        "description": "The author's name exactly as stored, e.g. 陈殊书.",
        "sql": "SELECT * FROM article_list WHERE EXISTS "
        "(SELECT 1 FROM json_each(authors) WHERE value = :author) ORDER BY year, journal, id",
    },
    "by_keyword": {
        "title": "Articles with a keyword",
        "description": "The keyword exactly, e.g. 民情.",
        "sql": "SELECT * FROM article_list WHERE EXISTS "
        "(SELECT 1 FROM json_each(keywords) WHERE value = :keyword) ORDER BY year, journal, id",
    },
    "journals_by_province": {
        "title": "Journals by province and level",
        "sql": "SELECT province, level, name, (SELECT count(*) FROM articles "
        "WHERE journal_id = journals.id) AS articles FROM journals ORDER BY province, name",
    },
}


def metadata(database: str) -> dict[str, Any]:
    """Datasette metadata for the database named `database`.

    >>> meta = metadata("articles")["databases"]["articles"]
    >>> meta["tables"]["article_list"]["facets"], meta["tables"]["article_list"]["fts_table"]
    (['journal', 'year', 'province', 'column'], 'articles_fts')
    >>> sorted(meta["queries"])[:3], meta["queries"]["search"]["hide_sql"]
    (['article', 'by_author', 'by_keyword'], True)
    """
    tables: dict[str, dict[str, Any]] = {
        table.name: {"description": table.description, "columns": dict(table.columns)}
        for table in TABLES
    }
    tables["article_list"].update(
        facets=["journal", "year", "province", "column"],
        facet_size=8,  # so that the rows begin on the first screen
        fts_table="articles_fts",
        fts_pk="id",
        sort_desc="year",
    )
    tables["articles"].update(fts_table="articles_fts", fts_pk="id", label_column="title")
    tables["journals"].update(facets=["province", "level"], label_column="name")
    tables["issues"].update(facets=["year"], label_column="label")
    tables["alembic_version"]["hidden"] = True
    tables["articles_fts_vocab"]["hidden"] = True
    # The SQL of a canned query is a click away ("Show SQL"), not in front of its form.
    queries = {name: {**query, "hide_sql": True} for name, query in QUERIES.items()}
    return {
        "title": TITLE,
        "description": DESCRIPTION,
        "databases": {database: {"tables": tables, "queries": queries}},
    }


def register_plugin() -> None:
    """Load the project's Datasette plugin (journals/webplugin.py: the SQL
    function journals_search) into Datasette, once a process."""
    from datasette.plugins import pm

    from journals import webplugin

    if not pm.is_registered(webplugin):
        pm.register(webplugin, name="journals")


def app(db: Path) -> Datasette:
    """Datasette on `db` as `journals serve` runs it, to call in-process
    (`app(db).client`)."""
    from datasette.app import Datasette

    register_plugin()
    return Datasette([str(db)], metadata=metadata(db.stem), settings=SETTINGS)


def serve(db: Path, host: str, port: int) -> None:
    """Run Datasette on `db` until interrupted."""
    from datasette.cli import cli

    register_plugin()
    with tempfile.TemporaryDirectory(prefix="journals-serve-") as folder:
        meta = Path(folder) / "metadata.json"
        meta.write_text(json.dumps(metadata(db.stem), ensure_ascii=False), encoding="utf-8")
        args = ["serve", str(db), "--metadata", str(meta), "--host", host, "--port", str(port)]
        for name, value in SETTINGS.items():
            args += ["--setting", name, str(value)]
        cli.main(args=args, prog_name="journals serve", standalone_mode=False)


# The pages of the project's own (journals/webplugin.py serves them, through
# the templates in journals/templates/): what each shows, from a session on
# the served database and the request's parameters (each name with its values).

Params = Mapping[str, Sequence[str]]

PAGE_SIZE = 50  # hits or articles a page shows
MAX_LIMIT = 1000  # hits a search page shows at most
# The filters the pages take, as journals_search does (journals/webplugin.py);
# journal and column may be given more than once (any of them).
FILTERS = (
    "journal",
    "province",
    "year",
    "year_from",
    "year_to",
    "issue",
    "column",
    "author",
    "keyword",
)
MANY = frozenset({"journal", "column"})
ENDINGS = "。！？；：，、…”’）」』.!?;:,)\"'"
FACETS = {
    "journal": models.Journal.name,
    "province": models.Journal.province,
    "year": models.Issue.year,
    "column": models.Article.column,
}

# The flags of articles.flags in words, for the article page.
FLAGS = {
    "spam_removed": "Spam the copy site had put into the text was removed.",
    "pinyin_removed": "Pinyin the copy site had put after words was removed.",
    "converted_t2s": "The copy was in Traditional characters; the text was converted to "
    "Simplified.",
    "garbled": "Some of the copy's text is garbled (characters lost or mis-decoded); "
    "it is kept as it came.",
    "keywords_split": "The copy ran the keywords together ({line}); they were cut apart "
    "at known tags and words of the text.",
    "keywords_uncertain": "That cut of the keywords is a guess: no known tag or word of "
    "the text supports it.",
    "journal_unknown": "No copy named the journal, so its journal, year and issue are unknown.",
    "date_from_url": "The page showed no usable posting date; the date is the one in its URL.",
    "date_in_future": "The page's posting date lay in the future, so it was left out.",
    "date_invalid": "The page's posting date was no date, so it was left out.",
    "year_in_future": "The page's year lay in the future, so year and issue were left out.",
    "body_truncated": "The page ran on past 200,000 characters; the text was cut there.",
    "markup_removed": "Markup the page had leaked into the title or text was removed.",
}


def first(params: Params, name: str) -> str:
    """The first value of the parameter `name`, stripped; "" where there is none."""
    values = params.get(name) or []
    return values[0].strip() if values else ""


def chosen(params: Params) -> dict[str, Any]:
    """The filters the parameters name, as journals_search takes them; empty
    values left out.

    >>> chosen({"q": ["民情"], "journal": ["浙江人大", " "], "year_from": ["2015"],
    ...         "province": [""], "column": ["代表风采", "特别策划"]})
    {'journal': ['浙江人大'], 'year_from': '2015', 'column': ['代表风采', '特别策划']}
    """
    out: dict[str, Any] = {}
    for name in FILTERS:
        values = [v.strip() for v in params.get(name) or [] if v.strip()]
        if values:
            out[name] = values if name in MANY else values[0]
    return out


def filters_of(params: Params) -> Filters:
    """The filters the parameters name (ValueError: a value that is none).

    >>> filters_of({"year": ["2018"], "journal": ["浙江人大"]})
    Filters(journals=('浙江人大',), province=None, years=(2018, 2018), issue=None, columns=(), author=None, keyword=None)
    >>> filters_of({"year_from": ["二〇一八"]})
    Traceback (most recent call last):
    ...
    ValueError: year_from: '二〇一八' is not a year (2018)
    """  # noqa: E501
    from journals.webplugin import parse_filters

    return parse_filters(json.dumps(chosen(params), ensure_ascii=False))


def query_string(params: Mapping[str, Any]) -> str:
    """`?name=value&…` of the values that are not empty ("" where none is).

    >>> query_string({"q": "民情", "journal": ["浙江人大", "人大研究"], "year": "", "page": 2})
    '?q=%E6%B0%91%E6%83%85&journal=%E6%B5%99%E6%B1%9F%E4%BA%BA%E5%A4%A7&journal=%E4%BA%BA%E5%A4%A7%E7%A0%94%E7%A9%B6&page=2'
    >>> query_string({"q": None})
    ''
    """  # noqa: E501
    pairs = []
    for name, value in params.items():
        values = value if isinstance(value, list | tuple) else [value]
        pairs += [(name, str(v)) for v in values if v is not None and str(v) != ""]
    return "?" + urlencode(pairs) if pairs else ""


def highlight(snippet: str, query: str) -> Markup:
    """A snippet of `journals search` as HTML: each match it marks 【so】 in
    <mark>, and the text escaped; brackets the text has of its own stay.

    >>> highlight("…从走访中体察【民情】，收集【民情】。<b>", "民情")
    Markup('…从走访中体察<mark>民情</mark>，收集<mark>民情</mark>。&lt;b&gt;')
    >>> highlight("【关键词】【【民情】】【站】", "站 民情")
    Markup('【关键词】【<mark>民情</mark>】<mark>站</mark>')
    >>> highlight("人工智能(【AI】)", "ai")
    Markup('人工智能(<mark>AI</mark>)')
    """
    words = search.terms(query)
    if not words:
        return escape(snippet)
    marked = re.compile("【(" + "|".join(map(re.escape, words)) + ")】", re.IGNORECASE)
    parts, last = [], 0
    for match in marked.finditer(snippet):
        parts += [escape(snippet[last : match.start()]), Markup("<mark>%s</mark>") % match[1]]
        last = match.end()
    parts.append(escape(snippet[last:]))
    return Markup("").join(parts)


HEADING = 20  # characters a section heading has at most


def paragraphs(body: str) -> list[tuple[str, bool]]:
    """The body's paragraphs: its lines that hold text, each with whether it
    reads as a section heading (short, with no punctuation at its end).

    >>> paragraphs("倾听民声\\n\\n  坚持从联系走访中体察民情。 \\n短句。\\n")
    [('倾听民声', True), ('坚持从联系走访中体察民情。', False), ('短句。', False)]
    """
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    return [(line, len(line) <= HEADING and line[-1] not in ENDINGS) for line in lines]


def explain_flags(flags: Sequence[str], keywords_line: str | None = None) -> list[str]:
    """What each flag says of the article, in words.

    >>> explain_flags(["converted_t2s", "keywords_split", "new_flag"], "人代会代表")
    ['The copy was in Traditional characters; the text was converted to Simplified.', 'The copy ran the keywords together (人代会代表); they were cut apart at known tags and words of the text.', 'new_flag']
    """  # noqa: E501
    return [FLAGS.get(flag, flag).format(line=keywords_line or "") for flag in flags]


def issue_label(issue: models.Issue | None) -> str | None:
    if issue is None:
        return None
    return issue.label or f"{issue.year}年{issue.issue}期"


def summaries(session: Session, ids: Sequence[int]) -> list[dict[str, Any]]:
    """What a list shows of the articles `ids` (in that order): title, journal,
    issue, column, authors, date."""
    query = (
        select(models.Article)
        .where(models.Article.id.in_(ids))
        .options(
            selectinload(models.Article.author_links),
            selectinload(models.Article.journal),
            selectinload(models.Article.issue),
        )
    )
    found = {article.id: article for article in session.scalars(query)}
    return [
        {
            "id": article.id,
            "title": article.title,
            "journal": article.journal.name if article.journal else None,
            "province": article.journal.province if article.journal else None,
            "year": article.issue.year if article.issue else None,
            "issue": article.issue.issue if article.issue else None,
            "issue_label": issue_label(article.issue),
            "column": article.column,
            "authors": article.authors,
            "date": article.date,
        }
        for article in (found[i] for i in ids if i in found)
    ]


def choices(session: Session) -> dict[str, Any]:
    """What the search form offers: journals, provinces and columns with their
    articles, and the first and last year."""
    count = func.count(models.Article.id)
    stored = select(models.Journal.name, count).join(
        models.Article, models.Article.journal_id == models.Journal.id
    )
    provinces = (
        select(models.Journal.province, count)
        .join(models.Article, models.Article.journal_id == models.Journal.id)
        .where(models.Journal.province.is_not(None))
    )
    columns = select(models.Article.column, count).where(models.Article.column.is_not(None))
    years = session.execute(
        select(func.min(models.Issue.year), func.max(models.Issue.year)).join(
            models.Article, models.Article.issue_id == models.Issue.id
        )
    ).one()
    return {
        "journals": session.execute(
            stored.group_by(models.Journal.name).order_by(models.Journal.name)
        ).all(),
        "provinces": session.execute(
            provinces.group_by(models.Journal.province).order_by(models.Journal.province)
        ).all(),
        "columns": session.execute(
            columns.group_by(models.Article.column).order_by(count.desc(), models.Article.column)
        ).all(),
        "years": tuple(years),
    }


def _limit(text: str) -> int:
    return min(int(text), MAX_LIMIT) if text.isdigit() and int(text) > 0 else PAGE_SIZE


def search_page(session: Session, params: Params) -> dict[str, Any]:
    """The search page: the form's values and choices, and the hits of
    `journals search` (journals/search.py) for the query and filters, best
    first, each with what a list shows of its article and its snippet marked."""
    query, limit = first(params, "q"), _limit(first(params, "limit"))
    given = chosen(params)
    page: dict[str, Any] = {
        "query": query,
        "given": given,
        "choices": choices(session),
        "hits": [],
        "total": None,
        "limit": limit,
        "more": None,
        "error": None,
        # The canned query `search` with the same words and filters, its SQL shown.
        "sql": query_string(
            {
                "q": query,
                "journal": (given.get("journal") or [""])[0],
                "province": given.get("province"),
                "column": (given.get("column") or [""])[0],
                "year_from": given.get("year_from"),
                "year_to": given.get("year_to"),
                "_show_sql": 1,
            }
        ),
    }
    try:
        filters = filters_of(params)
    except ValueError as exc:
        page["error"] = str(exc)
        return page
    if not search.terms(query):
        return page
    hits, total = search.search(session, query, filters, limit)
    listed = {row["id"]: row for row in summaries(session, [hit.id for hit in hits])}
    page["hits"] = [
        {
            **listed[hit.id],
            "rank": rank,
            "score": hit.score,
            "snippet": highlight(hit.snippet, query),
        }
        for rank, hit in enumerate(hits, 1)
        if hit.id in listed
    ]
    page["total"] = total
    if total > len(hits) and limit < MAX_LIMIT:
        page["more"] = query_string(
            {"q": query, **given, "limit": min(limit + PAGE_SIZE, MAX_LIMIT)}
        )
    return page


def _order() -> list[Any]:
    """Newest year first, then journal, issue, place in the contents, id."""
    issue_number = cast(models.Issue.issue, Integer)
    return [
        models.Issue.year.desc().nulls_last(),
        models.Journal.name,
        issue_number.desc(),
        models.Issue.issue.desc(),
        models.Article.toc_position,
        models.Article.id,
    ]


def browse_page(session: Session, params: Params) -> dict[str, Any]:
    """The list of articles the filters choose, PAGE_SIZE a page, with facets
    (their values' articles under the filters; a click chooses a value, or
    drops it where chosen) and the chosen filters, each to be dropped."""
    given = chosen(params)
    number = int(first(params, "page")) if first(params, "page").isdigit() else 1
    number = max(number, 1)
    page: dict[str, Any] = {
        "given": given,
        "rows": [],
        "total": 0,
        "facets": [],
        "chips": [],
        "error": None,
        "page": number,
        "offset": (number - 1) * PAGE_SIZE,
        "previous": None,
        "next": None,
        "table": query_string(
            {name: given[name] for name in ("province", "year") if name in given}
            | {name: given[name][0] for name in MANY if len(given.get(name, [])) == 1}
        ),
    }
    try:
        filters = filters_of(params)
    except ValueError as exc:
        page["error"] = str(exc)
        return page
    count = func.count(models.Article.id)
    page["total"] = session.scalar(filtered(select(count).select_from(models.Article), filters))
    ids = session.scalars(
        filtered(select(models.Article.id), filters)
        .order_by(*_order())
        .limit(PAGE_SIZE)
        .offset((number - 1) * PAGE_SIZE)
    ).all()
    page["rows"] = summaries(session, ids)
    if number > 1:
        page["previous"] = query_string({**given, "page": number - 1})
    if number * PAGE_SIZE < page["total"]:
        page["next"] = query_string({**given, "page": number + 1})
    for name, column in FACETS.items():
        found = session.execute(
            filtered(select(column, count).select_from(models.Article), filters)
            .where(column.is_not(None))
            .group_by(column)
            .order_by(column.desc() if name == "year" else count.desc(), column)
        )
        picked = given.get(name, [] if name in MANY else None)
        values = []
        for value, n in found:
            on = str(value) in picked if name in MANY else str(value) == picked
            rest = {k: v for k, v in given.items() if k != name}
            if name == "year":
                rest = {k: v for k, v in rest.items() if k not in ("year_from", "year_to")}
            link = rest if on else {**rest, name: value}
            values.append({"value": value, "count": n, "on": on, "query": query_string(link)})
        page["facets"].append({"name": name, "values": values})
    for name, value in given.items():
        for one in value if isinstance(value, list) else [value]:
            rest = dict(given)
            if isinstance(value, list):
                rest[name] = [v for v in value if v != one]
            else:
                del rest[name]
            page["chips"].append({"name": name, "value": one, "query": query_string(rest)})
    return page


def article_page(session: Session, article_id: int) -> dict[str, Any] | None:
    """One article to read (None: there is none of that id): its record as
    `journals show` has it, its body as paragraphs, its flags in words."""
    article = session.get(models.Article, article_id)
    if article is None:
        return None
    keywords_line = article.keywords_line
    row = show.record(session, article_id)
    row["paragraphs"] = paragraphs(row["body"])
    row["flags_explained"] = explain_flags(row["flags"], keywords_line)
    row["placed"] = show.placed(row["column"], row["toc_position"])
    row["issue_query"] = query_string(
        {"journal": row["journal"], "year": row["year"], "issue": row["issue"]}
    )
    return row


def coverage_page(session: Session) -> dict[str, Any]:
    """Articles per journal and year (the table of `journals stats`), each cell
    with its issues, whether one of them is short of its contents, and the
    link to its articles; each journal's complete issues; the short issues."""
    cov = coverage.coverage(session)
    g = heatmap.grid(cov)
    rows = []
    for r, journal in enumerate(g.journals):
        issues = cov.journal_issues.get(journal, ())
        rows.append(
            {
                "journal": journal,
                "query": query_string({"journal": journal}),
                "cells": [
                    {
                        "year": year,
                        "articles": g.articles[r][c],
                        "issues": g.issues[r][c],
                        "incomplete": g.incomplete[r][c],
                        "query": query_string({"journal": journal, "year": year}),
                    }
                    for c, year in enumerate(g.years)
                ],
                "total": sum(cov.per_journal_year[journal].values()),
                "issues": len(issues),
                "complete": sum(issue.complete for issue in issues),
            }
        )
    return {
        "years": g.years,
        "rows": rows,
        "articles": cov.articles,
        "no_journal": cov.no_journal,
        "fields": cov.fields,
        "short": [
            {"journal": journal, "year": year, "issue": issue, "stored": n, "listed": listed}
            for journal, year, issue, n, listed in cov.short
        ],
    }


def heatmap_png(session: Session) -> bytes:
    """The heat map of `journals stats --plot` (journals/heatmap.py), as PNG."""
    cov = coverage.coverage(session)
    with tempfile.TemporaryDirectory(prefix="journals-heatmap-") as folder:
        path = Path(folder) / "coverage.png"
        heatmap.plot(cov, path)
        return path.read_bytes()
