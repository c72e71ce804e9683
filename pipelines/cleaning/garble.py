"""Mojibake: spans where a copy site decoded bytes with the wrong alignment or codec.

The seed's spans are Traditional text encoded as GBK and decoded again one
byte out of step (a byte was lost): `活動。活動期間` became `活動?;顒悠陂g`.
Out of step, trail bytes read as lead bytes give rare characters (陂, 舛,
顒, 鰡), trail bytes below 0x80 come out as stray ASCII (`g`, `Q`, `}`), the
orphaned byte as `?`. The other classic case is UTF-8 read as GBK
(`因对` → `鍥犲`).

Two detectors, both line by line (a span never crosses a line or a space):

1. Clusters. Every character gets a rarity (after `t2s`: 0 in GB2312 level 1,
   1 in level 2, 2 outside GB2312) and a glitch weight: U+FFFD or a
   private-use character (a lost byte); `?` followed by something other than
   a space, a closing mark or the next sentence; a tone-marked Latin run
   outside brackets; one or two ASCII letters glued after a Chinese
   character; an unmatched closing bracket; Greek, Cyrillic, kana, box or
   maths symbols glued to Chinese. Marked characters at most one character
   apart form a cluster. A cluster is garbled when it holds a lost byte; or
   rare characters and glitches weighing 4 or more, or 3 if its GBK bytes
   read one byte later give commoner characters (the out-of-step test); or,
   without glitches, rare characters weighing 6 or more that pass that test.
2. UTF-8 inside GBK: a run of non-ASCII characters whose GBK bytes hold three
   or more valid UTF-8 CJK characters in a row, among rare characters.

A question mark before the next sentence (`民心?大家`), a rare name (邛崃,
朱镕基) or idiom (魑魅魍魉), `维生素C` or `(AI)` alone never make a span:
the tests find nothing in the seed's clean lines, in 2,000 characters of
ordinary prose in both scripts, or in OpenCC's 49,000 phrases run together.

Both detectors look only where they can find something, and by regex: a
span needs a rare character or a lost byte, so a line without a character
that could be rare (in any context `t2s` converts it in) or a lost byte is
passed after one scan; in the other lines the rare characters, the
characters that can be glitches and the Latin runs are found by regexes, and
only they are weighed, in order, by the rules of `glitch.char_marks` and
`glitch.clusters` (`tests/pipelines/test_cleaning_agreement.py` holds the
spans to theirs).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from pipelines.cleaning.chars import NON_ASCII_SPACES, is_cjk
from pipelines.cleaning.glitch import rarities, rarity
from pipelines.cleaning.script import t2s, t2s_tables

_UTF8_CJK_RUN = re.compile(
    rb"(?:[\xe4-\xe9][\x80-\xbf]{2}|\xe3[\x80-\x82][\x80-\xbf]|\xef[\xbc-\xbd][\x80-\xbf]){3,}"
)


def _reads_better_one_byte_later(span: str) -> bool:
    """The out-of-step test: drop the first byte of each non-ASCII run, compare rarity."""
    before = after = 0
    for run in re.finditer(r"[^\x00-\x7f]{2,}", span):
        text = run.group()
        raw = text.encode("gb18030")
        tail = span[run.end() : run.end() + 1]
        if tail and 0x40 <= ord(tail) <= 0x7E:
            raw += tail.encode()  # a trail byte below 0x80 came out as ASCII
        shifted = raw[1:].decode("gb18030", errors="replace")
        before += sum(rarities(text))
        after += sum(rarities(shifted)) + 2 * shifted.count("\ufffd")
    return before > 0 and 2 * after < before


# --- where a span can be -------------------------------------------------------------------

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_ASTRAL_CJK = "\U00020000-\U0003ffff"
_LOST_BYTES = "\ufffd\ue000-\uf8ff"  # U+FFFD and private use: `glitch.is_lost_byte`
_LOST_BYTE = re.compile(f"[{_LOST_BYTES}]")


class _Finders(NamedTuple):
    rare: re.Pattern[str]  # a character of rarity 1 or 2 (`glitch.rarity`)
    suspect: re.Pattern[str]  # a CJK character `t2s` can make rare, or a lost byte


def _ranges(codes: list[int]) -> str:
    """A regex class body for the code points, as ranges."""
    parts, start = [], None
    for n, code in enumerate(codes):
        if start is None:
            start = code
        if n + 1 == len(codes) or codes[n + 1] != code + 1:
            parts.append(chr(start) if start == code else f"{chr(start)}-{chr(code)}")
            start = None
    return "".join(parts)


@cache
def _finders() -> _Finders:
    # Rarity 0 is GB2312 with a lead byte up to 0xD7: ASCII, the symbol rows, level 1.
    common = {chr(n) for n in range(0x80)}
    for lead in range(0xA1, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                common.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    common = {c for c in common if rarity(c) == 0}
    rare = re.compile(f"[^{re.escape(''.join(sorted(common)))}]")
    tables = t2s_tables()
    if tables is None or not tables.aligned:  # every CJK character a suspect
        return _Finders(rare, re.compile(f"[{_CJK}{_ASTRAL_CJK}{_LOST_BYTES}]"))
    # What `t2s` can make of a character: its own conversion, or what a phrase
    # puts at its place.
    images: dict[str, set[str]] = {}
    for phrase, converted in tables.phrases.items():
        for a, b in zip(phrase, converted, strict=True):
            images.setdefault(a, set()).add(b)
    safe = {
        code
        for code in range(0x3400, 0xFB00)
        if is_cjk(c := chr(code))
        and c.translate(tables.chars) in common
        and images.get(c, set()) <= common
    }
    suspects = [code for code in range(0x3400, 0xFB00) if is_cjk(chr(code)) and code not in safe]
    return _Finders(rare, re.compile(f"[{_ranges(suspects)}{_ASTRAL_CJK}{_LOST_BYTES}]"))


# --- cluster spans: `glitch.char_marks` and `glitch.clusters` on the marked characters only --

_CLOSERS = {")": "(", "）": "（", "]": "[", "}": "{"}
_OPENERS = "(（[{"
# What may follow a real question mark, besides the next sentence.
_AFTER_QUESTION = frozenset("\"')]}）」』”’》】…?!？！ \t")
_LATIN_RUN = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_FOREIGN = "\u0370-\u052f\u3040-\u30ff\u3100-\u312f"  # Greek, Cyrillic, kana, bopomofo
_ODD = "\u2190-\u22ff\u2500-\u25ff\uff21-\uff3a\uff41-\uff5a"  # arrows … full-width letters
# Every character that can weigh as a glitch, whatever its neighbours.
_GLITCH_CANDIDATE = re.compile(f"[{_LOST_BYTES}?(（\\[{{)）\\]}}{_FOREIGN}{_ODD}]")
_IS_FOREIGN = re.compile(f"[{_FOREIGN}]")


def _continues_word(ch: str) -> bool:
    """A digit or a space after a Latin run: the run is a word, not a stray byte."""
    return ch.isspace() or (ch.isascii() and ch.isalnum())


def _cluster_spans(line: str, simplified: str) -> list[tuple[int, int]]:
    """The garbled clusters of a line; `simplified` is the line through `t2s`,
    aligned with it as `glitch.rarities` aligns them."""
    if len(simplified) != len(line):
        simplified = "".join(t2s(c) for c in line)
    rare = {
        m.start(): rarity(m.group())
        for m in _finders().rare.finditer(simplified)
        if is_cjk(line[m.start()])
    }
    if not rare and not _LOST_BYTE.search(line):
        return []  # a garbled cluster holds a rare character or a lost byte
    size = len(line)
    glitch: dict[int, int] = {}
    flagged = set(rare)

    def chinese_at(i: int) -> bool:
        return 0 <= i < size and (i in flagged or is_cjk(line[i]))

    # In order, as `char_marks` goes: a mark looks at the one before it, final
    # by then, and at the rarity of the one after.
    opened = dict.fromkeys(_OPENERS, 0)
    for m in _GLITCH_CANDIDATE.finditer(line):
        i, ch = m.start(), m.group()
        weight = 0
        if _LOST_BYTE.match(ch):
            weight = 2
        elif ch == "?":
            after = line[i + 1] if i + 1 < size else " "
            weight = int(not (after in _AFTER_QUESTION or is_cjk(after)))
        elif ch in opened:
            opened[ch] += 1
        elif ch in _CLOSERS:
            if opened[_CLOSERS[ch]]:
                opened[_CLOSERS[ch]] -= 1
            else:
                weight = 1
        elif _IS_FOREIGN.match(ch):
            weight = int(chinese_at(i - 1) or chinese_at(i + 1))
        else:
            weight = int(chinese_at(i - 1) and chinese_at(i + 1))
        if weight:
            glitch[i] = weight
            flagged.add(i)

    for run in _LATIN_RUN.finditer(line):
        start, end = run.span()
        before = line[start - 1] if start else " "
        after = line[end] if end < size else " "
        if not run.group().isascii():
            # Pinyin or a foreign word outside brackets, glued to something.
            weight = 0 if before in _OPENERS or before.isspace() else 2
        elif end - start <= 2 and chinese_at(start - 1) and not _continues_word(after):
            weight = 1  # `陂g,` `臎Q定`: a trail byte below 0x80 read as ASCII
        else:
            weight = 0
        if weight:
            glitch[start] = glitch.get(start, 0) + weight
            flagged.update(range(start, end))

    clusters: list[tuple[int, int]] = []
    for i in sorted(flagged):
        if line[i].isspace():
            continue
        if clusters and i - clusters[-1][1] <= 1 and not line[clusters[-1][1] : i].isspace():
            clusters[-1] = (clusters[-1][0], i + 1)
        else:
            clusters.append((i, i + 1))

    found = []
    for start, end in clusters:
        span = line[start:end]
        rare_weight = sum(rare.get(k, 0) for k in range(start, end))
        glitch_weight = sum(glitch.get(k, 0) for k in range(start, end))
        very_rare = sum(rare.get(k) == 2 for k in range(start, end))
        if _LOST_BYTE.search(span):
            garbled = True  # a decoder's own mark of failure
        elif rare_weight and glitch_weight:
            total = rare_weight + glitch_weight
            garbled = total >= 4 or (total == 3 and _reads_better_one_byte_later(span))
        else:  # rare characters alone: names and idioms have them too
            garbled = rare_weight >= 6 and very_rare >= 2 and _reads_better_one_byte_later(span)
        if garbled:
            found.append((start, end))
    return found


_NON_ASCII_RUN = re.compile(f"[^\\x00-\\x7f{NON_ASCII_SPACES}]{{3,}}")


@cache
def _utf8_screen() -> re.Pattern[str]:
    """Four characters in a row whose GBK bytes could all be UTF-8's: a text
    without them holds no run of `_UTF8_CJK_RUN` in its GBK bytes, and is not
    encoded to look. Each byte of such a run is 0x80-0xBF, 0xE3-0xE9 or 0xEF,
    and so belongs to a character of two bytes (or one) of these; nine bytes
    in a row hold four such characters whole.

    >>> bool(_utf8_screen().search("鍥犲规斂")), bool(_utf8_screen().search("人大常委会"))
    (True, False)
    """
    allowed = {*range(0x80, 0xC0), *range(0xE3, 0xEA), 0xEF}
    codes = []
    for code in range(0x80, 0x10000):  # GBK has nothing above
        try:
            raw = chr(code).encode("gbk")
        except UnicodeEncodeError:
            continue
        if all(byte in allowed for byte in raw):
            codes.append(code)
    return re.compile(f"[{_ranges(codes)}]{{4,}}")


def _utf8_spans(line: str, simplified: str | None) -> list[tuple[int, int]]:
    """The UTF-8-in-GBK spans of a line. `simplified`, where given, is the line
    through `t2s` when that converts each run as it converts the run alone."""
    if simplified is not None and not any(
        _utf8_screen().search(text) and _UTF8_CJK_RUN.search(text.encode("gbk", errors="replace"))
        for text in dict.fromkeys((line, simplified))
    ):
        # GBK encodes a character alone: each run's bytes, and its conversion's,
        # are part of the line's (or its conversion's). None holds a hit.
        return []
    found = []
    for run in _NON_ASCII_RUN.finditer(line):
        text = run.group()
        converted = t2s(text) if simplified is None else simplified[run.start() : run.end()]
        for candidate in dict.fromkeys((text, converted)):
            if len(candidate) != len(text):
                continue
            raw = candidate.encode("gbk", errors="replace")
            hits = list(_UTF8_CJK_RUN.finditer(raw))
            if not hits:
                continue
            if len(raw) == 2 * len(candidate):  # two bytes a character
                offsets = range(0, len(raw) + 1, 2)
            else:
                offsets = [0]
                for ch in candidate:
                    offsets.append(offsets[-1] + len(ch.encode("gbk", errors="replace")))
            for hit in hits:
                first = _last_at_most(offsets, hit.start(), len(text))
                last = _first_at_least(offsets, hit.end(), len(text))
                if sum(rarities(text[first:last])) >= 2:
                    found.append((run.start() + first, run.start() + last))
    return found


def _last_at_most(offsets: Sequence[int], byte: int, size: int) -> int:
    """The last character (of the first `size`) that starts at or before `byte`."""
    return bisect_right(offsets, byte, 0, size) - 1


def _first_at_least(offsets: Sequence[int], byte: int, size: int) -> int:
    """The first character end (1 to `size`) at or after `byte`."""
    return bisect_left(offsets, byte, 1, size + 1)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def find_garbled(text: str) -> list[str]:
    """The mojibake spans of a text, in order.

    >>> find_garbled("組織開展進社區聯系人民群眾活動?;顒悠陂g,代表們結合")
    ['?;顒悠陂g']
    >>> find_garbled("群眾因?qū)φ\\ue479卟焕斫舛\\ue25f岢鰡栴}時,當場作好解答")
    ['?qū)φ\\ue479卟焕斫舛\\ue25f岢鰡栴}']
    >>> mojibake = "鍥犲\\ufffd规斂绛栦笉鐞嗚В"  # 因对政策不理解, UTF-8 read as GBK
    >>> find_garbled("比如" + mojibake + "时") == [mojibake]
    True
    >>> find_garbled("人工智能(AI)讓“零距離”服務成為現實，維生素C的價格是3,000元?不貴。")
    []
    """
    suspect = _finders().suspect
    tables = t2s_tables()
    # A run of the UTF-8 test ends at an ASCII character or a space, which no
    # phrase holds, so with aligned tables the line's conversion is the runs'.
    local = tables is not None and tables.aligned
    spans = []
    for line in text.split("\n"):
        if not suspect.search(line):
            continue  # no character that could be rare, no lost byte: no span
        simplified = t2s(line)
        found = _merge(
            _cluster_spans(line, simplified)
            + _utf8_spans(line, simplified if local and len(simplified) == len(line) else None)
        )
        spans.extend(line[start:end] for start, end in found)
    return spans


def is_garbled(text: str) -> bool:
    """True when the text has at least one mojibake span.

    >>> is_garbled("人大常委會有權(quán)撤銷下一級人大及其常委會不適當(dāng)?shù)臎Q定嗎?")
    True
    >>> is_garbled("人大常委會有權撤銷下一級人大及其常委會不適當的決定嗎?")
    False
    """
    return bool(find_garbled(text))
