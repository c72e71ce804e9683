"""fx361: the aggregator's desktop article page, `/page/YYYY/MMDD/<id>.shtml`: the sample
site's structure (`journals/samplesite/render.py`) with a side column, previous and next
links, pictures in the text and the label, byline and keyword variations of the plan.
"""

from __future__ import annotations

from pagekit import RESEARCH, Doc, Spec, declared, esc

# --- the plan ------------------------------------------------------------------------------

PLAN: tuple[Spec, ...] = (
    Spec("one-author", 5108186, author_line="space", chrome=("img",)),
    Spec("several-run-together", 3415523, byline="joined", author_line="space"),
    Spec("z-issue", 3648571, label="z", byline="joined", author_line="comma", header="missing"),
    Spec("research-front", 3834164, label="di", front=RESEARCH),
    Spec(
        "subtitle-roles",
        5031867,
        title="subtitle",
        byline="joined",
        author_line="roles",
        keywords="none",
    ),
    Spec("long-date-only", 4856471, author_line="space", chrome=("img",)),
    Spec("no-journal-line", 4874019, label=None, byline="none", meta="missing"),
    Spec("footnote-huge", 4543599, title="footnote", author_line="space"),
    Spec("zero-padded", 6072932, label="zero", author_line="circle"),
    Spec("paren-label", 5235942, label="paren"),
)


# --- the site ------------------------------------------------------------------------------

BASE = "https://www.fx361.com"

_MENU = (
    '<div class="header"><a class="logo" href="/">参考网</a><ul class="menu">'
    '<li><a href="/">首页</a></li><li><a href="/bk/">期刊大全</a></li>'
    '<li><a href="/bk/#politics">政治法律</a></li><li><a href="/bk/#economy">经济管理</a></li>'
    '<li><a href="/bk/#culture">文化教育</a></li><li><a href="/bk/#science">科学技术</a></li>'
    '</ul><form class="search" action="/search"><input name="q" placeholder="搜索期刊文章">'
    "<button>搜索</button></form>"
    '<div class="login"><a href="/user/login">登录</a> | <a href="/user/reg">注册</a></div></div>'
)
_AD = (
    '<div class="ad"><a href="/ad/click?id=23" rel="nofollow">'
    "期刊阅读会员 年卡立减 全站期刊不限量阅读</a></div>"
)
_FOOTER = (
    '<div class="footer"><p><a href="/about">关于我们</a> | <a href="/contact">联系我们</a> | '
    '<a href="/copyright">版权声明</a> | <a href="/help">帮助中心</a></p>'
    "<p>Copyright © 参考网 版权所有</p></div>"
)
_STAT = (
    "<script>var _st=_st||[];(function(){var s=document.createElement('script');"
    "s.src='/static/js/st.js?v=3';document.body.appendChild(s);})();</script>"
)


def url(doc: Doc) -> str:
    a = doc.article
    return f"{BASE}/page/{a.posted_at:%Y/%m%d}/{a.id}.shtml"


def _path(a_id: int, posted: str) -> str:
    return f"/page/{posted[:4]}/{posted[5:7]}{posted[8:10]}/{a_id}.shtml"


def render(doc: Doc) -> str:
    j, a, spec = doc.journal, doc.article, doc.spec
    charset = declared(doc, "meta")
    head = f'<meta charset="{charset}">' if charset else ""
    head += f"<title>{esc(doc.plain_title)} - 参考网</title>"
    if doc.keywords and spec.keywords == "links":
        head += f'<meta name="keywords" content="{esc(",".join(doc.keywords))}">'
    first = next(text for kind, text in doc.blocks if kind == "paragraph")
    head += f'<meta name="description" content="{esc(first[:80])}">'

    title = f'<h1 class="article-title">{esc(doc.title)}</h1>'
    if doc.subtitle:
        title += f'<h2 class="article-subtitle">{esc(doc.subtitle)}</h2>'
    info = (
        f'<div class="article-info"><span class="time">{esc(doc.date)}</span>'
        f'<span class="author">{esc(doc.byline)}</span></div>'
    )
    if doc.byline:
        doc.tag("date-joined-author")
    source = ""
    if doc.label:
        source = (
            f'<div class="article-source"><a class="journal" href="/bk/{j.code}/">'
            f'{esc(doc.journal_name or "")}</a> <a class="issue" href="/bk/{j.code}/'
            f'{doc.issue.year}{doc.issue.issue.lower().zfill(2)}.html">{esc(doc.label)}</a></div>'
        )
    keywords = ""
    if spec.keywords == "links":
        links = "".join(f'<a href="/tag/{esc(k)}">{esc(k)}</a>' for k in doc.keywords)
        keywords = f'<div class="article-keywords">关键词:{links}</div>'
    elif spec.keywords == "run":
        keywords = f'<div class="article-keywords">关键词:{esc("".join(doc.keywords))}</div>'

    paragraphs = [f"<p>{esc(doc.author_line)}</p>"] if doc.author_line else []
    paragraphs += [f"<p>{esc(line)}</p>" for line in doc.front]
    for n, (kind, text) in enumerate(doc.blocks):
        if kind == "heading":
            paragraphs.append(f'<p class="subtitle"><strong>{esc(text)}</strong></p>')
        else:
            paragraphs.append(f"<p>{esc(text)}</p>")
        if n == 1 and "img" in spec.chrome:
            paragraphs.append(
                f'<p class="pic"><img src="//img.fx361.com/images/{a.posted_at:%Y/%m/%d}/'
                f'{a.id}a.jpg" alt=""></p>'
            )
    doc.tag("chrome-share", "chrome-related")
    prev_next = (
        '<div class="article-page">'
        f'<p>上一篇：<a href="{_path(a.id - 3, doc.related[0].posted)}">'
        f"{esc(doc.related[0].title)}</a></p>"
        f'<p>下一篇：<a href="{_path(a.id + 4, doc.related[1].posted)}">'
        f"{esc(doc.related[1].title)}</a></p></div>"
    )
    related = "".join(
        f'<li><a href="{_path(a.id + 100 * (n + 1), r.posted)}">{esc(r.title)}</a>'
        f"<p><span>{esc(r.journal)}({esc(r.label)})</span><span>{r.posted}</span></p></li>"
        for n, r in enumerate(doc.related)
    )
    side = (
        '<div class="side"><div class="side-box"><h3>热门期刊</h3><ul>'
        + "".join(
            f'<li><a href="/bk/{code}/">{name}</a></li>'
            for code, name in (
                ("rmlt", "人民论坛"),
                ("zgrd", "中国人大"),
                ("rdyj", "人大研究"),
                ("mzyfz", "民主与法制"),
                ("xxsb", "学习时报"),
            )
        )
        + '</ul></div><div class="side-box"><h3>期刊分类</h3><p><a href="/bk/#politics">'
        "政治法律</a> <a href='/bk/#economy'>经济管理</a></p></div></div>"
    )
    crumbs_journal = (
        f'<a href="/bk/{j.code}/">{esc(j.name)}</a>' if doc.label else '<a href="/bk/">期刊文章</a>'
    )
    body = (
        f'<div class="crumbs"><a href="/">首页</a> &gt; <a href="/bk/">期刊</a> &gt; '
        f"{crumbs_journal} &gt; 正文</div>"
        f'<div class="main"><div class="article">{title}{info}{source}{keywords}'
        f'<div class="article-content">{"".join(paragraphs)}</div>'
        '<div class="share">分享到：<a href="#" class="wx">微信</a><a href="#" class="wb">微博</a>'
        f'<a href="#" class="qz">QQ空间</a></div>{prev_next}</div>'
        '<div class="related"><div class="related-title">猜你喜欢</div>'
        f"<ul>{related}</ul></div></div>{side}"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="zh-CN"><head>{head}</head>\n<body>{_MENU}{_AD}'
        f'<div class="wrapper">{body}</div>{_FOOTER}{_STAT}</body></html>\n'
    )
