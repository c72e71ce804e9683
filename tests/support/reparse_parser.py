"""A deliberately broken ARTICLE_PARSER, for tests/journals/test_reparse.py: the crawl
run with `-s ARTICLE_PARSER=tests.support.reparse_parser.parse_article` stores damaged
articles, which `journals reparse` with the right parser must repair.

The damage is what a parser bug does: the title read from `<title>` (with the
site's ` - 参考网` tail) and the keyword links run together into one keyword.
Neither loses a field, so a run's coverage is what it would be."""

from __future__ import annotations

from scrapy.http import Response

from crawler import sites
from crawler.items import Article

TAIL = " - 参考网"


def parse_article(response: Response) -> Article:
    article = sites.parse_article(response)
    article.title = f"{article.title}{TAIL}"
    if len(article.keywords) > 1:
        article.keywords = ["".join(article.keywords)]
    return article
