"""Articles out of the database as flat records: JSON Lines or CSV."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from pipelines import models

FIELDS = (
    "id",
    "url",
    "sources",
    "title",
    "authors",
    "date",
    "time",
    "journal",
    "year",
    "issue",
    "keywords",
    "body",
    "flags",
    "fetched_at",
)


def records(session: Session) -> Iterator[dict[str, Any]]:
    """One record per article, ordered by journal, year, issue and id."""
    query = (
        select(models.Article)
        .outerjoin(models.Article.issue)
        .join(models.Article.journal)
        .order_by(models.Journal.name, models.Issue.year, models.Issue.issue, models.Article.id)
        .options(
            selectinload(models.Article.author_links),
            selectinload(models.Article.keyword_links),
            selectinload(models.Article.sources),
            selectinload(models.Article.issue),
            selectinload(models.Article.journal),
        )
        .execution_options(yield_per=500)
    )
    for article in session.scalars(query):
        yield {
            "id": article.id,
            "url": article.url,
            "sources": [source.url for source in article.sources],
            "title": article.title,
            "authors": article.authors,
            "date": article.date,
            "time": article.time,
            "journal": article.journal.name,
            "year": article.issue.year if article.issue else None,
            "issue": article.issue.issue if article.issue else None,
            "keywords": article.keywords,
            "body": article.body,
            "flags": list(article.flags),
            "fetched_at": article.fetched_at,
        }


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """CSV with a header; lists joined with `;`."""
    writer = csv.DictWriter(out, fieldnames=FIELDS)
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({k: ";".join(v) if isinstance(v, list) else v for k, v in row.items()})
        count += 1
    return count
