"""One article in full, for reading in a terminal."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from journals.export import records_by_id
from pipelines.db import models


def find(session: Session, ref: str) -> int | None:
    """The id of the article `ref` names: its id, or a URL it was seen at."""
    ref = ref.strip()
    if ref.lstrip("-").isdigit():
        found = session.get(models.Article, int(ref))
        return found.id if found else None
    return session.scalar(
        select(models.Article.id)
        .outerjoin(models.Source, models.Source.article_id == models.Article.id)
        .where(or_(models.Source.url == ref, models.Article.url == ref))
        .limit(1)
    )


def record(session: Session, article_id: int) -> dict[str, Any]:
    row = next(records_by_id(session, [article_id]))
    article = session.get(models.Article, article_id)
    assert article is not None
    row["issue_label"] = article.issue.label if article.issue else None
    row["province"] = article.journal.province if article.journal else None
    row["level"] = article.journal.level if article.journal else None
    return row


def format_article(row: dict[str, Any]) -> str:
    """The article's fields, one per line, then its body.

    >>> print(format_article({"id": 1, "title": "题", "authors": ["甲", "乙"], "journal": "刊",
    ...     "province": "浙江", "level": "provincial", "issue_label": "2018年9期", "year": 2018,
    ...     "issue": "9", "column": "代表风采", "toc_position": 3,
    ...     "date": "2018-11-20", "time": None, "keywords": ["民情"],
    ...     "url": "http://a/1", "sources": ["http://a/1", "http://b/1"], "flags": [],
    ...     "fetched_at": "2026-01-01T00:00:00+00:00", "body": "第一段。\\n第二段。"}))
    题
    <BLANKLINE>
    authors   甲、乙
    journal   刊 (浙江, provincial)
    issue     2018年9期 (year 2018, issue 9)
    column    代表风采 (no. 3 in the issue's contents)
    date      2018-11-20
    keywords  民情
    id        1
    url       http://a/1
    sources   http://a/1
              http://b/1
    fetched   2026-01-01T00:00:00+00:00
    <BLANKLINE>
    第一段。
    第二段。
    >>> print(format_article({"id": -7, "title": "题", "journal": None, "year": None,
    ...     "flags": ["journal_unknown"], "body": "正文"}))
    题
    <BLANKLINE>
    journal   (unknown)
    id        -7
    flags     journal_unknown
    <BLANKLINE>
    正文
    """
    where = ", ".join(x for x in (row.get("province"), row.get("level")) if x)
    issue = (
        f"{row.get('issue_label') or ''} (year {row['year']}, issue {row['issue']})".strip()
        if row.get("year")
        else None
    )
    fields = [
        ("authors", "、".join(row.get("authors") or [])),
        ("journal", (row["journal"] or "(unknown)") + (f" ({where})" if where else "")),
        ("issue", issue),
        ("column", placed(row.get("column"), row.get("toc_position"))),
        ("date", " ".join(x for x in (row.get("date"), row.get("time")) if x)),
        ("keywords", "；".join(row.get("keywords") or [])),
        ("id", str(row["id"])),
        ("url", row.get("url")),
        ("sources", "\n".join(row.get("sources") or [])),
        ("flags", ", ".join(row.get("flags") or [])),
        ("fetched", row.get("fetched_at")),
    ]
    lines = [row["title"], ""]
    for name, value in fields:
        if value:
            first, *rest = value.split("\n")
            lines.append(f"{name:<10}{first}")
            lines += [" " * 10 + more for more in rest]
    return "\n".join([*lines, "", row["body"]])


def placed(column: str | None, position: int | None) -> str | None:
    """What the issue's table of contents says of the article, in words.

    >>> placed("代表风采", 3)
    "代表风采 (no. 3 in the issue's contents)"
    >>> placed(None, 3), placed("代表风采", None), placed(None, None)
    ("no heading (no. 3 in the issue's contents)", '代表风采', None)
    """
    if position is None:
        return column
    return f"{column or 'no heading'} (no. {position} in the issue's contents)"
