"""copy-wenku: another document library (文库): an information panel whose labels run
together, a summary naming where the text ran, `文本预览`, page counters `- 1 -`,
preview furniture.

The pages' parts are named by `Spec.chrome`:

- where the journal and issue stand: `src-desc` (the uploader's description),
  `src-head` (the document's running head, its first line), `src-tail` (a line
  after the text);
- where the byline stands: `by-desc` (the uploader's description);
- extras: `kw-meta` (tags only in the page's metadata), `share`, `app`, `fold`
  (the pages after the second folded away under a "read on" button).
"""

from __future__ import annotations

from pagekit import Doc, Spec, declared, esc

# --- the plan ------------------------------------------------------------------------------

PLAN: tuple[Spec, ...] = (
    Spec(
        "page-01",
        4199306,
        label="di",
        byline="none",
        author_line="wen",
        chrome=("src-desc", "share"),
    ),
    Spec(
        "page-02",
        4683538,
        label="plain",
        byline="none",
        author_line="space",
        keywords="none",
        encoding="gbk",
        declared="gb2312",
        header="missing",
        chrome=("src-head",),
        host=1,
    ),
    Spec(
        "page-03",
        5656344,
        label="z",
        byline="anon",
        chrome=("src-desc", "by-desc", "app"),
    ),
    Spec(
        "page-04",
        4543599,
        label="di",
        byline="none",
        keywords="body-colon",
        front=("title-authors", "affiliation", "abstract", "fund", "bio"),
        academic=True,
        mojibake=True,
        chrome=("src-head", "fold"),
    ),
    Spec(
        "page-05",
        4250550,
        label="zero",
        title="subtitle",
        byline="none",
        author_line="comma",
        keywords="spaced",
        encoding="gbk",
        declared="gb2312",
        chrome=("src-tail",),
        host=1,
    ),
    Spec(
        "page-06",
        3761388,
        label=None,
        byline="list",
        meta="missing",
        chrome=("by-desc", "kw-meta", "app"),
    ),
    Spec(
        "page-07",
        4598610,
        label="paren",
        byline="none",
        keywords="body-bracket",
        front=("title-authors", "abstract"),
        chrome=("src-desc", "fold", "share"),
    ),
    Spec(
        "page-08",
        5003900,
        label="di",
        title="spaces",
        byline="brackets",
        encoding="gbk",
        declared="gb2312",
        header="wrong",
        spam=("linkfarm",),
        chrome=("src-desc", "by-desc"),
        host=1,
    ),
    Spec(
        "page-09",
        4227788,
        label=None,
        byline="joined",
        author_line="space",
        keywords="none",
        spam=("hidden",),
        chrome=("by-desc", "fold"),
    ),
    Spec(
        "page-10",
        6373154,
        label="fullwidth",
        byline="none",
        author_line="space",
        stray=True,
        encoding="gbk",
        declared="gb2312",
        header="missing",
        meta="missing",
        chrome=("src-head",),
        host=1,
    ),
)


# --- the site ------------------------------------------------------------------------------

# base URL, site name, ICP line; host 1 is the company's older domain, still
# serving the older version of the same template.
HOSTS = (
    ("https://www.wenkubao.example", "文库宝", "浙ICP备14025671号-2"),
    ("http://www.wkbdoc.example", "文库宝文档", "浙ICP备11038842号"),
)
UPLOADERS = (
    ("zhfw_2015", 8812403),
    ("卡卡西的文档", 1260571),
    ("wkb_38561027", 38561027),
    ("老王的资料库", 5520138),
    ("luckydoc88", 2291760),
    ("金牌文档员", 7304419),
)
CATEGORIES = (("党政材料", "dzcl"), ("人大政协", "rdzx"), ("人大工作", "rdgz"))
FORMATS = ("docx", "doc", "pdf", "docx", "doc")
SEARCHES = (
    "人大工作总结",
    "人大代表履职心得体会",
    "人大调研报告范文",
    "人大常委会工作报告",
    "代表建议办理情况",
    "人大监督工作经验交流",
    "乡镇人大工作汇报",
    "人大理论研讨会论文",
)
HOT_DOCS = (
    "2021年度人大工作总结及2022年工作计划",
    "人大代表述职报告范文（精选8篇）",
    "关于加强和改进新时代人大工作的调研报告",
    "乡镇人大主席团工作报告",
    "人大常委会党组理论学习中心组发言材料",
    "人大代表建议的撰写技巧与范例",
)
PAGE_CHARS = 1300  # text per preview page
STATEMENT = (
    "版权说明：本文档由用户提供并上传，收益归属内容提供方，仅供学习交流使用。"
    "若内容存在侵权，请进行举报或认领。"
)


def _docid(doc: Doc, shift: int = 0) -> str:
    a = doc.article
    if doc.spec.host == 0:
        return f"6{(a.id * 7919 + 1000003 * (shift + 1)) % 10**15:015d}"
    return f"{8 * 10**12 + (a.id * 1237 + 99991 * shift) % 10**12}"


def _path(doc: Doc, shift: int = 0, posted: str | None = None) -> str:
    if doc.spec.host == 1:
        return f"/p-{_docid(doc, shift)}.html"
    day = (
        f"{doc.article.posted_at:%Y/%m%d}"
        if posted is None
        else f"{posted[:4]}/{posted[5:7]}{posted[8:10]}"
    )
    return f"/html/{day}/{_docid(doc, shift)}.shtm"


def url(doc: Doc) -> str:
    return HOSTS[doc.spec.host][0] + _path(doc)


def _uploader(doc: Doc) -> tuple[str, int]:
    return UPLOADERS[(doc.article.id // 7) % len(UPLOADERS)]


def _date(doc: Doc) -> str:
    """The upload time; the older template writes `Y/m/d H:i`, midnight where none."""
    a = doc.article
    if doc.spec.host == 1:
        doc.tag("date-slash")
        if "date-time" in doc.tags:
            return f"{a.posted_at:%Y/%m/%d %H:%M}"
        return f"{a.posted_at:%Y/%m/%d} 00:00"
    return doc.date


# --- the document's text -------------------------------------------------------------


def _lines(doc: Doc) -> list[tuple[str, str]]:
    """The document's lines as its preview shows them: (kind, text)."""
    spec, chrome = doc.spec, doc.spec.chrome
    out: list[tuple[str, str]] = []
    if "src-head" in chrome and doc.label:
        out.append(("head", f"{doc.journal_name}\u3000{doc.label}"))
    if doc.author_line:
        out.append(("author", doc.author_line))
    for n, line in enumerate(doc.front):
        if "title-authors" in spec.front and n == 0:
            out.append(("title", line))
        elif "title-authors" in spec.front and n == 1 or line.startswith("（"):
            out.append(("centre", line))
        else:
            out.append(("front", line))
    out += list(doc.blocks)
    if "src-tail" in chrome and doc.label:
        out.append(("tail", f"（原载《{doc.journal_name}》{doc.label}）"))
    return out


def _pages(lines: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """The lines cut into preview pages (the converter breaks between paragraphs)."""
    pages: list[list[tuple[str, str]]] = [[]]
    size = 0
    for kind, text in lines:
        if size >= PAGE_CHARS and kind != "tail":
            pages.append([])
            size = 0
        pages[-1].append((kind, text))
        size += len(text)
    return pages


def _page_html(doc: Doc, page: list[tuple[str, str]]) -> str:
    out = []
    for kind, text in page:
        if kind == "head":
            out.append(f'<p class="p-head" style="text-align:right;font-size:9pt;">{esc(text)}</p>')
        elif kind == "title":
            out.append(f'<p style="text-align:center;font-size:16pt;"><b>{esc(text)}</b></p>')
        elif kind in ("author", "centre"):
            out.append(f'<p style="text-align:center;">{esc(text)}</p>')
        elif kind == "heading":
            out.append(f"<p><b>{esc(text)}</b></p>")
        elif kind == "tail":
            out.append(f'<p style="text-align:right;">{esc(text)}</p>')
        else:
            out.append(f'<p style="text-indent:2em;">{esc(text)}</p>')
    return "\n".join(out)


def _page_text(doc: Doc, page: list[tuple[str, str]]) -> str:
    """The older template: the text layer as lines."""
    parts = []
    for kind, text in page:
        if kind in ("paragraph", "front"):
            parts.append("\u3000\u3000" + esc(text))
        else:
            parts.append(esc(text))
    return "<br />\r\n".join(parts)


def _preview(doc: Doc, pages: list[list[tuple[str, str]]]) -> str:
    spec = doc.spec
    total = len(pages)
    blocks = []
    for n, page in enumerate(pages, 1):
        if spec.host == 1:
            blocks.append(
                f'<div class="txtpage" id="page_{n}">\r\n{_page_text(doc, page)}\r\n'
                f'<div class="pno">第{n}页</div></div>'
            )
        else:
            blocks.append(
                f'<div class="page" id="pageContainer{n}" data-page="{n}">'
                f'<div class="page-con">\n{_page_html(doc, page)}\n</div>'
                f'<div class="page-num">- {n} -</div></div>'
            )
        if n == 1 and total > 1 and spec.host == 0:
            blocks.append(
                '<div class="page-ad"><a href="/vip/" target="_blank">'
                "开通VIP会员，本站文档免费下载</a></div>"
            )
    if spec.host == 1:
        return (
            '<div class="txtview"><div class="txtview_t">文本预览</div>\r\n'
            + "\r\n".join(blocks)
            + "\r\n</div>"
        )
    if "fold" in spec.chrome and total > 2:
        shown, folded = blocks[:3], blocks[3:]
        return (
            '<div class="preview" id="contents">\n'
            + "\n".join(shown)
            + '\n<div class="fold" id="morePages" style="height:0;overflow:hidden;">\n'
            + "\n".join(folded)
            + "\n</div>\n"
            + f'<div class="read-more"><p>还剩{total - 2}页未读，'
            '<a href="javascript:;" onclick="readMore()">继续阅读</a></p></div>\n</div>'
        )
    return (
        '<div class="preview" id="contents">\n'
        + "\n".join(blocks)
        + '\n<div class="preview-end">预览已结束，喜欢就下载吧！</div>\n</div>'
    )


# --- what the site puts around it ----------------------------------------------------


def _description(doc: Doc, lines: list[tuple[str, str]]) -> str:
    """The uploader's description, or the site's summary where the uploader wrote none."""
    chrome = doc.spec.chrome
    parts = []
    if "src-desc" in chrome and doc.label:
        if doc.spec.host == 1:
            parts.append(f"来源：《{doc.journal_name}》{doc.label}")
        else:
            parts.append(f"本文刊登于《{doc.journal_name}》{doc.label}")
    if "by-desc" in chrome and doc.byline:
        parts.append(f"作者：{doc.byline}")
        doc.tag("date-apart")
    if parts:
        sep = "\u3000" if doc.spec.host == 1 else "，"
        return sep.join(parts) + ("" if doc.spec.host == 1 else "。仅供学习交流使用。")
    doc.tag("chrome-intro")
    text = "".join(t for _, t in lines)
    return text[:110] + "..."


def _tags(doc: Doc) -> str:
    spec = doc.spec
    if spec.keywords == "spaced":
        return f'<div class="doc-tags">关键词：{"　".join(esc(k) for k in doc.keywords)}</div>'
    if spec.keywords != "links" or not doc.keywords:
        return ""
    if "kw-meta" in spec.chrome:
        doc.tags.discard("keywords-links")
        doc.tag("keywords-meta-only")
        return ""
    base = "/tag/" if spec.host == 0 else "/search.php?q="
    links = " ".join(f'<a href="{base}{esc(k)}" target="_blank">{esc(k)}</a>' for k in doc.keywords)
    label = "标签" if spec.host == 0 else "关键词"
    return f'<div class="doc-tags"><span>{label}：</span>{links}</div>'


def _related(doc: Doc) -> str:
    doc.tag("chrome-related")
    items = "".join(
        f'<li><i class="ft ft-{FORMATS[(n + doc.article.id) % len(FORMATS)]}"></i>'
        f'<a href="{_path(doc, n + 1, r.posted)}" target="_blank">{esc(r.title)}</a>'
        f"<span>{r.posted[:10]}</span></li>"
        for n, r in enumerate(doc.related)
    )
    return f'<div class="doc-related"><h3>相关文档</h3><ul>{items}</ul></div>'


def _searches(doc: Doc) -> str:
    words = doc.rng.sample(SEARCHES, 5)
    links = "".join(f'<a href="/search?q={esc(w)}">{esc(w)}</a>' for w in words)
    return f'<div class="hot-search"><span>相关搜索：</span>{links}</div>'


def _share(doc: Doc) -> str:
    if "share" not in doc.spec.chrome:
        return ""
    doc.tag("chrome-share")
    return (
        '<div class="share"><span>分享到：</span>'
        '<a href="javascript:;" class="sh-wx">微信</a>'
        '<a href="javascript:;" class="sh-qq">QQ</a>'
        '<a href="javascript:;" class="sh-qz">QQ空间</a>'
        '<a href="javascript:;" class="sh-wb">微博</a></div>'
    )


def _app(doc: Doc) -> str:
    if "app" not in doc.spec.chrome:
        return ""
    doc.tag("chrome-app")
    return (
        '<div class="app-down"><img src="/static/img/app_qr.png" width="80" alt="" />'
        "<p>下载文库宝APP</p><p>手机随时随地阅读</p></div>"
    )


def _hidden(doc: Doc) -> str:
    if "hidden" not in doc.spec.spam:
        return ""
    return f'<div style="display:none;">{esc(doc.inject("hidden"))}</div>\n'


def _linkfarm(doc: Doc) -> str:
    if "linkfarm" not in doc.spec.spam:
        return ""
    farm = doc.inject("linkfarm").split(" | ")
    links = " | ".join(
        f'<a href="http://www.lk{n}{n * 7 % 10}.example/" target="_blank">{esc(x)}</a>'
        for n, x in enumerate(farm)
    )
    return f'<div class="flink">友情链接：{links}</div>\n'


def render(doc: Doc) -> str:
    spec, a, rng = doc.spec, doc.article, doc.rng
    base, site, icp = HOSTS[spec.host]
    charset = declared(doc, "meta")
    uploader, uid = _uploader(doc)
    fmt = FORMATS[a.id % len(FORMATS)]
    lines = _lines(doc)
    pages = _pages(lines)
    size = sum(len(t) for _, t in lines)
    description = _description(doc, lines)
    date = _date(doc)
    tags = _tags(doc)
    views, downs = 40 + a.id % 3000, a.id % 37
    points = 1 + a.id % 3

    css = "view2020" if spec.host == 0 else "view"
    head = ""
    if spec.host == 0:
        head += f'<meta charset="{charset}">\n' if charset else ""
        head += (
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(doc.plain_title)}.{fmt} - {site}</title>\n"
        )
    else:
        head += (
            f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />\n'
            if charset
            else ""
        )
        head += f"<title>{esc(doc.plain_title)} - {site} - 免费下载</title>\n"
    head += (
        f'<meta name="keywords" content="{esc(",".join(doc.keywords))}" />\n'
        f'<meta name="description" content="{esc(description)}" />\n'
        f'<link rel="stylesheet" href="/static/css/{css}.css" />\n'
        '<script src="/static/js/jquery.min.js"></script>\n'
        f"<script>var docInfo = {{id: '{_docid(doc)}', format: '{fmt}', pages: {len(pages)}, "
        f"uid: {uid}}};</script>\n"
    )

    header = (
        '<div class="header"><div class="w">'
        f'<a class="logo" href="/"><img src="/static/img/logo.png" alt="{site}" /></a>'
        '<form class="search" action="/search" method="get"><input type="text" name="q" '
        'placeholder="搜索你想要的文档" /><button type="submit">搜索</button></form>'
        '<a class="upload" href="/upload/">上传文档</a>'
        '<span class="user"><a href="/login/">登录</a> | <a href="/reg/">注册</a></span>'
        "</div></div>\n"
        '<div class="nav"><div class="w"><a href="/">首页</a><a href="/jiaoyu/">教育专区</a>'
        '<a href="/hangye/">行业资料</a><a href="/dzcl/">党政材料</a><a href="/lunwen/">论文</a>'
        '<a href="/bangong/">办公文档</a><a href="/vip/">VIP专区</a></div></div>\n'
    )
    crumb = (
        f'<div class="crumb">当前位置：<a href="/">{site}</a> &gt; '
        + " &gt; ".join(f'<a href="/{code}/">{name}</a>' for name, code in CATEGORIES)
        + "</div>\n"
    )
    title = f'<h1 class="doc-title"><i class="ft ft-{fmt}"></i>{esc(doc.title)}</h1>'
    if doc.subtitle:
        title += f'\n<div class="doc-subtitle">{esc(doc.subtitle)}</div>'
    meta = (
        '<div class="doc-meta">'
        f'<span>上传人：<a href="/u/{uid}/" target="_blank">{esc(uploader)}</a></span>'
        f"<span>上传时间：{date}</span>"
        f"<span>格式：{fmt.upper()}</span>"
        f"<span>页数：{len(pages)}</span>"
        f"<span>大小：{size * 3 // 1024 + 18}.{a.id % 10}KB</span>"
        f"<span>浏览：{views}次</span><span>下载：{downs}次</span>"
        "</div>"
    )
    intro_label = "文档简介" if spec.host == 0 else "内容简介"
    intro = f'<div class="doc-intro"><b>{intro_label}：</b>{esc(description)}</div>'
    tools = (
        '<div class="doc-tools">'
        f'<a class="btn-down" href="/down/{_docid(doc)}/">下载文档（{points}积分）</a>'
        '<a href="javascript:;" class="fav">收藏</a>'
        '<a href="javascript:;" class="report">举报</a></div>'
    )
    doc.tag("chrome-copyright")
    statement = f'<div class="doc-statement">{STATEMENT}</div>'
    down = (
        '<div class="doc-down"><a href="/down/'
        f'{_docid(doc)}/">下载文档到电脑，查找使用更方便</a><span>{points}积分</span></div>'
        if spec.host == 0
        else f'<div class="doc-down"><a href="/down/{_docid(doc)}/">下载本文档</a></div>'
    )
    main = "\n".join(
        x
        for x in (
            '<div class="doc-main">',
            title,
            meta,
            tags,
            intro,
            tools,
            _preview(doc, pages),
            down,
            statement,
            _share(doc),
            _related(doc),
            _searches(doc),
            "</div>",
        )
        if x
    )
    hot = "".join(
        f'<li><a href="/search?q={esc(t)}">{esc(t)}</a></li>' for t in rng.sample(HOT_DOCS, 4)
    )
    side = (
        '<div class="doc-side">'
        f'<div class="u-card"><img src="/static/avatar/{uid % 100}.png" alt="" />'
        f'<p><a href="/u/{uid}/">{esc(uploader)}</a></p>'
        f"<p>文档：{60 + uid % 900}　粉丝：{uid % 300}</p></div>"
        + _app(doc)
        + f'<div class="hot-docs"><h3>热门文档</h3><ul>{hot}</ul></div></div>'
    )
    foot = (
        _linkfarm(doc)
        + '<div class="footer"><p><a href="/about/">关于我们</a> | <a href="/help/">帮助中心</a>'
        ' | <a href="/copyright/">版权声明</a> | <a href="/contact/">联系我们</a></p>'
        f"<p>Copyright &copy; 2013-2022 {site} All Rights Reserved {icp}</p></div>\n"
    )
    if spec.host == 1:
        doctype = (
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml">\n'
        )
    else:
        doctype = '<!DOCTYPE html>\n<html lang="zh-CN">\n'
    return (
        f"{doctype}<head>\n{head}</head>\n<body>\n{_hidden(doc)}{header}"
        f'<div class="w main">\n{crumb}{main}\n{side}\n</div>\n{foot}'
        '<script src="/static/js/view.js"></script>\n</body>\n</html>\n'
    )


# The plan: the pages of the held-out layout and how each shows its article (neutral page
# names, so that a listing of the pages tells nothing about them).
