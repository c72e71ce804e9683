"""What the database holds: articles per journal and year, field coverage."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pipelines import models


@dataclass(frozen=True)
class Coverage:
    articles: int
    per_journal_year: dict[str, dict[int | None, int]]
    fields: dict[str, int]  # articles with the field present
    issues: dict[str, dict[int, int]] = field(default_factory=dict)  # issues with articles
    # issues with fewer articles stored than their table of contents lists
    incomplete: dict[str, dict[int, int]] = field(default_factory=dict)
    short: tuple[tuple[str, int, str, int, int], ...] = ()  # journal, year, issue, stored, listed


def coverage(session: Session) -> Coverage:
    year = models.Issue.year
    per: dict[str, dict[int | None, int]] = {}
    rows = session.execute(
        select(models.Journal.name, year, func.count(models.Article.id))
        .select_from(models.Article)
        .join(models.Article.journal)
        .outerjoin(models.Article.issue)
        .group_by(models.Journal.name, year)
        .order_by(models.Journal.name, year)
    )
    for journal, y, n in rows:
        per.setdefault(journal, {})[y] = n
    articles = session.scalar(select(func.count(models.Article.id))) or 0
    linked = {
        "authors": models.ArticleAuthor.article_id,
        "keywords": models.ArticleKeyword.article_id,
    }
    fields = {
        "title": session.scalar(select(func.count()).where(models.Article.title != "")) or 0,
        "date": session.scalar(select(func.count()).where(models.Article.date.is_not(None))) or 0,
        "time": session.scalar(select(func.count()).where(models.Article.time.is_not(None))) or 0,
        "issue": session.scalar(select(func.count()).where(models.Article.issue_id.is_not(None)))
        or 0,
        **{
            name: session.scalar(select(func.count(func.distinct(column)))) or 0
            for name, column in linked.items()
        },
        "body": session.scalar(select(func.count()).where(models.Article.body != "")) or 0,
    }
    issues: dict[str, dict[int, int]] = {}
    for journal, y, n in session.execute(
        select(models.Journal.name, year, func.count(func.distinct(models.Issue.id)))
        .select_from(models.Article)
        .join(models.Article.journal)
        .join(models.Article.issue)
        .group_by(models.Journal.name, year)
    ):
        issues.setdefault(journal, {})[y] = n
    stored = (
        select(func.count(models.Article.id))
        .where(models.Article.issue_id == models.Issue.id)
        .scalar_subquery()
    )
    short = tuple(
        (journal, y, issue, n, listed)
        for journal, y, issue, n, listed in session.execute(
            select(models.Journal.name, year, models.Issue.issue, stored, models.Issue.toc_count)
            .join(models.Issue.journal)
            .where(models.Issue.toc_count > stored)
            .order_by(models.Journal.name, year, models.Issue.issue)
        )
    )
    incomplete: dict[str, dict[int, int]] = {}
    for journal, y, *_ in short:
        incomplete.setdefault(journal, {})[y] = incomplete.get(journal, {}).get(y, 0) + 1
    return Coverage(articles, per, fields, issues, incomplete, short)


def format_coverage(cov: Coverage) -> str:
    years = sorted({y for counts in cov.per_journal_year.values() for y in counts if y is not None})
    has_unknown = any(None in counts for counts in cov.per_journal_year.values())
    columns = [str(y) for y in years] + (["?"] if has_unknown else []) + ["total"]
    width = max([len(name) for name in cov.per_journal_year] + [4])
    lines = [f"{cov.articles} articles in {len(cov.per_journal_year)} journals", ""]
    lines.append(_pad("journal", width) + "".join(f"{c:>7}" for c in columns))
    for journal, counts in cov.per_journal_year.items():
        cells = [counts.get(y, 0) for y in years] + ([counts.get(None, 0)] if has_unknown else [])
        lines.append(
            _pad(journal, width)
            + "".join(f"{c or '·':>7}" for c in cells)
            + f"{sum(counts.values()):>7}"
        )
    if cov.short:
        lines += ["", "issues with fewer articles stored than their table of contents lists"]
        lines += [
            f"  {_pad(journal, width)}{y} {issue:<5}{n:>4} of {listed}"
            for journal, y, issue, n, listed in cov.short
        ]
    lines += ["", "field coverage"]
    for name, n in cov.fields.items():
        share = n / cov.articles if cov.articles else 0.0
        lines.append(f"  {name:<9}{n:>6} / {cov.articles:<6}{share:7.1%}")
    return "\n".join(lines)


def _pad(text: str, width: int) -> str:
    """Pad to a display width where CJK characters take two columns."""
    shown = sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
    return text + " " * (max(width * 2, 8) - shown + 2)
