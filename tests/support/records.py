"""An article item as the store receives it, for tests that write the database
directly, and a way to write some in one transaction."""

from __future__ import annotations

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
    return {
        "url": f"https://www.fx361.com/page/2018/1120/{article_id}.shtml",
        "source_host": "www.fx361.com",
        "article_id": article_id,
        "title": title,
        "authors": ["陈殊书"],
        "date": "2018-11-20",
        "time": None,
        "journal": "上海人大月刊",
        "year": 2018,
        "issue": "9",
        "issue_label": "2018年9期",
        "keywords": keywords,
        "body": body,
        "flags": [],
    }
