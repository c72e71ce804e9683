"""`journals rekey`: the keyword lines copies ran together, split again with
the keyword vocabulary as it is now.

A crawl splits a run-together line (`人代会人民代表大会代表`) with the tags it
knows at that moment (pipelines/db/vocabulary.py) and keeps the line
(`articles.keywords_line`). The vocabulary grows with every crawl that meets
pages giving their tags apart, so a line split early, on little, is split
better later: this runs every kept line through the same split again, in one
transaction, beside no crawl (the database's run lock, crawler/runlock.py).
No page is fetched or parsed; `journals reparse` does that.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from crawler.runlock import lock_for
from journals.session import database
from pipelines.db import models
from pipelines.db.database import DatabaseError, Writer, sqlite_path
from pipelines.db.vocabulary import KEYWORDS_UNCERTAIN


@dataclass(frozen=True)
class Rekeyed:
    lines: int  # run-together lines stored
    changed: int  # articles whose keywords or flags the new split changed
    uncertain: int  # lines whose split is still a guess
    vocabulary: int  # tags known apart

    def report(self) -> str:
        """
        >>> print(Rekeyed(12, 3, 2, 840).report())
        12 run-together keyword lines split again with 840 known tags: 3 changed, 2 still uncertain
        >>> print(Rekeyed(0, 0, 0, 5).report())
        no run-together keyword line stored
        """
        if not self.lines:
            return "no run-together keyword line stored"
        return (
            f"{self.lines:,} run-together keyword lines split again with {self.vocabulary:,} "
            f"known tags: {self.changed:,} changed, {self.uncertain:,} still uncertain"
        )


def run_rekey(url: str) -> Rekeyed:
    """Split every stored run-together keyword line of the database at `url`
    again. crawler.runlock.Locked while a crawl writes a SQLite database;
    DatabaseError if there is none at `url`."""
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise DatabaseError(f"no database at {path}")
    lock = lock_for(url)
    if lock is not None:
        lock.acquire()
    try:
        with database(url) as session, session.begin():
            writer = Writer(session)
            now = datetime.now(UTC).isoformat(timespec="seconds")
            query = select(models.Article).where(models.Article.keywords_line.is_not(None))
            lines = changed = uncertain = 0
            for article in session.scalars(query.order_by(models.Article.id)):
                lines += 1
                if writer.rekey(article):
                    changed += 1
                    article.updated_at = now
                uncertain += KEYWORDS_UNCERTAIN in article.flags
            return Rekeyed(lines, changed, uncertain, len(writer.vocabulary.counts))
    finally:
        if lock is not None:
            lock.release()
