"""Who wrote an article, as its lines print it: a line of names under the
title (`白彬`, `周义 崔辉`, `唐洋海1何燕2秦红2`), names beside the posting time
that may be an account's instead, and, where the header names none, the body's
own: the title printed again over the names, `（作者：…）` after the text, a
note on the author (`作者简介：…`)."""

from __future__ import annotations

import re

from crawler import fields
from pipelines.cleaning.body import is_furniture
from pipelines.cleaning.chars import SPACES

NAMES = re.compile(r"^[\u4e00-\u9fff·]{2,4}(?:[\s、，,;；]+[\u4e00-\u9fff·]{1,4}){0,6}$")
# `1. 浙江省人大常委会研究室2. 浙江大学光华法学院`, `（兰州大学法学院，甘肃兰州 730000）`
AFFILIATION = re.compile(
    r"^[（(]?\s*(?:\d\s*[.、．]\s*)?[\u4e00-\u9fff]{2,20}?"
    r"(?:大学|学院|研究室|研究院|研究所|研究中心|委员会|常委会|常委會|党校|法院|检察院|政府|办公室|办公厅)"
)


def people(byline: str) -> str:
    """A byline without the account, site or user a page prints beside the
    posting time (`参考编辑部 人大研究参考 2016-04-27`, `闲云野鹤2016 2017-03-07`):
    '' where it names no person.

    >>> people("陈殊书"), people("虞崇胜温潇俊"), people("法苑漫步"), people("闲云野鹤2016")
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


def names_text(line: str) -> str:
    """A line of names without the affiliation numbers a database prints after
    each (`唐洋海1何燕2秦红2` → `唐洋海 何燕 秦红`) or footnote marks.

    >>> names_text("唐洋海1何燕2秦红2"), names_text("王晓1,2 李明*")
    ('唐洋海 何燕 秦红', '王晓 李明')
    """
    text = fields.strip_bullets(line).strip()
    text = re.sub(r"(?<=[\u4e00-\u9fff])(?:\d+(?:[,，]\d+)*|[*＊※])", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def is_names(line: str) -> bool:
    """A line of people's names and nothing else (`白彬`, `周义 崔辉`)."""
    text = names_text(line)
    if not NAMES.match(text):
        apart = fields.names_apart(text) if re.fullmatch(r"[\u4e00-\u9fff]{5,9}", text) else None
        return bool(apart) and all(fields.is_person_name(n) for n in apart)  # `崔祥志白彬`
    names = fields.split_authors(text)
    if len(names) == 1 and not fields.has_surname(names[0]):
        return False  # a user's or column's name (`法苑漫步`)
    return bool(names) and all(fields.is_person_name(n) for n in names)


def reprinted_byline(title: str, body: list[str]) -> list[str]:
    """The names under the title where the text prints the title again
    before itself (a journal's front matter): `题目 / 韩静 / （单位）`."""
    body = [line for line in body[:6] if not is_furniture(line)]
    if len(body) < 2 or squash_title(body[0]) != squash_title(title):
        return []
    names = fields.split_authors(body[1]) if len(body[1]) <= 30 else []
    if names and all(fields.is_person_name(n) for n in names):
        return names
    return []


_CLOSING_BYLINE = re.compile(
    r"^[（(]?\s*(?:作\s*者|撰\s*稿|执\s*笔)\s*[:：]\s*(?P<names>[^）)]+?)[）)]?$"
)


def closing_byline(body: list[str]) -> list[str]:
    """The authors a text names after itself: `（作者：王晓，浙江省人大常委会研究室）`."""
    for line in body[-3:]:
        match = _CLOSING_BYLINE.match(line.strip())
        if match:
            names = fields.split_authors(re.split(r"[,，]\s*(?=\S{5,})", match["names"])[0])
            if names and all(fields.is_person_name(n) for n in names):
                return names
    return []


_BIO = re.compile(r"^(?:作者简介|作者簡介)\s*[:：]\s*(?P<name>[\u4e00-\u9fff·]{2,8}?)\s*[（(，,]")


def bio_byline(body: list[str]) -> list[str]:
    """The author a note on the author names (`作者简介：白卫勇，甘肃省…`)."""
    for line in body[:15]:
        match = _BIO.match(line.strip())
        if match and fields.is_person_name(match["name"]) and fields.has_surname(match["name"]):
            return [match["name"]]
    return []


# Spaces (spelled out: pipelines/cleaning/chars.py) and the stars round a title.
_SQUASHED = re.compile(f"[{SPACES}*＊※]")


def squash_title(text: str) -> str:
    """A title, or a line that may name one, without spaces or stars: as two
    lines are compared where one may be the other.

    >>> squash_title("＊ 青浦： 做好 联系 ＊")
    '青浦：做好联系'
    """
    return _SQUASHED.sub("", text)
