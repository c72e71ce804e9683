"""Decode a page right whatever its charset says: UTF-8, GBK, GB18030 or Big5,
with a right, wrong or missing charset in the headers or the `<meta>`.

Which of them the bytes are is charset-normalizer's call, its candidates
restricted to the three families the pages come in: UTF-8, GB18030 (which
decodes GBK and GB2312 alike) and Big5. The charset the page declares is kept
where it is one of those families, decodes the bytes, and is as plausible as
charset-normalizer's best (a Big5-HKSCS page, as Scrapy reads a declared
Big5 one, stays Big5-HKSCS)."""

from __future__ import annotations

import codecs
import logging

from charset_normalizer import from_bytes
from scrapy.http import HtmlResponse, Response, TextResponse

# charset-normalizer's names of the candidates, and the codec each decodes with.
CANDIDATES = {"utf_8": "utf-8", "gb18030": "gb18030", "big5": "big5"}
# Python's names of the codecs in each candidate's family.
FAMILIES = {
    "utf-8": "utf_8",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb18030": "gb18030",
    "big5": "big5",
    "big5hkscs": "big5",
    "cp950": "big5",
}

# It says at DEBUG which encoding it found, for every page: the crawl's log is
# no place for that.
logging.getLogger("charset_normalizer").setLevel(logging.INFO)


def family(encoding: str | None) -> str | None:
    """The candidate whose family `encoding` is in, as charset-normalizer names it.

    >>> family("GBK"), family("big5-hkscs"), family("utf8"), family("latin-1"), family("x")
    ('gb18030', 'big5', 'utf_8', None, None)
    """
    try:
        return FAMILIES.get(codecs.lookup(encoding or "").name)
    except LookupError:
        return None


def _decodes(body: bytes, encoding: str) -> bool:
    try:
        body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def best_encoding(body: bytes, declared: str | None) -> str | None:
    """The encoding `body` is in, of UTF-8, GB18030 and Big5; the declared one
    where it is as good. None where the body is plain ASCII or none fits.

    >>> best_encoding("人大常委会召开会议".encode("gbk"), "utf-8")
    'gb18030'
    >>> best_encoding("人大常委會召開會議".encode("big5"), None)
    'big5'
    >>> best_encoding("人大常委会".encode("utf-8"), "gbk")
    'utf-8'
    >>> best_encoding("人大常委會召開會議".encode("big5"), "big5hkscs")
    'big5hkscs'
    """
    if body.isascii():
        return None
    if family(declared) == "utf_8" and _decodes(body, "utf-8"):
        # Text in another encoding is all but never valid UTF-8 for more than a
        # few characters: no need to weigh the candidates (a tenth of a page's parse).
        return str(declared).lower()
    matches = from_bytes(body, cp_isolation=list(CANDIDATES))
    best = matches.best()
    if best is None:
        return None
    own = family(declared)
    for match in matches:
        if (
            declared
            and match.encoding == own
            and (match.chaos, -match.coherence) <= (best.chaos, -best.coherence)
            and _decodes(body, declared)
        ):
            return declared.lower()
    return CANDIDATES[best.encoding]


def redecode(response: Response) -> Response:
    """The response, decoded with the encoding its bytes are in."""
    if not isinstance(response, TextResponse):
        return response
    declared = response.encoding
    best = best_encoding(response.body, declared)
    if best is None or _same_codec(best, declared):
        return response
    return response.replace(cls=HtmlResponse, encoding=best)


def _same_codec(a: str | None, b: str | None) -> bool:
    try:
        return bool(a and b and codecs.lookup(a).name == codecs.lookup(b).name)
    except LookupError:
        return False
