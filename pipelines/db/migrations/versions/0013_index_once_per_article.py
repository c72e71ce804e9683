"""Each changed article indexed once a transaction, not once a keyword.

Revision 0012's triggers index an article again after every row of its
keywords written: a new article with three keywords had its whole text made
into trigrams seven times over. A writer now puts the articles it is about to
change on hold (`articles_fts_hold`), having taken them out of both indexes;
the triggers leave a held article alone, and before the transaction commits
the held articles are indexed once each (pipelines/db/fulltext.py). Plain SQL
holds nothing, and the triggers keep the index in step with it as before.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

from pipelines.db.migrations import fts_ddl

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in fts_ddl.hold_create():
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    # nothing is held between transactions; should anything be, index it first
    for statement in fts_ddl.reindexed(f"(SELECT id FROM {fts_ddl.HOLD})"):
        op.execute(statement)
    for statement in fts_ddl.hold_drop():
        op.execute(statement)
