"""copy-news-feed: a news-feed app's share pages (头条-like): the account, its followers
and the time under the title, `关注` and app prompts, `作者：… 来源：《…》…` after the
text, follow-the-account lines.

The pages' parts are named by `Spec.chrome`:

- where the journal and issue stand: `src-head` (a line at the top of the text),
  `src-tail` (a line after it), `by-tail` (the byline and the source on one line
  after the text);
- where the byline stands where it is printed: `by-head` (the default, a line
  at the top of the text) or `by-tail`;
- keywords: `kw-meta` (only in `<meta name="keywords">`, no tag links);
- the headline: `prefix` (a column name before the title);
- the text: `h1` (section headings as the editor's heading blocks), `img` (a
  picture at the top), `follow` (a prompt to follow the account at the end),
  `copyright` (a reprint statement at the end);
- on the site: `related`, `share`.
"""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta, timezone

from pagekit import Doc, Spec, declared, esc

# --- the plan ------------------------------------------------------------------------------

PLAN: tuple[Spec, ...] = (
    Spec(
        "page-01",
        4543654,
        label="plain",
        time=True,
        chrome=("src-head", "img", "related", "share"),
    ),
    Spec(
        "page-02",
        3704623,
        label="di",
        time=True,
        byline="none",
        keywords="body-colon",
        front=("title-authors", "affiliation", "abstract", "bio"),
        academic=True,
        chrome=("src-tail", "h1"),
        host=1,
    ),
    Spec(
        "page-03",
        4816355,
        label="di",
        time=True,
        title="subtitle",
        byline="none",
        author_line="wen",
        keywords="none",
        chrome=("src-tail", "follow"),
    ),
    Spec(
        "page-04",
        5707777,
        label=None,
        time=True,
        header="missing",
        chrome=("kw-meta", "copyright"),
        host=1,
    ),
    Spec(
        "page-05",
        4493515,
        label="zero",
        time=True,
        chrome=("by-tail",),
        host=2,
    ),
    Spec(
        "page-06",
        5595203,
        label="plain",
        time=True,
        mojibake=True,
        chrome=("src-head", "h1", "copyright"),
    ),
    Spec(
        "page-07",
        4418442,
        label="paren",
        time=True,
        byline="none",
        author_line="circle",
        stray=True,
        chrome=("src-head", "prefix"),
        host=1,
    ),
    Spec(
        "page-08",
        5111407,
        label="di",
        time=True,
        meta="missing",
        chrome=("by-tail", "img", "related", "h1", "kw-meta"),
    ),
    Spec(
        "page-09",
        5656286,
        label="dash",
        time=True,
        byline="none",
        author_line="space",
        chrome=("src-tail", "follow", "copyright"),
        host=1,
    ),
    Spec(
        "page-10",
        4562527,
        label="fullwidth",
        time=True,
        byline="list",
        keywords="none",
        header="missing",
        chrome=("src-head",),
        host=2,
    ),
)


# --- the site ------------------------------------------------------------------------------

# (base URL, template): host 0 the desktop site, hosts 1 and 2 the share pages
HOSTS = (
    ("https://www.xinzhitt.example", "pc"),
    ("https://m.xinzhitt.example", "m"),
    ("https://share.xinzhitt.example", "m"),
)
SITE = "新知头条"
BEIJING = timezone(timedelta(hours=8))
# the accounts that repost the articles: (name, introduction, followers)
ACCOUNTS = (
    ("人大履职通", "分享人大工作知识，服务代表依法履职", "2.3万"),
    ("基层治理观察", "关注基层治理与民主法治建设", "8617"),
    ("法治小课堂", "学法懂法用法，每天一点法治知识", "12.6万"),
    ("代表之家在线", "讲述代表履职故事，传递基层民意声音", "4795"),
)
PREFIXES = ("【履职学习】", "【理论园地】")
CHANNELS = ("推荐", "热点", "国际", "财经", "科技", "娱乐", "体育", "军事", "历史", "法治")
HOT = (
    "多地出台新规：这类违法行为将被从严查处",
    "今年全国两会，这些民生热点值得关注",
    "县人大常委会开展专题调研 推动乡村振兴落地见效",
    "基层立法联系点如何“接地气”？看看这几个地方的做法",
    "人大代表建议办理结果出炉，百姓点赞",
    "一文读懂预算审查监督的新变化",
    "“小院议事”解决群众身边大小事",
)
SHARE_URL = "https://www.xinzhitt.example/article/{gid}/"


def _gid(doc: Doc, shift: int = 0) -> str:
    """The platform's own item number (nineteen digits)."""
    h = hashlib.sha1(f"{doc.article.id}:{shift}".encode()).hexdigest()
    return "6" + str(int(h[:15], 16) % 10**18).zfill(18)


def _account(doc: Doc) -> tuple[str, str, str]:
    return ACCOUNTS[doc.article.id % len(ACCOUNTS)]


def url(doc: Doc) -> str:
    base, kind = HOSTS[doc.spec.host]
    if doc.spec.host == 1:
        return f"{base}/i{_gid(doc)}/"
    if doc.spec.host == 2:
        return f"{base}/a{_gid(doc)}/?app=news_article&share_token=x{_gid(doc)[-8:]}"
    return f"{base}/article/{_gid(doc)}/"


def _time(doc: Doc) -> str:
    return f"{doc.article.posted_at:%Y-%m-%d %H:%M}"


def _source(doc: Doc) -> str:
    return f"《{doc.journal_name}》{doc.label}" if doc.label else ""


def _title(doc: Doc) -> str:
    if "prefix" in doc.spec.chrome:
        doc.tag("title-column-prefix")
        return PREFIXES[doc.article.id % len(PREFIXES)] + doc.title
    return doc.title


def _lines(doc: Doc) -> list[tuple[str, str]]:
    """The text as the account's editor put it: (kind, text)."""
    chrome = doc.spec.chrome
    out: list[tuple[str, str]] = []
    if doc.subtitle:
        out.append(("subtitle", doc.subtitle))
    if "src-head" in chrome and doc.label:
        out.append(("note", f"来源：{_source(doc)}"))
    if doc.byline and "by-tail" not in chrome:
        doc.tag("date-apart")
        out.append(("by", f"作者：{doc.byline}"))
    if doc.author_line:
        out.append(("by", doc.author_line))
    for n, line in enumerate(doc.front):
        if "title-authors" in doc.spec.front and n == 0:
            out.append(("ftitle", line))
        elif "title-authors" in doc.spec.front and n == 1 or line.startswith("（"):
            out.append(("centre", line))
        else:
            out.append(("front", line))
    out += list(doc.blocks)
    if "by-tail" in chrome:
        parts = []
        if doc.byline:
            doc.tag("date-apart")
            parts.append(f"作者：{doc.byline}")
        if doc.label:
            parts.append(f"来源：{_source(doc)}")
        if parts:
            out.append(("tail", "　".join(parts)))
    elif "src-tail" in chrome and doc.label:
        out.append(("tail", f"（本文原载于{_source(doc)}）"))
    if "follow" in chrome:
        out.append(("follow", f"关注“{_account(doc)[0]}”，了解更多人大知识。"))
    if "copyright" in chrome:
        doc.tag("chrome-copyright")
        out.append(("copy", "声明：本文转载自网络，版权归原作者所有，如有侵权请联系删除。"))
    return out


def _content(doc: Doc) -> str:
    spec = doc.spec
    out = []
    if "img" in spec.chrome:
        h = hashlib.md5(str(doc.article.id).encode()).hexdigest()
        out.append(
            '<div class="pgc-img"><img src="https://p3.xzttimg.example/large/pgc-image/'
            f'{h}" img_width="640" img_height="427" alt="" inline="0">'
            '<p class="pgc-img-caption"></p></div>'
        )
    for kind, text in _lines(doc):
        t = esc(text)
        if kind == "heading":
            out.append(f"<h1>{t}</h1>" if "h1" in spec.chrome else f"<p><strong>{t}</strong></p>")
        elif kind in ("subtitle", "ftitle"):
            out.append(f'<p style="text-align:center;"><strong>{t}</strong></p>')
        elif kind == "centre":
            out.append(f'<p style="text-align:center;">{t}</p>')
        elif kind in ("note", "by"):
            out.append(f'<p><span style="color:#888888;">{t}</span></p>')
        elif kind == "tail":
            out.append(f'<p style="text-align:right;">{t}</p>')
        elif kind in ("follow", "copy"):
            out.append(f'<p><span style="color:#999999;font-size:14px;">{t}</span></p>')
        else:
            out.append(f"<p>{t}</p>")
    return "".join(out)


def _plain(doc: Doc) -> str:
    return "".join(t for k, t in _lines(doc) if k not in ("note", "by", "subtitle"))


def _keywords(doc: Doc) -> tuple[str, str]:
    """(meta keywords, the tag links after the text)."""
    spec = doc.spec
    if spec.keywords != "links":
        return "", ""
    meta = esc(",".join(doc.keywords))
    if "kw-meta" in spec.chrome:
        doc.tags.discard("keywords-links")
        doc.tag("keywords-meta-only")
        return meta, ""
    links = "".join(
        f'<a class="tag-item" href="/search/?keyword={esc(k)}&amp;source=article_tag">{esc(k)}</a>'
        for k in doc.keywords
    )
    return meta, f'<div class="article-tag">{links}</div>'


def _ld(doc: Doc) -> str:
    data = {
        "@context": "https://ziyuan.baidu.com/contexts/cambrian.jsonld",
        "@id": SHARE_URL.format(gid=_gid(doc)),
        "appid": "1591273845102736",
        "title": doc.plain_title,
        "images": [],
        "description": _plain(doc)[:110],
        "pubDate": f"{doc.article.posted_at:%Y-%m-%dT%H:%M:%S}",
    }
    return (
        '<script type="application/ld+json">'
        + json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        + "</script>\n"
    )


def _state(doc: Doc) -> str:
    name = _account(doc)[0]
    data = {
        "article": {
            "groupId": _gid(doc),
            "itemId": _gid(doc),
            "title": _title(doc),
            "publishTime": int(doc.article.posted_at.replace(tzinfo=BEIJING).timestamp()),
            "source": name,
            "mediaUser": {"screenName": name, "userId": int(_gid(doc)[-11:])},
            "commentCount": doc.article.id % 37,
            "diggCount": doc.article.id % 211,
        }
    }
    return (
        "<script>window.__INITIAL_STATE__="
        + json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        + ";</script>\n"
    )


def _head(doc: Doc, mobile: bool) -> str:
    charset = declared(doc, "meta")
    meta_kw, _ = _keywords(doc)
    head = f'<meta charset="{charset}">\n' if charset else ""
    if mobile:
        head += (
            '<meta name="viewport" content="width=device-width,initial-scale=1,'
            'maximum-scale=1,user-scalable=no,viewport-fit=cover">\n'
        )
    head += f"<title>{esc(_title(doc))} - {SITE}</title>\n"
    if meta_kw:
        head += f'<meta name="keywords" content="{meta_kw}">\n'
    head += (
        f'<meta name="description" content="{esc(_plain(doc)[:110])}">\n'
        '<meta property="og:type" content="article">\n'
        f'<meta property="og:title" content="{esc(_title(doc))}">\n'
        f'<meta property="og:site_name" content="{SITE}">\n'
        f'<link rel="canonical" href="{SHARE_URL.format(gid=_gid(doc))}">\n'
    )
    head += _ld(doc)
    css = "m/css/share.4c1e9a.css" if mobile else "pc/css/article.6f3a2c.css"
    head += f'<link rel="stylesheet" href="https://s3.xzttstatic.example/{css}">\n'
    return head


def _related_items(doc: Doc, mobile: bool) -> str:
    doc.tag("chrome-related")
    items = []
    for n, r in enumerate(doc.related[:6]):
        who = ACCOUNTS[(doc.article.id + n + 1) % len(ACCOUNTS)][0]
        count = (doc.article.id >> n) % 90 + 3
        link = f"/i{_gid(doc, n + 1)}/" if mobile else f"/article/{_gid(doc, n + 1)}/"
        items.append(
            f'<li><a href="{link}"><p class="r-title">{esc(r.title)}</p>'
            f'<p class="r-info"><span>{who}</span><span>{count}评论</span></p></a></li>'
        )
    return f'<div class="related"><h3>相关推荐</h3><ul>{"".join(items)}</ul></div>'


def _share(doc: Doc) -> str:
    if "share" not in doc.spec.chrome:
        return ""
    doc.tag("chrome-share")
    return (
        '<div class="share-box"><span>分享到：</span>'
        '<a class="share-weixin" href="javascript:;">微信</a>'
        '<a class="share-weibo" href="javascript:;">微博</a>'
        '<a class="share-qzone" href="javascript:;">QQ空间</a></div>'
    )


def _desktop(doc: Doc) -> str:
    name, intro, fans = _account(doc)
    _, tags = _keywords(doc)
    channels = "".join(f'<li><a href="/ch/{n}/">{c}</a></li>' for n, c in enumerate(CHANNELS))
    header = (
        '<div class="top-bar"><div class="wrap"><a href="/download/">下载APP</a>'
        '<a href="/report/">侵权投诉</a><a class="login" href="/auth/login/">登录</a></div></div>\n'
        f'<div class="header"><a class="logo" href="/">{SITE}</a>'
        '<div class="search"><input type="text" placeholder="搜索站内资讯、视频或用户">'
        "<button>搜索</button></div></div>\n"
    )
    side_left = f'<div class="left-sidebar"><ul class="channel">{channels}</ul></div>\n'
    meta = (
        f'<div class="article-meta"><span class="time">{_time(doc)}</span>'
        f'<span class="name"><a href="/c/user/{_gid(doc)[-11:]}/">{esc(name)}</a></span></div>'
    )
    actions = (
        f'<div class="article-actions"><span class="digg">赞 {doc.article.id % 211}</span>'
        f'<span class="comment">评论 {doc.article.id % 37}</span>'
        '<span class="collect">收藏</span><span class="report">举报</span></div>'
    )
    statement = (
        f'<div class="statement">本文由{SITE}号作者上传并发布，{SITE}仅提供信息发布平台。'
        f"文章仅代表作者个人观点，不代表{SITE}立场。</div>"
    )
    comments = (
        '<div class="comment-box"><h3>评论</h3>'
        '<textarea placeholder="留下你的评论"></textarea><button>评论</button>'
        '<p class="empty">暂无评论，快来抢沙发吧</p></div>'
    )
    main = "\n".join(
        x
        for x in (
            '<div class="article-main">',
            f"<h1>{esc(_title(doc))}</h1>",
            meta,
            f'<article class="syl-article-base tt-article-content">{_content(doc)}</article>',
            tags,
            statement,
            actions,
            _share(doc),
            comments,
            "</div>",
        )
        if x
    )
    hot = "".join(
        f'<li><a href="/article/{_gid(doc, 20 + n)}/">{t}</a></li>'
        for n, t in enumerate(doc.rng.sample(HOT, 5))
    )
    side_right = (
        '<div class="right-sidebar">'
        f'<div class="user-card"><a class="user-name" href="/c/user/{_gid(doc)[-11:]}/">'
        f'{esc(name)}</a><p class="user-desc">{esc(intro)}</p>'
        f'<p class="user-data"><span>{fans}粉丝</span></p>'
        '<button class="follow">关注</button></div>'
        + (_related_items(doc, False) if "related" in doc.spec.chrome else "")
        + f'<div class="hot-news"><h3>24小时热文</h3><ul>{hot}</ul></div></div>\n'
    )
    foot = (
        '<div class="footer"><p><a href="/about/">关于我们</a> | <a href="/help/">用户协议</a>'
        ' | <a href="/privacy/">隐私政策</a> | <a href="/report/">侵权投诉</a></p>'
        f"<p>&copy; 2021 {SITE} 京ICP备17052964号-2 京公网安备 11000002003015号</p></div>\n"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n{_head(doc, False)}</head>\n<body>\n'
        f'<div id="root">\n{header}<div class="main wrap">\n{side_left}{main}\n{side_right}'
        f"</div>\n{foot}</div>\n{_state(doc)}"
        '<script src="https://s3.xzttstatic.example/pc/js/article.9b21d7.js"></script>\n'
        "</body>\n</html>\n"
    )


def _mobile(doc: Doc) -> str:
    name, _, fans = _account(doc)
    _, tags = _keywords(doc)
    doc.tag("chrome-app")
    banner = (
        '<div class="top-banner"><span class="logo-icon"></span>'
        f'<div class="banner-text"><b>{SITE}</b><span>看见更大的世界</span></div>'
        '<a class="open-app" href="javascript:;">打开APP</a></div>\n'
    )
    author = (
        '<div class="article-author"><span class="avatar"></span><div class="author-info">'
        f'<span class="author-name">{esc(name)}</span><span class="fans">{fans}粉丝</span>'
        f'<span class="publish-time">{_time(doc)}</span></div>'
        '<a class="follow-btn" href="javascript:;">关注</a></div>'
    )
    long_text = len(_plain(doc)) > 1200
    style = ' style="max-height:1600px;overflow:hidden;"' if long_text else ""
    fold = (
        '<div class="unfold-field"><span class="unfold-btn">展开全文</span></div>'
        '<div class="open-tip"><a href="javascript:;">打开APP，阅读全文</a></div>'
        if long_text
        else ""
    )
    bottom = (
        '<div class="bottom-bar"><a class="comment-input" href="javascript:;">写评论...</a>'
        f"<span>评论 {doc.article.id % 37}</span><span>收藏</span><span>分享</span></div>\n"
        f'<div class="float-open"><a href="javascript:;">打开{SITE}，查看更多精彩</a></div>\n'
    )
    body = "\n".join(
        x
        for x in (
            '<div class="article-wrap">',
            f'<h1 class="article-title">{esc(_title(doc))}</h1>',
            author,
            f'<div class="article-content"{style}>'
            f'<article class="tt-article-content">{_content(doc)}</article></div>',
            fold,
            tags,
            _share(doc),
            "</div>",
            _related_items(doc, True),
        )
        if x
    )
    return (
        f"<!DOCTYPE html>\n<html>\n<head>\n{_head(doc, True)}</head>\n<body>\n"
        f"{banner}{body}\n{bottom}{_state(doc)}"
        '<script src="https://s3.xzttstatic.example/m/js/share.2a77e0.js"></script>\n'
        "</body>\n</html>\n"
    )


def render(doc: Doc) -> str:
    if HOSTS[doc.spec.host][1] == "m":
        return _mobile(doc)
    return _desktop(doc)
