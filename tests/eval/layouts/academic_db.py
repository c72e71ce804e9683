"""copy-academic-db: an academic full-text database (知网-like) and its mobile reader: the
journal and issue above the title, authors numbered for their affiliations or run
together, affiliation lines, abstract and keywords, a metadata table.

The pages' parts are named by `Spec.chrome`:

- the record: `orgs` (the institutions under the names, numbered where there
  are several), `cite` (the box to cite the article), `intro` (the record's
  summary on the mobile reader);
- on the site: `related`, `share`, `copyright`.
"""

from __future__ import annotations

from pagekit import Doc, Spec, affiliation, declared, esc

# --- the plan ------------------------------------------------------------------------------

PLAN: tuple[Spec, ...] = (
    Spec(
        "page-01",
        4295306,
        label="di",
        front=("title-authors", "affiliation", "abstract", "bio"),
        academic=True,
        chrome=("orgs", "cite", "related"),
    ),
    Spec(
        "page-02",
        3415523,
        label="di",
        chrome=("orgs", "share", "copyright"),
    ),
    Spec(
        "page-03",
        4134341,
        label="paren",
        keywords="spaced",
        chrome=("intro",),
        host=1,
    ),
    Spec(
        "page-04",
        4601673,
        label="zero",
        keywords="none",
        encoding="gbk",
        declared="gb2312",
        header="missing",
        chrome=("orgs",),
        host=2,
    ),
    Spec(
        "page-05",
        5031867,
        label="di",
        title="subtitle",
        keywords="none",
        author_line="space",
        chrome=("cite",),
    ),
    Spec(
        "page-06",
        3648571,
        label="z",
        mojibake=True,
        chrome=("orgs", "related"),
    ),
    Spec(
        "page-07",
        4543599,
        label=None,
        chrome=("share",),
        host=1,
    ),
    Spec(
        "page-08",
        4646279,
        label="zero",
        encoding="gbk",
        declared="gb2312",
        meta="wrong",
        chrome=("orgs", "copyright"),
        host=2,
    ),
    Spec(
        "page-09",
        6072932,
        label="di",
        title="footnote",
        front=("abstract", "fund", "bio"),
        academic=True,
        chrome=("orgs", "cite"),
    ),
    Spec(
        "page-10",
        4197559,
        label="plain",
        meta="missing",
        stray=True,
        chrome=("intro", "related"),
        host=1,
    ),
)


# --- the site ------------------------------------------------------------------------------

# (base URL, template): the reader's site, its mobile reader, the institutes' mirror
HOSTS = (
    ("https://www.zwqikan.example", "pc"),
    ("https://m.zwqikan.example", "m"),
    ("http://qk.zwqikan.example", "old"),
)
SITE = "中文期刊全文数据库"
SHORT = "中文期刊网"
CODES = {
    "上海人大月刊": "SHRD",
    "浙江人大": "ZJRD",
    "天津人大": "TJRD",
    "人大研究": "RDYJ",
    "公民与法治": "GMYF",
}
SERIES = ("社会科学Ⅰ辑", "政党及群众组织", "D622")
HOT_WORDS = ("人大监督", "代表建议", "备案审查", "预算审查", "基层立法联系点", "地方立法")


def _filename(doc: Doc) -> str:
    """The database's file name of the record: journal code, year, issue, number."""
    if doc.journal_name is None:  # a record of the site's own subject collection
        return f"RDZT{doc.article.posted_at:%Y%m%d}{doc.article.id % 997:03d}"
    code = CODES[doc.journal.name]
    n = doc.issue.issue
    issue = n if n.startswith("Z") else f"{int(n):02d}"
    seq = doc.article.id % 97 + 1
    return f"{code}{doc.issue.year}{issue}{seq:03d}"


def _pages(doc: Doc) -> tuple[int, int]:
    start = doc.article.id % 40 + 4
    size = sum(len(b.text) for b in doc.article.blocks)
    return start, start + max(0, size // 2600)


def _page_range(doc: Doc) -> str:
    first, last = _pages(doc)
    return f"{first}-{last}" if last > first else f"{first}"


def url(doc: Doc) -> str:
    base, kind = HOSTS[doc.spec.host]
    if kind == "m":
        return f"{base}/article/{_filename(doc)}.html"
    if kind == "old":
        return f"{base}/Qikan/Article/Detail.aspx?id={_filename(doc)}&from=Qikan_Search_Index"
    return f"{base}/kcms/detail/detail.html?dbcode=CJFD&filename={_filename(doc).lower()}"


def _summary(doc: Doc) -> str:
    """The record's summary: the article's own abstract, else the text's first lines."""
    for line in doc.front:
        if line.startswith("摘要："):
            return line[len("摘要：") :]
    doc.tag("chrome-intro")
    text = "".join(t for k, t in doc.blocks if k == "paragraph")
    return text[:150] + "……"


def _orgs(doc: Doc) -> list[str]:
    names = doc.article.authors
    if not names:
        return []
    org = affiliation(doc.journal, int(doc.spec.academic))[0]
    if len(names) == 1:
        return [org]
    other = affiliation(doc.journal, 1 - int(doc.spec.academic))[0]
    return [org, other]


def _author_links(doc: Doc, numbered: bool) -> str:
    names = doc.article.authors
    out = []
    for n, name in enumerate(names):
        sup = f"<sup>{1 if n == 0 else 2}</sup>" if numbered and len(names) > 1 else ""
        out.append(
            f'<span><a href="/kcms/detail/knetsearch.html?sfield=au&amp;skey={esc(name)}" '
            f'target="_blank">{esc(name)}</a>{sup}</span>'
        )
    return "".join(out)


def _citation(doc: Doc) -> str:
    names = doc.article.authors
    who = ",".join(names[:3]) + (",等" if len(names) > 3 else "")
    n = doc.issue.issue
    issue = n if n.startswith("Z") else f"{int(n):02d}"
    lead = f"{who}." if who else ""
    return (
        f"[1]{lead}{doc.plain_title}[J].{doc.journal_name},{doc.issue.year}({issue}):"
        f"{_page_range(doc)}."
    )


def _fulltext(doc: Doc) -> str:
    """The reading view of the full text."""
    spec = doc.spec
    out = []
    if doc.author_line:
        out.append(f'<p class="zz">{esc(doc.author_line)}</p>')
    for n, line in enumerate(doc.front):
        if "title-authors" in spec.front and n == 0:
            out.append(f'<h3 class="ftitle">{esc(line)}</h3>')
        elif "title-authors" in spec.front and n == 1 or line.startswith("（"):
            out.append(f'<p style="text-align:center">{esc(line)}</p>')
        else:
            out.append(f"<p>{esc(line)}</p>")
    for kind, text in doc.blocks:
        if kind == "heading":
            out.append(f"<h4>{esc(text)}</h4>")
        else:
            out.append(f"<p>{esc(text)}</p>")
    return "\n".join(out)


def _keyword_links(doc: Doc) -> str:
    if doc.spec.keywords != "links":
        return ""
    links = "".join(
        f'<a href="/kcms/detail/knetsearch.html?sfield=kw&amp;skey={esc(k)}" '
        f'target="_blank">{esc(k)};</a>'
        for k in doc.keywords
    )
    return f'<p class="keywords"><span class="rowtit">关键词：</span>{links}</p>'


def _meta(doc: Doc) -> str:
    head = []
    charset = declared(doc, "meta")
    if charset:
        if HOSTS[doc.spec.host][1] == "old":
            head.append(
                f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />'
            )
        else:
            head.append(f'<meta charset="{charset}">')
    journal = f" - {doc.journal_name}" if doc.journal_name else ""
    head.append(f"<title>{esc(doc.plain_title)}{journal} - {SHORT}</title>")
    if doc.keywords and doc.spec.keywords == "links":
        head.append(f'<meta name="keywords" content="{esc(",".join(doc.keywords))}" />')
    head.append(f'<meta name="description" content="{esc(_summary_text(doc))}" />')
    head.append(f'<meta name="citation_title" content="{esc(doc.plain_title)}" />')
    for name in doc.article.authors:
        head.append(f'<meta name="citation_author" content="{esc(name)}" />')
    if doc.journal_name:
        n = doc.issue.issue
        head.append(f'<meta name="citation_journal_title" content="{esc(doc.journal_name)}" />')
        head.append(f'<meta name="citation_publication_date" content="{doc.issue.year}" />')
        issue = n if n.startswith("Z") else f"{int(n):02d}"
        head.append(f'<meta name="citation_issue" content="{issue}" />')
        first, last = _pages(doc)
        head.append(f'<meta name="citation_firstpage" content="{first}" />')
        head.append(f'<meta name="citation_lastpage" content="{last}" />')
    head.append(f'<meta name="citation_online_date" content="{doc.article.posted_at:%Y/%m/%d}" />')
    return "\n".join(head) + "\n"


def _summary_text(doc: Doc) -> str:
    """The summary for <meta>, without tagging."""
    for line in doc.front:
        if line.startswith("摘要："):
            return line[len("摘要：") :]
    return "".join(t for k, t in doc.blocks if k == "paragraph")[:150] + "……"


def _related(doc: Doc) -> str:
    if "related" not in doc.spec.chrome:
        return ""
    doc.tag("chrome-related")
    items = "".join(
        '<li><a href="/kcms/detail/detail.html?dbcode=CJFD&amp;filename='
        f'{CODES.get(r.journal, "RDZT")}{r.posted[:4]}{(doc.article.id + 7 * n) % 89 + 1:03d}"'
        f' target="_blank">{esc(r.title)}</a><span class="jn">{esc(r.journal)}</span>'
        f'<span class="dt">{esc(r.label)}</span></li>'
        for n, r in enumerate(doc.related)
    )
    return f'<div class="relate"><h2 class="title">相似文献</h2><ul>{items}</ul></div>'


def _share(doc: Doc) -> str:
    if "share" not in doc.spec.chrome:
        return ""
    doc.tag("chrome-share")
    return (
        '<div class="share"><span>分享到：</span><a class="wx" href="javascript:;">微信</a>'
        '<a class="wb" href="javascript:;">新浪微博</a><a class="qq" href="javascript:;">QQ空间</a>'
        "</div>"
    )


def _copyright(doc: Doc) -> str:
    if "copyright" not in doc.spec.chrome:
        return ""
    doc.tag("chrome-copyright")
    who = f"《{doc.journal_name}》编辑部" if doc.journal_name else "原作者"
    return (
        f'<p class="copyright">本文全文由{who}授权{SITE}发布，版权归原作者及出版单位所有，'
        "未经许可不得转载。</p>"
    )


def _desktop(doc: Doc, old: bool) -> str:
    spec = doc.spec
    fn = _filename(doc)
    code = CODES[doc.journal.name]
    if doc.byline:
        doc.tag("date-apart")
    # where the record sits
    crumbs = ['<a href="/">首页</a>', '<a href="/journal/">期刊导航</a>']
    if doc.journal_name:
        crumbs.append(f'<a href="/journal/{code}.html">{esc(doc.journal_name)}</a>')
        crumbs.append(f'<a href="/journal/{code}/{doc.issue.year}.html">{esc(doc.label)}</a>')
    else:
        crumbs.append('<a href="/special/rdzd.html">人大制度专题库</a>')
    top = ""
    if doc.journal_name:
        top = (
            f'<div class="top-tip"><span><a href="/journal/{code}.html" target="_blank">'
            f'{esc(doc.journal_name)}</a></span><span class="issue">{esc(doc.label)}</span></div>'
        )
    title = f"<h1>{esc(doc.title)}</h1>"
    if doc.subtitle:
        title += f'<h2 class="subtitle">{esc(doc.subtitle)}</h2>'
    orgs = _orgs(doc) if "orgs" in spec.chrome else []
    authors = (
        f'<h3 class="author" id="authorpart">{_author_links(doc, bool(orgs))}</h3>'
        if doc.article.authors
        else ""
    )
    if orgs:
        numbered = len(orgs) > 1
        org_html = "".join(
            f'<span><a href="/kcms/detail/knetsearch.html?sfield=in" target="_blank">'
            f"{f'{n + 1}. ' if numbered else ''}{esc(o)}</a></span>"
            for n, o in enumerate(orgs)
        )
        authors += f'<h3 class="orgn">{org_html}</h3>'
    rows = [
        f'<div class="row"><span class="rowtit">摘要：</span>'
        f'<span class="abstract-text" id="ChDivSummary">{esc(_summary(doc))}</span></div>'
    ]
    kw = _keyword_links(doc)
    if kw:
        rows.append(kw)
    if "fund" in spec.front:
        fund = next(x for x in doc.front if x.startswith("基金项目："))
        rows.append(
            f'<p class="funds"><span class="rowtit">基金资助：</span>'
            f"<span>{esc(fund[len('基金项目：') :])}</span></p>"
        )
    label = "入库时间：" if old else "上线时间："
    info = [
        f'<li><span class="rowtit">专辑：</span><p>{SERIES[0]}</p></li>',
        f'<li><span class="rowtit">专题：</span><p>{SERIES[1]}</p></li>',
        f'<li><span class="rowtit">分类号：</span><p>{SERIES[2]}</p></li>',
        f'<li><span class="rowtit">{label}</span><p>{esc(doc.date)}</p></li>',
    ]
    if doc.journal_name:
        info.insert(0, f'<li><span class="rowtit">页码：</span><p>{_page_range(doc)}</p></li>')
    size = sum(len(b.text) for b in doc.article.blocks)
    counts = (
        f'<div class="total-inform"><span>下载：{doc.article.id % 300 + 12}</span>'
        f"<span>页数：{_pages(doc)[1] - _pages(doc)[0] + 1}</span>"
        f"<span>大小：{size // 3 + 420}K</span></div>"
    )
    ops = (
        '<ul class="operate-btn"><li><a class="btn-dlcaj" href="javascript:;">CAJ下载</a></li>'
        '<li><a class="btn-dlpdf" href="javascript:;">PDF下载</a></li>'
        '<li><a class="btn-html" href="#fulltext">在线阅读</a></li>'
        '<li><a class="btn-note" href="javascript:;">记笔记</a></li></ul>'
    )
    cite = ""
    if "cite" in spec.chrome and doc.journal_name:
        cite = (
            '<div class="quote-box"><h2 class="title">引用本文</h2>'
            f'<p class="quote">{esc(_citation(doc))}</p>'
            '<a href="javascript:;">复制</a> <a href="javascript:;">导出题录</a></div>'
        )
    full = (
        '<div class="fulltext" id="fulltext"><h2 class="title">全文阅读</h2>'
        f'<div class="main-area" id="mainArea">\n{_fulltext(doc)}\n</div>{_copyright(doc)}</div>'
    )
    hot = "".join(f'<a href="/kns/search?kw={w}">{w}</a>' for w in HOT_WORDS)
    header = (
        f'<div class="header"><a class="logo" href="/">{SITE}</a>'
        '<div class="search"><select><option>主题</option><option>篇名</option>'
        "<option>作者</option><option>关键词</option></select>"
        '<input type="text" name="kw"><button>检索</button></div>'
        '<div class="login"><a href="/login">登录</a> | <a href="/register">注册</a> | '
        '<a href="/ip">机构登录</a></div></div>\n'
        f'<div class="hotword">热门检索：{hot}</div>\n'
    )
    foot = (
        '<div class="footer"><p><a href="/about">关于我们</a> | <a href="/contact">联系我们</a>'
        ' | <a href="/copyright">版权声明</a> | <a href="/help">帮助中心</a></p>'
        f"<p>&copy; 2008-2021 {SITE} 京ICP证040431号 京公网安备11010802020460号</p></div>\n"
    )
    doc_top = "\n".join(
        x
        for x in (
            '<div class="doc"><div class="doc-top">',
            top,
            f'<div class="wx-tit">{title}{authors}</div>',
            '<div class="row-group">' + "".join(rows) + "</div>",
            f'<ul class="doc-info">{"".join(info)}</ul>',
            counts,
            ops,
            _share(doc),
            "</div>",
            cite,
            full,
            _related(doc),
            "</div>",
        )
        if x
    )
    doctype = (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml">\n'
        if old
        else '<!DOCTYPE html>\n<html lang="zh-CN">\n'
    )
    css = "/Qikan/css/detail.css" if old else "/kcms/css/detail.min.css?v=2.3.1"
    return (
        f"{doctype}<head>\n{_meta(doc)}"
        f'<link rel="stylesheet" type="text/css" href="{css}" />\n</head>\n<body>\n'
        f"{header}"
        f'<div class="crumbs">当前位置：{" &gt; ".join(crumbs)}</div>\n'
        f"{doc_top}\n{foot}"
        f'<input type="hidden" id="paramfilename" value="{fn}" />\n'
        '<script type="text/javascript" src="/kcms/js/detail.min.js"></script>\n'
        "</body>\n</html>\n"
    )


def _mobile(doc: Doc) -> str:
    spec = doc.spec
    doc.tag("chrome-app")
    if doc.byline:
        doc.tag("date-apart")
    names = "".join(f"<span>{esc(n)}</span>" for n in doc.article.authors)
    src = ""
    if doc.journal_name:
        src = (
            f'<p class="source"><a href="/journal/{CODES[doc.journal.name]}.html">'
            f"{esc(doc.journal_name)}</a>&nbsp;{esc(doc.label)}</p>"
        )
    title = f'<h1 class="title">{esc(doc.title)}</h1>'
    if doc.subtitle:
        title += f'<p class="subtitle">{esc(doc.subtitle)}</p>'
    summary = ""
    if "intro" in spec.chrome:
        summary = f'<div class="abstract"><b>摘要：</b>{esc(_summary(doc))}</div>'
    kw = ""
    if spec.keywords == "links":
        kw = '<div class="kw"><b>关键词：</b>' + "".join(
            f'<a href="/search?kw={esc(k)}">{esc(k)}</a>' for k in doc.keywords
        )
        kw += "</div>"
    elif spec.keywords == "spaced":
        kw = f'<div class="kw"><b>关键词：</b>{esc(" ".join(doc.keywords))}</div>'
    banner = (
        '<div class="app-bar"><span class="logo"></span>'
        f"<span>{SHORT}APP 随时随地查文献</span>"
        '<a class="open" href="javascript:;">打开APP</a></div>\n'
    )
    head = (
        f'<div class="m-head">{title}'
        + (f'<div class="authors">{names}</div>' if names else "")
        + src
        + f'<p class="date">发布时间：{esc(doc.date)}</p></div>'
    )
    body = (
        f'<div class="m-body">{summary}{kw}'
        f'<div class="content">\n{_fulltext(doc)}\n</div>{_copyright(doc)}</div>'
    )
    tail = (
        '<div class="read-more"><a href="javascript:;">打开APP，下载PDF原文</a></div>\n'
        f'<div class="m-foot"><a href="{HOSTS[0][0]}">电脑版</a> · <a href="/help">帮助</a>'
        f"<p>{SITE}</p></div>\n"
    )
    return (
        "<!DOCTYPE html>\n<html>\n<head>\n"
        '<meta name="viewport" content="width=device-width,initial-scale=1.0,user-scalable=no">\n'
        f"{_meta(doc)}"
        '<link rel="stylesheet" href="/m/css/article.css?v=1.8">\n</head>\n<body>\n'
        f"{banner}{head}\n{body}\n{_share(doc)}{_related(doc)}\n{tail}"
        '<script src="/m/js/zepto.min.js"></script>\n</body>\n</html>\n'
    )


def render(doc: Doc) -> str:
    kind = HOSTS[doc.spec.host][1]
    if kind == "m":
        return _mobile(doc)
    return _desktop(doc, kind == "old")
