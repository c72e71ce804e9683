"""HTML of the sample site: the aggregator's pages, rendered from the corpus."""

from __future__ import annotations

from html import escape

from journals.samplesite.corpus import SampleArticle, SampleIssue, SampleJournal

ISSUES_PER_PAGE = 12

_MENU = (
    '<div class="header"><a class="logo" href="/">参考网</a><ul class="menu">'
    '<li><a href="/">首页</a></li><li><a href="/bk/">期刊大全</a></li>'
    '<li><a href="/bk/#politics">政治法律</a></li><li><a href="/bk/#economy">经济管理</a></li>'
    '<li><a href="/bk/#culture">文化教育</a></li></ul>'
    '<form class="search" action="/search"><input name="q"><button>搜索</button></form></div>'
)
_AD = (
    '<div class="ad"><a href="/ad/click?id=17" rel="nofollow">'
    "期刊阅读会员 月卡限时八折 全站期刊随心读</a></div>"
)
_FOOTER = (
    '<div class="footer"><p><a href="/about">关于我们</a> | <a href="/contact">联系我们</a>'
    ' | <a href="/copyright">版权声明</a></p><p>Copyright © 参考网 示例站点 版权所有</p></div>'
)


def page(title: str, body: str, head: str = "") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title>{head}</head>\n<body>{_MENU}{_AD}"
        f'<div class="wrapper">{body}</div>{_FOOTER}</body></html>\n'
    )


def issue_slug(issue: SampleIssue) -> str:
    """`2018`, `9` → `201809`; combined `Z1` → `2015z1`."""
    if issue.issue.isdigit():
        return f"{issue.year}{int(issue.issue):02d}"
    return f"{issue.year}{issue.issue.lower()}"


def journal_path(journal: SampleJournal, page_no: int = 1) -> str:
    return f"/bk/{journal.code}/" + ("" if page_no == 1 else f"index_{page_no}.html")


def issue_path(journal: SampleJournal, issue: SampleIssue) -> str:
    return f"/bk/{journal.code}/{issue_slug(issue)}.html"


def article_path(article: SampleArticle) -> str:
    return f"/page/{article.posted_at:%Y/%m%d}/{article.id}.shtml"


def home_page(journals: tuple[SampleJournal, ...]) -> str:
    latest = sorted(
        ((a, j) for j in journals for i in j.issues for a in i.articles),
        key=lambda pair: pair[0].posted_at,
        reverse=True,
    )[:10]
    items = "".join(
        f'<li><a href="{article_path(a)}">{escape(a.title)}</a><span>{escape(j.name)}</span></li>'
        for a, j in latest
    )
    return page(
        "参考网 - 期刊文章阅读",
        f'<p><a href="/bk/">期刊大全</a></p><ul class="latest">{items}</ul>',
    )


def journal_list_page(journals: tuple[SampleJournal, ...]) -> str:
    items = "".join(
        f'<li><a href="{journal_path(j)}" title="{escape(j.name)}">'
        f'<span class="name">{escape(j.name)}</span></a><em>{escape(j.province)}</em></li>'
        for j in journals
    )
    return page(
        "期刊大全 - 参考网", f'<h2 id="politics">政治法律</h2><ul class="journal-list">{items}</ul>'
    )


def journal_page(journal: SampleJournal, page_no: int) -> str | None:
    pages = max(1, -(-len(journal.issues) // ISSUES_PER_PAGE))
    if not 1 <= page_no <= pages:
        return None
    shown = journal.issues[(page_no - 1) * ISSUES_PER_PAGE : page_no * ISSUES_PER_PAGE]
    years: dict[int, list[SampleIssue]] = {}
    for issue in shown:
        years.setdefault(issue.year, []).append(issue)
    blocks = "".join(
        f'<dl class="year"><dt>{year}年</dt><dd>'
        + "".join(f'<a href="{issue_path(journal, i)}">{escape(i.label)}</a>' for i in issues)
        + "</dd></dl>"
        for year, issues in years.items()
    )
    pager = "".join(
        f'<span class="current">{n}</span>'
        if n == page_no
        else f'<a href="{journal_path(journal, n)}">{n}</a>'
        for n in range(1, pages + 1)
    )
    if page_no < pages:
        pager += f'<a class="next" href="{journal_path(journal, page_no + 1)}">下一页</a>'
    body = (
        f'<div class="journal-head"><h1 class="journal-name">{escape(journal.name)}</h1>'
        f"<p>地区：{escape(journal.province)}</p></div>"
        f'<div class="issue-years">{blocks}</div><div class="pages">{pager}</div>'
    )
    return page(f"{journal.name} - 参考网", body)


def issue_page(journal: SampleJournal, issue: SampleIssue) -> str:
    toc = "".join(
        f'<li><a class="toc-title" href="{article_path(a)}">{escape(a.title)}</a>'
        f'<span class="author">{escape(" ".join(a.authors))}</span></li>'
        for a in issue.articles
    )
    body = (
        f'<h1 class="issue-title"><a href="{journal_path(journal)}">{escape(journal.name)}</a> '
        f'{escape(issue.label)}</h1><ul class="toc">{toc}</ul>'
    )
    return page(f"{journal.name} {issue.label} - 参考网", body)


def article_page(
    journal: SampleJournal,
    issue: SampleIssue,
    article: SampleArticle,
    related: list[tuple[SampleJournal, SampleIssue, SampleArticle]],
    source_line: bool = True,
) -> str:
    """An article page; some real pages have no journal line (`source_line`)."""
    source = (
        f'<div class="article-source"><a class="journal" href="{journal_path(journal)}">'
        f'{escape(journal.name)}</a> <a class="issue" href="{issue_path(journal, issue)}">'
        f"{escape(issue.label)}</a></div>"
        if source_line
        else ""
    )
    posted = (
        f"{article.posted_at:%Y-%m-%d %H:%M:%S}"
        if article.show_time
        else f"{article.posted_at:%Y-%m-%d}"
    )
    keywords = ""
    if article.keywords:
        links = "".join(f'<a href="/tag/{escape(k)}">{escape(k)}</a>' for k in article.keywords)
        keywords = f'<div class="article-keywords">关键词:{links}</div>'
    paragraphs = [f"<p>{escape(' '.join(article.authors))}</p>"] if article.authors else []
    for block in article.blocks:
        if block.kind == "heading":
            paragraphs.append(f'<p class="subtitle"><strong>{escape(block.text)}</strong></p>')
        else:
            paragraphs.append(f"<p>{escape(block.text)}</p>")
    related_items = "".join(
        f'<li><a href="{article_path(a)}">{escape(a.title)}</a>'
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
        f'<div class="crumbs"><a href="/">首页</a> &gt; <a href="/bk/">期刊</a> &gt; '
        f'<a href="{journal_path(journal)}">{escape(journal.name)}</a> &gt; 正文</div>'
        f'<div class="article"><h1 class="article-title">{escape(article.title)}</h1>'
        f'<div class="article-info"><span class="time">{posted}</span>'
        f'<span class="author">{escape("".join(article.authors))}</span></div>'
        f"{source}{keywords}"
        f'<div class="article-content">{"".join(paragraphs)}</div>'
        '<div class="share">分享到：<a href="#">微信</a><a href="#">微博</a>'
        '<a href="#">QQ空间</a></div></div>'
        '<div class="related"><div class="related-title">猜你喜欢</div>'
        f"<ul>{related_items}</ul></div>"
    )
    return page(f"{article.title} - 参考网", body, head)
