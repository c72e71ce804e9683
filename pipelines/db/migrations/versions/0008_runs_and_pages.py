"""The tables `crawl_runs` (one row per crawl: how it went and what it stored)
and `pages` (every fetched article page, compressed, so that extraction can be
run again over the archive without the network).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "crawl_runs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("spider", sa.String(40), nullable=False),
        sa.Column("arguments", sa.JSON(), nullable=False),
        sa.Column("started_at", sa.String(32), nullable=False),
        sa.Column("finished_at", sa.String(32), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("finish_reason", sa.String(40), nullable=True),
        sa.Column("requests", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("responses", sa.JSON(), nullable=False),
        sa.Column("article_pages", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("articles_new", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("articles_updated", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("articles_unchanged", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("dropped", sa.JSON(), nullable=False),
        sa.Column("errors", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("coverage", sa.JSON(), nullable=True),
        sa.Column("alarms", sa.JSON(), nullable=True),
    )
    op.create_table(
        "pages",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("url", sa.Text(), nullable=False, unique=True),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("headers", sa.JSON(), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("compression", sa.String(10), nullable=False),
        sa.Column("fetched_at", sa.String(32), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("toc_count", sa.Integer(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("pages")
    op.drop_table("crawl_runs")
