"""Keeping the full-text indexes in step with a session's writes, once per
article per transaction.

The triggers of revision 0013 index an article whenever its text or any row
of its keywords changes, unless it is on hold. `hold` takes articles out of
the trigram index and marks them pending in the short-word index (as the
triggers would), and puts them on hold, before a writer changes them (the
store's Writer, pipelines/db/database.py); before each commit of a session,
`settle` indexes every held article once, as it is then, and takes it off
hold, and the short-word index brings its pending rows up to date
(pipelines/db/grams.py). Nothing is ever committed on hold.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from sqlalchemy import Connection, event
from sqlalchemy.orm import Session

from pipelines.db import grams
from pipelines.db.migrations import fts_ddl

logger = logging.getLogger(__name__)

HOLD = fts_ddl.HOLD
_HELD = f"(SELECT id FROM {HOLD})"


def exists(connection: Connection) -> bool:
    """Whether the database has the hold (revision 0013 on)."""
    return grams.has_sqlite_table(connection, HOLD)


def hold(connection: Connection, ids: Iterable[int]) -> None:
    """Put the articles `ids` on hold, out of the indexes, until `settle`.
    Articles not yet stored may be held: they are indexed once they are."""
    ids = [int(id_) for id_ in ids]
    if not ids:
        return
    for statement in fts_ddl.unindexed(f"({', '.join(map(str, ids))})"):
        connection.exec_driver_sql(statement)
    connection.exec_driver_sql(
        f"INSERT OR IGNORE INTO {HOLD} (id) VALUES (?)", [(id_,) for id_ in ids]
    )


def settle(connection: Connection) -> int:
    """Index each held article as it is now and take it off hold; how many were held."""
    held = connection.exec_driver_sql(f"SELECT count(*) FROM {HOLD}").scalar_one()
    if held:
        for statement in fts_ddl.reindexed(_HELD):
            connection.exec_driver_sql(statement)
        connection.exec_driver_sql(f"DELETE FROM {HOLD}")
    return held


@event.listens_for(Session, "before_commit")
def _index_before_commit(session: Session) -> None:
    """Index what the transaction wrote (and what waits from before)."""
    transaction = session.get_transaction()
    if transaction is None or not transaction.is_active:
        return
    if session.get_bind().dialect.name != "sqlite":
        return
    session.flush()  # what is still to be written, first (the commit flushes after this)
    connection = session.connection()
    if exists(connection) and (held := settle(connection)):
        logger.debug("full-text index: %d held articles indexed", held)
    refreshed = grams.refresh(connection)
    if refreshed:
        logger.debug("short-word index: %d articles brought up to date", refreshed)
