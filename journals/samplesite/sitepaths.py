"""Addresses on the sample site's aggregator, in the URL shapes of `docs/fx361.md`
("Page kinds" and "The model"), and the categories its navigation lists.

Desktop host (`www.`): `/bk/<cat>.html`, `/bk/<code>/index.html`,
`/bk/<code>/history_YYYY.html`, `/bk/<code>/<YYYY><N>.html` (N not zero-padded;
a combined issue `Zn` as `<YYYY>zn`, which the evidence does not show),
`/page/YYYY/MMDD/<id>.shtml`. Mobile host (`m.`): `/news/YYYY/MMDD/<id>.html`,
with the same date and number as the desktop page.
"""

from __future__ import annotations

from typing import NamedTuple

from journals.samplesite.samples import SampleArticle, SampleIssue, SampleJournal


class Category(NamedTuple):
    name: str
    journals: tuple[str, ...]  # journal codes, in the order the category page lists them


# The sample site's categories (a journal may be in two: 人大研究).
CATEGORIES: dict[str, Category] = {
    "szzh": Category("时政综合", ("shrdyk", "zjrd", "tjrd", "gmyfz", "rdyj")),
    "xs": Category("学术", ("rdyj",)),
}

LOADING_GIF = "/static/loading.gif"  # what a lazy image shows until it is scrolled to


def _code(journal: SampleJournal | str) -> str:
    return journal if isinstance(journal, str) else journal.code


def issue_slug(issue: SampleIssue) -> str:
    """An issue's part of its URL: the year and the number, not zero-padded.

    >>> from journals.samplesite.samples import SampleIssue
    >>> numbers = ((2018, "9"), (2018, "12"), (2015, "Z1"))
    >>> [issue_slug(SampleIssue(year, n, "", ())) for year, n in numbers]
    ['20189', '201812', '2015z1']
    """
    return f"{issue.year}{issue.issue.lower()}"


def category_path(code: str) -> str:
    """A category's page, all its journals on it.

    >>> category_path("szzh")
    '/bk/szzh.html'
    """
    return f"/bk/{code}.html"


def journal_path(journal: SampleJournal | str) -> str:
    """A journal's home page (its newest issue's contents).

    >>> journal_path("shrdyk")
    '/bk/shrdyk/index.html'
    """
    return f"/bk/{_code(journal)}/index.html"


def year_path(journal: SampleJournal | str, year: int) -> str:
    """The page of a journal's issues of one year.

    >>> year_path("zjrd", 2015)
    '/bk/zjrd/history_2015.html'
    """
    return f"/bk/{_code(journal)}/history_{year}.html"


def issue_path(journal: SampleJournal | str, issue: SampleIssue) -> str:
    return f"/bk/{_code(journal)}/{issue_slug(issue)}.html"


def article_path(article: SampleArticle) -> str:
    """The desktop page: `/page/YYYY/MMDD/<id>.shtml`, the date the posting date."""
    return f"/page/{article.posted_at:%Y/%m%d}/{article.id}.shtml"


def mobile_path(article: SampleArticle) -> str:
    """The mobile page: `/news/YYYY/MMDD/<id>.html`, the desktop page's date and number."""
    return f"/news/{article.posted_at:%Y/%m%d}/{article.id}.html"


def cover_url(journal: SampleJournal | str, issue: SampleIssue) -> str:
    return f"/static/cover/{_code(journal)}/{issue_slug(issue)}.jpg"


def categories_of(journal: SampleJournal | str) -> list[str]:
    """The codes of the categories that list a journal.

    >>> categories_of("rdyj"), categories_of("tjrd")
    (['szzh', 'xs'], ['szzh'])
    """
    return [code for code, cat in CATEGORIES.items() if _code(journal) in cat.journals]
