"""Decode a page right whatever its charset says: UTF-8, GBK, GB18030 or Big5,
with a right, wrong or missing charset in the headers or the `<meta>`."""

from __future__ import annotations

from functools import cache

from scrapy.http import HtmlResponse, Response, TextResponse

CANDIDATES = ("utf-8", "gb18030", "big5")


@cache
def _common_hanzi() -> frozenset[str]:
    """The frequent characters of both scripts: GB2312 level 1 (3,755
    Simplified) and Big5's frequent block (5,401 Traditional)."""
    chars: set[str] = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            chars.update(bytes((lead, trail)).decode("gb2312", errors="ignore"))
    for lead in range(0xA4, 0xC7):
        for trail in [*range(0x40, 0x7F), *range(0xA1, 0xFF)]:
            chars.update(bytes((lead, trail)).decode("big5", errors="ignore"))
    return frozenset(chars)


def text_score(text: str) -> float:
    """How much a decoded text looks like Chinese: the share of its non-ASCII
    characters that are frequent hanzi or common CJK punctuation.

    >>> text_score("人大常委会召开会议。") > 0.9
    True
    >>> text_score("ÈË´ó³£Î¯»á") < 0.1
    True
    """
    common = _common_hanzi()
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if not wide:
        return 1.0
    good = sum(
        1
        for ch in wide
        if ch in common
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or ch in "“”‘’…—·"
    )
    return good / len(wide)


def best_encoding(body: bytes, declared: str | None) -> str | None:
    """The encoding that decodes `body` into the most Chinese-looking text;
    the declared one wins ties. None where the body is plain ASCII.

    >>> best_encoding("人大常委会召开会议".encode("gbk"), "utf-8")
    'gb18030'
    >>> best_encoding("人大常委會召開會議".encode("big5"), None)
    'big5'
    >>> best_encoding("人大常委会".encode("utf-8"), "gbk")
    'utf-8'
    """
    if body.isascii():
        return None
    scores: dict[str, float] = {}
    for encoding in dict.fromkeys([*(declared and [declared.lower()] or []), *CANDIDATES]):
        try:
            text = body.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        scores[encoding] = text_score(text) + (0.01 if encoding == (declared or "").lower() else 0)
    if not scores:
        return None
    return max(scores, key=scores.__getitem__)


def redecode(response: Response) -> Response:
    """The response, decoded with the encoding its bytes support best."""
    if not isinstance(response, TextResponse):
        return response
    declared = response.encoding
    best = best_encoding(response.body, declared)
    if best is None or _same_codec(best, declared):
        return response
    return response.replace(cls=HtmlResponse, encoding=best)


def _same_codec(a: str | None, b: str | None) -> bool:
    import codecs

    try:
        return bool(a and b and codecs.lookup(a).name == codecs.lookup(b).name)
    except LookupError:
        return False
