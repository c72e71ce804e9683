"""The view `article_list`: one row per article with its journal's name,
province and level, its issue's year and number, and its authors and keywords
as JSON arrays: what a table of search results shows, facetable by journal,
year and province.

Revision ID: 0005
Revises: 0004
Create Date: 2026-01-05
"""

from __future__ import annotations

from alembic import op

from pipelines.db.migrations import dialects

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

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
    op.execute(dialects.view(VIEW, op.get_bind().dialect.name))


def downgrade() -> None:
    op.execute("DROP VIEW article_list")
