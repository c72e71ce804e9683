"""copy-self-media: a self-media platform (百家号-like) where accounts repost journal
articles: the account, time and reads under the title, an author and a source note on
one line, notes after the text, 标签 and a statement.

A self-media news-feed platform (百家号/头条号-like) where accounts repost
journal articles: the account's name and the posting time under the headline,
the text as the account's editor pasted it, the feed's own furniture around it.
One platform on three hosts: the desktop article page, the mobile landing page
shared from the app, and the legacy page of its older release (GBK).
"""

from __future__ import annotations

import json

from pagekit import Doc, Spec, declared, esc

# --- the plan ------------------------------------------------------------------------------

PLAN: tuple[Spec, ...] = (
    Spec(
        "page-01",
        3700330,
        label="di",
        byline="list",
        chrome=("column", "src-top", "img", "related"),
    ),
    Spec(
        "page-02",
        3900019,
        label=None,
        keywords="spaced",
        header="missing",
        chrome=("repost", "related"),
        host=1,
    ),
    Spec(
        "page-03",
        4637791,
        label="plain",
        byline="none",
        author_line="wen",
        keywords="none",
        chrome=("src-tail", "img"),
    ),
    Spec(
        "page-04",
        4719699,
        label="di",
        title="subtitle",
        stray=True,
        chrome=("src-tail", "related"),
    ),
    Spec(
        "page-05",
        3648597,
        label="dash",
        encoding="gbk",
        chrome=("src-top", "related"),
        host=2,
    ),
    Spec(
        "page-06",
        4181563,
        label="paren",
        author_line="circle",
        byline="none",
        chrome=("src-top",),
        host=1,
    ),
    Spec(
        "page-07",
        5544701,
        label="plain",
        byline="list",
        chrome=("column", "src-tail", "related"),
        host=1,
    ),
    Spec(
        "page-08",
        4286103,
        label="di",
        byline="none",
        keywords="body-colon",
        front=("title-authors", "affiliation", "abstract", "fund", "bio"),
        chrome=("src-top", "related"),
    ),
    Spec(
        "page-09",
        4856471,
        label="plain",
        title="footnote",
        byline="brackets",
        front=("fund",),
        mojibake=True,
        chrome=("src-tail", "img"),
    ),
    Spec(
        "page-10",
        4199275,
        label=None,
        title="spaces",
        encoding="gbk",
        declared="gb2312",
        header="missing",
        chrome=("repost",),
        host=2,
    ),
)


# --- the site ------------------------------------------------------------------------------

# base URL per host: desktop, mobile landing page, legacy release
HOSTS = (
    "https://zxh.zhixun.example",
    "https://mbd.zhixun.example",
    "http://lite.zhixun.example",
)
PLATFORM = "知讯号"
APP = "知讯APP"
ICP = "京ICP证060418号"
# (account, its verification line)
ACCOUNTS = (
    ("人大之声", "人大工作领域创作者"),
    ("法治观察者", "法律领域优质创作者"),
    ("基层人大在线", "政务领域创作者"),
    ("履职笔记", "时事领域创作者"),
    ("民主法治评论", "法律领域创作者"),
    ("老许谈立法", "法律领域爱好者"),
)
COLUMNS = ("【人大理论】", "【履职课堂】", "【理论研究】", "人大研究｜", "深度｜")
STATEMENT = (
    f"声明：本文由入驻{PLATFORM}的作者撰写，观点仅代表作者本人，"
    f"不代表{PLATFORM}立场。未经授权，任何人不得转载。"
)
TAIL_NOTES = (
    "（原文刊载于《{j}》{l}）",
    "本文原载《{j}》{l}，转载请注明出处。",
    "来源：《{j}》{l}",
)
TOP_NOTES = ("来源：《{j}》{l}", "本文刊发于《{j}》{l}")
REPOST_NOTE = "文章来源于网络，版权归原作者所有，如有侵权请联系删除。"


# --- helpers -------------------------------------------------------------------------------


def _nid(doc: Doc, shift: int = 0) -> str:
    """The platform's news id: 19 digits."""
    a = doc.article
    return f"16{a.posted_at:%y%m%d}{(a.id * 7919 + shift * 104729) % 10**11:011d}"


def _account(doc: Doc) -> tuple[str, str]:
    return ACCOUNTS[(doc.article.id // 7) % len(ACCOUNTS)]


def _app_id(doc: Doc) -> str:
    return f"{1550000000000000 + (doc.article.id // 7) % len(ACCOUNTS) * 7331}"


def url(doc: Doc) -> str:
    host = HOSTS[doc.spec.host]
    if doc.spec.host == 1:
        return f"{host}/newspage/data/landingshare?pageType=1&nid=news_{_nid(doc)}&sourceFrom=share"
    if doc.spec.host == 2:
        return f"{host}/article/{_nid(doc)}.html"
    return f"{host}/s?id={_nid(doc)}&wfr=spider&for=pc"


def _headline(doc: Doc) -> str:
    """The headline as the account wrote it (escaped)."""
    text = doc.title
    if "column" in doc.spec.chrome:
        doc.tag("title-column-prefix")
        text = COLUMNS[doc.article.id % len(COLUMNS)] + text
    return esc(text)


def _page_title(doc: Doc) -> str:
    text = doc.plain_title
    if "column" in doc.spec.chrome:
        text = COLUMNS[doc.article.id % len(COLUMNS)] + text
    return text


def _time(doc: Doc) -> str:
    """Desktop and mobile print minutes; the legacy release prints seconds."""
    if doc.spec.host == 2:
        return doc.date
    return doc.date[:16]


def _source(doc: Doc, notes: tuple[str, ...]) -> str:
    return notes[doc.article.id % len(notes)].format(j=doc.journal_name, l=doc.label)


def _lines(doc: Doc) -> list[tuple[str, str]]:
    """What the editor pasted, in order: (kind, text); kinds: note, sub, author,
    kw, front-title, front-centre, front, heading, paragraph, img, tail."""
    spec = doc.spec
    out: list[tuple[str, str]] = []
    if doc.subtitle:
        out.append(("sub", doc.subtitle))
    top: list[str] = []
    if doc.byline:
        top.append(f"作者：{doc.byline}")
        doc.tag("date-apart")
    if doc.label is not None and "src-top" in spec.chrome:
        top.append(_source(doc, TOP_NOTES))
    if top:
        out.append(("note", "　".join(top)))
    if doc.author_line:
        out.append(("author", doc.author_line))
    if doc.keywords and spec.keywords == "spaced":
        out.append(("kw", "关键词：" + " ".join(doc.keywords)))
    for n, line in enumerate(doc.front):
        if "title-authors" in spec.front and n == 0:
            out.append(("front-title", line))
        elif ("title-authors" in spec.front and n == 1) or line.startswith("（"):
            out.append(("front-centre", line))
        else:
            out.append(("front", line))
    first = True
    for kind, text in doc.blocks:
        out.append((kind, text))
        if kind == "paragraph" and first:
            first = False
            if "img" in spec.chrome:
                out.append(("img", ""))
    if doc.label is not None and "src-tail" in spec.chrome:
        out.append(("tail", _source(doc, TAIL_NOTES)))
    if "repost" in spec.chrome:
        doc.tag("chrome-copyright")
        out.append(("tail", REPOST_NOTE))
    return out


def _img(doc: Doc) -> str:
    return (
        f"https://pics{doc.article.id % 7}.zhixunimg.example/feed/"
        f"{_nid(doc, 3)[-12:]}.jpeg@f_auto?token={_nid(doc, 5)[-10:]}"
    )


def _content(doc: Doc, style: str) -> str:
    """The text block; `style`: desktop, mobile, legacy."""
    parts: list[str] = []
    for kind, text in _lines(doc):
        t = esc(text)
        if kind == "img":
            if style == "desktop":
                parts.append(
                    f'<div class="img-container"><img class="large" src="{_img(doc)}" '
                    'width="640" /></div>'
                )
            else:
                parts.append(f'<p><img src="{_img(doc)}" /></p>')
            continue
        if style == "desktop":
            if kind in ("heading", "sub", "front-title"):
                t = f'<span class="bjh-strong">{t}</span>'
            align = ' style="text-align:center;"' if kind in ("front-title", "front-centre") else ""
            parts.append(f'<p{align}><span class="bjh-p">{t}</span></p>')
        elif style == "mobile":
            if kind in ("heading", "sub", "front-title"):
                t = f"<strong>{t}</strong>"
            parts.append(f'<p data-type="{"title" if kind == "heading" else "text"}">{t}</p>')
        else:
            if kind in ("heading", "front-title"):
                parts.append(f"<p><strong>{t}</strong></p>")
            elif kind in ("sub", "front-centre"):
                parts.append(f'<p align="center">{t}</p>')
            else:
                parts.append(f"<p>　　{t}</p>")
    return "\n".join(parts)


def _tags(doc: Doc, host: str, sep: str = "") -> str:
    if not doc.keywords or doc.spec.keywords != "links":
        return ""
    return sep.join(
        f'<a class="tag" href="{host}/s?word={esc(k)}&amp;sa=tag" target="_blank">{esc(k)}</a>'
        for k in doc.keywords
    )


def _related_items(doc: Doc) -> list[tuple[str, str, str]]:
    """(title, account, time) of the feed's recommendations."""
    out = []
    for n, r in enumerate(doc.related):
        account = ACCOUNTS[(n + doc.article.id) % len(ACCOUNTS)][0]
        out.append((r.title, account, r.posted[:10]))
    return out


def _share(doc: Doc) -> str:
    doc.tag("chrome-share")
    return (
        '<div class="share-bar"><span>分享到：</span>'
        '<a href="javascript:;" data-cmd="weixin">微信</a>'
        '<a href="javascript:;" data-cmd="tsina">新浪微博</a>'
        '<a href="javascript:;" data-cmd="qzone">QQ空间</a></div>\n'
    )


# --- desktop -------------------------------------------------------------------------------


def _desktop(doc: Doc, charset: str | None) -> str:
    spec = doc.spec
    host = HOSTS[0]
    account, verified = _account(doc)
    head = f'<meta charset="{charset}">\n' if charset else ""
    data = {
        "bsData": {
            "nid": _nid(doc),
            "title": _page_title(doc),
            "author": {"name": account, "app_id": _app_id(doc), "type": "media"},
            "publishTime": _time(doc),
            "isOriginal": False,
            "shareUrl": url(doc),
        }
    }
    blob = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    text = "".join(t for k, t in doc.blocks if k == "paragraph")
    head += (
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
        f"<title>{esc(_page_title(doc))}</title>\n"
        f'<meta name="description" content="{esc(text[:110])}">\n'
        f'<link rel="stylesheet" href="{host}/static/pc/css/article.3f9c1.css">\n'
        f"<script>window.jsonData = {blob};</script>\n"
    )
    tags = _tags(doc, host)
    tag_box = f'<div class="article-tags">{tags}</div>\n' if tags else ""
    recommend = ""
    if "related" in spec.chrome:
        doc.tag("chrome-related")
        recommend = (
            '<div class="recommend"><div class="rec-hd">为你推荐</div><ul>'
            + "".join(
                f'<li><a href="{host}/s?id={_nid(doc, n + 1)}" target="_blank">{esc(t)}</a>'
                f'<span class="rec-src">{esc(who)}</span><span class="rec-time">{when}</span></li>'
                for n, (t, who, when) in enumerate(_related_items(doc))
            )
            + "</ul></div>\n"
        )
    latest = "".join(
        f'<li><a href="{host}/s?id={_nid(doc, n + 11)}">{esc(t)}</a></li>'
        for n, (t, _, _) in enumerate(_related_items(doc)[:3])
    )
    doc.tag("chrome-copyright", "chrome-app")
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n'
        f"<head>\n{head}</head>\n<body>\n"
        '<div id="app">\n'
        '<div class="s-top-wrap"><div class="s-top-left">'
        f'<a class="logo" href="{host}/">{PLATFORM}</a>'
        f'<a href="{host}/">首页</a><a href="{host}/feed/news">资讯</a>'
        f'<a href="{host}/feed/video">视频</a><a href="{host}/app">下载{APP}</a></div>'
        f'<div class="s-top-right"><a href="{host}/login">登录</a></div></div>\n'
        '<div class="index-module_page">\n<div class="index-module_left">\n'
        '<div class="index-module_articleWrap">\n'
        f'<div class="index-module_articleTitle"><h2>{_headline(doc)}</h2></div>\n'
        '<div class="index-module_articleSource">'
        f'<div class="author-avatar"><img src="{host}/avatar/{_app_id(doc)}.jpeg" alt=""></div>'
        f'<div class="author-txt"><p class="author-name">'
        f'<a href="{host}/u?app_id={_app_id(doc)}" target="_blank">{esc(account)}</a></p>'
        f'<div class="article-desc"><span class="date">发布时间：{esc(_time(doc))}</span>'
        f'<span class="v-tag">{esc(verified)}</span></div></div>'
        '<a class="follow-btn" href="javascript:;">+关注</a></div>\n'
        '<div class="index-module_articleContent" data-testid="article">\n'
        + _content(doc, "desktop")
        + "\n</div>\n"
        + tag_box
        + f'<div class="article-statement">{STATEMENT}</div>\n'
        '<div class="article-op"><a href="javascript:;" class="report">举报/反馈</a></div>\n'
        "</div>\n" + _share(doc) + recommend + "</div>\n"
        '<div class="index-module_right">\n'
        '<div class="author-card">'
        f'<a href="{host}/u?app_id={_app_id(doc)}">{esc(account)}</a>'
        f"<p>{esc(verified)}</p>"
        f'<p class="stat">{120 + doc.article.id % 900}篇文章 · '
        f"{doc.article.id % 9000 + 300}粉丝</p>"
        '<a class="follow-btn" href="javascript:;">+关注</a></div>\n'
        f'<div class="author-latest"><div class="hd">作者最新文章</div><ul>{latest}</ul></div>\n'
        f'<div class="app-qr"><img src="{host}/static/pc/img/qr.png" alt="">'
        f"<p>扫码下载{APP}</p><p>打开APP阅读更多精彩内容</p></div>\n"
        "</div>\n</div>\n"
        f'<div class="footer"><p>&copy;2021 zhixun <a href="{host}/agreement">使用知讯前必读</a> '
        f'<a href="{host}/feedback">意见反馈</a> {ICP}</p></div>\n'
        "</div>\n"
        f'<script src="{host}/static/pc/js/article.8d2e4.js"></script>\n'
        "</body>\n</html>\n"
    )


# --- mobile landing page ---------------------------------------------------------------------


def _mobile(doc: Doc, charset: str | None) -> str:
    spec = doc.spec
    host = HOSTS[1]
    account, _ = _account(doc)
    head = f'<meta charset="{charset}">\n' if charset else ""
    head += (
        '<meta name="viewport" content="width=device-width,minimum-scale=1.0,'
        'maximum-scale=1.0,user-scalable=no">\n'
        f"<title>{esc(_page_title(doc))}</title>\n"
        f'<link rel="stylesheet" href="{host}/static/m/landing.c81a2.css">\n'
    )
    doc.tag("chrome-app")
    tags = _tags(doc, host, " ")
    tag_box = f'<div class="tags">{tags}</div>\n' if tags else ""
    recommend = ""
    if "related" in spec.chrome:
        doc.tag("chrome-related")
        recommend = (
            '<div class="rec-list"><div class="rec-title">相关推荐</div>'
            + "".join(
                f'<a class="rec-item" href="{host}/newspage/data/landingshare?nid=news_'
                f'{_nid(doc, n + 1)}"><div class="rec-text">{esc(t)}</div>'
                f'<div class="rec-info"><span>{esc(who)}</span></div></a>'
                for n, (t, who, _) in enumerate(_related_items(doc)[:5])
            )
            + "</div>\n"
        )
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n'
        f"<head>\n{head}</head>\n<body>\n"
        '<div class="top-banner"><img src="/static/m/logo.png" alt="">'
        f"<span>{APP}</span><em>打开APP，阅读体验更佳</em>"
        '<a class="open-app" href="javascript:;">打开</a></div>\n'
        '<div class="mainContent">\n'
        f'<div class="headline"><h1 class="title">{_headline(doc)}</h1></div>\n'
        '<div class="author-info"><img class="avatar" '
        f'src="{host}/avatar/{_app_id(doc)}.jpeg" alt="">'
        f'<div class="info"><span class="name">{esc(account)}</span>'
        f'<span class="time">{esc(_time(doc))}</span></div>'
        '<span class="follow">关注</span></div>\n'
        '<div class="contentText contentFold" id="content" '
        'style="max-height:1500px;overflow:hidden;">\n' + _content(doc, "mobile") + "\n</div>\n"
        '<div class="foldBar"><a href="javascript:;">打开APP阅读全文</a></div>\n'
        + tag_box
        + "</div>\n"
        + recommend
        + f'<div class="bottom-bar"><a href="javascript:;">打开{APP}，查看更多精彩</a></div>\n'
        "</body>\n</html>\n"
    )


# --- legacy release --------------------------------------------------------------------------


def _legacy(doc: Doc, charset: str | None) -> str:
    spec = doc.spec
    host = HOSTS[2]
    account, _ = _account(doc)
    head = ""
    if charset:
        head += f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n'
    head += (
        f"<title>{esc(_page_title(doc))}_{PLATFORM}</title>\n"
        f'<link href="{host}/css/article.css" rel="stylesheet" type="text/css">\n'
    )
    tags = _tags(doc, host, "&nbsp;")
    tag_box = f'<div id="tags">标签：{tags}</div>\n' if tags else ""
    items = _related_items(doc)
    related = ""
    if "related" in spec.chrome:
        doc.tag("chrome-related")
        related = (
            '<div id="related"><h3>相关阅读</h3><ul>'
            + "".join(
                f'<li><a href="{host}/article/{_nid(doc, n + 1)}.html">{esc(t)}</a>'
                f"<span>{when}</span></li>"
                for n, (t, _, when) in enumerate(items)
            )
            + "</ul></div>\n"
        )
    doc.tag("chrome-copyright")
    return (
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n<html>\n'
        f"<head>\n{head}</head>\n<body>\n"
        f'<div id="header"><a href="{host}/" class="logo">{PLATFORM}</a> '
        f'<a href="{host}/">首页</a> | <a href="{host}/channel/news">资讯</a> | '
        f'<a href="{host}/channel/law">法治</a> | <a href="{host}/app">手机版</a></div>\n'
        '<div id="main"><div id="article">\n'
        f'<h1 id="title">{_headline(doc)}</h1>\n'
        f'<div id="info"><span id="source">{esc(account)}</span>&nbsp;&nbsp;'
        f'<span id="pubtime">{esc(_time(doc))}</span>&nbsp;&nbsp;'
        f"<span>阅读 {doc.article.id % 4000 + 52}</span></div>\n"
        '<div id="content">\n'
        + _content(doc, "legacy")
        + "\n</div>\n"
        + tag_box
        + f'<div id="copyright">{STATEMENT}</div>\n'
        '<div id="prenext">'
        f'上一篇：<a href="{host}/article/{_nid(doc, 21)}.html">{esc(items[0][0])}</a><br>'
        f'下一篇：<a href="{host}/article/{_nid(doc, 22)}.html">{esc(items[1][0])}</a></div>\n'
        + related
        + "</div></div>\n"
        f'<div id="footer">Copyright &copy; 2016 {PLATFORM} All Rights Reserved {ICP}</div>\n'
        "</body>\n</html>\n"
    )


def render(doc: Doc) -> str:
    charset = declared(doc, "meta")
    if doc.spec.host == 1:
        return _mobile(doc, charset)
    if doc.spec.host == 2:
        return _legacy(doc, charset)
    return _desktop(doc, charset)
