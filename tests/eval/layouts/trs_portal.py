"""copy-trs-portal: a city people's-congress portal (TRS-like) reposting journal articles:
an information table of labels over values, `来源：` naming an office, editor's notes
and source notes saying where the text ran.

The pages' parts are named by `Spec.chrome`:

- where the journal and issue stand: `src-info` (in the information line),
  `src-note` (the site editor's note at the top of the text), `src-tail` (a line
  after the text);
- the date: `cn-date` (written the Chinese way);
- extras: `gk` (the record table above the title), `img`, `share`, `related`,
  `qr`, `editor`, `statement`.
"""

from __future__ import annotations

from pagekit import Doc, Spec, declared, esc, script

# --- the plan ------------------------------------------------------------------------------

PLAN: tuple[Spec, ...] = (
    Spec(
        "page-01",
        4184969,
        encoding="gbk",
        declared="gb2312",
        header="missing",
        chrome=("src-info", "share", "related"),
    ),
    Spec(
        "page-02",
        3894491,
        label="di",
        byline="none",
        author_line="space",
        keywords="spaced",
        chrome=("src-tail", "gk", "qr", "editor"),
        host=1,
    ),
    Spec(
        "page-03",
        3418089,
        label=None,
        title="spaces",
        encoding="gbk",
        declared="gb2312",
        spam=("hidden",),
        chrome=("related",),
    ),
    Spec(
        "page-04",
        4598602,
        label="di",
        byline="none",
        author_line="wen",
        keywords="none",
        encoding="gbk",
        declared="gb2312",
        header="missing",
        chrome=("src-note", "img"),
    ),
    Spec(
        "page-05",
        4359634,
        label="di",
        byline="brackets",
        mojibake=True,
        chrome=("src-info", "share", "related", "statement"),
        host=1,
    ),
    Spec(
        "page-06",
        4001181,
        label="di",
        keywords="body-colon",
        front=("title-authors", "affiliation", "abstract"),
        encoding="gbk",
        declared="gb2312",
        header="missing",
        stray=True,
        chrome=("src-info", "related", "cn-date"),
    ),
    Spec(
        "page-07",
        3875159,
        label="di",
        byline="none",
        author_line="padded",
        keywords="none",
        encoding="big5",
        chrome=("src-tail", "related"),
        host=2,
    ),
    Spec(
        "page-08",
        3819601,
        label="zero",
        keywords="body-bracket",
        front=("affiliation", "abstract", "fund", "bio"),
        academic=True,
        header="missing",
        chrome=("src-info", "editor", "qr"),
        host=1,
    ),
    Spec(
        "page-09",
        3861646,
        label=None,
        byline="none",
        author_line="circle",
        encoding="gbk",
        declared="gb2312",
        spam=("gambling",),
        chrome=("share", "img"),
    ),
    Spec(
        "page-10",
        6072933,
        keywords="spaced",
        chrome=("src-info", "gk", "related", "statement", "cn-date"),
        host=1,
    ),
)


# --- the site ------------------------------------------------------------------------------

# (base URL, site name, the office that runs it, the column path prefix);
# host 2 is the Traditional-script gateway in front of host 0.
HOSTS = (
    ("http://www.yzrd.gov.example", "云州人大网", "云州市人大常委会办公室"),
    ("http://www.lxrd.gov.example", "临溪县人大常委会", "临溪县人大常委会办公室"),
    (
        "http://big5.yzrd.gov.example/gate/big5/www.yzrd.gov.example",
        "云州人大网",
        "云州市人大常委会办公室",
    ),
)
# per host: (column path, channel, column)
COLUMNS = (
    (("llyj/tszs", "理论研究", "他山之石"), ("rdgz/xxjl", "人大工作", "学习交流")),
    (("xwzx/jyjl", "新闻中心", "经验交流"), ("llyt/llwz", "理论研讨", "理论文章")),
)
# the source the information line names where the journal is not named there
OWN_SOURCE = ("市人大常委会研究室", "县人大常委会办公室")
EDITORS = ("刘晓燕", "王一鸣", "赵婧", "孙海波")
CHECKERS = ("李建国", "张卫东", "周红")
TRS_STYLE = (
    '<style type="text/css">\n'
    ".TRS_Editor P{margin-top:0px;margin-bottom:12px;line-height:1.8;font-family:宋体;"
    "font-size:12pt;}.TRS_Editor DIV{margin-top:0px;margin-bottom:12px;line-height:1.8;"
    "font-family:宋体;font-size:12pt;}.TRS_Editor TD{margin-top:0px;margin-bottom:12px;"
    "line-height:1.8;font-family:宋体;font-size:12pt;}.TRS_Editor TH{margin-top:0px;"
    "margin-bottom:12px;line-height:1.8;font-family:宋体;font-size:12pt;}.TRS_Editor SPAN"
    "{margin-top:0px;margin-bottom:12px;line-height:1.8;font-family:宋体;font-size:12pt;}"
    ".TRS_Editor FONT{margin-top:0px;margin-bottom:12px;line-height:1.8;font-family:宋体;"
    "font-size:12pt;}.TRS_Editor LI{margin-top:0px;margin-bottom:12px;line-height:1.8;"
    "font-family:宋体;font-size:12pt;}.TRS_Editor A{margin-top:0px;margin-bottom:12px;"
    "line-height:1.8;font-family:宋体;font-size:12pt;}\n</style>"
)


def _site(doc: Doc) -> int:
    """The template: the gateway serves host 0's."""
    return 0 if doc.spec.host == 2 else doc.spec.host


def _column(doc: Doc) -> tuple[str, str, str]:
    return COLUMNS[_site(doc)][doc.article.id % 2]


def _docid(doc: Doc, shift: int = 0) -> int:
    """The CMS's own document number (six digits)."""
    base = 400000 if _site(doc) == 0 else 700000
    return base + (doc.article.id * 37 + shift * 211) % 250000


def _path(doc: Doc) -> str:
    a = doc.article
    col, _, _ = _column(doc)
    return f"/{col}/{a.posted_at:%Y%m}/t{a.posted_at:%Y%m%d}_{_docid(doc)}.html"


def url(doc: Doc) -> str:
    return HOSTS[doc.spec.host][0] + _path(doc)


def _date(doc: Doc) -> str:
    a = doc.article
    timed = "date-time" in doc.tags
    if "cn-date" in doc.spec.chrome:
        return f"{a.posted_at:%Y年%m月%d日}" + (f" {a.posted_at:%H:%M}" if timed else "")
    if _site(doc) == 1:
        return f"{a.posted_at:%Y-%m-%d %H:%M}" if timed else f"{a.posted_at:%Y-%m-%d}"
    return doc.date


def _source(doc: Doc) -> str:
    """What the information line gives as the source."""
    if doc.label is not None and "src-info" in doc.spec.chrome:
        if _site(doc) == 0:
            return f"《{esc(doc.journal_name or '')}》{esc(doc.label)}"
        return f"{esc(doc.journal_name or '')}{esc(doc.label)}"
    return OWN_SOURCE[_site(doc)]


def _note(doc: Doc) -> str:
    names = "、".join(doc.article.authors)
    by = f"{names}同志撰写的" if names else ""
    return (
        f"编者按：《{doc.journal_name}》{doc.label}刊发了{by}《{doc.plain_title}》一文，"
        "介绍了兄弟地区人大的经验做法，对我们做好相关工作有一定借鉴意义。现予转发，供学习参考。"
    )


def _tail(doc: Doc) -> str:
    if _site(doc) == 0:
        return f"（本文原载《{doc.journal_name}》{doc.label}）"
    return f"（来源：《{doc.journal_name}》{doc.label}）"


def _image(doc: Doc) -> str:
    a = doc.article
    name = f"W0{a.posted_at:%Y%m%d}{_docid(doc)}{a.id % 1000:03d}.jpg"
    return (
        f'<p align="center"><img src="./{name}" OLDSRC="{name}" border="0" '
        f'style="width: 560px;" /></p>'
    )


def _content(doc: Doc) -> str:
    """The text as the CMS's editor stores it."""
    spec = doc.spec
    chrome = spec.chrome
    out = []
    if doc.label is not None and "src-note" in chrome:
        out.append(
            '<p style="text-indent: 2em"><span style="font-family: 楷体_GB2312">'
            f"{esc(_note(doc))}</span></p>"
        )
    if doc.author_line:
        out.append(f'<p align="center">{esc(doc.author_line)}</p>')
    for n, line in enumerate(doc.front):
        centred = ("title-authors" in spec.front and n < 2) or line.startswith("（")
        if centred:
            out.append(f'<p align="center">{esc(line)}</p>')
        else:
            out.append(f'<p style="text-indent: 2em">{esc(line)}</p>')
    indent = "\u3000\u3000" if _site(doc) == 0 and doc.article.id % 3 == 0 else ""
    for n, (kind, text) in enumerate(doc.blocks):
        if kind == "heading":
            out.append(f'<p align="center"><strong>{esc(text)}</strong></p>')
        elif indent:
            out.append(f'<p align="justify">{indent}{esc(text)}</p>')
        else:
            out.append(f'<p align="justify" style="text-indent: 2em">{esc(text)}</p>')
        if n == 0 and "img" in chrome:
            out.append(_image(doc))
    if doc.label is not None and "src-tail" in chrome:
        out.append(f'<p align="right">{esc(_tail(doc))}</p>')
    inner = "\n".join(out)
    if _site(doc) == 1:
        inner = f'<div class="Custom_UnionStyle">\n{inner}\n</div>'
    return (
        "<!--<$[信息内容]>begin-->"
        f'<div class="TRS_Editor">{TRS_STYLE}\n{inner}\n</div>'
        "<!--<$[信息内容]>end-->"
    )


def _search(doc: Doc, word: str) -> str:
    channel = 230816 if _site(doc) == 0 else 200011
    return (
        f'<a href="/was5/web/search?channelid={channel}&amp;searchword={esc(word)}" '
        f'target="_blank">{esc(word)}</a>'
    )


def _keywords(doc: Doc) -> str:
    """The keyword line after the text (tag links to the site search)."""
    if doc.spec.keywords != "links":
        return ""
    links = "&nbsp;".join(_search(doc, k) for k in doc.keywords)
    if _site(doc) == 0:
        return f'<div class="xl_gjz">关键词：{links}</div>\n'
    return f'<div class="article-keywords"><span>关键词：</span>{links}</div>\n'


def _gk(doc: Doc) -> str:
    """The record table the newer site prints above every document."""
    a, spec = doc.article, doc.spec
    words = "　".join(esc(k) for k in doc.keywords) if spec.keywords == "spaced" else ""
    _, channel, column = _column(doc)
    index = f"11{a.id % 10000:04d}00MB1{a.id % 97:02d}3605X/{a.posted_at:%Y}-{a.id % 900 + 40:05d}"
    return (
        '<table class="gk-table" width="100%" border="0" cellspacing="1" cellpadding="0">\n'
        f"<tr><th>索 引 号：</th><td>{index}</td><th>主题分类：</th><td>{channel}</td></tr>\n"
        f"<tr><th>发布机构：</th><td>{HOSTS[1][2]}</td><th>发布日期：</th>"
        f"<td>{a.posted_at:%Y-%m-%d}</td></tr>\n"
        f'<tr><th>名　　称：</th><td colspan="3">{esc(doc.plain_title)}</td></tr>\n'
        f'<tr><th>主 题 词：</th><td colspan="3">{words}</td></tr>\n'
        f"<tr><th>栏　　目：</th><td>{column}</td><th>文　　号：</th><td></td></tr>\n"
        "</table>\n"
    )


def _related(doc: Doc) -> tuple[str, str]:
    """(previous and next, the related list)."""
    col, _, _ = _column(doc)
    first, second = doc.related[0], doc.related[1]

    def href(r_posted: str, n: int) -> str:
        day = r_posted[:10].replace("-", "")
        return f"/{col}/{day[:6]}/t{day}_{_docid(doc, n)}.html"

    prenext = (
        f'<div class="prenext"><p>上一篇：<a href="{href(first.posted, 1)}">'
        f'{esc(first.title)}</a></p><p>下一篇：<a href="{href(second.posted, 2)}">'
        f"{esc(second.title)}</a></p></div>\n"
    )
    if "related" not in doc.spec.chrome:
        return prenext, ""
    doc.tag("chrome-related")
    items = "".join(
        f'<li><a href="{href(r.posted, n + 3)}" target="_blank">{esc(r.title)}</a>'
        f"<span>[{r.posted[:10]}]</span></li>"
        for n, r in enumerate(doc.related[2:])
    )
    head = "相关文章" if _site(doc) == 0 else "相关阅读"
    return prenext, f'<div class="xgwz"><div class="xgwz_t">{head}</div><ul>{items}</ul></div>\n'


def _share(doc: Doc) -> str:
    if "share" not in doc.spec.chrome:
        return ""
    doc.tag("chrome-share")
    return (
        '<div class="bdsharebuttonbox"><span>分享到：</span>'
        '<a href="#" class="bds_weixin" data-cmd="weixin" title="分享到微信"></a>'
        '<a href="#" class="bds_tsina" data-cmd="tsina" title="分享到新浪微博"></a>'
        '<a href="#" class="bds_qzone" data-cmd="qzone" title="分享到QQ空间"></a></div>\n'
    )


def _extras(doc: Doc) -> str:
    """Editor line, QR code and statement under the text."""
    chrome, rng, out = doc.spec.chrome, doc.rng, []
    if "editor" in chrome:
        out.append(
            f'<div class="article-editor">编辑：{rng.choice(EDITORS)}　'
            f"审核：{rng.choice(CHECKERS)}</div>"
        )
    if "qr" in chrome:
        doc.tag("chrome-app")
        out.append(
            '<div class="article-qr"><img src="/images/qrcode.png" width="90" height="90" '
            'alt="" /><p>扫一扫在手机打开当前页</p></div>'
        )
    if "statement" in chrome:
        doc.tag("chrome-copyright")
        out.append(
            '<div class="article-sm">声明：本网转载的文章仅供学习交流，不代表本网观点，'
            "版权归原作者及原出处所有。如有侵权，请与我们联系，我们将及时删除。</div>"
        )
    return "".join(x + "\n" for x in out)


def _hacked(doc: Doc, where: str) -> str:
    """What an intruder left in the template: hidden text or hidden links."""
    spam = doc.spec.spam
    if where == "top" and "hidden" in spam:
        return f'<div style="display:none">{esc(doc.inject("hidden"))}</div>\n'
    if where == "foot" and "gambling" in spam:
        doc.tag("spam-hidden")
        return (
            '<div style="display: none"><a href="http://www.yl8866.example/" target="_blank">'
            f"{esc(doc.inject('gambling'))}</a></div>\n"
        )
    return ""


def _head_meta(doc: Doc, source: str) -> str:
    """The metadata the government-site rules ask for (the newer site)."""
    a = doc.article
    _, channel, column = _column(doc)
    base, site, _ = HOSTS[1]
    author = "，".join(a.authors) if doc.byline else ""
    description = "".join(text for kind, text in doc.blocks if kind == "paragraph")[:90]
    return (
        f'<meta name="SiteName" content="{site}">\n'
        f'<meta name="SiteDomain" content="{base.removeprefix("http://")}">\n'
        f'<meta name="SiteIDCode" content="1311270003">\n'
        f'<meta name="ColumnName" content="{column}">\n'
        f'<meta name="ColumnType" content="{channel}">\n'
        f'<meta name="ArticleTitle" content="{esc(doc.plain_title)}">\n'
        f'<meta name="PubDate" content="{a.posted_at:%Y-%m-%d %H:%M}">\n'
        f'<meta name="ContentSource" content="{source}">\n'
        f'<meta name="Keywords" content="{esc(",".join(doc.keywords))}">\n'
        f'<meta name="Author" content="{esc(author)}">\n'
        f'<meta name="Description" content="{esc(description)}">\n'
        f'<meta name="Url" content="{url(doc)}">\n'
    )


def _old(doc: Doc) -> str:
    """The older site's template (host 0, and the gateway's copy of it)."""
    spec = doc.spec
    charset = declared(doc, "meta")
    col, channel, column = _column(doc)
    _, site, office = HOSTS[0]
    source = _source(doc)
    if doc.byline:
        doc.tag("date-apart")
    prenext, related = _related(doc)
    description = "".join(text for kind, text in doc.blocks if kind == "paragraph")[:80]
    head = (
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />\n'
        if charset
        else ""
    )
    head += (
        f"<title>{esc(doc.plain_title)}_{column}_{site}</title>\n"
        f'<meta name="keywords" content="{esc(",".join(doc.keywords))}" />\n'
        f'<meta name="description" content="{esc(description)}" />\n'
        '<link href="../../../images/index.css" rel="stylesheet" type="text/css" />\n'
        '<script type="text/javascript" src="../../../images/jquery-1.4.2.min.js"></script>\n'
        '<script type="text/javascript">\nfunction doZoom(size){\n'
        "  document.getElementById('zoom').style.fontSize=size+'px';\n}\n</script>\n"
    )
    gate = ""
    if spec.host == 2:
        gate = (
            '<div id="gate_bar" style="text-align:right;font-size:12px;">'
            f'【<a href="{HOSTS[0][0]}{_path(doc)}">简体中文</a>】【繁体中文】</div>\n'
        )
    nav = "".join(
        f'<li><a href="/{p}/">{n}</a></li>'
        for p, n in (
            ("rdgk", "人大概况"),
            ("xwzx", "新闻中心"),
            ("rdgz", "人大工作"),
            ("dbgz", "代表工作"),
            ("llyj", "理论研究"),
            ("flfg", "法律法规"),
            ("gggs", "公告公示"),
            ("wsxf", "网上信访"),
        )
    )
    top = (
        '<div class="top"><div class="top_l">今天是：<script type="text/javascript">'
        "document.write(new Date().toLocaleDateString());</script></div>"
        '<div class="top_r"><a href="#" onclick="this.style.behavior=\'url(#default#homepage)\';'
        f"this.setHomePage('{HOSTS[0][0]}');\">设为首页</a> | "
        '<a href="javascript:window.external.AddFavorite(location.href,document.title)">'
        "加入收藏</a></div></div>\n"
        f'<div class="banner"><img src="../../../images/banner.jpg" alt="{site}" /></div>\n'
        f'<div class="nav"><ul><li><a href="/">首页</a></li>{nav}</ul></div>\n'
    )
    box = (
        '<div class="xl_box">\n'
        f'<div class="xl_tit">{esc(doc.title)}</div>\n'
        f'<div class="xl_info">发布时间：{esc(_date(doc))}&nbsp;&nbsp;&nbsp;&nbsp;来源：{source}'
        f"&nbsp;&nbsp;&nbsp;&nbsp;作者：{esc(doc.byline)}&nbsp;&nbsp;&nbsp;&nbsp;"
        '【字体：<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> '
        '<a href="javascript:doZoom(12)">小</a>】</div>\n'
        f'<div class="xl_con" id="zoom">{_content(doc)}</div>\n'
        + _keywords(doc)
        + _share(doc)
        + _extras(doc)
        + '<div class="xl_print">【<a href="javascript:window.print()">打印本页</a>】'
        '【<a href="javascript:window.close()">关闭窗口</a>】</div>\n'
        + prenext
        + related
        + "</div>\n"
    )
    foot = (
        _hacked(doc, "foot")
        + '<div class="footer"><p><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a>'
        ' | <a href="/mzsm/">免责声明</a></p>'
        f"<p>主办：{office}　承办：云州市人大常委会信息中心</p>"
        "<p>地址：云州市人民路168号　邮编：037000　电话：0352-2045678</p>"
        f"<p>版权所有：{office}　晋ICP备05003861号</p>"
        "<p>技术支持：拓尔思信息技术股份有限公司</p></div>\n"
    )
    page = (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml">\n'
        f"<head>\n{head}</head>\n<body>\n{gate}{_hacked(doc, 'top')}{top}"
        '<div class="main">\n'
        f'<div class="position">当前位置：<a href="/">首页</a>&nbsp;&gt;&nbsp;'
        f'<a href="/{col.split("/")[0]}/">{channel}</a>&nbsp;&gt;&nbsp;'
        f'<a href="/{col}/">{column}</a></div>\n'
        f"{box}</div>\n{foot}</body>\n</html>\n"
    )
    if spec.host == 2:
        # the gateway converts the whole page and rewrites its links
        page = script(page, "big5").replace('href="/', f'href="{HOSTS[2][0]}/')
        doc.tag("traditional")
    return page


def _new(doc: Doc) -> str:
    """The newer site's template (host 1)."""
    spec = doc.spec
    charset = declared(doc, "meta")
    col, channel, column = _column(doc)
    _, site, office = HOSTS[1]
    source = _source(doc)
    prenext, related = _related(doc)
    head = f'<meta charset="{charset}">\n' if charset else ""
    head += (
        '<meta http-equiv="X-UA-Compatible" content="IE=edge">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
        f"<title>{esc(doc.plain_title)}-{site}</title>\n"
        + _head_meta(doc, source)
        + '<link rel="stylesheet" href="/images/common.css">\n'
        '<link rel="stylesheet" href="/images/article.css">\n'
        '<script src="/images/jquery.min.js"></script>\n'
    )
    info = [f"<span>发布日期：{esc(_date(doc))}</span>", f"<span>来源：{source}</span>"]
    if doc.byline:
        doc.tag("date-apart")
        info.append(f"<span>作者：{esc(doc.byline)}</span>")
    info.append('<span>浏览次数：<em id="readcount"></em></span>')
    info.append(
        '<span class="font">字号：<a href="javascript:;" onclick="doZoom(18)">大</a>'
        '<a href="javascript:;" onclick="doZoom(16)">中</a>'
        '<a href="javascript:;" onclick="doZoom(14)">小</a></span>'
    )
    gk = _gk(doc) if "gk" in spec.chrome else ""
    article = (
        '<div class="article">\n'
        + gk
        + f'<h1 class="article-title">{esc(doc.title)}</h1>\n'
        + '<div class="article-info">'
        + "".join(info)
        + "</div>\n"
        + f'<div class="article-content" id="zoom">\n{_content(doc)}\n</div>\n'
        + _keywords(doc)
        + _extras(doc)
        + _share(doc)
        + '<div class="article-tools"><a href="javascript:window.print()">【打印】</a> '
        '<a href="javascript:window.close()">【关闭】</a></div>\n' + prenext + related + "</div>\n"
    )
    nav = "".join(
        f'<li><a href="/{p}/">{n}</a></li>'
        for p, n in (
            ("rdgk", "人大概况"),
            ("xwzx", "新闻中心"),
            ("lfgz", "立法工作"),
            ("jdgz", "监督工作"),
            ("dbgz", "代表工作"),
            ("llyt", "理论研讨"),
            ("zwgk", "信息公开"),
        )
    )
    header = (
        '<div class="header"><div class="w1200">'
        '<a class="logo" href="/"><img src="/images/logo.png" alt="临溪县人民代表大会常务委员会">'
        "</a>"
        '<form class="search" action="/was5/web/search" method="get" target="_blank">'
        '<input type="hidden" name="channelid" value="200011">'
        '<input type="text" name="searchword" placeholder="请输入关键字">'
        '<button type="submit">全站搜索</button></form></div></div>\n'
        f'<div class="nav"><ul class="w1200"><li><a href="/">首页</a></li>{nav}</ul></div>\n'
    )
    foot = (
        _hacked(doc, "foot") + '<div class="footer"><div class="w1200">'
        '<p><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a> | '
        '<a href="/sybz/">使用帮助</a></p>'
        f"<p>主办单位：{office}　地址：临溪县府前街9号　邮编：056500</p>"
        "<p>网站标识码：1311270003　冀ICP备16021337号-1　冀公网安备13042702000123号</p>"
        '<p><a href="http://bszs.conac.example/" target="_blank">'
        '<img src="/images/dzjg.png" alt="党政机关"></a> '
        '<a href="http://pucha.kaipuyun.example/" target="_blank">'
        '<img src="/images/jiucuo.png" alt="政府网站找错"></a></p></div></div>\n'
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n'
        f"<head>\n{head}</head>\n<body>\n{_hacked(doc, 'top')}{header}"
        '<div class="container w1200">\n'
        f'<div class="crumb">您当前的位置：<a href="/">首页</a> &gt; '
        f'<a href="/{col.split("/")[0]}/">{channel}</a> &gt; <a href="/{col}/">{column}</a>'
        "</div>\n"
        f"{article}</div>\n{foot}"
        '<script src="/images/article.js"></script>\n'
        "</body>\n</html>\n"
    )


def render(doc: Doc) -> str:
    if doc.spec.keywords == "spaced":
        assert "gk" in doc.spec.chrome, "the spaced keywords stand in the record table"
    if _site(doc) == 1:
        return _new(doc)
    return _old(doc)


# The plan: the pages of the held-out layout and how each shows its article (neutral page
# names, so that a listing of the pages tells nothing about them).
