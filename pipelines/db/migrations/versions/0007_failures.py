"""The table `failures`: every URL the crawl learned of but could not store,
with its last HTTP status, the reason, and how many attempts it has cost over
all runs. A row goes when its URL is stored.

Revision ID: 0007
Revises: 0006
Create Date: 2026-01-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "failures",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("url", sa.Text(), nullable=False, unique=True),
        sa.Column("host", sa.String(255), nullable=False),
        sa.Column("spider", sa.String(40), nullable=False),
        sa.Column("last_status", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("first_failed", sa.String(32), nullable=False),
        sa.Column("last_failed", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("failures")
