"""copy-personal-library: a personal online library (360doc-like) where users repost
articles: the user's handle, date and counters under the title, the copied page's own
header lines inside the post.

The pages' parts are named by `Spec.chrome`:

- what the saved text carries at its top or its end: `paste` (the aggregator's
  header lines pasted with the text), `src-head`, `by-head`, `kw-line`,
  `src-tail`, `cite`;
- how the saved text is marked up: `word` (pasted from a word processor), `br`
  (lines separated by line breaks); otherwise plain paragraphs;
- extras: `img`, `tags`, `comments`.
"""

from __future__ import annotations

import functools
from datetime import datetime

import opencc
from pagekit import RESEARCH, Doc, Spec, declared, esc

# --- the plan ------------------------------------------------------------------------------

PLAN: tuple[Spec, ...] = (
    Spec(
        "page-01",
        3415782,
        author_line="space",
        encoding="gbk",
        declared="gb2312",
        chrome=("paste", "img"),
    ),
    Spec(
        "page-02",
        4418440,
        label="di",
        byline="none",
        author_line="wen",
        keywords="none",
        meta="missing",
        chrome=("src-tail",),
        host=1,
    ),
    Spec(
        "page-03",
        4286101,
        label="di",
        encoding="gbk",
        declared="gb2312",
        header="missing",
        chrome=("paste", "word"),
    ),
    Spec(
        "page-04",
        3960508,
        label="di",
        byline="none",
        academic=True,
        keywords="body-colon",
        front=RESEARCH,
        chrome=("src-tail",),
        host=1,
    ),
    Spec(
        "page-05",
        6347564,
        label="paren",
        keywords="none",
        front=("affiliation", "abstract", "fund", "bio"),
        academic=True,
        encoding="gbk",
        declared="gb2312",
        chrome=("by-head", "word", "cite", "comments"),
    ),
    Spec(
        "page-06",
        3418002,
        label=None,
        byline="none",
        author_line="padded",
        keywords="none",
        mojibake=True,
        chrome=("br",),
        host=1,
    ),
    Spec(
        "page-07",
        4423488,
        traditional=True,
        pinyin_title=True,
        byline="joined",
        author_line="space",
        keywords="run",
        spam=("tag",),
        chrome=("paste",),
        host=1,
    ),
    Spec(
        "page-08",
        5483372,
        label="di",
        keywords="spaced",
        stray=True,
        encoding="gbk",
        declared="gb2312",
        header="missing",
        spam=("hidden", "gambling"),
        chrome=("src-head", "by-head", "kw-line", "word", "comments"),
    ),
    Spec(
        "page-09",
        4874011,
        title="spaces",
        byline="joined",
        author_line="space",
        keywords="none",
        encoding="gbk",
        declared="gb2312",
        header="wrong",
        chrome=("paste", "br"),
    ),
    Spec(
        "page-10",
        4418442,
        label="zero",
        byline="brackets",
        chrome=("src-head", "by-head", "tags", "img"),
        host=1,
    ),
)


# --- the site ------------------------------------------------------------------------------

# host 0: the desktop site (GB2312 pages); host 1: its mobile site (UTF-8)
HOSTS = ("http://www.sxtsg.example", "http://m.sxtsg.example")
SITE = "书香个人图书馆"
# the members who save the articles: (nickname, member number, the folder they file them in)
SAVERS = (
    ("人大工作者老张", 31462587, "人大工作"),
    ("法苑漫步", 40518826, "法律文摘"),
    ("基层人大", 27793154, "期刊文章"),
    ("闲云野鹤2016", 52210397, "待分类"),
    ("依法履职", 18834672, "理论学习"),
)
COMMENTERS = ("木子李0923", "清风徐来", "老代表", "县人大小王")
COMMENTS = (
    "好文，收藏了，值得基层人大同志认真读一读。",
    "写得很实在，转藏学习。",
    "谢谢馆主分享！",
)
SPAMMER = "yl8866娱乐"
DISCLAIMER = (
    "本站是提供个人知识管理的网络存储空间，所有内容均由用户发布，不代表本站观点。"
    "请注意甄别内容中的联系方式、诱导购买等信息，谨防诈骗。如发现有害或侵权内容，请点击一键举报。"
)


@functools.cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _saver(doc: Doc) -> tuple[str, int, str]:
    return SAVERS[doc.article.id % len(SAVERS)]


def _aid(doc: Doc) -> int:
    """The site's own number of the saved copy (nine digits)."""
    return 500000000 + (doc.article.id * 7919) % 400000000


def url(doc: Doc) -> str:
    a, host = doc.article, doc.spec.host
    _, uid, _ = _saver(doc)
    if host == 1:
        return f"{HOSTS[1]}/article/{uid}_{_aid(doc)}.html"
    return f"{HOSTS[0]}/content/{a.posted_at:%y/%m%d/%H}/{uid}_{_aid(doc)}.shtml"


def _inject(doc: Doc, kind: str) -> str:
    """Spam of `kind`; in a Traditional text the spam came Traditional too."""
    text = doc.inject(kind)
    if doc.trad:
        text = doc.spam[-1] = doc.s(text)
    return text


def _saved(doc: Doc) -> str:
    """The time the copy was saved, as the site prints it."""
    when: datetime = doc.article.posted_at
    if doc.spec.host == 1:
        return f"{when:%Y-%m-%d %H:%M}"
    return f"{when:%Y-%m-%d}"


def _source(doc: Doc, where: str) -> str:
    """The member's note of where the text comes from (in the text's script)."""
    t, journal, label = doc.s, doc.journal_name or "", doc.label or ""
    form = doc.article.id % 3
    if where == "head":
        return (
            f"{t('来源')}：《{journal}》{label}",
            f"{t('本文选自')}《{journal}》{label}",
            f"{t('转自')}《{journal}》{label}",
        )[form]
    return (
        f"（{t('原载')}《{journal}》{label}）",
        f"{t('文章来源')}：《{journal}》{label}",
        f"（{t('本文刊载于')}《{journal}》{label}）",
    )[form]


def _lines(doc: Doc) -> list[tuple[str, str]]:
    """The saved text, line by line: (kind, HTML)."""
    spec, t, j = doc.spec, doc.s, doc.journal
    chrome = spec.chrome
    lines: list[tuple[str, str]] = []
    if "src-head" in chrome and doc.label:
        lines.append(("note", esc(_source(doc, "head"))))
    if "by-head" in chrome and doc.byline:
        lines.append(("note", f"{t('作者')}：{esc(doc.byline)}"))
    if "kw-line" in chrome and spec.keywords == "spaced":
        lines.append(("note", f"{esc(doc.keyword_label)}：{esc(chr(0x3000).join(doc.keywords))}"))
    if "paste" in chrome:
        lines.append(("paste", f"{esc(doc.date)}{esc(doc.byline)}"))
        if doc.byline:
            doc.tag("date-joined-author")
        if doc.label:
            if "br" in chrome:
                lines.append(("paste", f"{esc(doc.journal_name or '')} {esc(doc.label)}"))
            else:
                lines.append(
                    (
                        "paste",
                        f'<a href="https://www.fx361.com/bk/{j.code}/" target="_blank">'
                        f"{esc(doc.journal_name or '')}</a> "
                        f'<a href="https://www.fx361.com/bk/{j.code}/{doc.issue.year}'
                        f'{doc.issue.issue.lower().zfill(2)}.html" target="_blank">'
                        f"{esc(doc.label)}</a>",
                    )
                )
        if spec.keywords == "links":
            links = "".join(
                f'<a href="https://www.fx361.com/tag/{esc(k)}" target="_blank">{esc(k)}</a>'
                for k in doc.keywords
            )
            lines.append(("paste", f"{esc(doc.keyword_label)}:{links}"))
        elif spec.keywords == "run":
            lines.append(("paste", f"{esc(doc.keyword_label)}:{esc(''.join(doc.keywords))}"))
    if doc.author_line:
        lines.append(("author", esc(doc.author_line)))
    for n, line in enumerate(doc.front):
        centred = "title-authors" in spec.front and n < 2 or line.startswith("（")
        lines.append(("centre" if centred else "front", esc(line)))
    lines += [(kind, esc(text)) for kind, text in doc.blocks]
    if "src-tail" in chrome and doc.label:
        lines.append(("note", esc(_source(doc, "tail"))))
    if "cite" in chrome and doc.label:
        names = ",".join(doc.article.authors)
        lines.append(
            (
                "note",
                esc(
                    f"{t('引用本文')}：{t(names)}.{doc.plain_title}[J].{doc.journal_name},"
                    f"{doc.label}."
                ),
            )
        )
    return lines


def _picture(doc: Doc) -> str:
    a = doc.article
    return (
        f'<img src="http://image109.sxtsg.example/DownloadImg/{a.posted_at:%Y/%m}/'
        f'{a.posted_at:%d%H}/{_aid(doc) % 100000000}_1.jpg" '
        'style="max-width:100%;" border="0" />'
    )


def _content(doc: Doc) -> str:
    spec = doc.spec
    chrome = spec.chrome
    lines = _lines(doc)
    paragraphs = [n for n, (kind, _) in enumerate(lines) if kind == "paragraph"]
    first, middle = paragraphs[0], paragraphs[len(paragraphs) // 2]
    out = []
    if "br" in chrome:
        for n, (kind, text) in enumerate(lines):
            if kind == "heading":
                out.append(f"<strong>{text}</strong><br />\r\n")
            elif kind in ("paragraph", "front"):
                out.append(f"&nbsp;&nbsp;&nbsp;&nbsp;{text}<br />\r\n")
            else:
                out.append(f"{text}<br />\r\n")
            if n == first and "img" in chrome:
                out.append(_picture(doc) + "<br />\r\n")
            if n == middle and "hidden" in spec.spam:
                out.append(f'<span style="display:none">{esc(_inject(doc, "hidden"))}</span>')
            if n == middle and "tag" in spec.spam:
                out.append(f"{esc(_inject(doc, 'tag'))}<br />\r\n")
        return "<div>" + "".join(out) + "</div>"
    word = "word" in chrome
    for n, (kind, text) in enumerate(lines):
        if word:
            span = '<span style="font-size:12.0pt;font-family:宋体">'
            if kind == "heading":
                out.append(
                    f'<p class="MsoNormal" align="center" style="text-align:center"><b>'
                    f"{span}{text}</span></b></p>"
                )
            elif kind in ("author", "centre"):
                out.append(
                    f'<p class="MsoNormal" align="center" style="text-align:center">'
                    f"{span}{text}</span></p>"
                )
            elif kind in ("note", "paste"):
                out.append(f'<p class="MsoNormal"><span style="color:#7F7F7F">{text}</span></p>')
            else:
                out.append(
                    '<p class="MsoNormal" style="text-indent:24.0pt;line-height:150%">'
                    f"{span}{text}</span></p>"
                )
        else:
            if kind == "heading":
                out.append(f"<p><strong>{text}</strong></p>")
            elif kind in ("author", "centre"):
                out.append(f'<p style="text-align: center;">{text}</p>')
            elif kind == "note":
                out.append(f'<p><span style="color: #999999;">{text}</span></p>')
            elif kind == "paste":
                out.append(f"<div>{text}</div>")
            else:
                out.append(f'<p style="text-indent: 2em;">{text}</p>')
        if n == first and "img" in chrome:
            out.append(f'<p style="text-align: center;">{_picture(doc)}</p>')
        if n == middle and "hidden" in spec.spam:
            out.append(f'<div style="display:none">{esc(_inject(doc, "hidden"))}</div>')
        if n == middle and "tag" in spec.spam:
            out.append(f"<p>{esc(_inject(doc, 'tag'))}</p>")
    return "\r\n".join(out)


def _plain_start(doc: Doc) -> str:
    """The start of the saved text, for the description."""
    text = "".join(text for kind, text in doc.blocks if kind == "paragraph")
    return text[:100]


def _related(doc: Doc) -> list[tuple[str, str]]:
    """Other members' saved articles: (title, saved date), in the site's script."""
    out = []
    for r in doc.related:
        title = _t2s().convert(r.title) if doc.trad else r.title
        out.append((title, r.posted[:10]))
    return out


def _tags(doc: Doc) -> str:
    if "tags" not in doc.spec.chrome or doc.spec.keywords != "links":
        return ""
    links = " ".join(
        f'<a href="/search.aspx?type=tag&amp;word={n}" target="_blank">{esc(k)}</a>'
        for n, k in enumerate(doc.keywords)
    )
    return f'<div class="a_tags">标签：{links}</div>\n'


def _comments(doc: Doc) -> str:
    spec = doc.spec
    if "comments" not in spec.chrome:
        return ""
    rng = doc.rng
    items = []
    when = doc.article.posted_at
    who = rng.choice(COMMENTERS)
    items.append(
        f'<li><a class="c_name" href="/userhome/{rng.randint(10000000, 99999999)}">{esc(who)}'
        f"</a><span>{when.year + 1}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}</span>"
        f"<p>{esc(rng.choice(COMMENTS))}</p></li>"
    )
    if "gambling" in spec.spam:
        items.append(
            f'<li><a class="c_name" href="/userhome/{rng.randint(10000000, 99999999)}">'
            f"{esc(SPAMMER)}</a><span>{when.year + 1}-{rng.randint(1, 12):02d}-"
            f'{rng.randint(1, 28):02d}</span><p><a href="http://www.yl8866.example/" '
            f'target="_blank">{esc(_inject(doc, "gambling"))}</a></p></li>'
        )
    return (
        f'<div class="a_pl"><div class="a_pl_t">评论（{len(items)}）</div><ul>'
        + "".join(items)
        + '</ul><div class="a_pl_form"><textarea name="pl" rows="4" cols="60" '
        'placeholder="发表评论"></textarea><input type="button" value="发表" />'
        "<p>请遵守用户 评论公约</p></div></div>\n"
    )


def _desktop(doc: Doc, content: str) -> str:
    a = doc.article
    nick, uid, folder = _saver(doc)
    charset = declared(doc, "meta")
    title = esc(doc.title)
    head = (
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />\n'
        if charset
        else ""
    )
    head += (
        f"<title>{title}</title>\n"
        f'<meta name="description" content="{esc(_plain_start(doc))}" />\n'
        '<link href="/css/content.css?t=20180626" rel="stylesheet" type="text/css" />\n'
        f'<script type="text/javascript">var ArticleID = "{_aid(doc)}"; var UserID = "{uid}"; '
        f'var SaveDate = "{a.posted_at:%Y-%m-%d %H:%M:%S}";</script>\n'
        '<script type="text/javascript" src="/js/jquery-1.7.2.min.js"></script>\n'
    )
    reads, saves = a.id % 977 + 23, a.id % 41
    top = (
        '<div class="top"><div class="w1000">'
        f'<a class="logo" href="/"><img src="/images/logo.gif" alt="{SITE}" /></a>'
        '<ul class="nav"><li><a href="/">首页</a></li><li><a href="/reading/">阅览室</a></li>'
        '<li><a href="/userhome/">馆友</a></li><li><a href="/my/">我的图书馆</a></li></ul>'
        '<form class="so" action="/search.aspx" method="get"><input type="text" name="word" />'
        '<input type="submit" value="搜文章" /></form>'
        '<span class="login"><a href="/login.aspx">登录</a> <a href="/reg.aspx">注册</a></span>'
        "</div></div>\n"
    )
    doc.tag("chrome-share", "chrome-copyright", "chrome-related")
    related = _related(doc)
    like = "".join(
        f'<li><a href="/content/{d[2:4]}/{d[5:7]}{d[8:10]}/{10 + n}/{uid + 7 * n + 1}_'
        f'{_aid(doc) - 131 * (n + 1)}.shtml" target="_blank">{esc(title_)}</a></li>'
        for n, (title_, d) in enumerate(related[2:])
    )
    first, second = related[0], related[1]
    left = (
        '<div class="a_left">\n'
        f'<div class="biaoti"><h2 id="titiletext">{title}</h2></div>\n'
        f'<div class="a_xx"><span class="name"><a href="/userhome/{uid}" target="_blank">'
        f'{esc(nick)}</a></span>\n<span class="time">{_saved(doc)}</span>\n'
        f'<span class="yd">阅 {reads}</span>\n<span class="zc">转 {saves}</span>\n'
        '<span class="jb"><a href="javascript:void(0)" onclick="jubao()">举报</a></span></div>\n'
        f'<div class="a_content" id="artContent">\r\n{content}\r\n</div>\n'
        + _tags(doc)
        + f'<div class="a_from">来自: <a href="/userhome/{uid}">{esc(nick)}</a> &gt; '
        f'<a href="/userhome/{uid}/folder/{a.id % 89 + 3}">《{esc(folder)}》</a></div>\n'
        '<div class="a_fx"><a class="zc" href="javascript:void(0)">转藏</a>'
        '<span>分享到：</span><a class="wx" href="javascript:void(0)">微信</a>'
        '<a class="qz" href="javascript:void(0)">QQ空间</a>'
        '<a class="wb" href="javascript:void(0)">微博</a>'
        '<a class="xh" href="javascript:void(0)">献花(0)</a></div>\n'
        f'<div class="a_pre"><p>上一篇：<a href="/content/{first[1][2:4]}/{first[1][5:7]}'
        f'{first[1][8:10]}/09/{uid}_{_aid(doc) - 3}.shtml">{esc(first[0])}</a></p>'
        f'<p>下一篇：<a href="/content/{second[1][2:4]}/{second[1][5:7]}{second[1][8:10]}/'
        f'16/{uid}_{_aid(doc) + 5}.shtml">{esc(second[0])}</a></p></div>\n'
        f'<div class="a_like"><div class="a_like_t">猜你喜欢</div><ul>{like}</ul></div>\n'
        + _comments(doc)
        + f'<div class="a_sm">{DISCLAIMER}</div>\n'
        "</div>\n"
    )
    similar = "".join(
        f'<li><a href="/search.aspx?word={n}" target="_blank">{esc(t[:16])}</a></li>'
        for n, (t, _) in enumerate(related[:5])
    )
    right = (
        '<div class="a_right">\n'
        f'<div class="r_user"><a href="/userhome/{uid}"><img src="/images/head/{uid % 20}.jpg" '
        f'/></a><p><a href="/userhome/{uid}">{esc(nick)}</a></p>'
        f"<p>馆藏 {a.id % 9000 + 300}　粉丝 {a.id % 700 + 12}</p>"
        '<p><a href="javascript:void(0)">关注</a> <a href="javascript:void(0)">留言</a></p>'
        "</div>\n"
        f'<div class="r_box"><h3>类似文章 <a href="/search.aspx">更多</a></h3><ul>{similar}'
        "</ul></div>\n</div>\n"
    )
    foot = (
        '<div class="footer"><p><a href="/about/">关于本站</a> | <a href="/help/">帮助中心</a> | '
        '<a href="/jubao/">一键举报</a> | <a href="/contact/">联系我们</a></p>'
        f"<p>Copyright 2007-2020 sxtsg.example All Rights Reserved {SITE}</p></div>\n"
    )
    return (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml">\n'
        f"<head>\n{head}</head>\n<body>\n{top}"
        f'<div class="w1000 main">\n{left}{right}</div>\n{foot}</body>\n</html>\n'
    )


def _mobile(doc: Doc, content: str) -> str:
    a = doc.article
    nick, uid, folder = _saver(doc)
    charset = declared(doc, "meta")
    title = esc(doc.title)
    head = f'<meta charset="{charset}">\n' if charset else ""
    head += (
        '<meta name="viewport" content="width=device-width, initial-scale=1.0, '
        'maximum-scale=1.0, user-scalable=no">\n'
        f"<title>{title}</title>\n"
        f'<meta name="description" content="{esc(_plain_start(doc))}">\n'
        '<link rel="stylesheet" href="/css/m_article.css?v=3.2">\n'
    )
    doc.tag("chrome-app", "chrome-copyright", "chrome-related")
    related = _related(doc)
    like = "".join(
        f'<li><a href="/article/{uid + 3 * n + 1}_{_aid(doc) - 173 * (n + 1)}.html">'
        f'<p class="t">{esc(t)}</p><p class="d">{d}</p></a></li>'
        for n, (t, d) in enumerate(related)
    )
    reads = a.id % 977 + 23
    return (
        "<!DOCTYPE html>\n<html>\n"
        f"<head>\n{head}</head>\n<body>\n"
        '<div class="m_top"><a class="m_logo" href="/">个人图书馆</a>'
        '<a class="m_open" href="/app/download.html">打开APP</a></div>\n'
        '<div class="m_art">\n'
        f'<h1 class="m_title">{title}</h1>\n'
        f'<div class="m_info"><a href="/userhome/{uid}">{esc(nick)}</a>'
        f' <span class="m_time">{_saved(doc)}</span> <span>阅 {reads}</span></div>\n'
        f'<div class="m_content" id="artContent">\r\n{content}\r\n</div>\n'
        + _tags(doc)
        + '<div class="m_more"><a href="/app/download.html">打开APP，阅读全文并永久保存</a>'
        "</div>\n"
        f'<div class="m_from">来自：{esc(nick)} &gt; 《{esc(folder)}》</div>\n'
        "</div>\n"
        f'<div class="m_like"><div class="m_like_t">猜你喜欢</div><ul>{like}</ul></div>\n'
        f'<div class="m_sm">{DISCLAIMER}</div>\n'
        '<div class="m_foot"><a href="/">首页</a> | <a href="/app/download.html">下载APP</a> | '
        f'<a href="{HOSTS[0]}/">电脑版</a></div>\n'
        "</body>\n</html>\n"
    )


def _date_tags(doc: Doc) -> None:
    """What the page shows of the posting time: the pasted header line, the saved time."""
    shown = []
    if "paste" in doc.spec.chrome:
        shown.append("date-time" in doc.tags)
    shown.append(doc.spec.host == 1)
    doc.tags.discard("date-time")
    doc.tags.discard("date-only")
    doc.tag("date-time" if any(shown) else "date-only")


def render(doc: Doc) -> str:
    spec = doc.spec
    content = _content(doc)
    _date_tags(doc)
    if doc.byline and "paste" not in spec.chrome:
        doc.tag("date-apart")
    if spec.host == 1:
        return _mobile(doc, content)
    return _desktop(doc, content)


# The plan: the pages of the held-out layout and how each shows its article (neutral page
# names, so that a listing of the pages tells nothing about them).
