"""The cleaning steps give the output of the implementations they replaced.

`t2s`, `to_simplified`, `is_traditional`, `find_garbled`, the spam rules,
`strip_pinyin`, `normalize_text` and the character classes were rewritten to
cost little a page (`bench/cleaning.py`). The code they replaced is kept here as the reference,
over the rule tables that did not change: OpenCC's own pure-Python `t2s` with
the fixes after it, the share of changed characters counted one by one, the
per-character marks of `glitch.char_marks` and `glitch.clusters`, every keyword
counted in every line. (The garble reference reads rarities through `t2s`,
which the tests before it hold to OpenCC's.)

The texts: every distinct line of the evaluation set's pages (the visible text
of tests/eval/pages, decoded as a crawl decodes it: Simplified, Traditional,
pinyin, spam, mojibake, stray Traditional characters) and of their expected
records, the mirror's seed page, texts built from OpenCC's phrase table so that
phrases overlap (where the order of matching decides), Simplified lines with
stray Traditional characters at several rates, and lines garbled in the ways
copy sites garble them.
"""

from __future__ import annotations

import functools
import json
import random
import re
import unicodedata
from pathlib import Path

import opencc
import pytest
from scrapy.http import HtmlResponse

from journals.samplesite.copysite import seed_lines
from pipelines.cleaning import chars, garble, glitch, pinyin, script, spam, text
from pipelines.cleaning.chars import is_cjk

PAGES = Path(__file__).resolve().parent.parent / "eval" / "pages"


# --- the texts ------------------------------------------------------------------------------


@functools.cache
def eval_pages() -> tuple[tuple[str, ...], ...]:
    """Each page of the evaluation set as lines: its visible text, then the
    expected title and body."""
    pages = []
    for meta in sorted(PAGES.glob("*/*.json")):
        data = json.loads(meta.read_text(encoding="utf-8"))
        body = meta.with_suffix(".html").read_bytes()
        response = HtmlResponse(data["url"], body=body, headers=data["headers"])
        lines = [t.strip() for t in response.xpath("//body//text()").getall() if t.strip()]
        expected = data["expected"]
        lines += [expected["title"] or "", *(expected["body"] or "").split("\n")]
        pages.append(tuple(line for line in lines if line))
    return tuple(pages)


@functools.cache
def lines() -> tuple[str, ...]:
    """Every distinct line of the evaluation set and of the seed page."""
    found = dict.fromkeys(line for page in eval_pages() for line in page)
    found.update(dict.fromkeys(seed_lines()))
    return tuple(found)


@functools.cache
def script_lines() -> tuple[str, ...]:
    """The lines the conversion references run on (OpenCC in pure Python is slow):
    every line with a character `t2s` can change or a phrase can start with, and
    every fourth of the others."""
    tables = script.t2s_tables()
    assert tables is not None
    return _some_of_the_rest(
        lambda line: tables.differs.search(line) or tables.any_phrase.anchor.search(line), 4
    )


@functools.cache
def garble_lines() -> tuple[str, ...]:
    """The lines the garble reference runs on: every line `find_garbled` looks
    into (a character that could be rare, a lost byte), and every eighth of the
    others (`test_a_line_without_suspects_has_no_rare_character` covers them all)."""
    return _some_of_the_rest(garble._finders().suspect.search, 8)


@functools.cache
def spam_lines() -> tuple[str, ...]:
    """The lines the spam references run on: `script_lines`, and every line with
    a keyword, `av`, a separator of list items, a tag or few characters."""
    keyword = re.compile("|".join(spam._STRONG_WORDS + spam._WEAK_WORDS) + "|av|[|｜_\\s<]", re.I)
    return _some_of_the_rest(lambda line: keyword.search(line) or len(line) < 4, 0, script_lines())


def _some_of_the_rest(wanted, every: int, more: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The lines `wanted`, every `every`-th of the others (none for 0), and `more`."""
    rest = [line for line in lines() if not wanted(line)]
    picked = [line for line in lines() if wanted(line)] + (rest[::every] if every else [])
    return tuple(dict.fromkeys([*picked, *more]))


@functools.cache
def phrase_texts() -> tuple[str, ...]:
    """Phrases of OpenCC's table run into each other where one ends as another
    begins (不瞭解 and 瞭解到: 不瞭解到; 上鍊 and 鍊子: 上鍊子), alone, in a
    clause and between separators; and random runs of phrase pieces and characters."""
    tables = script.t2s_tables()
    assert tables is not None
    phrases = sorted(tables.phrases)
    by_start: dict[str, list[str]] = {}
    for phrase in phrases:
        by_start.setdefault(phrase[0], []).append(phrase)
    texts = []
    for a in phrases:
        for k in range(1, len(a)):
            for b in by_start.get(a[k], ()):
                if len(b) > len(a) - k and b.startswith(a[k:]):
                    joined = a + b[len(a) - k :]
                    texts += [joined, f"我們{joined}的時候", f"{joined}，{a} {b}。"]
    rng = random.Random(13)
    singles = [c for phrase in phrases for c in phrase]
    for _ in range(1500):
        parts = []
        for _ in range(rng.randint(1, 8)):
            phrase = rng.choice(phrases)
            cut = rng.randrange(len(phrase))
            parts.append(
                rng.choice((phrase, phrase[cut:], phrase[:cut], rng.choice(singles)))
                + rng.choice(("", "", "，", " ", "a", "\n"))
            )
        texts.append("".join(parts))
    return tuple(dict.fromkeys(texts))


@functools.cache
def stray_texts() -> tuple[str, ...]:
    """Simplified lines with 1 to 8 % of their characters in Traditional form
    (around the 5 % that makes a text Traditional)."""
    rng = random.Random(5)
    simplified = [line for line in lines() if not script.is_traditional(line)]
    picked = rng.sample(simplified, min(100, len(simplified)))
    to_trad = opencc.OpenCC("s2t").convert
    texts = []
    for line in picked:
        trad = to_trad(line)
        if len(trad) != len(line):
            continue
        for rate in (0.01, 0.03, 0.05, 0.08):
            texts.append(
                "".join(t if rng.random() < rate else s for s, t in zip(line, trad, strict=True))
            )
    return tuple(texts)


def _mojibake(text: str, how: int) -> str | None:
    try:
        if how == 0:  # GBK bytes, one byte lost, decoded again
            raw = text.encode("gbk")
            return (raw[:1] + raw[2:]).decode("gbk", errors="replace")
        if how == 1:  # UTF-8 read as GBK
            return text.encode("utf-8").decode("gbk", errors="replace")
        return text.encode("big5").decode("gbk", errors="replace")  # Big5 read as GBK
    except UnicodeEncodeError:
        return None


@functools.cache
def garbled_texts() -> tuple[str, ...]:
    """Lines with a clause garbled as copy sites garble them, or sprinkled with
    the characters the detector weighs (stray ASCII, brackets, kana, box
    drawing, private use)."""
    rng = random.Random(11)
    noise = "?？()（）[]{}ab gQ}ΩЖあㄅ→─ＡｚéāǎĀ\ufffd\ue479陂舛顒鰡鍥犲\u3000 1"
    sources = [line for line in lines() if len(line) >= 30]
    texts = []
    for _ in range(1200):
        line = rng.choice(sources)
        start, size = rng.randrange(len(line) - 20), rng.randint(2, 14)
        clause, how = line[start : start + size], rng.randrange(4)
        if how < 3:
            garbled = _mojibake(clause, how)
            if garbled is None:
                continue
        else:
            garbled = "".join(rng.choice(noise) if rng.random() < 0.4 else c for c in clause)
        texts.append(
            line[max(0, start - 30) : start] + garbled + line[start + size : start + size + 30]
        )
    return tuple(texts)


# --- the references -------------------------------------------------------------------------


@functools.cache
def reference_t2s(text: str) -> str:
    return _opencc().convert(text)


@functools.cache
def _opencc() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def reference_to_simplified(text: str) -> str:
    simplified = reference_t2s(text).translate(script._VARIANTS)
    if "著" in simplified:
        simplified = "".join(
            script._zhe_or_zhu(simplified, i) if ch == "著" else ch
            for i, ch in enumerate(simplified)
        )
    if not frozenset("覆座薰藉").isdisjoint(simplified):
        for _, pattern, word in script._WORDS:
            simplified = pattern.sub(word, simplified)
    return simplified


@functools.cache
def reference_changed_share(text: str) -> tuple[int, int]:
    simplified = reference_t2s(text)
    if len(simplified) != len(text):
        simplified = "".join(reference_t2s(c) for c in text)
    cjk = [(a, b) for a, b in zip(text, simplified, strict=True) if is_cjk(a)]
    return sum(a != b for a, b in cjk), len(cjk)


def reference_is_traditional(text: str) -> bool:
    return _traditional_share(*reference_changed_share(text))


def _traditional_share(changed: int, total: int) -> bool:
    if total >= script.SHORT_TEXT:
        return changed >= 2 and changed >= script.MIN_SHARE * total
    return changed >= 1 and changed >= script.MIN_SHARE_SHORT * total


def _reference_cluster_spans(line: str) -> list[tuple[int, int]]:
    marks = glitch.char_marks(line)
    found = []
    for start, end in glitch.clusters(line, marks):
        span = line[start:end]
        rare = sum(m.rare for m in marks[start:end])
        glitches = sum(m.glitch for m in marks[start:end])
        very_rare = sum(m.rare == 2 for m in marks[start:end])
        if any(glitch.is_lost_byte(c) for c in span):
            garbled = True
        elif rare and glitches:
            total = rare + glitches
            garbled = total >= 4 or (total == 3 and garble._reads_better_one_byte_later(span))
        else:
            garbled = rare >= 6 and very_rare >= 2 and garble._reads_better_one_byte_later(span)
        if garbled:
            found.append((start, end))
    return found


def _reference_utf8_spans(line: str) -> list[tuple[int, int]]:
    found = []
    for run in re.finditer(r"[^\x00-\x7f\s]{3,}", line):
        text = run.group()
        for candidate in dict.fromkeys((text, reference_t2s(text))):
            if len(candidate) != len(text):
                continue
            raw = candidate.encode("gbk", errors="replace")
            offsets = [0]
            for ch in candidate:
                offsets.append(offsets[-1] + len(ch.encode("gbk", errors="replace")))
            for hit in garble._UTF8_CJK_RUN.finditer(raw):
                first = max(k for k in range(len(text)) if offsets[k] <= hit.start())
                last = min(k for k in range(1, len(text) + 1) if offsets[k] >= hit.end())
                if sum(glitch.rarities(text[first:last])) >= 2:
                    found.append((run.start() + first, run.start() + last))
    return found


@functools.cache
def reference_find_garbled(text: str) -> list[str]:
    spans = []
    for line in text.split("\n"):
        found = garble._merge(_reference_cluster_spans(line) + _reference_utf8_spans(line))
        spans.extend(line[start:end] for start, end in found)
    return spans


def reference_keyword_score(line: str) -> int:
    text = reference_to_simplified(line)
    strong = sum(text.count(w) for w in spam._STRONG_WORDS)
    weak = sum(text.count(w) for w in spam._WEAK_WORDS)
    return 2 * strong + weak + 2 * len(spam._AV.findall(text))


def _reference_is_link_farm(line: str) -> bool:
    items = [item for item in spam._ITEM_SPLIT.split(line) if item]
    separators = len(spam._LIST_SEPARATORS.findall(line))
    short = [item for item in items if len(item) <= 8]
    places = [item for item in short if item.endswith(spam._PLACE_SUFFIXES)]
    min_items = 4 if separators else 8
    if len(items) >= min_items and len(short) == len(items) and len(places) >= 0.6 * len(items):
        return True
    bars = line.count("|") + line.count("｜")
    fragments = [f.strip() for f in re.split(r"[|｜]", line) if f.strip()]
    return bars >= 5 and len(fragments) >= 6 and all(len(f) <= 12 for f in fragments)


def reference_is_spam_line(line: str) -> bool:
    line = line.strip()
    if not line:
        return False
    if set(line) <= frozenset("?？\ufffd□"):
        return True
    if line.startswith("<"):
        if spam._NON_TEXT_START.match(line):
            return True
        rest = spam._TAG.sub("", line).strip()
        if rest != line and (not rest or reference_is_spam_line(rest)):
            return True
    if _reference_is_link_farm(line):
        return True
    score = reference_keyword_score(line)
    listy = len(spam._LIST_SEPARATORS.findall(line)) >= 2 or not spam._SENTENCE_MARKS.search(line)
    return score >= (3 if listy else 8)


def reference_strip_pinyin(text: str) -> str:
    return pinyin._ANNOTATION.sub(
        lambda m: "" if pinyin._is_annotation.__wrapped__(m.group(1)) else m.group(0), text
    )


def _reference_neighbour(chars_: list[str], i: int, step: int) -> str:
    i += step
    while 0 <= i < len(chars_) and chars_[i] == " ":
        i += step
    return chars_[i] if 0 <= i < len(chars_) else ""


def _reference_widen(line: str) -> str:
    chars_ = list(line)

    def next_to_chinese(i: int) -> bool:
        return chars.is_chinese(_reference_neighbour(chars_, i, -1)) or chars.is_chinese(
            _reference_neighbour(chars_, i, 1)
        )

    pairs, opened = [], []
    for i, ch in enumerate(chars_):
        if ch == "(":
            opened.append(i)
        elif ch == ")" and opened:
            pairs.append((opened.pop(), i))
    paired = {i for pair in pairs for i in pair}
    changed = True
    while changed:
        changed = False
        for start, end in pairs:
            if chars_[start] == "(" and (next_to_chinese(start) or next_to_chinese(end)):
                chars_[start], chars_[end] = "（", "）"
                changed = True
        for i, ch in enumerate(chars_):
            if ch in text._WIDE and i not in paired and next_to_chinese(i):
                chars_[i] = text._WIDE[ch]
                changed = True
    return "".join(chars_)


def reference_normalize_text(value: str, title: bool = False) -> str:
    """`normalize_text` a character at a time, as it was."""

    def invisible(ch: str) -> bool:
        category = unicodedata.category(ch)
        return category == "Cf" or (category == "Cc" and ch not in "\n\t")

    def line_of(line: str) -> str:
        line = _reference_widen(text._SPACE_RUN.sub(" ", line).strip())
        if title:
            return line
        return "".join(
            ch
            for i, ch in enumerate(line)
            if not (
                ch == " "
                and 0 < i < len(line) - 1
                and chars.is_chinese(line[i - 1])
                and chars.is_chinese(line[i + 1])
            )
        )

    value = text._LINE_BREAKS.sub("\n", value)
    value = "".join(ch for ch in value if not invisible(ch))
    value = text._SPACES.sub(" ", value)
    value = text._FULLWIDTH_ALNUM.sub(lambda m: unicodedata.normalize("NFKC", m.group()), value)
    lines_ = [line_of(line) for line in value.split("\n")]
    return text._BLANK_RUN.sub("\n\n", "\n".join(lines_)).strip("\n")


@functools.cache
def untidy_texts() -> tuple[str, ...]:
    """Lines and pages as copy sites print them: invisible characters (zero-width,
    byte order marks, soft hyphens, controls, a tag character), spaces and ASCII
    marks dropped in at random, between Chinese and beside Latin letters."""
    rng = random.Random(7)
    odd = [
        "\u200b",
        "\ufeff",
        "\u00ad",
        "\x07",
        "\U000e0001",
        "\u200e",
        " ",
        "  ",
        "\u3000",
        ",",
        "(",
        ")",
        "?",
        "!",
        ":",
        ";",
        "\t",
        "\r\n",
        "\u00a0",
        "Ａ",
        "５",
    ]
    texts = []
    for line in lines()[::3]:
        cut = list(line)
        for _ in range(max(1, len(cut) // 12)):
            cut.insert(rng.randrange(len(cut) + 1), rng.choice(odd))
        texts.append("".join(cut))
    texts += ["\n".join(page) for page in eval_pages()[::10]]
    return tuple(texts)


# --- the tests ------------------------------------------------------------------------------


def _disagreements(fast, reference, texts) -> list[tuple[str, object, object]]:
    out = []
    for value in texts:
        got, want = fast(value), reference(value)
        if got != want:
            out.append((value[:80], got, want))
    return out


def test_the_texts_hold_what_the_rules_are_for() -> None:
    assert len(eval_pages()) >= 100
    assert sum(map(reference_is_traditional, script_lines())) >= 100
    assert sum(bool(reference_find_garbled(t)) for t in garble_lines()) >= 5
    assert sum(map(reference_is_spam_line, spam_lines())) >= 20
    assert sum(reference_strip_pinyin(t) != t for t in lines()) >= 20


def test_t2s_is_opencc_on_the_evaluation_set() -> None:
    assert _disagreements(script.t2s, reference_t2s, script_lines()) == []


def test_t2s_is_opencc_where_phrases_overlap() -> None:
    assert len(phrase_texts()) > 1000
    assert _disagreements(script.t2s, reference_t2s, phrase_texts()) == []


def test_t2s_piece_by_piece_is_opencc_too() -> None:
    """The way for tables whose output is not aligned with the input."""
    tables = script.t2s_tables()
    assert tables is not None and tables.aligned
    unaligned = tables._replace(aligned=False)
    texts = [*phrase_texts()[:600], *(t for t in script_lines() if reference_is_traditional(t))]
    assert _disagreements(lambda t: script._t2s(t, unaligned), reference_t2s, texts) == []


def test_a_line_break_cuts_opencc_as_a_line_apart() -> None:
    """What lets a page's lines be converted, counted and compared one by one."""
    for page in eval_pages()[::25]:
        assert reference_t2s("\n".join(page)) == "\n".join(map(reference_t2s, page))


def test_to_simplified_and_normalize_script_agree() -> None:
    texts = [*script_lines(), *phrase_texts()[:300], *stray_texts()]
    assert _disagreements(script.to_simplified, reference_to_simplified, texts) == []
    assert _disagreements(script.normalize_script, reference_to_simplified, texts) == []


def test_is_traditional_and_changed_share_agree() -> None:
    pages = ["\n".join(page) for page in eval_pages()[::5]]
    texts = [*script_lines(), *phrase_texts()[:300], *stray_texts()]

    def joined_reference(text: str) -> tuple[int, int]:  # a page: its lines' counts added up
        counts = [reference_changed_share(line) for line in text.split("\n")]
        return sum(c for c, _ in counts), sum(t for _, t in counts)

    def joined_is_traditional(text: str) -> bool:
        return _traditional_share(*joined_reference(text))

    assert _disagreements(script.changed_share, reference_changed_share, texts) == []
    assert _disagreements(script.is_traditional, reference_is_traditional, texts) == []
    assert _disagreements(script.changed_share, joined_reference, pages) == []
    assert _disagreements(script.is_traditional, joined_is_traditional, pages) == []
    assert len(pages) >= 20
    assert {reference_is_traditional(t) for t in stray_texts()} == {True, False}


def test_find_garbled_agrees() -> None:
    texts = [*garble_lines(), *garbled_texts()]
    assert sum(bool(reference_find_garbled(t)) for t in garbled_texts()) >= 300
    assert _disagreements(garble.find_garbled, reference_find_garbled, texts) == []


def test_spam_rules_agree() -> None:
    texts = [*spam_lines(), *(line.replace("_", "｜") for line in lines() if "_" in line)]
    assert _disagreements(spam._keyword_score, reference_keyword_score, texts) == []
    assert _disagreements(spam.is_spam_line, reference_is_spam_line, texts) == []


def test_strip_pinyin_agrees() -> None:
    assert _disagreements(pinyin.strip_pinyin, reference_strip_pinyin, lines()) == []


def test_a_line_without_suspects_has_no_rare_character() -> None:
    """`find_garbled` passes over a line with no suspect character: there every
    CJK character is common (`glitch.rarity` 0) whatever `t2s` makes of it, alone
    or inside any phrase of its table."""
    tables = script.t2s_tables()
    assert tables is not None
    suspect = garble._finders().suspect
    common = [
        c for code in range(0x3400, 0xFB00) if is_cjk(c := chr(code)) and not suspect.match(c)
    ]
    assert len(common) > 5000
    assert [c for c in common if glitch.rarities(c) != [0]] == []
    for phrase in tables.phrases:
        rarities = glitch.rarities(phrase)
        assert [
            c for c, r in zip(phrase, rarities, strict=True) if r and not suspect.match(c)
        ] == []
    assert all(suspect.match(c) for c in "\ufffd\ue479陂顒𠀀")


@pytest.mark.parametrize(
    "codes",
    [range(0x10000), range(0x1FFF0, 0x20010), range(0x3FFF0, 0x40010), range(0x10FFF0, 0x110000)],
)
def test_character_classes_agree_with_their_ranges(codes: range) -> None:
    chinese = re.compile(chars.CHINESE_CLASS)

    def reference_is_cjk(ch: str) -> bool:
        return chars._in(ord(ch), chars._IDEOGRAPH_RANGES)

    def reference_is_cjk_punct(ch: str) -> bool:
        code = ord(ch)
        if ch in chars._CHINESE_MARKS or 0x3000 < code <= 0x303F:
            return True
        if 0xFE10 <= code <= 0xFE1F or 0xFE30 <= code <= 0xFE4F:
            return True
        return 0xFF01 <= code <= 0xFF65 and not chars._in(code, chars._FULLWIDTH_ALNUM)

    wrong = [
        hex(code)
        for code in codes
        if chars.is_cjk(ch := chr(code)) != reference_is_cjk(ch)
        or chars.is_cjk_punct(ch) != reference_is_cjk_punct(ch)
        or chars.is_chinese(ch) != (reference_is_cjk(ch) or reference_is_cjk_punct(ch))
        or bool(chinese.fullmatch(ch)) != chars.is_chinese(ch)
    ]
    assert wrong == []
    assert not any(
        f(s) for f in (chars.is_cjk, chars.is_cjk_punct, chars.is_chinese) for s in ("", "人人")
    )


def test_normalize_text_agrees() -> None:
    texts = [*lines(), *untidy_texts()]
    assert sum(reference_normalize_text(t) != t for t in untidy_texts()) >= 100
    assert _disagreements(text.normalize_text, reference_normalize_text, texts) == []
    assert (
        _disagreements(
            text.normalize_title, lambda t: reference_normalize_text(t, title=True), texts
        )
        == []
    )


def test_spaces_spelled_out_are_what_backslash_s_matches() -> None:
    every = "".join(map(chr, range(0x110000)))
    spaces = re.compile(f"[{chars.SPACES}]")
    assert spaces.findall(every) == re.findall(r"\s", every)
    assert [c for c in every if c.isspace()] == re.findall(r"\s", every)
    non_ascii = re.compile(f"[^\\x00-\\x7f{chars.NON_ASCII_SPACES}]")
    assert non_ascii.findall(every) == re.findall(r"[^\x00-\x7f\s]", every)


def test_keeps_script_only_where_no_line_changes() -> None:
    # The Simplified pages of the evaluation set, alone and with a line added
    # that `to_simplified` changes in each of its ways: a character, a phrase
    # (瞭解), a variant, 著, the words and their near misses.
    pages = [page for page in eval_pages()[::2] if not reference_is_traditional("\n".join(page))]
    added = [
        "國務院", "我們不瞭解情況", "兼收幷蓄", "成效显著", "随著经济发展", "国务院批覆",
        "批覆盖", "一座标志性建筑", "坐标系即座标系", "薰陶", "薰衣草", "凭藉着", "慰藉着",
        *stray_texts()[::10], *phrase_texts()[:40:4],
    ]  # fmt: skip
    texts = ["\n".join(page) for page in pages]
    texts += [
        "\n".join([*page[:3], f"  {line} ", *page[3:6]]) for page in pages[:4] for line in added
    ]

    kept = [text for text in texts if script.keeps_script(text)]
    changed = [
        piece
        for text in kept
        for line in text.split("\n")
        for piece in {line, line.strip()}
        if reference_to_simplified(piece) != piece
    ]
    assert changed == []
    assert len(kept) >= 40  # most Simplified pages are told at once
    # Each added line that changes was among them, and none of its texts kept.
    assert sum(reference_to_simplified(line) != line for line in added) >= 25
