"""What a page states outside its text lines, mostly for machines: JSON-LD,
`<h1>`, `<title>` and the meta tags naming the title, the author
(`<meta name="author">`, `itemprop="author"`) and the posting time
(`article:published_time`, JSON-LD `datePublished`, `<time datetime>`)."""

from __future__ import annotations

import json
import re
from typing import Any

from scrapy.http import TextResponse

from crawler import fields
from crawler.extraction.lines import visible_lines

_TITLE_SPLIT = re.compile(
    r"\s*(?:_|\||｜| - | – | — |－|(?<=[\u4e00-\u9fff”》）])-(?=[\u4e00-\u9fff“《（]))\s*"
)

# Elements whose class or id says title (any case), <title> aside: found from the
# attributes, which is a third of the time of testing every element's.
_CALLED_TITLE = (
    "(//@class[contains(translate(., 'TITLE', 'title'), 'title')]"
    " | //@id[contains(translate(., 'TITLE', 'title'), 'title')])/parent::*[not(self::title)]"
)


def json_ld(response: TextResponse) -> list[dict[str, Any]]:
    """The objects of a page's JSON-LD scripts (unreadable ones skipped)."""
    entries: list[dict[str, Any]] = []
    for script in response.css('script[type="application/ld+json"]::text').getall():
        try:
            data = json.loads(script)
        except ValueError:
            continue
        entries += [e for e in (data if isinstance(data, list) else [data]) if isinstance(e, dict)]
    return entries


def title_candidates(response: TextResponse) -> list[tuple[str, int]]:
    """Titles the page states outside its text, each with a rank: 0 for what
    names the page (`<h1>`, og:title, JSON-LD, `<title>`), 1 for lesser
    headings and elements called a title (a box of related articles has one)."""
    found = [(" ".join(visible_lines(h)), 0) for h in response.css("h1")]
    found += [(" ".join(visible_lines(h)), 1) for h in response.css("h2, h3")]
    for element in response.xpath(_CALLED_TITLE):
        lines = visible_lines(element)
        if len(lines) <= 2:
            found.append((" ".join(lines), 1))
    named = response.css(
        'meta[name="title"]::attr(content), meta[itemprop="headline"]::attr(content),'
        ' meta[property="og:title"]::attr(content)'
    ).getall()
    named += [e["headline"] for e in json_ld(response) if isinstance(e.get("headline"), str)]
    found += [(text, 0) for text in named]
    # `标题_栏目_站名`: the first part names the page, the others its place.
    parts = [p for p in _TITLE_SPLIT.split(response.css("title::text").get("")) if len(p) >= 4]
    found += [(part, 0 if n == 0 else 1) for n, part in enumerate(parts)]
    return [(text.strip(), rank) for text, rank in found if text.strip()]


def stated_authors(response: TextResponse) -> list[str]:
    """Authors a page states outside its text lines, where those name none:
    JSON-LD `author`, `<meta name="author">`, elements marked as the author
    (`itemprop="author"`, `rel="author"`, `class="author"`). Only what reads as
    people's names counts: a site's or its software's name is no author."""
    stated: list[str] = []
    for entry in json_ld(response):
        author = entry.get("author")
        for one in author if isinstance(author, list) else [author]:
            name = one.get("name") if isinstance(one, dict) else one
            if isinstance(name, str):
                stated.append(name)
    stated += response.xpath(
        "//meta[translate(@name, 'AUTHOR', 'author')='author']/@content"
    ).getall()
    for element in response.xpath(
        "//*[@itemprop='author' or @rel='author' or contains(concat(' ', @class, ' '), ' author ')]"
    ):
        stated.append(" ".join(element.xpath(".//text()").getall()))
    for text in stated:
        names = fields.split_authors(text)
        if names and all(fields.is_person_name(n) for n in names):
            return names
    return []


_DATE_METAS = (
    "article:published_time",
    "og:article:published_time",
    "pubdate",
    "publishdate",
    "publish_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "firstpublishedtime",
)


def stated_date(response: TextResponse) -> str:
    """The posting time a page states only for machines, where its text shows
    none: meta tags (`article:published_time`, `PubDate`, …), JSON-LD
    `datePublished`, a `<time datetime>`. As `YYYY-MM-DD HH:MM:SS` text, or ''."""
    found: list[str] = []
    for meta in response.xpath("//meta[@content]"):
        key = (meta.attrib.get("property") or meta.attrib.get("name") or "").lower()
        if key in _DATE_METAS:
            found.append(meta.attrib["content"])
    found += [
        e["datePublished"] for e in json_ld(response) if isinstance(e.get("datePublished"), str)
    ]
    found += response.xpath("//time/@datetime").getall()
    for value in found:
        match = re.match(r"\s*((?:19|20)\d\d-\d\d-\d\d)(?:[T ](\d\d:\d\d(?::\d\d)?))?", value)
        if match:
            return " ".join(part for part in match.groups() if part)
    return ""
