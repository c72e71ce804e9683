"""copy-table: an old copy site built of nested tables: labelled info lines, `来源：《…》`,
keywords as spaced text (run together on its hard pages), `<br>`-separated body.
"""

from __future__ import annotations

from pagekit import RESEARCH, Doc, Spec, declared, esc

# --- the plan ------------------------------------------------------------------------------

PLAN: tuple[Spec, ...] = (
    Spec("plain-utf8", 4543648, label="di", time=False, keywords="spaced"),
    Spec(
        "z-anonymous-gbk",
        5656344,
        label="z",
        byline="anon",
        keywords="spaced",
        encoding="gbk",
        header="missing",
        meta="missing",
    ),
    Spec(
        "four-run-together",
        3700330,
        label="di",
        byline="joined",
        author_line="space",
        keywords="spaced",
        encoding="gbk",
        host=1,
    ),
    Spec(
        "title-spaces",
        4022539,
        title="spaces",
        keywords="spaced",
        header="missing",
        meta="missing",
    ),
    Spec(
        "subtitle-roles",
        4719699,
        label="di",
        title="subtitle",
        byline="joined",
        author_line="roles",
        keywords="spaced",
        encoding="gbk",
        declared="gb2312",
        header="missing",
        chrome=("copyright",),
    ),
    Spec(
        "research-front",
        4026006,
        label="di",
        byline="brackets",
        academic=True,
        keywords="spaced",
        front=RESEARCH,
        host=1,
    ),
    Spec(
        "spam-meta-wrong",
        5763960,
        fullwidth_date=True,
        keywords="spaced",
        encoding="gbk",
        header="missing",
        meta="wrong",
        spam=("porn", "county", "linkfarm"),
    ),
    Spec(
        "no-source-no-keywords",
        4562527,
        label=None,
        keywords="none",
        author_line="comma",
        encoding="gb18030",
        spam=("hidden",),
        host=1,
    ),
    Spec(
        "paren-qa",
        3366316,
        label="paren",
        author_line="circle",
        keywords="spaced",
        header="wrong",
        chrome=("copyright",),
    ),
    Spec(
        "padded-fullwidth-label",
        3630949,
        label="fullwidth",
        byline="none",
        author_line="padded",
        keywords="spaced",
        encoding="gbk",
        header="missing",
        meta="missing",
        host=1,
    ),
)


# Hard pages (`hardset.COPIES`, README.md "The hard pages"): the keyword line run together
# from nested tags, names run together with a padded one, no journal line, a text cut.
HARD: tuple[Spec, ...] = (
    Spec(
        "hard-sessions-no-journal",
        6500201,
        label=None,
        byline="padded-run",
        keywords="run",
        encoding="gbk",
    ),
    Spec("hard-liaison", 6500202, byline="padded-run", keywords="run"),
    Spec(
        "hard-rules-no-journal",
        6500203,
        label=None,
        byline="padded-run",
        keywords="run",
        encoding="gbk",
        host=1,
    ),
    Spec("hard-openness-cut", 6500204, keywords="run", cut=0.6, encoding="gbk"),
    Spec(
        "hard-constitutionality-cut-no-journal",
        6500205,
        label=None,
        byline="padded-run",
        keywords="run",
        cut=0.6,
        encoding="gb18030",
    ),
    Spec("hard-review", 6500206, keywords="run", encoding="gbk", header="missing"),
    Spec(
        "hard-emergencies-markup-no-journal",
        6500207,
        label=None,
        keywords="run",
        keyword_junk=True,
    ),
)


# --- the site ------------------------------------------------------------------------------

HOSTS = (
    ("http://www.lwqkk.example", "/Article/{id}.html"),
    ("http://www.zzsk.example", "/ShowArticle.asp?ArticleID={id}"),
)
NBSP4 = "&nbsp;" * 4


def url(doc: Doc) -> str:
    host, path = HOSTS[doc.spec.host]
    return host + path.format(id=doc.article.id)


def _row(cell: str, attrs: str = "") -> str:
    return f"<tr><td{attrs}>{cell}</td></tr>\n"


def render(doc: Doc) -> str:
    j, a, spec = doc.journal, doc.article, doc.spec
    charset = declared(doc, "meta")
    content = "text/html" + (f"; charset={charset}" if charset else "")
    head = (
        f'<meta http-equiv="Content-Type" content="{content}">\n'
        f"<title>{esc(doc.plain_title)}-{esc(j.name)}-论文期刊库</title>\n"
        '<style type="text/css">td{font-size:12px;color:#333}.tit{font-size:20px}</style>\n'
    )
    rows = []
    if "porn" in spec.spam:
        rows.append(_row(f'<font color="#FF0000">{esc(doc.inject("porn"))}</font>'))
    title = f'<font class="tit" color="#0F3F7F"><b>{esc(doc.title)}</b></font>'
    if doc.subtitle:
        title += f'<br><font color="#0F3F7F">{esc(doc.subtitle)}</font>'
    rows.append(_row(title, ' align="center"'))
    info = []
    if doc.byline:
        info.append(f"作者：{esc(doc.byline)}")
        doc.tag("date-apart")
    info.append(f"发布时间：{esc(doc.date)}")
    rows.append(_row(f'<font color="#666666">{NBSP4.join(info)}</font>', ' align="center"'))
    if doc.label:
        source = f"来源：《{esc(doc.journal_name or '')}》{esc(doc.label)}"
        rows.append(_row(f'<font color="#666666">{source}</font>', ' align="center"'))
    if spec.keywords == "spaced":
        rows.append(_row(f'<font color="#333333">关键词：{esc(" ".join(doc.keywords))}</font>'))
    elif spec.keywords == "run":
        rows.append(_row(f'<font color="#333333">关键词：{esc("".join(doc.keywords))}</font>'))
    rows.append(_row("", ' height="1" bgcolor="#CCCCCC"'))

    lines = [esc(doc.author_line)] if doc.author_line else []
    lines += [esc(line) for line in doc.front]
    for kind, text in doc.blocks:
        lines.append(f"<b>{esc(text)}</b>" if kind == "heading" else esc(text))
    text = "<br>\n".join(NBSP4 + line for line in lines)
    if "hidden" in spec.spam:
        half = len(lines) // 2
        cut = text.find("<br>", sum(len(x) for x in lines[:half]))
        cut = len(text) if cut < 0 else cut
        hidden = f'<div style="display:none">{esc(doc.inject("hidden"))}</div>'
        text = text[:cut] + hidden + text[cut:]
    if "copyright" in spec.chrome:
        text += "<br>\n<br>\n（本文来源于网络，版权归原作者所有，转载请注明出处）"
        doc.tag("chrome-copyright")
    rows.append(_row(f'<font style="font-size:14px;line-height:26px">\n{text}\n</font>'))
    tools = (
        '<font color="#999999">【<a href="javascript:window.print()">打印本页</a>】 '
        '【<a href="javascript:window.close()">关闭窗口</a>】</font>'
    )
    rows.append(_row(tools, ' align="right"'))
    rows.append(
        _row(
            f'上一篇：<a href="/Article/{a.id - 2}.html">{esc(doc.related[0].title)}</a><br>'
            f'下一篇：<a href="/Article/{a.id + 5}.html">{esc(doc.related[1].title)}</a>'
        )
    )
    doc.tag("chrome-related")
    related = "<br>\n".join(
        f'·<a href="/Article/{a.id + 31 * (n + 1)}.html">{esc(r.title)}</a>&nbsp;&nbsp;'
        f'<font color="#999999">{r.posted[:10]}</font>'
        for n, r in enumerate(doc.related[2:])
    )
    rows.append(
        _row(
            '<table width="100%" border="0" cellspacing="0" cellpadding="4">\n'
            + _row("<b>相关文章</b>", ' bgcolor="#EEEEEE"')
            + _row(related)
            + "</table>"
        )
    )
    article = (
        '<table width="100%" border="0" cellspacing="0" cellpadding="6">\n'
        + "".join(rows)
        + "</table>"
    )
    side = (
        '<table width="100%" border="1" bordercolor="#DDDDDD" cellspacing="0" cellpadding="4">\n'
        + _row("<b>热门文章</b>", ' bgcolor="#E8F0F8"')
        + _row(
            "<br>".join(
                f'·<a href="/Article/{a.id - 40 * (n + 1)}.html">{esc(r.title[:14])}</a>'
                for n, r in enumerate(doc.related[:5])
            )
        )
        + _row("<b>期刊导航</b>", ' bgcolor="#E8F0F8"')
        + _row("<a href='/qk/zz/'>政治</a> <a href='/qk/fl/'>法律</a> <a href='/qk/jj/'>经济</a>")
        + "</table>"
    )
    foot = []
    if "linkfarm" in spec.spam:
        farm = doc.inject("linkfarm").split(" | ")
        links = [f'<a href="http://{n}.yq.example/">{esc(t)}</a>' for n, t in enumerate(farm)]
        foot.append("友情链接：" + " | ".join(links))
    if "county" in spec.spam:
        names = [n.strip() for n in doc.inject("county").split("|") if n.strip()]
        foot.append(
            "| ".join(f'<a href="/dq/{n}.html">{esc(x)}</a>' for n, x in enumerate(names)) + "|"
        )
    foot.append("版权所有：论文期刊库 Copyright © 2008-2020")
    foot.append("本站部分文章来自网络转载，版权归原作者所有")
    return (
        f"<html>\n<head>\n{head}</head>\n"
        '<body leftmargin="0" topmargin="0" bgcolor="#FFFFFF">\n'
        '<table width="960" border="0" align="center" cellpadding="0" cellspacing="0">\n'
        '<tr><td height="60"><img src="/images/logo.gif" width="220" height="55" border="0"></td>'
        '<td align="right"><a href="/">首页</a> | <a href="/qk/">期刊大全</a> | '
        '<a href="/lw/">论文范文</a> | <a href="/tg/">投稿指南</a></td></tr>\n</table>\n'
        '<table width="960" border="0" align="center" cellpadding="0" cellspacing="0">\n'
        '<tr><td bgcolor="#E8F0F8" height="26">&nbsp;您现在的位置：<a href="/">首页</a> &gt;&gt; '
        '<a href="/qk/">期刊文章</a> &gt;&gt; 正文</td></tr>\n</table>\n'
        '<table width="960" border="0" align="center" cellpadding="0" cellspacing="0">\n'
        f'<tr><td width="700" valign="top">\n{article}\n</td><td width="10"></td>'
        f'<td width="250" valign="top">\n{side}\n</td></tr>\n</table>\n'
        '<table width="960" border="0" align="center" cellpadding="8" cellspacing="0">\n'
        + _row("<br>\n".join(foot), ' align="center"')
        + "</table>\n</body>\n</html>\n"
    )
