"""Articles whose copy names no journal are stored, flagged `journal_unknown`:
`articles.journal_id` may be empty (a later copy that names the journal fills
it). The view `article_list` keeps them, journal empty (LEFT JOIN journals).
Each run counts the new articles it stored with no journal
(`crawl_runs.articles_journal_unknown`).

SQLite cannot loosen a NOT NULL in place: `articles` is rebuilt, foreign
keys off (as `pipelines.db.migrate` runs migrations: with them on, dropping
the old table would fail for the rows that refer to it). It is rebuilt from
a written CREATE statement, not by Alembic's batch mode, whose statement
orders the foreign keys differently from one run to the next (a made and an
upgraded database would differ); other databases alter the column. The views
reading it and the full-text index's triggers on it are made again; the index
itself is kept as it is, its rows still the articles' ids. The way down
deletes the articles with no journal (the old schema cannot hold them) and
rebuilds the table as it was.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-11
"""

from __future__ import annotations

import importlib

import sqlalchemy as sa
from alembic import op

from pipelines.db.migrations import dialects, fts_ddl

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# A revision's text never changes: the views as 0009 and 0003 made them.
_0009 = importlib.import_module("pipelines.db.migrations.versions.0009_table_of_contents")
_0003 = importlib.import_module("pipelines.db.migrations.versions.0003_issue_counts")
PREVIOUS_VIEW: str = _0009.VIEW
VIEW = PREVIOUS_VIEW.replace(
    "\nJOIN journals ON journals.id = articles.journal_id",
    "\nLEFT JOIN journals ON journals.id = articles.journal_id",
)
ISSUE_COUNTS: str = _0003.VIEW
END = "char(10, 10)"  # how 0006 ends each indexed value

# The table as revisions 0001 and 0009 left it, and as this one makes it:
# SQLite keeps its CREATE statement, which later downgrades edit.
PREVIOUS_TABLE = """
CREATE TABLE articles (
    id INTEGER NOT NULL,
    title TEXT NOT NULL,
    date VARCHAR(10),
    time VARCHAR(8),
    journal_id INTEGER NOT NULL,
    issue_id INTEGER,
    body TEXT NOT NULL,
    flags JSON NOT NULL,
    url TEXT NOT NULL,
    source_host VARCHAR(255) NOT NULL,
    fetched_at VARCHAR(32) NOT NULL,
    updated_at VARCHAR(32) NOT NULL, "column" VARCHAR(100), toc_position INTEGER,
    PRIMARY KEY (id),
    FOREIGN KEY(journal_id) REFERENCES journals (id),
    FOREIGN KEY(issue_id) REFERENCES issues (id)
)"""
TABLE = PREVIOUS_TABLE.replace("journal_id INTEGER NOT NULL,", "journal_id INTEGER,")
INDEXES = (
    "CREATE INDEX ix_articles_journal_id ON articles (journal_id)",
    "CREATE INDEX ix_articles_date ON articles (date)",
    "CREATE INDEX ix_articles_issue_id ON articles (issue_id)",
)
COLUMNS = (
    "id, title, date, time, journal_id, issue_id, body, flags, url, source_host, fetched_at, "
    'updated_at, "column", toc_position'
)


def sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def triggers() -> list[str]:
    """The index's triggers as 0006 made them (the index itself is not touched)."""
    return [
        f"CREATE TRIGGER {name} {event} BEGIN\n{action}\nEND"
        for (name, event), action in zip(
            fts_ddl.TRIGGER_EVENTS.items(), fts_ddl.actions(END).values(), strict=True
        )
    ]


def drop_dependents() -> None:
    op.execute("DROP VIEW article_list")
    op.execute("DROP VIEW issue_counts")
    if sqlite():
        for name in fts_ddl.TRIGGER_EVENTS:
            op.execute(f"DROP TRIGGER {name}")


def make_dependents(view: str) -> None:
    if sqlite():
        for statement in triggers():
            op.execute(statement)
    dialect = op.get_bind().dialect.name
    op.execute(dialects.view(ISSUE_COUNTS, dialect))
    op.execute(dialects.view(view, dialect))


def rebuild(table: str) -> None:
    """Make `articles` again by `table`, its CREATE statement kept as written."""
    # Where foreign keys are on (a downgrade run by hand), the rows that refer
    # to the articles are orphans from the DROP until the INSERT: checked at
    # the commit, not at once.
    op.execute("PRAGMA defer_foreign_keys = ON")
    op.execute("CREATE TEMP TABLE articles_copy AS SELECT * FROM articles")
    op.execute("DROP TABLE articles")
    op.execute(table)
    op.execute(f"INSERT INTO articles ({COLUMNS}) SELECT {COLUMNS} FROM articles_copy")
    op.execute("DROP TABLE articles_copy")
    for statement in INDEXES:
        op.execute(statement)


def upgrade() -> None:
    drop_dependents()
    if sqlite():
        rebuild(TABLE)
    else:
        op.alter_column("articles", "journal_id", existing_type=sa.Integer(), nullable=True)
    make_dependents(VIEW)
    op.add_column(
        "crawl_runs",
        sa.Column("articles_journal_unknown", sa.Integer(), nullable=False, server_default="0"),
    )


def downgrade() -> None:
    op.execute("ALTER TABLE crawl_runs DROP COLUMN articles_journal_unknown")
    lost = "(SELECT id FROM articles WHERE journal_id IS NULL)"
    for child in ("fingerprints", "sources", "article_authors", "article_keywords"):
        op.execute(f"DELETE FROM {child} WHERE article_id IN {lost}")
    op.execute("DELETE FROM articles WHERE journal_id IS NULL")
    drop_dependents()
    if sqlite():
        rebuild(PREVIOUS_TABLE)
    else:
        op.alter_column("articles", "journal_id", existing_type=sa.Integer(), nullable=False)
    make_dependents(PREVIOUS_VIEW)
