"""Issue labels as journals print them: `2018年第9期`, `2018年Z1期`, `2018(9)`."""

from __future__ import annotations

import re
from dataclasses import dataclass

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
