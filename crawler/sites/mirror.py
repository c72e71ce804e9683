"""Copy sites of the aggregator in the `arc` template (the seed page's layout).

These copies put everything inside one `div.arc`: the injected spam, the
title, the byline, the journal line, the keyword links, the body, the
related-articles block and a spam footer. Only the title, byline, journal
line and keywords are picked out here; every other line of the container
goes to the body, where the cleaning pipeline removes spam and the
related-articles block (so what was removed is recorded on the article).
"""

from __future__ import annotations

from scrapy.http import TextResponse

from crawler import fields
from crawler.extraction.lines import visible_lines
from crawler.items import Article
from crawler.loaders import ArticleLoader

CONTAINER = "div.arc"
TITLE = "h2.arc-title"
BYLINE = "div.arc-info"
SOURCE = "div.arc-from"
KEYWORDS = "div.arc-tags a::text"
HEADER_CLASSES = frozenset({"arc-title", "arc-info", "arc-from", "arc-tags"})
BODY = "div.arc-body"


def matches(response: TextResponse) -> bool:
    return bool(response.css(f"{CONTAINER} {TITLE}"))


def parse_article(response: TextResponse) -> Article:
    container = response.css(CONTAINER)[0]
    loader = ArticleLoader(response=response)
    loader.add_value("title", " ".join(visible_lines(container.css(TITLE)[0])))
    byline = loader.add_posted_line(" ".join(visible_lines(container.css(BYLINE)[0])))
    source = " ".join(visible_lines(container.css(SOURCE)[0])) if container.css(SOURCE) else ""
    journal, _, label = source.partition(" ")
    loader.add_issue_line(journal, label)
    loader.add_css("keywords", KEYWORDS)

    body: list[str] = []
    for child in container.xpath("./*"):
        if HEADER_CLASSES.intersection(child.attrib.get("class", "").split()):
            continue
        body.extend(visible_lines(child))
    body_start = visible_lines(container.css(BODY)[0]) if container.css(BODY) else []
    loader.add_value("authors", fields.byline_authors(byline, body_start[0] if body_start else ""))
    loader.add_value("body", body)
    return loader.load_item()
