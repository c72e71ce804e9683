"""Checks on a cleaned article: what makes it unfit to store (a reason to
drop it), and what makes it doubtful (a flag to store it with)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from pipelines.cleaning.spam import is_spam_line

REQUIRED = ("title", "body")  # an article with no journal is stored, flagged journal_unknown
MAX_BODY_CHARS = 200_000  # the longest journal articles run to some 30,000
MAX_TITLE_CHARS = 200
_MARKUP = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")


QUALITY_FIELDS = ("authors", "keywords", "date", "issue")
# Counted per new article stored (`quality/new_with_<field>`), for the run's quality alarms.
STAT_PREFIX = "quality/new_with_"


def fields_present(item: Mapping[str, Any]) -> list[str]:
    """The fields quality alarms measure that an article item has (an issue
    needs its year and number).

    >>> fields_present({"authors": ["王建华"], "keywords": [], "date": "2018-11-20",
    ...                 "year": 2018, "issue": "9"})
    ['authors', 'date', 'issue']
    >>> fields_present({"authors": None, "year": None, "issue": "9"})
    []
    """
    present = {
        "authors": bool(item.get("authors")),
        "keywords": bool(item.get("keywords")),
        "date": bool(item.get("date")),
        "issue": bool(item.get("year") and item.get("issue")),
    }
    return [name for name in QUALITY_FIELDS if present[name]]


def missing_fields(item: dict[str, Any]) -> list[str]:
    """The required fields an item lacks.

    >>> missing_fields({"title": "题目", "journal": "", "body": ""})
    ['body']
    """
    return [name for name in REQUIRED if not item.get(name)]


def drop_reasons(item: dict[str, Any]) -> dict[str, str]:
    """Why an article must not be stored: stats key → message; empty if fit.

    >>> drop_reasons({"title": "题目", "journal": "浙江人大", "body": ""})
    {'missing_body': 'missing body'}
    >>> drop_reasons({"title": "题" * 300, "journal": "浙江人大", "body": "正文"})
    {'title_too_long': 'title too long (300 characters)'}
    """
    reasons = {f"missing_{name}": f"missing {name}" for name in missing_fields(item)}
    if item.get("title") and is_spam_line(item["title"]):
        reasons["title_is_spam"] = "the title is spam"
    if len(item.get("title") or "") > MAX_TITLE_CHARS:
        reasons["title_too_long"] = f"title too long ({len(item['title'])} characters)"
    return reasons


def doubts(item: dict[str, Any], today: date) -> tuple[dict[str, Any], list[str]]:
    """The article with doubtful values set aside, and the flags that say so:
    no journal named (its year and issue then mean nothing), a posting date
    in the future or impossible, an issue year in the future, a body cut at
    MAX_BODY_CHARS, markup left in the text.

    >>> item = {"journal": "浙江人大", "date": "2031-01-01", "year": 2031, "body": "正文"}
    >>> fixed, flags = doubts(item, date(2026, 1, 1))
    >>> fixed["date"], fixed["year"], flags
    (None, None, ['date_in_future', 'year_in_future'])
    >>> doubts({"journal": "刊", "body": "正文<script>x</script>。"}, date(2026, 1, 1))[0]["body"]
    '正文x。'
    >>> fixed, flags = doubts({"journal": " ", "year": 2018, "issue": "9"}, date(2026, 1, 1))
    >>> fixed["journal"], fixed["year"], fixed["issue"], flags
    (None, None, None, ['journal_unknown'])
    """
    out, flags = dict(item), []
    if not (out.get("journal") or "").strip():
        out["journal"], out["year"], out["issue"], out["issue_label"] = None, None, None, None
        flags.append("journal_unknown")
    posted = out.get("date")
    if posted:
        try:
            when = date.fromisoformat(posted)
        except ValueError:
            out["date"], out["time"] = None, None
            flags.append("date_invalid")
        else:
            if when > today:
                out["date"], out["time"] = None, None
                flags.append("date_in_future")
    if out.get("year") and out["year"] > today.year:
        out["year"], out["issue"] = None, None
        flags.append("year_in_future")
    body = out.get("body") or ""
    if len(body) > MAX_BODY_CHARS:
        out["body"] = body[:MAX_BODY_CHARS].rsplit("\n", 1)[0]
        flags.append("body_truncated")
    for name in ("title", "body"):
        if out.get(name) and _MARKUP.search(out[name]):
            out[name] = _MARKUP.sub("", out[name])
            flags.append("markup_removed")
    return out, list(dict.fromkeys(flags))
