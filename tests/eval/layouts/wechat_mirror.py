"""copy-wechat-mirror: a site mirroring WeChat official accounts' articles (on a Simplified
host and a Big5 gateway).

The pages' parts are named by `Spec.chrome`:

- the headline: `col` (a column name before the title);
- the date: `jsdate` (the post's own time stamp left empty, the date only in the
  site's information line), `stamp` (the site's own later time stamp beside it);
- where the journal and issue stand: `src-head` (a line at the top of the text),
  `src-tail` (a line after it);
- keywords: `tags` (the site's tag links below the text), `hashtags` (topic links
  under the headline), `kw-meta` (only in `<meta name="keywords">`);
- extras at the top or the end of the text: `follow`, `end`, `editor`, `past`,
  `qr`, `orig`, `source-link`; on the site: `intro`, `album`, `share`,
  `copyright`.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import datetime, timedelta, timezone

from pagekit import RESEARCH, Doc, Spec, declared, esc

# --- the plan ------------------------------------------------------------------------------

PLAN: tuple[Spec, ...] = (
    Spec(
        "page-01",
        4184835,
        label="di",
        chrome=("follow", "src-tail", "tags", "editor", "past", "qr", "share"),
    ),
    Spec(
        "page-02",
        4816351,
        label="di",
        keywords="none",
        author_line="wen",
        traditional=True,
        encoding="big5",
        meta="wrong",
        spam=("hidden",),
        chrome=("src-head", "orig", "end", "past"),
        host=1,
    ),
    Spec(
        "page-03",
        4114411,
        label="zero",
        title="spaces",
        byline="none",
        author_line="circle",
        keywords="body-colon",
        encoding="gbk",
        declared="gb2312",
        header="missing",
        spam=("porn", "linkfarm"),
        chrome=("follow", "src-tail", "stamp", "copyright"),
        host=2,
    ),
    Spec(
        "page-04",
        4095001,
        label="di",
        keywords="body-bracket",
        front=RESEARCH,
        chrome=("col", "src-head", "orig", "source-link", "past", "qr"),
    ),
    Spec(
        "page-05",
        4227788,
        label="plain",
        keywords="none",
        author_line="roles",
        header="missing",
        chrome=("intro", "follow", "src-tail", "editor", "stamp", "share", "copyright"),
    ),
    Spec(
        "page-06",
        4239406,
        label="zero",
        byline="list",
        mojibake=True,
        encoding="gb18030",
        declared="gbk",
        header="missing",
        spam=("gambling",),
        chrome=("kw-meta", "src-head", "end", "editor", "stamp"),
        host=2,
    ),
    Spec(
        "page-07",
        5707777,
        label=None,
        chrome=("hashtags", "album", "jsdate", "follow", "editor", "past", "qr"),
    ),
    Spec(
        "page-08",
        3761388,
        label="di",
        traditional=True,
        chrome=("intro", "tags", "src-tail", "source-link"),
        host=1,
    ),
    Spec(
        "page-09",
        5500255,
        label="plain",
        byline="none",
        author_line="wen",
        traditional=True,
        encoding="big5",
        header="missing",
        spam=("hidden",),
        chrome=("col", "hashtags", "album", "jsdate", "src-tail", "end", "qr"),
        host=1,
    ),
    Spec(
        "page-10",
        4646279,
        label="fullwidth",
        byline="none",
        author_line="padded",
        encoding="gbk",
        header="missing",
        meta="missing",
        spam=("porn",),
        chrome=("tags", "src-head", "copyright"),
        host=2,
    ),
)


# --- the site ------------------------------------------------------------------------------

# (base, site name); host 1 is a Traditional-script gateway in front of host 0.
HOSTS = (
    ("http://www.wxwzk.example", "微文库"),
    ("http://big5.wxwzk.example/gate/big5/www.wxwzk.example", "微文库"),
    ("http://www.gzhwz.example", "公众号文章网"),
)
# per journal: the account that posts its articles (name, WeChat id, introduction)
ACCOUNTS = {
    "shrdyk": (
        "上海人大",
        "shanghairenda",
        "上海市人大常委会官方微信，发布上海人大工作动态，宣传人民代表大会制度。",
    ),
    "zjrd": (
        "浙江人大杂志",
        "zjrdzz",
        "《浙江人大》杂志社官方公众号，传递人大声音，讲好代表故事。",
    ),
    "tjrd": ("天津人大", "tjrdwx", "天津市人大常委会办公厅主办，及时发布天津人大工作信息。"),
    "rdyj": ("人大研究杂志", "rdyjzz", "研究人大理论，服务人大实践。《人大研究》杂志社主办。"),
    "gmyfz": ("公民与法治杂志", "gmyfzzz", "河北省人大常委会主管，宣传民主法治，服务代表履职。"),
}
REPOSTER = ("基层人大工作", "jcrdgz", "关注基层人大工作，分享县乡人大工作经验和理论文章。")
EDITORS = ("王晓雯", "李俊峰", "张倩", "周立新", "陈思远", "刘洋", "赵蕾")
COLUMNS = ("期刊选读", "理论研究", "人大期刊", "期刊荐读")
ALBUMS = ("期刊选读", "人大期刊", "理论文章", "代表风采")
GREY12 = '<span style="font-size: 12px;color: rgb(136, 136, 136);">'
GREY14 = '<span style="font-size: 14px;color: rgb(127, 127, 127);">'
DARK14 = '<span style="font-size: 14px;color: rgb(89, 89, 89);">'


def _account(doc: Doc) -> tuple[str, str, str]:
    if doc.label is None:
        return REPOSTER
    return ACCOUNTS[doc.journal.code]


def _short(doc: Doc) -> str:
    """The post's short link token, as WeChat writes it."""
    raw = hashlib.md5(f"wx:{doc.article.id}".encode()).digest()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def url(doc: Doc) -> str:
    a, host = doc.article, doc.spec.host
    if host == 2:
        number = (a.id * 7919) % 900000 + 100000
        return f"{HOSTS[2][0]}/wx/{a.posted_at:%Y%m%d}/{number}.html"
    return f"{HOSTS[host][0]}/s/{_short(doc)}.html"


def _inject(doc: Doc, kind: str) -> str:
    """Spam of `kind`; behind the Traditional gateway the spam is Traditional too."""
    text = doc.inject(kind)
    if doc.trad:
        text = doc.spam[-1] = doc.s(text)
    return text


def _headline(doc: Doc, plain: bool) -> str:
    """The post's headline: the title, with the account's column name before it."""
    title = doc.plain_title if plain else doc.title
    if "col" not in doc.spec.chrome:
        return title
    doc.tag("title-column-prefix")
    column = doc.s(COLUMNS[doc.article.id % len(COLUMNS)])
    form = doc.article.id % 3
    if form == 0:
        return f"【{column}】{title}"
    if form == 1:
        return f"{column}｜{title}"
    return f"{column} | {title}"


def _ct(posted: datetime) -> int:
    return int(posted.replace(tzinfo=timezone(timedelta(hours=8))).timestamp())


def _digest(doc: Doc) -> str:
    first = next(text for kind, text in doc.blocks if kind == "paragraph")
    return first[:54]


def _image(doc: Doc, kind: str = "jpg", ratio: str = "0.6666667", width: int = 1080) -> str:
    token = "".join(
        doc.rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        for _ in range(40)
    )
    fmt = {"jpg": "jpeg", "png": "png", "gif": "gif"}[kind]
    src = f"https://mmbiz.qpic.cn/mmbiz_{kind}/{token}/640?wx_fmt={fmt}"
    return (
        f'<img class="rich_pages wxw-img" data-ratio="{ratio}" data-src="{src}" '
        f'data-type="{fmt}" data-w="{width}" src="/img.php?url={esc(src)}" '
        'style="width: 100%;height: auto;" />'
    )


# --- the post's text ------------------------------------------------------------------


def _paragraph(doc: Doc, text: str, boxed: bool) -> str:
    """One paragraph as the account's editor writes it: spans, a bold lead sentence."""
    cut = text.find("。") + 1
    if 6 < cut < 32 and cut < len(text) - 4 and doc.rng.random() < 0.35:
        inner = (
            f'<strong><span style="font-size: 15px;letter-spacing: 1px;">{esc(text[:cut])}'
            f'</span></strong><span style="font-size: 15px;letter-spacing: 1px;">'
            f"{esc(text[cut:])}</span>"
        )
    else:
        inner = f'<span style="font-size: 15px;letter-spacing: 1px;">{esc(text)}</span>'
    if boxed:
        return (
            '<section style="margin-left: 8px;margin-right: 8px;line-height: 1.75em;">'
            f'<p style="text-align: justify;">{inner}</p></section>'
        )
    return f'<p style="text-indent: 2em;line-height: 1.75em;margin-bottom: 15px;">{inner}</p>'


def _heading(doc: Doc, text: str, boxed: bool, n: int) -> str:
    if boxed:
        return (
            f'<section data-tools="135编辑器" data-id="{86300 + n * 17}">'
            '<section style="border-left: 4px solid rgb(192, 0, 0);padding-left: 8px;'
            'margin-top: 20px;margin-bottom: 10px;"><p style="line-height: 1.75em;"><strong>'
            f'<span style="color: rgb(192, 0, 0);font-size: 16px;">{esc(text)}</span></strong>'
            "</p></section></section>"
        )
    return (
        '<p style="text-align: center;line-height: 1.75em;"><strong>'
        f'<span style="font-size: 16px;color: rgb(0, 112, 192);">{esc(text)}</span></strong></p>'
    )


def _source(doc: Doc, where: str) -> str:
    """The journal line the account prints (in the page's script)."""
    t, journal, label = doc.s, doc.journal_name or "", doc.label or ""
    form = doc.article.id % 3
    if where == "head":
        text = (
            f"{t('来源')}：《{journal}》{label}",
            f"{t('来源')} | 《{journal}》{t('杂志')}{label}",
            f"{t('本文选自')}《{journal}》{label}",
        )[form]
        return (
            '<section style="font-size: 13px;color: rgb(136, 136, 136);line-height: 1.6em;">'
            f"<p>{esc(text)}</p></section>"
        )
    text = (
        f"{t('本文刊载于')}《{journal}》{t('杂志')}{label}",
        f"（{t('原载')}《{journal}》{label}）",
        f"{t('文章来源')}：《{journal}》{label}",
    )[form]
    return (
        f'<p style="line-height: 1.6em;"><span style="font-size: 12px;color: rgb(136, 136, 136);">'
        f"{esc(text)}</span></p>"
    )


def _content(doc: Doc) -> str:
    spec, t, a = doc.spec, doc.s, doc.article
    chrome = spec.chrome
    boxed = a.id % 2 == 0
    spacer = "" if boxed else "<p><br  /></p>"
    out = []
    if "follow" in chrome:
        out.append(
            f'<section style="text-align: center;">{_image(doc, "gif", "0.1", 640)}</section>'
            '<p style="text-align: center;"><span style="font-size: 12px;color: rgb(0, 122, 170);">'
            f"{t('点击上方蓝字')} {t('关注我们')}</span></p>"
        )
    if "src-head" in chrome and doc.label:
        out.append(_source(doc, "head"))
    if doc.author_line:
        out.append(f'<p style="text-align: center;">{GREY14}{esc(doc.author_line)}</span></p>')
    for n, line in enumerate(doc.front):
        if "title-authors" in spec.front and n == 0:
            out.append(
                '<p style="text-align: center;"><strong><span style="font-size: 17px;">'
                f"{esc(line)}</span></strong></p>"
            )
        elif "title-authors" in spec.front and n == 1 or line.startswith("（"):
            out.append(
                '<p style="text-align: center;"><span style="font-size: 14px;">'
                f"{esc(line)}</span></p>"
            )
        else:
            out.append(f'<p style="line-height: 1.6em;">{DARK14}{esc(line)}</span></p>')
    if doc.front:
        out.append(spacer or "<p><br  /></p>")
    paragraphs = [n for n, (kind, _) in enumerate(doc.blocks) if kind == "paragraph"]
    middle = paragraphs[len(paragraphs) // 2]
    picture = paragraphs[0] if len(doc.blocks) > 3 else -1
    for n, (kind, text) in enumerate(doc.blocks):
        if kind == "heading":
            out.append(_heading(doc, text, boxed, n))
        else:
            out.append(_paragraph(doc, text, boxed))
        if spacer and n < len(doc.blocks) - 1:
            out.append(spacer)
        if n == picture:
            out.append(f'<p style="text-align: center;">{_image(doc)}</p>')
        if n == middle and "hidden" in spec.spam:
            out.append(f'<div style="display:none">{esc(_inject(doc, "hidden"))}</div>')
    tail = []
    if "end" in chrome:
        tail.append(
            '<p style="text-align: center;"><span style="color: rgb(178, 178, 178);'
            'font-size: 12px;">— END —</span></p>'
        )
    if "src-tail" in chrome and doc.label:
        tail.append(_source(doc, "tail"))
    if "editor" in chrome:
        editor, check = doc.rng.sample([e for e in EDITORS if e not in a.authors], 2)
        tail.append(
            f'<p style="line-height: 1.6em;">{GREY12}'
            f"{t('编辑')}：{t(editor)}　{t('审核')}：{t(check)}</span></p>"
        )
    if "past" in chrome:
        doc.tag("chrome-related")
        items = "".join(
            f'<p><a href="/s/{_short(doc)[: 10 + n]}{n}.html" target="_blank" '
            f'data-linktype="2"><span style="font-size: 14px;">{esc(r.title)}</span></a></p>'
            for n, r in enumerate(doc.related[:3])
        )
        tail.append(
            '<section style="margin-top: 20px;"><p><strong><span style="color: rgb(192, 0, 0);">'
            f"{t('往期推荐')}</span></strong></p>{items}</section>"
        )
    if "qr" in chrome:
        doc.tag("chrome-app")
        tail.append(
            f'<p style="text-align: center;">{_image(doc, "png", "1", 258)}</p>'
            f'<p style="text-align: center;">{GREY12}'
            f"{t('长按识别二维码')}　{t('关注我们')}</span></p>"
        )
    if tail:
        out.append("<p><br  /></p>")
    return "\n".join(out + tail)


# --- the page -----------------------------------------------------------------------


def _date_shown(doc: Doc, when: datetime, time: bool) -> str:
    if "jsdate" in doc.spec.chrome and doc.spec.host != 2:
        text = f"{when:%Y年%m月%d日 %H:%M}" if time else f"{when:%Y年%m月%d日}"
        return doc.s(text)
    if doc.spec.host == 2:
        doc.tag("date-slash")
        return f"{when:%Y/%m/%d %H:%M}" if time else f"{when:%Y/%m/%d}"
    return f"{when:%Y-%m-%d %H:%M}" if time else f"{when:%Y-%m-%d}"


def render(doc: Doc) -> str:
    spec, a, t, rng = doc.spec, doc.article, doc.s, doc.rng
    chrome = spec.chrome
    base, site = HOSTS[spec.host]
    site = t(site)
    name, wxid, intro = _account(doc)
    account = t(name)
    charset = declared(doc, "meta")
    # the gateway converts the script and adds no readings: the text without them
    if doc.trad:
        assert not spec.mojibake
        doc.blocks = [(b.kind, doc.s(b.text)) for b in a.blocks]
    doc.pinyin.clear()
    doc.tags.discard("pinyin")
    headline = _headline(doc, plain=False)
    plain = _headline(doc, plain=True)
    digest = _digest(doc)
    show_time = "date-time" in doc.tags
    if doc.byline:
        doc.tag("date-apart")

    # keywords as the page gives them
    keywords = list(doc.keywords)
    if "kw-meta" in chrome:
        doc.tags.discard("keywords-links")
        doc.tag("keywords-meta-only")
    if keywords and spec.keywords == "links" and ("tags" in chrome or "kw-meta" in chrome):
        meta_keywords = ",".join(keywords)
    else:
        meta_keywords = f"{account},{t('微信公众号')},{t('公众号文章')}"

    head = ""
    if charset:
        head += (
            f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />\n'
            if spec.host == 2
            else f'<meta charset="{charset}">\n'
        )
    head += (
        '<meta name="viewport" content="width=device-width,initial-scale=1.0,'
        'maximum-scale=1.0,user-scalable=0" />\n'
    )
    if spec.host == 2:
        head += f"<title>{esc(plain)}_{account}_{site}</title>\n"
    else:
        head += f"<title>{esc(plain)} - {account} - {site}</title>\n"
    head += (
        f'<meta name="keywords" content="{esc(meta_keywords)}" />\n'
        f'<meta name="description" content="{esc(digest)}" />\n'
        f'<meta property="og:title" content="{esc(plain)}" />\n'
        '<meta property="og:type" content="article" />\n'
        f'<meta property="og:description" content="{esc(digest)}" />\n'
        '<link rel="stylesheet" href="/static/css/base.css?v=20190412" />\n'
        '<link rel="stylesheet" href="/static/css/appmsg.css?v=20190412" />\n'
    )

    # the site's header
    if spec.host == 2:
        nav = (
            ("/", "首页"),
            ("/new/", "最新文章"),
            ("/top/", "公众号排行"),
            ("/c/zhengwu/", "政务"),
            ("/c/fazhi/", "法治"),
            ("/c/jiaoyu/", "教育"),
        )
    else:
        nav = (
            ("/", "首页"),
            ("/c/hot", "热门"),
            ("/c/news", "时事"),
            ("/c/gov", "政务"),
            ("/c/law", "法律"),
            ("/c/culture", "文化"),
            ("/account/", "公众号大全"),
        )
    top = ""
    if spec.host == 1:
        top += (
            '<div id="gate_bar" style="background:#f5f5f5;font-size:12px;text-align:right;'
            f'padding:2px 10px;"><a href="{HOSTS[0][0]}/s/{_short(doc)}.html">'
            f"{t('简体中文')}</a> | <b>{t('繁体中文')}</b></div>\n"
        )
    top += (
        f'<div class="topbar"><div class="w"><span class="fl">{site} - '
        f"{t('优质微信公众号文章阅读')}</span>"
        f'<span class="fr"><a href="/user/login">{t("登录")}</a> | '
        f'<a href="/user/reg">{t("注册")}</a></span></div></div>\n'
        f'<div class="header w"><a class="logo" href="/"><img src="/static/img/logo.png" '
        f'alt="{site}" /></a>'
        '<form class="search" action="/search" method="get">'
        f'<input type="text" name="q" placeholder="{t("搜索公众号、文章")}" />'
        f'<button type="submit">{t("搜索")}</button></form></div>\n'
        '<div class="nav"><div class="w">'
        + "".join(f'<a href="{href}">{t(label)}</a>' for href, label in nav)
        + "</div></div>\n"
    )
    if "porn" in spec.spam:
        words = _inject(doc, "porn").split("_")
        doc.spam[-1:] = words
        top += (
            f'<div class="hotsearch w">{t("大家都在搜")}：'
            + " ".join(f'<a href="/search?q={n}">{esc(w)}</a>' for n, w in enumerate(words))
            + "</div>\n"
        )
    category = ("/c/gov", "政务") if spec.host != 2 else ("/c/zhengwu/", "政务")
    crumb = (
        f'<div class="crumb w">{t("当前位置")}：<a href="/">{t("首页")}</a> &gt; '
        f'<a href="{category[0]}">{t(category[1])}</a> &gt; '
        f'<a href="/a/{wxid}">{account}</a> &gt; {t("正文")}</div>\n'
    )

    # the site's information line over the post
    info = [
        f'<span>{t("公众号")}：<a href="/a/{wxid}">{account}</a></span>',
        f"<span>{t('发布时间')}：{_date_shown(doc, a.posted_at, show_time)}</span>",
    ]
    if "stamp" in chrome:
        later = a.posted_at + timedelta(
            days=rng.randint(1, 40), hours=rng.randint(0, 20), minutes=rng.randint(0, 59)
        )
        info.append(f"<span>{t('收录时间')}：{_date_shown(doc, later, True)}</span>")
    info.append(f"<span>{t('阅读')}：{rng.randint(120, 9800)}</span>")
    info_line = '<div class="art-info">' + "".join(info) + "</div>\n"
    intro_box = ""
    if "intro" in chrome:
        doc.tag("chrome-intro")
        intro_box = f'<blockquote class="art-digest">{esc(digest)}…</blockquote>\n'
    ad = ""
    if "gambling" in spec.spam:
        ad = (
            '<div class="ad-top"><a href="http://www.yl8866.example/" target="_blank" '
            f'rel="nofollow">{esc(_inject(doc, "gambling"))}</a></div>\n'
        )

    # the post itself, as the mirror saved it
    meta = []
    if "orig" in chrome:
        meta.append(
            f'<span id="copyright_logo" class="rich_media_meta icon_appmsg_tag">{t("原创")}</span>'
        )
    if doc.byline:
        meta.append(f'<span class="rich_media_meta rich_media_meta_text">{esc(doc.byline)}</span>')
    meta.append(
        '<span class="rich_media_meta rich_media_meta_nickname" id="profileBt">'
        f'<a href="javascript:void(0);" id="js_name">{account}</a></span>'
    )
    em = "" if "jsdate" in chrome else f"{a.posted_at:%Y-%m-%d}"
    meta.append(f'<em id="publish_time" class="rich_media_meta rich_media_meta_text">{em}</em>')
    post = [
        '<div id="js_article" class="rich_media">\n<div class="rich_media_inner">\n'
        '<div id="page-content" class="rich_media_area_primary">\n'
        f'<h1 class="rich_media_title" id="activity-name">\n            {esc(headline)}\n'
        "        </h1>\n"
        '<div id="meta_content" class="rich_media_meta_list">\n' + "\n".join(meta) + "\n</div>"
    ]
    if "album" in chrome:
        album = t(ALBUMS[a.id % len(ALBUMS)])
        post.append(
            '<div class="article-tag__list single-tag__wrp"><span class="article-tag__list-title">'
            f'{t("收录于合集")}</span><a class="article-tag__item" href="/a/{wxid}/album">'
            f'#{album}</a><span class="article-tag__item-num">{rng.randint(12, 90)}'
            f"{t('个')}</span></div>"
        )
    if "hashtags" in chrome and doc.keywords:
        post.append(
            '<div id="js_tags" class="article-tag__list">'
            + "".join(
                f'<a class="article-tag__item" href="/tag/{n}?a={wxid}">#{esc(k)}</a>'
                for n, k in enumerate(doc.keywords)
            )
            + "</div>"
        )
    post.append(
        '<div class="rich_media_content" id="js_content" style="visibility: visible;">\n'
        + _content(doc)
        + "\n</div>"
    )
    tools = []
    if "source-link" in chrome:
        source = f"http://www.fx361.com/page/{a.posted_at:%Y/%m%d}/{a.id}.shtml"
        tools.append(
            f'<a class="media_tool_meta meta_primary" id="js_view_source" href="{source}" '
            f'target="_blank">{t("阅读原文")}</a>'
        )
    tools.append(
        f'<span class="media_tool_meta">{t("阅读")} {rng.randint(200, 9000)}</span>'
        f'<span class="media_tool_meta">{t("在看")} {rng.randint(1, 60)}</span>'
    )
    post.append('<div class="rich_media_tool" id="js_toobar3">' + "".join(tools) + "</div>")
    post.append("</div>\n</div>\n</div>")

    below = []
    if "tags" in chrome and spec.keywords == "links" and doc.keywords:
        below.append(
            f'<div class="art-tags">{t("标签")}：'
            + " ".join(f'<a href="/tag/{esc(k)}">{esc(k)}</a>' for k in doc.keywords)
            + "</div>"
        )
    if "share" in chrome:
        doc.tag("chrome-share")
        below.append(
            f'<div class="art-share">{t("分享到")}：'
            f'<a href="javascript:;" class="s-wx">{t("微信")}</a>'
            f'<a href="javascript:;" class="s-wb">{t("微博")}</a>'
            f'<a href="javascript:;" class="s-qz">{t("QQ空间")}</a></div>'
        )
    if "copyright" in chrome:
        doc.tag("chrome-copyright")
        below.append(
            f'<div class="art-statement">{t("声明")}：'
            + t(
                f"本文转载自微信公众号「{name}」，文章版权归原作者及原出处所有，"
                "内容为作者个人观点，不代表本站立场。如有侵权，请联系我们删除。"
            )
            + "</div>"
        )
    first, second = doc.related[0], doc.related[1]
    below.append(
        '<div class="art-page">'
        f'<p>{t("上一篇")}：<a href="/a/{wxid}/prev">{esc(first.title)}</a></p>'
        f'<p>{t("下一篇")}：<a href="/a/{wxid}/next">{esc(second.title)}</a></p></div>'
    )
    doc.tag("chrome-related")
    related = "".join(
        f'<li><a href="/s/{_short(doc)[n : n + 12]}.html">{esc(r.title)}</a>'
        f"<span>{r.posted[:10]}</span></li>"
        for n, r in enumerate(doc.related[2:])
    )
    below.append(f'<div class="art-related"><h3>{t("相关文章")}</h3><ul>{related}</ul></div>')

    card = (
        '<div class="acc-card">'
        f'<img class="avatar" src="/static/avatar/{wxid}.jpg" alt="{account}" />'
        f"<h3>{account}</h3><p>{t('微信号')}：{wxid}</p>"
        f"<p>{t('功能介绍')}：{t(intro)}</p>"
    )
    if "qr" in chrome:
        card += (
            f'<img class="qrcode" src="/static/qr/{wxid}.png" alt="" />'
            f"<p>{t('微信扫一扫')}　{t('关注该公众号')}</p>"
        )
    card += "</div>\n"
    hot = "".join(
        f'<li><a href="/s/{_short(doc)[n + 3 : n + 15]}.html">{esc(r.title)}</a></li>'
        for n, r in enumerate(reversed(doc.related[:5]))
    )
    side = card + f'<div class="side-box"><h3>{t("热门文章")}</h3><ul>{hot}</ul></div>\n'

    foot = []
    if "linkfarm" in spec.spam:
        farm = _inject(doc, "linkfarm").split(" | ")
        links = " | ".join(
            f'<a href="http://www.{n}wx{n * 7 % 10}.example/" target="_blank">{esc(x)}</a>'
            for n, x in enumerate(farm)
        )
        foot.append(f'<div class="flink w">{t("友情链接")}：{links}</div>')
    licence = "粤ICP备15048762号-1" if spec.host != 2 else "豫ICP备17020931号"
    foot.append(
        f'<div class="footer"><p><a href="/about">{t("关于我们")}</a> | '
        f'<a href="/contact">{t("联系我们")}</a> | <a href="/statement">{t("免责声明")}</a> | '
        f'<a href="/sitemap.xml">{t("网站地图")}</a></p>'
        f"<p>Copyright &copy; 2015-2023 {site} All Rights Reserved. {t(licence)}</p></div>"
    )

    biz = base64.b64encode(str(3000000000 + a.id % 97 * 1234567).encode()).decode()
    script = (
        '<script type="text/javascript">\n'
        f'var biz = "{biz}";\n'
        f'var mid = "{2650000000 + a.id % 400000}";\nvar idx = "1";\n'
        f'var sn = "{hashlib.md5(str(a.id).encode()).hexdigest()}";\n'
        f'var nickname = "{account}";\n'
        f'var msg_title = "{esc(plain)}";\n'
        f'var msg_desc = "{esc(digest)}";\n'
        f'var ct = "{_ct(a.posted_at)}";\n'
        f'var publish_time = "{a.posted_at:%Y-%m-%d}" || "";\n'
        f'var user_name = "gh_{hashlib.md5(wxid.encode()).hexdigest()[:12]}";\n'
        "</script>\n"
        '<script src="/static/js/appmsg.js?v=20190412"></script>\n'
    )
    doctype = "<!DOCTYPE html>\n<html>\n"
    return (
        f'{doctype}<head>\n{head}</head>\n<body id="activity-detail" class="zh_CN">\n{top}'
        f'<div class="main w">\n{crumb}<div class="left">\n{ad}{info_line}{intro_box}'
        + "\n".join(post)
        + "\n"
        + "\n".join(below)
        + f'\n</div>\n<div class="right">\n{side}</div>\n</div>\n'
        + "\n".join(foot)
        + f"\n{script}</body>\n</html>\n"
    )
