"""Traditional → Simplified script.

`is_traditional` decides whether a text is written in Traditional script
*overall*: the share of its CJK characters that OpenCC `t2s` changes. Running
Traditional text changes about a quarter to a third of its characters;
Simplified text changes none, or one or two borrowed characters. The rule, on
the CJK characters of the text:

* at least 20 of them: Traditional when at least 5 % change and at least 2 do;
* fewer (titles, headings, names): Traditional when at least 10 % change.

`to_simplified` is OpenCC `t2s` followed by two fixes:

* 著/着: `t2s` keeps `著` everywhere, but mainland Simplified writes the
  aspect particle and the `zhuó`/`zháo` readings as `着` (随着, 意味着, 接着,
  沉着, 睡着, 着手, 起着作用, 彰显着, 结合着), keeping `著` only for "write,
  notable" (著作, 著名, 显著, 名著, 土著, 著称, 见微知著 …). The choice looks
  at the neighbours of each `著`: whole phrases first (`_ZHU_PHRASES`,
  `_ZHE_PHRASES`), then the two characters on either side.
* a few words and variant characters that OpenCC's `s2t` writes but its `t2s`
  does not bring back (`_VARIANTS`, `_WORDS`): 揹→背, 伕→夫, 暱→昵, 幷→并,
  擡→抬, 簷→檐, 痺→痹, 批覆→批复, 覆函→复函, 座标→坐标, 薰陶/薰染/薰心→熏,
  藉着→借着, each word guarded against the other reading (一批覆盖, 一座标志,
  慰藉着).

Two functions, two uses:

* `is_traditional` says whether a text is Traditional *overall*. The pipeline
  asks it once per article (title and body together) and sets the flag
  `converted_t2s` only where it holds: a Simplified article with a few stray
  Traditional characters is not flagged.
* `normalize_script` is `to_simplified` under the name the pipeline uses on
  *every* text, Traditional or not: it converts Traditional text and mends the
  stray Traditional characters of a Simplified one (人大常委會召开会议). It is
  safe on Simplified text because the characters OpenCC maps are Traditional
  forms and a Simplified text writes `著` only in the words that keep it: on
  the sample corpus's Simplified texts it changes no character. Known limits
  in general text: OpenCC maps 乾 and 於 in personal names (王丙乾) and 麽, and
  an author credit `某某著` (written by) reads as the particle and becomes 着.

`bench/roundtrip.py` measures both on the sample corpus: Simplified →
`s2t`/`s2tw`/`s2hk` → back, and Simplified texts straight through.

Speed. `t2s` is OpenCC's `t2s` computed from OpenCC's own tables (the
package's `TSPhrases` and `TSCharacters`, as it loads them) without its
pure-Python matching. OpenCC cuts a text at separators (spaces, punctuation);
in each piece it replaces the longest phrase of its table found anywhere (the
leftmost of equal length), does the same on either side of it, and maps the
characters no phrase covers one by one. Here the characters are mapped by one
`str.translate`, and only the pieces that hold a phrase (found from a few
anchor characters: `PhraseIndex`) go through the phrase rule. A text with no
character the table changes and no phrase that changes others is returned as
it is after two scans, so Simplified text costs next to nothing.
`is_traditional` answers no at once where fewer characters could change than
it takes, and otherwise counts changed characters line by line until there
are enough. Where the tables are not as this assumes (one phrase table, then
characters mapped one to one), `t2s` is OpenCC's own converter.
`tests/pipelines/test_cleaning_agreement.py` holds the output to OpenCC's,
character for character.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from functools import cache, lru_cache, partial
from typing import NamedTuple

import opencc

from pipelines.cleaning.chars import is_cjk

MIN_SHARE = 0.05
MIN_SHARE_SHORT = 0.10
SHORT_TEXT = 20

# --- 著 or 着 -----------------------------------------------------------------------------
# The text is already through `t2s`, so the neighbours are Simplified.

# `X著` where 著 is the particle even if a 著-word follows (随著名气, 拿著书 …).
_ZHE_AFTER = frozenset(
    "随味接沉看顺跟为本朝向靠穿睡有带对照凭绕在挥担负执含怀藏拿抱站坐躺走跑想等说写读"
    "听笑哭望盯守保留活忙急闹试干做唱跳载盛装背扛举挂贴围隔沿冲乘趁开关亮红响拉推领陪"
    "连比指记摸憋攥捧抓扶瞒瞧瞅追赶逼拖缺伴护养爱恨怕惦挨撑顶排堆摆放刻印画绣戴系披插"
    "别锁停住埋叫喊起翻标念夹示"
)
# Verbs whose last character also begins a word that keeps 著 (结合著 vs 合著,
# 讨论著 vs 论著, 彰显著 vs 显著): here 著 is the particle.
_ZHE_AFTER_WORDS = frozenset(
    {
        *"结合 配合 融合 符合 适合 混合 联合 综合 整合 凑合 迎合 组合 聚合 契合 吻合".split(),
        *"缝合 愈合 磨合 糅合 汇合 集合 弥合 撮合 切合 贴合".split(),
        *"讨论 谈论 议论 争论 辩论 评论".split(),
        *"彰显 凸显 突显 尽显".split(),
        *"更新 刷新 翻新 革新 创新".split(),
        *"接近 靠近 贴近 临近 走近 逼近 亲近 迫近 挨近".split(),
        *"翻译 还原 复原".split(),
    }
)
# Words in which Simplified keeps 著 ("write; notable").
_ZHU_BEFORE = frozenset("显卓名原编论专土巨昭遗译合新拙所撰佳近")
_ZHU_AFTER = frozenset("作名称述者录书有文译")
# After a verb, `著名` + these is the particle and a noun (看著名单, 随著名气) …
_NAME_OBJECTS = frozenset("名单 名字 名片 名称 名额 名义 名誉 名利 名气 名册 名次 名牌".split())
# … except where the noun is the start of a longer word (著名气象学家, 著名字画).
_NAME_OBJECT_NOT = frozenset("名气象 名气候 名气功 名字画 名字号 名单口 名片商".split())
# `著` + these nouns is the particle and the noun (起著作用, 传承著文化, 弥漫著书香)
# unless a 著-word precedes (显著作用, 名著作品).
_OBJECTS = frozenset(
    "作用 作业 作品 作风 文化 文明 文件 文字 文章 文物 文艺 文脉 书记 书籍 书本 书香 书法 书画"
    " 书信 录音 录像 述职".split()
)
# … except where the noun is the start of a longer word (著作风格).
_OBJECT_NOT = frozenset("作风格".split())

# Whole phrases settle 著 at their position, the longest match first.
_ZHU_PHRASES = (
    "著作权",
    "见微知著",
    "以微知著",
    "识微知著",
    "睹微知著",
    "视微知著",
    "积微成著",
    "彰明较著",
    "恩威并著",
    "日新月著",
    "遐迩著闻",
    "威望素著",
    "著于竹帛",
)
_ZHE_PHRASES = ("存在著名",)


def _phrase_table() -> dict[int, list[tuple[str, int, str]]]:
    """(phrase, offset of 著 in it, the character to write) by phrase length, longest first."""
    table: list[tuple[str, int, str]] = []
    for phrases, ch in ((_ZHU_PHRASES, "著"), (_ZHE_PHRASES, "着")):
        for phrase in phrases:
            table += [(phrase, k, ch) for k, c in enumerate(phrase) if c == "著"]
    return {
        n: [row for row in table if len(row[0]) == n]
        for n in sorted({len(row[0]) for row in table}, reverse=True)
    }


_PHRASES = _phrase_table()


def _from_phrase(text: str, i: int) -> str | None:
    for rows in _PHRASES.values():
        for phrase, k, ch in rows:
            if i >= k and text.startswith(phrase, i - k):
                return ch
    return None


def _zhe_or_zhu(text: str, i: int) -> str:
    """`着` or `著` for the `著` at `text[i]`."""
    ch = _from_phrase(text, i)
    if ch is not None:
        return ch
    b1 = text[i - 1] if i else ""
    after = text[i + 1 : i + 4]
    a1, a2 = after[:1], after[:2]
    verb = b1 in _ZHE_AFTER
    verb_word = text[max(i - 2, 0) : i] in _ZHE_AFTER_WORDS
    if a1 == "称":  # 著称 (以开放著称)
        return "著"
    if a1 == "名":  # 看著名单, 随著名气; but 成为著名, 等著名城市
        obj = a2 in _NAME_OBJECTS and after not in _NAME_OBJECT_NOT
        return "着" if (verb or verb_word) and obj else "著"
    if a2 in _OBJECTS and after not in _OBJECT_NOT:  # 起著作用; but 显著作用
        return "著" if b1 in _ZHU_BEFORE and not verb_word else "着"
    if verb or (verb_word and a1 not in _ZHU_AFTER):
        return "着"
    return "著" if b1 in _ZHU_BEFORE or a1 in _ZHU_AFTER else "着"


def _fix_zhe(text: str) -> str:
    """Turn `著` into `着` except in the words that keep `著`."""
    if "著" not in text:
        return text
    # Each choice reads the text as it came in, so the order of replacement is free.
    return _ZHU.sub(lambda m: _zhe_or_zhu(text, m.start()), text)


_ZHU = re.compile("著")


# --- what `t2s` leaves of `s2t` ---------------------------------------------------------

# Variant characters OpenCC's `s2t`/`s2tw` write (揹负, 车伕, 亲暱, 兼收幷蓄, 擡杠,
# 屋簷, 麻痺) that `t2s` keeps; none is a character of the mainland standard.
_VARIANTS = str.maketrans("揹伕暱幷擡簷痺", "背夫昵并抬檐痹")
_VARIANT_CHARS = re.compile("[揹伕暱幷擡簷痺]")
# Words `s2t` writes with 覆/座/薰/藉 where mainland Simplified writes 复/坐/熏/借,
# each guarded against the neighbours that make the other reading (一批覆盖,
# 一座标志性建筑, 慰藉着), and given with the core that any match of it holds.
_WORDS = (
    ("批覆", re.compile(r"批覆(?![盖灭没])"), "批复"),
    ("覆函", re.compile(r"覆函"), "复函"),
    ("座标", re.compile(r"(?<![一两几每这那某])座标(?![志识准])"), "坐标"),
    ("薰", re.compile(r"薰(?=[陶染心])"), "熏"),
    ("藉着", re.compile(r"(?<![慰蕴枕狼])藉着"), "借着"),
)
_WORD_HOLDS = "覆座薰藉"  # a character each word above holds
_WORD_CHARS = re.compile(f"[{_WORD_HOLDS}]")
# Any character that the variants, `_fix_zhe` or `_after_t2s` may change.
_MENDED = re.compile(f"[{''.join(map(chr, _VARIANTS))}著{_WORD_HOLDS}]")


def _after_t2s(text: str) -> str:
    if not _WORD_CHARS.search(text):
        return text
    for _, pattern, word in _WORDS:
        text = pattern.sub(word, text)
    return text


# --- OpenCC's t2s from its own tables -----------------------------------------------------


class PhraseIndex:
    """Where the phrases of a set occur in a text, found from a few anchor characters.

    Every phrase is filed under one of its characters, chosen so that few
    characters cover all phrases (the character most phrases hold first); a
    scan for those characters, one test a character, finds every place a
    phrase can start, and only there are the phrases filed under the character
    tried.

    >>> index = PhraseIndex(["瞭解", "不瞭解", "乾隆"])
    >>> list(index.starts("我們不瞭解乾隆")), index.search("了解")
    ([2, 3, 5], False)
    """

    def __init__(self, phrases: list[str]) -> None:
        anchors: dict[str, list[str]] = {}
        left = sorted(set(phrases))
        while left:
            counts: dict[str, int] = {}
            for phrase in left:
                for c in set(phrase):
                    counts[c] = counts.get(c, 0) + 1
            anchor = min(counts, key=lambda c: (-counts[c], c))
            anchors[anchor] = [p for p in left if anchor in p]
            left = [p for p in left if anchor not in p]
        self.anchor = re.compile(_char_class(set(anchors)) if anchors else "(?!)")
        # Under each anchor, by the anchor's offset in the phrase: the phrases, as a regex.
        self.at: dict[str, list[tuple[int, re.Pattern[str]]]] = {}
        for anchor, filed in anchors.items():
            offsets: dict[int, list[str]] = {}
            for phrase in filed:
                offsets.setdefault(phrase.index(anchor), []).append(phrase)
            self.at[anchor] = [(k, re.compile(_alternation(ps))) for k, ps in offsets.items()]

    def starts(self, text: str) -> Iterator[int]:
        """The start of every phrase occurrence, once or more, as their anchor
        characters come in the text (so a start comes after those of the pieces
        before its own: no phrase holds a cut)."""
        for hit in self.anchor.finditer(text):
            for offset, pattern in self.at.get(hit.group(), ()):
                start = hit.start() - offset
                if start >= 0 and pattern.match(text, start):
                    yield start

    def search(self, text: str) -> bool:
        return bool(self.anchor.search(text)) and next(self.starts(text), None) is not None


class T2STables(NamedTuple):
    """OpenCC's `t2s` tables, compiled (`t2s_tables`)."""

    chars: str | list[str]  # a `str.translate` table: the character at a code point's index
    changes: re.Pattern[str]  # a character `chars` changes (or any outside the BMP)
    phrases: dict[str, str]  # phrase → its conversion (the first where it gives several)
    any_phrase: PhraseIndex
    # The phrases that change a character without holding one `changes` finds
    # (反覆 → 反复, 瞭解 → 了解): with `changes`, the test that `t2s` changes nothing.
    quiet_phrase: PhraseIndex
    phrase_at: re.Pattern[str]  # the longest phrase starting at a position (zero-width)
    separators: re.Pattern[str]  # OpenCC's cuts between pieces, one group
    differs: re.Pattern[str]  # a character the tables change, alone or in a phrase (or astral)
    # Output aligned with input: characters one to one, phrases to as many, and no
    # phrase holds a cut, an ASCII character or a space. A piece's conversion can
    # then replace its characters' own, and the conversion of a text cut at ASCII
    # characters or spaces is the text's, cut there.
    aligned: bool


_ASCII_OR_SPACE = re.compile(r"[\x00-\x7f\s]")


def _alternation(words: list[str]) -> str:
    # Longest first: at one position the regex takes the first alternative that matches.
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def _char_class(chars: set[str]) -> str:
    """A class of the characters, widened to every character outside the BMP: BMP
    characters and one range compile to a bitmap and a comparison, one test a
    character, where astral characters one by one are a list to go through."""
    bmp = "".join(re.escape(c) for c in sorted(chars) if ord(c) < 0x10000)
    return f"[{bmp}\U00010000-\U0010ffff]"


@cache
def t2s_tables() -> T2STables | None:
    """The tables of OpenCC's `t2s`, or None where they are not as `_t2s` reads them."""
    converter = opencc.OpenCC("t2s")
    try:
        [[(_, _, phrase_dict), (char_max, _, char_dict)]] = converter._dict_chain_data
        separators = converter.split_chars_re
    except (AttributeError, TypeError, ValueError):
        return None
    if char_max != 1 or separators.groups != 1:  # characters one to one; cuts kept
        return None
    # Where a table gives several conversions OpenCC takes the first.
    chars = {k: v.split(" ")[0] for k, v in char_dict.items()}
    phrases = {k: v.split(" ")[0] for k, v in phrase_dict.items()}
    if not phrases or any(len(k) != 1 for k in chars):
        return None
    # A separator is never converted: OpenCC passes the cuts through as they are.
    changed = {k: v for k, v in chars.items() if v != k and not separators.fullmatch(k)}
    in_phrases = {a for k, v in phrases.items() for a, b in zip(k, v, strict=False) if a != b} | {
        a for k, v in phrases.items() if len(k) != len(v) for a in k
    }
    # Phrases that change the text where no character `changed` holds changes.
    quiet = [
        k
        for k, v in phrases.items()
        if v != k
        and (
            len(k) != len(v) or not any(a != b and a in changed for a, b in zip(k, v, strict=False))
        )
    ]
    table = [chr(n) for n in range(max(map(ord, changed)) + 1)]
    for k, v in changed.items():
        table[ord(k)] = v
    one_to_one = all(len(v) == 1 for v in changed.values())
    return T2STables(
        chars="".join(table) if one_to_one else table,
        changes=re.compile(_char_class(set(changed))),
        phrases=phrases,
        any_phrase=PhraseIndex(list(phrases)),
        quiet_phrase=PhraseIndex(quiet),
        phrase_at=re.compile(f"(?=({_alternation(list(phrases))}))"),
        separators=separators,
        differs=re.compile(_char_class(set(changed) | in_phrases)),
        aligned=one_to_one
        and all(
            len(k) == len(v) and not separators.search(k) and not _ASCII_OR_SPACE.search(k)
            for k, v in phrases.items()
        ),
    )


def _with_phrases(piece: str, tables: T2STables) -> str:
    """OpenCC's rule on one piece: the longest phrase found anywhere (the leftmost
    of equal length) is replaced, and the same is done on either side of it; what
    no phrase covers is mapped character by character."""
    best_at, best_len = 0, 0
    for match in tables.phrase_at.finditer(piece):
        if len(match.group(1)) > best_len:
            best_at, best_len = match.start(), len(match.group(1))
    if not best_len:
        return piece.translate(tables.chars)
    end = best_at + best_len
    return (
        _with_phrases(piece[:best_at], tables)
        + tables.phrases[piece[best_at:end]]
        + _with_phrases(piece[end:], tables)
    )


def _unchanged(text: str, tables: T2STables) -> bool:
    """True where `t2s` changes nothing: no character the table changes, no phrase
    that changes others (a phrase that matches leaves its characters)."""
    return not tables.changes.search(text) and not tables.quiet_phrase.search(text)


def _t2s(text: str, tables: T2STables) -> str:
    if _unchanged(text, tables):
        return text
    if not tables.any_phrase.anchor.search(text):
        return text.translate(tables.chars)  # no phrase: character by character
    starts = tables.any_phrase.starts(text)
    first = next(starts, None)
    if first is None:
        return text.translate(tables.chars)
    if not tables.aligned:
        # OpenCC's pieces: the text between cuts (even indexes), the cuts.
        pieces = tables.separators.split(text)
        return "".join(
            piece if n % 2 or not piece else _with_phrases(piece, tables)
            for n, piece in enumerate(pieces)
        )
    # Each piece with a phrase in it converted by the phrase rule, in place. A
    # piece runs between cut characters: the last before the phrase is the first
    # found in the text reversed.
    out, parts, done = text.translate(tables.chars), [], 0
    backwards, size = text[::-1], len(text)
    for start in itertools.chain((first,), starts):
        if start < done:
            continue  # in a piece already converted
        cut = tables.separators.search(backwards, size - start)
        begin = max(done, size - cut.start()) if cut else done
        cut = tables.separators.search(text, start)
        end = cut.start() if cut else size
        parts += [out[done:begin], _with_phrases(text[begin:end], tables)]
        done = end
    return "".join(parts) + out[done:]


# --- the public functions ---------------------------------------------------------------


@cache
def _converter() -> Callable[[str], str]:
    # OpenCC reads its dictionaries once; the converter is stateless after that.
    tables = t2s_tables()
    if tables is None:
        return opencc.OpenCC("t2s").convert
    return partial(_t2s, tables=tables)


def t2s(text: str) -> str:
    """Plain OpenCC `t2s`, without the 著 fix.

    >>> t2s("陳殊書隨著")
    '陈殊书随著'
    >>> t2s("我們不瞭解乾隆皇帝")  # phrases: 瞭解 → 了解, 乾隆 keeps 乾
    '我们不了解乾隆皇帝'
    """
    return _t2s_remembered(text)


@lru_cache(maxsize=4096)
def _t2s_remembered(text: str) -> str:
    """`t2s`'s work, remembered for a while: the cleaning converts a
    Traditional page's lines to tell its script, to look for garbling and to
    keep them (a fifth of what it converts, on the bench's pages)."""
    return _converter()(text)


def changed_share(text: str) -> tuple[int, int]:
    """(CJK characters that `t2s` changes, CJK characters) of a text.

    >>> changed_share("青浦:做好聯系人民群眾三篇文章")
    (2, 14)
    >>> changed_share("什么都覆盖了")  # characters t2s changes only inside phrases
    (0, 6)
    """
    changed = _changed(text)
    return _changed_share_by_zip(text) if changed is None else (changed, _cjk_count(text))


def _changed(text: str) -> int | None:
    """The CJK characters `t2s` changes, or None where only a comparison one by
    one tells (no tables, or tables whose output is not aligned with the input)."""
    tables = t2s_tables()
    if tables is None or not tables.aligned:
        return None
    if _unchanged(text, tables):
        return 0
    simplified = t2s(text)  # with these tables, `_t2s`'s
    # Only a character the tables change, alone or in a phrase, can differ.
    return sum(
        1
        for match in tables.differs.finditer(text)
        if simplified[match.start()] != match.group() and is_cjk(match.group())
    )


def _changed_share_by_zip(text: str) -> tuple[int, int]:
    simplified = t2s(text)
    if len(simplified) != len(text):  # a phrase changed length: compare one by one
        simplified = "".join(t2s(c) for c in text)
    cjk = [(a, b) for a, b in zip(text, simplified, strict=True) if is_cjk(a)]
    return sum(a != b for a, b in cjk), len(cjk)


_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]+")


def _cjk_count(text: str) -> int:
    return sum(map(len, _CJK_RUN.findall(text)))


def is_traditional(text: str) -> bool:
    """True where the text is written in Traditional script overall.

    >>> is_traditional("青浦:做好聯系人民群眾三篇文章")
    True
    >>> is_traditional("傾聽民聲")
    True
    >>> is_traditional("保障民生")
    False
    >>> s = "区人大常委会高度重视联系人民群众工作，坚持走群众路线，认真做好三篇文章。" * 3
    >>> is_traditional(s + "這")  # one borrowed character in 100 does not make it Traditional
    False
    """
    tables = t2s_tables()
    if tables is None or not tables.aligned:
        changed, total = _changed_share_by_zip(text)
        return changed >= _needed(total)
    if _unchanged(text, tables):
        return False  # Simplified text: no count of its characters needed
    need = _needed(_cjk_count(text))
    if len(tables.differs.findall(text)) < need:
        return False  # fewer characters that could change than it takes
    # `t2s` converts lines apart (a line break is a cut): count line by line, until enough.
    changed = 0
    for line in text.split("\n"):
        changed += _changed(line) or 0
        if changed >= need:
            return True
    return False


def _needed(total: int) -> float:
    """How many changed characters make a text of `total` CJK characters Traditional."""
    if total >= SHORT_TEXT:
        return max(2, MIN_SHARE * total)
    return max(1, MIN_SHARE_SHORT * total)


def to_simplified(text: str) -> str:
    """Traditional → Simplified as mainland readers write it.

    >>> to_simplified("隨著經濟發展，這意味著接著要沉著應對，看著、順著、跟著他。")
    '随着经济发展，这意味着接着要沉着应对，看着、顺着、跟着他。'
    >>> to_simplified("本著、朝著、向著、靠著、穿著、睡著、為著，著手著陸")
    '本着、朝着、向着、靠着、穿着、睡着、为着，着手着陆'
    >>> to_simplified("著作、著名、顯著、卓著、著稱、名著、原著、編著、論著、專著")
    '著作、著名、显著、卓著、著称、名著、原著、编著、论著、专著'
    >>> to_simplified("土著、著述、巨著")
    '土著、著述、巨著'
    >>> to_simplified("隨著名氣增大，他看著名單，享有著作權")
    '随着名气增大，他看着名单，享有著作权'
    >>> to_simplified("有著名的景點，有著重要意義")
    '有著名的景点，有着重要意义'
    >>> to_simplified("成為著名景區，起著作用，結合著實際，彰顯著活力，見微知著")
    '成为著名景区，起着作用，结合着实际，彰显着活力，见微知著'
    >>> to_simplified("背著包，兼收幷蓄，國務院批覆，一批覆蓋全省的項目")
    '背着包，兼收并蓄，国务院批复，一批覆盖全省的项目'
    """
    return _simplified(text)


@lru_cache(maxsize=4096)
def _simplified(text: str) -> str:
    """`to_simplified`'s work, remembered for a while: the cleaning converts
    most lines of a page twice (to look for spam words, then to keep)."""
    simplified = _t2s_remembered(text)  # `t2s`, a call fewer: once a line
    if not _MENDED.search(simplified):
        return simplified  # most lines: nothing for the steps below to mend
    if _VARIANT_CHARS.search(simplified):
        simplified = simplified.translate(_VARIANTS)
    return _after_t2s(_fix_zhe(simplified))


# What `to_simplified` changes besides `t2s`: the variants and `著` wherever
# they stand, and the words (`_WORDS`) only where each one's core stands.
_FIXED_ANYWHERE = re.compile(f"[{''.join(map(chr, _VARIANTS))}著]")


def keeps_script(text: str) -> bool:
    """True where `to_simplified` leaves each line of the text as it is,
    stripped or not: one look at the whole text instead of a conversion a
    line. (Of a line, a part of the text, holds no character, phrase or word
    core that the text does not.) False where it cannot tell: no tables.

    >>> keeps_script("区人大常委会召开座谈会\\n审议了报告")
    True
    >>> [keeps_script(s) for s in ["人大常委會", "显著成效", "国务院批覆", "兼收幷蓄", "瞭解"]]
    [False, False, False, False, False]
    """
    tables = t2s_tables()
    return (
        tables is not None
        and not _FIXED_ANYWHERE.search(text)
        and not any(core in text for core, _, _ in _WORDS)
        and _unchanged(text, tables)
    )


def normalize_script(text: str) -> str:
    """Simplified script for any text: Traditional text converted, the stray
    Traditional characters of a Simplified text mended, genuine Simplified
    text left as it is.

    >>> normalize_script("人大常委會召开会议")
    '人大常委会召开会议'
    >>> normalize_script("随着改革深入，著名学者的专著意味着什么")
    '随着改革深入，著名学者的专著意味着什么'
    >>> normalize_script("隨着改革深入")
    '随着改革深入'
    """
    return to_simplified(text)
