"""Full-text search: the FTS5 table `articles_fts` (title, body and keywords,
trigram tokenizer, rowid = article id), filled from the articles and kept in
step with them by triggers on articles, article_keywords and keywords.

Revision ID: 0004
Revises: 0003
Create Date: 2026-01-04
"""

from __future__ import annotations

from alembic import op

from pipelines.db.migrations import fts_ddl

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # full-text search is SQLite's FTS5
    for statement in fts_ddl.create(end="''"):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in fts_ddl.drop():
        op.execute(statement)
