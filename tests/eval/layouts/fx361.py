"""fx361: the aggregator's desktop article page, `/page/YYYY/MMDD/<id>.shtml`, in the
markup public evidence shows (docs/fx361.md, "Page kinds" and "The model"):
`.detail_main` holds `h1#title`; `.time_source` holds `span`s, the posting time, the
author(s) and, on some pages, the journal line `<journal> <label>` (the issue's label
as the aggregator lists it, `2018年9期`, `2015年第8期`, `2015年Z1期`); `.article_keyword a`
the keywords (absent where there are none); `.detail_body .txt p` the text, the first
`p` the author line where the page has one, headings as `p strong`; `div.article_love`
(related articles: title link, `期刊名(YYYY年N期)`, time) after it. Around them: the top
bar, the header, the navigation `.navBox`, advertisements, the side column and the
footer; pictures are lazy (`data-original`).
"""

from __future__ import annotations

from urllib.parse import quote

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
    # once `zero-padded` (`2021年01期`) and `paren-label` (`2019(2)`): the aggregator
    # prints its own label, `2021年1期`, `2019年2期` (README.md)
    Spec("circle-author-line", 6072932, author_line="circle"),
    Spec("no-author-line", 5235942),
)


# Hard pages (`hardset.ARCHIVE`): articles whose keyword tags the aggregator prints as
# separate links, nested as the field's vocabulary is; the evaluation crawl stores them
# before any copy (README.md, "The hard pages").
HARD: tuple[Spec, ...] = (
    Spec("archive-session-style", 6500101, author_line="space"),
    Spec("archive-congress-system", 6500102),
    Spec("archive-member-review", 6500103, byline="joined", author_line="space"),
    Spec("archive-rules-of-procedure", 6500104, label="di", author_line="space"),
    Spec("archive-organic-law", 6500105),
)


# --- the site ------------------------------------------------------------------------------

BASE = "https://www.fx361.com"
LOADING = "/static/loading.gif"  # what a lazy picture shows until a script swaps it

_TOP = (
    '<div class="topBar"><div class="w1200"><span class="welcome">欢迎来到参考网！</span>'
    '<span class="login"><a href="/user/login.html" rel="nofollow">登录</a> | '
    '<a href="/user/register.html" rel="nofollow">注册</a></span></div></div>'
    '<div class="header w1200"><a class="logo" href="/">'
    '<img src="/static/img/logo.png" alt="参考网"></a>'
    '<form class="searchBox" action="/search.html" method="get">'
    '<input type="text" name="keyword" class="so_text" placeholder="请输入关键词">'
    '<button type="submit" class="so_btn">搜索</button></form></div>'
    '<div class="navBox"><div class="w1200"><a href="/">首页</a>'
    '<a href="/bk/szzh.html">时政综合</a><a href="/bk/xs.html">学术</a></div></div>'
)
_FOOTER = (
    '<div class="footer"><div class="w1200"><p class="footLinks">'
    '<a href="/about.html" rel="nofollow">关于我们</a> | '
    '<a href="/contact.html" rel="nofollow">联系我们</a> | '
    '<a href="/copyright.html" rel="nofollow">版权声明</a> | '
    '<a href="/help.html" rel="nofollow">帮助中心</a></p>'
    "<p>Copyright © 参考网 fx361.com 版权所有</p></div></div>"
    '<script src="/static/js/jquery.min.js"></script>'
    '<script src="/static/js/jquery.lazyload.js"></script>'
    '<script>$(function(){$("img.lazy").lazyload({effect:"fadeIn"});});</script>'
)
_ADS = {
    "top": (11, "期刊阅读会员 全站期刊不限量阅读"),
    "article": (13, "扫码下载参考网APP 随时随地读期刊"),
    "side": (12, "期刊投稿指南 在线查询征稿信息"),
    "bottom": (14, "机构用户 整刊订阅享优惠"),
}
_HOT = (
    ("rmlt", "人民论坛"),
    ("zgrd", "中国人大"),
    ("rdyj", "人大研究"),
    ("mzyfz", "民主与法制"),
    ("xxsb", "学习时报"),
)


def url(doc: Doc) -> str:
    a = doc.article
    return f"{BASE}/page/{a.posted_at:%Y/%m%d}/{a.id}.shtml"


def _path(a_id: int, posted: str) -> str:
    return f"/page/{posted[:4]}/{posted[5:7]}{posted[8:10]}/{a_id}.shtml"


def _lazy(src: str, alt: str = "") -> str:
    return f'<img class="lazy" src="{LOADING}" data-original="{esc(src)}" alt="{esc(alt)}">'


def _ad(slot: str) -> str:
    number, slogan = _ADS[slot]
    return (
        f'<div class="adBox ad_{slot}"><a href="/ad/go.html?slot={number}" target="_blank" '
        f'rel="nofollow">{_lazy(f"/ad/img/{number}.jpg", slogan)}'
        f'<span class="adText">{slogan}</span></a><em class="adTag">广告</em></div>'
    )


def render(doc: Doc) -> str:
    a, spec = doc.article, doc.spec
    if doc.label is not None:
        assert doc.label == doc.issue.label, "the aggregator prints its own label"
    charset = declared(doc, "meta")
    head = f'<meta charset="{charset}">' if charset else ""
    head += (
        '<meta http-equiv="X-UA-Compatible" content="IE=edge">'
        f"<title>{esc(doc.plain_title)} - 参考网</title>"
    )
    if doc.keywords:
        head += f'<meta name="keywords" content="{esc(",".join(doc.keywords))}">'
    first = next(text for kind, text in doc.blocks if kind == "paragraph")
    head += (
        f'<meta name="description" content="{esc(first[:80])}">'
        '<link rel="stylesheet" href="/static/css/common.css">'
        '<link rel="stylesheet" href="/static/css/page.css">'
    )

    title = esc(doc.title) + (f"<br>{esc(doc.subtitle)}" if doc.subtitle else "")
    spans = [doc.date, doc.byline]
    if doc.label:
        spans.append(f"{doc.journal_name} {doc.label}")
    if doc.byline:
        doc.tag("date-joined-author")
    time_source = "".join(f"<span>{esc(s)}</span>" for s in spans)
    keywords = ""
    if spec.keywords == "links":
        links = "".join(
            f'<a href="/search.html?keyword={quote(k)}" target="_blank">{esc(k)}</a>'
            for k in doc.keywords
        )
        keywords = f'<div class="article_keyword"><span>关键词：</span>{links}</div>'
    elif spec.keywords != "none":
        raise ValueError(f"the aggregator prints keywords as links, not {spec.keywords!r}")

    paragraphs = [f"<p>{esc(doc.author_line)}</p>"] if doc.author_line else []
    paragraphs += [f"<p>{esc(line)}</p>" for line in doc.front]
    for n, (kind, text) in enumerate(doc.blocks):
        if kind == "heading":
            paragraphs.append(f"<p><strong>{esc(text)}</strong></p>")
        else:
            paragraphs.append(f"<p>{esc(text)}</p>")
        if n == 1 and "img" in spec.chrome:
            picture = f"//img.fx361.com/images/{a.posted_at:%Y/%m/%d}/{a.id}a.jpg"
            paragraphs.append(f'<p style="text-align:center">{_lazy(picture)}</p>')
    doc.tag("chrome-share", "chrome-related")
    loved = "".join(
        f'<li><a href="{_path(a.id + 100 * (n + 1), r.posted)}" title="{esc(r.title)}" '
        f'target="_blank">{esc(r.title)}</a>'
        f"<p><span>{esc(r.journal)}({esc(r.label)})</span><span>{r.posted}</span></p></li>"
        for n, r in enumerate(doc.related)
    )
    hot = "".join(
        f'<li><a href="/bk/{code}/index.html" title="{name}" target="_blank">{name}</a></li>'
        for code, name in _HOT
    )
    main = (
        '<div class="sidebarL"><div class="detail_main">'
        f'<h1 id="title">{title}</h1><div class="time_source">{time_source}</div>{keywords}'
        f'<div class="detail_body"><div class="txt">{"".join(paragraphs)}</div></div>'
        '<div class="article_love"><div class="hd">猜你喜欢</div>'
        f'<ul class="loveList">{loved}</ul></div>'
        '<div class="share"><span>分享到：</span><a class="wx" href="javascript:;">微信</a>'
        '<a class="wb" href="javascript:;">微博</a><a class="qq" href="javascript:;">QQ空间</a>'
        f"</div>{_ad('article')}</div></div>"
        '<div class="sidebarR"><div class="sideBox"><div class="hd">热门期刊</div>'
        f'<ul class="list_02">{hot}</ul></div>{_ad("side")}</div>'
    )
    crumb = '<div class="crumb">当前位置：<a href="/">首页</a> &gt; <span>正文</span></div>'
    return (
        f'<!DOCTYPE html>\n<html lang="zh-CN"><head>{head}</head>\n<body>{_TOP}{_ad("top")}'
        f'<div class="container w1200">{crumb}{main}</div>{_ad("bottom")}{_FOOTER}</body></html>\n'
    )
