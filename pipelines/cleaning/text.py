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

from pipelines.cleaning.chars import CHINESE_CLASS, is_chinese

_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029]")
_SPACES = re.compile(r"[\t\u00a0\u3000\u2000-\u200a\u202f\u205f\v\f]")
_FULLWIDTH_ALNUM = re.compile(r"[０-９Ａ-Ｚａ-ｚ]")
_SPACE_RUN = re.compile(r" {2,}")
_BLANK_RUN = re.compile(r"\n{3,}")
_WIDE = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_ASCII_MARKS = re.compile("[" + re.escape("".join(_WIDE)) + "]")
_SPACE_BETWEEN_CHINESE = re.compile(f"(?<={CHINESE_CLASS}) (?={CHINESE_CLASS})")


@functools.cache
def _invisible() -> re.Pattern[str]:
    """Characters of category Cf, and of Cc but the line break and the tab: the
    whole of Unicode looked through once a process (about a tenth of a second)."""
    codes = (chr(code) for code in range(0x110000))
    found = (ch for ch in codes if unicodedata.category(ch) in ("Cf", "Cc") and ch not in "\n\t")
    return re.compile("[" + "".join(map(re.escape, found)) + "]")


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
