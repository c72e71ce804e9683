"""copy-dedecms: an article library built with DedeCMS (织梦) from its default article
template, the make of countless Chinese copy sites.

One template on three hosts: a GBK station (DedeCMS GBK edition, the template
declaring `gb2312`, its older static pages none), a UTF-8 station of the same
owner, and the Big5 gateway (`big5.…/gate/big5/…`) that serves the GBK
station's pages in Traditional script. The template: logo in an `<h1>` and a
hot-tag bar in the header, a `当前位置` crumb ending in the journal's channel,
the title in `<div class="title"><h2>`, a `<small>时间:</small>…<small>来源:</small>…
<small>作者:</small>…` line (dates `2018/11/20 01:18`, `来源:未知` and
`作者:佚名` where the source or the writer is unknown), the automatic summary
(`<div class="intro">`, and `<meta name="description">`) repeating the text's
first characters, the text in a table cell (CKEditor `<p>`s, or `<br />` lines
where it was pasted as plain text), the keywords as tag links after the text
and in `<meta name="keywords">` (on some pages only there), a statement, share
buttons, the `------分隔线------` line, previous and next, `相关文章`,
`推荐阅读` and `热点内容`, a comment form and the DedeCMS footer.

`Spec.chrome` names a page's extras: `br` (the text in `<br />` lines),
`kw-meta` (keywords only in `<meta name="keywords">`), `src-book`
(`来源:《刊名》期`) and `src-glued` (`来源:刊名期`; else `刊名 期`).
"""

from __future__ import annotations

from pagekit import RESEARCH, Doc, Related, Spec, declared, esc

from journals.samplesite.corpus import build_corpus

# --- the plan ------------------------------------------------------------------------------

PLAN: tuple[Spec, ...] = (
    Spec(
        "page-01",
        3648636,
        label="dash",
        author_line="space",
        encoding="gbk",
        declared="gb2312",
        header="missing",
        meta="missing",
        spam=("linkfarm",),
        chrome=("src-book",),
    ),
    Spec(
        "page-02",
        3704623,
        label="di",
        title="footnote",
        byline="list",
        academic=True,
        keywords="body-colon",
        front=RESEARCH,
        encoding="gbk",
        declared="gb2312",
        header="missing",
    ),
    Spec("page-03", 4856451, author_line="space", chrome=("kw-meta",), host=1),
    Spec(
        "page-04",
        5003900,
        label="zero",
        author_line="wen",
        mojibake=True,
        spam=("hidden",),
        chrome=("src-book",),
        host=1,
    ),
    Spec(
        "page-05",
        4199306,
        traditional=True,
        pinyin_title=True,
        author_line="space",
        encoding="big5",
        spam=("county", "tag"),
        host=2,
    ),
    Spec(
        "page-06",
        3298661,
        byline="anon",
        keywords="none",
        stray=True,
        encoding="gbk",
        declared="gb2312",
        header="missing",
        spam=("linkfarm", "hidden"),
        chrome=("br", "src-glued"),
    ),
    Spec("page-07", 6373154, label=None, author_line="circle", spam=("porn",), host=1),
    Spec(
        "page-08",
        4493515,
        label="paren",
        byline="joined",
        author_line="space",
        spam=("gambling",),
        host=1,
    ),
    Spec(
        "page-09",
        4441807,
        label="fullwidth",
        title="spaces",
        encoding="gbk",
        declared="gb2312",
        header="missing",
        spam=("linkfarm",),
        chrome=("br",),
    ),
    Spec(
        "page-10",
        4513005,
        label="di",
        traditional=True,
        byline="brackets",
        academic=True,
        keywords="body-bracket",
        front=("affiliation", "abstract", "bio"),
        encoding="big5",
        spam=("porn",),
        host=2,
    ),
)


# --- the site ------------------------------------------------------------------------------

# host, station name, path prefix, Powered-by edition
HOSTS = (
    ("http://www.rdwxk.example", "人大文献库", "/a", "DedeCMS_V57_GBK_SP1"),
    ("http://www.mzfzwk.example", "民主法治文库", "", "DedeCMS_V57_UTF8_SP2"),
    (
        "http://big5.rdwxk.example",
        "人大文献库",
        "/gate/big5/www.rdwxk.example/a",
        "DedeCMS_V57_GBK_SP1",
    ),
)
ICP = ("浙ICP备14017352号-1", "豫ICP备16008815号-2", "浙ICP备14017352号-1")
HOT_TAGS = (
    "人大代表",
    "执法检查",
    "预算审查",
    "备案审查",
    "代表建议",
    "地方立法",
    "人大监督",
    "代表工作站",
)
CHANNEL = ("rdgz", "人大工作")  # the channel of pages whose journal the site did not record
BR = "<br />\r\n"


def _aid(article_id: int, host: int) -> int:
    """The station's own article number."""
    return article_id - 3200000 + 7000 * (host == 1)


def _typedir(doc: Doc) -> str:
    return f"qkwx/{doc.journal.code}" if doc.label is not None else CHANNEL[0]


def _path(doc: Doc, aid: int, other: Related | None = None) -> str:
    """A page of the station (this one, or `other`), as its links print it (the
    gateway rewrites them)."""
    _, _, prefix, _ = HOSTS[doc.spec.host]
    if other is None:
        typedir, day = _typedir(doc), f"{doc.article.posted_at:%Y-%m-%d}"
    else:
        codes = {doc.s(j.name): j.code for j in build_corpus()}
        typedir, day = f"qkwx/{codes[other.journal]}", other.posted
    return f"{prefix}/{typedir}/{day[:4]}/{day[5:7]}{day[8:10]}/{aid}.html"


def url(doc: Doc) -> str:
    host = HOSTS[doc.spec.host][0]
    return host + _path(doc, _aid(doc.article.id, doc.spec.host))


def _inject(doc: Doc, kind: str) -> str:
    """Spam of `kind`; on a gateway page it is converted to Traditional like the rest."""
    text = doc.inject(kind)
    if doc.trad:
        text = doc.spam[-1] = doc.s(text)
    return text


def _date(doc: Doc) -> str:
    """`MyDate('Y/m/d H:i')`; where the source gave no time the page has midnight."""
    a = doc.article
    doc.tag("date-slash")
    if "date-time" in doc.tags:
        return f"{a.posted_at:%Y/%m/%d %H:%M}"
    return f"{a.posted_at:%Y/%m/%d} 00:00"


def _source(doc: Doc) -> str:
    t, chrome = doc.s, doc.spec.chrome
    if doc.label is None:
        return t("未知")
    journal, label = esc(doc.journal_name or ""), esc(doc.label)
    if "src-book" in chrome:
        return f"《{journal}》{label}"
    if "src-glued" in chrome:
        return f"{journal}{label}"
    return f"{journal} {label}"


def _lines(doc: Doc) -> list[tuple[str, str]]:
    """The text as the editor holds it: (kind, text), kind `author`, `front`,
    `heading` or `paragraph`."""
    out = [("author", doc.author_line)] if doc.author_line else []
    out += [("front", line) for line in doc.front]
    return out + list(doc.blocks)


def _summary(doc: Doc) -> str:
    """DedeCMS's automatic description: the text without its tags, cut at 240 bytes
    of the station's charset (120 characters in GBK, 80 in UTF-8)."""
    text = "".join(line for _, line in _lines(doc))
    return text[: 80 if doc.spec.host == 1 else 120]


def _body(doc: Doc) -> str:
    spec = doc.spec
    lines = _lines(doc)
    paragraphs = [n for n, (kind, _) in enumerate(lines) if kind == "paragraph"]
    middle = paragraphs[len(paragraphs) // 2]
    out = []
    if "br" in spec.chrome:
        for n, (kind, text) in enumerate(lines):
            if kind == "heading":
                out.append(f"<strong>{esc(text)}</strong>" + BR + BR)
            else:
                out.append("&nbsp;&nbsp;&nbsp;&nbsp;" + esc(text) + BR + BR)
            if n == middle and "hidden" in spec.spam:
                out.append(f'<span style="display:none">{esc(_inject(doc, "hidden"))}</span>' + BR)
        return "".join(out).removesuffix(BR + BR)
    for n, (kind, text) in enumerate(lines):
        if kind == "author":
            out.append(f'<p style="text-align: center;">\r\n\t{esc(text)}</p>')
        elif kind == "heading":
            out.append(f"<p>\r\n\t<strong>{esc(text)}</strong></p>")
        else:
            out.append(f"<p>\r\n\t{esc(text)}</p>")
        if n == middle and "hidden" in spec.spam:
            out.append(f'<div style="display:none">{esc(_inject(doc, "hidden"))}</div>')
        if n == middle and "tag" in spec.spam:
            out.append(f"<p>\r\n\t{esc(_inject(doc, 'tag'))}</p>")
    if "gambling" in spec.spam:
        out.append(
            '<p>\r\n\t<a href="http://www.yl8866.example/" target="_blank">'
            f"{esc(_inject(doc, 'gambling'))}</a></p>"
        )
    return "\r\n".join(out)


def _keywords(doc: Doc) -> tuple[str, str]:
    """(the content of `<meta name="keywords">`, the tag links after the text)."""
    spec = doc.spec
    if spec.keywords != "links":
        assert spec.keywords in ("none", "body-colon", "body-bracket"), spec.keywords
        return "", ""
    meta = esc(",".join(doc.keywords))
    if "kw-meta" in spec.chrome:
        doc.tags.discard("keywords-links")
        doc.tag("keywords-meta-only")
        return meta, ""
    _, _, prefix, _ = HOSTS[spec.host]
    links = " ".join(
        f"<a href='{prefix.removesuffix('/a')}/tags.php?/{esc(k)}/'>{esc(k)}</a>"
        for k in doc.keywords
    )
    return meta, f'<div class="tagbox"><strong>{esc(doc.keyword_label)}：</strong>{links}</div>'


def _header(doc: Doc, site: str) -> str:
    t, spec = doc.s, doc.spec
    _, _, prefix, _ = HOSTS[spec.host]
    root = prefix.removesuffix("/a") + "/"
    channel = prefix + "/"
    tags = "".join(
        f"<li><a href='{root}tags.php?/{esc(t(x))}/'>{esc(t(x))}</a></li>" for x in HOT_TAGS
    )
    menu = "".join(
        f"<li><a href='{path}'><span>{t(name)}</span></a></li>"
        for path, name in (
            (root, "主页"),
            (f"{channel}qkwx/", "期刊文献"),
            (f"{channel}rdgz/", "人大工作"),
            (f"{channel}lfgz/", "立法工作"),
            (f"{channel}jdgz/", "监督工作"),
            (f"{channel}lwfw/", "论文范文"),
            (f"{root}plus/guestbook.php", "留言本"),
        )
    )
    out = (
        '<div class="header">\n<div class="top w960 center">\n'
        f'<div class="title"><h1><a href="{root}"><img src="{root}templets/default/images/'
        f'logo.gif" height="54" width="216" alt="{site}"/></a></h1></div>\n'
        '<div class="banner"></div>\n'
        f'<div class="banner2"><a href="{root}plus/heightsearch.php">{t("高级搜索")}</a></div>\n'
        "</div>\n"
        f'<div class="module blue mT10 wrapper w963"><div class="top"><div id="navMenu"><ul>'
        f"{menu}</ul></div></div></div>\n"
        '<div class="search"><form name="formsearch" action="/plus/search.php">'
        f'<div class="form"><h4>{t("搜索")}</h4><input type="hidden" name="kwtype" value="0" />'
        f'<input name="q" type="text" class="search-keyword" value="{t("在这里搜索...")}" />'
        f'<select name="searchtype" class="search-option"><option value="title" selected="1">'
        f'{t("检索标题")}</option><option value="titlekeyword">{t("智能模糊")}</option></select>'
        f'<button type="submit" class="search-submit">{t("搜索")}</button></div></form>'
        f'<div class="tags"><h4>{t("热门标签")}:</h4><ul>{tags}</ul></div></div>\n'
    )
    if "porn" in spec.spam:
        out += (
            f'<div class="hotwords w960 center">{t("热门搜索")}：'
            f'<a href="{root}plus/search.php?q=hot">{esc(_inject(doc, "porn"))}</a></div>\n'
        )
    return out + "</div>\n"


def _related(doc: Doc) -> tuple[str, str, str]:
    """(previous and next, `相关文章`, the right column)."""
    t, a, spec = doc.s, doc.article, doc.spec
    first, second = doc.related[0], doc.related[1]
    prenext = (
        '<div class="context"><ul>'
        f"<li>{t('上一篇')}：<a href='{_path(doc, _aid(a.id, spec.host) - 3, first)}'>"
        f"{esc(first.title)}</a> </li>"
        f"<li>{t('下一篇')}：<a href='{_path(doc, _aid(a.id, spec.host) + 2, second)}'>"
        f"{esc(second.title)}</a> </li></ul></div>"
    )
    doc.tag("chrome-related")
    like = "".join(
        f"<li><a href='{_path(doc, _aid(a.id, spec.host) + 17 * (n + 1), r)}'>"
        f"{esc(r.title)}</a><span>{esc(r.journal)} {esc(r.label)}</span></li>"
        for n, r in enumerate(doc.related[2:])
    )
    likeart = (
        f'<div class="mt1"><dl class="tbox"><dt><strong>{t("相关文章")}</strong></dt>'
        f'<dd><ul class="d1 ico3">{like}</ul></dd></dl></div>'
    )
    commend = "".join(
        f"<li><a href='{_path(doc, _aid(a.id, spec.host) - 41 * (n + 1), r)}'>"
        f"{esc(r.title[:15])}</a></li>"
        for n, r in enumerate(doc.related[:5])
    )
    hot = "".join(
        f"<li><span>{r.posted[5:10]}</span>"
        f"<a href='{_path(doc, _aid(a.id, spec.host) - 97 * (n + 1), r)}'>"
        f"{esc(r.title[:15])}</a></li>"
        for n, r in enumerate(reversed(doc.related[-5:]))
    )
    right = (
        '<div class="pright">\n'
        f'<div class="commend mt1"><dl class="tbox light"><dt class="light"><strong>'
        f'{t("推荐阅读")}</strong></dt><dd class="light"><ul class="d4">{commend}</ul></dd>'
        "</dl></div>\n"
        f'<div class="hot mt1"><dl class="tbox light"><dt class="light"><strong>'
        f'{t("热点内容")}</strong></dt><dd class="light"><ul class="c1 ico2">{hot}</ul></dd>'
        "</dl></div>\n</div>\n"
    )
    return prenext, likeart, right


def _comments(doc: Doc, aid: int) -> str:
    t = doc.s
    return (
        f'<div class="mt1"><dl class="tbox"><dt><strong>{t("发表评论")}</strong>'
        '<span class="more"></span></dt><dd><div class="dede_comment">'
        '<div class="dcmp-title"><small>'
        + t("请自觉遵守互联网相关的政策法规，严禁发布色情、暴力、反动的言论。")
        + "</small></div>"
        f'<div class="dcmp-stand"><strong>{t("评价")}:</strong>'
        '<input type="radio" name="feedbacktype" checked="1" value="feedback" '
        'id="dcmp-stand-neu" />'
        f'<label for="dcmp-stand-neu">{t("中立")}</label>'
        '<input type="radio" name="feedbacktype" value="good" id="dcmp-stand-good" />'
        f'<label for="dcmp-stand-good">{t("好评")}</label>'
        '<input type="radio" name="feedbacktype" value="bad" id="dcmp-stand-bad" />'
        f'<label for="dcmp-stand-bad">{t("差评")}</label></div>'
        '<div class="dcmp-content"><textarea cols="60" name="msg" rows="5" class="ipt-txt">'
        "</textarea></div>"
        f'<div class="dcmp-post"><div class="dcmp-userinfo">{t("验证码")}:'
        '<input type="text" name="validate" size="4" class="ipt-txt" />'
        f'<img src="/include/vdimgck.php" alt="{t("点击我更换图片")}" />'
        f'<input type="checkbox" name="notuser" /><label>{t("匿名")}? </label></div>'
        f'<div class="dcmp-submit"><button type="button" onclick="PostComment()">{t("发表评论")}'
        "</button></div></div></div></dd></dl></div>\n"
        f'<div class="mt1"><dl class="tbox"><dt><strong>{t("最新评论")}</strong>'
        f'<span class="more"><a href="/plus/feedback.php?aid={aid}">{t("进入详细评论页")}&gt;&gt;'
        '</a></span></dt><dd><div class="dede_comment"><div class="decmt-box1">'
        '<ul id="commetcontentNew"></ul></div></div></dd></dl></div>\n'
    )


def _footer(doc: Doc, site: str) -> str:
    t, spec = doc.s, doc.spec
    _, _, _, edition = HOSTS[spec.host]
    out = []
    if "linkfarm" in spec.spam:
        farm = _inject(doc, "linkfarm").split(" | ")
        doc.spam[-1] = " ".join(farm)  # as the page prints it: links side by side
        links = " ".join(
            f'<a href="http://www.{n}{n * 3 % 7}kk.example/" target="_blank">{esc(x)}</a>'
            for n, x in enumerate(farm)
        )
        out.append(
            f'<div class="flink w960 center clear"><strong>{t("友情链接")}：</strong>{links}</div>'
        )
    if "county" in spec.spam:
        names = [n.strip() for n in _inject(doc, "county").split("|") if n.strip()]
        links = "| ".join(f'<a href="/city/{n}.html">{esc(x)}</a>' for n, x in enumerate(names))
        out.append(f'<div class="w960 center clear">{links}|</div>')
    out.append(
        '<div class="footer w960 center mt1 clear">\n<div class="footer_left"></div>\n'
        '<div class="footer_body">\n'
        f'<p><a href="/a/about/">{t("关于我们")}</a> | <a href="/a/mzsm/">{t("免责声明")}</a> | '
        f'<a href="/plus/guestbook.php">{t("网站留言")}</a> | <a href="/sitemap.html">'
        f"{t('网站地图')}</a></p>\n"
        f'<p class="powered">Powered by <a href="http://www.dedecms.com" target="_blank">'
        f"<strong>{edition}</strong></a> &copy; 2004-2011 "
        '<a href="http://www.desdev.cn/" target="_blank">DesDev</a> Inc.<br />'
        f'<div class="copyright">Copyright &copy; 2013-2021 {site} {t("版权所有")}&nbsp;&nbsp;'
        f"{t(ICP[spec.host])}</div></p>\n"
        '</div>\n<div class="footer_right"></div>\n</div>\n'
        '<script type="text/javascript" src="/js/tongji.js"></script>'
    )
    return "\n".join(out) + "\n"


def render(doc: Doc) -> str:
    a, spec, t = doc.article, doc.spec, doc.s
    _, site, prefix, _ = HOSTS[spec.host]
    site = t(site)
    aid = _aid(a.id, spec.host)
    root = prefix.removesuffix("/a") + "/"
    charset = declared(doc, "meta")
    typename = esc(doc.journal_name) if doc.journal_name else t(CHANNEL[1])

    # what the template fills in
    summary = esc(_summary(doc))
    doc.tag("chrome-intro")
    meta_keywords, tagbox = _keywords(doc)
    body = _body(doc)
    date = _date(doc)
    if doc.byline:
        doc.tag("date-apart")
    writer = esc(doc.byline) if doc.byline else ""

    head = (
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />\n'
        if charset
        else ""
    )
    head += (
        f"<title>{esc(doc.plain_title)}_{typename}_{site}</title>\n"
        f'<meta name="keywords" content="{meta_keywords}" />\n'
        f'<meta name="description" content="{summary}" />\n'
        f'<link href="{root}templets/default/style/dedecms.css" rel="stylesheet" media="screen" '
        'type="text/css" />\n'
        f'<meta http-equiv="mobile-agent" content="format=xhtml;url={root}m/view.php?aid={aid}">\n'
        '<script language="javascript" type="text/javascript" src="/include/dedeajax2.js">'
        "</script>\n"
        '<script language="javascript" type="text/javascript">\n<!--\n'
        "function CheckLogin(){\n  var taget_obj = document.getElementById('_ajax_feedback');\n"
        "  myajax = new DedeAjax(taget_obj,false,false,'','','');\n"
        f'  myajax.SendGet2("/member/ajax_feedback.php");\n  DedeXHTTP = null;\n}}\n-->\n'
        "</script>\n"
    )

    gate = ""
    if spec.host == 2:
        origin = HOSTS[0][0] + url(doc).split("/www.rdwxk.example", 1)[1]
        gate = (
            '<div id="gate_bar" style="text-align:right;font-size:12px;">'
            f'【<a href="{origin}">簡體中文</a>】【繁體中文】</div>\n'
        )

    if doc.label is not None:
        crumb = (
            f"<a href='{prefix}/qkwx/'>{t('期刊文献')}</a> > "
            f"<a href='{prefix}/qkwx/{doc.journal.code}/'>{typename}</a> > "
        )
    else:
        crumb = f"<a href='{prefix}/{CHANNEL[0]}/'>{typename}</a> > "
    doc.tag("chrome-share", "chrome-copyright")
    prenext, likeart, right = _related(doc)

    view = (
        '<div class="viewbox">\n'
        f'<div class="title"><h2>{esc(doc.title)}</h2></div>\n'
        f'<div class="info"><small>{t("时间")}:</small>{date}'
        f"<small>{t('来源')}:</small>{_source(doc)} <small>{t('作者')}:</small>{writer} "
        f'<small>{t("点击")}:</small><script src="/plus/count.php?view=yes&aid={aid}&mid=1" '
        "type='text/javascript' language=\"javascript\"></script> "
        f"{t('次')}</div>\n"
        f'<div class="intro">{summary}</div>\n'
        "<div class=\"content\"><table width='100%'><tr><td>\r\n"
        f"{body}\r\n"
        "</td></tr></table></div>\n"
        + (tagbox + "\n" if tagbox else "")
        + f'<div class="smm">{t("声明")}：'
        + t(
            "本站文献资料均来自互联网及网友投稿，仅供学习研究之用，版权归原作者及原刊所有。"
            "如有侵犯您的权益，请来信告知，我们将在24小时内删除。"
        )
        + "</div>\n"
        '<div class="bdsharebuttonbox">'
        f'<a href="#" class="bds_more" data-cmd="more">{t("分享到")}：</a>'
        f'<a href="#" class="bds_qzone" data-cmd="qzone" title="{t("分享到QQ空间")}"></a>'
        f'<a href="#" class="bds_weixin" data-cmd="weixin" title="{t("分享到微信")}"></a>'
        f'<a href="#" class="bds_tsina" data-cmd="tsina" title="{t("分享到新浪微博")}"></a>'
        f'<a href="#" class="bds_sqq" data-cmd="sqq" title="{t("分享到QQ好友")}"></a></div>\n'
        '<div class="dede_pages"><ul class="pagelist"></ul></div>\n'
        f'<div class="boxoff"><strong>------{t("分隔线")}----------------------------'
        "</strong></div>\n"
        f'<div class="handle">\n{prenext}\n'
        '<div class="actbox"><ul>'
        f'<li id="act-fav"><a href="/plus/stow.php?aid={aid}" target="_blank">{t("收藏")}</a></li>'
        f'<li id="act-err"><a href="/plus/erraddsave.php?aid={aid}" target="_blank">'
        f"{t('挑错')}</a></li>"
        f'<li id="act-pus"><a href="/plus/recommend.php?aid={aid}" target="_blank">'
        f"{t('推荐')}</a></li>"
        f'<li id="act-pnt"><a href="#" onClick="window.print();">{t("打印")}</a></li>'
        "</ul></div>\n</div>\n</div>\n"
    )
    left = (
        '<div class="pleft">\n'
        f'<div class="place"><strong>{t("当前位置")}:</strong> '
        f"<a href='{root}'>{t('主页')}</a> > {crumb}</div>\n"
        f"{view}{likeart}\n{_comments(doc, aid)}</div>\n"
    )
    return (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml">\n'
        f'<head>\n{head}</head>\n<body class="articleview">\n{gate}{_header(doc, site)}'
        f'<div class="w960 center clear mt1">\n{left}{right}</div>\n'
        f"{_footer(doc, site)}</body>\n</html>\n"
    )


# The plan: the pages of the held-out layout and how each shows its article (neutral page
# names, so that a listing of the pages tells nothing about them).
