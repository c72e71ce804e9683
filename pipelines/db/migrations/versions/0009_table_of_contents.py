"""Articles keep what the issue's table of contents says of them: the column
(栏目) they are listed under and their 1-based position in it (`column`,
`toc_position`; empty where no table of contents was read). The view
`article_list` is made again with both, so it can be faceted by column.
Stored pages keep what the contents said of their article (`pages.contents`),
so that a reparse places an article as the crawl that fetched it did.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from pipelines.db.migrations import dialects

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

COLUMNS = ("column", "toc_position")

# The view of 0005 with the two columns after the issue. `column` is quoted:
# it is an SQL keyword, which SQLite accepts as a name but other readers may not.
VIEW = """
CREATE VIEW article_list AS
SELECT
    articles.id AS id,
    articles.title AS title,
    journals.name AS journal,
    journals.province AS province,
    journals.level AS level,
    issues.year AS year,
    issues.issue AS issue,
    issues.label AS issue_label,
    articles."column" AS "column",
    articles.toc_position AS toc_position,
    articles.date AS date,
    (SELECT json_group_array(name) FROM (
        SELECT authors.name AS name FROM article_authors
        JOIN authors ON authors.id = article_authors.author_id
        WHERE article_authors.article_id = articles.id
        ORDER BY article_authors.position)) AS authors,
    (SELECT json_group_array(word) FROM (
        SELECT keywords.word AS word FROM article_keywords
        JOIN keywords ON keywords.id = article_keywords.keyword_id
        WHERE article_keywords.article_id = articles.id
        ORDER BY article_keywords.position)) AS keywords,
    articles.url AS url
FROM articles
JOIN journals ON journals.id = articles.journal_id
LEFT JOIN issues ON issues.id = articles.issue_id
"""

# The view as revision 0005 made it, for the way down (a revision's text never changes).
PREVIOUS_VIEW = """
CREATE VIEW article_list AS
SELECT
    articles.id AS id,
    articles.title AS title,
    journals.name AS journal,
    journals.province AS province,
    journals.level AS level,
    issues.year AS year,
    issues.issue AS issue,
    issues.label AS issue_label,
    articles.date AS date,
    (SELECT json_group_array(name) FROM (
        SELECT authors.name AS name FROM article_authors
        JOIN authors ON authors.id = article_authors.author_id
        WHERE article_authors.article_id = articles.id
        ORDER BY article_authors.position)) AS authors,
    (SELECT json_group_array(word) FROM (
        SELECT keywords.word AS word FROM article_keywords
        JOIN keywords ON keywords.id = article_keywords.keyword_id
        WHERE article_keywords.article_id = articles.id
        ORDER BY article_keywords.position)) AS keywords,
    articles.url AS url
FROM articles
JOIN journals ON journals.id = articles.journal_id
LEFT JOIN issues ON issues.id = articles.issue_id
"""


def upgrade() -> None:
    op.add_column("articles", sa.Column("column", sa.String(100), nullable=True))
    op.add_column("articles", sa.Column("toc_position", sa.Integer(), nullable=True))
    op.add_column("pages", sa.Column("contents", sa.JSON(), nullable=True))
    op.execute("DROP VIEW article_list")
    op.execute(dialects.view(VIEW, op.get_bind().dialect.name))


def downgrade() -> None:
    op.execute("DROP VIEW article_list")
    for column in COLUMNS:  # SQLite 3.35+ drops columns in place
        op.execute(f'ALTER TABLE articles DROP COLUMN "{column}"')
    op.execute("ALTER TABLE pages DROP COLUMN contents")
    op.execute(dialects.view(PREVIOUS_VIEW, op.get_bind().dialect.name))
