"""Structure of an article body: lines that repeat the page around it."""

from __future__ import annotations

import re

RELATED_HEADINGS = frozenset({"猜你喜欢", "猜你喜歡", "相关文章", "相关推荐", "相關文章"})


def drop_related_block(lines: list[str]) -> list[str]:
    """Cut the related-articles block (`猜你喜欢` and all after it).

    The block lists other articles at the foot of the page; nothing of the
    article follows it.

    >>> drop_related_block(["正文。", "猜你喜欢", "另一篇文章", "浙江人大(2014年6期)"])
    ['正文。']
    >>> drop_related_block(["我们猜你喜欢这个建议。"])
    ['我们猜你喜欢这个建议。']
    """
    for n, line in enumerate(lines):
        if line.strip() in RELATED_HEADINGS:
            return lines[:n]
    return lines


def drop_author_line(lines: list[str], authors: list[str]) -> list[str]:
    """Drop the body's first line where it only repeats the authors.

    >>> drop_author_line(["虞崇胜 温潇俊", "正文。"], ["虞崇胜", "温潇俊"])
    ['正文。']
    >>> drop_author_line(["◎王春玺", "正文。"], ["王春玺"])
    ['正文。']
    >>> drop_author_line(["倾听民声", "正文。"], [])
    ['倾听民声', '正文。']
    """
    if not lines or not authors:
        return lines
    squashed = re.sub(r"[\s、，,;；◎/]|^文", "", lines[0])
    if squashed == "".join(authors):
        return lines[1:]
    return lines
