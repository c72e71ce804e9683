"""Short words through the index: each indexed value ends with two line
breaks, so that every occurrence of a one- or two-character word begins a
trigram, even at the very end of a title; `articles_fts_vocab` lists the
trigrams, so that a short word is looked up as any of those it begins (see
`journals.search`). The index is rebuilt, and its triggers with it.

Revision ID: 0006
Revises: 0005
Create Date: 2026-01-06
"""

from __future__ import annotations

from alembic import op

from pipelines.db.migrations import fts_ddl

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

END = "char(10, 10)"


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in [*fts_ddl.drop(), *fts_ddl.create(end=END)]:
        op.execute(statement)
    op.execute("CREATE VIRTUAL TABLE articles_fts_vocab USING fts5vocab(articles_fts, 'row')")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TABLE articles_fts_vocab")
    for statement in [*fts_ddl.drop(), *fts_ddl.create(end="''")]:
        op.execute(statement)
