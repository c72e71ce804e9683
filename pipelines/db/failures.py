"""The `failures` table: URLs the crawl learned of but could not store.

`FailedRequest` is one request's final failure, as the crawl's failure
middleware (crawler/downloadermiddlewares/failedrequests.py) records it and
sends it with the signal `request_failed`; `record` upserts a run's
failures (attempts add up over runs); `forget`
deletes the rows of URLs since stored; `listing` reads them for
`journals failed` and `journals retry`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pipelines.db.models import Failure
from pipelines.db.upsert import dialect_insert

# Sent once per request that failed for good, with `failure=FailedRequest`.
request_failed = object()


@dataclass(frozen=True)
class FailedRequest:
    """A request's final failure: `status` is the last HTTP status, None where
    no response came; `attempts` counts the tries, retries included."""

    url: str
    status: int | None
    reason: str
    attempts: int
    gave_up_retrying: bool

    def as_row(self) -> dict[str, object]:
        """The record a `failures` table would hold.

        >>> FailedRequest("http://x/a", 500, "500 Internal Server Error", 6, True).as_row()
        {'url': 'http://x/a', 'status': 500, 'reason': '500 Internal Server Error', 'attempts': 6}
        """
        return {
            "url": self.url,
            "status": self.status,
            "reason": self.reason,
            "attempts": self.attempts,
        }


FIELDS = (
    "url",
    "host",
    "spider",
    "last_status",
    "reason",
    "attempts",
    "first_failed",
    "last_failed",
)


def record(session: Session, rows: Iterable[dict[str, Any]], spider: str, now: str) -> int:
    """Upsert failures given as `FailedRequest.as_row()` dicts; returns how many.

    A URL already failed keeps its first failure and its host, and adds the
    attempts; the rest is the latest failure's. One statement a URL where the
    database has `INSERT … ON CONFLICT` (SQLite, PostgreSQL)."""
    insert_ = dialect_insert(session)
    count = 0
    for row in rows:
        url = row["url"]
        values = {
            "spider": spider,
            "last_status": row["status"],
            "reason": row["reason"],
            "attempts": int(row["attempts"]),
            "last_failed": now,
        }
        if insert_ is not None:
            statement = insert_(Failure).values(
                url=url, host=urlsplit(url).hostname or "", first_failed=now, **values
            )
            session.execute(
                statement.on_conflict_do_update(
                    index_elements=[Failure.url],
                    set_={
                        **{name: statement.excluded[name] for name in values},
                        "attempts": Failure.attempts + statement.excluded.attempts,
                    },
                )
            )
        else:
            _record_in_two_steps(session, url, values, now)
        count += 1
    return count


def _record_in_two_steps(session: Session, url: str, values: dict[str, Any], now: str) -> None:
    failure = session.scalars(select(Failure).where(Failure.url == url)).one_or_none()
    if failure is None:
        failure = Failure(url=url, host=urlsplit(url).hostname or "", attempts=0, first_failed=now)
        session.add(failure)
    attempts = failure.attempts + values["attempts"]
    for name, value in values.items():
        setattr(failure, name, value)
    failure.attempts = attempts
    session.flush()


def forget(session: Session, urls: Iterable[str]) -> int:
    """Delete the failures of `urls` (stored since); returns how many rows went."""
    wanted = sorted(set(urls))
    if not wanted:
        return 0
    result = session.execute(delete(Failure).where(Failure.url.in_(wanted)))
    return int(getattr(result, "rowcount", 0) or 0)


def listing(session: Session, urls: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Every failure (or those of `urls`), most recent first, as plain dicts."""
    query = select(Failure).order_by(Failure.last_failed.desc(), Failure.url)
    if urls is not None:
        query = query.where(Failure.url.in_(list(urls)))
    return [{name: getattr(failure, name) for name in FIELDS} for failure in session.scalars(query)]
