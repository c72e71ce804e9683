"""Field rules shared by every site parser: issue labels, dates, ids, authors,
keywords and titles. Each rule is a pure function of strings; site modules call
them and never re-implement them."""

from __future__ import annotations

from crawler.fields.authors import (
    author_line_names,
    byline_authors,
    is_organisation,
    is_person_name,
    names_apart,
    split_authors,
    strip_affiliation,
)
from crawler.fields.dates import Posted, posted, url_date
from crawler.fields.ids import article_id
from crawler.fields.keywords import keyword_line, page_keywords
from crawler.fields.labels import IssueLabel, halfwidth_digits, issue_label
from crawler.fields.surnames import has_surname
from crawler.fields.titles import clean_title, strip_bullets

__all__ = [
    "IssueLabel",
    "Posted",
    "article_id",
    "author_line_names",
    "byline_authors",
    "clean_title",
    "halfwidth_digits",
    "has_surname",
    "is_organisation",
    "is_person_name",
    "issue_label",
    "keyword_line",
    "names_apart",
    "page_keywords",
    "posted",
    "split_authors",
    "strip_affiliation",
    "strip_bullets",
    "url_date",
]
