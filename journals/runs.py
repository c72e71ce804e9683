"""`journals runs`: the crawls recorded in `crawl_runs` (crawler/extensions/runrecord.py),
newest first, as a table for a person or JSON Lines for a script."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from journals.table import render
from pipelines.db.models import CrawlRun

COLUMNS = tuple(column.name for column in CrawlRun.__table__.columns)


def listing(session: Session, limit: int | None = None) -> list[dict[str, Any]]:
    """The newest `limit` runs (all with None), each a dict of its columns."""
    query = select(CrawlRun).order_by(CrawlRun.started_at.desc(), CrawlRun.id.desc())
    if limit:
        query = query.limit(limit)
    return [{name: getattr(run, name) for name in COLUMNS} for run in session.scalars(query)]


def arguments_text(arguments: Mapping[str, Any] | None) -> str:
    """
    >>> arguments_text({"journal": "浙江人大", "mode": "archive"}), arguments_text({})
    ('journal=浙江人大 mode=archive', '')
    """
    return " ".join(f"{name}={value}" for name, value in (arguments or {}).items())


def worker_of(run: Mapping[str, Any]) -> dict[str, str]:
    """A shared-frontier worker's run and name, shown with the arguments.

    >>> worker_of({"run_id": "archive-1", "worker": "w2"}), worker_of({"run_id": None})
    ({'run': 'archive-1', 'worker': 'w2'}, {})
    """
    if not run.get("run_id"):
        return {}
    return {"run": run["run_id"], "worker": run.get("worker") or "?"}


def articles_text(run: Mapping[str, Any]) -> str:
    """New, updated and unchanged articles.

    >>> articles_text({"articles_new": 24, "articles_updated": 0, "articles_unchanged": 3})
    '24/0/3'
    """
    return f"{run['articles_new']}/{run['articles_updated']}/{run['articles_unchanged']}"


def table(runs: list[dict[str, Any]]) -> str:
    r"""One line per run under a header; wide columns are cut with `…`.

    >>> import re
    >>> out = table([{"id": 2, "started_at": "2026-11-27T05:15:45+00:00", "spider": "fx361",
    ...   "arguments": {"journal": "浙江人大"}, "status": "degraded", "requests": 41,
    ...   "article_pages": 24, "articles_new": 24, "articles_updated": 0,
    ...   "articles_unchanged": 0, "dropped": {"missing_journal": 1}, "errors": 1,
    ...   "alarms": ["authors 0.00 < 0.70"]}])
    >>> re.split(r"\s{2,}", out.splitlines()[0])[:6]
    ['id', 'started (UTC)', 'spider', 'arguments', 'status', 'requests']
    >>> re.split(r"\s{2,}", out.splitlines()[2])  # doctest: +NORMALIZE_WHITESPACE
    ['2', '2026-11-27 05:15:45', 'fx361', 'journal=浙江人大', 'degraded', '41', '24', '24/0/0',
     '1', '1', 'authors 0.00 < 0.70']
    """
    headers = [
        "id",
        "started (UTC)",
        "spider",
        "arguments",
        "status",
        "requests",
        "article pages",
        "new/upd/same",
        "dropped",
        "errors",
        "alarms",
    ]
    cells = [
        [
            str(run["id"]),
            run["started_at"][:19].replace("T", " "),
            run["spider"],
            arguments_text(worker_of(run) | (run["arguments"] or {})),
            run["status"],
            str(run["requests"]),
            str(run["article_pages"]),
            articles_text(run),
            str(sum((run["dropped"] or {}).values())),
            str(run["errors"]),
            ", ".join(run["alarms"] or []),
        ]
        for run in runs
    ]
    return render(headers, cells, [8, 19, 10, 40, 11, 8, 13, 14, 7, 6, 60])
