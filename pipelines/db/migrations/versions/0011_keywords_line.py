"""Run-together keyword lines are kept: `articles.keywords_line` holds the
line as the copy printed it (`人代会人民代表大会代表`) where the keywords were
split from it (flag `keywords_split`), so that a later split, with the
vocabulary grown, can take it again (`journals rekey`).

Articles stored before, flagged `keywords_uncertain`, had such a line cut at
a guess, in order and without a character lost: their line is their keywords
joined, and they are flagged `keywords_split` too.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from pipelines.db.migrations import dialects

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("keywords_line", sa.Text(), nullable=True))
    bind = op.get_bind()
    # The words in their places, joined in Python.
    flags_text = dialects.json_text("articles.flags", bind.dialect.name)
    rows = bind.execute(
        sa.text(
            "SELECT articles.id, articles.flags, keywords.word FROM articles"
            " JOIN article_keywords ON article_keywords.article_id = articles.id"
            " JOIN keywords ON keywords.id = article_keywords.keyword_id"
            f" WHERE {flags_text} LIKE '%keywords_uncertain%'"
            " ORDER BY articles.id, article_keywords.position"
        )
    ).all()
    lines: dict[int, tuple[list[str], list[str]]] = {}
    for article_id, flags, word in rows:
        flags = json.loads(flags) if isinstance(flags, str) else list(flags)
        lines.setdefault(article_id, (flags, []))[1].append(word)
    for article_id, (flags, words) in lines.items():
        bind.execute(
            sa.text("UPDATE articles SET keywords_line = :line, flags = :flags WHERE id = :id"),
            {
                "line": "".join(words),
                "flags": json.dumps(sorted({*flags, "keywords_split"})),
                "id": article_id,
            },
        )


def downgrade() -> None:
    op.execute("ALTER TABLE articles DROP COLUMN keywords_line")
