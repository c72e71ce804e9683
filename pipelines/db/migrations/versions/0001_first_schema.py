"""The first schema: journals, issues, articles, authors, keywords, sources
and fingerprints, exactly as the first version's `create_all` made it.

A database made before migrations existed has these tables and no
`alembic_version`; `pipelines.db.migrate` stamps it with this revision.

Revision ID: 0001
Revises:
Create Date: 2026-01-01
"""

from __future__ import annotations

import re

from alembic import op

from pipelines.db.migrations import dialects

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

DDL = (
    """
CREATE TABLE journals (
    id INTEGER NOT NULL,
    name VARCHAR(100) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (name)
)
    """,
    """
CREATE TABLE authors (
    id INTEGER NOT NULL,
    name VARCHAR(100) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (name)
)
    """,
    """
CREATE TABLE keywords (
    id INTEGER NOT NULL,
    word VARCHAR(100) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (word)
)
    """,
    """
CREATE TABLE issues (
    id INTEGER NOT NULL,
    journal_id INTEGER NOT NULL,
    year INTEGER NOT NULL,
    issue VARCHAR(10) NOT NULL,
    label VARCHAR(40),
    PRIMARY KEY (id),
    UNIQUE (journal_id, year, issue),
    FOREIGN KEY(journal_id) REFERENCES journals (id)
)
    """,
    """
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
    updated_at VARCHAR(32) NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(journal_id) REFERENCES journals (id),
    FOREIGN KEY(issue_id) REFERENCES issues (id)
)
    """,
    "CREATE INDEX ix_articles_journal_id ON articles (journal_id)",
    "CREATE INDEX ix_articles_date ON articles (date)",
    "CREATE INDEX ix_articles_issue_id ON articles (issue_id)",
    """
CREATE TABLE fingerprints (
    digest VARCHAR(40) NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (digest),
    FOREIGN KEY(article_id) REFERENCES articles (id)
)
    """,
    "CREATE INDEX ix_fingerprints_article_id ON fingerprints (article_id)",
    """
CREATE TABLE article_authors (
    article_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    author_id INTEGER NOT NULL,
    PRIMARY KEY (article_id, position),
    FOREIGN KEY(article_id) REFERENCES articles (id),
    FOREIGN KEY(author_id) REFERENCES authors (id)
)
    """,
    "CREATE INDEX ix_article_authors_author_id ON article_authors (author_id)",
    """
CREATE TABLE article_keywords (
    article_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    keyword_id INTEGER NOT NULL,
    PRIMARY KEY (article_id, position),
    FOREIGN KEY(article_id) REFERENCES articles (id),
    FOREIGN KEY(keyword_id) REFERENCES keywords (id)
)
    """,
    "CREATE INDEX ix_article_keywords_keyword_id ON article_keywords (keyword_id)",
    """
CREATE TABLE sources (
    id INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    url TEXT NOT NULL,
    host VARCHAR(255) NOT NULL,
    first_seen VARCHAR(32) NOT NULL,
    last_seen VARCHAR(32) NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(article_id) REFERENCES articles (id),
    UNIQUE (url)
)
    """,
    "CREATE INDEX ix_sources_article_id ON sources (article_id)",
)


TABLES = re.findall(r"CREATE TABLE (\w+)", "".join(DDL))


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in DDL:
        op.execute(dialects.table(statement, dialect))


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_table(table)
