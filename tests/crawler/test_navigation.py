"""The aggregator's pages as the parser reads them (crawler/sites/fx361.py,
crawler/sites/fx361nav.py): each page kind of the sample site by its
selectors, the same page with every class and id renamed by its links' URL
shapes, and small pages written here for what the sample site does not show."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from scrapy.http import HtmlResponse

from crawler import sites
from crawler.sites import fx361, fx361nav
from journals.samplesite import render, server
from journals.samplesite.chrome import rename_attributes
from journals.samplesite.corpus import SampleArticle, SampleIssue, SampleJournal, all_articles
from journals.samplesite.mobilepages import mobile_article_page

BASE = "https://www.fx361.com"
MOBILE = "https://m.fx361.com"
Variant = Callable[[str], str]
KEEP: Variant = lambda html: html  # noqa: E731
BOTH = pytest.mark.parametrize(
    ("variant", "by"), [(KEEP, "selector"), (rename_attributes, "url")], ids=["model", "renamed"]
)


def page(path: str, html: str, base: str = BASE) -> HtmlResponse:
    return HtmlResponse(base + path, body=html.encode("utf-8"), encoding="utf-8")


def journals() -> list[SampleJournal]:
    return list({j.code: j for j, _, _ in all_articles()}.values())


def journal(code: str) -> SampleJournal:
    return next(j for j in journals() if j.code == code)


def served(path: str, variant: Variant) -> HtmlResponse:
    html = server.aggregator_page(path)
    assert html is not None, path
    return page(path, variant(html))


# -- navigation pages, by selector and by URL shape ---------------------------------------


@BOTH
def test_home_page_lists_the_category_pages(variant: Variant, by: str) -> None:
    links = fx361nav.categories(served("/", variant))
    assert links.by == by
    assert list(links.found) == [BASE + render.category_path(c) for c in render.CATEGORIES]


@BOTH
def test_category_page_lists_its_journals(variant: Variant, by: str) -> None:
    for code, category in render.CATEGORIES.items():
        entries = fx361nav.journals(served(render.category_path(code), variant))
        assert entries.by == by
        assert [(e.name, e.url, e.code) for e in entries.found] == [
            (journal(c).name, BASE + render.journal_path(c), c) for c in category.journals
        ]
        # the newest issue's label is read where the markup is understood
        latest = [journal(c).issues[0].label for c in category.journals]
        assert [e.latest for e in entries.found] == (
            latest if by == "selector" else [None] * len(latest)
        )


@BOTH
def test_journal_home_links_its_newest_year_page(variant: Variant, by: str) -> None:
    for each in journals():
        home = served(render.journal_path(each), variant)
        assert fx361nav.journal_title(home) == each.name
        link = fx361nav.year_link(home)
        assert link.by == by
        assert list(link.found) == [BASE + render.year_path(each, each.issues[0].year)]


@BOTH
def test_year_page_lists_its_years_and_issues(variant: Variant, by: str) -> None:
    for each in journals():
        years = sorted({i.year for i in each.issues}, reverse=True)
        for year in years:
            response = served(render.year_path(each, year), variant)
            tabs = fx361nav.year_tabs(response)
            assert tabs.by == by
            assert [(t.year, t.url) for t in tabs.found] == [
                (y, BASE + render.year_path(each, y)) for y in years
            ]
            issues = fx361nav.issue_links(response)
            assert issues.by == by
            assert [(i.url, i.label, i.year, i.issue) for i in issues.found] == [
                (BASE + render.issue_path(each, i), i.label, i.year, i.issue)
                for i in each.issues
                if i.year == year
            ]


@BOTH
def test_issue_page_lists_its_articles_with_column_and_place(variant: Variant, by: str) -> None:
    for each in journals():
        for issue in each.issues:
            response = served(render.issue_path(each, issue), variant)
            toc = fx361nav.toc(response)
            assert toc.by == by
            ordered = sorted(issue.articles, key=lambda a: a.position)
            assert [(e.url, e.title, e.column, e.position) for e in toc.found] == [
                (
                    BASE + render.article_path(a),
                    a.title,
                    a.column if by == "selector" else None,
                    a.position,
                )
                for a in ordered
            ]
            assert fx361nav.issue_of_page(response) == (
                each.name,
                fx361.fields.issue_label(issue.label),
                issue.label,
            )


def test_an_empty_issue_and_an_empty_year_page_are_empty() -> None:
    code, year, number = server.EMPTY_ISSUE_AT
    emptied = server.aggregator_page(server.EMPTY_ISSUE_PATH, server.EMPTY_ISSUE)
    assert emptied is not None
    toc = fx361nav.toc(page(server.EMPTY_ISSUE_PATH, emptied))
    assert (toc.found, toc.by) == ((), "none")
    path = render.year_path(code, year)
    empty_year = server.aggregator_page(path, server.EMPTY_YEARS)
    assert empty_year is not None
    issues = fx361nav.issue_links(page(path, empty_year))
    assert (issues.found, issues.by) == ((), "none")


# -- what the sample site does not show ---------------------------------------------------

CHROME_LINKS = (
    '<a href="/">首页</a><a href="/bk/xs.html">学术</a><a href="/bk/other/index.html">别刊</a>'
    '<a href="/bk/other/20181.html">别刊2018年1期</a><a href="/bk/rdyj/20171.html">2017年1期</a>'
    '<a href="https://elsewhere.example/bk/rdyj/20182.html">外站</a>'
    '<a href="/page/2018/0101/9.shtml">热门文章</a>'
)


def test_url_shapes_keep_to_the_page_s_journal_year_and_site() -> None:
    """A redesigned year page read by URL shape: only its own journal's issues
    of its own year, labels from the link text (never from the URL)."""
    html = (
        f"<html><body><div class='top'>{CHROME_LINKS}</div><ul class='list'>"
        "<li><a href='/bk/rdyj/20189.html'><img src='c.jpg'><i>人大研究</i><i>2018年9期</i></a>"
        "</li>"
        "<li><a href='/bk/rdyj/2018z1.html'><b>人大研究 2018年第Z1期</b></a></li>"
        "<li><a href='/bk/rdyj/history_2017.html'>2017</a></li></ul></body></html>"
    )
    response = page("/bk/rdyj/history_2018.html", html)
    issues = fx361nav.issue_links(response)
    assert issues.by == "url"
    assert [(i.url[len(BASE) :], i.year, i.issue) for i in issues.found] == [
        ("/bk/rdyj/20189.html", 2018, "9"),
        ("/bk/rdyj/2018z1.html", 2018, "Z1"),
    ]
    assert [t.year for t in fx361nav.year_tabs(response).found] == [2017]


def test_a_journal_list_by_url_shape_names_each_journal_once() -> None:
    html = (
        "<html><body><ul><li><a href='/bk/zjrd/index.html'><img alt='浙江人大' src='x'></a>"
        "<a href='/bk/zjrd/index.html'>浙江人大</a></li>"
        "<li><a href='/bk/rdyj/index.html' title='人大研究'><img src='y'></a></li></ul>"
        "</body></html>"
    )
    entries = fx361nav.journals(page("/bk/szzh.html", html))
    assert entries.by == "url"
    assert [(e.name, e.code) for e in entries.found] == [("浙江人大", "zjrd"), ("人大研究", "rdyj")]


def test_the_home_page_link_is_no_category() -> None:
    html = "<div class='navBox'><a href='/'>首页</a><a href='/bk/szzh.html'>时政</a></div>"
    assert list(fx361nav.categories(page("/", html)).found) == [BASE + "/bk/szzh.html"]


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/bk/szzh.html", "category"),
        ("/bk/rdyj/index.html", "journal"),
        ("/bk/rdyj/", "journal"),
        ("/bk/rdyj/history_2018.html", "year"),
        ("/bk/rdyj/201812.html", "issue"),
        ("/bk/rdyj/2015z1.html", "issue"),
        ("/page/2018/1120/5108306.shtml", "article"),
        ("/news/2018/1120/5108306.html", "article"),
        ("/bk/", None),
        ("/search?keyword=x", None),
    ],
)
def test_url_shapes(path: str, kind: str | None) -> None:
    assert fx361.kind_of(BASE + path) == kind


# -- article pages ------------------------------------------------------------------------


def one(pick: Callable[[SampleArticle], bool]) -> tuple[SampleJournal, SampleIssue, SampleArticle]:
    return next(f for f in all_articles() if pick(f[2]))


@pytest.mark.parametrize("journal_line", [True, False], ids=["journal line", "none"])
def test_desktop_article(journal_line: bool) -> None:
    found = one(lambda a: bool(a.keywords) and len(a.authors) > 1 and a.show_time)
    each, issue, article = found
    html = render.article_page(*found, related=[found], source_line=journal_line)
    response = page(render.article_path(article), html)
    assert fx361.matches(response)
    parsed = fx361.parse_article(response)
    assert parsed.title == article.title
    assert parsed.authors == list(article.authors)
    assert (parsed.date, parsed.time) == (
        f"{article.posted_at:%Y-%m-%d}",
        f"{article.posted_at:%H:%M:%S}",
    )
    assert parsed.keywords == list(article.keywords)
    expected = (each.name, issue.year, issue.issue) if journal_line else (None, None, None)
    assert (parsed.journal, parsed.year, parsed.issue) == expected
    # the body: the author line, then the text; the related articles are not in it
    lines = (parsed.body or "").split("\n")
    assert lines[1:] == [b.text for b in article.blocks]
    assert article.title not in lines


def test_mobile_article_is_the_same_record() -> None:
    found = one(lambda a: bool(a.keywords))
    each, issue, article = found
    mobile = page(render.mobile_path(article), mobile_article_page(*found, related=[]), MOBILE)
    desktop = page(render.article_path(article), render.article_page(*found, related=[]))
    assert fx361.matches(mobile) and fx361.matches(desktop)
    m, d = sites.parse_article(mobile), sites.parse_article(desktop)
    assert m.article_id == d.article_id == article.id
    for name in (
        "title",
        "authors",
        "date",
        "time",
        "journal",
        "year",
        "issue",
        "keywords",
        "body",
    ):
        assert getattr(m, name) == getattr(d, name), name
    assert m.source_host == "m.fx361.com"


def test_renamed_article_pages_go_to_the_generic_extractor() -> None:
    found = one(lambda a: bool(a.keywords))
    _, _, article = found
    html = rename_attributes(render.article_page(*found, related=[]))
    response = page(render.article_path(article), html)
    assert not fx361.matches(response)
    assert sites.parse_article(response).title == article.title


def test_a_copy_with_the_aggregator_s_path_is_not_the_aggregator() -> None:
    html = "<html><body><div class='article'><h1>标题</h1><p>正文。</p></div></body></html>"
    assert not fx361.matches(page("/page/2018/1120/5108306.shtml", html, "http://copy.example"))
