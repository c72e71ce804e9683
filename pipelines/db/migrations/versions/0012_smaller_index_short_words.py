"""A smaller full-text index, an index of short words, smaller archived pages.

`articles_fts` keeps no copy of the text any more (external content): it
reads titles and bodies from `articles` and each article's keywords line from
`articles_fts_keywords` (the line it indexed), through the view
`articles_fts_text`, with the same values as before (each ending with two line
breaks), the same trigrams and the same ranking. Its triggers run after each
change and remove an article's old row with the values it was made of.

`articles_fts_short` indexes every character and pair of characters of each
article, with tiers of how often each occurs, so that a search word of one or
two characters is one lookup and the best matches are found without counting
every match (pipelines/db/grams.py makes its rows; the triggers mark what is
out of date in `articles_fts_short_pending`, keeping the old values in
`articles_fts_short_old`). It is filled here.

Archived pages (`pages.body`) are compressed with Brotli instead of zlib
(`compression` `br`; pipelines/db/pages.py): those stored are recompressed.

The way down makes revision 0006's index again, and the pages zlib again.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from __future__ import annotations

import zlib
from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

from pipelines.db import grams
from pipelines.db.migrations import fts_ddl

try:
    import brotli
except ImportError:  # PyPy: Scrapy installs the CFFI binding instead
    import brotlicffi as brotli  # type: ignore[no-redef]

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

END = "char(10, 10)"  # how 0006 ends each indexed value
BATCH = 1000  # articles made into short-word rows, or pages recompressed, at a time


def sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def brotli_compress(body: bytes) -> bytes:
    return brotli.compress(body, quality=5)


def recompress(
    source: str, decode: Callable[[bytes], bytes], target: str, encode: Callable[[bytes], bytes]
) -> None:
    """Every page stored with compression `source`, stored with `target`, in batches."""
    connection = op.get_bind()
    last = 0
    select = sa.text(
        "SELECT id, body FROM pages WHERE compression = :source AND id > :last"
        " ORDER BY id LIMIT :batch"
    )
    update = sa.text("UPDATE pages SET body = :body, compression = :target WHERE id = :id")
    while rows := connection.execute(
        select, {"source": source, "last": last, "batch": BATCH}
    ).all():
        connection.execute(
            update,
            [{"body": encode(decode(body)), "target": target, "id": id_} for id_, body in rows],
        )
        last = rows[-1][0]


def upgrade() -> None:
    recompress("zlib", zlib.decompress, "br", brotli_compress)
    if not sqlite():
        return
    op.execute("DROP TABLE articles_fts_vocab")
    for statement in [*fts_ddl.drop(), *fts_ddl.external_create()]:
        op.execute(statement)
    op.execute("CREATE VIRTUAL TABLE articles_fts_vocab USING fts5vocab(articles_fts, 'row')")
    connection = op.get_bind()
    last = None
    while True:  # in batches, in id order: memory stays flat however many articles
        rows = connection.exec_driver_sql(
            f"SELECT id, title, body, keywords FROM {fts_ddl.TEXT_VIEW}"
            + ("" if last is None else " WHERE id > ?")
            + f" ORDER BY id LIMIT {BATCH}",
            () if last is None else (last,),
        ).all()
        if not rows:
            break
        grams.index(connection, rows)
        last = rows[-1][0]


def downgrade() -> None:
    recompress("br", brotli.decompress, "zlib", zlib.compress)
    if not sqlite():
        return
    op.execute("DROP TABLE articles_fts_vocab")
    for statement in [*fts_ddl.external_drop(), *fts_ddl.create(end=END)]:
        op.execute(statement)
    op.execute("CREATE VIRTUAL TABLE articles_fts_vocab USING fts5vocab(articles_fts, 'row')")
