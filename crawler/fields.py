"""Field rules shared by every site parser: issue labels, dates, authors, ids.

Each rule is a pure function of strings; site modules call them and never
re-implement them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９－：／（）", "0123456789-:/()")


def halfwidth_digits(text: str) -> str:
    """Turn full-width digits and the separators of dates and labels half-width.

    >>> halfwidth_digits("２０１８年９期")
    '2018年9期'
    """
    return text.translate(_FULLWIDTH_DIGITS)


@dataclass(frozen=True)
class IssueLabel:
    """An issue as a journal labels it: `2018年第9期` → year 2018, issue `9`."""

    year: int
    issue: str
    combined: bool = False


_ISSUE_RE = re.compile(
    r"(?P<year>(?:19|20)\d\d)\s*"
    r"(?:年\s*(?:第\s*)?(?P<label>[Zz]\d{1,2}|\d{1,2}(?:\s*[-/／]\s*\d{1,2})?)\s*期"
    r"|\((?P<paren>\d{1,2})\))"
)


def issue_label(text: str) -> IssueLabel | None:
    """Read year and issue from a label; combined issues are marked.

    >>> issue_label("上海人大月刊 2018年9期")
    IssueLabel(year=2018, issue='9', combined=False)
    >>> issue_label("2018年第09期")
    IssueLabel(year=2018, issue='9', combined=False)
    >>> issue_label("2015年Z1期")
    IssueLabel(year=2015, issue='Z1', combined=True)
    >>> issue_label("2018年第1-2期")
    IssueLabel(year=2018, issue='1-2', combined=True)
    >>> issue_label("2018年1/2期")
    IssueLabel(year=2018, issue='1-2', combined=True)
    >>> issue_label("浙江人大(2014(6))")
    IssueLabel(year=2014, issue='6', combined=False)
    >>> issue_label("２０２１年第３期")
    IssueLabel(year=2021, issue='3', combined=False)
    >>> issue_label("2018-11-20") is None
    True
    """
    match = _ISSUE_RE.search(halfwidth_digits(text))
    if match is None:
        return None
    year = int(match["year"])
    label = match["label"] or match["paren"]
    label = re.sub(r"\s+", "", label)
    if label[0] in "Zz":
        return IssueLabel(year, "Z" + str(int(label[1:])), combined=True)
    parts = re.split(r"[-/／]", label)
    if len(parts) == 2:
        return IssueLabel(year, f"{int(parts[0])}-{int(parts[1])}", combined=True)
    return IssueLabel(year, str(int(label)))


_DATE_RE = re.compile(
    r"(?P<y>(?:19|20)\d\d)[-/.年](?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})日?"
    r"(?:\s*(?P<time>\d{1,2}:\d\d(?::\d\d)?))?"
)


@dataclass(frozen=True)
class Posted:
    """A posting date (`YYYY-MM-DD`), its time where the page gives one, and
    what followed it on the same line (on these pages: the authors)."""

    date: str
    time: str | None
    rest: str


def posted(text: str) -> Posted | None:
    """Read the posting date line, which runs the authors on after the time.

    >>> posted("2018-11-20 01:18:20陈殊书")
    Posted(date='2018-11-20', time='01:18:20', rest='陈殊书')
    >>> posted("2014-07-10张学明")
    Posted(date='2014-07-10', time=None, rest='张学明')
    >>> posted("２０１６－０６－３０ 9:05")
    Posted(date='2016-06-30', time='09:05:00', rest='')
    >>> posted("2018-13-45") is None
    True
    """
    match = _DATE_RE.search(halfwidth_digits(text))
    if match is None:
        return None
    month, day = int(match["m"]), int(match["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    time = match["time"]
    if time:
        parts = [int(p) for p in time.split(":")] + [0]
        time = "{:02d}:{:02d}:{:02d}".format(*parts[:3])
    return Posted(f"{match['y']}-{month:02d}-{day:02d}", time, text[match.end() :].strip())


_URL_DATE_RE = re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]\d)(?P<d>[0-3]\d)/")


def url_date(url: str) -> str | None:
    """The posting date that aggregator URLs carry (only a fallback).

    >>> url_date("https://www.fx361.com/page/2018/1120/5108306.shtml")
    '2018-11-20'
    >>> url_date("https://example.com/a/1.html") is None
    True
    """
    match = _URL_DATE_RE.search(url)
    if match is None:
        return None
    return f"{match['y']}-{match['m']}-{match['d']}"


_ARTICLE_ID_RE = re.compile(r"/(?P<id>\d{5,10})\.s?html?$")


def article_id(url: str) -> int | None:
    """The aggregator's article number: the same on desktop, mobile and mirrors.

    >>> article_id("https://www.fx361.com/page/2018/1120/5108306.shtml")
    5108306
    >>> article_id("https://m.fx361.com/news/2018/1120/5108306.html")
    5108306
    >>> article_id("http://mirror.example.cn/qikan/2018/1120/5108306.html?from=x")
    5108306
    >>> article_id("https://www.fx361.com/bk/shrdyk/") is None
    True
    """
    match = _ARTICLE_ID_RE.search(urlsplit(url).path)
    return int(match["id"]) if match else None


_AUTHOR_SEPARATORS = re.compile(r"[\s、，,;；/|]+")
_ROLES = re.compile(
    r"^(?:本刊(?:特约)?记者|特约记者|记者|通讯员|本刊评论员|评论员|编辑|整理|文|图|作者)"
    r"\s*[/：:]?\s*"
)
_AFFILIATION = re.compile(r"[（(][^）)]*[）)]")


def split_authors(text: str) -> list[str]:
    """Split an author line into names; roles, affiliations and `佚名` removed.

    >>> split_authors("虞崇胜 温潇俊")
    ['虞崇胜', '温潇俊']
    >>> split_authors("徐理响,黄鹂；本刊记者 王春玺")
    ['徐理响', '黄鹂', '王春玺']
    >>> split_authors("文/张学明（上海市人大常委会研究室）")
    ['张学明']
    >>> split_authors("◎王春玺")
    ['王春玺']
    >>> split_authors("佚名")
    []
    """
    text = _AFFILIATION.sub(" ", text.replace("◎", " "))
    names: list[str] = []
    for part in _AUTHOR_SEPARATORS.split(text):
        name = _ROLES.sub("", part).strip("：: ")
        if name and name != "佚名" and name not in names:
            names.append(name)
    return names


_NAME_LINE = re.compile(
    r"^[◎]?\s*(?:文\s*/\s*)?[\u4e00-\u9fff·]{2,5}(?:[\s、，,;；]+[\u4e00-\u9fff·]{2,5}){0,5}$"
)


def byline_authors(byline: str, first_line: str = "") -> list[str]:
    """The authors from the byline under the title, checked against the body's
    first line, which repeats them with separators where the byline runs
    several names together.

    >>> byline_authors("虞崇胜温潇俊", "虞崇胜 温潇俊")
    ['虞崇胜', '温潇俊']
    >>> byline_authors("陈殊书", "陈殊书")
    ['陈殊书']
    >>> byline_authors("张学明", "青浦区人大常委会高度重视联系人民群众工作。")
    ['张学明']
    >>> byline_authors("", "倾听民声")
    []
    """
    byline = byline.strip()
    if not byline:
        return []
    if _NAME_LINE.match(first_line.strip()):
        names = split_authors(first_line)
        if "".join(names) == re.sub(r"\s+", "", byline):
            return names
    return split_authors(byline)
