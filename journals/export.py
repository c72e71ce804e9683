"""Articles out of the database as flat records: JSON Lines or CSV (citation
formats are in `journals.citations`). `column` and `toc_position` are what the
issue's table of contents says of the article: its column (栏目) and its place
in the contents from 1; empty where no contents were read. `journal` (and
with it `year` and `issue`) is empty for an article whose copies named no
journal (flag `journal_unknown`)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from journals.filters import EVERYTHING, Filters, filtered
from pipelines.db import models

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
    "column",
    "toc_position",
    "keywords",
    "body",
    "flags",
    "fetched_at",
)


LOADED = (
    selectinload(models.Article.author_links),
    selectinload(models.Article.keyword_links),
    selectinload(models.Article.sources),
    selectinload(models.Article.issue),
    selectinload(models.Article.journal),
)


def records(session: Session, filters: Filters = EVERYTHING) -> Iterator[dict[str, Any]]:
    """One record per article the filters cover, ordered by journal, year, issue
    and id (those with no journal first)."""
    query = (
        filtered(select(models.Article), filters)
        .order_by(models.Journal.name, models.Issue.year, models.Issue.issue, models.Article.id)
        .options(*LOADED)
        .execution_options(yield_per=500)
    )
    for article in session.scalars(query):
        yield record(article)


def records_by_id(
    session: Session, ids: Sequence[int], chunk: int = 500
) -> Iterator[dict[str, Any]]:
    """The records of the articles `ids`, in that order."""
    for start in range(0, len(ids), chunk):
        part = ids[start : start + chunk]
        query = select(models.Article).where(models.Article.id.in_(part)).options(*LOADED)
        found = {article.id: article for article in session.scalars(query)}
        yield from (record(found[i]) for i in part if i in found)
        session.expunge_all()


def record(article: models.Article) -> dict[str, Any]:
    """An article as a flat record with the fields FIELDS."""
    return {
        "id": article.id,
        "url": article.url,
        "sources": [source.url for source in article.sources],
        "title": article.title,
        "authors": article.authors,
        "date": article.date,
        "time": article.time,
        "journal": article.journal.name if article.journal else None,  # None: unknown
        "year": article.issue.year if article.issue else None,
        "issue": article.issue.issue if article.issue else None,
        "column": article.column,
        "toc_position": article.toc_position,
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


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str], fields: Sequence[str] = FIELDS) -> int:
    """CSV with a header; lists joined with `;`."""
    writer = csv.DictWriter(out, fieldnames=fields)
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({k: ";".join(v) if isinstance(v, list) else v for k, v in row.items()})
        count += 1
    return count
