"""The article record that parsers fill and pipelines clean and store."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Article:
    """One journal article as found on one page.

    `body` holds paragraphs and section headings one per line. `date` is the
    aggregator's posting date (`YYYY-MM-DD`), `time` its time where the page
    gives one; neither is the issue's date. `article_id` is the aggregator's
    article number, shared by its desktop, mobile and mirror copies.
    `column` and `toc_position` come from the issue page's table of
    contents, not the article page: only a copy reached through one has them.
    """

    url: str | None = None
    source_host: str | None = None
    article_id: int | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    time: str | None = None
    journal: str | None = None
    year: int | None = None
    issue: str | None = None
    issue_label: str | None = None
    keywords: list[str] = field(default_factory=list)
    # The article's own keyword line, where it differs from the page's tags.
    body_keywords: list[str] = field(default_factory=list)
    body: str | None = None
    flags: list[str] = field(default_factory=list)
    fetched_at: str | None = None
    # How many articles the table of contents of the issue page it was found on lists.
    toc_count: int | None = None
    # The column (栏目, an `h5` heading) the issue's table of contents lists it under;
    # None where the page gave no table of contents or listed it under no heading.
    column: str | None = None
    # Its 1-based place among all articles of that table of contents, across columns.
    toc_position: int | None = None
