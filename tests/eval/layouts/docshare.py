"""copy-docshare: a document-sharing site (doc88-like): the file name as the title, a
document-information panel and summary above the text, the text split into pages (some
behind 继续阅读) with a running head naming the issue.

A document-sharing site where users upload the articles as documents: the
document's file name as its title, an information panel (uploader, upload
time, format, pages, size), the text shown page by page, a fold after the first
pages, tags, related documents. One site on three hosts: the desktop site
(UTF-8), an older mirror of the same template (GB2312 declared) and the mobile
site.

The pages' parts are named by `Spec.chrome`:

- where the journal and issue stand: `src-head` (the journal's running header
  at the top of the document's first page), `src-desc` (in the uploader's
  description), `src-tail` (a note after the text);
- `intro`: an automatic summary of the document's first characters;
- `kw-meta`: keywords in `<meta>` only; `prefix`: a bracketed label before the
  file name; `share`: share buttons.
"""

from __future__ import annotations

from pagekit import Doc, Spec, declared, esc

# --- the plan ------------------------------------------------------------------------------

PLAN: tuple[Spec, ...] = (
    Spec(
        "page-01",
        4870324,
        label="di",
        byline="none",
        academic=True,
        keywords="body-colon",
        front=("title-authors", "affiliation", "abstract", "fund", "bio"),
        chrome=("src-head", "share"),
    ),
    Spec(
        "page-02",
        5111412,
        label="plain",
        byline="none",
        author_line="space",
        chrome=("src-desc", "intro"),
    ),
    Spec(
        "page-03",
        4114411,
        label="zero",
        byline="none",
        author_line="wen",
        stray=True,
        encoding="gbk",
        declared="gb2312",
        header="missing",
        spam=("linkfarm", "hidden"),
        chrome=("src-head",),
        host=1,
    ),
    Spec(
        "page-04",
        5656286,
        label="dash",
        byline="none",
        front=("title-authors", "affiliation"),
        chrome=("src-head", "intro", "share"),
    ),
    Spec(
        "page-05",
        4441807,
        label="di",
        byline="none",
        author_line="circle",
        chrome=("src-desc", "kw-meta"),
        host=2,
    ),
    Spec(
        "page-06",
        5111407,
        label=None,
        keywords="spaced",
        header="missing",
        chrome=("intro",),
    ),
    Spec(
        "page-07",
        4992989,
        label="di",
        byline="none",
        author_line="space",
        mojibake=True,
        encoding="gb18030",
        declared="gbk",
        header="missing",
        spam=("porn",),
        chrome=("src-tail",),
        host=1,
    ),
    Spec(
        "page-08",
        4658172,
        label="paren",
        byline="anon",
        chrome=("prefix", "src-desc", "intro", "share"),
    ),
    Spec(
        "page-09",
        6347564,
        label="di",
        byline="none",
        academic=True,
        keywords="none",
        front=("title-authors", "affiliation", "abstract", "fund", "bio"),
        chrome=("src-head", "share"),
        host=2,
    ),
    Spec(
        "page-10",
        5763963,
        label="plain",
        byline="joined",
        author_line="comma",
        encoding="gbk",
        declared="gb2312",
        meta="missing",
        spam=("gambling",),
        chrome=("src-desc", "intro"),
        host=1,
    ),
)


# Hard pages (README.md "The hard pages"): documents a copy cut mid-sentence, their last
# page holding only what is left of the line; the keyword line run together in the
# description; no journal line.
HARD: tuple[Spec, ...] = (
    Spec(
        "hard-cut-last-page-no-journal",
        4199306,
        label=None,
        byline="none",
        author_line="space",
        keywords="run",
        cut=0.5,
        chrome=("intro",),
    ),
    Spec(
        "hard-cut-third-page",
        3995152,
        label="plain",
        byline="none",
        keywords="run",
        cut=0.85,
        chrome=("src-desc", "share"),
    ),
)

# --- the site ------------------------------------------------------------------------------

# base, path template
HOSTS = (
    ("https://www.wdgx365.example", "/html/{posted:%Y/%m%d}/{docid}.shtm"),
    ("http://www.wdgx-365.example", "/p-{docid}.html"),
    ("https://m.wdgx365.example", "/doc/{docid}.html"),
)
SITE = "文档共享网"
ICP = "苏ICP备15031427号-2"
UPLOADERS = (
    ("hkhh8808", 3310427),
    ("文库专家王老师", 1870552),
    ("yb_law2015", 5093318),
    ("zhangjl_doc", 2761184),
    ("法律资料分享", 4418065),
    ("ldf1978", 6022391),
)
PREFIXES = ("【精品】", "【推荐】", "【最新】")
PAGE_CHARS = 1100  # about one A4 page of Chinese text
PREVIEW = 3  # pages shown before the fold
DISCLAIMER = (
    "本文档由用户提供并上传，收益归属内容提供方，若内容存在侵权，请进行举报或认领。"
    "文档共享网仅提供信息存储空间，仅对用户上传内容的表现方式做保护处理，"
    "对上传内容本身不做任何修改或编辑。"
)


def _docid(article_id: int, n: int = 0) -> int:
    """The site's nine-digit document number."""
    return 180000000 + (article_id * 53 + 7919 * n) % 700000000


def _uploader(doc: Doc) -> tuple[str, int]:
    return UPLOADERS[(doc.article.id // 7) % len(UPLOADERS)]


def url(doc: Doc) -> str:
    base, path = HOSTS[doc.spec.host]
    return base + path.format(posted=doc.article.posted_at, docid=_docid(doc.article.id))


def _desktop_url(doc: Doc) -> str:
    base, path = HOSTS[0]
    return base + path.format(posted=doc.article.posted_at, docid=_docid(doc.article.id))


def _ext(doc: Doc) -> str:
    return ("doc", "docx", "doc", "pdf")[doc.article.id % 4]


def _name(doc: Doc) -> str:
    """The document's name as the uploader gave it."""
    name = doc.title
    if "prefix" in doc.spec.chrome:
        name = PREFIXES[doc.article.id % len(PREFIXES)] + name
        doc.tag("title-column-prefix")
    return name


def _source(doc: Doc, where: str) -> str:
    journal, label = doc.journal_name or "", doc.label or ""
    if where == "head":
        # the journal's running header, as the PDF the text came from prints it
        if doc.spec.host == 1:
            return f"{label}\u3000{journal}"
        return f"{journal}\u3000{label}"
    if where == "desc":
        return f"本文发表于《{journal}》{label}。"
    return f"（本文原载《{journal}》{label}）"


def _lines(doc: Doc) -> list[tuple[str, str]]:
    """The document's text, line by line, with the kind of each line."""
    lines: list[tuple[str, str]] = []
    chrome = doc.spec.chrome
    if "src-head" in chrome and doc.label:
        lines.append(("header", _source(doc, "head")))
    if doc.author_line:
        lines.append(("author", doc.author_line))
    front = list(doc.front)
    if "title-authors" in doc.spec.front:
        lines += [("doctitle", front[0]), ("author", front[1])]
        front = front[2:]
    lines += [("front", line) for line in front]
    lines += list(doc.blocks)
    if "src-tail" in chrome and doc.label:
        lines.append(("tail", _source(doc, "tail")))
    return lines


def _pages(lines: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """The lines cut into pages between lines, about a page of text each; a heading
    stays with the text under it."""
    pages: list[list[tuple[str, str]]] = [[]]
    size = 0
    for kind, text in lines:
        after_heading = bool(pages[-1]) and pages[-1][-1][0] == "heading"
        if size >= PAGE_CHARS and not after_heading:
            pages.append([])
            size = 0
        pages[-1].append((kind, text))
        size += len(text) + 30
    return pages


def _line_html(doc: Doc, kind: str, text: str) -> str:
    if kind == "header":
        return f'<p class="p-hd" style="text-align:right;font-size:12px;">{esc(text)}</p>'
    if kind == "doctitle":
        return f'<p class="p-tt" style="text-align:center;"><b>{esc(text)}</b></p>'
    if kind == "author":
        return f'<p class="p-au" style="text-align:center;">{esc(text)}</p>'
    if kind == "heading":
        return f'<p class="p-h"><b>{esc(text)}</b></p>'
    if kind == "tail":
        return f'<p class="p-tl" style="text-align:right;">{esc(text)}</p>'
    return f'<p class="p-tx">{esc(text)}</p>'


def _summary(doc: Doc, lines: list[tuple[str, str]], size: int = 150) -> str:
    """The site's automatic summary: the document's first characters."""
    text = "".join(t for k, t in lines if k != "header")
    return text[:size] + "……"


def _size_kb(doc: Doc) -> str:
    chars = sum(len(t) for _, t in doc.blocks)
    return f"{18 + chars * 3 / 1024 + doc.article.id % 23:.2f}"


def _tags_html(doc: Doc, mobile: bool = False) -> str:
    if doc.spec.keywords != "links" or "kw-meta" in doc.spec.chrome:
        return ""
    links = "".join(
        f'<a href="/search/?q={esc(k)}&amp;t=tag" target="_blank">{esc(k)}</a>'
        for k in doc.keywords
    )
    if mobile:
        return f'<div class="m-tags"><span>标签</span>{links}</div>'
    return f'<div class="doc-tags"><span class="lab">文档标签：</span>{links}</div>'


def _description(doc: Doc, lines: list[tuple[str, str]]) -> str:
    """What stands in the 文档简介 box: the uploader's words, else the summary."""
    parts = []
    if "src-desc" in doc.spec.chrome and doc.label:
        parts.append(esc(_source(doc, "desc")))
    if doc.spec.keywords == "spaced":
        parts.append(f"{esc(doc.keyword_label)}：" + esc("\u3000".join(doc.keywords)))
    elif doc.spec.keywords == "run":
        parts.append(f"{esc(doc.keyword_label)}：" + esc("".join(doc.keywords)))
    if "intro" in doc.spec.chrome:
        doc.tag("chrome-intro")
        parts.append(esc(_summary(doc, lines)))
    return "<br />".join(parts)


def _related(doc: Doc, mobile: bool = False) -> str:
    doc.tag("chrome-related")
    a = doc.article
    items = []
    for n, r in enumerate(doc.related):
        docid = _docid(a.id, n + 1)
        pages = 2 + (docid % 9)
        ext = ("doc", "docx", "pdf")[docid % 3]
        href = (
            f"/doc/{docid}.html"
            if mobile
            else f"/html/{r.posted[:4]}/{r.posted[5:7]}{r.posted[8:10]}/{docid}.shtm"
        )
        if mobile:
            items.append(f'<li><a href="{href}">{esc(r.title)}</a><span>{pages}页</span></li>')
        else:
            items.append(
                f'<li><i class="ico-{ext}"></i><a href="{href}" target="_blank" '
                f'title="{esc(r.title)}.{ext}">{esc(r.title)}.{ext}</a>'
                f"<span>{pages}页</span></li>"
            )
    head = "相关推荐" if mobile else "相关文档"
    cls = "m-rel" if mobile else "doc-rel"
    return f'<div class="{cls}"><h3>{head}</h3><ul>{"".join(items)}</ul></div>'


def _view(doc: Doc, pages: list[list[tuple[str, str]]], mobile: bool) -> str:
    total = len(pages)
    out = []
    middle = None
    paragraphs = [
        (p, n) for p, page in enumerate(pages) for n, (k, _) in enumerate(page) if k == "paragraph"
    ]
    if "hidden" in doc.spec.spam:
        middle = paragraphs[len(paragraphs) // 2]
    for p, page in enumerate(pages):
        inner = []
        for n, (kind, text) in enumerate(page):
            inner.append(_line_html(doc, kind, text))
            if middle == (p, n):
                inner.append(
                    f'<div style="display:none"><a href="http://www.yl8866.example/">'
                    f"{esc(doc.inject('hidden'))}</a></div>"
                )
        if mobile:
            block = (
                f'<section class="m-page" data-page="{p + 1}">\n' + "\n".join(inner) + "\n"
                f'<div class="m-pno">{p + 1}/{total}</div>\n</section>'
            )
        else:
            block = (
                f'<div class="doc-page" id="page{p + 1}">\n<div class="page-txt">\n'
                + "\n".join(inner)
                + f'\n</div>\n<div class="page-num">第 {p + 1} 页 / 共 {total} 页</div>\n</div>'
            )
        out.append(block)
        if not mobile and p + 1 == PREVIEW and total > PREVIEW:
            out.append(
                f'<div class="read-more" id="readMore">还剩{total - PREVIEW}页未读，'
                '<a href="javascript:;" onclick="showMore()">继续阅读</a></div>\n'
                '<div id="morePages">'
            )
    if not mobile and total > PREVIEW:
        out.append("</div>")
    return "\n".join(out)


def _header(doc: Doc, charset: str | None, mobile: bool, name: str, lines) -> str:
    spec = doc.spec
    head = ""
    if charset:
        if spec.host == 1:
            head += f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />\n'
        else:
            head += f'<meta charset="{charset}">\n'
    if mobile:
        head += (
            '<meta name="viewport" content="width=device-width,initial-scale=1,'
            'maximum-scale=1,user-scalable=no">\n'
            f"<title>{esc(name)} - {SITE}手机版</title>\n"
        )
    else:
        head += f"<title>{esc(name)}.{_ext(doc)} - {SITE}</title>\n"
    if doc.keywords:
        head += f'<meta name="keywords" content="{esc(",".join(doc.keywords))}" />\n'
    head += f'<meta name="description" content="{esc(_summary(doc, lines, 100))}" />\n'
    if mobile:
        head += (
            f'<link rel="canonical" href="{_desktop_url(doc)}">\n'
            '<link rel="stylesheet" href="/m/css/doc.css?v=20190612">\n'
        )
    else:
        head += (
            '<link rel="stylesheet" type="text/css" href="/static/css/common.css" />\n'
            '<link rel="stylesheet" type="text/css" href="/static/css/docview.css" />\n'
            '<script type="text/javascript" src="/static/js/jquery.min.js"></script>\n'
        )
    head += (
        f'<script type="text/javascript">var DOC_ID = {_docid(doc.article.id)}; '
        f'var DOC_EXT = "{_ext(doc)}";</script>\n'
    )
    return head


def _spam_foot(doc: Doc) -> list[str]:
    foot = []
    if "linkfarm" in doc.spec.spam:
        farm = doc.inject("linkfarm").split(" | ")
        links = " | ".join(
            f'<a href="http://www.{n}wd{n * 7 % 10}.example/" target="_blank">{esc(x)}</a>'
            for n, x in enumerate(farm)
        )
        foot.append(f'<div class="flink"><b>友情链接：</b>{links}</div>')
    if "porn" in doc.spec.spam:
        foot.append(
            f'<div class="hot-search">热门搜索：<a href="/search/?q=hot">'
            f"{esc(doc.inject('porn'))}</a></div>"
        )
    if "gambling" in doc.spec.spam:
        foot.append(
            '<div class="ad-bottom"><a href="http://www.yl8866.example/" target="_blank">'
            f"{esc(doc.inject('gambling'))}</a></div>"
        )
    return foot


def _desktop(doc: Doc, charset: str | None) -> str:
    a, spec = doc.article, doc.spec
    base, _ = HOSTS[spec.host]
    uploader, uid = _uploader(doc)
    docid = _docid(a.id)
    lines = _lines(doc)
    pages = _pages(lines)
    name = _name(doc)
    ext = _ext(doc)
    head = _header(doc, charset, False, name, lines)
    views, downloads, price = 40 + a.id % 3000, a.id % 61, 1 + a.id % 5
    old = spec.host == 1

    top = (
        '<div class="topbar"><div class="w1200">'
        f'<span class="fl">欢迎来到{SITE}！</span>'
        '<span class="fr"><a href="/login.html">登录</a> | <a href="/reg.html">免费注册</a> | '
        '<a href="/upload.html">上传文档</a> | <a href="/help/">帮助</a></span></div></div>\n'
        '<div class="header w1200"><a class="logo" href="/">'
        f'<img src="/static/img/logo.png" alt="{SITE}" /></a>'
        '<form class="search" action="/search/" method="get">'
        '<input type="text" name="q" placeholder="搜索文档" /><button type="submit">搜索</button>'
        "</form></div>\n"
        '<div class="nav"><div class="w1200">'
        + "".join(
            f'<a href="/{code}">{text}</a>'
            for code, text in (
                ("", "首页"),
                ("jiaoyu/", "教育资源"),
                ("zhuanye/", "专业资料"),
                ("lunwen/", "论文"),
                ("hangye/", "行业资料"),
                ("bangong/", "办公文档"),
                ("shenghuo/", "生活休闲"),
            )
        )
        + "</div></div>\n"
    )
    crumb = (
        '<div class="crumb w1200">当前位置：<a href="/">首页</a> &gt; '
        '<a href="/lunwen/">论文</a> &gt; <a href="/lunwen/zhengzhi/">政治法律</a>'
        + ("" if old else f" &gt; <span>{esc(name)}</span>")
        + "</div>\n"
    )
    attrs = [
        f'<li>上传人：<a href="/user/{uid}.html" target="_blank">{esc(uploader)}</a></li>',
        f"<li>上传时间：{doc.date}</li>",
        f"<li>格式：{ext.upper()}</li>",
        f"<li>页数：{len(pages)}</li>",
        f"<li>大小：{_size_kb(doc)}KB</li>",
        f"<li>浏览次数：{views}</li>",
        f"<li>下载次数：{downloads}</li>",
    ]
    if doc.byline:
        attrs.insert(1, f"<li>作者：{esc(doc.byline)}</li>")
        doc.tag("date-apart")
    parts = [
        '<div class="doc-head">',
        f'<h1 class="doc-title" title="{esc(name)}.{ext}"><i class="ico-{ext}"></i>'
        f"{esc(name)}.{ext}</h1>",
    ]
    if doc.subtitle:
        parts.append(f'<div class="doc-subtitle">{esc(doc.subtitle)}</div>')
    parts += [
        '<ul class="doc-attr">' + "".join(attrs) + "</ul>",
        '<div class="doc-btns">'
        f'<a class="btn-dl" href="/down/{docid}.html" rel="nofollow">下载文档（{price}金币）</a>'
        f'<a class="btn-fav" href="javascript:;" onclick="fav({docid})">收藏</a>'
        f'<a class="btn-jb" href="/report/{docid}.html" rel="nofollow">举报</a></div>',
        "</div>",
    ]
    desc = _description(doc, lines)
    if desc:
        parts.append(f'<div class="doc-intro"><h3>文档简介</h3><p>{desc}</p></div>')
    parts.append(f'<div class="doc-view" id="docView">\n{_view(doc, pages, False)}\n</div>')
    parts.append(
        f'<div class="doc-end">文档结束，<a href="/down/{docid}.html" rel="nofollow">'
        f"下载本文档</a>（{price}金币）</div>"
    )
    tags = _tags_html(doc)
    if tags:
        parts.append(tags)
    if "share" in spec.chrome:
        doc.tag("chrome-share")
        parts.append(
            '<div class="doc-share">分享到：'
            '<a href="javascript:;" class="s-wx">微信</a>'
            '<a href="javascript:;" class="s-qq">QQ</a>'
            '<a href="javascript:;" class="s-qz">QQ空间</a>'
            '<a href="javascript:;" class="s-wb">新浪微博</a></div>'
        )
    doc.tag("chrome-copyright")
    parts.append(f'<div class="doc-sm"><b>版权说明：</b>{DISCLAIMER}</div>')
    parts.append(_related(doc))

    others = "".join(
        f'<li><a href="/html/{r.posted[:4]}/{r.posted[5:7]}{r.posted[8:10]}/'
        f'{_docid(a.id, n + 20)}.shtm">{esc(r.title[:16])}</a></li>'
        for n, r in enumerate(doc.related[-4:])
    )
    side = (
        '<div class="side">'
        f'<div class="u-card"><img src="/avatar/{uid}.jpg" alt="" />'
        f'<p><a href="/user/{uid}.html">{esc(uploader)}</a></p>'
        f"<p>文档 {120 + a.id % 800} 篇　粉丝 {a.id % 97}</p></div>"
        f'<div class="u-docs"><h3>该用户的其他文档</h3><ul>{others}</ul></div>'
        "</div>"
    )
    foot = _spam_foot(doc)
    foot.append(
        '<div class="footer"><p><a href="/about.html">关于我们</a> | '
        '<a href="/contact.html">联系我们</a> | <a href="/agreement.html">用户协议</a> | '
        '<a href="/copyright.html">版权声明</a> | <a href="/sitemap.html">网站地图</a></p>'
        f"<p>Copyright &copy; 2014-2021 {SITE} 版权所有　{ICP}</p></div>"
    )
    if old:
        doctype = (
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml">\n'
        )
    else:
        doctype = '<!DOCTYPE html>\n<html lang="zh-CN">\n'
    return (
        f"{doctype}<head>\n{head}</head>\n<body>\n{top}{crumb}"
        '<div class="main w1200">\n<div class="doc-main">\n'
        + "\n".join(parts)
        + f"\n</div>\n{side}\n</div>\n"
        + "\n".join(foot)
        + '\n<script type="text/javascript" src="/static/js/docview.js"></script>\n'
        "</body>\n</html>\n"
    )


def _mobile(doc: Doc, charset: str | None) -> str:
    a, spec = doc.article, doc.spec
    uploader, uid = _uploader(doc)
    docid = _docid(a.id)
    lines = _lines(doc)
    pages = _pages(lines)
    name = _name(doc)
    head = _header(doc, charset, True, name, lines)
    # the mobile site prints the day only
    if "date-time" in doc.tags:
        doc.tags.discard("date-time")
        doc.tag("date-only")
    date = f"{a.posted_at:%Y-%m-%d}"
    doc.tag("chrome-app")
    parts = [
        f'<h1 class="m-title">{esc(name)}</h1>',
    ]
    if doc.subtitle:
        parts.append(f'<div class="m-subtitle">{esc(doc.subtitle)}</div>')
    info = [
        f'<span class="m-up">{esc(uploader)}</span>',
        f'<span class="m-time">上传于{date}</span>',
        f'<span class="m-pn">{len(pages)}页</span>',
        f'<span class="m-views">{40 + a.id % 3000}次阅读</span>',
    ]
    if doc.byline:
        info.insert(1, f'<span class="m-au">作者：{esc(doc.byline)}</span>')
        doc.tag("date-apart")
    parts.append('<div class="m-info">' + '<em class="dot">·</em>'.join(info) + "</div>")
    desc = _description(doc, lines)
    if desc:
        parts.append(f'<div class="m-intro">{desc}</div>')
    parts.append(f'<div class="m-doc" id="docView">\n{_view(doc, pages, True)}\n</div>')
    parts.append(
        f'<div class="m-app"><a href="wdgx365://doc/{docid}">打开APP，免费下载全文</a>'
        "<p>APP内阅读更流畅</p></div>"
    )
    tags = _tags_html(doc, mobile=True)
    if tags:
        parts.append(tags)
    if "share" in spec.chrome:
        doc.tag("chrome-share")
        parts.append(
            '<div class="m-share">分享到：<a href="javascript:;">微信</a>'
            '<a href="javascript:;">朋友圈</a><a href="javascript:;">QQ</a>'
            '<a href="javascript:;">微博</a></div>'
        )
    doc.tag("chrome-copyright")
    parts.append(f'<div class="m-sm">{DISCLAIMER}</div>')
    parts.append(_related(doc, mobile=True))
    foot = _spam_foot(doc)
    foot.append(
        f'<div class="m-foot"><a href="{_desktop_url(doc)}">电脑版</a> | '
        f'<a href="/m/help/">帮助</a> | <a href="/m/feedback/">反馈</a><p>{SITE} {ICP}</p></div>'
    )
    top = (
        '<header class="m-top"><a href="javascript:history.back()" class="m-back">返回</a>'
        f'<a href="/" class="m-logo"><img src="/m/img/logo.png" alt="{SITE}"></a>'
        f'<a href="wdgx365://doc/{docid}" class="m-open">APP内打开</a></header>\n'
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n'
        f"<head>\n{head}</head>\n<body>\n{top}"
        '<div class="m-main">\n'
        + "\n".join(parts)
        + "\n</div>\n"
        + "\n".join(foot)
        + '\n<script src="/m/js/doc.js?v=20190612"></script>\n</body>\n</html>\n'
    )


def render(doc: Doc) -> str:
    charset = declared(doc, "meta")
    if "kw-meta" in doc.spec.chrome and doc.spec.keywords == "links":
        doc.tags.discard("keywords-links")
        doc.tag("keywords-meta-only")
    if doc.spec.host == 2:
        return _mobile(doc, charset)
    return _desktop(doc, charset)


# The plan: the pages of the held-out layout and how each shows its article (neutral page
# names, so that a listing of the pages tells nothing about them).
