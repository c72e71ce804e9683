"""Bytes per article: what a database holds for each article, table by table.

    .venv/bin/python bench/dbsize.py [DB ...]        (default: $DATABASE_URL's file, else
                                                      data/articles.db)

For each SQLite file: its articles, the bytes it uses (its pages less the
free ones, so a database upgraded in place and not yet vacuumed counts what
it holds, not what it once held; the file's size beside), and those bytes per
article, grouped as the articles with their authors, keywords, sources and
fingerprints; the trigram index; the short-word index; the archived pages;
the rest. The database is only read.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipelines.db.database import DEFAULT_DATABASE_URL, sqlite_path  # noqa: E402

GROUPS = (  # (group, table or index name prefixes), the first that fits
    ("short-word index", ("articles_fts_short",)),
    ("trigram index", ("articles_fts",)),
    ("pages", ("pages", "sqlite_autoindex_pages")),
    (
        "articles",
        (
            "articles",
            "ix_articles",
            "article_",
            "sqlite_autoindex_article",
            "authors",
            "sqlite_autoindex_authors",
            "keywords",
            "sqlite_autoindex_keywords",
            "ix_article",
            "sources",
            "ix_sources",
            "sqlite_autoindex_sources",
            "fingerprints",
            "ix_fingerprints",
            "sqlite_autoindex_fingerprints",
        ),
    ),
)


def group_of(name: str) -> str:
    """
    >>> group_of("articles_fts_short_data"), group_of("articles_fts_idx"), group_of("pages")
    ('short-word index', 'trigram index', 'pages')
    >>> group_of("article_keywords"), group_of("crawl_runs")
    ('articles', 'other')
    """
    for group, prefixes in GROUPS:
        if name.startswith(prefixes):
            return group
    return "other"


def measure(db: Path) -> tuple[int, int, int, dict[str, int]]:
    """Articles, bytes in use, the file's bytes (with its WAL), and bytes in use by group."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        pages, size, free = (
            conn.execute(f"PRAGMA {pragma}").fetchone()[0]
            for pragma in ("page_count", "page_size", "freelist_count")
        )
        groups: dict[str, int] = {}
        for name, used in conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"):
            groups[group_of(name)] = groups.get(group_of(name), 0) + used
    on_disk = sum(f.stat().st_size for f in (db, db.with_name(db.name + "-wal")) if f.exists())
    return articles, (pages - free) * size, on_disk, groups


def report(db: Path) -> str:
    articles, used, on_disk, groups = measure(db)
    lines = [
        f"{db}: {articles:,} articles, {used:,} bytes in use (file {on_disk:,})",
        f"  {'bytes per article':<20}{used / max(articles, 1):>10,.0f}",
    ]
    for group, size in sorted(groups.items(), key=lambda item: -item[1]):
        lines.append(f"    {group:<18}{size / max(articles, 1):>10,.0f}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", nargs="*", type=Path, help="SQLite files")
    args = parser.parse_args()
    default = sqlite_path(os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL)
    for db in args.db or [ROOT / default if default and not default.is_absolute() else default]:
        if db is None or not db.exists():
            print(f"no database at {db}", file=sys.stderr)
            return 1
        print(report(db))
    return 0


if __name__ == "__main__":
    sys.exit(main())
