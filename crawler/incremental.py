"""Incremental runs: what the database already holds, so a scheduled crawl
fetches only what is new.

`-a mode=incremental` (the default) skips article pages whose article is
stored (by source URL or by the aggregator's article number in the URL), and
stops walking a journal's issues, newest first across its year pages, at the
first issue that is complete in the database (every article its table of contents lists is
stored: the `issue_counts` view). `-a refresh=DAYS` fetches stored articles
again when their `fetched_at` is older than DAYS days.

`-a mode=archive` walks every year and issue of the journals (no stop at a
complete issue) and fetches the articles not stored yet: a whole back
catalogue, and, with `-s JOBDIR=...`, resumable (crawler/resume/): a resumed
run fetches no article it has stored. `-a mode=full` fetches everything
again, stored articles too.

The checks only read the database; the store pipeline does the writing."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, bindparam, text

from crawler.arguments import BadArgument
from crawler.fields import article_id
from pipelines.db.database import open_engine, sqlite_path

MODES = ("incremental", "archive", "full")
# SQLite's default limit of bound parameters is 999 (older builds): stay below.
BATCH = 500


def parse_mode(value: str | None) -> str:
    """`incremental` (the default), `archive` or `full`.

    >>> parse_mode(None), parse_mode(" Full "), parse_mode("archive")
    ('incremental', 'full', 'archive')
    >>> parse_mode("fast")
    Traceback (most recent call last):
    ...
    crawler.arguments.BadArgument: mode: 'fast' is not incremental, archive or full
    """
    if value is None:
        return "incremental"
    mode = value.strip().lower()
    if mode not in MODES:
        raise BadArgument("mode", f"{value!r} is not incremental, archive or full")
    return mode


def parse_refresh(value: str | None) -> int | None:
    """A number of days (0 or more), or None.

    >>> parse_refresh("30"), parse_refresh(None)
    (30, None)
    >>> parse_refresh("a month")
    Traceback (most recent call last):
    ...
    crawler.arguments.BadArgument: refresh: 'a month' is not a number of days (30)
    """
    if value is None:
        return None
    try:
        days = int(value.strip())
    except ValueError:
        days = -1
    if days < 0:
        raise BadArgument("refresh", f"{value!r} is not a number of days (30)")
    return days


class StoredArticles:
    """Read-only questions to the database at `database_url`: which article
    URLs are stored (and fresh enough), which issues are complete. A database
    that does not exist yet holds nothing; it is opened once it does."""

    def __init__(self, database_url: str, refresh_days: int | None = None) -> None:
        self.database_url = database_url
        self.refresh_days = refresh_days
        self.engine: Engine | None = None

    def _engine(self) -> Engine | None:
        if self.engine is None:
            path = sqlite_path(self.database_url)
            if path is not None and not path.exists():
                return None
            self.engine = open_engine(self.database_url)
        return self.engine

    def close(self) -> None:
        if self.engine is not None:
            self.engine.dispose()
            self.engine = None

    def _cutoff(self) -> str:
        """Articles fetched before this (UTC, ISO 8601) are fetched again."""
        if self.refresh_days is None:
            return ""
        then = datetime.now(UTC) - timedelta(days=self.refresh_days)
        return then.isoformat(timespec="seconds")

    def stored(self, urls: Iterable[str]) -> set[str]:
        """Those of `urls` whose article is stored, by the URL among its
        sources or by the article number in it, and (with `refresh_days`)
        was fetched within that many days."""
        urls = list(dict.fromkeys(urls))
        engine = self._engine()
        if engine is None or not urls:
            return set()
        cutoff = self._cutoff()
        ids = {url: article_id(url) for url in urls}
        by_url = text(
            "SELECT sources.url FROM sources JOIN articles ON articles.id = sources.article_id"
            " WHERE sources.url IN :urls AND articles.fetched_at >= :cutoff"
        ).bindparams(bindparam("urls", expanding=True))
        by_id = text(
            "SELECT id FROM articles WHERE id IN :ids AND fetched_at >= :cutoff"
        ).bindparams(bindparam("ids", expanding=True))
        found: set[str] = set()
        known_ids: set[int] = set()
        with engine.connect() as conn:
            for start in range(0, len(urls), BATCH):
                batch = urls[start : start + BATCH]
                found.update(conn.scalars(by_url, {"urls": batch, "cutoff": cutoff}))
                numbers = [n for url in batch if (n := ids[url]) is not None]
                if numbers:
                    known_ids.update(conn.scalars(by_id, {"ids": numbers, "cutoff": cutoff}))
        return found | {url for url, n in ids.items() if n is not None and n in known_ids}

    def issue_complete(self, journal: str, year: int, issue: str) -> bool:
        """Whether every article the issue's table of contents lists is stored
        (and, with `refresh_days`, none of them is due to be fetched again)."""
        engine = self._engine()
        if engine is None:
            return False
        query = text(
            "SELECT toc_count, stored, issue_id FROM issue_counts"
            " WHERE journal = :journal AND year = :year AND issue = :issue"
        )
        stale = text(
            "SELECT count(*) FROM articles WHERE issue_id = :issue_id AND fetched_at < :cutoff"
        )
        with engine.connect() as conn:
            row = conn.execute(query, {"journal": journal, "year": year, "issue": issue}).first()
            if row is None or row.toc_count is None or row.stored < row.toc_count:
                return False
            if self.refresh_days is not None:
                params = {"issue_id": row.issue_id, "cutoff": self._cutoff()}
                return conn.scalar(stale, params) == 0
        return True
