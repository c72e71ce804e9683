"""Keywords: the page's keyword tags, and the article's own keyword line in
its body."""

from __future__ import annotations

import re

KEYWORD_LABEL = re.compile(
    r"^\s*[\[【〔]?\s*(?:关\s*键\s*[词字]|關\s*鍵\s*[詞字]|Key\s*words|标\s*签|標\s*籤|文章标签|文章標籤|Tags?)\s*"
    r"(?:[\]】〕]\s*[:：]?|[:：]|\s)\s*",
    re.I,
)
# The label of what a line says next (`标签：a b 分类：c`): the keywords end there.
_NEXT_LABEL = re.compile(r"\s*(?:分类|分類|类别|類別|栏目|欄目|来源|來源|作者|阅读|閱讀)\s*[:：]")
_SEPARATORS = re.compile(r"[;；,，、|｜\s]+")


def keyword_line(line: str) -> list[str] | None:
    """The keywords of a line that starts with a keyword label, else None.

    >>> keyword_line("关键词：人大；监督；预算")
    ['人大', '监督', '预算']
    >>> keyword_line("[关键词]代表工作站;民情")
    ['代表工作站', '民情']
    >>> keyword_line("【关 键 词】人代会人民代表大会代表")
    ['人代会人民代表大会代表']
    >>> keyword_line("标签：开门立法 备案审查 分类：人大工作")
    ['开门立法', '备案审查']
    >>> keyword_line("关键词是什么") is None
    True
    """
    match = KEYWORD_LABEL.match(line)
    if match is None:
        return None
    rest = _NEXT_LABEL.split(line[match.end() :], maxsplit=1)[0]
    words = [w for w in _SEPARATORS.split(rest) if w]
    return words or None


def page_keywords(tags: list[str]) -> list[str]:
    """The keywords from the page's keyword tags: one tag per element where the
    page has them, or the words of a separated line. A line the page ran
    together stays one tag here: the store splits it on the keyword
    vocabulary (pipelines/db/vocabulary.py).

    >>> page_keywords(["民情", "工作站", "民情"]), page_keywords(["人大；监督"])
    (['民情', '工作站'], ['人大', '监督'])
    >>> page_keywords(["人代会人民代表大会代表"])
    ['人代会人民代表大会代表']
    """
    words: list[str] = []
    for tag in tags:
        words += [w for w in _SEPARATORS.split(tag) if w]
    return list(dict.fromkeys(words))
