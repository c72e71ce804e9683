"""Runs whose workers share one frontier (crawler/frontier/): each worker's
row of `crawl_runs` names the run it belongs to (`run_id`, the RUN_ID all
its workers were given) and the worker (`worker`, its WORKER_NAME). Both
are empty for a crawl in one process.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("crawl_runs", sa.Column("run_id", sa.String(100), nullable=True))
    op.add_column("crawl_runs", sa.Column("worker", sa.String(100), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE crawl_runs DROP COLUMN worker")
    op.execute("ALTER TABLE crawl_runs DROP COLUMN run_id")
