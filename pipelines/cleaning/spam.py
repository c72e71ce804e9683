"""Lines a copy site injected into the page: SEO spam, link farms, debris.

A line is spam when it is one of:

* a keyword-stuffed line of porn or gambling site titles (`国产…_亚洲少妇熟女av_…`);
* a link farm: many short items joined by `|`, `｜`, `_` or spaces, most of
  them place names (`汉阴县| 重庆市| …`), or simply many short `|` items;
* a stray `?`, `？` or `\\ufffd` alone on a line;
* HTML the copy site printed as text (`<noframes id=…>`, `</div>`, `<script…`):
  tags with nothing but spam around them, or the start of an element that
  never holds article text (script, style, noframes, iframe …). A line like
  `<p>正文。</p>` is text and stays.

Gambling words also occur in real articles (laws against 赌场 and 六合彩),
so they count little, and a punctuated sentence needs many more hits than a
bare list of fragments.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipelines.cleaning.chars import SPACES
from pipelines.cleaning.script import to_simplified

# fmt: off
# Words of porn/gambling SEO titles that no journal article uses.
_STRONG_WORDS = (
    "波多野", "少妇", "熟女", "无码", "有码", "色片", "一区二区", "二区三区", "三区四区",
    "人妻", "巨乳", "乱伦", "三级片", "毛片", "黄片", "成人视频", "成人影院", "伦理片",
    "伦理电影", "自拍偷", "亚洲色", "国产精品", "精品国产", "久久精品", "真人娱乐", "娱乐城",
    "开户送", "注册送", "体育投注", "时时彩", "北京赛车",
)
# Words of the same titles that also have innocent uses.
_WEAK_WORDS = (
    "国产", "精品", "在线", "日韩", "欧美", "亚洲", "久久", "高清", "视频", "免费", "观看",
    "偷拍", "博彩", "赌场", "彩票", "彩金", "百家乐", "六合彩", "老虎机", "赌博", "棋牌", "色情",
)
# fmt: on
_AV = re.compile(r"(?<![A-Za-z])av(?![A-Za-z])", re.IGNORECASE)
# Whether a line scores at all: any of the words, or `av` (two scans: `av`'s
# lookbehind in the alternation would cost the words' quick search for a first character).
_ANY_WORD = re.compile("|".join(re.escape(w) for w in _STRONG_WORDS + _WEAK_WORDS))
_ANY_AV = re.compile("av", re.IGNORECASE)

_SENTENCE_MARKS = re.compile(r"[，。；！？,;!?、：:]")
_LIST_SEPARATORS = re.compile(r"[|｜_]")
_ITEM_SPLIT = re.compile(f"[|｜_{SPACES}]+")
_PLACE_SUFFIXES = tuple("县市区旗州镇乡盟縣區鎮鄉")
_STRAY_MARKS = "?？\ufffd□"
_BARS = re.compile(r"[|｜]")

_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<[A-Za-z][^<>]*$")
# Elements whose content is never article text, even when the line goes on.
_NON_TEXT_START = re.compile(
    r"^</?(?:script|noscript|noframes|iframe|frame|style|object|embed)\b", re.IGNORECASE
)


def _keyword_score(line: str, simplified: bool = False) -> int:
    """Two points per strong word, one per weak word, two per `av` token."""
    text = line if simplified else to_simplified(line)
    # (`av` is looked for only where there is an `a`: `in` is ten times faster.)
    if not _ANY_WORD.search(text) and not (("a" in text or "A" in text) and _ANY_AV.search(text)):
        return 0  # most lines: no word to count
    strong = sum(text.count(w) for w in _STRONG_WORDS)
    weak = sum(text.count(w) for w in _WEAK_WORDS)
    return 2 * strong + weak + 2 * len(_AV.findall(text))


def _is_link_farm(line: str) -> bool:
    if "|" not in line and "｜" not in line and "_" not in line and len(line.split()) < 2:
        # One item, no bar (`str.split` splits where `_ITEM_SPLIT`'s spaces are,
        # at a third of its cost; spaces only around it give one item too).
        return False
    items = [item for item in _ITEM_SPLIT.split(line) if item]
    separators = len(_LIST_SEPARATORS.findall(line))
    short = [item for item in items if len(item) <= 8]
    places = [item for item in short if item.endswith(_PLACE_SUFFIXES)]
    # A place-name farm: many short items, mostly names of counties and cities.
    min_items = 4 if separators else 8
    if len(items) >= min_items and len(short) == len(items) and len(places) >= 0.6 * len(items):
        return True
    # Any farm of links: many short fragments between bars.
    bars = line.count("|") + line.count("｜")
    fragments = [f.strip() for f in _BARS.split(line) if f.strip()]
    return bars >= 5 and len(fragments) >= 6 and all(len(f) <= 12 for f in fragments)


def _is_markup(line: str) -> bool:
    """Tags printed as text, with nothing but more spam between them."""
    if _NON_TEXT_START.match(line):
        return True
    rest = _TAG.sub("", line).strip()
    return rest != line and (not rest or is_spam_line(rest))


def is_spam_line(line: str, *, simplified: bool = False) -> bool:
    """True for a line the copy site injected; False for article text.
    (`simplified`: `to_simplified` leaves the line as it is, `keeps_script`.)

    >>> is_spam_line("国产日韩欧美一区二区三区_亚洲少妇熟女av_久久久久亚洲av国产精品")
    True
    >>> is_spam_line("汉阴县| 重庆市| 青州市| 张掖市| 洛宁县| 晋城| 天气|")
    True
    >>> [is_spam_line(s) for s in ["?", " \\ufffd ", '<noframes id="x1">', "</noframes>"]]
    [True, True, True, True]
    >>> is_spam_line("上海市人大常委会召开第十次会议，审议了浦东新区和崇明县的报告。")
    False
    >>> is_spam_line("依法打击赌场、百家乐、六合彩、老虎机等赌博活动。")
    False
    >>> [is_spam_line(s) for s in ["保障民生", "上海人大月刊 2018年9期", "如何理解?"]]
    [False, False, False]
    >>> [is_spam_line(s) for s in ['<div class="ad"', "<br/>", "<p>正文内容。</p>"]]
    [True, True, False]
    """
    line = line.strip()
    if not line:
        return False
    if not line.strip(_STRAY_MARKS):  # nothing but stray marks
        return True
    if line.startswith("<") and _is_markup(line):
        return True
    if _is_link_farm(line):
        return True
    score = _keyword_score(line, simplified)
    if not score:
        return False  # most lines: the thresholds below are above nothing
    # A bare list of titles needs few hits; a punctuated sentence needs many.
    listy = len(_LIST_SEPARATORS.findall(line)) >= 2 or not _SENTENCE_MARKS.search(line)
    return score >= (3 if listy else 8)


def drop_spam_lines(lines: Iterable[str], *, simplified: bool = False) -> list[str]:
    """The lines that are neither spam nor blank, unchanged. (`simplified`:
    `to_simplified` leaves each line as it is, so none is converted to look
    for the words.)

    >>> drop_spam_lines(["?", "", "正文第一段。", "  ", "汉阴县| 重庆市| 青州市| 张掖市| 洛宁县|"])
    ['正文第一段。']
    """
    return [
        line for line in lines if line.strip() and not is_spam_line(line, simplified=simplified)
    ]


def strip_spam(text: str) -> str:
    """The text without its spam and blank lines (lines split on `\\n`).

    >>> strip_spam("?\\n\\n標題\\n正文。\\n")
    '標題\\n正文。'
    """
    return "\n".join(drop_spam_lines(text.split("\n")))
