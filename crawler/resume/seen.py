"""The request fingerprints a run has seen, kept out of the process's memory.

Scrapy's dupe filter keeps the fingerprint of every request of a run in a
Python set: 20 bytes each, some 90 with the set's share, so an archive run's
memory grows with every URL to its end (9 MB at 100,000 requests, 90 MB at a
million; a resumed run adds those done before). `Fingerprints` keeps them
in SQLite's private temporary database instead (an empty file name): held in
its page cache, `cache_kb` at most, written to a file of its own once that is
full, and deleted when the connection closes (on Unix the file is unlinked
as it is made, so even a killed run leaves none behind).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

# The page cache's size: what the fingerprints take in memory, at most.
CACHE_KB = 2048


class Fingerprints:
    """A set of request fingerprints, each seen in this run or done in an earlier one.

    >>> seen = Fingerprints()
    >>> seen.add_earlier([b"d" * 20])
    1
    >>> [seen.add(fp) for fp in (b"a" * 20, b"a" * 20, b"d" * 20)]
    [True, False, False]
    >>> len(seen), seen.earlier(b"d" * 20), seen.earlier(b"a" * 20)
    (2, True, False)
    >>> seen.close()
    """

    def __init__(self, cache_kb: int = CACHE_KB) -> None:
        # Autocommit off by hand: one transaction for the run, never committed
        # (a temporary database is gone with its connection); no journal.
        self._db = sqlite3.connect("", isolation_level=None)
        self._db.execute(f"PRAGMA cache_size = -{int(cache_kb)}")
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute(
            "CREATE TABLE seen (fp BLOB PRIMARY KEY, earlier INTEGER NOT NULL) WITHOUT ROWID"
        )
        self._db.execute("BEGIN")
        self._size = 0
        self.earlier_count = 0

    def add(self, fingerprint: bytes) -> bool:
        """Add a fingerprint of this run; True where it was not there yet."""
        added = self._db.execute(
            "INSERT OR IGNORE INTO seen VALUES (?, 0)", (fingerprint,)
        ).rowcount
        self._size += added
        return added == 1

    def add_earlier(self, fingerprints: Iterable[bytes]) -> int:
        """Add the fingerprints of requests done in earlier runs; how many were new."""
        before = self._db.total_changes
        self._db.executemany(
            "INSERT OR IGNORE INTO seen VALUES (?, 1)", ((fp,) for fp in fingerprints)
        )
        added = self._db.total_changes - before
        self._size += added
        self.earlier_count += added
        return added

    def earlier(self, fingerprint: bytes) -> bool:
        """Whether the fingerprint is of a request done in an earlier run."""
        row = self._db.execute("SELECT earlier FROM seen WHERE fp = ?", (fingerprint,)).fetchone()
        return bool(row and row[0])

    def __len__(self) -> int:
        return self._size

    def close(self) -> None:
        self._db.close()
