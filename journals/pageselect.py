"""Which stored pages (`pages`, crawler/spidermiddlewares/pagearchive.py) `journals reparse` covers:
those of the articles a search or an export would cover (journals/filters.py),
matched by the URLs the articles were seen at, and the page's own host, URL
and fetch time. Every value becomes a bound parameter."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, func, or_, select

from journals.filters import EVERYTHING, Filters, filtered
from pipelines.db import models


@dataclass(frozen=True)
class PageSelection:
    """Which stored pages to reparse; all conditions must hold."""

    filters: Filters = EVERYTHING  # of the articles stored from the page (its URL a source)
    hosts: tuple[str, ...] = ()  # any of these hosts
    url_pattern: str | None = None  # the whole URL, either case; * matches any text
    since: str | None = None  # fetched at or after (UTC, ISO 8601)
    article_ids: tuple[int, ...] = ()  # pages of any of these articles


def like_pattern(glob: str) -> str:
    """A LIKE pattern (escape `\\`) for a pattern where `*` matches any text.

    >>> like_pattern("*/page/2018/*"), like_pattern("http://a_b/100%")
    ('%/page/2018/%', 'http://a\\\\_b/100\\\\%')
    """
    escaped = glob.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped.replace("*", "%")


def selected_pages(selection: PageSelection) -> Select[tuple[int]]:
    """The ids of the pages `selection` covers, in the order they were stored."""
    page = models.Page
    query = select(page.id).order_by(page.id)
    if selection.filters != EVERYTHING or selection.article_ids:
        urls = filtered(select(models.Source.url).join(models.Source.article), selection.filters)
        if selection.article_ids:
            urls = urls.where(models.Source.article_id.in_(selection.article_ids))
        query = query.where(page.url.in_(urls))
    if selection.hosts:
        url = func.lower(page.url)
        query = query.where(
            or_(
                *(
                    url.like(f"%://{like_pattern(host.lower())}{end}", escape="\\")
                    for host in selection.hosts
                    for end in ("/%", ":%")
                )
            )
        )
    if selection.url_pattern:
        # Letters of either case, in every database: SQLite's LIKE ignores the
        # case of ASCII letters, PostgreSQL's does not, lower() on both does.
        pattern = func.lower(like_pattern(selection.url_pattern))
        query = query.where(func.lower(page.url).like(pattern, escape="\\"))
    if selection.since:
        query = query.where(page.fetched_at >= selection.since)
    return query
