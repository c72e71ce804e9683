"""An article item as the store receives it, for tests that write the database directly."""

from __future__ import annotations


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
