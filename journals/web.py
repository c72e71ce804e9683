"""`journals serve`: the database in Datasette, with plain-language
descriptions of every table and column, facets on journal, year,
province and column (栏目), canned queries, and full-text search wired to the FTS table."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from pipelines.db.schema import TABLES

TITLE = "Journals of China's local people's congresses"
DESCRIPTION = (
    "Articles of the journals of local people's congresses (地方人大刊物), harvested from "
    "fx361.com and its copies. Start with article_list (one row per article; facets on "
    "journal, year, province and column (栏目); its search box finds words of three or "
    "more characters) or with the canned queries below: search finds text of any length."
)

# One word or phrase, any length, found in the trigram index: as a phrase if
# it has three or more characters, else as any of the trigrams it begins (see
# journals.search). Tagged articles first (a keyword equal to the query), then
# by relevance, as `journals search` ranks them.
SEARCH_SQL = """
WITH hits AS (
  SELECT rowid AS id, -bm25(articles_fts, 10.0, 1.0, 5.0) AS score
  FROM articles_fts
  WHERE length(:q) >= 3 AND articles_fts MATCH '"' || replace(:q, '"', '""') || '"'
  UNION ALL
  SELECT rowid AS id,
    10.0 * (length(title) - length(replace(title, :q, ''))) / length(:q)
    + (length(body) - length(replace(body, :q, ''))) / length(:q)
    + 5.0 * (length(keywords) - length(replace(keywords, :q, ''))) / length(:q) AS score
  FROM articles_fts
  WHERE length(:q) BETWEEN 1 AND 2 AND articles_fts MATCH coalesce(
    (SELECT group_concat('"' || replace(term, '"', '""') || '"', ' OR ')
     FROM articles_fts_vocab
     WHERE term >= lower(:q) AND term <= lower(:q) || char(1114111)), '""')
)
SELECT
  l.id, l.title, l.journal, l.province, l.year, l.issue, l."column", l.authors, l.keywords,
  CASE WHEN instr(f.body, :q) > 0
    THEN '…' || replace(substr(f.body, max(1, instr(f.body, :q) - 20), 60),
                        :q, '【' || :q || '】') || '…'
    ELSE replace(rtrim(f.title, char(10)), :q, '【' || :q || '】') END AS snippet,
  l.url
FROM hits
JOIN article_list AS l ON l.id = hits.id
JOIN articles_fts AS f ON f.rowid = hits.id
WHERE (:journal = '' OR l.journal = :journal)
  AND (:year_from = '' OR l.year >= CAST(:year_from AS INTEGER))
  AND (:year_to = '' OR l.year <= CAST(:year_to AS INTEGER))
ORDER BY
  EXISTS (SELECT 1 FROM article_keywords JOIN keywords ON keywords.id = keyword_id
          WHERE article_id = l.id AND word = :q) DESC,
  hits.score DESC, l.id
LIMIT 200
"""

QUERIES: dict[str, dict[str, Any]] = {
    "search": {
        "title": "Search titles, bodies and keywords",
        "description": "One word or phrase of any length, e.g. 民情 or 代表工作站; "
        "optionally one journal and a range of years. Articles tagged with the word "
        "come first, then by relevance; the snippet marks the match 【so】.",
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


def serve(db: Path, host: str, port: int) -> None:
    """Run Datasette on `db` until interrupted."""
    from datasette.cli import cli

    with tempfile.TemporaryDirectory(prefix="journals-serve-") as folder:
        meta = Path(folder) / "metadata.json"
        meta.write_text(json.dumps(metadata(db.stem), ensure_ascii=False), encoding="utf-8")
        args = ["serve", str(db), "--metadata", str(meta), "--host", host, "--port", str(port)]
        args += [
            "--setting",
            "sql_time_limit_ms",
            "5000",
            "--setting",
            "facet_time_limit_ms",
            "500",
        ]
        cli.main(args=args, prog_name="journals serve", standalone_mode=False)
