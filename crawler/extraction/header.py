"""The lines under an article's title: posting time, authors, journal and issue,
keywords — in whatever order and form a page prints them:
`2018-11-20 01:18:20陈殊书`, `令狐怡涛 2018-11-22 20:32:31`,
`作者：林萍雅 发布时间：2018-11-22 来源：上海人大月刊 2018年10期`,
`石东凯 白彬 | 2015-08-17 21:15:40 | 字号：大 中 小`, `【发布时间：…】【作者：…】`,
`刊名：浙江人大 刊期：2016年第7期`, `（原载《浙江人大》2015年05期）`.

This module finds the title among a page's lines and walks the header lines
under it; `infolines` reads what each says."""

from __future__ import annotations

import re

from crawler import fields
from crawler.extraction.bylines import AFFILIATION, is_names, names_text, squash_title
from crawler.extraction.infolabels import AUTHOR_WORDS, DATE_WORDS, ISSUE_WORDS, SOURCE_WORDS
from crawler.extraction.infolines import Header, read_line
from crawler.extraction.journallines import journal_line
from crawler.extraction.postedlines import posted_in
from pipelines.cleaning.body import is_end_of_article, is_furniture
from pipelines.cleaning.spam import is_spam_line

HEADER_WINDOW = 8
# How close above its text a title named once may stand, with no header lines.
STATED_GAP = 6
# How far above the title a posting time may stand.
ABOVE_TITLE = 3


def read_header(
    lines: list[str], candidates: list[tuple[str, int]], body_starts: tuple[int, ...] = ()
) -> Header | None:
    """Find the title among the page's lines and read the header lines under it.

    A stated title (`<h1>`, `<title>`, …) followed by header lines is the
    title; of several, the best ranked, then the one its header lines follow
    most closely (a copy site's spam heading sits further above them).
    Without one, a line the page names as its title twice over (`<h1>` and
    `<title>`) is taken, else the line above the first posting line.

    `body_starts` are where the article's prose element may begin among the
    lines: the lines between a title and it are all header (a forum prints
    the poster's profile between them), read whatever stands among them."""
    wanted = [(squash_title(c), rank) for c, rank in candidates]
    # What a line squashes to where it names a stated title: one of them, or
    # the first six characters or more of one.
    naming = {w[:n] for w, _ in wanted for n in range(6, len(w))} | {w for w, _ in wanted}
    best: Header | None = None
    best_key = (9, 99)
    # A line the page names as its title twice over (`<h1>` and `<title>`), or
    # once just above its text, though no header lines follow it: a page that
    # prints no date or journal.
    stated: Header | None = None
    for i, line in enumerate(lines):
        squashed = squash_title(fields.strip_bullets(line))
        if len(squashed) < 2 or squashed.startswith(("—", "-")) or squashed not in naming:
            continue
        ranks = [
            r for w, r in wanted if squashed == w or (len(squashed) >= 6 and w.startswith(squashed))
        ]
        # The spam test last: it is the dearest, and few lines are a stated title.
        if not ranks or is_spam_line(line) or is_end_of_article(line):
            continue
        header = _read_from(lines, i, next((b for b in body_starts if b > i + 1), None))
        key = (min(ranks), header.gap)
        if (header.posted_line or header.journal) and key < best_key:
            best, best_key = header, key
        near_text = any(0 < b - i <= STATED_GAP for b in body_starts)
        if stated is None and (ranks.count(0) >= 2 or (0 in ranks and near_text)):
            stated = header
    found = best or stated
    if found is not None and not (found.posted_line and found.label):
        _above_title(lines, found)
    return found if found is not None else _by_posting_line(lines)


def _above_title(lines: list[str], header: Header) -> None:
    """A posting time or a journal line printed just above the title, where
    none is below it (`公众号：… 发布时间：2019年11月11日 07:07 阅读：5131`,
    a database's `浙江人大2014年第5期` over the record)."""
    for line in lines[max(0, header.title_at - ABOVE_TITLE) : header.title_at]:
        probe = Header(title_at=0, end=0)
        if not read_line(probe, fields.strip_bullets(line)):
            continue
        if probe.posted_line and not header.posted_line:
            header.posted_line = probe.posted_line
        if probe.label and header.label is None:
            header.journal, header.label = probe.journal, probe.label


def _by_posting_line(lines: list[str]) -> Header | None:
    """The line above the first posting line, as the title."""
    for p, line in enumerate(lines):
        if is_end_of_article(line):
            break  # related articles carry dates too
        if not posted_in(line):
            continue
        start = p - 1
        while start > 0 and (journal_line(lines[start]) or fields.keyword_line(lines[start])):
            start -= 1
        if start >= 0:
            return _read_from(lines, start)
    return None


_SUBTITLE = re.compile(r"^\s*(?:——|──|--|—)\s*[^—\-\s。，]{2,30}$")
# A label alone on its line, its value on the next (`<dt>作者:</dt><dd>…`,
# `<th>刊名</th><td>…`): any short label with a colon, a known one without.
_LABEL_ALONE = re.compile(
    r"^(?:[\u4e00-\u9fff]\s?){1,6}[:：]$"
    rf"|^[【\[]?(?:{AUTHOR_WORDS}|{SOURCE_WORDS}|{ISSUE_WORDS}|{DATE_WORDS}"
    r"|关键词|關鍵詞|关键字|關鍵字)[】\]]?$"
)
# How far above the prose a header may sit when the prose element is known.
REGION_MAX = 40


def _read_from(lines: list[str], start: int, body_start: int | None = None) -> Header:
    header = Header(title_at=start, end=start + 1)
    next_line = lines[start + 1] if start + 1 < len(lines) else ""
    header.title = fields.clean_title(lines[start], next_line)
    i = start + 1
    if "——" in header.title and fields.strip_bullets(next_line).startswith(("—", "-")):
        i += 1
    after_title = i
    misses = 0
    pending, pending_at = "", 0
    region = body_start is not None and body_start - start <= REGION_MAX
    last = (body_start or 0) - 1 + HEADER_WINDOW if region else start + HEADER_WINDOW
    while i < len(lines) and i <= last:
        # Before the prose element every line may be header; inside it, only
        # the lines before the first one that is not (`作者：…` atop a post).
        inside = region and body_start is not None and i >= body_start
        if i == body_start:
            misses = 0
        if misses >= 3 and not region or inside and misses:
            break
        line = lines[i]
        if _LABEL_ALONE.match(line.strip()) and i + 1 < len(lines) and i + 1 <= last:
            i += 1
            line = line.strip().strip("【】[]").rstrip(":：") + "：" + lines[i].strip()
        noted = journal_line(line) is not None  # `编者按：《…》…期刊发了…。`
        if (len(line) > 120 or ("。" in line and len(line) > 30)) and not noted:
            if region and not inside:
                i += 1  # a summary of the text above the text itself
                continue
            break  # prose: the body has begun
        if inside and re.search(r"[。？！；?!]", line) and not noted:
            break
        if is_furniture(line) or is_spam_line(line):
            i += 1
            continue
        if _SUBTITLE.match(line) and not header.subtitle and "——" not in header.title:
            # `——访万萍俊` under the posting line: the title's second part.
            header.subtitle = line.strip().lstrip("—-－ ").strip()
            header.end, misses = i + 1, 0
            i += 1
            continue
        if read_line(header, fields.strip_bullets(line)):
            if header.gap < 0:
                header.gap = i - after_title
            misses = 0
            header.end = i + 1
            if pending and not header.byline and i - pending_at <= 2:
                header.byline = pending
        elif not header.byline and header.end == i and i > after_title and is_names(line):
            # Names right under the header lines, before the text: the byline.
            header.byline, header.end = names_text(line), i + 1
        elif pending and not header.byline and i == pending_at + 1 and AFFILIATION.match(line):
            header.byline = pending  # names, then where they work: a database's record
            misses += 1
        else:
            if not pending and i - after_title <= 1 and is_names(line):
                # Names right under the title: the byline, if a header line
                # follows them closely.
                pending, pending_at = names_text(line), i
            misses += 1
        i += 1
    return header
