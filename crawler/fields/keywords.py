"""Keywords: the page's keyword tags, split where a page runs them together,
and the article's own keyword line in its body."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

KEYWORD_LABEL = re.compile(
    r"^\s*[\[【〔]?\s*(?:关键词|關鍵詞|关键字|關鍵字|Key\s*words|标签|標籤|文章标签|文章標籤|Tags?)\s*"
    r"(?:[\]】〕]\s*[:：]?|[:：]|\s)\s*",
    re.I,
)
# The label of what a line says next (`标签：a b 分类：c`): the keywords end there.
_NEXT_LABEL = re.compile(r"\s*(?:分类|分類|类别|類別|栏目|欄目|来源|來源|作者|阅读|閱讀)\s*[:：]")
_SEPARATORS = re.compile(r"[;；,，、|｜\s]+")


@dataclass(frozen=True)
class Keywords:
    words: list[str]
    uncertain: bool = False


def keyword_line(line: str) -> list[str] | None:
    """The keywords of a line that starts with a keyword label, else None.

    >>> keyword_line("关键词：人大；监督；预算")
    ['人大', '监督', '预算']
    >>> keyword_line("[关键词]代表工作站;民情")
    ['代表工作站', '民情']
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


def split_run_together(text: str, context: str, longest: int = 10) -> Keywords:
    """Split keywords a page ran together, using the words that the title and
    body contain: the split into the fewest pieces that all occur in them.
    Flagged uncertain when no split or more than one best split exists.

    >>> split_run_together("民情工作站人大常委会", "倾听民情……代表工作站……区人大常委会")
    Keywords(words=['民情', '工作站', '人大常委会'], uncertain=False)
    >>> split_run_together("甲乙丙丁", "无关的正文")
    Keywords(words=['甲乙丙丁'], uncertain=True)
    """
    n = len(text)

    @cache
    def best(i: int) -> tuple[int, int, tuple[str, ...]]:
        """(pieces, ways, first best split) for text[i:]."""
        if i == n:
            return 0, 1, ()
        found: tuple[int, int, tuple[str, ...]] | None = None
        for j in range(min(n, i + longest), i + 1, -1):
            piece = text[i:j]
            if piece not in context:
                continue
            pieces, ways, rest = best(j)
            if pieces < 0:
                continue
            candidate = (pieces + 1, ways, (piece, *rest))
            if found is None or candidate[0] < found[0]:
                found = candidate
            elif candidate[0] == found[0]:
                found = (found[0], found[1] + ways, found[2])
        return found or (-1, 0, ())

    pieces, ways, words = best(0)
    if pieces <= 0:
        return Keywords([text], uncertain=True)
    if pieces == 1:
        return Keywords([text])
    return Keywords(list(words), uncertain=ways > 1)


def page_keywords(tags: list[str], context: str) -> Keywords:
    """The keywords from the page's keyword tags: one tag per element where the
    page has them; a single run-together tag is split against the text.

    >>> page_keywords(["民情", "工作站"], "")
    Keywords(words=['民情', '工作站'], uncertain=False)
    >>> page_keywords(["人大；监督"], "")
    Keywords(words=['人大', '监督'], uncertain=False)
    """
    words: list[str] = []
    for tag in tags:
        words += [w for w in _SEPARATORS.split(tag) if w]
    if len(words) == 1 and len(words[0]) > 6:
        return split_run_together(words[0], context)
    return Keywords(list(dict.fromkeys(words)))
