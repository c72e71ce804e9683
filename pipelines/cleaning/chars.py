"""Character classes shared by the cleaning modules.

Chinese text mixes ideographs, CJK punctuation and ASCII; the cleaning rules
mostly ask "is the neighbour of this mark Chinese?", so the answer lives in
one place.
"""

from __future__ import annotations

import re

# Unified ideographs, extension A, compatibility ideographs and the
# supplementary planes (extensions B and later).
_IDEOGRAPH_RANGES = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3FFFF),
)

# Full-width letters and digits are text, not punctuation.
_FULLWIDTH_ALNUM = (
    (0xFF10, 0xFF19),
    (0xFF21, 0xFF3A),
    (0xFF41, 0xFF5A),
)

# What `\s` matches in a pattern of text (the characters `str.isspace` names),
# as the body of a character class. In a class, `\s` is tested character by
# character by category; spelled out, it is looked up in a table, two to four
# times faster over a line (`tests/pipelines/test_cleaning_agreement.py` holds
# it to `\s`). `[^\x00-\x7f\s]` is `[^\x00-\x7f` + NON_ASCII_SPACES + `]`.
NON_ASCII_SPACES = r"\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
SPACES = r"\t-\r\x1c-\x20" + NON_ASCII_SPACES

# Marks used in Chinese typography that live outside the CJK blocks.
_CHINESE_MARKS = frozenset("“”‘’…—·")


def _in(code: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(low <= code <= high for low, high in ranges)


# The functions below are called for every character of a text, so they spell the
# ranges above out as comparisons, the commonest first
# (`tests/pipelines/test_cleaning_agreement.py` holds them to the ranges).


def is_cjk(ch: str) -> bool:
    """True for one CJK ideograph (Simplified or Traditional).

    >>> [is_cjk(c) for c in "人會a，1"]
    [True, True, False, False, False]
    >>> is_cjk("𠀀")
    True
    """
    if len(ch) != 1:
        return False
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3FFFF
    )


def is_cjk_punct(ch: str) -> bool:
    """True for punctuation of Chinese text: CJK symbols, full-width marks, “”…—.

    Full-width letters and digits are not punctuation.

    >>> [is_cjk_punct(c) for c in "，。《》（）“…"]
    [True, True, True, True, True, True, True, True]
    >>> [is_cjk_punct(c) for c in ",(A１人"]
    [False, False, False, False, False]
    """
    if len(ch) != 1:
        return False
    code = ord(ch)
    if 0x3000 < code <= 0x303F or ch in _CHINESE_MARKS:
        return True
    if 0xFE10 <= code <= 0xFE1F or 0xFE30 <= code <= 0xFE4F:
        return True
    return 0xFF01 <= code <= 0xFF65 and not (
        0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A
    )


def is_chinese(ch: str) -> bool:
    """True for an ideograph or a Chinese punctuation mark.

    >>> [is_chinese(c) for c in "人，a "]
    [True, True, False, False]
    """
    if len(ch) != 1:
        return False
    code = ord(ch)
    if 0x4E00 <= code <= 0x9FFF or 0x3000 < code <= 0x303F:
        return True
    return is_cjk(ch) or is_cjk_punct(ch)


def _chinese_ranges() -> list[tuple[int, int]]:
    """The code point ranges `is_chinese` is true for, merged."""
    punct = [(0x3001, 0x303F), (0xFE10, 0xFE1F), (0xFE30, 0xFE4F)]
    start = 0xFF01  # full-width forms, but for letters and digits
    for low, high in _FULLWIDTH_ALNUM:
        punct.append((start, low - 1))
        start = high + 1
    punct.append((start, 0xFF65))
    punct += [(ord(ch), ord(ch)) for ch in _CHINESE_MARKS]
    merged: list[tuple[int, int]] = []
    for low, high in sorted([*_IDEOGRAPH_RANGES, *punct]):
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(high, merged[-1][1]))
        else:
            merged.append((low, high))
    return merged


# `is_chinese` as a regular expression's character class, for a whole text at once.
CHINESE_CLASS = (
    "["
    + "".join(
        re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"
        for low, high in _chinese_ranges()
    )
    + "]"
)
