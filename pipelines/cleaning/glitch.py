"""Per-character evidence of mojibake, for `garble`.

Each character of a line gets a rarity and a glitch weight (see `char_marks`);
`clusters` groups the marked ones. `garble` decides which clusters are
mojibake.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from pipelines.cleaning.chars import is_cjk
from pipelines.cleaning.script import t2s

_CLOSERS = {")": "(", "）": "（", "]": "[", "}": "{"}
_OPEN_BRACKETS = "(（[{"
# What may follow a real question mark, besides the next sentence.
_AFTER_QUESTION = frozenset("\"')]}）」』”’》】…?!？！ \t")
_LATIN_RUN = re.compile(r"[A-Za-z\u00c0-\u024f]+")
# Greek, Cyrillic, kana, bopomofo: GBK symbol rows a misaligned read lands in.
_FOREIGN_LETTERS = ((0x370, 0x52F), (0x3040, 0x30FF), (0x3100, 0x312F))
# Arrows, maths, box drawing, blocks, shapes, full-width letters: the same rows.
_ODD_SYMBOLS = ((0x2190, 0x22FF), (0x2500, 0x25FF), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))


class Mark(NamedTuple):
    """Evidence about one character: rarity, glitch weight, part of a cluster."""

    rare: int
    glitch: int
    flagged: bool


def rarity(simplified: str) -> int:
    """0 for a common character (GB2312 level 1), 1 for level 2, 2 outside GB2312.

    >>> [rarity(c) for c in "人陂颙"]
    [0, 1, 2]
    """
    try:
        lead = simplified.encode("gb2312")[0]
    except UnicodeEncodeError:
        return 2
    return 0 if lead <= 0xD7 else 1


def rarities(text: str) -> list[int]:
    """The rarity of each character, judged on its Simplified form; 0 for non-CJK.

    >>> rarities("會陂g鰡")
    [0, 1, 0, 2]
    """
    simplified = t2s(text)
    if len(simplified) != len(text):
        simplified = "".join(t2s(c) for c in text)
    return [rarity(s) if is_cjk(c) else 0 for c, s in zip(text, simplified, strict=True)]


def is_lost_byte(ch: str) -> bool:
    """U+FFFD, or a private-use character (what GBK's user-defined rows decode to).

    >>> [is_lost_byte(c) for c in "\\ufffd\\ue479?人"]
    [True, True, False, False]
    """
    return ch == "\ufffd" or 0xE000 <= ord(ch) <= 0xF8FF


def _in_ranges(ch: str, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(low <= ord(ch) <= high for low, high in ranges)


def _continues_word(ch: str) -> bool:
    """A digit or a space after a Latin run: the run is a word, not a stray byte."""
    return ch.isspace() or (ch.isascii() and ch.isalnum())


def char_marks(line: str) -> list[Mark]:
    """Rarity and glitch weight of each character of one line.

    Glitches: U+FFFD or private use (2); `?` before anything but a space, a
    closing mark or a CJK character (1); a tone-marked Latin run outside
    brackets (2); one or two ASCII letters glued after a Chinese character and
    not followed by a digit or space (1); an unmatched closing bracket (1);
    Greek, Cyrillic, kana next to Chinese, or box and maths symbols between
    Chinese characters (1).

    >>> [(c, m.rare, m.glitch) for c, m in zip("?;顒悠陂g,", char_marks("?;顒悠陂g,")) if m.flagged]
    [('?', 0, 1), ('顒', 2, 0), ('陂', 1, 0), ('g', 0, 1)]
    >>> any(m.glitch for m in char_marks("人工智能(AI)與5G,問:為什麼?因為"))
    False
    """
    rare = rarities(line)
    glitch = [0] * len(line)
    flagged = [r > 0 for r in rare]
    opened: list[str] = []

    def chinese_at(i: int) -> bool:
        return 0 <= i < len(line) and (is_cjk(line[i]) or flagged[i])

    for i, ch in enumerate(line):
        nxt = line[i + 1] if i + 1 < len(line) else " "
        if is_lost_byte(ch):
            glitch[i] = 2
        elif ch == "?" and not (nxt in _AFTER_QUESTION or is_cjk(nxt)):
            glitch[i] = 1
        elif ch in _OPEN_BRACKETS:
            opened.append(ch)
        elif ch in _CLOSERS:
            if _CLOSERS[ch] in opened:
                opened.remove(_CLOSERS[ch])
            else:
                glitch[i] = 1
        elif _in_ranges(ch, _FOREIGN_LETTERS):
            glitch[i] = int(chinese_at(i - 1) or chinese_at(i + 1))
        elif _in_ranges(ch, _ODD_SYMBOLS):
            glitch[i] = int(chinese_at(i - 1) and chinese_at(i + 1))
        flagged[i] = flagged[i] or glitch[i] > 0

    for run in _LATIN_RUN.finditer(line):
        start, end = run.span()
        before = line[start - 1] if start else " "
        after = line[end] if end < len(line) else " "
        if not run.group().isascii():
            # Pinyin or a foreign word outside brackets, glued to something.
            weight = 0 if before in _OPEN_BRACKETS or before.isspace() else 2
        elif end - start <= 2 and chinese_at(start - 1) and not _continues_word(after):
            weight = 1  # `陂g,` `臎Q定`: a trail byte below 0x80 read as ASCII
        else:
            weight = 0
        if weight:
            glitch[start] += weight
            for k in range(start, end):
                flagged[k] = True
    return [Mark(r, g, f) for r, g, f in zip(rare, glitch, flagged, strict=True)]


def clusters(line: str, marks: list[Mark]) -> list[tuple[int, int]]:
    """(start, end) of runs of flagged characters at most one character apart.

    >>> line = "活動?;顒悠陂g,代表"
    >>> [line[a:b] for a, b in clusters(line, char_marks(line))]
    ['?;顒悠陂g']
    """
    spans: list[tuple[int, int]] = []
    for i, mark in enumerate(marks):
        if not mark.flagged or line[i].isspace():
            continue
        if spans and i - spans[-1][1] <= 1 and not line[spans[-1][1] : i].isspace():
            spans[-1] = (spans[-1][0], i + 1)
        else:
            spans.append((i, i + 1))
    return spans
