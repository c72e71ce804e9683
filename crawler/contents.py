"""What an issue's table of contents says of each article it lists: the
journal, year and issue the article was reached under, its column (栏目) and
its position. The walk carries it from the issue page to the article page (as
the request's `cb_kwargs`), the page archive keeps it with the page, and
`journals reparse` gives it back: an article whose page prints no journal line
is placed the same way by a crawl and by every reparse of its page."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crawler.items import Article

# The request arguments that carry it (besides `toc`, how many the contents list).
KEYS = ("journal", "year", "issue", "issue_label", "column", "position")


def of_request(cb_kwargs: Mapping[str, Any]) -> dict[str, Any] | None:
    """The contents' word on an article, from its request's arguments; None
    for a page not reached from a table of contents.

    >>> of_request({"toc": 3, "journal": "浙江人大", "year": 2018, "issue": "9",
    ...             "issue_label": "2018年9期", "column": "监督视点", "position": 2})
    {'journal': '浙江人大', 'year': 2018, 'issue': '9', 'issue_label': '2018年9期', \
'column': '监督视点', 'position': 2}
    >>> of_request({"toc": None}) is None
    True
    """
    found = {key: cb_kwargs[key] for key in KEYS if cb_kwargs.get(key) is not None}
    return found or None


def place(
    article: Article,
    journal: str | None = None,
    year: int | None = None,
    issue: str | None = None,
    issue_label: str | None = None,
    column: str | None = None,
    position: int | None = None,
) -> bool:
    """Give `article` the column and position the contents list it at, and
    the journal, year and issue it was reached under: where the page prints
    none, and where what was read from the page differs, so that every article
    of an issue is stored under the name and number the walk (and its
    incremental checks) know it by. True where the page said otherwise.

    >>> article = Article(journal="江军雪上海人大月刊", year=2018, issue="9")
    >>> place(article, "上海人大月刊", 2018, "9", "2018年9期", "代表风采", 3)
    True
    >>> article.journal, article.issue_label, article.column, article.toc_position
    ('上海人大月刊', '2018年9期', '代表风采', 3)
    >>> place(Article(journal="浙江人大", year=2016, issue="2"), "浙江人大")
    False
    """
    article.column = column
    article.toc_position = position
    if not journal:
        return False
    page = (article.journal, article.year, article.issue)
    toc = (journal, year, issue) if year is not None and issue else (journal, *page[1:])
    article.journal = journal
    if year is not None and issue:
        article.year, article.issue, article.issue_label = year, issue, issue_label
    return bool(page[0]) and page != toc
