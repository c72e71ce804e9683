"""Whitespace and punctuation width of titles and body text.

`normalize_text` applies one normalisation, in this order:

1. Line breaks: `\\r\\n`, `\\r`, U+2028 and U+2029 become `\\n`.
2. Invisible characters are removed: zero-width spaces and joiners, the byte
   order mark, soft hyphens and direction marks (Unicode category Cf), and
   control characters (category Cc) other than `\\n` and the tab.
3. Other spaces become an ASCII space: tab, no-break space (U+00A0), the
   ideographic space U+3000 and the typographic spaces U+2000–U+200A,
   U+202F, U+205F.
4. Full-width ASCII letters and digits (`Ａ１`) become half-width (`A1`), the
   NFKC mapping applied to those characters only, never to CJK characters or
   to full-width punctuation.
5. Per line: runs of spaces become one space; leading and trailing spaces go.
6. Punctuation width: an ASCII `,` `:` `;` `?` `!` `(` `)` whose nearest
   non-space neighbour on either side is a CJK character or Chinese
   punctuation becomes `，` `：` `；` `？` `！` `（` `）`; a bracket pair
   converts together, so `人工智能(AI)` → `人工智能（AI）`. Between two
   non-Chinese characters the mark stays ASCII: `01:18:20`, `3,000`,
   `see (AI) here`.
7. A space between two Chinese characters (CJK characters or Chinese
   punctuation) is removed: `人大 常委会` → `人大常委会`, `人大 ，` → `人大，`.
   A space between Chinese and Latin letters or digits stays.
8. Blank lines: runs of blank lines become one; blank lines at the start and
   end go.

Step 7 joins what a space separates, so it applies to body text only: a
title keeps such a space (`normalize_title`: it divides a two-part headline,
`一颗滚烫心 满腔为民情`), and author lines are never normalised this way, since
there a space separates two names.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from pipelines.cleaning.chars import CHINESE_CLASS, is_chinese

_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029]")
_SPACES = re.compile(r"[\t\u00a0\u3000\u2000-\u200a\u202f\u205f\v\f]")
_FULLWIDTH_ALNUM = re.compile(r"[０-９Ａ-Ｚａ-ｚ]")
_SPACE_RUN = re.compile(r" {2,}")
_BLANK_RUN = re.compile(r"\n{3,}")
_WIDE = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_ASCII_MARKS = re.compile("[" + re.escape("".join(_WIDE)) + "]")
_SPACE_BETWEEN_CHINESE = re.compile(f"(?<={CHINESE_CLASS}) (?={CHINESE_CLASS})")


# Where Unicode puts its format and control characters: the basic and
# supplementary multilingual planes and the tags of plane 14 (the other planes
# hold ideographs, private use and nothing; tests/pipelines/test_cleaning.py checks
# this against the whole of the running Python's Unicode database).
INVISIBLE_PLANES = (range(0x20000), range(0xE0000, 0xE1000))


def invisible_chars(codes: Iterable[int]) -> str:
    """Characters of category Cf, and of Cc but the line break and the tab, among `codes`.

    >>> invisible_chars(range(0x200A, 0x2010))
    '\u200b\u200c\u200d\u200e\u200f'
    """
    found = (chr(code) for code in codes)
    return "".join(
        ch for ch in found if unicodedata.category(ch) in ("Cf", "Cc") and ch not in "\n\t"
    )


def char_class(chars: Iterable[str]) -> str:
    """A regular expression's class of the characters, consecutive ones as
    ranges (a class of single characters is searched one by one, five times
    slower).

    >>> print(char_class("cab-z"))
    [\\-a-cz]
    """
    codes = sorted(set(map(ord, chars)))
    runs: list[list[int]] = []
    for code in codes:
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "[" + "".join(_run(first, last) for first, last in runs) + "]"


def _run(first: int, last: int) -> str:
    if first == last:
        return re.escape(chr(first))
    return f"{re.escape(chr(first))}-{re.escape(chr(last))}"


@functools.cache
def _planes() -> tuple[str, str]:
    """The invisible characters and the whitespace of INVISIBLE_PLANES, found
    in one pass, once a process."""
    invisible = "".join(invisible_chars(plane) for plane in INVISIBLE_PLANES)
    codes = (chr(code) for plane in INVISIBLE_PLANES for code in plane)
    return invisible, "".join(ch for ch in codes if ch.isspace())


@functools.cache
def _invisible() -> re.Pattern[str]:
    """The invisible characters' class, made once a process."""
    return re.compile(char_class(_planes()[0]))


@functools.cache
def _untidy() -> re.Pattern[str]:
    """Any character `normalize_text` may change or take out: a text without
    one comes out as it went in (most lines of a page)."""
    invisible, spaces = _planes()  # line breaks among the spaces
    fullwidth = "".join(map(chr, range(0xFF10, 0xFF5B)))  # ０-９, Ａ-Ｚ, ａ-ｚ and between
    return re.compile(char_class(invisible + spaces + "".join(_WIDE) + fullwidth))


def _neighbour(chars: list[str], i: int, step: int) -> str:
    """The nearest non-space character from i in direction step, or ''."""
    i += step
    while 0 <= i < len(chars) and chars[i] == " ":
        i += step
    return chars[i] if 0 <= i < len(chars) else ""


def _bracket_pairs(chars: list[str]) -> list[tuple[int, int]]:
    pairs, opened = [], []
    for i, ch in enumerate(chars):
        if ch == "(":
            opened.append(i)
        elif ch == ")" and opened:
            pairs.append((opened.pop(), i))
    return pairs


def _widen_punctuation(line: str) -> str:
    if not _ASCII_MARKS.search(line):
        return line
    chars = list(line)

    def next_to_chinese(i: int) -> bool:
        return is_chinese(_neighbour(chars, i, -1)) or is_chinese(_neighbour(chars, i, 1))

    # Brackets go in pairs, so a pair is judged by either of its ends.
    pairs = _bracket_pairs(chars)
    paired = {i for pair in pairs for i in pair}
    # Repeat until stable: a mark widened makes its neighbours' neighbour Chinese (`?!`).
    changed = True
    while changed:
        changed = False
        for start, end in pairs:
            if chars[start] == "(" and (next_to_chinese(start) or next_to_chinese(end)):
                chars[start], chars[end] = "（", "）"
                changed = True
        for i, ch in enumerate(chars):
            if ch in _WIDE and i not in paired and next_to_chinese(i):
                chars[i] = _WIDE[ch]
                changed = True
    return "".join(chars)


def _drop_spaces_between_chinese(line: str) -> str:
    return _SPACE_BETWEEN_CHINESE.sub("", line) if " " in line else line


def _normalize_line(line: str, title: bool) -> str:
    line = _SPACE_RUN.sub(" ", line).strip()
    line = _widen_punctuation(line)
    return line if title else _drop_spaces_between_chinese(line)


def normalize_title(text: str) -> str:
    """`normalize_text` for a title: a space between Chinese characters stays,
    since it divides a two-part headline.

    >>> normalize_title("一颗滚烫心  满腔为民情")
    '一颗滚烫心 满腔为民情'
    >>> normalize_title("青浦:做好联系人民群众三篇文章")
    '青浦：做好联系人民群众三篇文章'
    """
    return normalize_text(text, title=True)


def normalize_text(text: str, *, title: bool = False) -> str:
    """Normalise whitespace and punctuation width of a title or body text.

    >>> normalize_text("青浦:做好联系人民群众三篇文章")
    '青浦：做好联系人民群众三篇文章'
    >>> normalize_text("人工智能(AI)在 2018-11-20 01:18:20 用了 3,000 次(see AI)")
    '人工智能（AI）在 2018-11-20 01:18:20 用了 3,000 次（see AI）'
    >>> raw = "　　人大 常委会\\u200b开会 ,审议报告?  \\r\\n\\r\\n\\r\\n\\u00a0ＡＩ与５Ｇ\\t技术"
    >>> normalize_text(raw)
    '人大常委会开会，审议报告？\\n\\nAI与5G 技术'
    >>> normalize_text("Hello, world (again): yes!")
    'Hello, world (again): yes!'
    """
    if not _untidy().search(text):
        return text
    text = _LINE_BREAKS.sub("\n", text)
    text = _invisible().sub("", text)
    text = _SPACES.sub(" ", text)
    text = _FULLWIDTH_ALNUM.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    lines = [_normalize_line(line, title) for line in text.split("\n")]
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)).strip("\n")


def split_lines(text: str) -> list[str]:
    """The non-empty lines of a text, stripped.

    >>> split_lines("  第一段。\\n\\n\\u3000第二段。 \\r\\n")
    ['第一段。', '第二段。']
    """
    return [line.strip() for line in _LINE_BREAKS.sub("\n", text).split("\n") if line.strip()]
