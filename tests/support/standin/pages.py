"""The stand-in's HTML, page kind by page kind. The classes and ids the public
evidence names (docs/fx361.md, "Page kinds") are where it puts them; the
nesting around them, the chrome (top bar, search, banners, lazy images with
`data-original`, sidebars, footers) and everything else are the stand-in's own.
Links are root-relative, except the year tabs (relative) and the links
between the desktop and the mobile host (absolute)."""

from __future__ import annotations

from html import escape

from support.standin.content import (
    CATEGORIES,
    SITE_NAME,
    Article,
    Issue,
    Journal,
    in_category,
    journals,
    related,
)

GREY = "/static/img/grey.gif"


def _lazy(src: str, alt: str = "") -> str:
    return f'<img class="lazy" src="{GREY}" data-original="{src}" alt="{escape(alt)}">'


def _nav() -> str:
    items = "".join(
        f'<li><a href="/bk/{code}.html">{name}</a></li>' for code, name in CATEGORIES.items()
    )
    return (
        '<div class="navWrap"><div class="navBox w1200"><ul>'
        f'<li class="on"><a href="/">首页</a></li>{items}</ul></div></div>'
    )


def _desktop(title: str, main: str, mobile: str, head: str = "") -> str:
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{escape(title)}</title>
<meta name="keywords" content="期刊,杂志,{SITE_NAME}">
<link rel="stylesheet" href="/static/css/main.css">
{head}
</head>
<body>
<div class="topbar"><div class="w1200"><span class="hello">欢迎来到{SITE_NAME}！</span>
<a class="toMobile" href="{mobile}/">手机版</a><a href="/user/login.html">登录</a>
<a href="/user/register.html">注册</a></div></div>
<div class="header"><div class="w1200">
<a class="logo" href="/"><img src="/static/img/logo.png" alt="{SITE_NAME}"></a>
<form class="searchForm" action="/search.html" method="get">
<input type="text" name="keyword" placeholder="请输入关键词"><button type="submit">搜索</button>
</form></div></div>
{_nav()}
<div class="adv_top w1200"><a href="/ad/click.html?id=17" rel="nofollow">
{_lazy("/static/ad/banner17.jpg")}</a></div>
<div class="content w1200">
{main}
</div>
<div class="footer"><div class="w1200">
<p><a href="/about.html">关于我们</a> | <a href="/contact.html">联系我们</a>
| <a href="/copyright.html">版权声明</a></p>
<p>Copyright &copy; 2010-2024 {SITE_NAME} 版权所有 本站文章版权归原作者及原出处所有</p>
</div></div>
<script src="/static/js/jquery.lazyload.js"></script>
</body>
</html>
"""


def _sidebar() -> str:
    """Recently updated issues, every journal's newest."""
    items = "".join(
        f'<li><a href="{j.issue_path(j.newest)}">{j.name} {j.newest.label}</a></li>'
        for j in journals()
    )
    return (
        f'<div class="sidebarR"><div class="list_01"><h4>最近更新</h4><ul>{items}</ul></div></div>'
    )


def home(mobile: str) -> str:
    blocks = "".join(
        f'<div class="catBlock"><h2><a href="/bk/{code}.html">{name}</a></h2><ul>'
        + "".join(f'<li><a href="{j.home_path}">{j.name}</a></li>' for j in in_category(code))
        + "</ul></div>"
        for code, name in CATEGORIES.items()
    )
    main = (
        '<div class="mainLeft"><div class="banner">'
        f'<a href="/bk/szzh.html">{_lazy("/static/banner/1.jpg", "时政综合")}</a></div>'
        f'<div class="homeCats">{blocks}</div></div>{_sidebar()}'
    )
    return _desktop(f"{SITE_NAME}_期刊杂志在线阅读", main, mobile)


def category(code: str, mobile: str) -> str:
    name = CATEGORIES[code]
    rows = "".join(
        "<li>"
        f'<p class="pel_m_pic"><a href="{j.home_path}" target="_blank">'
        f"{_lazy(f'/covers/{j.code}/{j.newest.slug}.jpg', j.name)}</a></p>"
        f'<p class="pel_name"><a href="{j.home_path}" target="_blank">{j.name}</a></p>'
        f'<p class="pel_time">{j.newest.label}</p>'
        "</li>"
        for j in in_category(code)
    )
    # a box of "hot" journals from another category, under classes of its own
    hot = "".join(
        f'<li><a href="{j.home_path}">{j.name}</a></li>' for j in journals() if j.category != code
    )
    main = (
        f'<div class="crumbs"><a href="/">首页</a> &gt; <span>{name}</span></div>'
        f'<div class="hotMags"><h4>热门期刊</h4><ul>{hot}</ul></div>'
        f'<div class="rowWrap mb20"><div class="rowTit"><h2>{name}</h2></div>'
        f'<div class="rowCont"><ul class="pelList clearfix">{rows}</ul></div></div>'
    )
    return _desktop(f"{name}_{SITE_NAME}", main, mobile)


def _contents(journal: Journal, issue: Issue) -> str:
    items = []
    for column, articles in issue.columns:
        links = "".join(
            f'<li><a href="{a.desktop_path}" title="{escape(a.title)}" target="_blank">'
            f"{escape(a.title if len(a.title) <= 16 else a.title[:15] + '…')}</a>"
            f'<span class="dirPage">{n * 4 + 2}</span></li>'
            for n, a in enumerate(articles, 1)
        )
        items.append(f'<div class="dirItem02">\n<h5>\n  {column}\n</h5>\n<ul>{links}</ul></div>')
    return f'<div id="dirList"><div class="dirBox">{"".join(items)}</div></div>'


def _magazine(journal: Journal, issue: Issue) -> str:
    """Name, issue box and contents: what a journal's home page and its issue
    pages share."""
    cover = f"/covers/{journal.code}/{issue.slug}.jpg"
    return (
        '<div class="magWrap"><div class="dirWrap">'
        f"<h3>{journal.name}</h3>"
        '<div class="magBox1">'
        f'<div class="magPic">{_lazy(cover, issue.label)}</div>'
        f'<div class="magInfo"><p>{issue.label}</p>'
        f"<p>类别：{CATEGORIES[journal.category]}</p>"
        f'<div class="rec"><p>{journal.intro}</p></div>'
        f'<a class="btn_history act_history" href="{journal.year_path(issue.year)}">往期目录</a>'
        "</div></div></div>"
        f'<div class="dirCont"><h4 class="dirTit">本期目录</h4>{_contents(journal, issue)}</div>'
        "</div>"
    )


def _crumbs(journal: Journal, last: str = "") -> str:
    tail = f" &gt; <span>{last}</span>" if last else ""
    return (
        f'<div class="crumbs"><a href="/">首页</a> &gt; '
        f'<a href="/bk/{journal.category}.html">{CATEGORIES[journal.category]}</a> &gt; '
        f'<a href="{journal.home_path}">{journal.name}</a>{tail}</div>'
    )


def journal_home(journal: Journal, mobile: str) -> str:
    main = _crumbs(journal) + _magazine(journal, journal.newest) + _sidebar()
    return _desktop(f"{journal.name}_{SITE_NAME}", main, mobile)


def issue_page(journal: Journal, issue: Issue, mobile: str) -> str:
    main = _crumbs(journal, issue.label) + _magazine(journal, issue) + _sidebar()
    return _desktop(f"{journal.name}{issue.label}_{SITE_NAME}", main, mobile)


def year_page(journal: Journal, year: int, mobile: str) -> str:
    current = ' class="cur"'
    tabs = "".join(
        f'<a href="history_{y}.html"{current if y == year else ""}>{y}</a>' for y in journal.years
    )
    results = "".join(
        f'<li><a href="{journal.issue_path(i)}" target="_blank">'
        f"{_lazy(f'/covers/{journal.code}/{i.slug}.jpg', i.label)}"
        f'<span class="mag_name">{journal.name}</span><span class="mag_qi">{i.label}</span>'
        "</a></li>"
        for i in journal.issues_of(year)
    )
    main = (
        _crumbs(journal, f"{year}年")
        + f'<div class="historyWrap"><h3>{journal.name}</h3>'
        + f'<div class="selBox"><span class="selTit">选择年份：</span>{tabs}</div>'
        + f'<div class="results"><ul class="clearfix">{results}</ul></div></div>'
    )
    return _desktop(f"{journal.name}{year}年往期_{SITE_NAME}", main, mobile)


def _paragraphs(article: Article, indent: str) -> str:
    """The author line, then the body; an inline image after the lead on some
    pages, a bold opening clause on others."""
    out = [f"<p>{indent}{escape(article.byline)}</p>"]
    for n, text in enumerate(article.paragraphs):
        if n == 1 and article.id % 3 == 0 and "，" in text:
            head, rest = text.split("，", 1)
            out.append(f"<p>{indent}<strong>{head}，</strong>{rest}</p>")
        else:
            out.append(f"<p>{indent}{text}</p>")
        if n == 0 and article.id % 4 == 0:
            out.append(f'<p style="text-align:center">{_lazy(f"/uploads/{article.id}.jpg")}</p>')
    return "\n".join(out)


def _keywords(article: Article) -> str:
    links = "".join(
        f'<a href="/search.html?keyword={k}" target="_blank">{k}</a>' for k in article.keywords
    )
    return f'<div class="article_keyword"><span>关键词：</span>{links}</div>' if links else ""


def desktop_article(journal: Journal, issue: Issue, article: Article, mobile: str) -> str:
    journal_line = (
        f'<p class="detail_mag">{journal.name} {issue.label}</p>' if article.journal_line else ""
    )
    love = "".join(
        f'<li><a href="{a.desktop_path}">{a.title}</a></li>' for _, a in related(article)
    )
    love_box = f'<div class="article_love"><h4>猜你喜欢</h4><ul>{love}</ul></div>'
    paragraphs = _paragraphs(article, "\u3000\u3000")
    if article.body_in_txt:
        paragraphs = f'<div class="txt">\n{paragraphs}\n</div>'
    body = f'<div class="detail_body">\n{paragraphs}\n{love_box}\n</div>'
    main = (
        _crumbs(journal, "正文")
        + '<div class="detailWrap"><div class="detail_main"><div class="detail_head">'
        + f'<h1 id="title">{article.title}</h1>'
        + '<div class="time_source">'
        + f'<span class="time">{article.printed_time}</span>'
        + f'<span class="author">{escape(article.byline)}</span>'
        + f'<span class="views">阅读：{article.id % 900 + 37}</span></div>'
        + journal_line
        + _keywords(article)
        + "</div>\n"
        + body
        + '\n<div class="share">分享到：<a href="javascript:;" class="wx">微信</a></div>'
        + "</div>"
        + _sidebar()
        + "</div>"
    )
    alternate = (
        f'<meta name="mobile-agent" content="format=html5;url={mobile}{article.mobile_path}">'
    )
    return _desktop(f"{article.title}_{SITE_NAME}", main, mobile, head=alternate)


def _mobile(title: str, main: str, desktop: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1,user-scalable=no">
<title>{escape(title)}</title>
<link rel="stylesheet" href="/m/css/m.css">
</head>
<body>
<header class="m_head"><a class="m_logo" href="/">{SITE_NAME}</a>
<a class="m_search" href="/search.html">搜索</a></header>
{main}
<footer class="m_foot"><a href="{desktop}/">电脑版</a> &copy; {SITE_NAME}</footer>
</body>
</html>
"""


def mobile_home(desktop: str) -> str:
    items = "".join(
        f'<li><a href="{a.mobile_path}">{_lazy(f"/covers/{j.code}/{j.newest.slug}.jpg")}'
        f"<span>{a.title}</span><em>{j.name}</em></a></li>"
        for j in journals()
        for a in j.newest.articles[:1]
    )
    return _mobile(SITE_NAME, f'<div class="m_list"><ul>{items}</ul></div>', desktop)


def mobile_article(journal: Journal, issue: Issue, article: Article, desktop: str) -> str:
    keywords = (
        '<div class="gjc">关键词：' + " ".join(f"<a>{k}</a>" for k in article.keywords) + "</div>"
        if article.keywords
        else ""
    )
    others = "".join(
        f'<li><a href="{a.mobile_path}">{a.title}</a></li>' for _, a in related(article)
    )
    main = (
        '<div class="main">'
        f'<div class="bt">{article.title}</div>'
        f'<div class="sj">{article.printed_time}'
        f'<span class="zz">{escape(article.byline)}</span></div>'
        f'<div class="kan">{journal.name} {issue.label}</div>'
        f"{keywords}"
        f'<div class="wz_content">\n{_paragraphs(article, "")}\n</div>'
        f'<div class="others"><h4>相关文章</h4><ul>{others}</ul></div>'
        "</div>"
    )
    return _mobile(f"{article.title}_{SITE_NAME}", main, desktop)


def not_found() -> str:
    return '<!DOCTYPE html><html><head><meta charset="utf-8"><title>404</title></head>' + (
        "<body><p>您访问的页面不存在</p></body></html>"
    )
