"""Titles: footnote marks and stray spaces removed, a `——` subtitle joined."""

from __future__ import annotations

import re

_FOOTNOTE = re.compile(r"\s*(?:[*＊※]+|[①②③④⑤]|\[\d{1,2}\]|〔\d{1,2}〕)\s*$")
_SPACE_AROUND_MARK = re.compile(r"\s*([：:，,；;、])\s*")
_BULLETS = re.compile(r"^[\s·•●◆◇■□▪▫○◎▶►>\-–]+")


def clean_title(title: str, next_line: str = "") -> str:
    """A title as the article has it: footnote mark and stray spaces gone, a
    subtitle on the next line starting with `——` joined.

    >>> clean_title("青浦：做好联系人民群众三篇文章*")
    '青浦：做好联系人民群众三篇文章'
    >>> clean_title("● 依法履职 ： 人大代表的一年 ")
    '依法履职：人大代表的一年'
    >>> clean_title("把好预算关", "——浙江省人大常委会预算审查监督纪实")
    '把好预算关——浙江省人大常委会预算审查监督纪实'
    >>> clean_title("摸清“家底” 管好“家产”")
    '摸清“家底” 管好“家产”'
    >>> clean_title("一颗滚烫心 满腔为民情")
    '一颗滚烫心 满腔为民情'
    """
    title = _BULLETS.sub("", title.strip())
    title = _FOOTNOTE.sub("", title)
    title = _SPACE_AROUND_MARK.sub(r"\1", title)
    title = re.sub(r"\s{2,}", " ", title).strip()
    subtitle = next_line.strip()
    if subtitle.startswith(("——", "--", "—")) and len(subtitle) < 60:
        title += "——" + _FOOTNOTE.sub("", subtitle.lstrip("—-").strip())
    return title


def strip_bullets(line: str) -> str:
    """Bullets and indentation a copy site put before a header line.

    >>> strip_bullets("·  2018-11-20 01:18:20陈殊书")
    '2018-11-20 01:18:20陈殊书'
    """
    return _BULLETS.sub("", line)
