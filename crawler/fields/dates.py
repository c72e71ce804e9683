"""Posting dates: the line under the title, and the date in aggregator URLs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from crawler.fields.labels import halfwidth_digits

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
