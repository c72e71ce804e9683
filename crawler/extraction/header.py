"""The lines under an article's title: posting time, authors, journal and issue,
keywords — in whatever order and form a page prints them:
`2018-11-20 01:18:20陈殊书`, `令狐怡涛 2018-11-22 20:32:31`,
`作者：林萍雅 发布时间：2018-11-22 来源：上海人大月刊 2018年10期`,
`石东凯 白彬 | 2015-08-17 21:15:40 | 字号：大 中 小`, `【发布时间：…】【作者：…】`,
`刊名：浙江人大 刊期：2016年第7期`, `（原载《浙江人大》2015年05期）`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from crawler import fields
from pipelines.cleaning.body import is_end_of_article, is_furniture
from pipelines.cleaning.pinyin import strip_pinyin
from pipelines.cleaning.script import t2s
from pipelines.cleaning.spam import is_spam_line

HEADER_WINDOW = 8
# How close above its text a title named once may stand, with no header lines.
STATED_GAP = 6
# How far above the title a posting time may stand.
ABOVE_TITLE = 3
# How far past the related-articles block a page's keyword line may stand.
NOTES_PAST_END = 15

# Labels of info lines, in the words Chinese sites use for them.
DATE_WORDS = (
    r"[\u4e00-\u9fff]{0,4}(?:时间|時間|日期)|发布于|發布於|发表于|發表於|更新于|上传于|收录于"
)
AUTHOR_WORDS = (
    r"作\s*者|作者名|文章作者|論文作者|论文作者|作者姓名"
    r"|撰\s*文|撰稿人?|文|供稿|记者|記者|执笔|執筆"
)
SOURCE_WORDS = (
    r"来源|來源|出处|出處|出自|来自|來自|刊名|期刊|刊物|期刊名称|期刊名稱|所属期刊|所屬期刊"
    r"|出版|出版物|刊登于|刊登於|来源期刊|來源期刊|期刊来源|期刊來源|所在期刊"
    r"|转自|轉自|摘自|摘编自|摘編自|节选自|節選自"
    r"|本文刊发于|本文刊發於|刊发于|刊發於"
    r"|本文刊载于|本文刊載於|原文刊载于|刊载于|刊載於|本文发表于|本文發表於|本文转自|本文轉自|转载自|轉載自"
    r"|本文原载|本文原載|本文选自|本文選自|本文刊于|本文刊於|本文载于|本文載於|原文刊于|原文载于"
    r"|文章来源|文章來源|发表于|發表於|收录于|收錄於|原载|原載|选自|選自|刊于|刊於|载于|載於"
)
ISSUE_WORDS = r"刊期|期次|年期|期号|期號|年卷期|卷期"
YEAR_WORDS = r"年[份度]?|出版年|出版年份"
ISSUE_NUMBER_WORDS = r"期|期数|期數"

_DATE_LABEL = re.compile(rf"^(?:{DATE_WORDS})\s*[:：]?\s*(?=[\d０-９])")
_AUTHOR_LABEL = re.compile(rf"(?:^|\s)(?:{AUTHOR_WORDS})\s*[:：/]\s*")
_JOURNAL_LINE = re.compile(
    rf"^(?:(?:{SOURCE_WORDS})(?:于|於)?\s*[:：]?\s*)?《?(?P<journal>[\u4e00-\u9fff]{{2,14}}?)》?"
    r"(?:杂志|雜誌|期刊)?\s*[,，·・|｜/.．]?\s*[（(]?(?P<label>(?:19|20)\d\d\s*(?:年\s*[,，]?\s*(?:第\s*)?[Zz]?\d{1,2}"
    r"(?:\s*[-/／]\s*\d{1,2})?\s*期|[,，]?\s*\(\d{1,2}\)))[）)]?\s*$"
)
# A source that is an office, not a journal (`来源：市人大常委会研究室`).
_OFFICE = re.compile(
    r"(?:办公室|辦公室|研究室|常委会|常委會|委员会|委員會|办公厅|辦公廳|政府|信息中心|编辑部|編輯部"
    r"|宣传部|宣傳部|[局厅廳处處科部])$"
)
# `2016年03期 浙江人大`: the issue before the journal.
_LABEL_FIRST = re.compile(
    r"^(?P<label>(?:19|20)\d\d\s*年\s*(?:第\s*)?[Zz]?\d{1,2}(?:\s*[-/]\s*\d{1,2})?\s*期)"
    r"\s*[,，·|｜/]?\s*《?(?P<journal>[\u4e00-\u9fff]{2,14})》?$"
)
# `…本文刊登于《上海人大月刊》2016年第7期。仅供学习交流使用。`: a note naming
# where the text ran, anywhere in a line (the journal in 《》 after a source word).
_SOURCE_MENTION = re.compile(
    r"(?:本文|原文|该文|該文)?(?:(?:刊登|刊载|刊載|刊发|刊發|发表|發表|载|載|刊)(?:于|於|在)"
    r"|(?:原载|原載)(?:于|於)?)\s*"
    r"《(?P<journal>[\u4e00-\u9fff]{2,14})》\s*(?:杂志|雜誌)?\s*"
    r"(?P<label>(?:19|20)\d\d\s*(?:年\s*(?:第\s*)?[Zz]?\d{1,2}(?:\s*[-/]\s*\d{1,2})?\s*期"
    r"|[,，]?\s*\(\s*[Zz]?\d{1,2}\s*\)))"
)
# `编者按：《人大研究》2017年第6期刊发了…`: an editor's note saying where the text ran.
_EDITORS_NOTE = re.compile(
    r"^(?:编者按|編者按|编者的话|編者的話)\s*[:：]?.{0,20}?《(?P<journal>[\u4e00-\u9fff]{2,14})》\s*"
    r"(?P<label>(?:19|20)\d\d\s*年\s*(?:第\s*)?[Zz]?\d{1,2}(?:\s*[-/]\s*\d{1,2})?\s*期)"
    r"(?:刊发|刊發|刊登|刊载|刊載|发表|發表|登载|登載)"
)
# A reference to the article as a bibliography prints it (GB/T 7714):
# `韩静.把握人大代表履职的几个关系[J].人大研究,2016(9):48-55.`
_CITATION = re.compile(
    r"^(?:引用格式|引用本文|本文引用格式|参考引用|引文格式|引用)?\s*[:：]?.{0,80}?\[J\]\s*[.．]\s*"
    r"(?P<journal>[\u4e00-\u9fff]{2,14})\s*[,，]\s*(?P<year>(?:19|20)\d\d)\s*(?:[,，]\s*\d+\s*)?"
    r"[(（]\s*(?P<issue>[Zz]?\d{1,2}(?:\s*[-/]\s*\d{1,2})?)\s*[)）][^。]{0,30}$"
)
# Labels that pages glue onto the value before them (`…19:56:51作者：夏凯`).
_GLUED_LABELS = sorted(
    (
        "发布时间 发布日期 发表时间 发表日期 更新时间 上传时间 收录时间 發布時間 發布日期 更新時間 "
        "时间 日期 時間 发布于 作者 作者名 撰文 撰稿人 撰稿 供稿 记者 記者 执笔 來源 来源 "
        "出处 出處 刊名 期刊名称 期刊 刊物 所属期刊 文章来源 原载 選自 选自 刊期 期次 年期 期号 "
        "年份 年度 "
        "浏览次数 瀏覽次數 浏览 點擊 点击数 点击 阅读数 阅读 人气 字号 字號 责任编辑 编辑 "
        "上传人 上传者 上傳人 贡献者 格式 页数 頁數 大小 下载次数 下载 下載 "
        "文档简介 简介 标签 標籤 分类 分類"
    ).split(),
    key=len,
    reverse=True,
)
_LABEL_AT = re.compile(
    # `作 者：` (single characters spaced out) or `作者：`, never `袁颖德 来源：`
    rf"(?:^|(?<=\s))(?:[\u4e00-\u9fff](?:\s[\u4e00-\u9fff]){{1,4}}|[\u4e00-\u9fff]{{1,5}})(?=[:：])"
    rf"|(?:{'|'.join(_GLUED_LABELS)})(?=\s*[:：])"
)
_SEGMENTS = re.compile(r"\s*[|｜丨]\s*|[【】\[\]]|\s{2,}|\u3000")
_DATE_ANYWHERE = re.compile(
    r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?(?:\s*\d{1,2}:\d\d(?::\d\d)?)?"
)
_NAMES = re.compile(r"^[\u4e00-\u9fff·]{2,4}(?:[\s、，,;；]+[\u4e00-\u9fff·]{1,4}){0,6}$")
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


def squash(text: str) -> str:
    return re.sub(r"[\s*＊※]", "", text)


def _people(byline: str) -> str:
    """A byline without the account, site or user a page prints beside the
    posting time (`参考编辑部 人大研究参考 2016-04-27`, `闲云野鹤2016 2017-03-07`):
    '' where it names no person.

    >>> _people("陈殊书"), _people("虞崇胜温潇俊"), _people("法苑漫步"), _people("闲云野鹤2016")
    ('陈殊书', '虞崇胜温潇俊', '', '')
    """
    names = fields.split_authors(byline)
    if names and all(fields.is_organisation(n) for n in names):
        return ""
    if any(re.search(r"[0-9A-Za-z]", n) for n in names):
        return ""  # a user name (`闲云野鹤2016`), not a person's
    if len(names) == 1 and len(names[0]) <= 4 and not fields.has_surname(names[0]):
        return ""  # `法苑漫步`: the reposter's handle
    return byline


# Counters a site prints beside the posting time: `阅 469`, `浏览：12`, `转 31`.
_COUNTERS = re.compile(
    r"\s*(?:阅读|閱讀|阅|閱|浏览|瀏覽|点击|點擊|评论|評論|转|轉|收藏|赞|讚)\s*[:：]?\s*\d+\s*(?:次)?\s*$"
)


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


def posted_in(text: str) -> fields.Posted | None:
    """A posting time with at most a short byline around it
    (`2018-11-20 01:18:20陈殊书`, `令狐怡涛 2018-11-22 20:32:31`)."""
    text = _DATE_LABEL.sub("", fields.strip_bullets(fields.halfwidth_digits(text))).strip()
    if "·" in text and _DATE_ANYWHERE.search(text):
        # `王老师·上传于2017-03-24·1页·1847次阅读`: the part with the date
        text = next(p for p in text.split("·") if _DATE_ANYWHERE.search(p))
    text = _COUNTERS.sub("", text).strip()
    if text[:1] in "(（[【" and text[-1:] in ")）]】":
        text = text[1:-1].strip()  # `(2018-11-20 09:00:12)`
    match = _DATE_ANYWHERE.search(text)
    if match is None:
        return None
    before, after = text[: match.start()].strip(), text[match.end() :].strip()
    if (
        len(before) > 20
        or (before and after)
        or len(after) > 40
        or re.search(r"[:：]", before + after)
    ):
        return None  # a labelled info line: `labelled_parts` reads it
    found = fields.posted(match.group())
    if found is None:
        return None
    return fields.Posted(found.date, found.time, before or after)


def labelled_parts(line: str) -> dict[str, str]:
    """The `标签：值` parts of an info line, spaced or glued together.

    >>> labelled_parts("作者：林萍雅 发布时间：2018-11-22 20:32:19 来源：上海人大月刊 2018年10期")
    {'作者': '林萍雅', '发布时间': '2018-11-22 20:32:19', '来源': '上海人大月刊 2018年10期'}
    >>> labelled_parts("作者：温义宏 袁颖德 来源：《上海人大月刊》2018年7期")
    {'作者': '温义宏 袁颖德', '来源': '《上海人大月刊》2018年7期'}
    >>> labelled_parts("发布日期：2018-04-17 19:56:51作者：夏凯 韩静浏览次数：")
    {'发布日期': '2018-04-17 19:56:51', '作者': '夏凯 韩静'}
    """
    parts: dict[str, str] = {}
    labels = list(_LABEL_AT.finditer(line))
    for n, match in enumerate(labels):
        end = labels[n + 1].start() if n + 1 < len(labels) else len(line)
        value = line[match.end() : end].strip().lstrip(":：").strip()
        label = match.group().replace(" ", "")
        if value and label not in parts:
            parts[label] = value
    return parts


def journal_line(line: str) -> tuple[str, str] | None:
    """Journal and issue label from a journal line.

    >>> journal_line("上海人大月刊 2018年9期")
    ('上海人大月刊', '2018年9期')
    >>> journal_line("来源：《上海人大月刊》2018年第9期")
    ('上海人大月刊', '2018年第9期')
    >>> journal_line("浙江人大(2014年6期)")
    ('浙江人大', '2014年6期')
    >>> journal_line("（原载《浙江人大》2015年05期）")
    ('浙江人大', '2015年05期')
    >>> journal_line("（本文原载《浙江人大》2015年Z1期）")
    ('浙江人大', '2015年Z1期')
    >>> journal_line("本文刊载于《浙江人大》杂志2016年第6期")
    ('浙江人大', '2016年第6期')
    >>> journal_line("引用格式：韩静.把握人大代表履职的几个关系[J].人大研究,2016(9):48-55.")
    ('人大研究', '2016(9)')
    >>> journal_line("出版：浙江人大, 2018年, 第9期")
    ('浙江人大', '2018年第9期')
    >>> journal_line("本文原载于《人大研究》2017(3)")
    ('人大研究', '2017(3)')
    >>> journal_line("人大研究. 2016,(09)")
    ('人大研究', '2016(09)')
    >>> journal_line("编者按：《人大研究》2017年第6期刊发了何清华同志撰写的文章。")
    ('人大研究', '2017年第6期')
    >>> journal_line("2016年03期 浙江人大"), journal_line("本文发表于《上海人大月刊》2018年10期。")
    (('浙江人大', '2016年03期'), ('上海人大月刊', '2018年10期'))
    >>> journal_line("文档简介：本文刊登于《上海人大月刊》2016年第7期。仅供学习交流使用。")
    ('上海人大月刊', '2016年第7期')
    >>> journal_line("本文刊登于《人大研究》2017(6)。仅供学习交流使用。")
    ('人大研究', '2017(6)')
    >>> journal_line("本文原载《天津人大》2017年6期，转载请注明出处。")
    ('天津人大', '2017年6期')
    >>> journal_line("今年是2018年") is None
    True
    """
    text = fields.halfwidth_digits(fields.strip_bullets(line)).strip()
    if text[:1] in "（(" and text[-1:] in "）)":
        text = text[1:-1].strip()
    text = text.rstrip("。.")
    match = _JOURNAL_LINE.match(text) or _LABEL_FIRST.match(text)
    if match is None and (noted := _EDITORS_NOTE.match(text) or _SOURCE_MENTION.search(text)):
        return noted["journal"], re.sub(r"\s+", "", noted["label"])
    if match is None:
        cited = _CITATION.search(text)
        return (cited["journal"], f"{cited['year']}({cited['issue']})") if cited else None
    return match["journal"], re.sub(r"[\s,，]+", "", match["label"])


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
    wanted = [(squash(c), rank) for c, rank in candidates]
    best: Header | None = None
    best_key = (9, 99)
    # A line the page names as its title twice over (`<h1>` and `<title>`), or
    # once just above its text, though no header lines follow it: a page that
    # prints no date or journal.
    stated: Header | None = None
    for i, line in enumerate(lines):
        squashed = squash(fields.strip_bullets(line))
        if len(squashed) < 2 or is_spam_line(line) or squashed.startswith(("—", "-")):
            continue
        ranks = [
            r for w, r in wanted if squashed == w or (len(squashed) >= 6 and w.startswith(squashed))
        ]
        if not ranks or is_end_of_article(line):
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


# `1. 浙江省人大常委会研究室2. 浙江大学光华法学院`, `（兰州大学法学院，甘肃兰州 730000）`
_AFFILIATION = re.compile(
    r"^[（(]?\s*(?:\d\s*[.、．]\s*)?[\u4e00-\u9fff]{2,20}?"
    r"(?:大学|学院|研究室|研究院|研究所|研究中心|委员会|常委会|常委會|党校|法院|检察院|政府|办公室|办公厅)"
)
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
        elif not header.byline and header.end == i and i > after_title and _is_names(line):
            # Names right under the header lines, before the text: the byline.
            header.byline, header.end = _names_text(line), i + 1
        elif pending and not header.byline and i == pending_at + 1 and _AFFILIATION.match(line):
            header.byline = pending  # names, then where they work: a database's record
            misses += 1
        else:
            if not pending and i - after_title <= 1 and _is_names(line):
                # Names right under the title: the byline, if a header line
                # follows them closely.
                pending, pending_at = _names_text(line), i
            misses += 1
        i += 1
    return header


def _names_text(line: str) -> str:
    """A line of names without the affiliation numbers a database prints after
    each (`唐洋海1何燕2秦红2` → `唐洋海 何燕 秦红`) or footnote marks.

    >>> _names_text("唐洋海1何燕2秦红2"), _names_text("王晓1,2 李明*")
    ('唐洋海 何燕 秦红', '王晓 李明')
    """
    text = fields.strip_bullets(line).strip()
    text = re.sub(r"(?<=[\u4e00-\u9fff])(?:\d+(?:[,，]\d+)*|[*＊※])", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _is_names(line: str) -> bool:
    """A line of people's names and nothing else (`白彬`, `周义 崔辉`)."""
    text = _names_text(line)
    if not _NAMES.match(text):
        apart = fields.names_apart(text) if re.fullmatch(r"[\u4e00-\u9fff]{5,9}", text) else None
        return bool(apart) and all(fields.is_person_name(n) for n in apart)  # `崔祥志白彬`
    names = fields.split_authors(text)
    if len(names) == 1 and not fields.has_surname(names[0]):
        return False  # a user's or column's name (`法苑漫步`)
    return bool(names) and all(fields.is_person_name(n) for n in names)


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
    rest = [s for s, t in zip(segments, taken, strict=True) if not t and _NAMES.match(s)]
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
        header.byline = header.byline or _people(_AUTHOR_LABEL.sub(" ", rest).strip())
        return True
    spaced = _SPACED_BYLINE.match(text)
    if spaced and not header.byline and _NAMES.match(spaced["names"]):
        header.byline = spaced["names"]
        return True
    if header.label is None and (found := journal_line(text)):
        header.journal, header.label = found
        _read_labelled(header, labelled_parts(text))  # `作者：苏锋 本文刊发于《…》…`
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
    taken = _read_labelled(header, labelled_parts(text))
    first = _LABEL_AT.search(text)
    # `2014年09月05日 09:16来源：《浙江人大》2014年7期`: an unlabelled time first
    head = text[: first.start()] if first else ""
    if taken and head.strip() and not header.posted_line and posted_in(head):
        header.posted_line = head.strip()
    return taken


def _read_labelled(header: Header, parts: dict[str, str]) -> bool:
    taken = False
    year = issue = None
    for label, value in parts.items():
        if re.fullmatch(AUTHOR_WORDS, label):
            # A labelled author outranks names found beside the posting time.
            if not header.byline_labelled:
                # `作者：韩静，郝清。仅供学习交流使用。`: the names end at the sentence's end.
                # (`作者：苏锋 本文刊发于《浙江人大》…`: nor does a source note belong.)
                names = re.split(r"[。；]", value)[0]
                if mention := _SOURCE_MENTION.search(names):
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
    no sentence), or None where the line is not one."""
    if len(line) > 80 or re.search(r"[。！？]", line):
        return None
    probe = Header(title_at=0, end=0)
    parts = labelled_parts(line)
    if not parts or not _read_labelled(probe, parts) or not (probe.label or probe.byline):
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
