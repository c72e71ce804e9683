"""copy-reading-room: held out (README.md): one site on three hosts.

The pages' parts are named by `Spec.chrome`: `author-links`,
`related`, `pn`, `copyright`, `share`. Its hard pages print the keyword line run
together.
"""

from __future__ import annotations

from pagekit import Doc, Spec, declared, esc

# --- the plan ------------------------------------------------------------------------------

PLAN: tuple[Spec, ...] = (
    Spec(
        "page-01",
        5108189,
        label="di",
        byline="names",
        chrome=("author-links", "related", "pn", "copyright"),
    ),
    Spec(
        "page-02",
        4719704,
        label="zero",
        byline="none",
        author_line="wen",
        keywords="spaced",
        encoding="gbk",
        declared="gb2312",
        header="missing",
        spam=("hidden",),
        chrome=("related", "copyright"),
        host=1,
    ),
    Spec(
        "page-03",
        4095001,
        label="di",
        byline="brackets",
        title="footnote",
        keywords="body-colon",
        front=("title-authors", "affiliation", "abstract", "fund", "bio"),
        academic=True,
        encoding="gb18030",
        declared="gbk",
        chrome=("pn",),
        host=1,
    ),
    Spec(
        "page-04",
        4870324,
        label="paren",
        byline="list",
        author_line="space",
        front=("abstract",),
        meta="missing",
        chrome=("author-links", "related", "share"),
        host=2,
    ),
    Spec(
        "page-05",
        3298658,
        label="plain",
        keywords="none",
        time=False,
        stray=True,
        chrome=("pn", "copyright"),
    ),
    Spec(
        "page-06",
        4063865,
        label="fullwidth",
        byline="names",
        spam=("linkfarm",),
        chrome=("related",),
        host=2,
    ),
    Spec(
        "page-07",
        6215064,
        label=None,
        byline="names",
        chrome=("related", "copyright"),
    ),
    Spec(
        "page-08",
        4279909,
        label="di",
        byline="joined",
        author_line="comma",
        mojibake=True,
        chrome=("pn", "related"),
    ),
    Spec(
        "page-09",
        4134341,
        label="di",
        byline="anon",
        title="spaces",
        encoding="gbk",
        declared="gbk",
        meta="wrong",
        chrome=("related", "copyright"),
        host=1,
    ),
    Spec(
        "page-10",
        3648636,
        label="z",
        byline="names",
        author_line="circle",
        header="missing",
        chrome=("pn", "share"),
        host=2,
    ),
)

# Hard pages (`hardset.COPIES`, README.md "The hard pages"), written blind like the rest:
# the keyword line run together from nested tags, names run together with a padded one,
# no journal line (a topic collection instead of an issue), a text cut mid-sentence.
HARD: tuple[Spec, ...] = (
    Spec(
        "hard-sessions-no-journal",
        6500201,
        label=None,
        byline="padded-run",
        keywords="run",
        chrome=("related", "copyright"),
    ),
    Spec(
        "hard-liaison-cut",
        6500202,
        label="plain",
        byline="padded-run",
        keywords="run",
        cut=0.6,
        encoding="gbk",
        declared="gbk",
        chrome=("pn",),
        host=1,
    ),
    Spec(
        "hard-rules-no-journal",
        6500203,
        label=None,
        byline="padded-run",
        keywords="run",
        chrome=("related", "share"),
        host=2,
    ),
    Spec(
        "hard-openness-no-journal",
        6500204,
        label=None,
        keywords="run",
        encoding="gbk",
        declared="gb2312",
        header="missing",
        chrome=("copyright",),
        host=1,
    ),
    Spec(
        "hard-constitutionality-cut-no-journal",
        6500205,
        label=None,
        byline="padded-run",
        keywords="run",
        cut=0.6,
        chrome=("pn", "copyright"),
    ),
    Spec(
        "hard-review",
        6500206,
        label="plain",
        keywords="run",
        chrome=("related",),
        host=2,
    ),
    Spec(
        "hard-emergencies-markup-no-journal",
        6500207,
        label=None,
        keywords="run",
        keyword_junk=True,
        chrome=("related", "pn"),
    ),
)

# --- the site ------------------------------------------------------------------------------

# (base URL, library, the user group the reading room greets, IP prefix)
HOSTS = (
    ("http://qikan.ljdx.example", "中共临江市委党校图书馆", "中共临江市委党校", "10.18.6"),
    ("http://dzqk.lib.xcxy.example", "西川行政学院图书馆", "西川行政学院", "172.20.11"),
    ("https://read.hbdxlib.example", "中共鹤北省委党校图书馆", "中共鹤北省委党校", "10.66.2"),
)
ROOM = "数字期刊阅览室"
VENDOR = "博阅数字期刊平台"
# per journal slug: (sponsor, CN, ISSN, frequency, category)
JOURNALS = {
    "上海人大月刊": ("上海市人大常委会办公厅", "31-1617/D", "1008-0627", "月刊", "政治法律"),
    "浙江人大": ("浙江省人大常委会办公厅", "33-1266/D", "1009-4873", "月刊", "政治法律"),
    "天津人大": ("天津市人大常委会办公厅", "12-1292/D", "1008-6587", "月刊", "政治法律"),
    "人大研究": ("甘肃省人大常委会办公厅", "62-1118/D", "1671-4768", "月刊", "政治法律"),
    "公民与法治": ("河北省人大常委会办公厅", "13-1285/D", "1674-2397", "半月刊", "政治法律"),
}
TOPICS = ("人大制度建设专题", "基层民主与法治专题", "地方立法专题")
HOT = (
    "人民代表大会制度的历史发展与时代价值",
    "全过程人民民主的理论内涵与实践路径",
    "新时代地方立法工作的若干思考",
    "基层治理现代化视野下的乡镇人大建设",
    "预算审查监督改革的实践与探索",
    "人大代表履职能力建设研究",
)


def _code(doc: Doc) -> str:
    return doc.journal.code


def _seq(doc: Doc, shift: int = 0) -> int:
    return 1 + (doc.article.id + shift * 7) % 40


def _issue_part(doc: Doc) -> str:
    n = doc.issue.issue
    return n.lower() if n.startswith("Z") else f"{int(n):02d}"


def _path(doc: Doc, shift: int = 0) -> str:
    if doc.journal_name is None:
        topic = doc.article.id % len(TOPICS)
        return f"/Topic/{topic + 1}/{(doc.article.id * 13 + shift) % 90000 + 10000}.html"
    return f"/Article/{_code(doc)}{doc.issue.year}{_issue_part(doc)}{_seq(doc, shift):02d}.html"


def url(doc: Doc) -> str:
    return HOSTS[doc.spec.host][0] + _path(doc)


def _date(doc: Doc) -> str:
    a = doc.article
    host = doc.spec.host
    if host == 1:
        for tag in ("date-time", "date-only"):
            doc.tags.discard(tag)
        doc.tag("date-only")
        return f"{a.posted_at:%Y-%m-%d}"
    if host == 2:
        for tag in ("date-time", "date-only"):
            doc.tags.discard(tag)
        doc.tag("date-slash")
        if a.show_time if doc.spec.time is None else doc.spec.time:
            return f"{a.posted_at:%Y/%m/%d %H:%M}"
        return f"{a.posted_at:%Y/%m/%d} 00:00"
    return doc.date


def _ip(doc: Doc) -> str:
    return f"{HOSTS[doc.spec.host][3]}.{doc.article.id % 200 + 21}"


def _views(doc: Doc) -> int:
    return 37 + doc.article.id % 911


def _authors(doc: Doc) -> str:
    """The author field: linked names, or the byline as the record has it."""
    if not doc.byline:
        return ""
    doc.tag("date-apart")
    if "author-links" in doc.spec.chrome and doc.spec.byline in ("names", "list"):
        sep = "、" if doc.spec.byline == "list" else "&nbsp;"
        base = HOSTS[doc.spec.host][0]
        return sep.join(
            f'<a href="{base}/Search/?field=author&amp;kw={esc(n)}" target="_blank">{esc(n)}</a>'
            for n in (doc.s(x) for x in doc.article.authors)
        )
    return esc(doc.byline)


def _source(doc: Doc) -> str:
    if doc.journal_name is None:
        return "馆藏专题文献库"
    base = HOSTS[doc.spec.host][0]
    return (
        f'<a href="{base}/Magazine/{_code(doc)}.html">《{esc(doc.journal_name)}》</a>'
        f"{esc(doc.label or '')}"
    )


def _keywords(doc: Doc, base: str) -> str:
    if not doc.keywords or doc.spec.keywords not in ("links", "spaced", "run"):
        return ""
    if doc.spec.keywords == "spaced":
        return esc(" ".join(doc.keywords))
    if doc.spec.keywords == "run":  # the hard pages: the separators lost
        return esc("".join(doc.keywords))
    return "；".join(
        f'<a href="{base}/Search/?field=kw&amp;kw={esc(k)}" target="_blank">{esc(k)}</a>'
        for k in doc.keywords
    )


def _text(doc: Doc) -> str:
    indent = "\u3000\u3000" if doc.spec.host == 1 else ""
    bold = "b" if doc.spec.host == 1 else "strong"
    out = []
    if doc.author_line:
        out.append(f'<p align="center">{esc(doc.author_line)}</p>')
    for n, line in enumerate(doc.front):
        if "title-authors" in doc.spec.front and n == 0:
            out.append(f'<p align="center"><{bold}>{esc(line)}</{bold}></p>')
        elif ("title-authors" in doc.spec.front and n == 1) or line.startswith("（"):
            out.append(f'<p align="center">{esc(line)}</p>')
        elif line.startswith(("摘要：", "关键词：", "基金项目：", "作者简介：")):
            label, _, rest = line.partition("：")
            out.append(f"<p>{indent}<{bold}>{label}：</{bold}>{esc(rest)}</p>")
        else:
            out.append(f"<p>{indent}{esc(line)}</p>")
    for kind, text in doc.blocks:
        if kind == "heading":
            out.append(f"<p>{indent}<{bold}>{esc(text)}</{bold}></p>")
        else:
            out.append(f"<p>{indent}{esc(text)}</p>")
    return "\n".join(out)


def _related(doc: Doc, base: str) -> str:
    if "related" not in doc.spec.chrome:
        return ""
    doc.tag("chrome-related")
    items = "".join(
        f'<li><a href="{base}/Article/{(doc.article.id * 31 + n * 977) % 900000 + 100000}.html" '
        f'target="_blank">{esc(r.title)}</a><span>《{esc(r.journal)}》{esc(r.label)}</span></li>\n'
        for n, r in enumerate(doc.related)
    )
    return f'<div class="box relate"><h3>相关文献</h3><ul>\n{items}</ul></div>\n'


def _pn(doc: Doc, base: str) -> str:
    if "pn" not in doc.spec.chrome or len(doc.related) < 2:
        return ""
    prev, nxt = doc.related[0], doc.related[1]
    return (
        f'<div class="prenext"><p>上一篇：<a href="{base}{_path(doc, 1)}">{esc(prev.title)}</a></p>'
        f'<p>下一篇：<a href="{base}{_path(doc, 2)}">{esc(nxt.title)}</a></p></div>\n'
    )


def _copyright(doc: Doc) -> str:
    if "copyright" not in doc.spec.chrome:
        return ""
    doc.tag("chrome-copyright")
    school = HOSTS[doc.spec.host][2]
    return (
        f'<div class="statement">声明：本文由{VENDOR}授权提供，版权归原作者及原刊所有，'
        f"仅限{school}校内用户学习研究使用，请勿转载或用于商业用途。</div>\n"
    )


def _share(doc: Doc) -> str:
    if "share" not in doc.spec.chrome:
        return ""
    doc.tag("chrome-share")
    return (
        '<div class="share">分享到：<a href="javascript:;" class="wx">微信</a>'
        '<a href="javascript:;" class="wb">新浪微博</a>'
        '<a href="javascript:;" class="qz">QQ空间</a></div>\n'
    )


def _hidden(doc: Doc) -> str:
    if "hidden" not in doc.spec.spam:
        return ""
    return f'<div style="display:none">{esc(doc.inject("hidden"))}</div>\n'


def _links(doc: Doc) -> str:
    """The footer's friendly links; a link farm where the server was broken into."""
    own = (
        '<a href="http://www.nlc.example/">国家图书馆</a> <a href="http://www.ccps.example/">'
        '中央党校图书馆</a> <a href="http://www.calis.example/">CALIS</a>'
    )
    if "linkfarm" not in doc.spec.spam:
        return f'<div class="flink">友情链接：{own}</div>\n'
    farm = doc.inject("linkfarm")
    items = " | ".join(
        f'<a href="http://www.{n:x}.example/">{esc(w)}</a>'
        for n, w in enumerate(farm.split(" | "), 4096)
    )
    return f'<div class="flink">友情链接：{own} {items}</div>\n'


def _side(doc: Doc, base: str) -> str:
    if doc.journal_name is None:
        topics = "".join(
            f'<li><a href="{base}/Topic/{n + 1}/">{t}</a></li>' for n, t in enumerate(TOPICS)
        )
        return f'<div class="box"><h3>专题文献</h3><ul>{topics}</ul></div>\n'
    sponsor, cn, issn, freq, _ = JOURNALS[doc.journal.name]
    years = "".join(
        f'<a href="{base}/Magazine/{_code(doc)}.html?year={y}">{y}</a> '
        for y in range(doc.issue.year, doc.issue.year - 5, -1)
    )
    return (
        f'<div class="box magcover"><img src="{base}/cover/{_code(doc)}/{doc.issue.year}'
        f'{_issue_part(doc)}.jpg" alt="{esc(doc.journal_name)}" width="150" height="200"></div>\n'
        '<div class="box maginfo"><h3>刊物信息</h3><ul>'
        f"<li>刊名：{esc(doc.journal_name)}</li><li>主办：{doc.s(sponsor)}</li>"
        f"<li>国内刊号：CN {cn}</li><li>国际刊号：ISSN {issn}</li><li>出版周期：{freq}</li>"
        "</ul></div>\n"
        f'<div class="box years"><h3>过刊浏览</h3><p>{years}</p></div>\n'
    )


def _hot(doc: Doc, base: str) -> str:
    items = "".join(
        f'<li><a href="{base}/Article/hot{n + 1}.html">{t}</a></li>' for n, t in enumerate(HOT)
    )
    return f'<div class="box hot"><h3>热门文献</h3><ol>{items}</ol></div>\n'


def _info(doc: Doc) -> str:
    """The article's information under the title."""
    base = HOSTS[doc.spec.host][0]
    authors = _authors(doc)
    keywords = _keywords(doc, base)
    date = _date(doc)
    if doc.spec.host == 1:
        rows = []
        if authors:
            rows.append(f'<tr><td class="lab">【作　　者】</td><td>{authors}</td></tr>')
        label = "出　　处" if doc.journal_name else "来　　源"
        rows.append(f'<tr><td class="lab">【{label}】</td><td>{_source(doc)}</td></tr>')
        if keywords:
            rows.append(f'<tr><td class="lab">【关 键 词】</td><td>{keywords}</td></tr>')
        rows.append(f'<tr><td class="lab">【上架时间】</td><td>{date}</td></tr>')
        return '<table class="attr" cellspacing="0" cellpadding="2">' + "".join(rows) + "</table>\n"
    parts = []
    if authors:
        parts.append(f'<span class="au">作者：{authors}</span>')
    src = "出处" if doc.journal_name else "来源"
    parts.append(f'<span class="src">{src}：{_source(doc)}</span>')
    parts.append(f'<span class="time">上架时间：{date}</span>')
    parts.append(f'<span class="hits">浏览：{_views(doc)}次</span>')
    out = f'<div class="attr">{" ".join(parts)}</div>\n'
    if keywords:
        out += f'<div class="kw">关键词：{keywords}</div>\n'
    return out


def _head(doc: Doc) -> str:
    out = []
    charset = declared(doc, "meta")
    if charset:
        out.append(f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">')
    lib = HOSTS[doc.spec.host][1]
    if doc.journal_name:
        title = f"{doc.plain_title}--《{doc.journal_name}》{doc.label}--{lib}{ROOM}"
    else:
        title = f"{doc.plain_title}--专题文献--{lib}{ROOM}"
    out.append(f"<title>{esc(title)}</title>")
    if doc.keywords and doc.spec.keywords in ("links", "spaced"):
        out.append(f'<meta name="keywords" content="{esc(",".join(doc.keywords))}">')
    else:
        out.append(f'<meta name="keywords" content="{ROOM},{VENDOR},电子期刊,期刊全文">')
    description = "".join(t for k, t in doc.blocks if k == "paragraph")[:100]
    out.append(f'<meta name="description" content="{esc(description)}">')
    return "\n".join(out) + "\n"


def render(doc: Doc) -> str:
    spec = doc.spec
    base, lib, school, _ = HOSTS[spec.host]
    new = spec.host == 2
    if doc.journal_name:
        category = JOURNALS[doc.journal.name][4]
        crumbs = (
            f'<a href="{base}/">首页</a> &gt; <a href="{base}/Magazine/">期刊导航</a> &gt; '
            f'<a href="{base}/Magazine/?cat=zzfl">{category}</a> &gt; '
            f'<a href="{base}/Magazine/{_code(doc)}.html">{esc(doc.journal_name)}</a> &gt; '
            f'<a href="{base}/Magazine/{_code(doc)}.html?year={doc.issue.year}&amp;issue='
            f'{doc.issue.issue}">{esc(doc.label or "")}</a> &gt; 正文'
        )
    else:
        topic = TOPICS[doc.article.id % len(TOPICS)]
        crumbs = (
            f'<a href="{base}/">首页</a> &gt; <a href="{base}/Topic/">专题文献</a> &gt; '
            f'<a href="{base}/Topic/{doc.article.id % len(TOPICS) + 1}/">{topic}</a> &gt; 正文'
        )
    nav = "".join(
        f'<li><a href="{base}{p}">{t}</a></li>'
        for p, t in (
            ("/", "首页"),
            ("/Magazine/", "期刊导航"),
            ("/New/", "新刊上架"),
            ("/Topic/", "专题文献"),
            ("/My/Shelf.aspx", "我的书架"),
            ("/Help/", "使用帮助"),
        )
    )
    top = (
        f'<div id="top"><span>您好，欢迎{school}用户！（IP：{_ip(doc)}）</span>'
        f'<a href="{base}/Login.aspx">校外登录</a> | <a href="{base}/Help/">帮助</a></div>\n'
        f'<div id="header"><a class="logo" href="{base}/">{lib} · {ROOM}</a>'
        f'<form action="{base}/Search/" method="get"><select name="field">'
        '<option value="title">题名</option><option value="author">作者</option>'
        '<option value="mag">刊名</option><option value="kw">关键词</option></select>'
        '<input type="text" name="kw" value=""><input type="submit" value="检索"></form></div>\n'
        f'<div id="nav"><ul>{nav}</ul></div>\n'
        f'<div id="position">当前位置：{crumbs}</div>\n'
    )
    title = f"<h1>{esc(doc.title)}</h1>\n"
    tools = (
        '<div class="tool">字号：<a href="javascript:setFont(16)">大</a> '
        '<a href="javascript:setFont(14)">中</a> <a href="javascript:setFont(12)">小</a>'
        ' | <a href="javascript:addShelf();">加入书架</a> | '
        '<a href="javascript:window.print();">打印</a>'
    )
    if doc.journal_name:
        reader = f"{base}/Reader/{_code(doc)}{doc.issue.year}{_issue_part(doc)}.html"
        tools += f' | <a href="{reader}">原貌阅读</a>'
    tools += "</div>\n"
    content_id = 'id="content" class="article-text"' if spec.host != 1 else 'class="txt" id="txt"'
    article = (
        f'<div class="article">\n{title}{_info(doc)}{tools}'
        f"<div {content_id}>\n{_text(doc)}\n</div>\n"
        f"{_share(doc)}{_copyright(doc)}{_pn(doc, base)}</div>\n"
    )
    main = (
        '<div id="main">\n'
        f'<div id="left">\n{_side(doc, base)}{_hot(doc, base)}</div>\n'
        f'<div id="right">\n{article}{_related(doc, base)}</div>\n'
        "</div>\n"
    )
    foot = (
        f'{_links(doc)}<div id="footer"><p>{lib} 版权所有</p>'
        f"<p>技术支持：{VENDOR} &nbsp; 建议使用1024×768以上分辨率浏览</p></div>\n"
    )
    if new:
        doctype = '<!DOCTYPE html>\n<html lang="zh-CN">\n'
        css = f'<link rel="stylesheet" href="{base}/static/css/reader.css?v=3.2.1">\n'
        viewport = '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
    else:
        doctype = (
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml">\n'
        )
        css = f'<link href="{base}/css/style.css" rel="stylesheet" type="text/css" />\n'
        viewport = ""
    return (
        f"{doctype}<head>\n{_head(doc)}{viewport}{css}"
        f'<script type="text/javascript" src="{base}/js/jquery.min.js"></script>\n'
        f"</head>\n<body>\n{_hidden(doc)}{top}{main}{foot}"
        f'<script type="text/javascript" src="{base}/js/reader.js"></script>\n</body>\n</html>\n'
    )
