"""What the database holds: articles per journal and year (and those stored
with no journal, flagged `journal_unknown`), how many of each journal's
issues are complete, field coverage."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pipelines.db import models


@dataclass(frozen=True)
class IssueCount:
    """One issue: the articles stored, and those its table of contents lists
    (None: never seen, as when its articles came from the `article` spider)."""

    year: int
    issue: str
    label: str | None
    stored: int
    listed: int | None

    @property
    def complete(self) -> bool:
        """Every article the contents list is stored; unknown contents are not complete.

        >>> [IssueCount(2019, "3", None, 9, listed).complete for listed in (9, 10, None)]
        [True, False, False]
        """
        return self.listed is not None and self.stored >= self.listed

    @property
    def shown(self) -> str:
        """`2019年3期 7/9`, `2019年3期 7/?` where the contents are unknown.

        >>> IssueCount(2019, "3", "2019年第3期", 7, 9).shown
        '2019年第3期 7/9'
        >>> IssueCount(2019, "Z1", None, 2, None).shown
        '2019年Z1期 2/?'
        """
        label = self.label or f"{self.year}年{self.issue}期"
        return f"{label} {self.stored}/{'?' if self.listed is None else self.listed}"


def issue_order(issue: IssueCount) -> tuple[int, int, str]:
    """Year, then issue number (`2` before `10`; `Z1`, `1-2` by their digits)."""
    digits = re.search(r"\d+", issue.issue)
    return issue.year, int(digits.group()) if digits else 0, issue.issue


@dataclass(frozen=True)
class Coverage:
    articles: int
    per_journal_year: dict[str, dict[int | None, int]]
    fields: dict[str, int]  # articles with the field present
    issues: dict[str, dict[int, int]] = field(default_factory=dict)  # issues with articles
    # issues with fewer articles stored than their table of contents lists
    incomplete: dict[str, dict[int, int]] = field(default_factory=dict)
    short: tuple[tuple[str, int, str, int, int], ...] = ()  # journal, year, issue, stored, listed
    # every issue of each journal, in order
    journal_issues: dict[str, tuple[IssueCount, ...]] = field(default_factory=dict)
    no_journal: int = 0  # articles whose copies named no journal


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
    no_journal = (
        session.scalar(
            select(func.count(models.Article.id)).where(models.Article.journal_id.is_(None))
        )
        or 0
    )
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
    journal_issues: dict[str, list[IssueCount]] = {}
    for journal, *counts in session.execute(
        select(
            models.Journal.name,
            year,
            models.Issue.issue,
            models.Issue.label,
            stored,
            models.Issue.toc_count,
        ).join(models.Issue.journal)
    ):
        journal_issues.setdefault(journal, []).append(IssueCount(*counts))
    return Coverage(
        articles,
        per,
        fields,
        issues,
        incomplete,
        short,
        {name: tuple(sorted(found, key=issue_order)) for name, found in journal_issues.items()},
        no_journal,
    )


def format_completeness(cov: Coverage, width: int) -> list[str]:
    """Per journal, its issues complete of those known, then each issue that
    is not: stored/listed."""
    lines = ["issues complete: every article the contents list stored (?: contents unknown)"]
    for journal in cov.per_journal_year:
        found = cov.journal_issues.get(journal, ())
        if not found:
            lines.append(f"  {_pad(journal, width)}no issue known")
            continue
        done = sum(issue.complete for issue in found)
        lines.append(f"  {_pad(journal, width)}{done:>4} of {len(found)}")
        lines += [f"      {issue.shown}" for issue in found if not issue.complete]
    return lines


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
    if cov.no_journal:
        lines += ["", f"articles with no journal: {cov.no_journal}"]
    if cov.per_journal_year:
        lines += ["", *format_completeness(cov, width)]
    lines += ["", "field coverage"]
    for name, n in cov.fields.items():
        share = n / cov.articles if cov.articles else 0.0
        lines.append(f"  {name:<9}{n:>6} / {cov.articles:<6}{share:7.1%}")
    return "\n".join(lines)


def _pad(text: str, width: int) -> str:
    """Pad to a display width where CJK characters take two columns."""
    shown = sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
    return text + " " * (max(width * 2, 8) - shown + 2)
