"""Inline pinyin annotations: `聯(lián)系` → `聯系`.

Some copy sites print the reading of a character in brackets right after it.
An annotation is recognised by its content being one valid Mandarin syllable,
not by "lowercase letters in brackets", so `(AI)`, `(2018)`, `(TTCSP)` and
`(試行)` are text and stay.

Decisions:

* The bracket must follow a CJK ideograph directly (no space). List markers
  such as `(a)` usually follow a space, a digit or the line start.
* Only lowercase is read as pinyin; real annotations are lowercase, and
  capitals are how acronyms (`(AI)`, `(GDP)`) are written.
* A single bare vowel (`(a)`, `(e)`, `(o)`) stays: without a tone mark it is
  more likely an item marker (`见附件(a)`) than the reading of 啊/呃/哦.
  With a tone mark (`(ā)`) it is stripped.
* A lowercase English word that happens to be a syllable and is glued to a
  Chinese character (`粉丝(fan)`) is stripped too; edited Chinese prose rarely
  writes English that way.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# The syllable inventory of Standard Mandarin, grouped by initial. `ü` is
# written out (lü, nüe); after j/q/x/y it is spelled `u`, as in the standard.
_FINALS_BY_INITIAL = {
    "": "a o e ai ei ao ou an en ang eng er "
    "yi ya yo ye yao you yan yin yang ying yong "
    "wu wa wo wai wei wan wen wang weng yu yue yuan yun",
    "b": "a o ai ei ao an en ang eng i ie iao ian in ing u",
    "p": "a o ai ei ao ou an en ang eng i ie iao ian in ing u",
    "m": "a o e ai ei ao ou an en ang eng i ie iao iu ian in ing u",
    "f": "a o ei ou an en ang eng u",
    "d": "a e ai ei ao ou an en ang eng ong i ia ie iao iu ian ing u uo ui uan un",
    "t": "a e ai ao ou an ang eng ong i ie iao ian ing u uo ui uan un",
    "n": "a e ai ei ao ou an en ang eng ong i ie iao iu ian in iang ing u uo uan ü üe",
    "l": "a o e ai ei ao ou an ang eng ong i ia ie iao iu ian in iang ing u uo uan un ü üe",
    "g": "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
    "k": "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
    "h": "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
    "j": "i ia ie iao iu ian in iang ing iong u ue uan un",
    "q": "i ia ie iao iu ian in iang ing iong u ue uan un",
    "x": "i ia ie iao iu ian in iang ing iong u ue uan un",
    "zh": "a e i ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
    "ch": "a e i ai ao ou an en ang eng ong u ua uo uai ui uan un uang",
    "sh": "a e i ai ei ao ou an en ang eng u ua uo uai ui uan un uang",
    "r": "e i ao ou an en ang eng ong u ua uo ui uan un",
    "z": "a e i ai ei ao ou an en ang eng ong u uo ui uan un",
    "c": "a e i ai ao ou an en ang eng ong u uo ui uan un",
    "s": "a e i ai ao ou an en ang eng ong u uo ui uan un",
}

SYLLABLES = frozenset(
    initial + final for initial, finals in _FINALS_BY_INITIAL.items() for final in finals.split()
)

# Combining marks of the four tones; the diaeresis of ü is not a tone.
_TONE_MARKS = frozenset("\u0304\u0301\u030c\u0300")

# ASCII letters plus the accented vowels pinyin uses.
_PINYIN_LETTERS = "a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ"
# The bracket first, then the CJK character before it: a pattern that begins
# with a class is searched for that class's characters alone, where one that
# begins with the lookbehind is tried at every character.
_ANNOTATION = re.compile(
    rf"[(（](?<=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff][(（])"
    rf"([{_PINYIN_LETTERS}]{{1,6}})[)）]"
)


def _split_tone(s: str) -> tuple[str, int]:
    """The syllable without tone marks, and how many marks it carried."""
    decomposed = unicodedata.normalize("NFD", s)
    marks = sum(c in _TONE_MARKS for c in decomposed)
    bare = "".join(c for c in decomposed if c not in _TONE_MARKS)
    return unicodedata.normalize("NFC", bare), marks


def is_pinyin_syllable(s: str) -> bool:
    """True for one lowercase Mandarin syllable, tone-marked or not.

    Neutral-tone syllables carry no mark, so bare `de` or `ma` count.

    >>> [is_pinyin_syllable(s) for s in ["lián", "guān", "qū", "de", "lüè", "nǚ", "er"]]
    [True, True, True, True, True, True, True]
    >>> [is_pinyin_syllable(s) for s in ["AI", "TTCSP", "2018", "試行", "abc", "xyz"]]
    [False, False, False, False, False, False]
    >>> is_pinyin_syllable("lǐán")  # two tone marks
    False
    >>> len(SYLLABLES) > 400
    True
    """
    if not s or s != s.lower():
        return False
    bare, marks = _split_tone(s)
    return marks <= 1 and bare in SYLLABLES


@lru_cache(maxsize=4096)  # a few hundred syllables, each with its tones
def _is_annotation(content: str) -> bool:
    bare, marks = _split_tone(content)
    if len(bare) == 1 and marks == 0:
        return False  # bare a/e/o: read as a list marker, see module docstring
    return is_pinyin_syllable(content)


def strip_pinyin(text: str) -> str:
    """Remove bracketed pinyin that directly follows a CJK character.

    >>> strip_pinyin("青浦:做好聯(lián)系人民群眾")
    '青浦:做好聯系人民群眾'
    >>> strip_pinyin("加強(qiáng)代表工作站（zhàn）建設(shè)")
    '加強代表工作站建設'
    >>> strip_pinyin("人工智能(AI)與第一条(一)、（二）及(2018)年")
    '人工智能(AI)與第一条(一)、（二）及(2018)年'
    >>> strip_pinyin("見附件(a)及說明 (lián)")
    '見附件(a)及說明 (lián)'
    >>> strip_pinyin("什麼(me)")
    '什麼'
    """
    if "(" not in text and "（" not in text:
        return text
    return _ANNOTATION.sub(
        lambda m: "" if _is_annotation(m.group(1)) else m.group(0),
        text,
    )
