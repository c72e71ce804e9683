"""PostgreSQL: trigram indexes (pg_trgm, GIN) on the articles' titles and
bodies and on the keywords, which search there (journals/pgsearch.py) uses
to find the articles holding a term of three characters or more. Nothing
changes in SQLite, whose indexes are FTS5's.

The extension is made where the database allows it (pg_trgm is a trusted
extension: a database's owner may make it); where not, the indexes are
left out and search reads every article, with the same results.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07
"""

from __future__ import annotations

import logging

from alembic import op
from sqlalchemy.exc import DBAPIError

from pipelines.db.migrations import dialects

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

logger = logging.getLogger(__name__)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != dialects.POSTGRESQL:
        return
    try:
        with bind.begin_nested():
            op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DBAPIError as exc:
        logger.warning("no pg_trgm (%s): search will read every article", exc.orig)
        return
    for statement in dialects.trigram_indexes():
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != dialects.POSTGRESQL:
        return
    for statement in dialects.trigram_indexes_dropped():
        op.execute(statement)
