"""copy-blog: a WordPress-like blog of a congress worker reposting journal articles: a user
name and date under the title, `转自《…》` and `（原载…）` notes, a subtitle printed
under the posting line, `标签：` tag links, a tag cloud, comments.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from pagekit import Doc, Spec, declared, esc

# --- the plan ------------------------------------------------------------------------------

PLAN: tuple[Spec, ...] = (
    Spec(
        "page-01",
        4022539,
        label="fullwidth",
        time=False,
        chrome=("src-head", "related"),
    ),
    Spec(
        "page-02",
        4816355,
        label="plain",
        time=False,
        byline="none",
        author_line="wen",
        keywords="none",
        title="subtitle",
        chrome=("src-tail",),
        host=1,
    ),
    Spec(
        "page-03",
        3415738,
        label="zero",
        time=False,
        byline="none",
        keywords="body-colon",
        front=("title-authors", "affiliation", "abstract", "fund", "bio"),
        academic=True,
        chrome=("src-box", "related"),
    ),
    Spec(
        "page-04",
        5225534,
        label=None,
        time=False,
        byline="anon",
        header="missing",
        spam=("gambling",),
        chrome=("prefix",),
        host=2,
    ),
    Spec(
        "page-05",
        4246411,
        label="di",
        time=False,
        byline="none",
        author_line="comma",
        spam=("linkfarm", "hidden"),
        chrome=("src-tail", "related"),
    ),
    Spec(
        "page-06",
        4447366,
        label="di",
        time=False,
        byline="none",
        keywords="body-bracket",
        front=("affiliation", "abstract", "bio"),
        chrome=("src-head",),
        host=1,
    ),
    Spec(
        "page-07",
        6423047,
        label=None,
        time=False,
        byline="brackets",
        stray=True,
        chrome=("related",),
    ),
    Spec(
        "page-08",
        4279909,
        label="plain",
        time=False,
        byline="none",
        author_line="space",
        mojibake=True,
        spam=("porn",),
        chrome=("src-head",),
    ),
    Spec(
        "page-09",
        3366316,
        label="di",
        time=False,
        chrome=("src-tail", "src-box"),
        host=1,
    ),
    Spec(
        "page-10",
        4719699,
        label="paren",
        time=False,
        byline="none",
        author_line="roles",
        header="missing",
        chrome=("src-box", "related"),
        host=2,
    ),
)


# Hard pages (`hardset.COPIES`, README.md "The hard pages"): previews the copy cut short,
# a side column longer than what is left of the text; no journal line.
HARD: tuple[Spec, ...] = (
    Spec("hard-openness-preview-no-journal", 6500204, label=None, cut=0.3, chrome=("related",)),
    Spec(
        "hard-constitutionality-preview",
        6500205,
        label="di",
        byline="padded-run",
        cut=0.5,
        chrome=("src-tail",),
    ),
)


# --- the site ------------------------------------------------------------------------------

# host 0: the blog's domain; host 1: its AMP pages; host 2: the blog's older
# domain, which still serves the same install
HOSTS = (
    "https://www.jcrdgc.example",
    "https://www.jcrdgc.example",
    "http://jcrd.blogdns.example",
)
SITE = "基层人大观察"
SLOGAN = "记录基层人大工作的点点滴滴"
POSTERS = ("老李说人大", "jcrdgc", "人大小编")
CATEGORIES = (
    ("llyj", "理论研究"),
    ("dbgz", "代表工作"),
    ("jdgz", "监督工作"),
    ("zzwz", "转载文章"),
)
TAG_CLOUD = (
    "人大代表", "监督", "立法", "预算审查", "代表建议", "基层民主", "选举", "执法检查",
    "专题询问", "备案审查", "代表联络站", "乡镇人大", "民生实事", "人大制度", "学习心得",
)  # fmt: skip
COMMENTERS = ("清风徐来", "县人大小王", "老代表", "木子李", "学法用法")
COMMENTS = (
    "学习了，写得很实在。",
    "转走了，谢谢博主分享！",
    "基层人大同志值得认真读一读。",
    "很有启发，我们县里也在探索类似的做法。",
)
STATEMENT = (
    "版权声明：本站部分文章转载自报刊及网络，仅供学习交流，版权归原作者及原出处所有。"
    "如有侵权，请联系站长删除。"
)
ICP = "鄂ICP备16008253号-1"


def _pid(doc: Doc, shift: int = 0) -> int:
    """WordPress's post ID."""
    return 120 + (doc.article.id * 13 + shift * 97) % 2700


def _poster(doc: Doc) -> str:
    return POSTERS[doc.article.id % len(POSTERS)]


def _category(doc: Doc) -> tuple[str, str]:
    return CATEGORIES[doc.article.id % len(CATEGORIES)]


def _permalink(doc: Doc, shift: int = 0) -> str:
    if doc.spec.host == 2:
        return f"{HOSTS[2]}/?p={_pid(doc, shift)}"
    return f"{HOSTS[0]}/archives/{_pid(doc, shift)}.html"


def url(doc: Doc) -> str:
    if doc.spec.host == 1:
        return _permalink(doc) + "/amp"
    return _permalink(doc)


def _iso(when: datetime) -> str:
    return f"{when:%Y-%m-%dT%H:%M:%S}+08:00"


def _cn_date(when: datetime) -> str:
    return f"{when.year}年{when.month}月{when.day}日"


def _shown_date(doc: Doc) -> str:
    """The theme prints the day only (the older copy of the theme in figures)."""
    for tag in ("date-time", "date-only"):
        doc.tags.discard(tag)
    doc.tag("date-only")
    when = doc.article.posted_at
    if doc.spec.host == 2:
        return f"{when:%Y-%m-%d}"
    return _cn_date(when)


def _source(doc: Doc) -> str:
    return f"《{doc.journal_name}》{doc.label}"


def _title(doc: Doc) -> str:
    """The post's title as the blogger typed it."""
    title = doc.title
    if "prefix" in doc.spec.chrome:
        title = "【转载】" + title
        doc.tag("title-column-prefix")
    return title


# --- the post's content, as the editor stores it ------------------------------------------


def _indent(doc: Doc) -> str:
    """Pasted from a word processor (inline indent) or typed in the editor."""
    return ' style="text-indent: 2em;"' if doc.article.id % 2 else ""


def _content(doc: Doc, amp: bool = False) -> str:
    spec, chrome = doc.spec, doc.spec.chrome
    ind = _indent(doc)
    out: list[str] = []
    if doc.label is not None and "src-head" in chrome:
        if doc.article.id % 3 == 0:
            out.append(f"<p><strong>来源：</strong>{esc(_source(doc))}</p>")
        else:
            out.append(f"<p>转自{esc(_source(doc))}</p>")
    if doc.subtitle:
        out.append(f'<p style="text-align: right;">{esc(doc.subtitle)}</p>')
    if doc.byline:
        doc.tag("date-apart")
        out.append(f"<p>作者：{esc(doc.byline)}</p>")
    if doc.author_line:
        out.append(f'<p style="text-align: center;">{esc(doc.author_line)}</p>')
    for n, line in enumerate(doc.front):
        if "title-authors" in spec.front and n == 0:
            out.append(f'<p style="text-align: center;"><strong>{esc(line)}</strong></p>')
        elif ("title-authors" in spec.front and n == 1) or line.startswith("（"):
            out.append(f'<p style="text-align: center;">{esc(line)}</p>')
        else:
            out.append(f"<p{ind}>{esc(line)}</p>")
    more = False
    for kind, text in doc.blocks:
        if kind == "heading":
            out.append(f"<h3>{esc(text)}</h3>")
        else:
            out.append(f"<p{ind}>{esc(text)}</p>")
            if not more and not amp:
                # the editor's "more" mark after the first paragraph
                out.append(f'<p><span id="more-{_pid(doc)}"></span></p>')
                more = True
    if doc.label is not None and "src-tail" in chrome:
        if doc.article.id % 2:
            out.append(f'<p style="text-align: right;">（原载{esc(_source(doc))}）</p>')
        else:
            out.append(f"<p>（本文刊发于{esc(_source(doc))}）</p>")
    return "\n".join(out)


# --- around the content --------------------------------------------------------------------


def _source_box(doc: Doc) -> str:
    """The theme's box under the text: the source field and the site's statement."""
    parts = []
    if doc.label is not None and "src-box" in doc.spec.chrome:
        parts.append(f"<p>文章来源：{esc(_source(doc))}</p>")
    parts.append(f'<p>本文链接：<a href="{_permalink(doc)}">{_permalink(doc)}</a></p>')
    doc.tag("chrome-copyright")
    parts.append(f"<p>{STATEMENT}</p>")
    return '<div class="copyright-post">\n' + "\n".join(parts) + "\n</div>\n"


def _tags(doc: Doc, amp: bool = False) -> str:
    if doc.spec.keywords != "links" or not doc.keywords:
        return ""
    links = "".join(
        f'<a href="{HOSTS[0]}/archives/tag/{esc(k)}" rel="tag">{esc(k)}</a>' for k in doc.keywords
    )
    if amp:
        return f'<div class="amp-wp-meta amp-wp-tax-tag">标签：{links}</div>\n'
    return f'<div class="single-tag"><span>标签：</span>{links}</div>\n'


def _comments(doc: Doc) -> list[tuple[str, datetime, str, str | None]]:
    """(name, time, text, link) of the approved comments; spam got through on some posts."""
    a, rng = doc.article, doc.rng
    out: list[tuple[str, datetime, str, str | None]] = []
    count = 1 + a.id % 3
    for n in range(count):
        when = a.posted_at + timedelta(days=1 + n * 3, hours=rng.randint(1, 20))
        out.append((COMMENTERS[(a.id + n) % len(COMMENTERS)], when, COMMENTS[(a.id + n) % 4], None))
    late = a.posted_at + timedelta(days=40, hours=rng.randint(1, 20))
    if "gambling" in doc.spec.spam:
        out.append(("yl8866娱乐", late, doc.inject("gambling"), "http://www.yl8866.example/"))
    if "porn" in doc.spec.spam:
        out.append(("免费视频", late, doc.inject("porn"), "http://www.av5577.example/"))
    if "linkfarm" in doc.spec.spam:
        out.append(("seo外链", late + timedelta(days=9), doc.inject("linkfarm"), None))
    return out


def _comment_time(when: datetime) -> str:
    half = "上午" if when.hour < 12 else "下午"
    hour = when.hour if when.hour <= 12 else when.hour - 12
    return f"{_cn_date(when)} {half}{hour}:{when.minute:02d}"


def _comments_html(doc: Doc, amp: bool = False) -> str:
    if amp:
        # the reader template links to the comments without showing them
        return (
            f'<div class="amp-wp-comments-link"><a href="{_permalink(doc)}#comments">'
            f"查看评论（{len(_comments_count(doc))}）</a></div>\n"
        )
    items = _comments(doc)
    lis = []
    for n, (name, when, text, link) in enumerate(items):
        who = esc(name)
        if link:
            who = f'<a href="{link}" rel="external nofollow ugc" class="url">{who}</a>'
        body = esc(text)
        if "|" in text and link is None:
            body = " | ".join(
                f'<a href="http://www.{k}lk{k * 3 % 10}.example/" rel="nofollow ugc">{esc(x)}</a>'
                for k, x in enumerate(text.split(" | "))
            )
        cid = 3000 + (doc.article.id + n * 17) % 9000
        lis.append(
            f'<li class="comment" id="comment-{cid}"><div class="comment-body">'
            f'<div class="comment-author vcard"><img class="avatar" src="{HOSTS[0]}/wp-content/'
            f'themes/begin/img/avatar.png" width="48" height="48" alt="" />'
            f'<cite class="fn">{who}</cite> <span class="says">说道：</span></div>'
            f'<div class="comment-meta"><a href="{_permalink(doc)}#comment-{cid}">'
            f"{_comment_time(when)}</a></div>"
            f"<p>{body}</p>"
            f'<div class="reply"><a rel="nofollow" class="comment-reply-link" '
            f'href="#comment-{cid}">回复</a></div></div></li>'
        )
    return (
        '<div id="comments" class="comments-area">\n'
        f'<h3 class="comments-title">《{esc(doc.plain_title)}》有 {len(items)} 条评论</h3>\n'
        f'<ol class="comment-list">{"".join(lis)}</ol>\n'
        '<div id="respond" class="comment-respond"><h3 id="reply-title">发表评论</h3>'
        f'<form action="{HOSTS[doc.spec.host]}/wp-comments-post.php" method="post" '
        'id="commentform"><p class="comment-notes">您的电子邮箱地址不会被公开。</p>'
        '<textarea id="comment" name="comment" rows="6"></textarea>'
        '<input name="author" type="text" placeholder="昵称" />'
        '<input name="email" type="text" placeholder="邮箱" />'
        '<input name="submit" type="submit" id="submit" value="提交评论" /></form></div>\n'
        "</div>\n"
    )


def _related(doc: Doc) -> tuple[str, str]:
    """(previous and next post, the related posts)."""
    first, second = doc.related[0], doc.related[1]
    nav = (
        '<nav class="nav-single">'
        f'<span class="nav-previous">上一篇：<a href="{_permalink(doc, 1)}" rel="prev">'
        f"{esc(first.title)}</a></span>"
        f'<span class="nav-next">下一篇：<a href="{_permalink(doc, 2)}" rel="next">'
        f"{esc(second.title)}</a></span></nav>\n"
    )
    if "related" not in doc.spec.chrome:
        return nav, ""
    doc.tag("chrome-related")
    items = "".join(
        f'<li><a href="{_permalink(doc, n + 3)}">{esc(r.title)}</a></li>'
        for n, r in enumerate(doc.related[2:])
    )
    return nav, f'<div class="related-box"><h3>相关文章</h3><ul>{items}</ul></div>\n'


def _share(doc: Doc) -> str:
    doc.tag("chrome-share")
    return (
        '<div class="s-weixin-share"><span class="share-s">分享到：</span>'
        '<a class="share-weixin" href="javascript:;">微信</a>'
        '<a class="share-qq" href="javascript:;">QQ</a>'
        '<a class="share-qzone" href="javascript:;">QQ空间</a>'
        '<a class="share-weibo" href="javascript:;">微博</a>'
        f'<a class="fav" href="javascript:;" data-action="ding" data-id="{_pid(doc)}">'
        f'赞 <span class="count">{doc.article.id % 40}</span></a>'
        '<a class="begin-shang" href="javascript:;">赏</a></div>\n'
    )


def _head(doc: Doc, charset: str | None, amp: bool) -> str:
    a = doc.article
    title = _title(doc)
    full = title + (doc.subtitle or "")
    poster = _poster(doc)
    head = ""
    if charset:
        if doc.spec.host == 2:
            head += f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />\n'
        else:
            head += f'<meta charset="{charset}">\n'
    head += '<meta name="viewport" content="width=device-width,initial-scale=1,minimum-scale=1">\n'
    head += f"<title>{esc(full)} - {SITE}</title>\n"
    description = "".join(t for k, t in doc.blocks if k == "paragraph")[:110]
    head += f'<meta name="description" content="{esc(description)}" />\n'
    if doc.spec.keywords == "links" and doc.keywords:
        head += f'<meta name="keywords" content="{esc(",".join(doc.keywords))}" />\n'
    modified = a.posted_at + timedelta(days=3 + a.id % 200, minutes=a.id % 50)
    head += (
        f'<meta property="og:type" content="article" />\n'
        f'<meta property="og:title" content="{esc(full)}" />\n'
        f'<meta property="og:url" content="{_permalink(doc)}" />\n'
        f'<meta property="og:site_name" content="{SITE}" />\n'
        f'<meta property="article:published_time" content="{_iso(a.posted_at)}" />\n'
        f'<meta property="article:modified_time" content="{_iso(modified)}" />\n'
    )
    if amp:
        head += (
            f'<link rel="canonical" href="{_permalink(doc)}" />\n'
            '<script async src="https://cdn.ampproject.org/v0.js"></script>\n'
            "<style amp-custom>body{font-family:-apple-system,sans-serif;}"
            ".amp-wp-header{background:#2a6ebb;}.amp-wp-article{margin:1.5em 16px;}"
            ".amp-wp-meta{color:#666;font-size:13px;}</style>\n"
            "<style amp-boilerplate>body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 "
            "normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}</style>\n"
        )
    else:
        head += (
            f'<link rel="amphtml" href="{HOSTS[0]}/archives/{_pid(doc)}.html/amp" />\n'
            f"<link rel='stylesheet' id='begin-style-css' href='{HOSTS[doc.spec.host]}/"
            "wp-content/themes/begin/style.css?ver=2018/11/13' type='text/css' media='all' />\n"
            f"<script type='text/javascript' src='{HOSTS[doc.spec.host]}/wp-includes/js/"
            "jquery/jquery.js?ver=1.12.4'></script>\n"
            '<meta name="generator" content="WordPress 4.9.8" />\n'
        )
    head += (
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":'
        f'"BlogPosting","headline":"{esc(full)}","datePublished":"{_iso(a.posted_at)}",'
        f'"dateModified":"{_iso(modified)}","author":{{"@type":"Person","name":"{poster}"}},'
        f'"publisher":{{"@type":"Organization","name":"{SITE}"}},'
        f'"mainEntityOfPage":"{_permalink(doc)}"}}</script>\n'
    )
    return head


def _hacked(doc: Doc) -> str:
    """Links an intruder left in the theme's footer."""
    if "hidden" not in doc.spec.spam:
        return ""
    return (
        '<div style="display:none"><a href="http://www.yl8866.example/" target="_blank">'
        f"{esc(doc.inject('hidden'))}</a></div>\n"
    )


def _desktop(doc: Doc, charset: str | None) -> str:
    a, spec = doc.article, doc.spec
    host = HOSTS[spec.host]
    slug, category = _category(doc)
    title = _title(doc)
    poster = _poster(doc)
    nav, related = _related(doc)
    chars = sum(len(t) for _, t in doc.blocks)
    menu = "".join(
        f'<li class="menu-item"><a href="{host}/archives/category/{s}">{n}</a></li>'
        for s, n in CATEGORIES
    )
    header = (
        '<header id="masthead" class="site-header">\n'
        f'<div class="header-top"><div class="top-menu">欢迎光临{SITE}！</div>'
        f'<div class="login"><a href="{host}/wp-login.php">登录</a></div></div>\n'
        f'<div class="logo-site"><p class="site-title"><a href="{host}/" rel="home">{SITE}</a></p>'
        f'<p class="site-description">{SLOGAN}</p></div>\n'
        f'<nav id="site-nav" class="main-nav"><ul id="menu-main" class="down-menu nav-menu">'
        f'<li class="menu-item"><a href="{host}/">首页</a></li>{menu}'
        f'<li class="menu-item"><a href="{host}/guestbook">留言板</a></li></ul></nav>\n'
        "</header>\n"
    )
    crumb = (
        f'<div class="breadcrumb">现在位置：<a href="{host}/">首页</a> &gt; '
        f'<a href="{host}/archives/category/{slug}">{category}</a> &gt; 正文</div>\n'
    )
    meta = (
        '<div class="begin-single-meta">'
        f'<span class="my-date"><time class="entry-date published" datetime="{_iso(a.posted_at)}">'
        f"{_shown_date(doc)}</time></span>"
        f'<span class="meta-author"><a href="{host}/archives/author/admin">'
        f"{esc(poster)}</a></span>"
        f'<span class="meta-cat"><a href="{host}/archives/category/{slug}" rel="category tag">'
        f"{category}</a></span>"
        f'<span class="comment"><a href="{_permalink(doc)}#comments">{len(_comments_count(doc))}'
        "条评论</a></span>"
        f'<span class="views">阅读 {90 + a.id % 4000}</span>'
        f'<span class="word-time">共{chars}字 需{max(1, chars // 500)}分钟</span>'
        "</div>\n"
    )
    article = (
        f'<article id="post-{_pid(doc)}" class="post-{_pid(doc)} post type-post status-publish '
        f'format-standard hentry category-{slug}">\n'
        f'<header class="entry-header"><h1 class="entry-title">{esc(title)}</h1></header>\n'
        + meta
        + '<div class="entry-content">\n<div class="single-content">\n'
        + _content(doc)
        + "\n</div>\n"
        + _source_box(doc)
        + _share(doc)
        + _tags(doc)
        + "</div>\n</article>\n"
    )
    recent = "".join(
        f'<li><a href="{_permalink(doc, n + 20)}">{esc(r.title)}</a></li>'
        for n, r in enumerate(doc.related[-5:])
    )
    cloud = "".join(
        f'<a href="{host}/archives/tag/{t}" class="tag-cloud-link" '
        f'style="font-size: {10 + (n * 7) % 9}pt;">{t}</a>'
        for n, t in enumerate(TAG_CLOUD)
    )
    years = range(min(a.posted_at.year, 2014), 2022)
    archives = "".join(
        f'<li><a href="{host}/archives/date/{y}">{y}年</a></li>' for y in reversed(years)
    )
    sidebar = (
        '<aside id="sidebar" class="widget-area">\n'
        '<section class="widget widget_search"><form method="get" action="/">'
        '<input type="text" name="s" placeholder="输入搜索内容" />'
        '<button type="submit">搜索</button>'
        "</form></section>\n"
        f'<section class="widget widget_recent_entries"><h3 class="widget-title">最新文章</h3>'
        f"<ul>{recent}</ul></section>\n"
        f'<section class="widget widget_tag_cloud"><h3 class="widget-title">热门标签</h3>'
        f'<div class="tagcloud">{cloud}</div></section>\n'
        f'<section class="widget widget_archive"><h3 class="widget-title">文章归档</h3>'
        f"<ul>{archives}</ul></section>\n"
        "</aside>\n"
    )
    footer = (
        _hacked(doc) + '<footer id="colophon" class="site-footer"><div class="site-info">'
        f"Copyright &copy; 2014-2021 {SITE} 保留所有权利. "
        f'<a href="http://beian.miit.example/" rel="external nofollow">{ICP}</a> '
        "自豪地采用 WordPress 主题 Begin</div></footer>\n"
    )
    if spec.host == 2:
        doctype = (
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN">\n'
        )
    else:
        doctype = '<!DOCTYPE html>\n<html lang="zh-CN">\n'
    return (
        f"{doctype}<head>\n{_head(doc, charset, False)}</head>\n"
        f'<body class="post-template-default single single-post postid-{_pid(doc)}">\n'
        '<div id="page" class="hfeed site">\n'
        + header
        + '<div id="content" class="site-content">\n'
        + crumb
        + '<div id="primary" class="content-area"><main id="main" class="site-main">\n'
        + article
        + nav
        + related
        + _comments_html(doc)
        + "</main></div>\n"
        + sidebar
        + "</div>\n"
        + footer
        + "</div>\n"
        f"<script type='text/javascript' src='{HOSTS[spec.host]}/wp-content/themes/begin/js/"
        "script.js?ver=2018/11/13'></script>\n"
        "</body>\n</html>\n"
    )


def _comments_count(doc: Doc) -> list[int]:
    """As many entries as the post has approved comments (spam included)."""
    a, spam = doc.article, doc.spec.spam
    extra = sum(k in spam for k in ("gambling", "porn", "linkfarm"))
    return list(range(1 + a.id % 3 + extra))


def _amp(doc: Doc, charset: str | None) -> str:
    a = doc.article
    _, category = _category(doc)
    title = _title(doc)
    nav, related = _related(doc)
    return (
        '<!doctype html>\n<html amp lang="zh-CN">\n'
        f"<head>\n{_head(doc, charset, True)}</head>\n<body>\n"
        '<header id="top" class="amp-wp-header"><div>'
        f'<a href="{HOSTS[0]}/">{SITE}</a></div></header>\n'
        '<article class="amp-wp-article">\n'
        f'<header class="amp-wp-article-header"><h1 class="amp-wp-title">{esc(title)}</h1>\n'
        '<div class="amp-wp-meta amp-wp-byline">'
        f'<amp-img src="{HOSTS[0]}/wp-content/uploads/avatar-96.png" width="24" height="24" '
        'layout="fixed"></amp-img>'
        f'<span class="amp-wp-author author vcard">{esc(_poster(doc))}</span>'
        "</div>\n"
        f'<div class="amp-wp-meta amp-wp-posted-on"><time datetime="{_iso(a.posted_at)}">'
        f"{_shown_date(doc)}</time></div>\n"
        "</header>\n"
        f'<div class="amp-wp-article-content">\n{_content(doc, amp=True)}\n</div>\n'
        '<footer class="amp-wp-article-footer">\n'
        f'<div class="amp-wp-meta amp-wp-tax-category">分类：<a href="{HOSTS[0]}/archives/category/'
        f'{_category(doc)[0]}" rel="category tag">{category}</a></div>\n'
        + _tags(doc, amp=True)
        + (
            f'<div class="amp-wp-meta amp-wp-source">文章来源：{esc(_source(doc))}</div>\n'
            if doc.label is not None and "src-box" in doc.spec.chrome
            else ""
        )
        + _amp_share(doc)
        + _comments_html(doc, amp=True)
        + "</footer>\n</article>\n"
        + related
        + '<footer class="amp-wp-footer"><div>'
        f"<p>&copy; {SITE}</p>"
        f'<a href="{_permalink(doc)}" class="amp-wp-canonical">查看电脑版</a>'
        '<a href="#top" class="back-to-top">回到顶部</a></div></footer>\n'
        "</body>\n</html>\n"
    )


def _amp_share(doc: Doc) -> str:
    doc.tag("chrome-share")
    return (
        '<div class="amp-social-share-bar">'
        '<amp-social-share type="wechat" width="40" height="40"></amp-social-share>'
        '<amp-social-share type="weibo" width="40" height="40"></amp-social-share>'
        '<amp-social-share type="system" width="40" height="40"></amp-social-share>'
        "</div>\n"
    )


def render(doc: Doc) -> str:
    charset = declared(doc, "meta")
    if doc.spec.host == 1:
        return _amp(doc, charset)
    return _desktop(doc, charset)


# The plan: the pages of the held-out layout and how each shows its article (neutral page
# names, so that a listing of the pages tells nothing about them).
