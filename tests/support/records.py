"""An article item as the store receives it, for tests that write the database
directly, and a way to write some in one transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from pipelines.db.database import Writer

NOW = "2026-01-02T00:00:00+00:00"


def write(engine: Engine, *items: dict) -> list[str]:
    """The items written by one Writer in one transaction; their outcomes."""
    with Session(engine) as session, session.begin():
        writer = Writer(session)
        return [writer.write(one, NOW) for one in items]


def item(article_id: int, body: str, keywords: list[str], title: str = "代表工作") -> dict:
    return record(
        url=f"https://www.fx361.com/page/2018/1120/{article_id}.shtml",
        article_id=article_id,
        title=title,
        keywords=keywords,
        body=body,
    )


# The seed article's fields as its copies carry them.
SEED_TITLE = "青浦：做好联系人民群众三篇文章"


def seed_copy(url: str, body: str, **fields: Any) -> dict:
    """A copy of the seed article at `url`, as the store receives it; `fields`
    replace its own (`article_id`, `flags`, the contents' `column`, …)."""
    seed = {
        "article_id": 5108306,
        "title": SEED_TITLE,
        "keywords": ["民情"],
        "fetched_at": "2026-01-01T00:00:00+00:00",
    }
    return record(url=url, body=body, **{**seed, **fields})


def record(**fields: Any) -> dict:
    """An article item: the seed's byline, date and issue, the host of its
    `url`, no flags, and `fields`."""
    return {
        "source_host": fields["url"].split("/")[2],
        "authors": ["陈殊书"],
        "date": "2018-11-20",
        "time": None,
        "journal": "上海人大月刊",
        "year": 2018,
        "issue": "9",
        "issue_label": "2018年9期",
        "flags": [],
        **fields,
    }
