"""Clean pipeline: spam, inline pinyin, script and layout, recorded as flags.

Order matters: spam lines go first; pinyin next; garbling is detected before
conversion (its test re-encodes the characters the copy site produced); the
Traditional → Simplified conversion applies only where the text is
Traditional; normalisation last, then the lines that repeat the page around
the article (the author line, the related-articles block) are cut.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from itemadapter import ItemAdapter

from pipelines.cleaning.body import drop_author_line, drop_chrome_lines, drop_related_block
from pipelines.cleaning.garble import find_garbled
from pipelines.cleaning.pinyin import strip_pinyin
from pipelines.cleaning.script import (
    is_traditional,
    keeps_script,
    normalize_script,
    to_simplified,
)
from pipelines.cleaning.spam import drop_spam_lines
from pipelines.cleaning.text import normalize_text, normalize_title
from pipelines.records import as_record

TEXT_FIELDS = ("title", "journal", "issue_label", "column")
LIST_FIELDS = ("authors", "keywords", "body_keywords")


def clean_article(article: dict[str, Any]) -> dict[str, Any]:
    """Return a cleaned copy of an article's fields, with flags added."""
    out = dict(article)
    flags = set(out.get("flags") or [])
    lines = (out.get("body") or "").split("\n")
    # Where no line has anything to convert or mend, none is converted.
    plain = keeps_script(out.get("body") or "")

    kept = drop_spam_lines(lines, simplified=plain)
    if len(kept) < len([line for line in lines if line.strip()]):
        flags.add("spam_removed")
    lines = kept

    def each_text(fn: Any, body: bool = True) -> None:
        nonlocal lines
        for name in TEXT_FIELDS:
            if out.get(name):
                out[name] = fn(out[name])
        for name in LIST_FIELDS:
            out[name] = [fn(v) for v in out.get(name) or []]
        if body:
            lines = [fn(line) for line in lines]

    before = _snapshot(out, lines)
    each_text(strip_pinyin)
    if _snapshot(out, lines) != before:
        flags.add("pinyin_removed")
        plain = keeps_script("\n".join(lines))  # what the annotations stood between

    garbled = find_garbled("\n".join([out.get("title") or "", *lines]))
    if garbled:
        flags.add("garbled")

    if is_traditional("\n".join([out.get("title") or "", *lines])):
        each_text(outside(garbled, to_simplified))
        flags.add("converted_t2s")
    elif plain and not garbled:
        each_text(normalize_script, body=False)  # a body with nothing to mend
    else:  # a Simplified page's stray Traditional characters
        each_text(outside(garbled, normalize_script))

    for name in ("title", "journal", "column"):
        if out.get(name):
            out[name] = outside(garbled, normalize_title)(out[name])
    if "column" in out and not out["column"]:  # a heading of nothing but spaces: none
        out["column"] = None
    tidy = outside(garbled, normalize_text)
    lines = [tidy(line) for line in lines]
    lines = [line for line in lines if line]
    lines = drop_chrome_lines(drop_related_block(lines))
    lines = drop_author_line(lines, out.get("authors") or [])
    out["body"] = "\n".join(lines)
    out["flags"] = sorted(flags)
    return out


def outside(spans: list[str], step: Callable[[str], str]) -> Callable[[str], str]:
    """`step` applied to the text around `spans`, which are kept as they are
    (garbled spans: converting them would only garble them differently).

    >>> outside(["?;顒"], str.upper)("ab?;顒cd")
    'AB?;顒CD'
    """
    if not spans:
        return step
    pattern = re.compile("|".join(re.escape(s) for s in sorted(spans, key=len, reverse=True)))

    def apply(text: str) -> str:
        pieces, last = [], 0
        for match in pattern.finditer(text):
            pieces += [step(text[last : match.start()]), match.group()]
            last = match.end()
        return "".join(pieces) + step(text[last:])

    return apply


def _snapshot(article: dict[str, Any], lines: list[str]) -> tuple[Any, ...]:
    return (*(article.get(n) for n in TEXT_FIELDS + LIST_FIELDS), tuple(lines))


class CleanPipeline:
    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        for name, value in clean_article(as_record(item)).items():
            adapter[name] = value
        return item
