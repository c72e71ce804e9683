"""Which stored article a copy is: by the aggregator's number, or by its text."""

from __future__ import annotations

import hashlib
import re
from itertools import islice

_HANZI = re.compile(r"[\u4e00-\u9fff]")


def fingerprint(title: str, body: str) -> str:
    """A digest of an article's text that its copies share: the title's and
    the body's first 80 Chinese characters, so that punctuation, spacing and
    chrome a copy site adds do not change it.

    >>> fingerprint("青浦：做好联系人民群众三篇文章", "青浦区人大常委会高度重视……") == fingerprint(
    ...     "青浦:做好联系人民群众三篇文章 ", "\\n青浦区人大常委会 高度重视")
    True
    """
    lead = "".join(match.group() for match in islice(_HANZI.finditer(body), 80))
    text = "".join(_HANZI.findall(title)) + "|" + lead
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def id_from_fingerprint(digest: str) -> int:
    """A stable id for an article known by no aggregator number: negative, so
    it never collides with one.

    >>> id_from_fingerprint("00000000000001ff") < 0
    True
    """
    return -(int(digest[:13], 16) + 1)
