"""A parser broken the way a site's new layout breaks one: articles still come
out, without authors and keywords. Named by `-s ARTICLE_PARSER=
tests.support.brokenparser.parse_article` in the quality-alarm tests (the crawl runs
with the repository as its working directory, so `tests` is importable)."""

from __future__ import annotations

from scrapy.http import Response

from crawler.items import Article
from crawler.sites import parse_article as real_parse_article


def parse_article(response: Response) -> Article:
    article = real_parse_article(response)
    article.authors = []
    article.keywords = []
    return article
