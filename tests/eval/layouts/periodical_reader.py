"""copy-periodical-reader: a periodical-reading site (期刊阅读, app-backed): the journal
and issue glued to the posting date, the authors on the line under it, `全文阅读`,
`展开全文`, keywords after the text, a licence note.
"""

from __future__ import annotations

from pagekit import Doc, Spec, affiliation, declared, esc

# --- the plan ------------------------------------------------------------------------------

PLAN: tuple[Spec, ...] = (
    Spec(
        "page-01",
        4856471,
        label="di",
        title="footnote",
        front=("title-authors", "affiliation", "abstract", "fund", "bio"),
        academic=True,
        chrome=("unit", "cite", "related"),
    ),
    Spec(
        "page-02",
        4250550,
        label="paren",
        title="subtitle",
        chrome=("related",),
        host=2,
    ),
    Spec(
        "page-03",
        5656344,
        label="dash",
        encoding="gbk",
        declared="gb2312",
        header="missing",
        spam=("hidden",),
        chrome=("intro",),
        host=1,
    ),
    Spec(
        "page-04",
        3630945,
        label=None,
        byline="none",
        author_line="wen",
        keywords="none",
    ),
    Spec(
        "page-05",
        3960508,
        label="plain",
        byline="none",
        keywords="body-bracket",
        front=("title-authors", "affiliation", "abstract", "bio"),
        academic=True,
        encoding="gb18030",
        meta="missing",
        chrome=("cite",),
        host=1,
    ),
    Spec(
        "page-06",
        5225531,
        label="plain",
        stray=True,
        header="wrong",
        chrome=("unit", "intro", "related"),
    ),
    Spec(
        "page-07",
        5483372,
        label="di",
        mojibake=True,
        chrome=("kw-meta",),
        host=2,
    ),
    Spec(
        "page-08",
        4063900,
        label="zero",
        byline="brackets",
        spam=("linkfarm",),
        chrome=("cite",),
    ),
    Spec(
        "page-09",
        3415782,
        label="di",
        title="spaces",
        keywords="spaced",
        encoding="gbk",
        header="missing",
        chrome=("unit",),
        host=1,
    ),
    Spec(
        "page-10",
        4197552,
        label="di",
        author_line="roles",
        chrome=("intro", "related"),
    ),
)


# --- the site ------------------------------------------------------------------------------

# base URL, name, ICP line; one database on three hosts: the main site, a
# university library's mirror running the older release of the same software,
# and the mobile reader
HOSTS = (
    ("https://www.bolanqk.example", "博览期刊网", "京ICP备12034587号-3"),
    ("http://qkjx.lib.hbsfu.example", "博览期刊网（河北某大学图书馆镜像站）", ""),
    ("https://m.bolanqk.example", "博览期刊网", "京ICP备12034587号-3"),
)
PUBLISHERS = {
    "上海": "上海市人大常委会",
    "浙江": "浙江省人大常委会",
    "天津": "天津市人大常委会",
    "甘肃": "甘肃省人大常委会",
    "河北": "河北省人大常委会",
}
SUBJECTS = ("政治法律", "政治/法律/社会", "人大政协")
NEWS = ("人大动态", "资讯")
FRIENDS = (
    ("龙源期刊", "http://www.lyqk.example/"),
    ("中文期刊库", "http://www.zwqkk.example/"),
    ("学术资讯网", "http://www.xszxw.example/"),
    ("法治网", "http://www.fzw.example/"),
)


def _code(doc: Doc) -> str:
    return doc.journal.code.upper()[:4]


def _issue_no(doc: Doc) -> str:
    n = doc.issue.issue
    return n if n.startswith("Z") else f"{int(n):02d}"


def _seq(doc: Doc) -> int:
    ids = [a.id for a in doc.issue.articles]
    return ids.index(doc.article.id) + 1 if doc.article.id in ids else 1


def _filename(doc: Doc, seq: int | None = None) -> str:
    """The database's own file name: journal code, year, issue, sequence."""
    s = _seq(doc) if seq is None else seq
    return f"{_code(doc)}{doc.issue.year}{_issue_no(doc)}{s + 10:03d}"


def _news_id(doc: Doc) -> str:
    return f"{doc.article.posted_at:%Y%m%d}{doc.article.id % 1000:03d}"


def url(doc: Doc) -> str:
    host = HOSTS[doc.spec.host][0]
    if doc.label is None:
        if doc.spec.host == 2:
            return f"{host}/news/{_news_id(doc)}"
        return f"{host}/news/{doc.article.posted_at:%Y%m}/{_news_id(doc)}.html"
    if doc.spec.host == 1:
        return f"{host}/KXReader/Detail?dbcode=QKWK&filename={_filename(doc)}"
    if doc.spec.host == 2:
        return f"{host}/article/{_filename(doc)}"
    return f"{host}/qikan/{doc.journal.code}/{doc.issue.year}{_issue_no(doc)}/{_filename(doc)}.html"


# --- fields -------------------------------------------------------------------------------


def _authors(doc: Doc) -> list[str]:
    return [doc.s(n) for n in doc.article.authors]


def _org(doc: Doc) -> str:
    return doc.s(affiliation(doc.journal, int(doc.spec.academic))[0])


def _date_text(doc: Doc) -> str:
    a = doc.article
    if doc.spec.host == 1:
        # the older release prints minutes only, midnight where no time was stored
        for tag in ("date-time", "date-only"):
            doc.tags.discard(tag)
        doc.tag("date-slash")
        if a.show_time if doc.spec.time is None else doc.spec.time:
            return f"{a.posted_at:%Y/%m/%d %H:%M}"
        return f"{a.posted_at:%Y/%m/%d} 00:00"
    if doc.spec.host == 2:
        for tag in ("date-time", "date-only"):
            doc.tags.discard(tag)
        doc.tag("date-only")
        return f"{a.posted_at:%Y-%m-%d}"
    return doc.date


def _summary(doc: Doc, size: int = 150) -> str:
    """The automatic summary: the first characters of the text."""
    doc.tag("chrome-intro")
    text = "".join(t for k, t in doc.blocks if k == "paragraph")
    return text[:size] + "……"


def _chars(doc: Doc) -> int:
    return sum(len(t) for _, t in doc.blocks)


def _keywords_line(doc: Doc, sep: str = "；") -> str:
    """The keyword field, or '' where the page has none there."""
    spec = doc.spec
    if not doc.keywords or spec.keywords not in ("links", "spaced"):
        return ""
    if "kw-meta" in spec.chrome:
        doc.tags.discard("keywords-links")
        doc.tag("keywords-meta-only")
        return ""
    if spec.keywords == "spaced":
        return esc(" ".join(doc.keywords))
    host = HOSTS[spec.host][0]
    return sep.join(
        f'<a href="{host}/search?kw={esc(k)}" target="_blank">{esc(k)}</a>' for k in doc.keywords
    )


def _author_links(doc: Doc) -> str:
    host = HOSTS[doc.spec.host][0]
    names = _authors(doc)
    if doc.spec.byline == "brackets":
        doc.tag("author-affiliation-brackets")
        inner = " ".join(
            f'<a href="{host}/search?au={esc(n)}" target="_blank">{esc(n)}</a>' for n in names
        )
        return f"{inner}（{esc(_org(doc))}）"
    return " ".join(
        f'<a href="{host}/search?au={esc(n)}" target="_blank">{esc(n)}</a>' for n in names
    )


def _citation(doc: Doc) -> str:
    """GB/T 7714 as the database writes it: only for single issues (its own form)."""
    if doc.label is None or doc.issue.issue.startswith("Z") or "cite" not in doc.spec.chrome:
        return ""
    names = _authors(doc)
    who = ",".join(names[:3]) + (",等" if len(names) > 3 else "")
    head = f"{who}." if who else ""
    return (
        f"{head}{doc.s(doc.article.title)}[J].{doc.journal_name},"
        f"{doc.issue.year}({int(doc.issue.issue)})."
    )


def _copyright(doc: Doc) -> str:
    doc.tag("chrome-copyright")
    if doc.label is None:
        return "本文来源于网络，仅供学习参考，版权归原作者所有；如有侵权，请联系本站删除。"
    return (
        f"本文为《{doc.journal_name}》授权{HOSTS[0][1]}发布的文章，版权归原刊所有，"
        "未经许可，不得转载。"
    )


def _fulltext(doc: Doc, old: bool = False) -> str:
    """The text as the database stores it: the print's front matter, then the blocks."""
    spec = doc.spec
    out: list[str] = []
    if doc.author_line:
        out.append(f'<p class="author">{esc(doc.author_line)}</p>')
    for n, line in enumerate(doc.front):
        if "title-authors" in spec.front and n == 0:
            out.append(f'<p class="title" align="center"><b>{esc(line)}</b></p>')
        elif ("title-authors" in spec.front and n == 1) or line.startswith("（"):
            out.append(f'<p align="center">{esc(line)}</p>')
        else:
            out.append(f"<p>{esc(line)}</p>")
    for kind, text in doc.blocks:
        if kind == "heading":
            out.append(f"<p><b>{esc(text)}</b></p>" if old else f"<h3>{esc(text)}</h3>")
        else:
            out.append(f"<p>{esc(text)}</p>")
    return "\n".join(out)


def _toc(doc: Doc) -> list[tuple[str, str]]:
    """(title, link) of the issue's other articles."""
    host = HOSTS[doc.spec.host][0]
    out = []
    for n, a in enumerate(doc.issue.articles):
        if a.id == doc.article.id:
            continue
        name = _filename(doc, n + 1)
        link = (
            f"{host}/qikan/{doc.journal.code}/{doc.issue.year}{_issue_no(doc)}/{name}.html"
            if doc.spec.host == 0
            else f"{host}/KXReader/Detail?dbcode=QKWK&filename={name}"
        )
        out.append((doc.s(a.title), link))
    return out[:12]


def _related(doc: Doc) -> str:
    if "related" not in doc.spec.chrome:
        return ""
    doc.tag("chrome-related")
    items = "".join(
        f'<li><a href="{HOSTS[doc.spec.host][0]}/search?q={n}" target="_blank">{esc(r.title)}</a>'
        f'<span class="src">《{esc(r.journal)}》{esc(r.label)}</span></li>'
        for n, r in enumerate(doc.related)
    )
    return f'<div class="box related"><div class="box-hd">相关文献</div><ul>{items}</ul></div>\n'


def _share(doc: Doc) -> str:
    doc.tag("chrome-share")
    return (
        '<div class="bdsharebuttonbox"><span>分享到：</span>'
        '<a href="#" class="bds_weixin" data-cmd="weixin">微信</a>'
        '<a href="#" class="bds_tsina" data-cmd="tsina">新浪微博</a>'
        '<a href="#" class="bds_qzone" data-cmd="qzone">QQ空间</a>'
        '<a href="#" class="bds_douban" data-cmd="douban">豆瓣</a></div>\n'
    )


def _hidden(doc: Doc) -> str:
    if "hidden" not in doc.spec.spam:
        return ""
    return (
        '<div style="display: none;"><a href="http://www.hg0088.example/">'
        f"{esc(doc.inject('hidden'))}</a></div>\n"
    )


def _friends(doc: Doc) -> str:
    links = [f'<a href="{u}" target="_blank">{n}</a>' for n, u in FRIENDS]
    if "linkfarm" in doc.spec.spam:
        text = doc.inject("linkfarm")
        links += [
            f'<a href="http://www.yq{k}{k * 7 % 10}.example/" target="_blank">{esc(x)}</a>'
            for k, x in enumerate(text.split(" | "))
        ]
    return '<div class="friend-links">友情链接：' + " | ".join(links) + "</div>\n"


# --- the main site ------------------------------------------------------------------------


def _desktop(doc: Doc, charset: str | None) -> str:
    spec, a = doc.spec, doc.article
    host, site, icp = HOSTS[0]
    full = doc.plain_title
    if doc.label is not None:
        page_title = f"{full} - 《{doc.journal_name}》{doc.label} - {site}"
        crumb = (
            f'<a href="{host}/">首页</a> &gt; <a href="{host}/qikan/">期刊导航</a> &gt; '
            f'<a href="{host}/qikan/subject/zzfl">{SUBJECTS[a.id % 2]}</a> &gt; '
            f'<a href="{host}/qikan/{doc.journal.code}/">{esc(doc.journal_name)}</a> &gt; '
            f'<a href="{host}/qikan/{doc.journal.code}/{doc.issue.year}{_issue_no(doc)}/">'
            f"{esc(doc.label)}</a> &gt; 正文"
        )
    else:
        page_title = f"{full}_{NEWS[0]}_{site}"
        crumb = (
            f'<a href="{host}/">首页</a> &gt; <a href="{host}/news/">{NEWS[1]}</a> &gt; '
            f'<a href="{host}/news/rddt/">{NEWS[0]}</a> &gt; 正文'
        )
    head = ""
    if charset:
        head += f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />\n'
    head += f"<title>{esc(page_title)}</title>\n"
    kws = ",".join(doc.keywords) if doc.keywords else ""
    if kws:
        head += f'<meta name="keywords" content="{esc(kws)}" />\n'
    head += f'<meta name="description" content="{esc(_plain_summary(doc))}" />\n'
    if doc.label is not None:
        head += (
            f'<meta name="citation_title" content="{esc(full)}" />\n'
            + "".join(
                f'<meta name="citation_author" content="{esc(n)}" />\n' for n in _authors(doc)
            )
            + f'<meta name="citation_journal_title" content="{esc(doc.journal_name)}" />\n'
            f'<meta name="citation_publication_date" content="{doc.issue.year}" />\n'
            f'<meta name="citation_issue" content="{esc(doc.issue.issue)}" />\n'
        )
    head += (
        f'<link rel="stylesheet" href="{host}/static/css/detail.css?v=20180906" />\n'
        f'<script src="{host}/static/js/jquery-1.8.3.min.js"></script>\n'
    )

    info: list[str] = []
    if doc.article.authors and spec.byline != "none":
        doc.tag("date-apart")
        info.append(f'<li><span class="lbl">作者：</span>{_author_links(doc)}</li>')
        if "unit" in spec.chrome and spec.byline != "brackets":
            info.append(f'<li><span class="lbl">作者单位：</span>{esc(_org(doc))}</li>')
    if doc.label is not None:
        info.append(
            f'<li><span class="lbl">刊名：</span><a href="{host}/qikan/{doc.journal.code}/">'
            f"《{esc(doc.journal_name)}》</a>"
            f'<span class="lbl">期次：</span>{esc(doc.label)}</li>'
        )
    else:
        info.append('<li><span class="lbl">来源：</span>本站综合</li>')
    info.append(f'<li><span class="lbl">上线时间：</span>{esc(_date_text(doc))}</li>')
    kw = _keywords_line(doc)
    if kw:
        info.append(f'<li><span class="lbl">关键词：</span>{kw}</li>')
    if "intro" in spec.chrome:
        info.append(f'<li class="abs"><span class="lbl">摘要：</span>{esc(_summary(doc))}</li>')
    info.append(
        f'<li class="stat">字数：{_chars(doc)}　阅读：{300 + a.id % 5000}　下载：{a.id % 97}</li>'
    )
    cite = _citation(doc)
    cite_box = (
        f'<div class="cite"><span class="lbl">引用本文：</span>{esc(cite)}'
        '<a href="javascript:;" class="copy">复制</a></div>\n'
        if cite
        else ""
    )
    subtitle = f'<h2 class="subtitle">{esc(doc.subtitle)}</h2>\n' if doc.subtitle else ""
    buttons = (
        '<div class="btns"><a class="read" href="#fulltext">在线阅读</a>'
        f'<a class="pdf" href="{host}/download/{_filename(doc) if doc.label else _news_id(doc)}">'
        "下载PDF</a>"
        '<a class="fav" href="javascript:;">收藏</a></div>\n'
    )
    nav = ""
    if doc.label is not None:
        toc = _toc(doc)
        prev_, next_ = (toc[0] if toc else None), (toc[1] if len(toc) > 1 else None)
        parts = []
        if prev_:
            parts.append(f'上一篇：<a href="{prev_[1]}">{esc(prev_[0])}</a>')
        if next_:
            parts.append(f'下一篇：<a href="{next_[1]}">{esc(next_[0])}</a>')
        nav = '<div class="prenext">' + "<br />".join(parts) + "</div>\n"
        items = "".join(f'<li><a href="{link}">{esc(t)}</a></li>' for t, link in toc)
        side = (
            '<div class="side-box journal">'
            f'<img src="{host}/cover/{doc.journal.code}/{doc.issue.year}{_issue_no(doc)}.jpg" '
            f'alt="{esc(doc.journal_name)}" width="120" height="160" />'
            f'<p class="jn"><a href="{host}/qikan/{doc.journal.code}/">'
            f"{esc(doc.journal_name)}</a></p>"
            f"<p>主办：{PUBLISHERS[doc.journal.province]}</p>"
            "<p>刊期：月刊</p>"
            f'<a class="sub" href="{host}/order/{doc.journal.code}">订阅本刊</a></div>\n'
            f'<div class="side-box toc"><div class="box-hd">本期目录</div><ul>{items}</ul></div>\n'
        )
    else:
        items = "".join(
            f'<li><a href="{host}/news/">{esc(r.title)}</a></li>' for r in doc.related[:5]
        )
        side = f'<div class="side-box"><div class="box-hd">热门资讯</div><ul>{items}</ul></div>\n'
    footer = (
        _friends(doc) + '<div class="footer"><p><a href="/about">关于我们</a> | '
        '<a href="/contact">联系我们</a> | '
        '<a href="/copyright">版权声明</a> | <a href="/help">帮助中心</a></p>'
        f"<p>Copyright &copy; 2008-2021 {site} 版权所有 {icp}</p></div>\n"
    )
    return (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml">\n'
        f"<head>\n{head}</head>\n<body>\n"
        '<div class="topbar"><div class="w">欢迎来到博览期刊网！'
        f'<a href="{host}/login">登录</a> | <a href="{host}/reg">注册</a> | '
        f'<a href="{host}/org">机构用户</a> | <a href="{host}/help">帮助中心</a></div></div>\n'
        f'<div class="header"><div class="logo"><a href="{host}/">'
        f'<img src="{host}/static/img/logo.png" '
        f'alt="{site}" /></a></div>'
        '<form class="search" action="/search" method="get"><select name="f"><option>题名</option>'
        "<option>作者</option><option>关键词</option><option>刊名</option></select>"
        '<input type="text" name="q" /><input type="submit" value="检索" /></form></div>\n'
        '<div class="nav"><ul>'
        f'<li><a href="{host}/">首页</a></li><li><a href="{host}/qikan/">期刊导航</a></li>'
        f'<li><a href="{host}/subject/">学科分类</a></li>'
        f'<li><a href="{host}/new/">最新上线</a></li>'
        f'<li><a href="{host}/news/">资讯</a></li><li><a href="{host}/vip/">会员服务</a></li>'
        "</ul></div>\n"
        f'<div class="crumb">当前位置：{crumb}</div>\n'
        '<div class="w main"><div class="left">\n'
        f'<div class="art-hd"><h1>{esc(doc.title)}</h1>\n{subtitle}</div>\n'
        f'<ul class="art-info">{"".join(info)}</ul>\n'
        + cite_box
        + buttons
        + '<div class="fulltext" id="fulltext"><div class="ft-hd">全文阅读</div>\n'
        + _fulltext(doc)
        + "\n</div>\n"
        + f'<div class="statement">{_copyright(doc)}</div>\n'
        + _share(doc)
        + nav
        + _related(doc)
        + '</div>\n<div class="right">\n'
        + side
        + "</div></div>\n"
        + _hidden(doc)
        + footer
        + f'<script src="{host}/static/js/detail.js?v=20180906"></script>\n'
        "</body>\n</html>\n"
    )


def _plain_summary(doc: Doc) -> str:
    text = "".join(t for k, t in doc.blocks if k == "paragraph")
    return text[:120]


# --- the library's mirror (the older release) ------------------------------------------------


def _mirror(doc: Doc, charset: str | None) -> str:
    spec = doc.spec
    host, site, _ = HOSTS[1]
    head = ""
    if charset:
        head += f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n'
    head += f"<title>{esc(doc.plain_title)}--{HOSTS[0][1]}</title>\n"
    head += f'<link href="{host}/KXReader/css/detail.css" rel="stylesheet" type="text/css">\n'
    rows: list[tuple[str, str]] = []
    if doc.article.authors and spec.byline != "none":
        doc.tag("date-apart")
        rows.append(("【作者】", _author_links(doc)))
        if "unit" in spec.chrome and spec.byline != "brackets":
            rows.append(("【机构】", esc(_org(doc))))
    if "intro" in spec.chrome:
        rows.append(("【摘要】", esc(_summary(doc, 200))))
    kw = _keywords_line(doc, "；")
    if kw:
        rows.append(("【关键词】", kw))
    if doc.label is not None:
        rows.append(("【刊名】", f"《{esc(doc.journal_name)}》"))
        rows.append(("【期次】", esc(doc.label)))
    rows.append(("【入库时间】", esc(_date_text(doc))))
    table = "".join(
        f'<tr><td class="lbl" width="90" valign="top">{k}</td><td>{v}</td></tr>\n' for k, v in rows
    )
    title = esc(doc.title)
    if doc.subtitle:
        title += f'<br /><font size="3">{esc(doc.subtitle)}</font>'
    cite = _citation(doc)
    cite_row = f'<p class="cite">【引文格式】{esc(cite)}</p>\n' if cite else ""
    toc = ""
    if doc.label is not None:
        items = "".join(f'<tr><td><a href="{link}">{esc(t)}</a></td></tr>' for t, link in _toc(doc))
        toc = (
            '<table class="toc" width="100%"><tr><td class="hd">本期目录</td></tr>'
            f"{items}</table>\n"
        )
    return (
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n<html>\n'
        f"<head>\n{head}</head>\n"
        '<body leftmargin="0" topmargin="0">\n'
        '<table width="960" border="0" align="center" cellpadding="0" cellspacing="0">'
        f'<tr><td class="top"><img src="{host}/KXReader/img/logo_mirror.gif" alt="{site}"> '
        f'<a href="{host}/">镜像站首页</a> | <a href="{host}/KXReader/Navi">期刊导航</a> | '
        '<a href="http://lib.hbsfu.example/">图书馆主页</a></td></tr></table>\n'
        '<table width="960" border="0" align="center" cellpadding="0" cellspacing="0">\n'
        '<tr><td width="700" valign="top">\n'
        f'<div class="title"><h2 align="center">{title}</h2></div>\n'
        f'<table class="info" width="100%" border="0" cellpadding="3">\n{table}</table>\n'
        + cite_row
        + '<p class="dl"><a href="javascript:;">CAJ下载</a> <a href="javascript:;">PDF下载</a> '
        "（本站为机构镜像，校内IP免费下载）</p>\n"
        '<div id="fulltext" class="fulltext">\n'
        + _fulltext(doc, old=True)
        + "\n</div>\n"
        + f'<p class="statement">{_copyright(doc)}</p>\n'
        + "</td>\n"
        f'<td width="240" valign="top">{toc}</td></tr></table>\n'
        + _hidden(doc)
        + '<table width="960" align="center"><tr><td class="foot" align="center">'
        f"{HOSTS[0][1]}机构镜像 版本：V3.2　技术支持：{HOSTS[0][1]}　"
        "建议使用IE8以上浏览器，分辨率1024*768</td></tr></table>\n"
        "</body>\n</html>\n"
    )


# --- the mobile reader --------------------------------------------------------------------


def _mobile(doc: Doc, charset: str | None) -> str:
    spec = doc.spec
    host, site, _ = HOSTS[2]
    head = ""
    if charset:
        head += f'<meta charset="{charset}">\n'
    head += (
        '<meta name="viewport" content="width=device-width,initial-scale=1,user-scalable=no">\n'
        f"<title>{esc(doc.plain_title)}-{site}</title>\n"
    )
    if doc.keywords:
        head += f'<meta name="keywords" content="{esc(",".join(doc.keywords))}">\n'
    head += f'<link rel="canonical" href="{HOSTS[0][0]}/qikan/{doc.journal.code}/">\n'
    source = ""
    if doc.label is not None:
        source = (
            f'<a class="jname" href="{host}/qikan/{doc.journal.code}">{esc(doc.journal_name)}</a>'
            f'<span class="issue">{esc(doc.label)}</span>'
        )
    who = ""
    if doc.article.authors and spec.byline != "none":
        doc.tag("date-apart")
        who = f'<div class="authors">{_author_links(doc)}</div>\n'
    kw = _keywords_line(doc, " ")
    kw_box = f'<div class="kw"><span>关键词</span>{kw}</div>\n' if kw else ""
    doc.tag("chrome-app")
    related = ""
    if "related" in spec.chrome:
        doc.tag("chrome-related")
        related = (
            '<div class="rec"><h4>相关推荐</h4>'
            + "".join(
                f'<a href="{host}/search?q={n}"><p>{esc(r.title)}</p>'
                f"<span>{esc(r.journal)} {esc(r.label)}</span></a>"
                for n, r in enumerate(doc.related[:5])
            )
            + "</div>\n"
        )
    subtitle = f'<h2 class="sub">{esc(doc.subtitle)}</h2>\n' if doc.subtitle else ""
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n'
        f"<head>\n{head}</head>\n<body>\n"
        '<div class="app-bar"><img src="/static/m/logo-s.png" alt=""><span>博览期刊APP</span>'
        '<em>海量期刊 随时随地阅读</em><a href="/app/download" class="open">打开APP</a></div>\n'
        '<header class="m-hd"><a class="back" href="javascript:history.back();">返回</a>'
        f"<span>{site}</span></header>\n"
        '<article class="m-art">\n'
        f"<h1>{esc(doc.title)}</h1>\n{subtitle}"
        f'<div class="src">{source}<time>{esc(_date_text(doc))}</time></div>\n'
        + who
        + '<div class="m-text" id="content" style="max-height:1200px;overflow:hidden;">\n'
        + _fulltext(doc)
        + "\n</div>\n"
        '<div class="unfold"><a href="javascript:;">展开全文</a></div>\n'
        + kw_box
        + "</article>\n"
        + f'<p class="m-stmt">{_copyright(doc)}</p>\n'
        + related
        + '<div class="app-foot"><a href="/app/download">下载博览期刊APP，阅读体验更佳</a></div>\n'
        + f'<footer class="m-ft"><a href="{HOSTS[0][0]}/">电脑版</a> | '
        '<a href="/feedback">意见反馈</a>'
        f"<p>&copy; {site}</p></footer>\n"
        "</body>\n</html>\n"
    )


def render(doc: Doc) -> str:
    charset = declared(doc, "meta")
    if doc.spec.host == 1:
        return _mirror(doc, charset)
    if doc.spec.host == 2:
        return _mobile(doc, charset)
    return _desktop(doc, charset)
