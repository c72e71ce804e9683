"""Alembic migrations of the database schema; run by `pipelines.db.migrate`."""
