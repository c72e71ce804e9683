"""Issues know how many articles their table of contents lists (`toc_count`);
the view `issue_counts` sets that beside how many are stored.

Revision ID: 0003
Revises: 0002
Create Date: 2026-01-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from pipelines.db.migrations import dialects

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

VIEW = """
CREATE VIEW issue_counts AS
SELECT
    issues.id AS issue_id,
    journals.name AS journal,
    issues.year AS year,
    issues.issue AS issue,
    issues.label AS label,
    issues.toc_count AS toc_count,
    (SELECT count(*) FROM articles WHERE articles.issue_id = issues.id) AS stored
FROM issues JOIN journals ON journals.id = issues.journal_id
"""


def upgrade() -> None:
    op.add_column("issues", sa.Column("toc_count", sa.Integer, nullable=True))
    op.execute(dialects.view(VIEW, op.get_bind().dialect.name))


def downgrade() -> None:
    op.execute("DROP VIEW issue_counts")
    for column in ("toc_count",):  # SQLite 3.35+ drops columns in place
        op.execute(f"ALTER TABLE issues DROP COLUMN {column}")
