"""Rows of the table `pages`: every article page a crawl fetched, as it came.

The body is the one Scrapy handed the spider (after HTTP decompression),
Brotli-compressed (`compression` is `br`; rows stored before revision 0012
were zlib-compressed, `zlib`, and read as such): Brotli's built-in dictionary
of web text makes article pages some 12% smaller than zlib at about the same
speed. Headers are kept as latin-1 text, so bytes round-trip exactly. Rows
are upserted by URL: the latest fetch wins. The crawl's page archive
(crawler/spidermiddlewares/pagearchive.py) writes them; `journals reparse`
reads them back.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from typing import Any

try:
    import brotli
except ImportError:  # PyPy: Scrapy installs the CFFI binding instead
    import brotlicffi as brotli  # type: ignore[no-redef]

from scrapy.http import Headers, Response
from sqlalchemy import delete, insert
from sqlalchemy.orm import Session

from pipelines.db import models
from pipelines.db.upsert import dialect_insert

COMPRESSION = "br"
QUALITY = 5  # Brotli's: as fast as zlib's default here, and smaller
DECOMPRESS: dict[str, Callable[[bytes], bytes]] = {
    "br": brotli.decompress,
    "zlib": zlib.decompress,
}
_UPDATED = (
    "status",
    "headers",
    "body",
    "compression",
    "fetched_at",
    "run_id",
    "toc_count",
    "contents",
)


def headers_text(headers: Headers) -> dict[str, list[str]]:
    """Response headers as JSON-ready text; latin-1, so any byte survives.

    >>> headers_text(Headers({"Content-Type": "text/html; charset=utf-8"}))
    {'Content-Type': ['text/html; charset=utf-8']}
    """
    return {
        name.decode("latin-1"): [value.decode("latin-1") for value in values]
        for name, values in headers.items()
    }


def page_row(
    response: Response,
    fetched_at: str,
    run_id: int | None,
    toc_count: int | None,
    contents: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The `pages` row of a response."""
    return {
        "url": response.url,
        "status": response.status,
        "headers": headers_text(response.headers),
        "body": compress(response.body),
        "compression": COMPRESSION,
        "fetched_at": fetched_at,
        "run_id": run_id,
        "toc_count": toc_count,
        "contents": contents,
    }


def stored_headers(page: models.Page) -> Headers:
    """A stored page's headers, as bytes again."""
    return Headers(
        {
            name.encode("latin-1"): [value.encode("latin-1") for value in values]
            for name, values in page.headers.items()
        }
    )


def compress(body: bytes) -> bytes:
    """A body as stored (Brotli).

    >>> decompress(compress(b"<p>" * 100), "br") == b"<p>" * 100
    True
    """
    return brotli.compress(body, quality=QUALITY)


def decompress(body: bytes, compression: str) -> bytes:
    """A stored body as it came, however it was compressed.

    >>> decompress(zlib.compress(b"<p>"), "zlib")
    b'<p>'
    """
    try:
        return DECOMPRESS[compression](body)
    except KeyError:
        raise ValueError(f"unknown compression {compression!r}") from None


def stored_body(page: models.Page) -> bytes:
    """A stored page's body, decompressed.

    >>> row = page_row(Response("http://x/a", body=b"<p>"), "2026-01-01", None, None)
    >>> row["compression"], stored_body(models.Page(**row))
    ('br', b'<p>')
    """
    if page.compression not in DECOMPRESS:
        raise ValueError(f"{page.url}: unknown compression {page.compression!r}")
    return decompress(page.body, page.compression)


def upsert_pages(session: Session, rows: list[dict[str, Any]]) -> None:
    """Insert the rows, replacing any stored row of the same URL."""
    insert_ = dialect_insert(session)
    if insert_ is not None:
        statement = insert_(models.Page)
        statement = statement.on_conflict_do_update(
            index_elements=[models.Page.url],
            set_={name: statement.excluded[name] for name in _UPDATED},
        )
        session.execute(statement, rows)
    else:  # any other database: the same in two statements
        urls = [row["url"] for row in rows]
        session.execute(delete(models.Page).where(models.Page.url.in_(urls)))
        session.execute(insert(models.Page), rows)
