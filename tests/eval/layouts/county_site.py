"""copy-county-site: county people's-congress websites on an old ASP content system
(动易-like): one `作者： 文章来源： 点击数：` line under the title, the site's topic
words as every page's meta keywords.

County people's-congress websites built on an old ASP content system
(动易/PowerEasy-like) whose staff repost journal articles in the site's article
centre: a location bar, the title cell, an optional subheading cell, one
information line of labelled fields, the text as the staff member pasted it
into the site's editor, a bar of page actions, previous/next links, related
articles, a comment box and the county's copyright footer. Two counties run
the 2006-era dynamic template (GB2312 declared, GBK bytes); a third runs the
later static-publishing release of the same system (UTF-8).
"""

from __future__ import annotations

from pagekit import Doc, Spec, declared, esc

# --- the plan ------------------------------------------------------------------------------

PLAN: tuple[Spec, ...] = (
    Spec(
        "page-01",
        3630949,
        label="di",
        byline="names",
        keywords="links",
        encoding="gbk",
        declared="gb2312",
        header="missing",
        chrome=("kw-meta", "related", "comments"),
    ),
    Spec(
        "page-02",
        3298661,
        label="plain",
        byline="anon",
        keywords="none",
        encoding="gbk",
        declared="gb2312",
        chrome=("related",),
    ),
    Spec(
        "page-03",
        3799153,
        label=None,
        byline="list",
        keywords="spaced",
        encoding="gbk",
        declared="gb2312",
        header="missing",
        chrome=("comments",),
        host=1,
    ),
    Spec(
        "page-04",
        4438255,
        label="di",
        byline="anon",
        keywords="links",
        encoding="gbk",
        declared="gb2312",
        header="wrong",
        chrome=("kw-meta", "related"),
        host=1,
    ),
    Spec(
        "page-05",
        5763960,
        label="plain",
        byline="names",
        author_line="wen",
        keywords="links",
        mojibake=True,
        chrome=("related", "share"),
        host=2,
    ),
    Spec(
        "page-06",
        3995152,
        label="zero",
        byline="anon",
        keywords="links",
        chrome=("share",),
        host=2,
    ),
    Spec(
        "page-07",
        4719699,
        label="di",
        title="subtitle",
        byline="names",
        author_line="roles",
        keywords="links",
        encoding="gbk",
        declared="gb2312",
        chrome=("kw-meta", "related", "comments"),
    ),
    Spec(
        "page-08",
        3834164,
        label="di",
        byline="names",
        keywords="body-colon",
        front=("title-authors", "affiliation", "abstract"),
        encoding="gbk",
        declared="gb2312",
        header="missing",
        spam=("hidden",),
        chrome=("related", "comments"),
    ),
    Spec(
        "page-09",
        4816351,
        label="di",
        byline="list",
        keywords="none",
        front=("abstract", "bio"),
        stray=True,
        chrome=("related", "share"),
        host=2,
    ),
    Spec(
        "page-10",
        6215067,
        label="plain",
        byline="names",
        keywords="none",
        encoding="gbk",
        declared="gb2312",
        header="missing",
        spam=("hidden", "linkfarm"),
        chrome=("related",),
        host=1,
    ),
)


# --- the site ------------------------------------------------------------------------------

# (base URL, site name, the congress standing committee, ICP line, address)
HOSTS = (
    (
        "http://www.qxrd.gov.example",
        "青溪县人大网",
        "青溪县人民代表大会常务委员会",
        "苏ICP备05011832号",
        "青溪县城关镇人民路88号",
    ),
    (
        "http://www.bcxrd.gov.example",
        "柏川人大",
        "柏川县人大常委会",
        "皖ICP备08004417号",
        "柏川县政务中心东楼五层",
    ),
    (
        "http://rd.anlan.gov.example",
        "安澜县人大常委会",
        "安澜县人民代表大会常务委员会办公室",
        "浙ICP备12027753号-2",
        "安澜县行政中心3号楼",
    ),
)
# per host: (class id, class name, class path of the static release)
CLASSES = (
    ((12, "理论研究"), (15, "他山之石"), (9, "人大论坛")),
    ((7, "理论探讨"), (21, "学习园地")),
    ((31, "理论研究", "llyj"), (33, "工作交流", "gzjl")),
)
INPUTTERS = ("admin", "rdbgs", "qxrd01", "xxk")
EDITORS = ("陈晓梅", "周建国", "钱丽", "吴海燕")
OWN_SOURCE = ("县人大常委会办公室", "人大研究室", "本站")
SITE_KEYWORDS = "人大,人民代表大会,人大代表,人大常委会,依法履职"


def _class(doc: Doc) -> tuple:
    options = CLASSES[doc.spec.host]
    return options[doc.article.id % len(options)]


def _local_id(doc: Doc, shift: int = 0) -> int:
    """The site's own article number: four digits on the counties' sites."""
    return 1200 + (doc.article.id * 37 + shift * 11) % 3800


def _static_path(doc: Doc, shift: int = 0) -> str:
    a = doc.article
    return f"{a.posted_at:%Y%m}/{a.posted_at:%Y%m%d%H%M%S}{shift:02d}{_local_id(doc) % 100:02d}"


def url(doc: Doc) -> str:
    base = HOSTS[doc.spec.host][0]
    if doc.spec.host == 2:
        return f"{base}/Article/{_class(doc)[2]}/{_static_path(doc)}.html"
    return f"{base}/Article/ShowArticle.asp?ArticleID={_local_id(doc)}"


def _other_url(doc: Doc, n: int) -> str:
    base = HOSTS[doc.spec.host][0]
    if doc.spec.host == 2:
        return f"{base}/Article/{_class(doc)[2]}/{_static_path(doc, n + 1)}.html"
    return f"{base}/Article/ShowArticle.asp?ArticleID={_local_id(doc, n + 1)}"


def _source(doc: Doc) -> str:
    """The 文章来源 field: the journal and issue, or the office that posted it."""
    if doc.label is None:
        return OWN_SOURCE[doc.article.id % len(OWN_SOURCE)]
    if doc.spec.host == 1:
        return f"{doc.journal_name}{doc.label}"
    return f"《{doc.journal_name}》{doc.label}"


def _author(doc: Doc) -> str:
    if doc.byline:
        doc.tag("date-apart")
    return doc.byline


def _meta_keywords(doc: Doc) -> str:
    if doc.keywords and "kw-meta" in doc.spec.chrome:
        doc.tags.discard("keywords-links")
        doc.tag("keywords-meta-only")
        return ",".join(doc.keywords)
    if doc.keywords and doc.spec.keywords == "links":
        return ",".join(doc.keywords)
    return SITE_KEYWORDS


# --- the text as pasted ------------------------------------------------------------------


def _lines(doc: Doc) -> list[tuple[str, str]]:
    """(kind, text) in order; kinds: author, kw, front-title, front-centre, front,
    heading, paragraph."""
    spec = doc.spec
    out: list[tuple[str, str]] = []
    if doc.author_line:
        out.append(("author", doc.author_line))
    if doc.keywords and spec.keywords == "spaced":
        out.append(("kw", "关键词：" + "　".join(doc.keywords)))
    for n, line in enumerate(doc.front):
        if "title-authors" in spec.front and n == 0:
            out.append(("front-title", line))
        elif ("title-authors" in spec.front and n == 1) or line.startswith("（"):
            out.append(("front-centre", line))
        else:
            out.append(("front", line))
    out += doc.blocks
    return out


def _content_old(doc: Doc) -> str:
    """The 2006 template: what an old in-browser editor saved (upper-case tags)."""
    parts = []
    for kind, text in _lines(doc):
        t = esc(text)
        if kind in ("front-title", "heading"):
            align = " align=center" if kind == "front-title" else ""
            parts.append(f"<P{align}><STRONG>{t}</STRONG></P>")
        elif kind in ("front-centre", "author"):
            parts.append(f"<P align=center>{t}</P>")
        else:
            parts.append(f"<P>&nbsp;&nbsp;&nbsp;&nbsp;{t}</P>")
    return "\r\n".join(parts)


def _content_br(doc: Doc) -> str:
    """The second county's staff paste into one font block, lines split by <BR>."""
    parts = []
    for kind, text in _lines(doc):
        t = esc(text)
        if kind in ("front-title", "heading"):
            parts.append(f"<B>{t}</B>")
        elif kind in ("front-centre", "author"):
            parts.append(t)
        else:
            parts.append(f"　　{t}")
    return (
        '<FONT style="FONT-SIZE: 14px; LINE-HEIGHT: 200%" face=宋体>'
        + "<BR>\r\n".join(parts)
        + "</FONT>"
    )


def _content_new(doc: Doc) -> str:
    parts = []
    for kind, text in _lines(doc):
        t = esc(text)
        if kind in ("front-title", "heading"):
            style = ' style="text-align:center;"' if kind == "front-title" else ""
            parts.append(f"<p{style}><strong>{t}</strong></p>")
        elif kind in ("front-centre", "author"):
            parts.append(f'<p style="text-align:center;">{t}</p>')
        else:
            parts.append(f'<p style="text-indent:2em;">{t}</p>')
    return "\n".join(parts)


# --- shared pieces -----------------------------------------------------------------------


def _hacked(doc: Doc) -> str:
    """What an attacker left in the footer of an unpatched site."""
    out = ""
    if "hidden" in doc.spec.spam:
        out += f'<div style="display:none">{esc(doc.inject("hidden"))}</div>\r\n'
    if "linkfarm" in doc.spec.spam:
        links = doc.inject("linkfarm")
        out += '<div style="position:absolute;top:-999px;left:-999px">' + esc(links) + "</div>\r\n"
    return out


def _related(doc: Doc) -> list[tuple[str, str, str]]:
    return [(r.title, _other_url(doc, n), r.posted[:10]) for n, r in enumerate(doc.related)]


# --- the 2006 dynamic template -------------------------------------------------------------


def _old(doc: Doc, charset: str | None) -> str:
    spec = doc.spec
    base, site, owner, icp, address = HOSTS[spec.host]
    class_id, class_name = _class(doc)[:2]
    head = ""
    if charset:
        head += f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">\r\n'
    head += (
        f"<title>{esc(doc.plain_title)}--{esc(site)}</title>\r\n"
        f'<meta name="keywords" content="{esc(_meta_keywords(doc))}">\r\n'
        f'<meta name="description" content="{esc(doc.plain_title)}">\r\n'
        f'<link href="{base}/Skin/DefaultSkin.css" rel="stylesheet" type="text/css">\r\n'
        f'<script language="JavaScript" src="{base}/js/menu.js"></script>\r\n'
    )
    local = _local_id(doc)
    subtitle = ""
    if doc.subtitle:
        subtitle = (
            '<tr><td class="main_ArticleSubheading" align="center">'
            f"{esc(doc.subtitle)}</td></tr>\r\n"
        )
    info = (
        f"作者：{esc(_author(doc))}&nbsp;&nbsp;&nbsp;&nbsp;"
        f"文章来源：{esc(_source(doc))}&nbsp;&nbsp;&nbsp;&nbsp;"
        f'点击数：<script language="javascript" src="{base}/Article/GetHits.asp?ArticleID={local}">'
        f"</script>&nbsp;&nbsp;&nbsp;&nbsp;"
        f"更新时间：{esc(doc.date)}"
        "&nbsp;&nbsp;&nbsp;&nbsp;【字体："
        '<a href="javascript:fontZoomA();" class="top_UserLogin">小</a> '
        f'<a href="javascript:fontZoomB();" class="top_UserLogin">大</a>】'
    )
    content = _content_br(doc) if spec.host == 1 else _content_old(doc)
    items = _related(doc)
    related = ""
    if "related" in spec.chrome:
        doc.tag("chrome-related")
        related = (
            '<table width="100%" border="0" cellspacing="0" cellpadding="0">\r\n'
            '<tr><td class="main_title_575"><b>相关文章</b></td></tr>\r\n'
            '<tr><td class="main_tdbg_575">'
            + "".join(
                f'<li><a href="{u}" title="{esc(t)}" target="_blank">{esc(t)}</a>'
                f"&nbsp;&nbsp;<font color=#999999>{when}</font></li>\r\n"
                for t, u, when in items[:6]
            )
            + "</td></tr>\r\n</table>\r\n"
        )
    comments = ""
    if "comments" in spec.chrome:
        comments = (
            '<table width="100%" border="0" cellspacing="0" cellpadding="0">\r\n'
            '<tr><td class="main_title_575"><b>网友评论：</b>'
            "（只显示最新10条。评论内容只代表网友观点，与本站立场无关！）</td></tr>\r\n"
            '<tr><td class="main_tdbg_575">没有任何评论</td></tr>\r\n</table>\r\n'
        )
    doc.tag("chrome-copyright")
    return (
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\r\n<html>\r\n'
        f"<head>\r\n{head}</head>\r\n"
        '<body leftmargin=0 topmargin=0 onmousemove="HideMenu()">\r\n'
        '<table class="top_tdbgall" width="778" border="0" align="center" cellpadding="0" '
        'cellspacing="0">\r\n'
        f'<tr><td><a href="{base}/"><img src="{base}/Images/logo.gif" alt="{esc(site)}" '
        'border="0"></a></td>'
        f'<td class="top_UserLogin">今天是：<script language="javascript" src="{base}/js/date.js">'
        "</script></td></tr>\r\n"
        f'<tr><td colspan="2" class="top_nav"><a href="{base}/">网站首页</a> | '
        f'<a href="{base}/Article/ShowClass.asp?ClassID=1">人大要闻</a> | '
        f'<a href="{base}/Article/ShowClass.asp?ClassID=3">代表工作</a> | '
        f'<a href="{base}/Article/ShowClass.asp?ClassID=5">监督工作</a> | '
        f'<a href="{base}/Article/ShowClass.asp?ClassID={class_id}">{esc(class_name)}</a> | '
        f'<a href="{base}/GuestBook/Index.asp">网上信访</a></td></tr>\r\n'
        "</table>\r\n"
        '<table class="center_tdbgall" width="778" border="0" align="center" cellpadding="0" '
        'cellspacing="0">\r\n'
        '<tr><td class="main_shadow">您现在的位置：&nbsp;'
        f'<a class="LinkPath" href="{base}/">{esc(site)}</a>&nbsp;&gt;&gt;&nbsp;'
        f'<a class="LinkPath" href="{base}/Article/Index.asp">文章中心</a>&nbsp;&gt;&gt;&nbsp;'
        f'<a class="LinkPath" href="{base}/Article/ShowClass.asp?ClassID={class_id}">'
        f"{esc(class_name)}</a>&nbsp;&gt;&gt;&nbsp;正文</td></tr>\r\n"
        "<tr><td>\r\n"
        '<table width="100%" border="0" cellpadding="0" cellspacing="5">\r\n'
        f'<tr><td class="main_ArticleTitle" align="center"><b>{esc(doc.title)}</b></td></tr>\r\n'
        + subtitle
        + f'<tr><td class="Article_tdbgall" align="center">{info}</td></tr>\r\n'
        '<tr><td class="main_tdbg_575" id="fontzoom" style="word-break:break-all">\r\n'
        + content
        + "\r\n</td></tr>\r\n"
        '<tr><td align="right">'
        f"文章录入：{INPUTTERS[doc.article.id % len(INPUTTERS)]}&nbsp;&nbsp;&nbsp;&nbsp;"
        f"责任编辑：{EDITORS[doc.article.id % len(EDITORS)]}&nbsp;</td></tr>\r\n"
        '<tr><td align="right">'
        f'【<a href="{base}/Article/Comment.asp?ArticleID={local}" target="_blank">发表评论</a>】'
        '【<a href="javascript:window.external.addFavorite(location.href,document.title);">'
        "加入收藏</a>】"
        f'【<a href="{base}/Article/SendMail.asp?ArticleID={local}" target="_blank">告诉好友</a>】'
        f'【<a href="{base}/Article/Print.asp?ArticleID={local}" target="_blank">打印此文</a>】'
        '【<a href="javascript:window.close();">关闭窗口</a>】</td></tr>\r\n'
        f'<tr><td><li>上一篇文章：<a href="{items[0][1]}">{esc(items[0][0])}</a></li>\r\n'
        f'<li>下一篇文章：<a href="{items[1][1]}">{esc(items[1][0])}</a></li></td></tr>\r\n'
        "</table>\r\n" + related + comments + "</td></tr>\r\n</table>\r\n"
        '<table class="bottom_tdbgall" width="778" border="0" align="center" cellpadding="0" '
        'cellspacing="0">\r\n'
        f'<tr><td class="Bottom_Copyright" align="center">版权所有：{esc(owner)}&nbsp;&nbsp;'
        f"地址：{esc(address)}<br>\r\n"
        f"建议使用1024×768分辨率浏览&nbsp;&nbsp;{icp}</td></tr>\r\n"
        "</table>\r\n" + _hacked(doc) + "</body>\r\n</html>\r\n"
    )


# --- the static-publishing release ---------------------------------------------------------


def _new(doc: Doc, charset: str | None) -> str:
    spec = doc.spec
    base, site, owner, icp, address = HOSTS[spec.host]
    class_id, class_name, class_path = _class(doc)
    head = ""
    if charset:
        head += f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />\n'
    head += (
        f"<title>{esc(doc.plain_title)} - {esc(class_name)} - {esc(site)}</title>\n"
        f'<meta name="keywords" content="{esc(_meta_keywords(doc))}" />\n'
        f'<meta name="description" content="{esc(doc.plain_title)}" />\n'
        f'<link href="{base}/Skin/blue/style.css" rel="stylesheet" type="text/css" />\n'
        f'<script type="text/javascript" src="{base}/js/jquery.min.js"></script>\n'
    )
    subtitle = f'<div class="subtitle">{esc(doc.subtitle)}</div>\n' if doc.subtitle else ""
    author = _author(doc)
    info = (
        f"<span>发布时间：{esc(doc.date)}</span>"
        f"<span>作者：{esc(author)}</span>"
        f"<span>来源：{esc(_source(doc))}</span>"
        f'<span>浏览次数：<span id="hits"><script type="text/javascript" '
        f'src="{base}/Article/GetHits.asp?ArticleID={_local_id(doc)}"></script></span></span>'
    )
    keywords = ""
    if doc.keywords and spec.keywords == "links":
        keywords = (
            '<div class="keyword">关键字：'
            + " ".join(
                f'<a href="{base}/Search.asp?ModuleName=Article&amp;Field=Keyword&amp;'
                f'Keyword={esc(k)}" target="_blank">{esc(k)}</a>'
                for k in doc.keywords
            )
            + "</div>\n"
        )
    share = ""
    if "share" in spec.chrome:
        doc.tag("chrome-share")
        share = (
            '<div class="jiathis_style"><span class="jiathis_txt">分享到：</span>'
            '<a class="jiathis_button_qzone">QQ空间</a>'
            '<a class="jiathis_button_tsina">新浪微博</a>'
            '<a class="jiathis_button_weixin">微信</a>'
            '<a href="http://www.jiathis.example/share" class="jiathis jiathis_separator">更多</a>'
            "</div>\n"
        )
    items = _related(doc)
    related = ""
    if "related" in spec.chrome:
        doc.tag("chrome-related")
        related = (
            '<div class="related"><div class="title">相关文章</div><ul>'
            + "".join(
                f'<li><span class="date">{when}</span>'
                f'<a href="{u}" target="_blank">{esc(t)}</a></li>'
                for t, u, when in items[:6]
            )
            + "</ul></div>\n"
        )
    doc.tag("chrome-copyright")
    return (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml">\n'
        f"<head>\n{head}</head>\n<body>\n"
        f'<div id="header"><div class="logo"><a href="{base}/">{esc(site)}</a></div>'
        '<div class="menu"><ul>'
        f'<li><a href="{base}/">首页</a></li>'
        f'<li><a href="{base}/Article/rdyw/">人大要闻</a></li>'
        f'<li><a href="{base}/Article/dbgz/">代表工作</a></li>'
        f'<li><a href="{base}/Article/{class_path}/">{esc(class_name)}</a></li>'
        f'<li><a href="{base}/Article/tzgg/">通知公告</a></li></ul></div></div>\n'
        '<div id="main">\n'
        f'<div class="location">当前位置：<a href="{base}/">首页</a> &gt; '
        f'<a href="{base}/Article/">文章中心</a> &gt; '
        f'<a href="{base}/Article/{class_path}/">{esc(class_name)}</a> &gt; 正文</div>\n'
        '<div class="article">\n'
        f'<h1 class="title">{esc(doc.title)}</h1>\n'
        + subtitle
        + f'<div class="property">{info}</div>\n'
        f'<div class="content" id="fontzoom">\n{_content_new(doc)}\n</div>\n'
        + keywords
        + f'<div class="editor">（责任编辑：{EDITORS[doc.article.id % len(EDITORS)]}）</div>\n'
        + share
        + '<div class="prenext">'
        f'<p>上一篇：<a href="{items[0][1]}">{esc(items[0][0])}</a></p>'
        f'<p>下一篇：<a href="{items[1][1]}">{esc(items[1][0])}</a></p></div>\n'
        '<div class="tools"><a href="javascript:window.print();">【打印本页】</a>'
        '<a href="javascript:window.close();">【关闭窗口】</a></div>\n'
        "</div>\n" + related + "</div>\n"
        f'<div id="footer"><p>主办：{esc(owner)}　地址：{esc(address)}</p>'
        f"<p>版权所有 &copy; {esc(site)}　{icp}</p></div>\n" + _hacked(doc) + "</body>\n</html>\n"
    )


def render(doc: Doc) -> str:
    charset = declared(doc, "meta")
    if doc.spec.host == 2:
        return _new(doc, charset)
    return _old(doc, charset)
