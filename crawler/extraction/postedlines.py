"""Lines giving an article's posting time, with at most a short byline run
together with it: `2018-11-20 01:18:20陈殊书`, `令狐怡涛 2018-11-22 20:32:31`,
`发布时间：2019年11月11日 07:07 阅读：5131`."""

from __future__ import annotations

import re

from crawler import fields
from crawler.extraction.infolabels import DATE_WORDS

_DATE_LABEL = re.compile(rf"^(?:{DATE_WORDS})\s*[:：]?\s*(?=[\d０-９])")
_DATE_ANYWHERE = re.compile(
    r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?(?:\s*\d{1,2}:\d\d(?::\d\d)?)?"
)

# Counters a site prints beside the posting time: `阅 469`, `浏览：12`, `转 31`.
_COUNTERS = re.compile(
    r"\s*(?:阅读|閱讀|阅|閱|浏览|瀏覽|点击|點擊|评论|評論|转|轉|收藏|赞|讚)\s*[:：]?\s*\d+\s*(?:次)?\s*$"
)


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
