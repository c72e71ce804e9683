"""Journals carry their province, level (provincial, city) and aggregator code,
filled from the catalogue `data/journals.csv` where it knows the journal.

Revision ID: 0002
Revises: 0001
Create Date: 2026-01-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from pipelines.db.catalogue import catalogue

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("journals", sa.Column("province", sa.String(20), nullable=True))
    op.add_column("journals", sa.Column("level", sa.String(20), nullable=True))
    op.add_column("journals", sa.Column("fx361_code", sa.String(40), nullable=True))
    journals = sa.table(
        "journals",
        sa.column("name", sa.String),
        sa.column("province", sa.String),
        sa.column("level", sa.String),
        sa.column("fx361_code", sa.String),
    )
    for entry in catalogue().values():
        op.execute(
            journals.update()
            .where(journals.c.name == entry.name)
            .values(province=entry.province, level=entry.level, fx361_code=entry.fx361_code)
        )


def downgrade() -> None:
    for column in ("fx361_code", "level", "province"):  # SQLite 3.35+ drops columns in place
        op.execute(f"ALTER TABLE journals DROP COLUMN {column}")
