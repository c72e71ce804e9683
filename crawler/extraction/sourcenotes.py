"""Keyword lines and source notes a page prints apart from the header: after
the text (`（原载《浙江人大》2015年05期）`, `作者：… 来源：…`), or under it in
another element, up to the related-articles block; what they say goes to the
header where it has nothing yet."""

from __future__ import annotations

import re

from crawler import fields
from crawler.extraction.bylines import is_names
from crawler.extraction.infolabels import labelled_parts
from crawler.extraction.infolines import Header, read_labelled
from crawler.extraction.journallines import journal_line
from pipelines.cleaning.body import is_end_of_article, is_furniture
from pipelines.cleaning.pinyin import strip_pinyin

# How far past the related-articles block a page's keyword line may stand.
NOTES_PAST_END = 15


def trailing_source(header: Header, body: list[str]) -> list[str]:
    """Take the page's furniture off the end of a body: a keyword line, a
    source note (`（原载《浙江人大》2015年05期）`), share and copyright lines;
    what they say goes to the header where it has nothing yet."""
    while body:
        last = body[-1]
        if is_furniture(last):
            body.pop()
        elif fields.keyword_line(strip_pinyin(last)):
            body.pop()
            header.keywords_text = header.keywords_text or strip_pinyin(last)
        elif found := journal_line(last):
            if header.label is None:
                header.journal, header.label = found
            body.pop()
        elif (closing := _closing_info(last)) is not None:
            # `作者：韦安董辉来源：《天津人大》2017年04期` after the text
            if header.label is None and closing.label:
                header.journal, header.label = closing.journal, closing.label
            if not header.byline and closing.byline:
                header.byline = closing.byline
            body.pop()
        else:
            break
    return body


def _closing_info(line: str) -> Header | None:
    """What an info line after the text says (author and source labelled,
    no sentence), or None where the line is not one. A labelled line with no
    source must name people: an interview cut inside a question
    (`记者：在制度建`) is the text's last line.

    >>> _closing_info("记者：在制度建") is None, _closing_info("作者：韦安") is None
    (True, False)
    """
    if len(line) > 80 or re.search(r"[。！？]", line):
        return None
    probe = Header(title_at=0, end=0)
    parts = labelled_parts(line)
    if not parts or not read_labelled(probe, parts) or not (probe.label or probe.byline):
        return None
    if not probe.label and not is_names(probe.byline or ""):
        return None
    return probe


def notes_apart(header: Header, lines: list[str], body: list[str]) -> None:
    """Keyword lines and source notes the page shows apart from the body
    (under it, in another element), read up to the related-articles block."""
    inside = set(body)
    ended = None
    for n, line in enumerate(lines):
        if ended is None and is_end_of_article(line):
            ended = n
        if ended is not None:
            # Past the related block only a labelled keyword line, close by.
            if n - ended > NOTES_PAST_END or header.keywords_text is not None:
                return
            if fields.keyword_line(strip_pinyin(line)):
                header.keywords_text = strip_pinyin(line)
            continue
        if line in inside:
            continue
        text = strip_pinyin(line)
        if header.keywords_text is None and fields.keyword_line(text):
            header.keywords_text = text
        elif header.label is None and (found := journal_line(text)):
            header.journal, header.label = found
