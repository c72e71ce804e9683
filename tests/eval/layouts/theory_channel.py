"""copy-theory-channel: another provincial news portal's theory channel, its desktop
template, an older table template and an app reader: the journal, the author and the
time on one line under the title.

A provincial news portal's theory channel (理论频道) reposting articles of the
congress journals: the channel's current desktop template, the older table
template its archive still serves from the channel's former host (GB2312
declared, GBK bytes), and the portal's mobile pages for its news app.
"""

from __future__ import annotations

from pagekit import Doc, Spec, declared, esc

# --- the plan ------------------------------------------------------------------------------

PLAN: tuple[Spec, ...] = (
    Spec(
        "page-01",
        3761223,
        label="di",
        title="footnote",
        byline="names",
        keywords="body-colon",
        front=("abstract",),
        chrome=("related", "share"),
    ),
    Spec(
        "page-02",
        3800142,
        label=None,
        byline="none",
        author_line="wen",
        keywords="links",
        chrome=("prefix", "app"),
        host=2,
    ),
    Spec(
        "page-03",
        4239406,
        label="di",
        byline="list",
        keywords="links",
        mojibake=True,
        chrome=("related", "share"),
    ),
    Spec(
        "page-04",
        3819677,
        label="plain",
        title="spaces",
        byline="names",
        keywords="none",
        encoding="gbk",
        declared="gb2312",
        header="missing",
        chrome=("related",),
        host=1,
    ),
    Spec(
        "page-05",
        4543648,
        label="zero",
        byline="names",
        keywords="links",
        chrome=("src-tail", "related"),
    ),
    Spec(
        "page-06",
        6072933,
        label="di",
        byline="names",
        keywords="links",
        chrome=("app",),
        host=2,
    ),
    Spec(
        "page-07",
        4637967,
        label="plain",
        byline="names",
        keywords="spaced",
        encoding="gbk",
        declared="gb2312",
        header="wrong",
        chrome=("src-tail",),
        host=1,
    ),
    Spec(
        "page-08",
        3834165,
        label="di",
        byline="names",
        keywords="spaced",
        front=("title-authors", "affiliation"),
        encoding="gbk",
        declared="gb2312",
        header="missing",
        chrome=("related",),
        host=1,
    ),
    Spec(
        "page-09",
        5707777,
        label=None,
        byline="names",
        keywords="links",
        meta="missing",
        chrome=("related", "share"),
    ),
    Spec(
        "page-10",
        3648597,
        label="dash",
        title="subtitle",
        byline="names",
        keywords="links",
        chrome=("app", "prefix"),
        host=2,
    ),
)


# --- the site ------------------------------------------------------------------------------

# (base URL, name as the template prints it)
HOSTS = (
    ("http://theory.lanjiang.example", "澜江网"),
    ("http://llpd.lanjiang.example", "澜江网"),
    ("http://m.lanjiang.example", "澜江新闻"),
)
# (column, path, old node number)
COLUMNS = (
    ("人大之窗", "rdzc", 2231),
    ("理论前沿", "llqy", 2217),
    ("学习园地", "xxyd", 2245),
)
EDITORS = ("郑晓岚", "何文博", "沈一鸣", "陆佳", "许静")
OWN_SOURCE = ("澜江网", "澜江网综合", "澜江网理论频道")
ICP = "江ICP备05002318号"
LICENCE = "互联网新闻信息服务许可证编号：33120170004"


def _column(doc: Doc) -> tuple[str, str, int]:
    return COLUMNS[doc.article.id % len(COLUMNS)]


def _number(doc: Doc, shift: int = 0) -> int:
    """The portal's own article number."""
    return 21000000 + (doc.article.id * 7 + shift * 1931) % 8999999


def _path(doc: Doc, shift: int = 0, posted: str | None = None) -> str:
    host = doc.spec.host
    day = f"{doc.article.posted_at:%Y-%m-%d}" if posted is None else posted[:10]
    y, m, d = day.split("-")
    if host == 1:
        node = _column(doc)[2]
        return f"/gb/node2/node{node}/userobject1ai{_number(doc, shift) % 1000000:06d}.html"
    if host == 2:
        return f"/news/{y}{m}{d}/0{_number(doc, shift)}.html"
    return f"/system/{y}/{m}/{d}/0{_number(doc, shift)}.shtml"


def url(doc: Doc) -> str:
    return HOSTS[doc.spec.host][0] + _path(doc)


def _date(doc: Doc) -> str:
    a = doc.article
    if doc.spec.host == 1:
        text = f"{a.posted_at:%Y年%m月%d日}"
        if "date-time" in doc.tags:
            text += f" {a.posted_at:%H:%M}"
        return text
    if doc.spec.host == 2 and "date-time" in doc.tags:
        return f"{a.posted_at:%Y-%m-%d %H:%M}"
    return doc.date


def _source(doc: Doc) -> str:
    """What 来源 says: the journal and issue; the journal alone where a note after
    the text gives the issue; the portal itself where the journal is not named."""
    if doc.label is None:
        return OWN_SOURCE[doc.article.id % len(OWN_SOURCE)]
    if "src-tail" in doc.spec.chrome:
        return doc.journal_name or ""
    if doc.spec.host == 1:
        return f"{doc.journal_name}{doc.label}"
    return f"《{doc.journal_name}》{doc.label}"


def _tail(doc: Doc) -> str | None:
    if doc.label is None or "src-tail" not in doc.spec.chrome:
        return None
    return f"（原载《{doc.journal_name}》{doc.label}）"


def _title(doc: Doc) -> str:
    if "prefix" in doc.spec.chrome:
        doc.tag("title-column-prefix")
        return f"理论｜{doc.title}"
    return doc.title


# --- the text --------------------------------------------------------------------------------


def _lines(doc: Doc) -> list[tuple[str, str]]:
    spec = doc.spec
    out: list[tuple[str, str]] = []
    if doc.author_line:
        out.append(("author", doc.author_line))
    for n, line in enumerate(doc.front):
        if "title-authors" in spec.front and n == 0:
            out.append(("front-title", line))
        elif ("title-authors" in spec.front and n == 1) or line.startswith("（"):
            out.append(("centre", line))
        else:
            out.append(("front", line))
    out += list(doc.blocks)
    tail = _tail(doc)
    if tail:
        out.append(("tail", tail))
    return out


def _content(doc: Doc) -> str:
    host = doc.spec.host
    parts = []
    for kind, text in _lines(doc):
        t = esc(text)
        if host == 1:
            if kind in ("front-title", "heading"):
                centre = " align=center" if kind == "front-title" else ""
                parts.append(f"<P{centre}><B>{t}</B></P>")
            elif kind == "centre":
                parts.append(f"<P align=center>{t}</P>")
            elif kind == "tail":
                parts.append(f"<P align=right>{t}</P>")
            else:
                parts.append(f"<P>　　{t}</P>")
        elif host == 2:
            if kind == "heading":
                parts.append(f"<p><strong>{t}</strong></p>")
            elif kind == "tail":
                parts.append(f'<p class="note">{t}</p>')
            else:
                parts.append(f"<p>{t}</p>")
        else:
            if kind in ("front-title", "heading"):
                style = ' style="text-align: center;"' if kind == "front-title" else ""
                parts.append(f"<p{style}><strong>{t}</strong></p>")
            elif kind in ("centre", "author"):
                parts.append(f'<p style="text-align: center;">{t}</p>')
            elif kind == "tail":
                parts.append(f'<p style="text-align: right;">{t}</p>')
            else:
                parts.append(f'<p style="text-indent: 2em;">{t}</p>')
    return ("\r\n" if host == 1 else "\n").join(parts)


def _keywords(doc: Doc) -> str:
    if not doc.keywords:
        return ""
    host, spec = doc.spec.host, doc.spec
    if spec.keywords == "spaced":
        return f"<tr><td class=keyword>关键词：{esc('　'.join(doc.keywords))}</td></tr>\r\n"
    if spec.keywords != "links":
        return ""
    if host == 2:
        return (
            '<div class="tags">'
            + "".join(f'<a class="tag" href="/tag/{esc(k)}">{esc(k)}</a>' for k in doc.keywords)
            + "</div>\n"
        )
    base = HOSTS[host][0]
    return (
        '<div class="art_keywords">关键词：'
        + " ".join(
            f'<a href="{base}/search/?keyword={esc(k)}" target="_blank">{esc(k)}</a>'
            for k in doc.keywords
        )
        + "</div>\n"
    )


def _description(doc: Doc) -> str:
    text = "".join(t for kind, t in doc.blocks if kind == "paragraph")
    return esc(text[:80])


# --- the current desktop template ------------------------------------------------------------


def _desktop(doc: Doc, charset: str | None) -> str:
    spec = doc.spec
    base, site = HOSTS[0]
    column, path, _ = _column(doc)
    head = f'<meta charset="{charset}">\n' if charset else ""
    meta_keywords = ",".join(doc.keywords) if doc.keywords else "理论,理论频道,澜江网"
    head += (
        f"<title>{esc(doc.plain_title)}_{column}_理论频道_澜江网</title>\n"
        f'<meta name="keywords" content="{esc(meta_keywords)}">\n'
        f'<meta name="description" content="{_description(doc)}">\n'
        '<meta name="contentid" content="' + str(_number(doc)) + '">\n'
        f'<link rel="stylesheet" href="{base}/css/article2017.css">\n'
        f'<script src="{base}/js/jquery-1.12.4.min.js"></script>\n'
    )
    info = [f'<span class="date">{esc(_date(doc))}</span>']
    info.append(f'<span class="source">来源：{esc(_source(doc))}</span>')
    if doc.byline:
        doc.tag("date-apart")
        info.append(f'<span class="author">作者：{esc(doc.byline)}</span>')
    info.append(
        '<span class="fontsize">字号：<a href="javascript:doZoom(18)">大</a> '
        '<a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a></span>'
    )
    subtitle = f'<h2 class="subtitle">{esc(doc.subtitle)}</h2>\n' if doc.subtitle else ""
    share = ""
    if "share" in spec.chrome:
        doc.tag("chrome-share")
        share = (
            '<div class="bdsharebuttonbox"><span>分享到：</span>'
            '<a href="#" class="bds_weixin" data-cmd="weixin">微信</a>'
            '<a href="#" class="bds_tsina" data-cmd="tsina">新浪微博</a>'
            '<a href="#" class="bds_qzone" data-cmd="qzone">QQ空间</a></div>\n'
        )
    related = ""
    if "related" in spec.chrome:
        doc.tag("chrome-related")
        related = (
            '<div class="xgyd"><h3>相关阅读</h3><ul>'
            + "".join(
                f'<li><a href="{base}{_path(doc, n + 1, r.posted)}" target="_blank">'
                f"{esc(r.title)}</a><span>{r.posted[:10]}</span></li>"
                for n, r in enumerate(doc.related[:5])
            )
            + "</ul></div>\n"
        )
    hot = "".join(
        f'<li><em>{n + 1}</em><a href="{base}{_path(doc, n + 11, r.posted)}">'
        f"{esc(r.title)}</a></li>"
        for n, r in enumerate(doc.related[-4:])
    )
    doc.tag("chrome-copyright")
    editor = EDITORS[doc.article.id % len(EDITORS)]
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n' + head + "</head>\n<body>\n"
        '<div class="topbar"><div class="w1000">'
        '<a href="http://www.lanjiang.example/">澜江网首页</a> | '
        '<a href="http://news.lanjiang.example/">新闻</a> | '
        f'<a href="{base}/">理论</a> | '
        '<a href="http://opinion.lanjiang.example/">评论</a> | '
        '<a href="http://v.lanjiang.example/">视频</a> | '
        '<a href="http://app.lanjiang.example/">客户端</a></div></div>\n'
        f'<div class="channel"><a class="logo" href="{base}/">'
        f'<img src="{base}/images/llpd_logo.png" '
        'alt="澜江网理论频道"></a><ul class="nav">'
        f'<li><a href="{base}/">首页</a></li>'
        f'<li><a href="{base}/llqy/">理论前沿</a></li>'
        f'<li><a href="{base}/rdzc/">人大之窗</a></li>'
        f'<li><a href="{base}/xxyd/">学习园地</a></li>'
        f'<li><a href="{base}/djyj/">党建研究</a></li>'
        f'<li><a href="{base}/dsq/">读书</a></li></ul></div>\n'
        f'<div class="crumb">当前位置：<a href="http://www.lanjiang.example/">{site}</a> &gt; '
        f'<a href="{base}/">理论频道</a> &gt; <a href="{base}/{path}/">{column}</a></div>\n'
        '<div class="main w1000"><div class="left">\n'
        f'<div class="art_title"><h1>{esc(_title(doc))}</h1>\n'
        + subtitle
        + '<div class="art_info">'
        + " ".join(info)
        + "</div></div>\n"
        f'<div class="art_content" id="zoom">\n{_content(doc)}\n</div>\n'
        + _keywords(doc)
        + f'<div class="editor">[责任编辑：{editor}]　<a href="{base}/jiucuo/">纠错</a></div>\n'
        + share
        + '<div class="statement">本文仅代表作者观点，不代表澜江网立场。</div>\n'
        + related
        + '</div>\n<div class="right"><div class="rank"><h3>理论热点</h3><ol>'
        + hot
        + "</ol></div></div></div>\n"
        '<div class="footer"><p>凡注明“来源：澜江网”的所有作品，版权均属澜江网，'
        "未经授权不得转载；凡注明来源为其他媒体的作品，均转载自其他媒体，转载目的在于传递更多信息，"
        "并不代表本网赞同其观点和对其真实性负责。</p>"
        f"<p>澜江网版权所有　{ICP}　{LICENCE}</p></div>\n"
        f'<script src="{base}/js/count.js?id={_number(doc)}"></script>\n'
        "</body>\n</html>\n"
    )


# --- the older table template of the channel's archive ---------------------------------------


def _archive(doc: Doc, charset: str | None) -> str:
    spec = doc.spec
    base, site = HOSTS[1]
    column, _, node = _column(doc)
    head = (
        f'<META http-equiv=Content-Type content="text/html; charset={charset}">\r\n'
        if charset
        else ""
    )
    head += (
        f"<TITLE>{esc(doc.plain_title)}--澜江网理论频道</TITLE>\r\n"
        f'<LINK href="{base}/css/style.css" type=text/css rel=stylesheet>\r\n'
    )
    info = f"{esc(_date(doc))}　　来源：{esc(_source(doc))}"
    if doc.byline:
        doc.tag("date-apart")
        info += f"　　作者：{esc(doc.byline)}"
    subtitle = (
        f"<TR><TD class=subtitle align=center>{esc(doc.subtitle)}</TD></TR>\r\n"
        if doc.subtitle
        else ""
    )
    related = ""
    if "related" in spec.chrome:
        doc.tag("chrome-related")
        related = (
            "<TABLE width=760 align=center border=0><TR><TD class=xglj>相关链接</TD></TR>\r\n"
            + "".join(
                f'<TR><TD>·<A href="{base}{_path(doc, n + 1, r.posted)}" target=_blank>'
                f"{esc(r.title)}</A> <FONT color=#999999>({r.posted[:10]})</FONT></TD></TR>\r\n"
                for n, r in enumerate(doc.related[:6])
            )
            + "</TABLE>\r\n"
        )
    doc.tag("chrome-copyright")
    editor = EDITORS[doc.article.id % len(EDITORS)]
    return (
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\r\n<HTML>\r\n<HEAD>\r\n'
        + head
        + "</HEAD>\r\n<BODY topMargin=0>\r\n"
        "<TABLE width=760 align=center border=0 cellPadding=0 cellSpacing=0>\r\n"
        f'<TR><TD><A href="{base}/"><IMG src="{base}/images/top_llpd.gif" border=0>'
        "</A></TD></TR>\r\n"
        '<TR><TD class=nav><A href="http://www.lanjiang.example/">澜江网首页</A> | '
        f'<A href="{base}/gb/node2/node2217/index.html">理论前沿</A> | '
        f'<A href="{base}/gb/node2/node2231/index.html">人大之窗</A> | '
        f'<A href="{base}/gb/node2/node2245/index.html">学习园地</A> | '
        f'<A href="{base}/gb/node2/node2250/index.html">专题</A></TD></TR>\r\n'
        f'<TR><TD class=weizhi>您的位置：<A href="{base}/">理论频道</A> &gt;&gt; '
        f'<A href="{base}/gb/node2/node{node}/index.html">{column}</A></TD></TR>\r\n'
        "</TABLE>\r\n"
        "<TABLE width=760 align=center border=0 cellPadding=0 cellSpacing=0>\r\n"
        f"<TR><TD class=biaoti align=center><B>{esc(_title(doc))}</B></TD></TR>\r\n"
        + subtitle
        + f"<TR><TD class=info align=center>{info}</TD></TR>\r\n"
        "<TR><TD><HR size=1 color=#cccccc></TD></TR>\r\n"
        f"<TR><TD class=zhengwen id=zoom>\r\n{_content(doc)}\r\n</TD></TR>\r\n"
        + _keywords(doc)
        + f"<TR><TD align=right>（编辑：{editor}）</TD></TR>\r\n"
        '<TR><TD align=right>【<A href="javascript:window.print()">打印本页</A>】'
        '【<A href="javascript:window.close()">关闭窗口</A>】</TD></TR>\r\n'
        "</TABLE>\r\n"
        + related
        + "<TABLE width=760 align=center border=0><TR><TD class=bottom align=center>"
        "澜江网版权所有，未经书面授权禁止使用<BR>\r\n"
        f"Copyright &copy; 2001-2016 lanjiang.example All Rights Reserved　{ICP}</TD></TR>\r\n"
        "</TABLE>\r\n</BODY>\r\n</HTML>\r\n"
    )


# --- the mobile pages of the news app --------------------------------------------------------


def _mobile(doc: Doc, charset: str | None) -> str:
    spec = doc.spec
    base, site = HOSTS[2]
    head = f'<meta charset="{charset}">\n' if charset else ""
    head += (
        '<meta name="viewport" content="width=device-width,initial-scale=1,user-scalable=no">\n'
        f"<title>{esc(doc.plain_title)}</title>\n"
        f'<link rel="stylesheet" href="{base}/static/css/detail.css">\n'
    )
    meta = [f'<span class="source">{esc(_source(doc))}</span>']
    if doc.byline:
        doc.tag("date-apart")
        meta.append(f'<span class="author">{esc(doc.byline)}</span>')
    meta.append(f'<span class="time">{esc(_date(doc))}</span>')
    subtitle = f'<p class="subtitle">{esc(doc.subtitle)}</p>\n' if doc.subtitle else ""
    doc.tag("chrome-app")
    app = ""
    if "app" in spec.chrome:
        app = (
            '<div class="open-app"><a href="lanjiang://news/0' + str(_number(doc)) + '">'
            "打开澜江新闻APP，阅读体验更佳</a></div>\n"
        )
    more = "".join(
        f'<li><a href="{base}{_path(doc, n + 1, r.posted)}"><p>{esc(r.title)}</p>'
        f"<span>{r.posted[:10]}</span></a></li>"
        for n, r in enumerate(doc.related[:4])
    )
    doc.tag("chrome-related")
    return (
        "<!DOCTYPE html>\n<html>\n<head>\n" + head + "</head>\n<body>\n"
        '<header class="top"><a class="logo" href="/">澜江新闻</a>'
        '<a class="download" href="http://app.lanjiang.example/">下载客户端</a></header>\n'
        + app
        + '<article class="detail">\n'
        f"<h1>{esc(_title(doc))}</h1>\n"
        + subtitle
        + '<div class="meta">'
        + " ".join(meta)
        + "</div>\n"
        f'<div class="content">\n{_content(doc)}\n</div>\n'
        + _keywords(doc)
        + f'<p class="editor">编辑：{EDITORS[doc.article.id % len(EDITORS)]}</p>\n'
        "</article>\n"
        '<section class="more"><h3>相关新闻</h3><ul>' + more + "</ul></section>\n"
        '<div class="bottom-app"><a href="http://app.lanjiang.example/">'
        "下载澜江新闻客户端，看更多精彩内容</a></div>\n"
        f"<footer><p>澜江网　{ICP}</p></footer>\n"
        "</body>\n</html>\n"
    )


def render(doc: Doc) -> str:
    charset = declared(doc, "meta")
    if doc.spec.host == 1:
        return _archive(doc, charset)
    if doc.spec.host == 2:
        return _mobile(doc, charset)
    return _desktop(doc, charset)
