"""copy-wechat-archive: another archive of WeChat public-account articles (its own
template; an account name and time beside each other under the title, `作者丨`,
`来源丨`, citation lines).

An archive of WeChat public-account articles (公众号文章 mirrors): a PHP script
that collects the articles that accounts push and serves them again, with its
own header, sidebar and footer around the account's post. Public accounts of
local congresses and of law-journal readers repost journal articles there. One
script on three hosts: the desktop site, its mobile site, and an older sister
site in GBK (the same script, an older template). The desktop site has a
Traditional version under `/zh-tw/`.

The post is what the account's editor wrote in the WeChat editor: the article's
text in `<p>` or `<section>` blocks with inline styles, headings in coloured
boxes, blank `<p><br /></p>` lines, and whatever the account adds around the
text. `Spec.chrome` names it:

- top of the post: `follow` (点击上方蓝字关注我们), `head` (作者丨…),
  `src-head` (来源丨《刊名》期);
- end of the post: `src-tail` (本文原载《刊名》期), `cite` (引用格式 …[J].刊名,年(期)),
  `end` (- END - and the editor lines), `recommend` (往期推荐), `qr`
  (长按识别二维码关注), `copyright` (the account's statement);
- the editor's markup: `sec` (`<section>` blocks), `span` (text split into
  several styled spans), `img` (pictures);
- the WeChat fields: `editor-field` (the author field holds the account's
  editorial team, not a writer), `prefix` (a column name before the title),
  `topic` (收录于合集 #话题 …);
- the mirror's own parts: `digest` (the post's digest above it), `kw-meta`
  (the keywords only in `<meta name="keywords">`), `share`.
"""

from __future__ import annotations

import calendar
import hashlib
from datetime import timedelta

from pagekit import RESEARCH, Doc, Spec, declared, esc

# --- the plan ------------------------------------------------------------------------------

PLAN: tuple[Spec, ...] = (
    Spec(
        "page-01",
        3834165,
        label="plain",
        chrome=("follow", "src-head", "end", "recommend", "share", "img"),
    ),
    Spec(
        "page-02",
        4077726,
        label="di",
        byline="none",
        keywords="none",
        chrome=("editor-field", "head", "src-head", "sec", "qr", "topic"),
    ),
    Spec(
        "page-03",
        4181563,
        chrome=("src-tail", "kw-meta", "digest", "end"),
        host=1,
    ),
    Spec(
        "page-04",
        3900019,
        label="di",
        keywords="body-colon",
        front=("abstract",),
        encoding="gbk",
        declared="gb2312",
        header="missing",
        spam=("linkfarm",),
        chrome=("src-tail", "copyright", "span"),
        host=2,
    ),
    Spec(
        "page-05",
        4286103,
        label="paren",
        byline="none",
        keywords="body-bracket",
        front=RESEARCH,
        academic=True,
        chrome=("prefix", "cite", "follow", "end", "recommend", "topic"),
    ),
    Spec(
        "page-06",
        5763963,
        label="di",
        chrome=("src-head", "digest", "sec", "img", "qr", "copyright"),
        host=1,
    ),
    Spec(
        "page-07",
        4438255,
        label=None,
        header="missing",
        chrome=("prefix", "follow", "end", "topic", "share"),
    ),
    Spec(
        "page-08",
        4637791,
        label="zero",
        byline="none",
        author_line="wen",
        keywords="none",
        stray=True,
        encoding="gbk",
        declared="gb2312",
        header="wrong",
        spam=("porn", "hidden"),
        chrome=("src-tail", "end", "span"),
        host=2,
    ),
    Spec(
        "page-09",
        6215067,
        label="di",
        traditional=True,
        byline="joined",
        author_line="space",
        keywords="none",
        chrome=("src-head", "recommend", "qr"),
    ),
    Spec(
        "page-10",
        4601673,
        keywords="none",
        mojibake=True,
        spam=("hidden", "gambling"),
        chrome=("head", "src-tail", "img", "end", "share", "sec"),
    ),
)


# --- the site ------------------------------------------------------------------------------

HOSTS = (
    ("http://www.gzhwz.example", "公众号文摘"),
    ("http://m.gzhwz.example", "公众号文摘"),
    ("http://www.wxwzw.example", "微信文章网"),
)
ICP = ("沪ICP备17023318号-1", "沪ICP备17023318号-1", "鲁ICP备15011962号-3")
# nickname, WeChat id, introduction, category on the mirror, what its author field says
# when the editors put themselves there
ACCOUNTS = (
    (
        "人大研究参考",
        "rdyjck",
        "传播人大制度理论，分享各地人大工作实践经验。",
        "政务",
        "参考编辑部",
    ),
    ("地方人大工作", "dfrdgz2015", "关注地方人大工作动态，精选人大期刊好文章。", "政务", "小编"),
    ("法治期刊荟萃", "fzqkhc", "每日精选法治类期刊文章，欢迎关注、转发。", "法律", "荟萃编辑部"),
    ("基层人大之窗", "jcrdzc", "县乡人大工作交流平台，服务基层人大代表。", "政务", "之窗编辑部"),
)
EDITORS = ("王晓雯", "李俊峰", "张倩", "周立新", "陈思远", "刘敏")
REVIEWERS = ("赵海燕", "孙建国", "何丽")
PREFIXES = ("理论研究丨", "【人大期刊】", "期刊选读 | ", "【人物访谈】")
TOPICS = ("人大工作", "期刊选读", "人大监督", "代表风采", "理论研究", "地方立法")
CATEGORIES = ("时事", "政务", "法律", "财经", "教育", "文化")


def _key(seed: str) -> str:
    """A mirror's key of a post: a hash of the account's message (WeChat's `sn`), in
    lower-case hex; the first such hash without a long run of digits."""
    salt = 0
    while True:
        key = hashlib.md5(f"{seed}:{salt}".encode()).hexdigest()[:16]
        runs = "".join(c if c.isdigit() else " " for c in key).split()
        if max((len(run) for run in runs), default=0) < 6:
            return key
        salt += 1


def _sn(doc: Doc) -> str:
    return _key(f"mp:{doc.article.id}")


def _aid(doc: Doc) -> int:
    """The sister site's own article number (six digits)."""
    return doc.article.id // 7 % 900000 + 100000


def url(doc: Doc) -> str:
    base, _ = HOSTS[doc.spec.host]
    if doc.spec.host == 2:
        return f"{base}/html/{doc.article.posted_at:%Y%m}/{_aid(doc)}.html"
    if doc.spec.host == 1:
        return f"{base}/n/{_sn(doc)}.html"
    return f"{base}{'/zh-tw' if doc.trad else ''}/n/{_sn(doc)}"


def _link(doc: Doc, n: int) -> str:
    """Another post of the mirror, as its links print it."""
    key = _key(f"other:{doc.article.id}:{n}")
    if doc.spec.host == 2:
        return f"/html/{doc.article.posted_at:%Y%m}/{_aid(doc) + 11 * (n + 1)}.html"
    if doc.spec.host == 1:
        return f"/n/{key}.html"
    return f"{'/zh-tw' if doc.trad else ''}/n/{key}"


def _inject(doc: Doc, kind: str) -> str:
    """Spam of `kind`; on the Traditional version it is converted like the rest."""
    text = doc.inject(kind)
    if doc.trad:
        text = doc.spam[-1] = doc.s(text)
    return text


def _date(doc: Doc) -> str:
    """The push time as the mirror prints it: the desktop script `Y-m-d` (with `H:i`
    where the account's message had its time), the mobile site the Chinese way."""
    a = doc.article
    timed = "date-time" in doc.tags
    if doc.spec.host == 1:
        return f"{a.posted_at:%Y年%m月%d日}" + (f" {a.posted_at:%H:%M}" if timed else "")
    return f"{a.posted_at:%Y-%m-%d}" + (f" {a.posted_at:%H:%M}" if timed else "")


def _source(doc: Doc) -> str:
    return f"《{doc.journal_name}》{doc.label}"


def _lines(doc: Doc, account: tuple[str, ...]) -> list[tuple[str, str]]:
    """The post as the editor wrote it: (kind, text). Kinds: `note` (the account's own
    lines), `author`, `front`, `heading`, `paragraph`."""
    spec, t, a = doc.spec, doc.s, doc.article
    chrome = spec.chrome
    out: list[tuple[str, str]] = []
    if "follow" in chrome:
        out.append(("follow", t("点击上方蓝字关注我们")))
    if "head" in chrome and a.authors:
        out.append(("note", t("作者丨") + doc.s(" ".join(a.authors))))
        doc.tag("chrome-repeated-author")
    if "src-head" in chrome and doc.label:
        out.append(("note", t("来源丨") + _source(doc)))
    if doc.author_line:
        out.append(("author", doc.author_line))
    out += [("front", line) for line in doc.front]
    out += list(doc.blocks)
    if "src-tail" in chrome and doc.label:
        out.append(("tail", f"{t('本文原载')}{_source(doc)}"))
    if "cite" in chrome and doc.label:
        names = ",".join(doc.s(n) for n in a.authors)
        first = doc.rng.randint(12, 60)
        year, _, number = doc.label.partition("(")
        out.append(
            (
                "tail",
                f"{t('引用格式')}：{names}.{doc.plain_title}[J].{doc.journal_name},"
                f"{year}({number}:{first}-{first + doc.rng.randint(3, 7)}.",
            )
        )
    if "copyright" in chrome:
        doc.tag("chrome-copyright")
        out.append(
            (
                "tail",
                t(
                    "声明：本文转载自网络，旨在分享交流，版权归原作者及原出处所有。"
                    "如涉及版权问题，请及时与我们联系，我们将第一时间删除。"
                ),
            )
        )
    if "end" in chrome:
        out.append(("end", "- END -"))
        editor = doc.rng.choice([e for e in EDITORS if e not in a.authors])
        out.append(("tail", f"{t('责任编辑')}：{t(editor)}"))
        if doc.rng.random() < 0.6:
            out.append(("tail", f"{t('审核')}：{t(doc.rng.choice(REVIEWERS))}"))
    return out


def _split(doc: Doc, text: str) -> list[str]:
    """Text the editor styled in pieces: two or three runs, cut anywhere."""
    if len(text) < 12:
        return [text]
    cuts = sorted(doc.rng.sample(range(3, len(text) - 3), doc.rng.choice((1, 2))))
    return [text[i:j] for i, j in zip([0, *cuts], [*cuts, len(text)], strict=True)]


def _para(doc: Doc, text: str, style: str) -> str:
    if "span" in doc.spec.chrome:
        runs = _split(doc, text)
        colours = ("rgb(62, 62, 62)", "rgb(51, 51, 51)")
        inner = "".join(
            f'<span style="font-size: 15px; color: {colours[n % 2]};">{esc(run)}</span>'
            for n, run in enumerate(runs)
        )
    else:
        inner = f'<span style="font-size: 15px;">{esc(text)}</span>'
    if "sec" in doc.spec.chrome:
        return (
            f'<section style="{style} margin-bottom: 16px; letter-spacing: 1px;">{inner}</section>'
        )
    return f'<p style="{style}">{inner}</p>'


def _post(doc: Doc, lines: list[tuple[str, str]], account: tuple[str, ...]) -> str:
    """The account's post (the inside of `#js_content`)."""
    spec, t, a = doc.spec, doc.s, doc.article
    chrome, rng = spec.chrome, doc.rng
    body = "text-indent: 2em; line-height: 1.75em;"
    paragraphs = [n for n, (kind, _) in enumerate(lines) if kind == "paragraph"]
    middle = paragraphs[len(paragraphs) // 2]
    images = set()
    if "img" in chrome:
        images = {paragraphs[0], *rng.sample(paragraphs[1:], min(1, len(paragraphs) - 1))}
    blank = "<p><br  /></p>"
    out = []
    for n, (kind, text) in enumerate(lines):
        if kind == "follow":
            out.append(
                '<p style="text-align: center;"><img class="__bg_gif" data-ratio="0.1" '
                'data-src="https://mmbiz.qpic.cn/mmbiz_gif/follow/640?wx_fmt=gif" data-type="gif" '
                'data-w="640" src="/img/?u=mmbiz_gif/follow.gif" /></p>'
                f'<p style="text-align: center;"><span style="font-size: 12px; color: '
                f'rgb(0, 122, 170);">{esc(text)}</span></p>'
            )
        elif kind == "note":
            out.append(
                '<p style="line-height: 1.75em;"><span style="font-size: 13px; color: '
                f'rgb(136, 136, 136);">{esc(text)}</span></p>'
            )
            if not (n + 1 < len(lines) and lines[n + 1][0] == "note"):
                out.append(blank)
        elif kind == "author":
            out.append(
                '<p style="text-align: center; line-height: 1.75em;"><span style="font-size: '
                f'14px; color: rgb(89, 89, 89);">{esc(text)}</span></p>'
            )
        elif kind == "front":
            if text == doc.plain_title:
                out.append(
                    '<p style="text-align: center;"><strong><span style="font-size: 18px;">'
                    f"{esc(text)}</span></strong></p>"
                )
            else:
                out.append(
                    '<p style="line-height: 1.75em;"><span style="font-size: 14px; color: '
                    f'rgb(89, 89, 89);">{esc(text)}</span></p>'
                )
        elif kind == "heading":
            out.append(blank)
            if "sec" in chrome:
                out.append(
                    '<section style="margin: 20px 0px 10px; text-align: center;">'
                    '<section style="display: inline-block; padding: 4px 12px; border-bottom: '
                    '2px solid rgb(171, 25, 66);"><p style="font-size: 16px; color: '
                    f'rgb(171, 25, 66);"><strong>{esc(text)}</strong></p></section></section>'
                )
            else:
                out.append(
                    '<p style="text-align: center; line-height: 1.75em;"><strong><span '
                    f'style="font-size: 16px; color: rgb(0, 112, 192);">{esc(text)}</span>'
                    "</strong></p>"
                )
        elif kind == "paragraph":
            out.append(_para(doc, text, body))
            if "sec" not in chrome and rng.random() < 0.35:
                out.append(blank)
        elif kind == "end":
            out.append(blank)
            out.append(
                '<p style="text-align: center;"><span style="font-size: 12px; color: '
                f'rgb(178, 178, 178);">{esc(text)}</span></p>'
            )
        else:  # tail
            if out and out[-1] != blank and lines[n - 1][0] not in ("tail", "end"):
                out.append(blank)
            out.append(
                '<p style="line-height: 1.75em;"><span style="font-size: 12px; color: '
                f'rgb(136, 136, 136);">{esc(text)}</span></p>'
            )
        if n in images:
            ratio = rng.choice(("0.5625", "0.6666666666666666", "0.75"))
            key = hashlib.md5(f"img:{a.id}:{n}".encode()).hexdigest()[:22]
            out.append(
                f'<p style="text-align: center;"><img class="rich_pages" data-ratio="{ratio}" '
                f'data-s="300,640" data-src="https://mmbiz.qpic.cn/mmbiz_jpg/{key}/640?'
                f'wx_fmt=jpeg" data-type="jpeg" data-w="1080" style="width: 100%;" '
                f'src="/img/?u=mmbiz_jpg/{key}.jpg" /></p>'
            )
        if n == middle and "hidden" in spec.spam:
            out.append(f'<p style="display:none">{esc(_inject(doc, "hidden"))}</p>')
    if "recommend" in chrome:
        doc.tag("chrome-related")
        out.append(blank)
        out.append(
            '<p style="text-align: center;"><strong><span style="font-size: 15px; color: '
            f'rgb(171, 25, 66);">{t("往期推荐")}</span></strong></p>'
        )
        for n, r in enumerate(doc.related[:3]):
            out.append(
                f'<p><a href="{_link(doc, 40 + n)}" target="_blank" data-linktype="2">'
                f'<span style="font-size: 14px;">{esc(r.title)}</span></a></p>'
            )
    if "qr" in chrome:
        out.append(blank)
        out.append(
            '<p style="text-align: center;"><img class="rich_pages" data-ratio="1" '
            'data-src="https://mmbiz.qpic.cn/mmbiz_png/qrcode/640?wx_fmt=png" data-type="png" '
            'data-w="258" style="width: 160px;" src="/img/?u=mmbiz_png/qrcode.png" /></p>'
            '<p style="text-align: center;"><span style="font-size: 12px; color: '
            f'rgb(136, 136, 136);">{t("长按识别二维码关注")}{t(account[0])}</span></p>'
        )
    return "\n".join(out)


def _digest(lines: list[tuple[str, str]]) -> str:
    """WeChat's digest where the editor wrote none: the post's first 54 characters."""
    return "".join(text for _, text in lines)[:54]


def _keywords(doc: Doc, account: tuple[str, ...]) -> tuple[str, str]:
    """(`<meta name="keywords">`, the mirror's tag links under the post)."""
    t, spec = doc.s, doc.spec
    site = t(HOSTS[spec.host][1])
    if spec.keywords != "links":
        return f"{esc(t(account[0]))},{esc(t('微信公众号文章'))},{esc(site)}", ""
    meta = esc(",".join(doc.keywords))
    if "kw-meta" in spec.chrome:
        doc.tags.discard("keywords-links")
        doc.tag("keywords-meta-only")
        return meta, ""
    links = "".join(f'<a href="/tag/{esc(k)}" rel="tag">{esc(k)}</a>' for k in doc.keywords)
    return meta, f'<div class="post-tags"><span>{t("标签")}：</span>{links}</div>'


def _sidebar(doc: Doc, account: tuple[str, ...]) -> str:
    t, rng = doc.s, doc.rng
    name, wxid, intro, *_ = account
    hot = "".join(
        f'<li><span class="num">{n + 1}</span><a href="{_link(doc, 10 + n)}" '
        f'title="{esc(r.title)}">{esc(r.title)}</a></li>'
        for n, r in enumerate(doc.related[-5:])
    )
    return (
        '<div class="sidebar">\n'
        '<div class="box account-card">'
        f'<img class="avatar" src="/img/head/{wxid}.jpg" alt="{esc(t(name))}" />'
        f'<h3><a href="/u/{wxid}">{esc(t(name))}</a></h3>'
        f'<p class="wxid">{t("微信号")}：{wxid}</p>'
        f'<p class="intro">{t("功能介绍")}：{esc(t(intro))}</p>'
        f'<div class="qrcode"><img src="/img/qr/{wxid}.png" alt="" />'
        f"<p>{t('微信扫一扫关注该公众号')}</p></div>"
        f'<p class="stat">{t("文章数")}：{rng.randint(300, 2600)}</p></div>\n'
        f'<div class="box hot"><h3>{t("热门文章")}</h3><ol>{hot}</ol></div>\n'
        "</div>\n"
    )


def render(doc: Doc) -> str:
    spec, t, a, rng = doc.spec, doc.s, doc.article, doc.rng
    base, site = HOSTS[spec.host]
    site = t(site)
    account = ACCOUNTS[rng.randrange(len(ACCOUNTS))]
    nickname = t(account[0])
    charset = declared(doc, "meta")

    title = doc.title
    if "prefix" in spec.chrome:
        interview = any(b.text.startswith("记者：") for b in a.blocks)
        prefix = PREFIXES[3] if interview else rng.choice(PREFIXES[:3])
        title = t(prefix) + title
        doc.tag("title-column-prefix")
    whole = title + (doc.subtitle or "")
    lines = _lines(doc, account)
    post = _post(doc, lines, account)
    digest = _digest(lines)
    meta_keywords, tags = _keywords(doc, account)
    date = _date(doc)

    # the WeChat fields above the post
    author_field = ""
    if "editor-field" in spec.chrome:
        author_field = t(account[4])
    elif doc.byline:
        author_field = doc.byline
        doc.tag("date-apart")
    meta_list = []
    if author_field:
        meta_list.append(
            f'<span class="rich_media_meta rich_media_meta_text">{esc(author_field)}</span>'
        )
    meta_list.append(
        f'<a class="rich_media_meta rich_media_meta_link rich_media_meta_nickname" '
        f'href="/u/{account[1]}" id="js_name">{esc(nickname)}</a>'
    )
    meta_list.append(
        f'<em id="publish_time" class="rich_media_meta rich_media_meta_text">{date}</em>'
    )
    topic = ""
    if "topic" in spec.chrome:
        names = rng.sample(TOPICS, rng.randint(1, 2))
        topic = (
            f'<div class="article-tag"><span class="tag-label">{t("收录于合集")}</span>'
            + "".join(
                f'<a class="article-tag__item" href="/topic/{account[1]}/{n}">#{esc(t(x))}</a>'
                f'<span class="article-tag__count">{rng.randint(4, 90)}{t("个")}</span>'
                for n, x in enumerate(names)
            )
            + "</div>"
        )

    # the page around it
    head = ""
    if spec.host == 2:
        head += (
            f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />\n'
            if charset
            else ""
        )
    elif charset:
        head += f'<meta charset="{charset}">\n'
    if spec.host == 1:
        head += (
            '<meta name="viewport" content="width=device-width, initial-scale=1.0, '
            'maximum-scale=1.0, user-scalable=no">\n'
        )
    head += (
        f"<title>{esc(whole)} - {esc(nickname)} - {site}</title>\n"
        f'<meta name="keywords" content="{meta_keywords}" />\n'
        f'<meta name="description" content="{esc(digest)}" />\n'
    )
    if spec.host != 2:
        head += (
            f'<meta property="og:title" content="{esc(whole)}" />\n'
            '<meta property="og:type" content="article" />\n'
            f'<meta property="og:description" content="{esc(digest)}" />\n'
            f'<meta property="og:image" content="{base}/img/cover/{_sn(doc)}.jpg" />\n'
        )
        if author_field:
            head += f'<meta property="og:article:author" content="{esc(author_field)}" />\n'
        css = "m" if spec.host else "pc"
        head += f'<link rel="stylesheet" href="/static/css/{css}.css?v=20190312" />\n'
    else:
        head += '<link href="/templets/wx/style.css" rel="stylesheet" type="text/css" />\n'
    head += (
        '<script src="/static/js/jquery.min.js"></script>\n'
        f'<script>var _wx = {{biz: "{hashlib.md5(account[1].encode()).hexdigest()[:12]}", '
        f'sn: "{_sn(doc)}", ct: "{calendar.timegm(a.posted_at.timetuple()) - 8 * 3600}"}};'
        "</script>\n"
    )

    # top of the page
    if spec.host == 1:
        doc.tag("chrome-app")
        top = (
            '<div class="m-top"><a class="logo" href="/">'
            f'<img src="/static/img/m-logo.png" alt="{site}" /></a>'
            f'<a class="so" href="/search">{t("搜索")}</a></div>\n'
            f'<div class="open-app"><span>{t("打开")}{site}APP{t("，阅读体验更佳")}</span>'
            f'<a href="gzhwz://n/{_sn(doc)}">{t("打开")}</a></div>\n'
        )
    else:
        nav = "".join(f'<li><a href="/c/{n}">{t(x)}</a></li>' for n, x in enumerate(CATEGORIES))
        top = (
            '<div class="header"><div class="wrap">'
            f'<a class="logo" href="/"><img src="/static/img/logo.png" alt="{site}" /></a>'
            f'<ul class="nav"><li><a href="/">{t("首页")}</a></li>{nav}'
            f'<li><a href="/u/">{t("公众号")}</a></li></ul>'
            '<form class="search" action="/search" method="get">'
            f'<input type="text" name="q" placeholder="{t("搜索文章、公众号")}" />'
            f'<button type="submit">{t("搜索")}</button></form>'
        )
        if spec.host == 0:
            zh = (
                f'<a href="{base}/n/{_sn(doc)}">简体</a> | 繁體'
                if doc.trad
                else f'简体 | <a href="{base}/zh-tw/n/{_sn(doc)}">繁體</a>'
            )
            top += f'<span class="zh">{zh}</span>'
        top += "</div></div>\n"
        if "porn" in spec.spam:
            top += (
                f'<div class="hotsearch wrap">{t("大家都在搜")}：'
                f'<a href="/search?q=hot">{esc(_inject(doc, "porn"))}</a></div>\n'
            )
        category = CATEGORIES.index(account[3]) if account[3] in CATEGORIES else 1
        top += (
            f'<div class="crumb wrap">{t("当前位置")}：<a href="/">{t("首页")}</a> &gt; '
            f'<a href="/c/{category}">{t(account[3])}</a> &gt; '
            f'<a href="/u/{account[1]}">{esc(nickname)}</a> &gt; {t("正文")}</div>\n'
        )

    # the post and what the mirror puts around it
    art = [
        '<div id="img-content" class="rich_media_wrp">',
        f'<h2 class="rich_media_title" id="activity-name">{esc(title)}</h2>',
    ]
    if doc.subtitle:
        art.append(f'<p class="rich_media_subtitle">{esc(doc.subtitle)}</p>')
    art.append(
        '<div id="meta_content" class="rich_media_meta_list">' + " ".join(meta_list) + "</div>"
    )
    if topic:
        art.append(topic)
    if "digest" in spec.chrome:
        doc.tag("chrome-intro")
        art.append(f'<div class="digest"><p>{esc(digest)}…</p></div>')
    if "gambling" in spec.spam:
        art.append(
            '<div class="ad-top"><a href="http://www.yl8866.example/" target="_blank" '
            f'rel="nofollow">{esc(_inject(doc, "gambling"))}</a></div>'
        )
    art.append(f'<div class="rich_media_content" id="js_content">\n{post}\n</div>')
    reads = rng.randint(120, 9800)
    art.append(
        '<div class="rich_media_tool" id="js_toobar">'
        f'<a class="media_tool_meta meta_primary" href="https://mp.weixin.qq.com/s?__biz='
        f'{hashlib.md5(account[1].encode()).hexdigest()[:12]}&amp;sn={_sn(doc)}" '
        f'rel="nofollow" target="_blank">{t("阅读原文")}</a>'
        f'<span class="media_tool_meta">{t("阅读")} {reads}</span>'
        f'<span class="media_tool_meta">{t("在看")} {rng.randint(0, reads // 40)}</span></div>'
    )
    art.append("</div>")
    if tags:
        art.append(tags)
    if "share" in spec.chrome:
        doc.tag("chrome-share")
        art.append(
            f'<div class="share"><span>{t("分享到")}：</span>'
            f'<a class="s-wx" href="javascript:;">{t("微信")}</a>'
            f'<a class="s-wb" href="javascript:;">{t("微博")}</a>'
            f'<a class="s-qz" href="javascript:;">{t("QQ空间")}</a></div>'
        )
    doc.tag("chrome-copyright")
    art.append(
        f'<div class="notice">{t("免责声明")}：'
        + t(
            "本站文章均来自微信公众号，由程序自动收录，版权归原作者及公众号所有。"
            "文章观点不代表本站立场，如有侵权请联系删除。"
        )
        + "</div>"
    )
    first, second = doc.related[0], doc.related[1]
    art.append(
        '<div class="prev-next">'
        f'<p>{t("上一篇")}：<a href="{_link(doc, 0)}">{esc(first.title)}</a></p>'
        f'<p>{t("下一篇")}：<a href="{_link(doc, 1)}">{esc(second.title)}</a></p></div>'
    )
    doc.tag("chrome-related")
    more = "".join(
        f'<li><a href="{_link(doc, 20 + n)}">{esc(r.title)}</a>'
        f'<span class="time">{r.posted[:10]}</span></li>'
        for n, r in enumerate(doc.related[2:])
    )
    art.append(f'<div class="box more"><h3>{t("该公众号其他文章")}</h3><ul>{more}</ul></div>')
    main = '<div class="main">\n' + "\n".join(art) + "\n</div>\n"

    foot = []
    if "linkfarm" in spec.spam:
        farm = _inject(doc, "linkfarm").split(" | ")
        links = " | ".join(
            f'<a href="http://www.{n}wx{n * 7 % 10}.example/" target="_blank">{esc(x)}</a>'
            for n, x in enumerate(farm)
        )
        foot.append(f'<div class="flink wrap"><b>{t("友情链接")}：</b>{links}</div>')
    if "county" in spec.spam:
        names = [n.strip() for n in _inject(doc, "county").split("|") if n.strip()]
        links = "| ".join(f'<a href="/city/{n}">{esc(x)}</a>' for n, x in enumerate(names))
        foot.append(f'<div class="city wrap">{links}|</div>')
    crawled = a.posted_at + timedelta(days=rng.randint(1, 4), hours=rng.randint(1, 20))
    foot.append(
        '<div class="footer"><p>'
        f'<a href="/about">{t("关于我们")}</a> | <a href="/contact">{t("联系我们")}</a> | '
        f'<a href="/remove">{t("删除文章")}</a> | <a href="/sitemap.xml">{t("网站地图")}</a></p>'
        f"<p>Copyright &copy; 2016-2022 {site} {t('版权所有')} {t(ICP[spec.host])}</p>"
        f"<!-- cached {crawled:%Y-%m-%d %H:%M:%S} --></div>"
    )
    if spec.host == 1:
        foot.append(
            f'<div class="m-bottom"><a href="gzhwz://n/{_sn(doc)}">{t("打开APP")}</a>'
            f'<a href="{HOSTS[0][0]}/n/{_sn(doc)}">{t("电脑版")}</a></div>'
        )
    page_body = top + '<div class="container wrap">\n' + main
    if spec.host != 1:
        page_body += _sidebar(doc, account)
    page_body += "</div>\n" + "\n".join(foot) + "\n"
    if spec.host == 2:
        doctype = (
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml">\n'
        )
    else:
        doctype = f'<!DOCTYPE html>\n<html lang="{"zh-Hant" if doc.trad else "zh-CN"}">\n'
    return (
        f"{doctype}<head>\n{head}</head>\n<body>\n{page_body}"
        '<script src="/static/js/app.js"></script>\n</body>\n</html>\n'
    )


# The plan: the pages of this layout and how each shows its article (neutral page
# names, so that a listing of the pages tells nothing about them).
