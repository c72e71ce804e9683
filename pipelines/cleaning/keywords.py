"""Keyword lines a copy site ran together (`人代会人民代表大会代表`), split
into their tags on evidence, in this order of trust:

1. the vocabulary: every keyword stored as a separate tag, with how many
   articles carry it. The line is cut into known tags first, choosing the cut
   with the fewest characters no tag explains, then the fewest pieces (the
   tags of this field nest inside each other: 人大代表 holds 人大 and 代表,
   and a line that names 人大代表 names one tag, not two), then the most
   frequent tags;
2. words of the article's title and body explain the line beside known
   tags, but never a word made of known tags only: `代表` + `工作站` is
   代表工作站 when the text says 代表工作站 (a tag the vocabulary has not
   met yet holds shorter ones it has), while 人民代表大会代表 in the text
   is still the tags 人民代表大会 and 代表. What nothing explains, if it is
   one short piece (2–4 characters) beside explained ones, is a tag of its own;
3. a longer rest is cut into words of the article's title and body, where
   exactly one cut into fewest such words exists;
4. a segmenter (jieba, the vocabulary as its dictionary) for what none of
   these explains; its cut is a guess, and the result is `uncertain`.

Which lines count as run together is the caller's rule (`run_together`).
The split is pure: vocabulary, text and segmenter are arguments.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

Segment = Callable[[str], Sequence[str]]
# A cut's cost: characters nothing explains, pieces, words of the text, minus
# the tags' log frequencies.
Cost = tuple[int, int, int, float]
Pieces = tuple[tuple[str, bool], ...]

# A tag is at most this long (全国人民代表大会常务委员会 is 12).
LONGEST_TAG = 14
# A line longer than this is not a keyword line run together but text.
LONGEST_LINE = 60
# A single tag longer than this, with no separator, is taken for a run-together line.
SINGLE_TAG_MAX = 4
# Markup and placeholders a copy leaves in a tag: `???`, `/a>`, `<a`, `&nbsp;`.
_LEAKED = re.compile(r"</?[A-Za-z]*>?|/?[A-Za-z]+>|&[a-z]+;|[?？�\ufffd]+")


@dataclass(frozen=True)
class Split:
    words: list[str]
    uncertain: bool = False


def clean_tag(tag: str) -> str:
    """A tag without the markup or placeholders a copy left in it.

    >>> clean_tag("???/a>针对性突发事件")
    '针对性突发事件'
    >>> clean_tag("<a>民情</a>"), clean_tag(" 预算审查 "), clean_tag("COVID-19")
    ('民情', '预算审查', 'COVID-19')
    """
    return _LEAKED.sub("", tag).strip()


def run_together(words: Sequence[str]) -> bool:
    """Whether a keyword list is one run-together line: a single tag, no
    separator, longer than a tag of this field usually is.

    >>> run_together(["人代会人民代表大会代表"]), run_together(["评议权力监督"])
    (True, True)
    >>> run_together(["人大代表"]), run_together(["人大", "代表"]), run_together(["Tax Law"])
    (False, False, False)
    """
    return (
        len(words) == 1
        and SINGLE_TAG_MAX < len(words[0]) <= LONGEST_LINE
        and not re.search(r"[\sA-Za-z0-9]", words[0])
    )


def split_keywords(
    line: str,
    vocabulary: Mapping[str, int],
    context: str = "",
    segment: Segment | None = None,
) -> Split:
    """The tags of a run-together keyword line.

    The tags of this field nest; the vocabulary knows which are tags:

    >>> known = {"人大": 90, "代表": 80, "人大代表": 40, "人民代表大会": 50,
    ...          "人大常委会": 30, "全国人民代表大会": 9, "议事规则": 2,
    ...          "组织法": 3, "全国人大常委会": 12, "权力监督": 4}
    >>> split_keywords("人民代表大会人大常委会人大代表", known)
    Split(words=['人民代表大会', '人大常委会', '人大代表'], uncertain=False)
    >>> split_keywords("议事规则全国人民代表大会组织法", known)
    Split(words=['议事规则', '全国人民代表大会', '组织法'], uncertain=False)

    A short piece no tag explains, beside known tags, is a tag:

    >>> split_keywords("人代会人民代表大会代表", known)
    Split(words=['人代会', '人民代表大会', '代表'], uncertain=False)
    >>> split_keywords("开放度人大代表代表", known)
    Split(words=['开放度', '人大代表', '代表'], uncertain=False)
    >>> split_keywords("评议权力监督", known)
    Split(words=['评议', '权力监督'], uncertain=False)

    unless the article's text has it and the tag beside it as one word:

    >>> split_keywords("代表工作站履职", {"代表": 5, "履职": 3}, "依托代表工作站，认真履职")
    Split(words=['代表工作站', '履职'], uncertain=False)
    >>> split_keywords("跟踪监督检查组监督", {"监督": 9}, "检查组开展跟踪监督……")
    Split(words=['跟踪监督', '检查组', '监督'], uncertain=False)

    A cut that leaves a single character is worse than one leaving two:

    >>> split_keywords("基层立法联系点基层民意", {"基层": 2}, "基层立法联系点……基层民主")
    Split(words=['基层立法联系点', '基层', '民意'], uncertain=False)

    but a word of the text made of known tags stays those tags:

    >>> split_keywords("人代会人民代表大会代表", known, "人代会上，全国人民代表大会代表……")
    Split(words=['人代会', '人民代表大会', '代表'], uncertain=False)

    A longer one is cut into words of the article:

    >>> split_keywords("合宪性违宪全国人大常委会", known, "审查的合宪性……认定违宪……")
    Split(words=['合宪性', '违宪', '全国人大常委会'], uncertain=False)

    Where neither tags nor text explain it, a segmenter guesses, or nothing:

    >>> split_keywords("子群湖北高铁", {}, "", segment=lambda s: ["子群", "湖北", "高铁"])
    Split(words=['子群', '湖北', '高铁'], uncertain=True)
    >>> split_keywords("子群湖北高铁", {})
    Split(words=['子群湖北高铁'], uncertain=True)

    A known tag is kept whole:

    >>> split_keywords("人民代表大会", known)
    Split(words=['人民代表大会'], uncertain=False)
    """
    words: list[str] = []
    uncertain = False
    pieces = _cut(line, vocabulary, context)
    for piece, known in pieces:
        if known or (2 <= len(piece) <= SINGLE_TAG_MAX and len(pieces) > 1):
            words.append(piece)
            continue
        cut = _text_cut(piece, context)
        if cut is None and segment is not None:
            cut = [word for word in segment(piece) if word.strip()]
            uncertain = True
        elif cut is None:
            cut, uncertain = [piece], True
        words += cut
    return Split(list(dict.fromkeys(words)), uncertain)


def _cut(line: str, vocabulary: Mapping[str, int], context: str) -> list[tuple[str, bool]]:
    """The line cut into known tags, words of the text, and the runs between
    them: the cut with the fewest characters neither explains, then the
    fewest pieces, then the fewest words of the text, then the most frequent
    tags. A word of the text made of known tags only is not one: the
    vocabulary says those are tags apart. Pieces as (text, explained)."""
    n = len(line)

    @cache
    def tags_only(word: str) -> bool:
        return any(
            word[:k] in vocabulary and (word[k:] in vocabulary or tags_only(word[k:]))
            for k in range(2, len(word) - 1)
        )

    def a_word(word: str) -> bool:
        return word in context and not tags_only(word)

    @cache
    def best(i: int, after_run: bool) -> tuple[Cost, Pieces]:
        if i == n:
            return (0, 0, 0, 0.0), ()
        options = []
        for j in range(i + 2, min(n, i + LONGEST_TAG) + 1):
            word = line[i:j]
            if word in vocabulary:
                (run, pieces, texts, weight), rest = best(j, False)
                weight -= math.log1p(vocabulary[word])
                options.append(((run, pieces + 1, texts, weight), ((word, True), *rest)))
            elif context and a_word(word):
                (run, pieces, texts, weight), rest = best(j, False)
                options.append(((run, pieces + 1, texts + 1, weight), ((word, True), *rest)))
        for j in range(i + 1, n + 1) if not after_run else ():
            (run, pieces, texts, weight), rest = best(j, True)
            # one character is no keyword: a cut that leaves one is worse than
            # one that leaves two unexplained
            unexplained = j - i if j - i > 1 else 3
            options.append(
                ((run + unexplained, pieces + 1, texts, weight), ((line[i:j], False), *rest))
            )
        if not options:  # a run must end where an explained piece or the line starts
            return (n + 1, 0, 0, 0.0), ()
        return min(options, key=lambda option: option[0])

    return list(best(0, False)[1])


def _text_cut(run: str, context: str, longest: int = 8) -> list[str] | None:
    """The run cut into the fewest words (2+ characters) of the text, if
    exactly one such cut exists; the run whole if the text has it whole."""
    if not context:
        return None
    if run in context:
        return [run]
    n = len(run)

    @cache
    def best(i: int) -> tuple[int, int, tuple[str, ...]]:
        """(pieces, ways, a fewest-pieces cut) of run[i:]; pieces -1: none."""
        if i == n:
            return 0, 1, ()
        found: tuple[int, int, tuple[str, ...]] = (-1, 0, ())
        for j in range(i + 2, min(n, i + longest) + 1):
            if run[i:j] not in context:
                continue
            pieces, ways, rest = best(j)
            if pieces < 0:
                continue
            if found[0] < 0 or pieces + 1 < found[0]:
                found = (pieces + 1, ways, (run[i:j], *rest))
            elif pieces + 1 == found[0]:
                found = (found[0], found[1] + ways, found[2])
        return found

    pieces, ways, words = best(0)
    return list(words) if pieces > 0 and ways == 1 else None
