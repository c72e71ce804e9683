"""Alembic's environment, loaded by Alembic only (`pipelines.db.migrate` passes
the connection to migrate in `config.attributes`; there is no alembic.ini)."""

from __future__ import annotations

from alembic import context

from pipelines.db.migrate import modelled
from pipelines.db.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, include_name=modelled)
with context.begin_transaction():
    context.run_migrations()
