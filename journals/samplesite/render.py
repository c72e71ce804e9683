"""HTML of the sample aggregator's desktop host, rendered from the corpus.

Every page kind of `docs/fx361.md` ("Page kinds", "The model"), with its URL
shape (`sitepaths`) and the selectors the evidence names:

* home `/`: `.navBox a` (the categories), `.sidebarR .list_01 li a` (issues
  recently updated);
* category `/bk/<cat>.html`: `.rowWrap.mb20 li` with `p.pel_m_pic a img`,
  `p.pel_name a`, `p.pel_time`;
* journal home `/bk/<code>/index.html` and issue `/bk/<code>/<YYYY><N>.html`:
  `.dirWrap h3` (the page's first `h3`), `.magBox1` (first `p` the issue label,
  cover, `.rec p`), `a.btn_history.act_history`, `#dirList .dirItem02` (`h5`
  the column, `ul li a` the articles);
* year `/bk/<code>/history_YYYY.html`: `.selBox a` (the years), `.results a`
  (the issues, each with its name and label in `span`s and a cover);
* article `/page/YYYY/MMDD/<id>.shtml`: `.detail_main h1#title`, `.time_source
  span` (time, authors, and on most pages the journal line), `.article_keyword
  a`, `.detail_body .txt p` (the first the author line), `div.article_love`.

The chrome around them is `chrome`'s; the mobile host's pages are `mobilepages`'.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from journals.samplesite.chrome import (
    ad,
    crumbs,
    current_class,
    desktop_page,
    lazy_img,
    side_list,
)
from journals.samplesite.issueplan import JOURNALS, PROVINCES
from journals.samplesite.samples import SampleArticle, SampleIssue, SampleJournal
from journals.samplesite.sitepaths import (
    CATEGORIES,
    article_path,
    categories_of,
    category_path,
    cover_url,
    issue_path,
    issue_slug,
    journal_path,
    mobile_path,
    year_path,
)
from journals.samplesite.tocplan import COLUMNS

__all__ = [
    "CATEGORIES",
    "article_page",
    "article_path",
    "category_page",
    "category_path",
    "home_page",
    "issue_page",
    "issue_path",
    "issue_slug",
    "journal_page",
    "journal_path",
    "mobile_path",
    "posted_text",
    "shows_journal_line",
    "year_page",
    "year_path",
]

Found = tuple[SampleJournal, SampleIssue, SampleArticle]
RECENT_ISSUES = 10  # how many issues the home page lists as recently updated


def shows_journal_line(article: SampleArticle) -> bool:
    """Whether the desktop page prints `<journal> <label>` in `.time_source`: most
    do; about one in five does not (the evidence is silent on which).

    >>> from dataclasses import replace
    >>> from journals.samplesite.corpus import all_articles
    >>> article = all_articles()[0][2]
    >>> [shows_journal_line(replace(article, id=n)) for n in (5108300, 5108301, 5108305)]
    [False, True, False]
    """
    return article.id % 5 != 0


def posted_text(article: SampleArticle) -> str:
    """The posting time as the pages print it; some pages give the date only."""
    return article.posted_at.strftime("%Y-%m-%d %H:%M:%S" if article.show_time else "%Y-%m-%d")


def _posted_first(issue: SampleIssue) -> str:
    return min(a.posted_at for a in issue.articles).isoformat()


def _newest(journal: SampleJournal) -> SampleIssue:
    return journal.issues[0]


def _category_crumb(journal: SampleJournal) -> tuple[str, str]:
    code = categories_of(journal)[0]
    return category_path(code), CATEGORIES[code].name


# --- home and category pages ---------------------------------------------------------------


def home_page(journals: tuple[SampleJournal, ...]) -> str:
    by_code = {j.code: j for j in journals}
    blocks = "".join(
        f'<div class="homeCat"><div class="hd"><a href="{category_path(code)}">{cat.name}</a>'
        f'<a class="more" href="{category_path(code)}">更多&gt;&gt;</a></div><ul class="covers">'
        + "".join(
            f'<li><a href="{journal_path(j)}" target="_blank">'
            f"{lazy_img(cover_url(j, _newest(j)), j.name)}</a>"
            f'<p><a href="{journal_path(j)}" target="_blank">{escape(j.name)}</a></p></li>'
            for j in (by_code[c] for c in cat.journals if c in by_code)
        )
        + "</ul></div>"
        for code, cat in CATEGORIES.items()
    )
    recent = sorted(
        ((j, i) for j in journals for i in j.issues),
        key=lambda pair: _posted_first(pair[1]),
        reverse=True,
    )[:RECENT_ISSUES]
    updated = side_list(
        "最近更新",
        "list_01",
        [
            (issue_path(j, i), f"{j.name} {i.label}", f"{i.articles[0].posted_at:%m-%d}")
            for j, i in recent
        ],
    )
    body = (
        f'<div class="sidebarL"><div class="banner">{lazy_img("/static/img/banner1.jpg", "")}'
        f"</div>{blocks}</div>"
        f'<div class="sidebarR">{updated}{ad("side")}</div>'
    )
    return desktop_page("参考网 - 期刊文章在线阅读", body, current="/")


def category_page(code: str, journals: tuple[SampleJournal, ...]) -> str | None:
    """The journals of a category, all on one page (no paging has been seen)."""
    if code not in CATEGORIES:
        return None
    category = CATEGORIES[code]
    by_code = {j.code: j for j in journals}
    items = "".join(
        '<li><p class="pel_m_pic">'
        f'<a href="{journal_path(j)}" target="_blank">{lazy_img(cover_url(j, _newest(j)), j.name)}'
        f'</a></p><p class="pel_name"><a href="{journal_path(j)}" target="_blank">'
        f'{escape(j.name)}</a></p><p class="pel_time">{escape(_newest(j).label)}</p></li>'
        for j in (by_code[c] for c in category.journals if c in by_code)
    )
    body = (
        crumbs(("", category.name))
        + f'<div class="catHead"><h1>{category.name}</h1><span>共{len(category.journals)}种期刊'
        "</span></div>"
        f'<div class="rowWrap mb20"><ul class="clearfix">{items}</ul></div>'
    )
    return desktop_page(f"{category.name}期刊 - 参考网", body, current=category_path(code))


# --- journal home, issue and year pages ----------------------------------------------------


def _intro(journal: SampleJournal) -> str:
    spec = next(s for s in JOURNALS if s.code == journal.code)
    every = "月" if spec.numbers_per_year == 12 else "半月"
    columns = "、".join(COLUMNS[journal.code][:4])
    return (
        f"《{journal.name}》是{PROVINCES[journal.province]}的人大工作刊物，每{every}一期，"
        f"设有{columns}等栏目，记录地方人大在立法、监督和代表工作中的做法与思考。"
    )


def _contents(issue: SampleIssue, listed: bool) -> str:
    """`#dirList`: one `.dirItem02` per column, its articles in page order."""
    groups: dict[str, list[SampleArticle]] = {}
    for article in sorted(issue.articles, key=lambda a: a.position) if listed else ():
        groups.setdefault(article.column, []).append(article)
    items = "".join(
        f'<div class="dirItem02"><h5>{escape(column)}</h5><ul>'
        + "".join(
            f'<li><a href="{article_path(a)}" title="{escape(a.title)}" target="_blank">'
            f"{escape(a.title)}</a></li>"
            for a in articles
        )
        + "</ul></div>"
        for column, articles in groups.items()
    )
    return f'<div class="dirTit"><span>本期目录</span></div><div id="dirList">{items}</div>'


def _issue_view(journal: SampleJournal, issue: SampleIssue, title: str, listed: bool) -> str:
    """The layout the journal home and the issue pages share."""
    spec = next(s for s in JOURNALS if s.code == journal.code)
    newest_year = _newest(journal).year
    others = [
        (journal_path(code), next(s.name for s in JOURNALS if s.code == code), "")
        for c in categories_of(journal)
        for code in CATEGORIES[c].journals
        if code != journal.code
    ]
    body = (
        crumbs(_category_crumb(journal), (journal_path(journal), journal.name), ("", issue.label))
        + '<div class="sidebarL"><div class="dirWrap">'
        f"<h3>{escape(journal.name)}</h3>"
        f'<div class="magBox1"><p class="qk_qh">{escape(issue.label)}</p>'
        f'<div class="magPic">{lazy_img(cover_url(journal, issue), journal.name)}</div>'
        f'<div class="magInfo"><p>地区：{escape(journal.province)}</p>'
        f"<p>刊期：{'月刊' if spec.numbers_per_year == 12 else '半月刊'}</p>"
        f'<div class="rec"><p>{escape(_intro(journal))}</p></div>'
        f'<a class="btn_history act_history" href="{year_path(journal, newest_year)}">'
        "往期目录</a></div></div>"
        f"{_contents(issue, listed)}</div></div>"
        f'<div class="sidebarR">{side_list("同类期刊", "list_02", others)}{ad("side")}</div>'
    )
    return desktop_page(title, body, current=_category_crumb(journal)[0])


def journal_page(journal: SampleJournal) -> str:
    """`/bk/<code>/index.html`: the journal with its newest issue's contents."""
    return _issue_view(journal, _newest(journal), f"{journal.name} - 参考网", True)


def issue_page(journal: SampleJournal, issue: SampleIssue, *, listed: bool = True) -> str:
    """An issue's contents; `listed=False` prints the page with no articles."""
    title = f"{journal.name}{issue.label}目录 - 参考网"
    return _issue_view(journal, issue, title, listed)


def year_page(journal: SampleJournal, year: int, *, listed: bool = True) -> str | None:
    """The issues of one year, newest first, and a tab per year the journal has;
    None for a year it has none of. `listed=False` leaves `.results` empty."""
    years = sorted({i.year for i in journal.issues}, reverse=True)
    if year not in years:
        return None
    tabs = "".join(
        f'<a href="{year_path(journal, y)}"{current_class(y == year)}>{y}</a>' for y in years
    )
    issues = [i for i in journal.issues if i.year == year] if listed else []
    results = "".join(
        f'<li><a href="{issue_path(journal, i)}" target="_blank">'
        f"{lazy_img(cover_url(journal, i), f'{journal.name}{i.label}')}"
        f"<span>{escape(journal.name)}</span><span>{escape(i.label)}</span></a></li>"
        for i in issues
    )
    body = (
        crumbs(_category_crumb(journal), (journal_path(journal), journal.name), ("", "往期目录"))
        + f'<div class="hisWrap"><div class="hisHead"><h3>{escape(journal.name)}</h3>'
        f"<span>往期目录</span></div>"
        f'<div class="selBox"><span class="selTit">选择年份：</span>{tabs}</div>'
        f'<div class="results">{f"<ul>{results}</ul>" if results else ""}</div></div>'
    )
    title = f"{journal.name}{year}年往期目录 - 参考网"
    return desktop_page(title, body, current=_category_crumb(journal)[0])


# --- article pages -------------------------------------------------------------------------


def article_page(
    journal: SampleJournal,
    issue: SampleIssue,
    article: SampleArticle,
    related: list[Found],
    source_line: bool | None = None,
) -> str:
    """A desktop article page; `source_line` (default `shows_journal_line`) says
    whether `.time_source` prints the journal line."""
    if source_line is None:
        source_line = shows_journal_line(article)
    spans = [posted_text(article), " ".join(article.authors)]
    if source_line:
        spans.append(f"{journal.name} {issue.label}")
    keywords = ""
    if article.keywords:
        links = "".join(
            f'<a href="/search?keyword={quote(k)}" target="_blank">{escape(k)}</a>'
            for k in article.keywords
        )
        keywords = f'<div class="article_keyword"><span>关键词：</span>{links}</div>'
    paragraphs = [f"<p>{escape(' '.join(article.authors))}</p>"] if article.authors else []
    for block in article.blocks:
        text = escape(block.text)
        heading = block.kind == "heading"
        paragraphs.append(f"<p><strong>{text}</strong></p>" if heading else f"<p>{text}</p>")
    related_items = "".join(
        f'<li><a href="{article_path(a)}" title="{escape(a.title)}">{escape(a.title)}</a>'
        f"<p><span>{escape(j.name)}({escape(i.label)})</span>"
        f"<span>{a.posted_at:%Y-%m-%d %H:%M:%S}</span></p></li>"
        for j, i, a in related
    )
    description = escape("".join(b.text for b in article.blocks)[:80])
    head = (
        f'<meta name="keywords" content="{escape(",".join(article.keywords))}">'
        f'<meta name="description" content="{description}">'
    )
    body = (
        crumbs(("", "正文")) + '<div class="sidebarL"><div class="detail_main">'
        f'<h1 id="title">{escape(article.title)}</h1>'
        f'<div class="time_source">{"".join(f"<span>{escape(s)}</span>" for s in spans)}</div>'
        f'{keywords}<div class="detail_body"><div class="txt">{"".join(paragraphs)}</div></div>'
        '<div class="article_love"><div class="hd">猜你喜欢</div>'
        f'<ul class="loveList">{related_items}</ul></div>'
        '<div class="share"><span>分享到：</span><a class="wx" href="javascript:;">微信</a>'
        '<a class="wb" href="javascript:;">微博</a><a class="qq" href="javascript:;">QQ空间</a>'
        f"</div>{ad('article')}</div></div>"
        f'<div class="sidebarR">{side_list("热门期刊", "list_02", _hot(related))}{ad("side")}</div>'
    )
    return desktop_page(f"{article.title} - 参考网", body, head=head)


def _hot(related: list[Found]) -> list[tuple[str, str, str]]:
    """The side list of an article page: the journals of its related articles."""
    seen = dict.fromkeys(j.code for j, _, _ in related)
    return [(journal_path(c), next(s.name for s in JOURNALS if s.code == c), "") for c in seen]
