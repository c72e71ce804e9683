"""Posting dates: the line under the title, and the date in aggregator URLs.

Dates and times are checked here, where they are read, with `datetime.date`
and `datetime.time`: one that does not exist (2018-02-31, month 19, 25:99) is
no value, never a string that looks like a date. An article whose page gives
no date that exists takes the date its URL carries (`url_date`), flagged
`date_from_url` (crawler/sites/__init__.py); a time that does not exist is
dropped and the date kept."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from crawler.fields.labels import halfwidth_digits

_DATE_RE = re.compile(
    r"(?P<y>(?:19|20)\d\d)[-/.年](?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})日?"
    r"(?:\s*(?P<time>\d{1,2}:\d\d(?::\d\d)?))?"
)


def iso_date(year: int, month: int, day: int) -> str | None:
    """`YYYY-MM-DD` for a date that exists; None for one that does not.

    >>> iso_date(2016, 2, 29), iso_date(2018, 2, 29), iso_date(2018, 2, 31)
    ('2016-02-29', None, None)
    >>> iso_date(2018, 19, 5) is None, iso_date(2018, 11, 0) is None
    (True, True)
    """
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def iso_time(hour: int, minute: int, second: int = 0) -> str | None:
    """`HH:MM:SS` for a time of day that exists; None for one that does not.

    >>> iso_time(9, 5), iso_time(23, 59, 59)
    ('09:05:00', '23:59:59')
    >>> iso_time(25, 0) is None, iso_time(10, 99) is None, iso_time(24, 0) is None
    (True, True, True)
    """
    try:
        return dt.time(hour, minute, second).isoformat()
    except ValueError:
        return None


@dataclass(frozen=True)
class Posted:
    """A posting date (`YYYY-MM-DD`; None where the line's date does not
    exist), its time where the page gives one that exists, and what followed
    it on the same line (on these pages: the authors)."""

    date: str | None
    time: str | None
    rest: str


def posted(text: str) -> Posted | None:
    """Read the posting date line, which runs the authors on after the time.
    None where the text has no date; a date written as one that does not
    exist is still the posting line (its authors count), with no date.

    >>> posted("2018-11-20 01:18:20陈殊书")
    Posted(date='2018-11-20', time='01:18:20', rest='陈殊书')
    >>> posted("2014-07-10张学明")
    Posted(date='2014-07-10', time=None, rest='张学明')
    >>> posted("２０１６－０６－３０ 9:05")
    Posted(date='2016-06-30', time='09:05:00', rest='')
    >>> posted("2018-02-31 01:18:20陈殊书")  # no 31 February: no date, nor its time
    Posted(date=None, time=None, rest='陈殊书')
    >>> posted("2018年19月05日")  # no month 19
    Posted(date=None, time=None, rest='')
    >>> posted("2018-11-20 25:10:00陈殊书")  # no hour 25: the date stays
    Posted(date='2018-11-20', time=None, rest='陈殊书')
    >>> posted("2018-11-20 10:99")
    Posted(date='2018-11-20', time=None, rest='')
    >>> posted("陈殊书") is None
    True
    """
    match = _DATE_RE.search(halfwidth_digits(text))
    if match is None:
        return None
    rest = text[match.end() :].strip()
    date = iso_date(int(match["y"]), int(match["m"]), int(match["d"]))
    if date is None:
        return Posted(None, None, rest)
    time = None
    if match["time"]:
        time = iso_time(*(int(p) for p in match["time"].split(":")))
    return Posted(date, time, rest)


_URL_DATE_RE = re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]\d)(?P<d>[0-3]\d)/")


def url_date(url: str) -> str | None:
    """The posting date that aggregator URLs carry (only a fallback), where
    it exists.

    >>> url_date("https://www.fx361.com/page/2018/1120/5108306.shtml")
    '2018-11-20'
    >>> url_date("https://www.fx361.com/page/2018/1939/5108306.shtml") is None
    True
    >>> url_date("https://www.fx361.com/page/2018/0231/5108306.shtml") is None
    True
    >>> url_date("https://example.com/a/1.html") is None
    True
    """
    match = _URL_DATE_RE.search(url)
    if match is None:
        return None
    return iso_date(int(match["y"]), int(match["m"]), int(match["d"]))
