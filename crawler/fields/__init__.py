"""Field rules shared by every site parser: issue labels, dates, ids, authors,
keywords and titles. Each rule is a pure function of strings; site modules call
them and never re-implement them."""

from __future__ import annotations

from crawler.fields.authors import (
    author_line_names,
    byline_authors,
    split_authors,
    strip_affiliation,
)
from crawler.fields.dates import Posted, posted, url_date
from crawler.fields.ids import article_id
from crawler.fields.labels import IssueLabel, halfwidth_digits, issue_label

__all__ = [
    "IssueLabel",
    "Posted",
    "article_id",
    "author_line_names",
    "byline_authors",
    "halfwidth_digits",
    "issue_label",
    "posted",
    "split_authors",
    "strip_affiliation",
    "url_date",
]
