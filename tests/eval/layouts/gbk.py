"""copy-gbk: a Simplified copy site of the 2010s served in GBK or GB18030, its charset
declared right, wrong or not at all; plain `<div>`/`<p>` markup with pinyin class names,
one info line `作者：…　发布时间：…　来源：…`, a `相关文章` list.
"""

from __future__ import annotations

from pagekit import Doc, Spec, declared, esc

# --- the plan ------------------------------------------------------------------------------

PLAN: tuple[Spec, ...] = (
    Spec(
        "long-no-charset",
        5111407,
        encoding="gbk",
        header="missing",
        meta="missing",
        chrome=("copyright",),
    ),
    Spec(
        "z-header-wrong",
        3648636,
        label="z",
        author_line="space",
        encoding="gbk",
        header="wrong",
        host=1,
    ),
    Spec(
        "gb18030-meta-wrong-mojibake",
        4992989,
        encoding="gb18030",
        header="missing",
        meta="wrong",
        mojibake=True,
        chrome=("copyright",),
    ),
    Spec(
        "four-authors-stray",
        4246411,
        byline="list",
        encoding="gbk",
        declared="gb2312",
        header="missing",
        stray=True,
        spam=("porn", "hidden"),
    ),
    Spec("affiliation-glued", 4063900, byline="glued", encoding="gbk", host=1),
    Spec(
        "brackets-fullwidth-date",
        4708719,
        label="di",
        byline="brackets",
        fullwidth_date=True,
        encoding="gbk",
        header="missing",
        meta="wrong",
        stray=True,
    ),
    Spec(
        "research-keywords-in-body",
        3635465,
        label="di",
        keywords="body-colon",
        front=("affiliation", "abstract", "fund"),
        encoding="gb18030",
        chrome=("copyright-in",),
    ),
    Spec(
        "brief-keywords-run",
        6215064,
        keywords="run",
        author_line="circle",
        encoding="gbk",
        header="missing",
        meta="missing",
        spam=("county",),
    ),
    Spec(
        "no-journal-footnote",
        3298658,
        label=None,
        keywords="none",
        title="footnote",
        chrome=("sup",),
        encoding="gbk",
        meta="missing",
        spam=("porn",),
    ),
    Spec(
        "zero-wen-spaces",
        5707779,
        label="zero",
        title="spaces",
        author_line="wen",
        time=False,
        encoding="gbk",
        header="wrong",
        meta="missing",
        host=1,
    ),
)


# Hard pages (`hardset.COPIES`, README.md "The hard pages"): the keyword line run together
# from nested tags, names run together with a padded one, no journal line, a text cut.
HARD: tuple[Spec, ...] = (
    Spec(
        "hard-sessions-cut",
        6500201,
        byline="padded-run",
        keywords="run",
        cut=0.6,
        encoding="gbk",
    ),
    Spec(
        "hard-liaison-no-journal",
        6500202,
        label=None,
        byline="padded-run",
        keywords="run",
        encoding="gbk",
        host=1,
    ),
    Spec(
        "hard-rules-cut-no-journal",
        6500203,
        label=None,
        byline="padded-run",
        keywords="run",
        cut=0.6,
        encoding="gb18030",
    ),
    Spec(
        "hard-openness-no-journal",
        6500204,
        label=None,
        keywords="run",
        encoding="gbk",
        header="missing",
    ),
    Spec(
        "hard-constitutionality",
        6500205,
        label="di",
        byline="padded-run",
        keywords="run",
        encoding="gbk",
        host=1,
    ),
    Spec(
        "hard-review-no-journal",
        6500206,
        label=None,
        keywords="run",
        encoding="gbk",
        meta="missing",
    ),
    Spec(
        "hard-emergencies-markup-no-journal",
        6500207,
        label=None,
        keywords="run",
        keyword_junk=True,
        encoding="gbk",
    ),
    # an interview the copy cut inside the interviewer's question (`记者：在制度建设`)
    Spec(
        "hard-interview-cut-in-question",
        5031867,
        keywords="none",
        cut=0.68,
        encoding="gbk",
        host=1,
    ),
)


# --- the site ------------------------------------------------------------------------------

HOSTS = (
    ("http://www.qikanyd.example", "/qk/{id}.html"),
    ("http://wenku.lwqk.example", "/{posted:%Y%m%d}/{id}.htm"),
)
INDENT = "\u3000\u3000"


def url(doc: Doc) -> str:
    host, path = HOSTS[doc.spec.host]
    return host + path.format(posted=doc.article.posted_at, id=doc.article.id)


def render(doc: Doc) -> str:
    j, a, spec = doc.journal, doc.article, doc.spec
    charset = declared(doc, "meta")
    head = (
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />\n'
        if charset
        else ""
    )
    head += (
        f"<title>{esc(doc.plain_title)}_{esc(j.name)}_期刊阅读网</title>\n"
        f'<meta name="keywords" content="{esc(doc.plain_title)},期刊,论文,杂志" />\n'
        '<link href="/skin/css/style.css" rel="stylesheet" type="text/css" />\n'
        '<script type="text/javascript" src="/skin/js/jquery.min.js"></script>\n'
    )
    top = (
        '<div class="topbar"><div class="w1000"><span>欢迎来到期刊阅读网！</span>'
        '<a href="/">设为首页</a> | <a href="/">加入收藏</a></div></div>\n'
        '<div class="head w1000"><a class="logo" href="/">期刊阅读网</a>'
        '<form action="/search.php"><input name="q" class="sr" />'
        '<input type="submit" value="搜索" />'
        "</form></div>\n"
        '<div class="navbar"><ul class="w1000"><li><a href="/">首页</a></li>'
        '<li><a href="/zzfl/">政治法律</a></li><li><a href="/jjgl/">经济管理</a></li>'
        '<li><a href="/whjy/">文化教育</a></li><li><a href="/lwfw/">论文范文</a></li></ul></div>\n'
    )
    if "porn" in spec.spam:
        top += f'<div class="seo_t w1000">{esc(doc.inject("porn"))}</div>\n'

    title = esc(doc.title)
    if spec.title == "footnote" and "sup" in spec.chrome:
        title = esc(doc.title[:-1]) + "<sup>*</sup>"
    subtitle = f'<p class="fubt">{esc(doc.subtitle)}</p>' if doc.subtitle else ""
    info = []
    if doc.byline:
        info.append(f"作者：{esc(doc.byline)}")
        doc.tag("date-apart")
    info.append(f"发布时间：{esc(doc.date)}")
    if doc.label:
        info.append(
            f'来源：<a href="/qk/{j.code}/">{esc(doc.journal_name or "")}</a> {esc(doc.label)}'
        )
    keywords = ""
    if spec.keywords == "links":
        links = "　".join(f'<a href="/tags/{esc(k)}/">{esc(k)}</a>' for k in doc.keywords)
        keywords = f'<div class="wzgjc">关键词：{links}</div>'
    elif spec.keywords == "run":
        keywords = f'<div class="wzgjc">关键词：{esc("".join(doc.keywords))}</div>'

    body = [f"<p>{INDENT}{esc(doc.author_line)}</p>"] if doc.author_line else []
    body += [f"<p>{INDENT}{esc(line)}</p>" for line in doc.front]
    paragraphs = [n for n, (kind, _) in enumerate(doc.blocks) if kind == "paragraph"]
    middle = paragraphs[len(paragraphs) // 2]
    for n, (kind, text) in enumerate(doc.blocks):
        if kind == "heading":
            body.append(f"<p><strong>{esc(text)}</strong></p>")
        else:
            body.append(f"<p>{INDENT}{esc(text)}</p>")
        if n == middle and "hidden" in spec.spam:
            body.append(f'<div style="display:none">{esc(doc.inject("hidden"))}</div>')
    if "copyright-in" in spec.chrome:
        body.append(f"<p>{INDENT}本文系转载，版权归原作者所有，如有侵权请联系本站删除。</p>")
        doc.tag("chrome-copyright")
    doc.tag("chrome-share", "chrome-related")
    if "copyright" in spec.chrome:
        doc.tag("chrome-copyright")
        copyright_line = (
            '<div class="banquan">版权所有 © 期刊阅读网　本站文章均来自网络，仅供学习参考，'
            "如有侵权请联系删除</div>\n"
        )
    else:
        copyright_line = ""
    related = "".join(
        f'<li><a href="/qk/{a.id + 11 * (n + 1)}.html">{esc(r.title)}</a>'
        f"<span>{r.posted[:10]}</span></li>"
        for n, r in enumerate(doc.related)
    )
    left = (
        '<div class="weizhi">当前位置：<a href="/">首页</a> &gt; '
        '<a href="/zzfl/">政治法律</a> &gt; '
        f'<a href="/qk/{j.code}/">{esc(j.name)}</a> &gt; 正文</div>\n'
        f'<div class="wzbt"><h1>{title}</h1>{subtitle}</div>\n'
        f'<div class="wzxx">{"　　".join(info)}</div>\n'
        f"{keywords}\n"
        '<div class="wznr">\n' + "\n".join(body) + "\n</div>\n"
        '<div class="fenxiang">分享到：<a href="#">微信</a> <a href="#">新浪微博</a> '
        '<a href="#">QQ空间</a> <a href="#">豆瓣</a></div>\n'
        f"{copyright_line}"
        f'<div class="xgwz"><div class="xgwz_t">相关文章</div><ul>{related}</ul></div>\n'
    )
    right = (
        '<div class="rbox"><div class="rb_t">热门期刊</div><ul>'
        '<li><a href="/qk/zgrd/">中国人大</a></li><li><a href="/qk/rmzz/">人民之声</a></li>'
        '<li><a href="/qk/mzfz/">民主法制建设</a></li><li><a href="/qk/dfrd/">地方人大建设</a></li>'
        '</ul><div class="rb_t">最新文章</div><ul>'
        + "".join(
            f"<li><a href='/qk/{a.id - n}.html'>{esc(r.title)}</a></li>"
            for n, r in enumerate(doc.related[:4])
        )
        + "</ul></div>\n"
    )
    foot = ""
    if "county" in spec.spam:
        names = [n.strip() for n in doc.inject("county").split("|") if n.strip()]
        foot += (
            '<div class="dq">'
            + "| ".join(f"<a href='/dq/{esc(n)}/'>{esc(n)}</a>" for n in names)
            + "|</div>"
        )
    foot += (
        "<p>Copyright © 2014-2021 期刊阅读网 All Rights Reserved</p>"
        "<p>本站部分内容来自互联网，如有侵权请联系删除</p>"
    )
    return (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml">\n<head>\n{head}</head>\n<body>\n{top}'
        f'<div class="w1000 clearfix">\n<div class="lbox">\n{left}</div>\n{right}</div>\n'
        f'<div class="footer">{foot}</div>\n</body>\n</html>\n'
    )
