"""What one header line says, read into the `Header` it fills: a line is cut
into segments (`a | b | c`, `【a】【b】`), each read as a posting time, a
byline, a journal line, a keyword line or labelled parts (`作者：… 来源：…`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from crawler import fields
from crawler.extraction.bylines import NAMES, people
from crawler.extraction.infolabels import (
    AUTHOR_WORDS,
    DATE_WORDS,
    ISSUE_NUMBER_WORDS,
    ISSUE_WORDS,
    LABEL_AT,
    SOURCE_WORDS,
    YEAR_WORDS,
    labelled_parts,
)
from crawler.extraction.journallines import SOURCE_MENTION, journal_line
from crawler.extraction.postedlines import posted_in
from pipelines.cleaning.script import t2s

_AUTHOR_LABEL = re.compile(rf"(?:^|\s)(?:{AUTHOR_WORDS})\s*[:：/]\s*")
# A source that is an office, not a journal (`来源：市人大常委会研究室`).
_OFFICE = re.compile(
    r"(?:办公室|辦公室|研究室|常委会|常委會|委员会|委員會|办公厅|辦公廳|政府|信息中心|编辑部|編輯部"
    r"|宣传部|宣傳部|[局厅廳处處科部])$"
)
_SEGMENTS = re.compile(r"\s*[|｜丨]\s*|[【】\[\]]|\s{2,}|\u3000")
_ISSUE_LABEL = re.compile(r"(?:19|20)\d\d\s*年\s*(?:第\s*)?[Zz]?\d{1,2}(?:\s*[-/]\s*\d{1,2})?\s*期")


@dataclass
class Header:
    """What the lines under the title say."""

    title_at: int
    end: int
    title: str = ""
    posted_line: str = ""
    byline: str = ""
    byline_labelled: bool = False
    subtitle: str = ""  # `——访万萍俊` printed apart from the title
    journal: str | None = None
    label: str | None = None
    keywords_text: str | None = None
    gap: int = -1  # lines between the title and its first header line


def _journal_apart(text: str) -> tuple[tuple[str, str] | None, str]:
    """A journal line at the start or end of what stands beside a posting time,
    and the rest (`《公民与法治》2021年第1期 闫英清` → the journal, `闫英清`).

    >>> _journal_apart("《公民与法治》2021年第1期 闫英清")
    (('公民与法治', '2021年第1期'), '闫英清')
    >>> _journal_apart("陈殊书")
    (None, '陈殊书')
    """
    tokens = text.split()
    for k in range(len(tokens), 0, -1):
        if found := journal_line(" ".join(tokens[:k])):
            return found, " ".join(tokens[k:])
        if found := journal_line(" ".join(tokens[len(tokens) - k :])):
            return found, " ".join(tokens[: len(tokens) - k])
    return None, text


def read_line(header: Header, line: str) -> bool:
    """Take what an info line says, segment by segment (`a | b | c`,
    `【a】【b】`); False where it says nothing of ours. A line in Traditional
    script whose labels are not read as they stand (`發佈時間`) is read in
    Simplified."""
    if _read_line(header, line):
        return True
    simplified = t2s(line) if len(line) <= 120 else line
    return simplified != line and _read_line(header, simplified)


# `作者丨崔洋 韩静`: a label set off by a bar instead of a colon.
_BAR_LABEL = re.compile(
    rf"^((?:{AUTHOR_WORDS}|{SOURCE_WORDS}|{DATE_WORDS}|{ISSUE_WORDS}))\s*[丨|｜]\s*"
)


def _read_line(header: Header, line: str) -> bool:
    line = _BAR_LABEL.sub(r"\1：", line.strip())
    segments = [s.strip() for s in _SEGMENTS.split(line) if s and s.strip()]
    if len(segments) <= 1:
        return _read_segment(header, line.strip())
    taken = [_read_segment(header, s) for s in segments]
    # An unlabelled run of names beside the posting time is the byline.
    rest = [s for s, t in zip(segments, taken, strict=True) if not t and NAMES.match(s)]
    if any(taken) and header.posted_line and not header.byline and len(rest) == 1:
        header.byline = rest[0]
    return any(taken)


_HASHTAGS = re.compile(r"^(?:#[^#\s]{1,12}\s*){2,}$")
# `作者 王晓`: an author label spaced from the names, with no colon.
_SPACED_BYLINE = re.compile(r"^(?:作\s*者|撰\s*文|撰稿|执笔|執筆|文)\s+(?P<names>.+)$")


def _read_segment(header: Header, text: str) -> bool:
    if posted := posted_in(text):
        # A copy prints its own posting line, then the one it copied: both are header.
        header.posted_line = header.posted_line or text
        journal, rest = _journal_apart(posted.rest)
        if header.label is None and journal:
            header.journal, header.label = journal  # `人大研究2016(6)2016-10-01`
        header.byline = header.byline or people(_AUTHOR_LABEL.sub(" ", rest).strip())
        return True
    spaced = _SPACED_BYLINE.match(text)
    if spaced and not header.byline and NAMES.match(spaced["names"]):
        header.byline = spaced["names"]
        return True
    if header.label is None and (found := journal_line(text)):
        header.journal, header.label = found
        read_labelled(header, labelled_parts(text))  # `作者：苏锋 本文刊发于《…》…`
        return True
    if header.keywords_text is None and fields.keyword_line(text) is not None:
        header.keywords_text = text
        return True
    if header.keywords_text is None and _HASHTAGS.match(text):
        # `#整改#审议意见#跟踪监督`: an account's topic tags.
        header.keywords_text = "关键词：" + "；".join(re.findall(r"#([^#\s]+)", text))
        return True
    if header.journal is None and (alone := re.fullmatch(r"《([\u4e00-\u9fff]{2,14})》", text)):
        header.journal = alone[1]
        return True
    if header.label is None and _ISSUE_LABEL.fullmatch(fields.halfwidth_digits(text)):
        header.label = re.sub(r"\s+", "", fields.halfwidth_digits(text))
        return True
    taken = read_labelled(header, labelled_parts(text))
    first = LABEL_AT.search(text)
    # `2014年09月05日 09:16来源：《浙江人大》2014年7期`: an unlabelled time first
    head = text[: first.start()] if first else ""
    if taken and head.strip() and not header.posted_line and posted_in(head):
        header.posted_line = head.strip()
    return taken


def read_labelled(header: Header, parts: dict[str, str]) -> bool:
    taken = False
    year = issue = None
    for label, value in parts.items():
        if re.fullmatch(AUTHOR_WORDS, label):
            # A labelled author outranks names found beside the posting time.
            if not header.byline_labelled:
                # `作者：韩静，郝清。仅供学习交流使用。`: the names end at the sentence's end.
                # (`作者：苏锋 本文刊发于《浙江人大》…`: nor does a source note belong.)
                names = re.split(r"[。；]", value)[0]
                if mention := SOURCE_MENTION.search(names):
                    names = names[: mention.start()].strip()
                header.byline, header.byline_labelled = names, True
            taken = True
        elif re.fullmatch(DATE_WORDS, label) and posted_in(value):
            header.posted_line, taken = header.posted_line or value, True
        elif re.fullmatch(rf"[\u4e00-\u9fff]{{0,3}}(?:{SOURCE_WORDS})", label):  # 文章出处
            found = journal_line(value)
            if found and header.label is None:
                header.journal, header.label = found
            elif (
                header.journal is None
                and re.fullmatch(r"《?[\u4e00-\u9fff]{2,14}》?", value)
                and not _OFFICE.search(value.strip("《》"))
            ):
                header.journal = value.strip("《》")
            taken = True
        elif re.fullmatch(ISSUE_WORDS, label) and fields.issue_label(value):
            header.label, taken = header.label or value, True
        elif re.fullmatch(YEAR_WORDS, label):
            year = re.search(r"(?:19|20)\d\d", fields.halfwidth_digits(value))
        elif re.fullmatch(f"{ISSUE_NUMBER_WORDS}|{ISSUE_WORDS}", label):
            issue = re.search(r"[Zz]?\d{1,2}(?:\s*[-/]\s*\d{1,2})?", fields.halfwidth_digits(value))
        elif label in ("字号", "字號"):
            taken = True
    if header.journal and not header.label and year and issue:
        header.label = f"{year.group()}年{issue.group()}期"
        taken = True
    return taken
