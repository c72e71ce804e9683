"""What the sample aggregator prints around its content: the desktop host's top
bar, header, navigation (`.navBox`, whose links are the category pages, as
`docs/fx361.md` has it), advertisements, side lists and footer; the mobile
host's bar and footer; lazy images (`src` a loading picture, the real one in
`data-original`, as the evidence shows for covers); and the `renamed` redesign,
which gives every class and id a new name and keeps every URL.

All text here is written for the sample site.
"""

from __future__ import annotations

import re
from html import escape

from journals.samplesite.sitepaths import CATEGORIES, LOADING_GIF, category_path

SITE = "参考网"

_TOP_BAR = (
    '<div class="topBar"><div class="w1200"><span class="welcome">欢迎来到参考网示例站，'
    "期刊文章在线阅读</span>"
    '<span class="login"><a href="/user/login.html" rel="nofollow">登录</a> | '
    '<a href="/user/register.html" rel="nofollow">免费注册</a></span></div></div>'
)
_HEADER = (
    '<div class="header w1200"><a class="logo" href="/">'
    '<img src="/static/img/logo.png" alt="参考网" width="220" height="60"></a>'
    '<form class="searchBox" action="/search" method="get">'
    '<input type="text" name="keyword" class="so_text" placeholder="输入文章标题、作者或期刊名">'
    '<button type="submit" class="so_btn">搜 索</button></form>'
    '<div class="hotWords">热门：<a href="/search?keyword=%E7%AB%8B%E6%B3%95" rel="nofollow">'
    '立法</a><a href="/search?keyword=%E4%BB%A3%E8%A1%A8" rel="nofollow">代表</a></div></div>'
)
# Advertisement slots: (where, link, slogan). The pictures are lazy like the covers.
_ADS = {
    "top": ("/ad/go.html?slot=11", "开通阅读会员 全站期刊文章随时读"),
    "side": ("/ad/go.html?slot=12", "期刊投稿指南 在线查询征稿信息"),
    "article": ("/ad/go.html?slot=13", "扫码下载参考网阅读客户端"),
    "bottom": ("/ad/go.html?slot=14", "机构用户团购 整刊订阅享优惠"),
    "mobile": ("/ad/go.html?slot=21", "打开客户端 阅读体验更流畅"),
}
_FOOTER = (
    '<div class="footer"><div class="w1200"><p class="footLinks">'
    '<a href="/about.html" rel="nofollow">关于本站</a> | '
    '<a href="/contact.html" rel="nofollow">联系方式</a> | '
    '<a href="/copyright.html" rel="nofollow">版权说明</a> | '
    '<a href="/help.html" rel="nofollow">使用帮助</a></p>'
    "<p>本站是项目自带的示例站点，页面和文字均为合成内容，仅供测试。</p>"
    "<p>Copyright © 2014-2024 参考网示例站 版权所有</p></div></div>"
    '<script src="/static/js/jquery.min.js"></script>'
    '<script src="/static/js/jquery.lazyload.js"></script>'
    '<script>$(function(){$("img.lazy").lazyload({effect:"fadeIn"});});</script>'
)
_MOBILE_TOP = (
    '<div class="m_top"><a class="m_back" href="javascript:history.back();">返回</a>'
    '<span class="m_logo">参考网</span><a class="m_so" href="/search.html" rel="nofollow">搜索</a>'
    "</div>"
)
_MOBILE_FOOT = (
    '<div class="m_foot"><p>参考网示例站 手机版</p><p>页面和文字均为合成内容，仅供测试。</p></div>'
    '<script src="/static/m/js/zepto.min.js"></script>'
    '<script src="/static/m/js/lazy.js"></script>'
)


def lazy_img(src: str, alt: str = "") -> str:
    """An image that shows the loading picture until a script swaps `data-original` in.

    >>> print(lazy_img("/static/cover/zjrd/20157.jpg", "浙江人大"))
    <img class="lazy" src="/static/loading.gif" data-original="/static/cover/zjrd/20157.jpg" \
alt="浙江人大">
    """
    return (
        f'<img class="lazy" src="{LOADING_GIF}" data-original="{escape(src)}" alt="{escape(alt)}">'
    )


def ad(slot: str) -> str:
    link, slogan = _ADS[slot]
    number = link.rsplit("=", 1)[1]
    return (
        f'<div class="adBox ad_{slot}"><a href="{link}" target="_blank" rel="nofollow">'
        f'{lazy_img(f"/ad/img/{number}.jpg", slogan)}<span class="adText">{slogan}</span></a>'
        '<em class="adTag">广告</em></div>'
    )


def current_class(on: bool) -> str:
    """The attribute that marks the link to the page being shown."""
    return ' class="cur"' if on else ""


def nav(current: str = "") -> str:
    """The navigation bar: the home page, then one link per category page."""
    links = [("/", "首页")] + [(category_path(c), cat.name) for c, cat in CATEGORIES.items()]
    items = "".join(
        f'<a href="{href}"{current_class(href == current)}>{name}</a>' for href, name in links
    )
    return f'<div class="navBox"><div class="w1200">{items}</div></div>'


def crumbs(*steps: tuple[str, str]) -> str:
    """A breadcrumb trail from the home page; a step with no href is plain text."""
    parts = ['<a href="/">首页</a>'] + [
        f'<a href="{href}">{escape(text)}</a>' if href else f"<span>{escape(text)}</span>"
        for href, text in steps
    ]
    return f'<div class="crumb">当前位置：{" &gt; ".join(parts)}</div>'


def side_list(heading: str, css: str, links: list[tuple[str, str, str]]) -> str:
    """A box of the right-hand column: (href, text, note) per line."""
    items = "".join(
        f'<li><a href="{href}" title="{escape(text)}" target="_blank">{escape(text)}</a>'
        + (f'<span class="note">{escape(note)}</span>' if note else "")
        + "</li>"
        for href, text, note in links
    )
    return (
        f'<div class="sideBox"><div class="hd">{heading}</div><ul class="{css}">{items}</ul></div>'
    )


def desktop_page(title: str, body: str, *, head: str = "", current: str = "") -> str:
    """A desktop page: `body` inside the site's chrome."""
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta http-equiv="X-UA-Compatible" content="IE=edge">'
        f"<title>{escape(title)}</title>{head}"
        '<link rel="stylesheet" href="/static/css/common.css">'
        '<link rel="stylesheet" href="/static/css/page.css"></head>\n'
        f"<body>{_TOP_BAR}{_HEADER}{nav(current)}{ad('top')}"
        f'<div class="container w1200">{body}</div>{ad("bottom")}{_FOOTER}</body></html>\n'
    )


def mobile_page(title: str, body: str, *, head: str = "") -> str:
    """A page of the mobile host: `body` between its top bar and its footer."""
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1,user-scalable=no">'
        f"<title>{escape(title)}</title>{head}"
        '<link rel="stylesheet" href="/static/m/css/m.css"></head>\n'
        f"<body>{_MOBILE_TOP}{body}{ad('mobile')}{_MOBILE_FOOT}</body></html>\n"
    )


_NAMED = re.compile(r'(?<=\s)(class|id)="([^"]*)"')


def rename_attributes(html: str) -> str:
    """Every class token and id `foo` renamed `x-foo-v2`: a redesign that keeps the URLs.

    >>> rename_attributes('<div class="rowWrap mb20"><h1 id="title" data-id="7">t</h1></div>')
    '<div class="x-rowWrap-v2 x-mb20-v2"><h1 id="x-title-v2" data-id="7">t</h1></div>'
    """
    return _NAMED.sub(
        lambda m: f'{m[1]}="{" ".join(f"x-{token}-v2" for token in m[2].split())}"', html
    )
