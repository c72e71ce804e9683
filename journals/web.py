"""`journals serve`: the database in Datasette, with plain-language
descriptions of every table and column, facets on journal, year,
province and column (栏目), canned queries, and full-text search wired to the FTS table."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipelines.db.schema import TABLES

if TYPE_CHECKING:
    from datasette.app import Datasette

TITLE = "Journals of China's local people's congresses"
DESCRIPTION = (
    "Articles of the journals of local people's congresses (地方人大刊物), harvested from "
    "fx361.com and its copies. Start with article_list (one row per article; facets on "
    "journal, year, province and column (栏目); its search box finds words of three or "
    "more characters) or with the canned queries below: search finds text of any length."
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
  json_object('journal', :journal, 'year_from', :year_from, 'year_to', :year_to),
  {SEARCH_LIMIT})) AS hit
JOIN article_list AS l ON l.id = json_extract(hit.value, '$.id')
ORDER BY hit.key
"""

SETTINGS = {"sql_time_limit_ms": 5000, "facet_time_limit_ms": 500}

QUERIES: dict[str, dict[str, Any]] = {
    "search": {
        "title": "Search titles, bodies and keywords",
        "description": "Words of any length, e.g. 民情 or 代表 工作站 (every word must "
        "occur); optionally one journal and a range of years. The search of `journals "
        "search`, the best 200: articles tagged with a word come first, then by "
        "relevance; the snippet marks each match 【so】.",
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
    >>> sorted(meta["queries"])[:3]
    ['article', 'by_author', 'by_keyword']
    """
    tables: dict[str, dict[str, Any]] = {
        table.name: {"description": table.description, "columns": dict(table.columns)}
        for table in TABLES
    }
    tables["article_list"].update(
        facets=["journal", "year", "province", "column"],
        fts_table="articles_fts",
        fts_pk="id",
        sort_desc="year",
    )
    tables["articles"].update(fts_table="articles_fts", fts_pk="id", label_column="title")
    tables["journals"].update(facets=["province", "level"], label_column="name")
    tables["issues"].update(facets=["year"], label_column="label")
    tables["alembic_version"]["hidden"] = True
    tables["articles_fts_vocab"]["hidden"] = True
    return {
        "title": TITLE,
        "description": DESCRIPTION,
        "databases": {database: {"tables": tables, "queries": QUERIES}},
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
