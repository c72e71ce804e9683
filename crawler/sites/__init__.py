"""Site parsers: one module per site, each with `matches(response)` and
`parse_article(response)`. `parse_article` here decodes the page right, tries
the site parsers first, lets the generic extractor handle any other host and
fill what a site parser missed, and adds what every page shares (URL, article
id, host, fetch time)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from types import ModuleType
from urllib.parse import urlsplit

from scrapy.http import Response, TextResponse
from scrapy.settings import BaseSettings
from scrapy.utils.misc import load_object

from crawler import fields
from crawler.extraction import generic
from crawler.extraction.decoding import redecode
from crawler.items import Article
from crawler.sites import fx361, mirror
from pipelines.checks import MAX_BODY_CHARS

PARSERS: tuple[ModuleType, ...] = (fx361, mirror)
FILLABLE = ("title", "date", "time", "authors", "journal", "year", "issue", "issue_label", "body")


class NotAnArticle(ValueError):
    """The page is not an article page of any layout we know."""


def article_parser(settings: BaseSettings) -> Callable[[Response], Article]:
    """The function that turns an article page into an Article: the setting
    ARTICLE_PARSER (a dotted path; this module's `parse_article` by default).
    Spiders and `journals reparse` both call what it names."""
    return load_object(settings.get("ARTICLE_PARSER") or "crawler.sites.parse_article")


def parser_for(response: TextResponse) -> ModuleType | None:
    return next((p for p in PARSERS if p.matches(response)), None)


def parse_article(response: Response) -> Article:
    response = redecode(response)
    if not isinstance(response, TextResponse):
        raise NotAnArticle(f"{response.url} is not a text page")
    parser = parser_for(response)
    if parser is not None:
        article = parser.parse_article(response)
        # The generic reading only fills what the site parser left empty: where it
        # left nothing, it is not made at all (it is half the parsing time).
        if _unfilled(article) and (found := generic.parse_article(response)) is not None:
            _fill(article, found)
    elif (found := generic.parse_article(response)) is not None:
        article = found
    else:
        raise NotAnArticle(response.url)
    if article.body and len(article.body) > MAX_BODY_CHARS:
        # Cut before cleaning, which costs per line: a runaway page is not an article's length.
        article.body = article.body[:MAX_BODY_CHARS].rsplit("\n", 1)[0]
        article.flags.append("body_truncated")
    _keywords_from_body(article)
    article.url = response.url
    article.source_host = (urlsplit(response.url).hostname or "").lower()
    article.article_id = fields.article_id(response.url)
    if article.date is None and (from_url := fields.url_date(response.url)):
        article.date = from_url
        article.flags.append("date_from_url")
    article.fetched_at = datetime.now(UTC).isoformat(timespec="seconds")
    return article


def _unfilled(article: Article) -> bool:
    """Whether `_fill` could change the article: a field it fills is empty."""
    return not article.keywords or not all(getattr(article, name) for name in FILLABLE)


def _fill(article: Article, found: Article) -> None:
    """Fields the site parser left empty, from the generic reading."""
    if not article.journal and found.journal:
        for name in ("journal", "year", "issue", "issue_label"):
            setattr(article, name, getattr(found, name))
    for name in FILLABLE:
        if not getattr(article, name) and getattr(found, name):
            setattr(article, name, getattr(found, name))
    if not article.keywords and found.keywords:
        article.keywords = found.keywords
        article.flags += [f for f in found.flags if f not in article.flags]


def _keywords_from_body(article: Article) -> None:
    """The article's own keyword line (`关键词：a；b`) serves where the page has
    none; where both exist and differ, the body's list is kept beside."""
    for line in (article.body or "").split("\n")[:20]:
        words = fields.keyword_line(line)
        if words:
            if not article.keywords:
                article.keywords = words
            elif words != article.keywords:
                article.body_keywords = words
            return
