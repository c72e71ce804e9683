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
"""

from __future__ import annotations

import re

from pipelines.cleaning.glitch import char_marks, clusters, is_lost_byte, rarities
from pipelines.cleaning.script import t2s

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


def _cluster_spans(line: str) -> list[tuple[int, int]]:
    marks = char_marks(line)
    found = []
    for start, end in clusters(line, marks):
        span = line[start:end]
        rare = sum(m.rare for m in marks[start:end])
        glitch = sum(m.glitch for m in marks[start:end])
        very_rare = sum(m.rare == 2 for m in marks[start:end])
        if any(is_lost_byte(c) for c in span):
            garbled = True  # a decoder's own mark of failure
        elif rare and glitch:
            total = rare + glitch
            garbled = total >= 4 or (total == 3 and _reads_better_one_byte_later(span))
        else:  # rare characters alone: names and idioms have them too
            garbled = rare >= 6 and very_rare >= 2 and _reads_better_one_byte_later(span)
        if garbled:
            found.append((start, end))
    return found


def _utf8_spans(line: str) -> list[tuple[int, int]]:
    found = []
    for run in re.finditer(r"[^\x00-\x7f\s]{3,}", line):
        text = run.group()
        for candidate in dict.fromkeys((text, t2s(text))):
            if len(candidate) != len(text):
                continue
            raw = candidate.encode("gbk", errors="replace")
            offsets = [0]
            for ch in candidate:
                offsets.append(offsets[-1] + len(ch.encode("gbk", errors="replace")))
            for hit in _UTF8_CJK_RUN.finditer(raw):
                first = max(k for k in range(len(text)) if offsets[k] <= hit.start())
                last = min(k for k in range(1, len(text) + 1) if offsets[k] >= hit.end())
                if sum(rarities(text[first:last])) >= 2:
                    found.append((run.start() + first, run.start() + last))
    return found


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
    spans = []
    for line in text.split("\n"):
        found = _merge(_cluster_spans(line) + _utf8_spans(line))
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
