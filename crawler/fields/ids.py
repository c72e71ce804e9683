"""The aggregator's article number, shared by all copies of an article."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_ARTICLE_ID_RE = re.compile(r"/(?P<id>\d{5,10})\.s?html?$")


def article_id(url: str) -> int | None:
    """The aggregator's article number: the same on desktop, mobile and mirrors.

    >>> article_id("https://www.fx361.com/page/2018/1120/5108306.shtml")
    5108306
    >>> article_id("https://m.fx361.com/news/2018/1120/5108306.html")
    5108306
    >>> article_id("http://mirror.example.cn/qikan/2018/1120/5108306.html?from=x")
    5108306
    >>> article_id("https://www.fx361.com/bk/shrdyk/") is None
    True
    """
    match = _ARTICLE_ID_RE.search(urlsplit(url).path)
    return int(match["id"]) if match else None
