"""copy-essay-site: an essay and paper site (论文网) reposting journal articles: a subtitle
on its own line, one information line (`发布时间：… 作者：… 来源：《…》…`), paper-publishing
adverts, `文章出处：` notes in the text.
"""

from __future__ import annotations

from pagekit import Doc, Spec, declared, esc

# --- the plan ------------------------------------------------------------------------------

PLAN: tuple[Spec, ...] = (
    Spec(
        "page-01",
        4992857,
        label="di",
        chrome=("src-info", "intro", "related", "share", "copyright"),
    ),
    Spec(
        "page-02",
        3834164,
        label="di",
        academic=True,
        keywords="body-colon",
        front=("title-authors", "affiliation", "abstract", "fund", "bio"),
        mojibake=True,
        chrome=("src-head", "intro"),
    ),
    Spec(
        "page-03",
        4418440,
        label=None,
        byline="none",
        author_line="wen",
        keywords="none",
        chrome=("share",),
        host=2,
    ),
    Spec(
        "page-04",
        3700445,
        label="di",
        byline="list",
        keywords="spaced",
        time=False,
        encoding="gbk",
        declared="gb2312",
        header="missing",
        chrome=("src-info", "intro"),
        host=1,
    ),
    Spec(
        "page-05",
        4077726,
        label="zero",
        byline="joined",
        author_line="space",
        keywords="none",
        spam=("linkfarm",),
        chrome=("src-tail", "mark", "copyright"),
    ),
    Spec(
        "page-06",
        4286101,
        label="paren",
        byline="anon",
        time=False,
        stray=True,
        encoding="gbk",
        declared="gb2312",
        meta="wrong",
        chrome=("src-tail",),
        host=1,
    ),
    Spec(
        "page-07",
        5031867,
        label="plain",
        title="subtitle",
        keywords="none",
        header="missing",
        chrome=("src-info", "mark", "share"),
    ),
    Spec(
        "page-08",
        3648571,
        label="dash",
        chrome=("src-info", "kw-meta", "fold"),
        host=2,
    ),
    Spec(
        "page-09",
        5500255,
        label="di",
        title="footnote",
        keywords="body-bracket",
        front=("affiliation", "abstract"),
        spam=("hidden",),
        chrome=("src-head", "intro", "copyright"),
    ),
    Spec(
        "page-10",
        4184835,
        label="fullwidth",
        title="spaces",
        byline="none",
        author_line="circle",
        keywords="spaced",
        time=False,
        encoding="gbk",
        declared="gb2312",
        header="wrong",
        chrome=("src-tail", "mark"),
        host=1,
    ),
)


# --- the site ------------------------------------------------------------------------------

# (base URL, site name, ICP line)
HOSTS = (
    ("http://www.qiuzhilw.example", "求知论文网", "鲁ICP备12031877号-1"),
    ("http://www.qzlw.example", "求知论文网", "鲁ICP备09017352号"),
    ("http://m.qiuzhilw.example", "求知论文网", "鲁ICP备12031877号-1"),
)
# (class path, class id, parent column, column)
CLASSES = (
    ("zhengzhi/rdzd", 23, "政治论文", "人大制度论文"),
    ("faxue/xianfa", 41, "法学论文", "宪法行政法论文"),
    ("guanli/xzgl", 57, "管理论文", "行政管理论文"),
)
NAV = (
    ("/", "首页"),
    ("/biye/", "毕业论文"),
    ("/zhengzhi/", "政治论文"),
    ("/faxue/", "法学论文"),
    ("/guanli/", "管理论文"),
    ("/jiaoyu/", "教育论文"),
    ("/fanwen/", "范文大全"),
    ("/fabiao/", "论文发表"),
)
EDITORS = ("qzlw", "小林", "admin", "论文编辑")
HOT = (
    "浅谈新时代基层人大工作的创新与发展",
    "乡镇人大代表履职能力提升路径探析",
    "人大监督与行政监督的关系研究",
    "试论地方立法中的公众参与",
    "关于人大代表建议办理工作的思考",
    "财政预算公开的现状与对策研究",
    "论人民代表大会制度的优越性",
)
BR = "<br />\r\n"


def _class(doc: Doc) -> tuple[str, int, str, str]:
    return CLASSES[doc.article.id % len(CLASSES)]


def _newsid(doc: Doc, shift: int = 0) -> int:
    """EmpireCMS's own article number (five or six digits)."""
    return 10000 + (doc.article.id * 31 + shift * 977) % 290000


def _path(doc: Doc, shift: int = 0, posted: str | None = None) -> str:
    path = _class(doc)[0]
    if doc.spec.host == 2:
        return f"/{path}/{_newsid(doc, shift)}.html"
    day = f"{doc.article.posted_at:%Y-%m-%d}" if posted is None else posted[:10]
    return f"/{path}/{day}/{_newsid(doc, shift)}.html"


def url(doc: Doc) -> str:
    return HOSTS[doc.spec.host][0] + _path(doc)


def _date(doc: Doc) -> str:
    if doc.spec.host == 1:
        assert "date-only" in doc.tags, "the older template prints the date only"
    return doc.date


def _source(doc: Doc) -> str:
    """What the information line says under 来源."""
    if "src-info" in doc.spec.chrome and doc.label:
        return f"《{esc(doc.journal_name)}》{esc(doc.label)}"
    return "网络整理" if doc.spec.host != 1 else "互联网"


def _lines(doc: Doc) -> list[tuple[str, str]]:
    """The text as the editor pasted it: (kind, text)."""
    spec, chrome = doc.spec, doc.spec.chrome
    out: list[tuple[str, str]] = []
    if "src-head" in chrome and doc.label:
        out.append(("source", f"文章出处：《{doc.journal_name}》{doc.label}"))
    for n, line in enumerate(doc.front):
        if "title-authors" in spec.front and n == 0:
            out.append(("title", line))
        elif "title-authors" in spec.front and n == 1 or line.startswith("（"):
            out.append(("centre", line))
        else:
            out.append(("front", line))
    if doc.author_line:
        out.insert(1 if out and out[0][0] == "source" else 0, ("author", doc.author_line))
    out += list(doc.blocks)
    if "src-tail" in chrome and doc.label:
        out.append(("tail", f"（原文刊载于《{doc.journal_name}》{doc.label}）"))
    return out


def _watermark(doc: Doc, text: str) -> str:
    """The site's name hidden after a clause in the middle of a paragraph."""
    spots = [i for i, ch in enumerate(text[:-1]) if ch in "。，"]
    if not spots:
        return esc(text)
    cut = min(spots, key=lambda i: abs(i - len(text) // 2))
    base, site, _ = HOSTS[doc.spec.host]
    mark = f'<span style="display:none">{site}{base.removeprefix("http://")}</span>'
    return esc(text[: cut + 1]) + mark + esc(text[cut + 1 :])


def _body(doc: Doc) -> str:
    spec = doc.spec
    lines = _lines(doc)
    paragraphs = [n for n, (kind, _) in enumerate(lines) if kind == "paragraph"]
    middle = paragraphs[len(paragraphs) // 2] if len(paragraphs) > 2 else -1
    out = []
    if spec.host == 1:
        for n, (kind, text) in enumerate(lines):
            shown = _watermark(doc, text) if n == middle and "mark" in spec.chrome else esc(text)
            if kind in ("heading", "title"):
                out.append(f"<strong>{shown}</strong>")
            elif kind in ("author", "centre", "tail"):
                out.append(shown)
            else:
                out.append("\u3000\u3000" + shown)
            if n == middle and "hidden" in spec.spam:
                out.append(f'<font style="display:none">{esc(doc.inject("hidden"))}</font>')
        return BR.join(out)
    for n, (kind, text) in enumerate(lines):
        shown = _watermark(doc, text) if n == middle and "mark" in spec.chrome else esc(text)
        if kind == "title":
            out.append(f'<p style="text-align: center;"><strong>{shown}</strong></p>')
        elif kind in ("author", "centre"):
            out.append(f'<p style="text-align: center;">{shown}</p>')
        elif kind == "heading":
            out.append(f"<p><strong>{shown}</strong></p>")
        elif kind == "tail":
            out.append(f'<p style="text-align: right;">{shown}</p>')
        elif kind == "source":
            out.append(f'<p><span style="color:#666666;">{shown}</span></p>')
        else:
            out.append(f"<p>\u3000\u3000{shown}</p>")
        if n == middle and "hidden" in spec.spam:
            out.append(f'<p style="display:none">{esc(doc.inject("hidden"))}</p>')
    return "\n".join(out)


def _intro(doc: Doc) -> str:
    """The automatic 导读: the first characters of the text."""
    if "intro" not in doc.spec.chrome:
        return ""
    doc.tag("chrome-intro")
    text = "".join(t for _, t in _lines(doc))
    cut = 90 if doc.spec.host == 0 else 60
    return f'<div class="daodu"><b>论文导读：</b>{esc(text[:cut])}...</div>'


def _keywords(doc: Doc) -> tuple[str, str, str]:
    """(meta keywords, the keyword line above the text, the tag links after it)."""
    spec = doc.spec
    meta = esc(",".join(doc.keywords))
    if spec.keywords == "spaced":
        return meta, f'<div class="gjc">论文关键词：{esc("　".join(doc.keywords))}</div>', ""
    if spec.keywords != "links":
        return "", "", ""
    if "kw-meta" in spec.chrome:
        doc.tags.discard("keywords-links")
        doc.tag("keywords-meta-only")
        return meta, "", ""
    links = "&nbsp;".join(
        f'<a href="/e/tags/?tagname={esc(k)}" target="_blank">{esc(k)}</a>' for k in doc.keywords
    )
    label = "TAGS" if spec.host == 0 else "标签"
    return meta, "", f'<div class="tags"><span>{label}：</span>{links}</div>'


def _info(doc: Doc) -> str:
    spec = doc.spec
    _, classid, _, _ = _class(doc)
    parts = []
    if spec.host == 1:
        parts.append(f"日期：{_date(doc)}")
    else:
        parts.append(f"发布时间：{_date(doc)}")
    if doc.byline:
        doc.tag("date-apart")
        parts.append(f"作者：{esc(doc.byline)}")
    parts.append(f"来源：{_source(doc)}")
    counter = (
        f'<script src="/e/public/ViewClick/?classid={classid}&amp;id={_newsid(doc)}'
        '&amp;addclick=1"></script>'
    )
    if spec.host == 2:
        return '<div class="info">' + "　".join(f"<span>{p}</span>" for p in parts) + "</div>"
    parts.append(f"点击：{counter}次")
    sep = "&nbsp;&nbsp;&nbsp;" if spec.host == 1 else "　"
    return '<div class="info">' + sep.join(parts) + "</div>"


def _related(doc: Doc) -> tuple[str, str]:
    doc.tag("chrome-related")
    prev, nxt = doc.related[0], doc.related[1]
    prenext = (
        '<div class="prenext">'
        f'<p>上一篇：<a href="{_path(doc, 1, prev.posted)}">{esc(prev.title)}</a></p>'
        f'<p>下一篇：<a href="{_path(doc, 2, nxt.posted)}">{esc(nxt.title)}</a></p></div>'
    )
    items = "".join(
        f'<li><a href="{_path(doc, n + 3, r.posted)}" target="_blank">{esc(r.title)}</a>'
        f"<span>{r.posted[5:10]}</span></li>"
        for n, r in enumerate(doc.related[2:])
    )
    label = "相关论文" if doc.spec.host != 2 else "相关推荐"
    return prenext, f'<div class="xglw"><h3>{label}</h3><ul>{items}</ul></div>'


def _share(doc: Doc) -> str:
    if "share" not in doc.spec.chrome:
        return ""
    doc.tag("chrome-share")
    return (
        '<div class="bdsharebuttonbox"><span>分享到：</span>'
        '<a href="#" class="bds_weixin" data-cmd="weixin">微信</a>'
        '<a href="#" class="bds_tsina" data-cmd="tsina">新浪微博</a>'
        '<a href="#" class="bds_qzone" data-cmd="qzone">QQ空间</a>'
        '<a href="#" class="bds_more" data-cmd="more">更多</a></div>'
    )


def _copyright(doc: Doc) -> str:
    if "copyright" not in doc.spec.chrome:
        return ""
    doc.tag("chrome-copyright")
    base, site, _ = HOSTS[doc.spec.host]
    return (
        f'<div class="copyright">本文来源于{site}，转载请保留本文链接：'
        f'<a href="{base}{_path(doc)}">{base}{_path(doc)}</a></div>'
    )


def _linkfarm(doc: Doc) -> str:
    if "linkfarm" not in doc.spec.spam:
        return ""
    farm = doc.inject("linkfarm").split(" | ")
    links = " | ".join(
        f'<a href="http://www.lw{n}{n * 3 % 10}.example/" target="_blank">{esc(x)}</a>'
        for n, x in enumerate(farm)
    )
    return f'<div class="flink"><b>友情链接：</b>{links}</div>\n'


def _ad(doc: Doc) -> str:
    if doc.spec.host == 2:
        return ""
    return (
        '<div class="ad-fabiao"><a href="/fabiao/" target="_blank">'
        "职称论文发表指导 省级国家级期刊 快速审稿 咨询QQ：2850316475</a></div>"
    )


def _mobile(doc: Doc) -> str:
    spec, a = doc.spec, doc.article
    base, site, icp = HOSTS[2]
    path, _, parent, column = _class(doc)
    meta_kw, kw_line, kw_links = _keywords(doc)
    charset = declared(doc, "meta")
    title = f'<h1 class="title">{esc(doc.title)}</h1>'
    if doc.subtitle:
        title += f'\n<h2 class="ftitle">{esc(doc.subtitle)}</h2>'
    body = _body(doc)
    if "fold" in spec.chrome:
        body = (
            f'<div class="article-content" id="content" style="max-height:900px;overflow:hidden;">'
            f"\n{body}\n</div>\n"
            '<div class="unfold" id="unfold"><a href="javascript:;" onclick="unfold()">'
            "展开全文 ∨</a></div>"
        )
    else:
        body = f'<div class="article-content" id="content">\n{body}\n</div>'
    prenext, related = _related(doc)
    head = (f'<meta charset="{charset}">\n' if charset else "") + (
        '<meta name="viewport" content="width=device-width,initial-scale=1.0,'
        'maximum-scale=1.0,user-scalable=no">\n'
        f"<title>{esc(doc.plain_title)}_{column}_{site}手机版</title>\n"
        f'<meta name="keywords" content="{meta_kw}">\n'
        f'<meta name="description" content="{esc(_description(doc))}">\n'
        f'<link rel="canonical" href="{HOSTS[0][0]}/{path}/{a.posted_at:%Y-%m-%d}/'
        f'{_newsid(doc)}.html">\n'
        '<link rel="stylesheet" href="/skin/m/css/style.css">\n'
    )
    top = (
        '<header class="m-head"><a class="back" href="javascript:history.back();">返回</a>'
        f'<a class="logo" href="/">{site}</a>'
        '<a class="menu" href="/sitemap.html">栏目</a></header>\n'
        f'<div class="m-pos"><a href="/">首页</a> &gt; <a href="/{path.split("/")[0]}/">{parent}'
        f'</a> &gt; <a href="/{path}/">{column}</a></div>\n'
    )
    foot = (
        '<footer class="m-foot"><p><a href="/">首页</a> | '
        f'<a href="{HOSTS[0][0]}{_path_desktop(doc)}">电脑版</a> | <a href="#top">返回顶部</a></p>'
        f"<p>&copy; {site} {icp}</p></footer>\n"
    )
    article = "\n".join(
        x
        for x in (
            '<article class="m-article">',
            title,
            _info(doc),
            kw_line,
            _intro(doc),
            body,
            kw_links,
            _copyright(doc),
            _share(doc),
            prenext,
            "</article>",
            related,
        )
        if x
    )
    return (
        f'<!DOCTYPE html>\n<html>\n<head>\n{head}</head>\n<body id="top">\n{top}{article}\n'
        f'{foot}<script src="/skin/m/js/m.js"></script>\n</body>\n</html>\n'
    )


def _path_desktop(doc: Doc) -> str:
    return f"/{_class(doc)[0]}/{doc.article.posted_at:%Y-%m-%d}/{_newsid(doc)}.html"


def _description(doc: Doc) -> str:
    return "".join(t for _, t in _lines(doc))[:100]


def render(doc: Doc) -> str:
    spec = doc.spec
    if spec.host == 2:
        return _mobile(doc)
    base, site, icp = HOSTS[spec.host]
    path, classid, parent, column = _class(doc)
    charset = declared(doc, "meta")
    meta_kw, kw_line, kw_links = _keywords(doc)
    editor = EDITORS[doc.article.id % len(EDITORS)]

    if spec.host == 1:
        doctype = (
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml">\n'
        )
        head = (
            f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />\n'
            if charset
            else ""
        )
    else:
        doctype = "<!DOCTYPE html>\n<html>\n"
        head = f'<meta charset="{charset}" />\n' if charset else ""
    head += (
        f"<title>{esc(doc.plain_title)}_{column}_{site}</title>\n"
        f'<meta name="keywords" content="{meta_kw}" />\n'
        f'<meta name="description" content="{esc(_description(doc))}" />\n'
        f'<link href="/skin/{"default" if spec.host == 0 else "2012"}/css/style.css" '
        'rel="stylesheet" type="text/css" />\n'
    )
    if spec.host == 0:
        head += (
            f'<meta name="mobile-agent" content="format=html5;url={HOSTS[2][0]}/{path}/'
            f'{_newsid(doc)}.html" />\n'
        )
    nav = "".join(f'<li><a href="{href}">{name}</a></li>' for href, name in NAV)
    header = (
        '<div class="top"><div class="wrap"><span>欢迎来到求知论文网！</span>'
        '<a href="/e/member/login/">登录</a> | <a href="/e/member/register/">注册</a>'
        ' | <a href="javascript:;" onclick="AddFavorite()">加入收藏</a></div></div>\n'
        '<div class="header wrap"><a class="logo" href="/">'
        f'<img src="/skin/default/images/logo.gif" alt="{site}" /></a>'
        '<form class="search" action="/e/search/index.php" method="post">'
        '<input type="hidden" name="show" value="title" />'
        '<input type="text" name="keyboard" value="请输入论文题目" />'
        '<input type="submit" value="搜索" /></form></div>\n'
        f'<div class="nav"><ul class="wrap">{nav}</ul></div>\n'
    )
    crumb = (
        f'<div class="position">您现在的位置：<a href="/">{site}</a>&nbsp;&gt;&nbsp;'
        f'<a href="/{path.split("/")[0]}/">{parent}</a>&nbsp;&gt;&nbsp;'
        f'<a href="/{path}/">{column}</a>&nbsp;&gt;&nbsp;正文</div>\n'
    )
    title = f"<h1>{esc(doc.title)}</h1>"
    if doc.subtitle:
        title += f'\n<h2 class="ftitle">{esc(doc.subtitle)}</h2>'
    prenext, related = _related(doc)
    tools = (
        '<div class="tools">【<a href="javascript:window.print()">打印本文</a>】'
        '【<a href="javascript:window.close()">关闭窗口</a>】'
        f'【<a href="/e/public/sendemail/?classid={classid}&amp;id={_newsid(doc)}">推荐给好友</a>】'
        "</div>"
    )
    editor_line = f'<div class="editor">（责任编辑：{editor}）</div>' if spec.host == 0 else ""
    article = "\n".join(
        x
        for x in (
            '<div class="article">',
            title,
            _info(doc),
            kw_line,
            _intro(doc),
            _ad(doc),
            f'<div class="content" id="text">\n{_body(doc)}\n</div>',
            editor_line,
            kw_links,
            _copyright(doc),
            _share(doc),
            tools,
            prenext,
            "</div>",
            related,
        )
        if x
    )
    hot = "".join(f'<li><a href="/{path}/">{esc(t)}</a></li>' for t in doc.rng.sample(HOT, 5))
    side = (
        '<div class="side"><div class="box"><h3>热门论文</h3>'
        f"<ul>{hot}</ul></div>"
        '<div class="box"><h3>论文服务</h3><p>论文查重 | 论文润色 | 论文发表</p></div></div>'
    )
    foot = (
        _linkfarm(doc)
        + '<div class="footer"><p><a href="/about/">关于本站</a> | <a href="/contact/">联系我们</a>'
        ' | <a href="/sitemap.html">网站地图</a> | <a href="/mianze/">免责声明</a></p>'
        "<p>本站部分论文来源于网络，仅供学习参考，版权归原作者所有，如有侵权请联系删除。</p>"
        f"<p>Copyright &copy; 2009-2021 {site} All Rights Reserved {icp}</p></div>\n"
    )
    return (
        f"{doctype}<head>\n{head}</head>\n<body>\n{header}{crumb}"
        f'<div class="wrap main">\n<div class="left">\n{article}\n</div>\n{side}\n</div>\n'
        f'{foot}<script type="text/javascript" src="/skin/default/js/common.js"></script>\n'
        "</body>\n</html>\n"
    )
