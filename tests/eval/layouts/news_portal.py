"""copy-news-portal: a provincial news portal's theory channel reposting journal articles:
the time, source and editor on one line, font-size and print links, `[责任编辑：…]` and
a copyright notice after the text, markup whose class names are the aggregator's.

One site on three hosts. The pages' parts are named by `Spec.chrome`:

- where the journal and issue stand: `src-info` (the source in the information
  line with its issue), `src-name` (the source names the journal alone),
  `src-tail` (a note after the text);
- extras: `intro`, `share`, `related`, `copyright`, `editor`, `tools`.
"""

from __future__ import annotations

from pagekit import Doc, Spec, declared, esc

# --- the plan ------------------------------------------------------------------------------

PLAN: tuple[Spec, ...] = (
    Spec(
        "page-01",
        3635465,
        label="di",
        front=("abstract",),
        chrome=("src-info", "share", "related", "editor", "tools"),
    ),
    Spec(
        "page-02",
        5031873,
        label="plain",
        byline="list",
        title="spaces",
        keywords="spaced",
        meta="missing",
        chrome=("src-name", "src-tail", "intro", "copyright", "editor", "tools"),
    ),
    Spec(
        "page-03",
        3418089,
        label="plain",
        byline="none",
        author_line="wen",
        encoding="gbk",
        declared="gb2312",
        header="missing",
        chrome=("src-info", "related", "editor", "tools"),
        host=1,
    ),
    Spec(
        "page-04",
        3799062,
        label=None,
        byline="joined",
        author_line="space",
        encoding="gbk",
        declared="gb2312",
        chrome=("editor", "tools", "copyright"),
        host=1,
    ),
    Spec(
        "page-05",
        4874019,
        label="di",
        byline="none",
        chrome=("src-info", "share", "related"),
        host=2,
    ),
    Spec(
        "page-06",
        4816355,
        label="di",
        title="subtitle",
        keywords="none",
        chrome=("src-tail", "share", "editor", "tools"),
    ),
    Spec(
        "page-07",
        5656286,
        label="dash",
        byline="brackets",
        mojibake=True,
        chrome=("src-info", "related", "copyright", "editor", "tools"),
    ),
    Spec(
        "page-08",
        4874011,
        label="plain",
        keywords="none",
        author_line="circle",
        encoding="gb18030",
        declared="gb2312",
        header="wrong",
        spam=("hidden",),
        chrome=("src-name", "src-tail", "editor", "tools"),
        host=1,
    ),
    Spec(
        "page-09",
        5235815,
        label="di",
        keywords="none",
        time=False,
        stray=True,
        chrome=("src-name", "src-tail", "related"),
        host=2,
    ),
    Spec(
        "page-10",
        4026006,
        label="di",
        title="footnote",
        keywords="body-colon",
        front=("title-authors", "affiliation", "abstract", "bio"),
        academic=True,
        meta="wrong",
        chrome=("src-info", "share", "copyright", "editor", "tools"),
    ),
)


# --- the site ------------------------------------------------------------------------------

# (base URL, template): the channel, its older release, the mobile pages
HOSTS = (
    ("https://theory.donghai.example", "new"),
    ("http://llpd.donghai.example", "old"),
    ("https://m.donghai.example", "m"),
)
SITE = "东海网"
CHANNEL = "理论频道"
# per article topic: (column path, column name)
COLUMNS = (
    ("rdzd", "人大制度"),
    ("mzfz", "民主法治"),
    ("llqy", "理论前沿"),
    ("xxsd", "学习园地"),
)
EDITORS = ("陈晓岚", "周立平", "何一帆", "吴静怡", "郑海涛")
TAIL_NOTES = ("（原载《{j}》{l}）", "（本文刊载于《{j}》{l}）", "本文原载《{j}》{l}")
OWN_SOURCES = ("东海网", "东海网综合", "东海网理论频道")
NAV = (
    ("", "首页"),
    ("news", "新闻"),
    ("politics", "时政"),
    ("opinion", "评论"),
    ("theory", "理论"),
    ("finance", "财经"),
    ("culture", "文化"),
    ("video", "视频"),
    ("special", "专题"),
)
HOT = (
    "深刻把握人民代表大会制度的时代内涵",
    "以法治方式推进基层治理现代化",
    "让全过程人民民主更好落地见效",
    "新时代地方立法的实践与创新",
    "做好新时代人大代表工作的几点体会",
)


# --- helpers ---------------------------------------------------------------------------


def _num(doc: Doc, shift: int = 0) -> int:
    """The portal's own article number: nine digits."""
    return (
        30000000 + (doc.article.id * 37 + shift * 7919) % 9999991 + 100000000 * (1 + doc.spec.host)
    )


def _column(doc: Doc) -> tuple[str, str]:
    return COLUMNS[doc.article.id % len(COLUMNS)]


def _path(doc: Doc, shift: int = 0, posted: str | None = None) -> str:
    when = posted[:10] if posted else f"{doc.article.posted_at:%Y-%m-%d}"
    y, m, d = when.split("-")
    col = _column(doc)[0]
    kind = HOSTS[doc.spec.host][1]
    n = _num(doc, shift)
    if kind == "new":
        return f"/system/{y}/{m}/{d}/0{n}.shtml"
    if kind == "old":
        return f"/{col}/{y}{m}/t{y}{m}{d}_{n}.htm"
    return f"/a/{col}/{y}{m}{d}/{n}.html"


def url(doc: Doc) -> str:
    return HOSTS[doc.spec.host][0] + _path(doc)


def _time(doc: Doc) -> str:
    """The new channel prints the date as given; the older release the Chinese
    way; the mobile pages to the minute."""
    kind = HOSTS[doc.spec.host][1]
    text = doc.date
    if kind == "old":
        y, m, rest = text[:4], text[5:7], text[8:]
        day, _, clock = rest.partition(" ")
        text = f"{y}年{m}月{day}日" + (f" {clock[:5]}" if clock else "")
    elif kind == "m" and len(text) > 16:
        text = text[:16]
    return text


def _source(doc: Doc) -> str:
    chrome = doc.spec.chrome
    if doc.journal_name is None:
        return OWN_SOURCES[doc.article.id % len(OWN_SOURCES)]
    if "src-info" in chrome:
        return f"《{doc.journal_name}》{doc.label}"
    if "src-name" in chrome:
        return doc.journal_name
    return OWN_SOURCES[doc.article.id % len(OWN_SOURCES)]


def _tail_note(doc: Doc) -> str:
    if doc.journal_name is None or "src-tail" not in doc.spec.chrome:
        return ""
    note = TAIL_NOTES[doc.article.id % len(TAIL_NOTES)]
    return note.format(j=doc.journal_name, l=doc.label)


def _editor(doc: Doc) -> str:
    return EDITORS[doc.article.id % len(EDITORS)]


def _info(doc: Doc) -> list[tuple[str, str]]:
    """The information line under the title: (class, text)."""
    out = [("time", _time(doc)), ("source", f"来源：{_source(doc)}")]
    if doc.byline:
        doc.tag("date-apart")
        out.append(("author", f"作者：{doc.byline}"))
    if HOSTS[doc.spec.host][1] != "m" and "editor" in doc.spec.chrome:
        out.append(("editor", f"编辑：{_editor(doc)}"))
    return out


def _intro(doc: Doc) -> str:
    if "intro" not in doc.spec.chrome:
        return ""
    doc.tag("chrome-intro")
    text = "".join(t for k, t in doc.blocks if k == "paragraph")[:96] + "……"
    return f'<div class="summary"><b>内容提要：</b>{esc(text)}</div>\n'


def _paragraphs(doc: Doc, indent: str) -> list[str]:
    """The text as the channel's editor pasted it."""
    spec = doc.spec
    out = []
    if doc.author_line:
        out.append(f'<p style="text-align: center;">{esc(doc.author_line)}</p>')
    for n, line in enumerate(doc.front):
        if "title-authors" in spec.front and n == 0:
            out.append(f'<p style="text-align: center;"><strong>{esc(line)}</strong></p>')
        elif ("title-authors" in spec.front and n == 1) or line.startswith("（"):
            out.append(f'<p style="text-align: center;">{esc(line)}</p>')
        elif line.startswith(("摘要：", "关键词：")):
            label, _, rest = line.partition("：")
            out.append(f"<p>{indent}<strong>{label}：</strong>{esc(rest)}</p>")
        else:
            out.append(f"<p>{indent}{esc(line)}</p>")
    for kind, text in doc.blocks:
        if kind == "heading":
            out.append(f"<p>{indent}<strong>{esc(text)}</strong></p>")
        else:
            out.append(f"<p>{indent}{esc(text)}</p>")
    note = _tail_note(doc)
    if note:
        out.append(f'<p style="text-align: right;">{esc(note)}</p>')
    return out


def _keywords(doc: Doc) -> str:
    if not doc.keywords:
        return ""
    if doc.spec.keywords == "links":
        links = " ".join(
            f'<a href="/search/?q={esc(k)}" target="_blank">{esc(k)}</a>' for k in doc.keywords
        )
        return f'<div class="keywords"><span>关键词：</span>{links}</div>\n'
    if doc.spec.keywords == "spaced":
        return f'<div class="keywords">关键词：{esc(" ".join(doc.keywords))}</div>\n'
    return ""


def _share(doc: Doc) -> str:
    if "share" not in doc.spec.chrome:
        return ""
    doc.tag("chrome-share")
    return (
        '<div class="share"><span>分享到：</span>'
        '<a class="s-wx" href="javascript:;" title="微信">微信</a>'
        '<a class="s-wb" href="javascript:;" title="新浪微博">微博</a>'
        '<a class="s-qz" href="javascript:;" title="QQ空间">QQ空间</a></div>\n'
    )


def _copyright(doc: Doc) -> str:
    if "copyright" not in doc.spec.chrome:
        return ""
    doc.tag("chrome-copyright")
    return (
        f'<div class="statement">凡注明“来源：{SITE}”的作品，版权均属{SITE}所有，'
        f"未经授权不得转载；凡注明来源为其他媒体的作品，均为转载稿，"
        "目的在于传递更多信息，并不代表本网赞同其观点和对其真实性负责。</div>\n"
    )


def _related(doc: Doc) -> str:
    if "related" not in doc.spec.chrome:
        return ""
    doc.tag("chrome-related")
    base = HOSTS[doc.spec.host][0]
    items = "".join(
        f'<li><a href="{base}{_path(doc, n + 1, r.posted)}" target="_blank">{esc(r.title)}</a>'
        f"<span>{r.posted[:10]}</span></li>"
        for n, r in enumerate(doc.related)
    )
    return f'<div class="related"><h3>相关阅读</h3><ul>{items}</ul></div>\n'


def _hot(doc: Doc) -> str:
    base = HOSTS[doc.spec.host][0]
    items = "".join(
        f'<li><em>{n + 1}</em><a href="{base}{_path(doc, 20 + n)}">{doc.s(t)}</a></li>'
        for n, t in enumerate(HOT)
    )
    return f'<div class="side-box"><h3>排行榜</h3><ol>{items}</ol></div>\n'


def _hidden(doc: Doc) -> str:
    if "hidden" not in doc.spec.spam:
        return ""
    return f'<div style="display:none">{esc(doc.inject("hidden"))}</div>\n'


def _head(doc: Doc) -> str:
    kind = HOSTS[doc.spec.host][1]
    out = []
    charset = declared(doc, "meta")
    if charset:
        if kind == "old":
            out.append(f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">')
        else:
            out.append(f'<meta charset="{charset}">')
    col = _column(doc)[1]
    out.append(f"<title>{esc(doc.plain_title)}_{col}_{CHANNEL}_{SITE}</title>")
    if doc.keywords and doc.spec.keywords in ("links", "spaced"):
        out.append(f'<meta name="keywords" content="{esc(",".join(doc.keywords))}">')
    description = "".join(t for k, t in doc.blocks if k == "paragraph")[:80]
    out.append(f'<meta name="description" content="{esc(description)}">')
    if kind != "old":
        out.append(f'<meta property="og:title" content="{esc(doc.plain_title)}">')
        out.append(f'<meta property="og:url" content="{url(doc)}">')
        out.append(f'<meta name="publishdate" content="{doc.article.posted_at:%Y-%m-%d}">')
        out.append(f'<meta name="source" content="{esc(_source(doc))}">')
    return "\n".join(out) + "\n"


def _title(doc: Doc, tag: str, sub: str) -> str:
    out = f"<{tag}>{esc(doc.title)}</{tag}>"
    if doc.subtitle:
        out += f'<{sub} class="subtitle">{esc(doc.subtitle)}</{sub}>'
    return out


# --- the templates ---------------------------------------------------------------------


def _desktop(doc: Doc) -> str:
    old = HOSTS[doc.spec.host][1] == "old"
    base = HOSTS[doc.spec.host][0]
    col_path, col = _column(doc)
    nav = "".join(
        f'<a href="https://{n + "." if n else "www."}donghai.example/">{x}</a>' for n, x in NAV
    )
    info = "".join(f'<span class="{c}">{esc(t)}</span>' for c, t in _info(doc))
    tools = ""
    if "tools" in doc.spec.chrome:
        tools = (
            '<div class="tools">【字号：<a href="javascript:fontZoom(16)">大</a> '
            '<a href="javascript:fontZoom(14)">中</a> <a href="javascript:fontZoom(12)">小</a>】'
            '【<a href="javascript:window.print()">打印</a>】'
            '【<a href="javascript:window.close()">关闭</a>】</div>\n'
        )
    indent = "\u3000\u3000" if old else ""
    paras = "\n".join(_paragraphs(doc, indent))
    editor = ""
    if "editor" in doc.spec.chrome:
        editor = f'<div class="editor">[责任编辑：{_editor(doc)}]</div>\n'
    top = (
        f'<div class="topbar"><a href="https://www.donghai.example/">{SITE}首页</a> | '
        '<a href="https://m.donghai.example/">手机版</a> | <a href="/rss/">RSS</a></div>\n'
        f'<div class="header"><a class="logo" href="{base}/">{SITE} · {CHANNEL}</a>'
        f'<div class="nav">{nav}</div></div>\n'
    )
    crumbs = (
        f'<div class="position">您当前的位置：<a href="https://www.donghai.example/">{SITE}</a>'
        f' &gt; <a href="{base}/">{CHANNEL}</a> &gt; <a href="{base}/{col_path}/">{col}</a></div>\n'
    )
    content_cls = 'id="artibody"' if old else 'class="article-content" id="content"'
    main = (
        '<div class="main"><div class="left">\n'
        f'<div class="article">{_title(doc, "h1", "h2")}\n'
        f'<div class="info">{info}</div>\n{tools}{_intro(doc)}'
        f"<div {content_cls}>\n{paras}\n</div>\n{editor}{_keywords(doc)}{_share(doc)}"
        f"{_copyright(doc)}</div>\n{_related(doc)}</div>\n"
        f'<div class="right">{_hot(doc)}</div></div>\n'
    )
    foot = (
        f'<div class="footer"><p><a href="/about/">关于{SITE}</a> | <a href="/ad/">广告服务</a>'
        ' | <a href="/contact/">联系我们</a> | <a href="/jubao/">违法和不良信息举报</a></p>'
        f"<p>Copyright &copy; 2003-2021 {SITE} 版权所有 互联网新闻信息服务许可证：33120170005 "
        "浙ICP备09002316号</p></div>\n"
    )
    if old:
        doctype = (
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml">\n'
        )
        css = '<link href="/css/article_2012.css" rel="stylesheet" type="text/css">\n'
    else:
        doctype = '<!DOCTYPE html>\n<html lang="zh-CN">\n'
        css = '<link rel="stylesheet" href="https://static.donghai.example/theory/css/detail.css?v=20190612">\n'
    return (
        f"{doctype}<head>\n{_head(doc)}{css}</head>\n<body>\n{_hidden(doc)}{top}{crumbs}{main}{foot}"
        '<script src="https://static.donghai.example/js/jquery-1.8.3.min.js"></script>\n'
        '<script src="https://static.donghai.example/js/stat.js"></script>\n</body>\n</html>\n'
    )


def _mobile(doc: Doc) -> str:
    doc.tag("chrome-app")
    info = "".join(f'<span class="{c}">{esc(t)}</span>' for c, t in _info(doc))
    paras = "\n".join(_paragraphs(doc, ""))
    banner = (
        f'<div class="app-down"><img src="/img/logo-app.png" alt=""><span>{SITE}客户端 '
        '看新闻更方便</span><a href="javascript:;" class="btn-open">打开APP</a></div>\n'
    )
    head = (
        f'<header class="m-top"><a href="/" class="logo">{SITE}</a>'
        f'<span class="chn">{CHANNEL}</span><a href="/nav/" class="menu">导航</a></header>\n'
    )
    body = (
        f'<article class="art">{_title(doc, "h1", "p")}\n<div class="art-info">{info}</div>\n'
        f'{_intro(doc)}<section class="art-body">\n{paras}\n</section>\n{_keywords(doc)}'
        f"{_share(doc)}{_copyright(doc)}</article>\n"
    )
    tail = (
        '<div class="open-app"><a href="javascript:;">打开东海网APP，阅读更多理论文章</a></div>\n'
        f'<footer class="m-foot"><a href="{HOSTS[0][0]}/">电脑版</a> | '
        f'<a href="/about/">关于我们</a><p>&copy; {SITE}</p></footer>\n'
    )
    return (
        "<!DOCTYPE html>\n<html>\n<head>\n"
        '<meta name="viewport" content="width=device-width,initial-scale=1,'
        'maximum-scale=1,user-scalable=no">\n'
        f"{_head(doc)}"
        '<link rel="stylesheet" href="https://static.donghai.example/m/css/art.css?v=3.1">\n'
        f"</head>\n<body>\n{_hidden(doc)}{banner}{head}{body}{_related(doc)}{tail}"
        '<script src="https://static.donghai.example/m/js/zepto.min.js"></script>\n</body>\n</html>\n'
    )


def render(doc: Doc) -> str:
    if HOSTS[doc.spec.host][1] == "m":
        return _mobile(doc)
    return _desktop(doc)
