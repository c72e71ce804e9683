"""copy-digest-library: another personal online library where users save pages they read,
the saved page's title with its site's name, source notes after the text
(`本文原载于《…》2017(3)`).
"""

from __future__ import annotations

from pagekit import RESEARCH_PART, Doc, Spec, declared, esc

# --- the plan ------------------------------------------------------------------------------

PLAN: tuple[Spec, ...] = (
    Spec(
        "page-01",
        4637967,
        label="plain",
        byline="none",
        author_line="space",
        chrome=("src-head", "share"),
    ),
    Spec(
        "page-02",
        4597251,
        label="di",
        title="footnote",
        byline="none",
        author_line="padded",
        keywords="spaced",
        chrome=("src-tail", "share"),
    ),
    Spec(
        "page-03",
        3630945,
        label=None,
        byline="none",
        author_line="wen",
        keywords="none",
        header="missing",
        host=1,
    ),
    Spec(
        "page-04",
        3761223,
        label="di",
        byline="brackets",
        academic=True,
        keywords="body-colon",
        front=RESEARCH_PART,
        spam=("hidden",),
        chrome=("src-head", "by-head", "share"),
    ),
    Spec(
        "page-05",
        3894684,
        label="zero",
        keywords="spaced",
        encoding="gbk",
        declared="gb2312",
        header="missing",
        chrome=("src-head", "by-head", "br"),
        host=2,
    ),
    Spec(
        "page-06",
        4499408,
        label="paren",
        title="spaces",
        byline="none",
        author_line="circle",
        chrome=("src-tail", "kw-meta"),
        host=1,
    ),
    Spec(
        "page-07",
        3304298,
        label="fullwidth",
        byline="none",
        author_line="space",
        keywords="none",
        stray=True,
        encoding="gbk",
        declared="gb2312",
        header="wrong",
        spam=("linkfarm",),
        chrome=("src-tail",),
        host=2,
    ),
    Spec(
        "page-08",
        5595203,
        label="di",
        mojibake=True,
        spam=("gambling",),
        chrome=("prefix", "by-head", "src-tail", "share"),
    ),
    Spec(
        "page-09",
        5235815,
        label=None,
        keywords="none",
        meta="missing",
        chrome=("by-head",),
        host=1,
    ),
    Spec(
        "page-10",
        4181535,
        label="di",
        byline="glued",
        chrome=("suffix", "src-head", "by-head", "share"),
    ),
)


# --- the site ------------------------------------------------------------------------------

# base, site name, ICP line
HOSTS = (
    ("http://www.grwzg.example", "个人文摘馆", "京ICP备09052187号-3"),
    ("http://m.grwzg.example", "个人文摘馆", "京ICP备09052187号-3"),
    ("http://www.wzshc.example", "文摘收藏馆", "鲁ICP备11028843号"),
)
SAVERS = (
    ("法治之光2010", 10237815),
    ("昵称36085714", 36085714),
    ("楚水居士", 21540386),
    ("老马识途tdz", 47712093),
    ("rdgz_资料室", 58210476),
    ("清风徐来a8k", 33468021),
)
FOLDERS = ("待分类", "人大工作", "法治资料", "政务学习", "读书笔记")
CMT_USERS = ("游客8827", "访客5931", "w_y_1988")


def _saver(doc: Doc) -> tuple[str, int]:
    return SAVERS[(doc.article.id // 3) % len(SAVERS)]


def _aid(article_id: int, n: int = 0) -> int:
    """The library's nine-digit article number."""
    return 600000000 + (article_id * 37 + 1009 * n) % 300000000


def _path(doc: Doc, uid: int, aid: int, posted: str | None = None) -> str:
    when = doc.article.posted_at
    if posted is None:
        part = f"{when:%y/%m%d/%H}"
    else:
        part = f"{posted[2:4]}/{posted[5:7]}{posted[8:10]}/{posted[11:13]}"
    return f"/content/{part}/{uid}_{aid}.shtml"


def url(doc: Doc) -> str:
    base = HOSTS[doc.spec.host][0]
    _, uid = _saver(doc)
    return base + _path(doc, uid, _aid(doc.article.id))


def _date(doc: Doc) -> str:
    """The time the article was put in the library (the day the aggregator posted it):
    the mobile site prints the day only."""
    a = doc.article
    if doc.spec.host == 1:
        doc.tags.discard("date-time")
        doc.tag("date-only")
        return f"{a.posted_at:%Y-%m-%d}"
    return doc.date


def _source_line(doc: Doc, where: str) -> str:
    journal, label = doc.journal_name or "", doc.label or ""
    if where == "head":
        if doc.spec.host == 0:
            return f"{journal} {label}"
        return f"《{journal}》{label}"
    if doc.spec.host == 1:
        return f"本文原载于《{journal}》{label}"
    return f"（原载《{journal}》{label}）"


def _content(doc: Doc) -> str:
    """The text as the saver clipped it from the page it was reading."""
    spec, chrome = doc.spec, doc.spec.chrome
    lines: list[tuple[str, str]] = []
    if "src-head" in chrome and doc.label:
        lines.append(("info", _source_line(doc, "head")))
    if "by-head" in chrome and doc.byline:
        lines.append(("info", f"作者：{doc.byline}"))
        doc.tag("date-apart")
    if spec.keywords == "spaced":
        lines.append(("info", f"{doc.keyword_label}：" + " ".join(doc.keywords)))
    if doc.author_line:
        lines.append(("author", doc.author_line))
    lines += [("front", line) for line in doc.front]
    lines += list(doc.blocks)
    if "src-tail" in chrome and doc.label:
        lines.append(("tail", _source_line(doc, "tail")))
    paragraphs = [n for n, (kind, _) in enumerate(lines) if kind == "paragraph"]
    middle = paragraphs[len(paragraphs) // 2]

    out = []
    kw_links = ""
    if spec.keywords == "links" and "kw-meta" in chrome:
        _meta_only(doc)
    elif spec.keywords == "links":
        kw_links = (
            f"<p>{esc(doc.keyword_label)}："
            + " ".join(
                f'<a href="https://www.fx361.com/keywords/{esc(k)}/1.shtml" '
                f'target="_blank">{esc(k)}</a>'
                for k in doc.keywords
            )
            + "</p>"
        )
    if "br" in chrome:
        # the old editor: the clipping pasted as plain text, lines and blank lines
        parts = []
        for n, (kind, text) in enumerate(lines):
            if kind == "heading":
                parts.append(f"<b>{esc(text)}</b>")
            elif kind == "paragraph":
                parts.append("　　" + esc(text))
            else:
                parts.append(esc(text))
            if n == middle and "hidden" in spec.spam:
                parts[-1] += f'<font style="display:none">{esc(doc.inject("hidden"))}</font>'
        body = "<br />\r\n<br />\r\n".join(parts)
        if kw_links:
            body = kw_links + "\r\n" + body
        return body
    for n, (kind, text) in enumerate(lines):
        if kind == "info":
            out.append(f'<p style="color:#666666;">{esc(text)}</p>')
            if kw_links and (n + 1 == len(lines) or lines[n + 1][0] != "info"):
                out.append(kw_links)
                kw_links = ""
        elif kind == "author":
            out.append(f'<p style="text-align:center;">{esc(text)}</p>')
        elif kind == "heading":
            out.append(f"<p><strong>{esc(text)}</strong></p>")
        elif kind == "tail":
            out.append(f'<p style="text-align:right;">{esc(text)}</p>')
        else:
            out.append(f'<p style="text-indent:2em;">{esc(text)}</p>')
        if n == middle and "hidden" in spec.spam:
            out.append(f'<div style="display:none">{esc(doc.inject("hidden"))}</div>')
    if kw_links:
        out.insert(0, kw_links)
    return "\r\n".join(out)


def _title(doc: Doc) -> str:
    """The title the saver gave the clipping (the reading page's, sometimes touched)."""
    chrome = doc.spec.chrome
    title = doc.title
    if "prefix" in chrome:
        folder = FOLDERS[1 + doc.article.id % (len(FOLDERS) - 1)]
        title = f"【{folder}】{title}"
        doc.tag("title-column-prefix")
    if "suffix" in chrome:
        title += " - 参考网"
    return title


def _comments(doc: Doc) -> str:
    spec = doc.spec
    items = ""
    count = 0
    if "gambling" in spec.spam:
        user = doc.rng.choice(CMT_USERS)
        items += (
            f'<li><span class="cu">{user}</span> <span class="ct">'
            f'{doc.article.posted_at:%Y-%m-%d}</span><p><a href="http://www.yl8866.example/" '
            f'target="_blank">{esc(doc.inject("gambling"))}</a></p></li>'
        )
        count = 1
    return (
        f'<div class="pl"><div class="pl_t">{count}条评论</div>'
        f'<ul class="pl_list">{items}</ul>'
        '<div class="pl_form"><textarea name="content" rows="4" cols="70" '
        'placeholder="发表评论"></textarea>'
        '<p>请遵守用户 <a href="/help/plgy.html">评论公约</a> '
        '<input type="button" value="发表" onclick="postComment()" /></p></div></div>'
    )


DISCLAIMER = (
    "本站是提供个人知识管理的网络存储空间，所有内容均由用户发布，不代表本站观点。"
    "请注意甄别内容中的联系方式、诱导购买等信息，谨防诈骗。如发现有害或侵权内容，"
    "请点击一键举报。"
)


def _related(doc: Doc) -> tuple[str, str]:
    """(猜你喜欢, 类似文章) as lists of the library's other clippings."""
    a = doc.article
    like = "".join(
        f'<li><a href="{_path(doc, SAVERS[(n + 2) % len(SAVERS)][1], _aid(a.id, n + 1), r.posted)}"'
        f' target="_blank">{esc(r.title)}</a></li>'
        for n, r in enumerate(doc.related[:4])
    )
    similar = "".join(
        f'<li><a href="{_path(doc, SAVERS[(n + 4) % len(SAVERS)][1], _aid(a.id, n + 9), r.posted)}"'
        f' target="_blank">{esc(r.title)}</a><span>{r.posted[:10]}</span></li>'
        for n, r in enumerate(doc.related[4:])
    )
    doc.tag("chrome-related")
    return like, similar


def _render_desktop(doc: Doc, charset: str | None) -> str:
    a, spec = doc.article, doc.spec
    base, site, icp = HOSTS[spec.host]
    saver, uid = _saver(doc)
    folder = FOLDERS[a.id % len(FOLDERS)]
    aid = _aid(a.id)
    old = spec.host == 2
    title = _title(doc)
    content = _content(doc)
    date = _date(doc)
    reads, keeps = 80 + a.id % 4000, 1 + a.id % 97
    head = ""
    if charset:
        head += f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />\n'
    head += f"<title>{esc(title)}</title>\n"
    if doc.keywords:
        head += f'<meta name="keywords" content="{esc(",".join(doc.keywords))}" />\n'
    head += (
        f'<link href="/css/{"art_old" if old else "article2019"}.css" rel="stylesheet" '
        'type="text/css" />\n'
        '<script type="text/javascript" src="/js/jquery-1.7.2.min.js"></script>\n'
        f'<script type="text/javascript">var ArticleID = {aid}; var UserID = {uid};</script>\n'
    )
    top = (
        '<div class="top"><div class="wrap">'
        f'<a class="logo" href="/"><img src="/images/logo.gif" alt="{site}" /></a>'
        '<ul class="topnav"><li><a href="/">首页</a></li><li><a href="/reader/">阅览室</a></li>'
        '<li><a href="/mylib/">我的图书馆</a></li><li><a href="/hot/">热点</a></li></ul>'
        '<form class="so" action="/search.aspx" method="get"><input type="text" name="word" />'
        '<input type="submit" value="搜索" /></form>'
        '<span class="login"><a href="/login.aspx">登录</a> <a href="/reg.aspx">注册</a></span>'
        "</div></div>\n"
    )
    tools = (
        '<div class="a_tools">'
        f'<a href="javascript:;" onclick="saveArt({aid})" class="zc">转藏</a>'
        '<a href="javascript:;" onclick="fullScreen()">全屏</a>'
        '<a href="javascript:window.print()">打印</a>'
        '<a href="javascript:;" class="fx">分享</a>'
        '<a href="javascript:;" class="xh">献花(0)</a></div>'
    )
    info = (
        f'<div class="a_info">\n<span class="time">{date}</span>\n'
        f'<span class="from">来自: <a href="/userhome/{uid}" target="_blank">{esc(saver)}</a> '
        f'&gt; <a href="/userhome.aspx?userid={uid}&amp;cid=7">《{folder}》</a></span>'
        f'\n<span class="num">阅 {reads} 转 {keeps}</span>\n</div>'
    )
    parts = [f'<div class="a_title"><h2 id="titiletext">{esc(title)}</h2></div>']
    if doc.subtitle:
        parts.append(f'<div class="a_subtitle">{esc(doc.subtitle)}</div>')
    parts.append(info)
    if not old:
        parts.append(tools)
    parts.append(f'<div id="artContent" class="a_content">\r\n{content}\r\n</div>')
    if not old:
        parts.append(
            '<div class="a_origin">来源：<a href="https://www.fx361.com/" '
            'rel="nofollow" target="_blank">参考网</a> 收藏于 '
            f'<a href="/userhome/{uid}">{esc(saver)}</a></div>'
        )
    doc.tag("chrome-copyright")
    parts.append(
        f'<div class="a_sm">{DISCLAIMER}<a href="/report.aspx?artid={aid}">一键举报</a></div>'
    )
    if "share" in spec.chrome:
        doc.tag("chrome-share")
        parts.append(
            '<div class="a_share"><span>分享到：</span>'
            '<a href="javascript:;" class="s_wx">微信</a>'
            '<a href="javascript:;" class="s_qq">QQ好友</a>'
            '<a href="javascript:;" class="s_qz">QQ空间</a>'
            '<a href="javascript:;" class="s_wb">新浪微博</a></div>'
        )
    like, similar = _related(doc)
    first, second = doc.related[0], doc.related[1]
    parts.append(
        '<div class="a_pn">'
        f'<p>上一篇：<a href="{_path(doc, uid, aid - 5, first.posted)}">{esc(first.title)}</a></p>'
        f'<p>下一篇：<a href="{_path(doc, uid, aid + 3, second.posted)}">{esc(second.title)}</a>'
        "</p></div>"
    )
    parts.append(f'<div class="a_like"><h3>猜你喜欢</h3><ul>{like}</ul></div>')
    parts.append(_comments(doc))
    side = (
        '<div class="side">'
        f'<div class="u_card"><img src="/userphoto/{uid}.jpg" alt="" />'
        f'<p class="u_name"><a href="/userhome/{uid}">{esc(saver)}</a></p>'
        f'<p>馆藏 {300 + a.id % 9000}</p><a class="gz" href="javascript:;">关注</a></div>'
        f'<div class="similar"><h3>类似文章 <a href="/search.aspx?word=more">更多</a></h3>'
        f"<ul>{similar}</ul></div></div>"
    )
    foot = []
    if "linkfarm" in spec.spam:
        farm = doc.inject("linkfarm").split(" | ")
        links = " | ".join(
            f'<a href="http://www.{n}tk{n * 3 % 10}.example/" target="_blank">{esc(x)}</a>'
            for n, x in enumerate(farm)
        )
        foot.append(f'<div class="flink wrap">友情链接：{links}</div>')
    foot.append(
        '<div class="foot"><p><a href="/about/">关于我们</a> | <a href="/help/">帮助中心</a> | '
        '<a href="/report.aspx">侵权举报</a> | <a href="/sitemap.html">网站地图</a></p>'
        f"<p>Copyright &copy; 2007-2021 {site} All Rights Reserved {icp}</p></div>"
    )
    if old:
        doctype = (
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml">\n'
        )
    else:
        doctype = "<!DOCTYPE html>\n<html>\n"
    return (
        f"{doctype}<head>\n{head}</head>\n<body>\n{top}"
        '<div class="main wrap">\n<div class="article">\n'
        + "\n".join(parts)
        + f"\n</div>\n{side}\n</div>\n"
        + "\n".join(foot)
        + '\n<script type="text/javascript" src="/js/artview.js"></script>\n</body>\n</html>\n'
    )


def _render_mobile(doc: Doc, charset: str | None) -> str:
    a = doc.article
    base, site, _ = HOSTS[1]
    saver, uid = _saver(doc)
    aid = _aid(a.id)
    title = _title(doc)
    content = _content(doc)
    date = _date(doc)
    head = f'<meta charset="{charset}">\n' if charset else ""
    head += (
        '<meta name="viewport" content="width=device-width,initial-scale=1.0,maximum-scale=1.0,'
        'user-scalable=no">\n'
        f"<title>{esc(title)}</title>\n"
    )
    if doc.keywords:
        head += f'<meta name="keywords" content="{esc(",".join(doc.keywords))}">\n'
    head += (
        f'<link rel="canonical" href="{HOSTS[0][0]}{_path(doc, uid, aid)}">\n'
        '<link rel="stylesheet" href="/m/css/art.css?v=3.2">\n'
    )
    doc.tag("chrome-app")
    top = (
        '<div class="m_head"><a href="/" class="m_logo"><img src="/m/img/logo.png" '
        f'alt="{site}"></a><a href="grwzg://article/{aid}" class="m_open">打开APP</a></div>\n'
    )
    like, similar = _related(doc)
    doc.tag("chrome-copyright")
    parts = [
        f'<h1 class="m_title">{esc(title)}</h1>',
        f'<div class="m_info">\n<span class="m_user">{esc(saver)}</span>\n'
        f'<span class="m_time">{date}</span>\n'
        f'<span class="m_num">{80 + a.id % 4000}阅读</span></div>',
        f'<div class="m_content" id="artContent" style="max-height:1200px;overflow:hidden;">'
        f"\r\n{content}\r\n</div>",
        '<div class="m_more"><a href="javascript:;" onclick="showAll()">展开全文</a></div>',
        f'<div class="m_app"><a href="grwzg://article/{aid}">打开{site}APP，阅读体验更佳</a></div>',
        f'<div class="m_sm">{DISCLAIMER}</div>',
        f'<div class="m_like"><h3>猜你喜欢</h3><ul>{like}{similar}</ul></div>',
        _comments(doc),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n'
        f"<head>\n{head}</head>\n<body>\n{top}"
        '<div class="m_main">\n' + "\n".join(parts) + "\n</div>\n"
        f'<div class="m_foot"><a href="{HOSTS[0][0]}{_path(doc, uid, aid)}">电脑版</a> | '
        '<a href="/m/help/">帮助</a><p>' + site + "</p></div>\n"
        '<script src="/m/js/art.js"></script>\n</body>\n</html>\n'
    )


def render(doc: Doc) -> str:
    spec = doc.spec
    charset = declared(doc, "meta")
    if spec.host == 1:
        return _render_mobile(doc, charset)
    return _render_desktop(doc, charset)


def _meta_only(doc: Doc) -> None:
    doc.tags.discard("keywords-links")
    doc.tag("keywords-meta-only")


# The plan: the pages of the held-out layout and how each shows its article (neutral page
# names, so that a listing of the pages tells nothing about them).
