"""copy-discuz: bulletin boards (Discuz!) whose robot account reposts articles scraped from
the aggregator as threads: the poster's profile between the subject and the post, a
classification table, a thread-type prefix, edit notes, tag links, disclaimers.

The page's parts are named by `Spec.chrome`:

- where the article's data stand: `sort` (the thread's classification table:
  author, journal, issue, keywords given as text), `head` (a byline line at
  the top of the post), `src-head` / `src-tail` (a source line at the top or
  the end of the post), `tags` (the thread's tag links);
- how the post is written: `p` (paragraph markup from a pasted document;
  otherwise lines separated by line breaks);
- extras: `type` (a thread-type prefix before the subject), `edit` (an edit
  note), `attach` (an attached picture), `jammer` (the board's anti-scraping
  strings), `reply` (a reader's reply), `share`, `app`, `copyright`.
"""

from __future__ import annotations

import string
from datetime import datetime, timedelta

from pagekit import RESEARCH, Doc, Spec, declared, esc

# --- the plan ------------------------------------------------------------------------------

PLAN: tuple[Spec, ...] = (
    Spec(
        "gbk-sort-one-author",
        4856451,
        encoding="gbk",
        chrome=("sort", "tags", "edit", "attach", "share"),
    ),
    Spec(
        "big5-joined-spaced",
        5225531,
        label="di",
        traditional=True,
        pinyin_title=True,
        byline="joined",
        author_line="space",
        keywords="spaced",
        encoding="big5",
        header="missing",
        spam=("porn", "county"),
        chrome=("sort", "reply"),
        host=1,
    ),
    Spec(
        "research-gb18030-mojibake",
        4992857,
        label="zero",
        byline="brackets",
        academic=True,
        keywords="body-colon",
        front=RESEARCH,
        encoding="gb18030",
        declared="gbk",
        header="missing",
        mojibake=True,
        chrome=("sort", "p", "copyright"),
    ),
    Spec(
        "anonymous-no-journal",
        4134341,
        label=None,
        byline="anon",
        header="wrong",
        meta="missing",
        spam=("gambling",),
        chrome=("head", "tags", "type", "reply"),
    ),
    Spec(
        "padded-paren-run",
        4543654,
        label="paren",
        byline="none",
        author_line="padded",
        keywords="run",
        encoding="gbk",
        header="missing",
        meta="missing",
        spam=("linkfarm", "hidden"),
        chrome=("sort", "jammer", "edit"),
    ),
    Spec(
        "z-subtitle-wen",
        3648597,  # every combined issue of the corpus is shown elsewhere already
        label="z",
        title="subtitle",
        byline="none",
        author_line="wen",
        meta="wrong",
        spam=("county",),
        chrome=("src-tail", "tags", "type", "app"),
    ),
    Spec(
        "trad-combined-research",
        3648636,  # combined issue, shown elsewhere already
        label="dash",
        traditional=True,
        keywords="body-bracket",
        front=("affiliation", "abstract", "fund"),
        spam=("hidden",),
        chrome=("sort", "p", "share"),
        host=1,
    ),
    Spec(
        "fullwidth-stray-list",
        4683538,
        label="fullwidth",
        byline="list",
        author_line="comma",
        keywords="none",
        stray=True,
        encoding="gbk",
        declared="gb2312",
        meta="wrong",
        spam=("porn",),
        chrome=("sort", "attach", "copyright"),
    ),
    Spec(
        "big5-brief-footnote",
        3800142,
        title="footnote",
        traditional=True,
        encoding="big5",
        header="missing",
        meta="missing",
        spam=("gambling", "hidden"),
        chrome=("src-head", "head", "tags", "jammer"),
        host=1,
    ),
    Spec(
        "three-authors-spaces",
        3700445,
        label="di",
        title="spaces",
        chrome=("sort", "tags", "type", "reply", "share", "app"),
    ),
)


# --- the site ------------------------------------------------------------------------------

HOSTS = (
    ("http://www.rdgzlt.example", "/thread-{id}-1-1.html", "人大工作交流论坛", "期刊选登", 36),
    (
        "http://bbs.mzfz.example",
        "/forum.php?mod=viewthread&tid={id}&extra=page%3D1",
        "民主法政论坛",
        "期刊转载",
        12,
    ),
)
POSTERS = ("admin", "法政资料员")


REPLIES = (
    "感谢楼主分享，学习了！",
    "好文章，收藏了，基层人大工作确实需要这样扎扎实实地做。",
    "写得很实在，值得我们县里借鉴。",
    "顶一个，期待更多这样的期刊文章。",
)
REPLIERS = ("lzxf2016", "清风徐来", "老代表", "rdgz_wang")
SPAMMERS = ("yl8866kf", "hgty_888")
SIGNS = ("学习人大知识，关注人大工作", "依法履职 为民尽责")
JAMMER = string.ascii_letters + string.digits
ACTIVE = ' class="a"'


def url(doc: Doc) -> str:
    host, path, *_ = HOSTS[doc.spec.host]
    return host + path.format(id=doc.article.id)


def _thread(host: int, number: int) -> str:
    if host == 0:
        return f"thread-{number}-1-1.html"
    return f"forum.php?mod=viewthread&amp;tid={number}"


def _stamp(doc: Doc, when: datetime, time: bool = True) -> str:
    """A date as the board prints it: the first host pads month and day, the
    second (the software's default) does not; hours and minutes, no seconds."""
    padded = f"{when:%Y-%m-%d}"
    day = padded if doc.spec.host == 0 else f"{when.year}-{when.month}-{when.day}"
    return f"{day} {when:%H:%M}" if time else day


def _inject(doc: Doc, kind: str) -> str:
    """Spam of `kind`; on a Traditional board the spam is Traditional too."""
    text = doc.inject(kind)
    if doc.trad:
        text = doc.spam[-1] = doc.s(text)
    return text


def _jammer(doc: Doc) -> str:
    """The board's anti-scraping string: random letters and digits, hidden."""
    text = "".join(doc.rng.choice(JAMMER) for _ in range(doc.rng.randint(5, 12)))
    doc.spam.append(text)
    doc.tag("spam-hidden")
    return f'<span style="display:none">{text}</span>'


def _sort_rows(doc: Doc) -> list[tuple[str, str]]:
    """The classification table's rows: (label, value); empty values print `-`."""
    t, spec = doc.s, doc.spec
    keywords = ""
    if spec.keywords == "run":
        keywords = "".join(doc.keywords)
    elif spec.keywords == "spaced":
        keywords = "\u3000".join(doc.keywords)
    if spec.host == 0:
        rows = [
            (t("作者"), doc.byline),
            (t("刊名"), doc.journal_name or ""),
            (t("刊期"), doc.label or ""),
        ]
        if spec.keywords in ("run", "spaced"):
            rows.append((t("关键词"), keywords))
        return rows
    source = f"{doc.journal_name} {doc.label}" if doc.label else ""
    rows = [(t("文章作者"), doc.byline), (t("来源期刊"), source)]
    if spec.keywords in ("run", "spaced"):
        rows.append((t("关键词"), keywords))
    return rows


def _message(doc: Doc, poster: str) -> tuple[str, str]:
    """The post's text (HTML) and its start as plain text (for the description)."""
    spec, t, a = doc.spec, doc.s, doc.article
    chrome = spec.chrome
    lines: list[tuple[str, str]] = []  # (kind, text): head, author, front, heading, paragraph
    if "src-head" in chrome and doc.label:
        lines.append(("head", f"{t('来源')}：《{doc.journal_name}》{doc.label}"))
    if "head" in chrome and doc.byline:
        lines.append(("head", f"{t('作者')}：{doc.byline}"))
        doc.tag("chrome-repeated-author")
    if doc.author_line:
        lines.append(("author", doc.author_line))
    lines += [("front", line) for line in doc.front]
    lines += list(doc.blocks)
    if "src-tail" in chrome and doc.label:
        lines.append(("head", f"（{t('本文原载')}《{doc.journal_name}》{doc.label}）"))
    if "copyright" in chrome:
        doc.tag("chrome-copyright")
        lines.append(
            (
                "head",
                t(
                    "【声明】本帖内容转自网络，版权归原作者及原出处所有，仅供学习交流；"
                    "如有侵权，请联系管理员删除。"
                ),
            )
        )
    plain = "".join(text for _, text in lines)[:150]

    paragraphs = [n for n, (kind, _) in enumerate(lines) if kind == "paragraph"]
    first = paragraphs[0]
    middle = paragraphs[len(paragraphs) // 2]
    jam = set()
    if "jammer" in chrome:
        jam = set(doc.rng.sample(paragraphs, min(len(paragraphs), doc.rng.randint(2, 4))))
    out = []
    if "edit" in chrome:
        edited = a.posted_at + timedelta(
            days=doc.rng.randint(0, 3), hours=doc.rng.randint(1, 9), minutes=doc.rng.randint(0, 59)
        )
        out.append(
            f'<i class="pstatus"> {t("本帖最后由")} {esc(poster)} {t("于")} '
            f"{_stamp(doc, edited)} {t('编辑')} </i><br />\r\n<br />\r\n"
        )
    for n, (kind, text) in enumerate(lines):
        body = esc(text)
        if n in jam:
            body += _jammer(doc)
        if "p" in chrome:
            if kind == "heading":
                out.append(f'<div align="center"><strong>{body}</strong></div>\r\n')
            elif kind == "head":
                out.append(f'<div align="right"><font color="Gray">{body}</font></div>\r\n')
            elif kind == "author":
                out.append(f'<div align="center">{body}</div>\r\n')
            else:
                out.append(
                    '<p style="line-height:30px;text-indent:2em;text-align:left">'
                    f'<font face="宋体"><font style="font-size:16px">{body}</font></font></p>\r\n'
                )
        else:
            if kind == "heading":
                out.append(f"<strong>{body}</strong><br />\r\n<br />\r\n")
            elif kind == "head":
                out.append(f'<font color="Gray">{body}</font><br />\r\n')
            else:
                out.append(f"&nbsp; &nbsp; {body}<br />\r\n<br />\r\n")
        if n == first and "attach" in chrome:
            out.append(_attachment(doc))
        if n == middle and "hidden" in spec.spam:
            out.append(f'<div style="display:none">{esc(_inject(doc, "hidden"))}</div>\r\n')
    return "".join(out), plain


def _attachment(doc: Doc) -> str:
    a, t = doc.article, doc.s
    aid = a.id % 100000 + 20000
    up = a.posted_at - timedelta(minutes=doc.rng.randint(2, 40))
    name = f"{up:%Y%m%d%H%M%S}.jpg"
    size = f"{doc.rng.randint(40, 260)}.{doc.rng.randint(10, 99)} KB"
    return (
        f'<ignore_js_op><img id="aimg_{aid}" aid="{aid}" src="static/image/common/none.gif" '
        f'zoomfile="data/attachment/forum/{up:%Y%m/%d}/{name}" '
        f'file="data/attachment/forum/{up:%Y%m/%d}/{name}" class="zoom" '
        f'onclick="zoom(this, this.src, 0, 0, 0)" width="600" inpost="1" />'
        f'<div class="tip tip_4 aimg_tip" id="aimg_{aid}_menu" '
        'style="position: absolute; display: none" disautofocus="true">'
        f'<div class="xs0"><p><strong>{name}</strong> <em class="xg1">({size}, '
        f"{t('下载次数')}: 0)</em></p>"
        f'<p><a href="forum.php?mod=attachment&amp;aid={aid}&amp;nothumb=yes" '
        f'target="_blank">{t("下载附件")}</a> <a href="javascript:;">{t("保存到相册")}</a></p>'
        f'<p class="xg1 y">{_stamp(doc, up)} {t("上传")}</p></div></div></ignore_js_op><br />\r\n'
    )


def _post(
    doc: Doc, pid: int, user: str, uid: int, group: str, floor: str, when: str, inner: str
) -> str:
    """One post of the thread: the poster's column, the header with the time, the text."""
    t, rng = doc.s, doc.rng
    host, tid = doc.spec.host, doc.article.id
    threads, posts, credits = rng.randint(3, 9000), rng.randint(10, 20000), rng.randint(50, 90000)
    return (
        f'<div id="post_{pid}" >\n'
        f'<table id="pid{pid}" class="plhin" summary="pid{pid}" cellspacing="0" cellpadding="0">\n'
        f'<tr>\n<td class="pls" rowspan="2">\n<div id="favatar{pid}" class="pls favatar">\n'
        f'<div class="pi">\n<div class="authi"><a href="space-uid-{uid}.html" target="_blank" '
        f'class="xw1">{esc(user)}</a>\n</div>\n</div>\n'
        f'<div><div class="avatar"><a href="space-uid-{uid}.html" class="avtm" target="_blank">'
        f'<img src="uc_server/avatar.php?uid={uid}&amp;size=middle" /></a></div></div>\n'
        '<div class="tns xg2"><table cellspacing="0" cellpadding="0"><tr>'
        f'<th><p><a href="home.php?mod=space&amp;uid={uid}&amp;do=thread&amp;type=thread" '
        f'class="xi2">{threads}</a></p>{t("主题")}</th>'
        f'<th><p><a href="home.php?mod=space&amp;uid={uid}&amp;do=thread&amp;type=reply" '
        f'class="xi2">{posts}</a></p>{t("帖子")}</th>'
        f'<td><p><a href="home.php?mod=space&amp;uid={uid}&amp;do=profile" class="xi2">'
        f"{credits}</a></p>{t('积分')}</td></tr></table></div>\n"
        f'<p><em><a href="home.php?mod=spacecp&amp;ac=usergroup&amp;gid=1" target="_blank">'
        f"{t(group)}</a></em></p>\n"
        f'<ul class="xl xl2 o cl"><li class="pm2"><a href="home.php?mod=spacecp&amp;ac=pm&amp;'
        f'op=showmsg&amp;touid={uid}&amp;pmid=0&amp;daterange=2&amp;pid={pid}&amp;tid={tid}" '
        f'title="{t("发消息")}" class="xi2">{t("发消息")}</a></li></ul>\n'
        "</div>\n</td>\n"
        '<td class="plc">\n<div class="pi">\n'
        f'<strong><a href="{_thread(host, tid)}#{pid}" id="postnum{pid}">'
        f"<em>{t(floor)}</em></a></strong>\n"
        '<div class="pti"><div class="pdbt"></div><div class="authi">'
        f'<img class="authicn vm" id="authicon{pid}" src="static/image/common/online_member.gif" />'
        f'\n<em id="authorposton{pid}">{t("发表于")} {when}</em>\n<span class="pipe">|</span>\n'
        f'<a href="forum.php?mod=viewthread&amp;tid={tid}&amp;page=1&amp;authorid={uid}" '
        f'rel="nofollow">{t("只看该作者")}</a>\n</div></div>\n</div>\n'
        f'<div class="pct">{inner}</div>\n</td></tr>\n'
        '<tr><td class="plc plm"></td></tr>\n'
        '<tr><td class="pls"></td><td class="plc"><div class="po hin"><div class="pob cl">'
        f'<em><a class="fastre" href="forum.php?mod=post&amp;action=reply&amp;tid={tid}&amp;'
        f'repquote={pid}">{t("回复")}</a></em>'
        f'<p><a href="javascript:;" class="showmenu">{t("使用道具")}</a> '
        f'<a href="javascript:;">{t("举报")}</a></p></div></div></td></tr>\n'
        "</table>\n</div>\n"
    )


def _first_post(doc: Doc, pid: int, message: str) -> str:
    """What the first post holds: classification table, text, tags, related threads,
    share buttons, signature."""
    spec, t, a = doc.spec, doc.s, doc.article
    host, tid = spec.host, a.id
    parts = ['<div class="pcb">\n']
    if "sort" in spec.chrome:
        rows = "".join(
            f"<tr><th>{esc(label)}:</th><td>{esc(value) if value else '-'}</td></tr>"
            for label, value in _sort_rows(doc)
        )
        caption = t("期刊文章") if host == 0 else t("期刊资料")
        parts.append(
            '<div class="typeoption">\n<table summary="分类信息" cellpadding="0" '
            f'cellspacing="0" class="cgtl mbm">\n<caption>{caption}</caption>\n'
            f"<tbody>{rows}</tbody>\n</table>\n</div>\n"
        )
    if "gambling" in spec.spam and "reply" not in spec.chrome:
        parts.append(
            '<div class="a_pt"><a href="http://www.yl8866.example/" target="_blank">'
            f"{esc(_inject(doc, 'gambling'))}</a></div>\n"
        )
    parts.append(
        '<div class="t_fsz">\n<table cellspacing="0" cellpadding="0"><tr><td class="t_f" '
        f'id="postmessage_{pid}">\r\n{message}</td></tr></table>\n</div>\n'
    )
    if "tags" in spec.chrome and spec.keywords == "links":
        label = "" if host == 0 else f"<em>{esc(doc.keyword_label)}：</em>"
        links = ", ".join(
            f'<a title="{esc(k)}" href="misc.php?mod=tag&amp;id={a.id % 997 + 31 * n}" '
            f'target="_blank">{esc(k)}</a>'
            for n, k in enumerate(doc.keywords)
        )
        parts.append(f'<div class="ptg mbm mtn">{label}{links}</div>\n')
    parts.append(
        f'<div id="comment_{pid}" class="cm"></div>\n<div id="post_rate_div_{pid}"></div>\n'
    )
    parts.append("</div>\n")  # pcb

    doc.tag("chrome-related")
    related = "".join(
        f'<li>&#8226; <a href="{_thread(host, a.id + 17 * (n + 1))}" title="{esc(r.title)}" '
        f'target="_blank">{esc(r.title)}</a></li>'
        for n, r in enumerate(doc.related)
    )
    extra = ""
    if "share" in spec.chrome:
        doc.tag("chrome-share")
        extra += (
            '<div id="p_btn" class="mtw mbm hm cnr cl">'
            f'<a href="home.php?mod=spacecp&amp;ac=favorite&amp;type=thread&amp;id={tid}" '
            f'id="k_favorite"><i><img src="static/image/common/fav.gif" alt="{t("收藏")}" />'
            f'{t("收藏")}<span id="favoritenumber">{doc.rng.randint(0, 40)}</span></i></a>'
            f'<a href="home.php?mod=spacecp&amp;ac=share&amp;type=thread&amp;id={tid}" '
            f'id="k_share"><i><img src="static/image/common/oshr.png" alt="{t("分享")}" />'
            f"{t('分享')}</i></a></div>\n"
            f'<div class="bdsharebuttonbox"><span>{t("分享到")}:</span> '
            f'<a href="#" class="bds_sqq" data-cmd="sqq">{t("QQ好友和群")}</a> '
            f'<a href="#" class="bds_qzone" data-cmd="qzone">{t("QQ空间")}</a> '
            f'<a href="#" class="bds_tqq" data-cmd="tqq">{t("腾讯微博")}</a> '
            f'<a href="#" class="bds_tsina" data-cmd="tsina">{t("新浪微博")}</a></div>\n'
        )
    extra += (
        f'<div class="mtw mbw"><h3 class="pbm mbm bbda">{t("相关帖子")}</h3>'
        f'<ul class="xl xl2 cl">{related}</ul></div>\n'
    )
    if "linkfarm" in spec.spam:
        farm = _inject(doc, "linkfarm").split(" | ")
        sign = " | ".join(
            f'<a href="http://www.{n}fz{n * 3 % 10}.example/" target="_blank">{esc(x)}</a>'
            for n, x in enumerate(farm)
        )
    else:
        sign = esc(t(SIGNS[host]))
    extra += f'<div class="sign" style="max-height:100px;maxHeightIE:100px;">{sign}</div>\n'
    return "".join(parts) + extra


def render(doc: Doc) -> str:
    a, spec, t = doc.article, doc.spec, doc.s
    base, _, site, board, fid = HOSTS[spec.host]
    site, board = t(site), t(board)
    poster = POSTERS[spec.host] if spec.host == 0 else t(POSTERS[spec.host])
    rng = doc.rng
    charset = declared(doc, "meta")
    if doc.byline:
        doc.tag("date-apart")
    message, plain = _message(doc, poster)
    pid = a.id + 2300000 * (spec.host + 1)
    posted = _stamp(doc, a.posted_at, "date-time" in doc.tags)
    first = _first_post(doc, pid, message)

    # the thread's other posts
    others = []
    replies = 0
    when = a.posted_at
    if "reply" in spec.chrome:
        when += timedelta(days=rng.randint(1, 20), hours=rng.randint(0, 12))
        text = t(rng.choice(REPLIES))
        user = rng.choice(REPLIERS)
        others.append(
            _post(
                doc,
                pid + rng.randint(3, 90),
                t(user),
                rng.randint(3000, 90000),
                "注册会员",
                "沙发",
                _stamp(doc, when),
                f'<div class="pcb"><div class="t_fsz"><table cellspacing="0" cellpadding="0">'
                f'<tr><td class="t_f">{esc(text)}</td></tr></table></div></div>',
            )
        )
        replies += 1
        if "gambling" in spec.spam:
            when += timedelta(days=rng.randint(1, 60), hours=rng.randint(0, 12))
            spam = _inject(doc, "gambling")
            others.append(
                _post(
                    doc,
                    pid + rng.randint(100, 900),
                    SPAMMERS[spec.host],
                    rng.randint(90000, 200000),
                    "新手上路",
                    "板凳",
                    _stamp(doc, when),
                    f'<div class="pcb"><div class="t_fsz"><table cellspacing="0" cellpadding="0">'
                    f'<tr><td class="t_f"><a href="http://www.yl8866.example/" target="_blank">'
                    f"{esc(spam)}</a></td></tr></table></div></div>",
                )
            )
            replies += 1
    views = rng.randint(80, 6000)

    head = (
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />\n'
        if charset
        else ""
    )
    in_title = esc(doc.plain_title)
    head += (
        f"<title>{in_title} - {board} - {site} - Powered by Discuz!</title>\n"
        f'<meta name="keywords" content="{in_title}" />\n'
        f'<meta name="description" content=" {esc(plain)} ,{site}" />\n'
        f'<meta name="generator" content="Discuz! X3.{2 - spec.host}" />\n'
        '<meta name="author" content="Discuz! Team and Comsenz UI Team" />\n'
        '<meta name="copyright" content="2001-2013 Comsenz Inc." />\n'
        '<meta name="MSSmartTagsPreventParsing" content="True" />\n'
        '<meta http-equiv="MSThemeCompatible" content="Yes" />\n'
        f'<base href="{base}/" />'
        '<link rel="stylesheet" type="text/css" href="data/cache/style_1_common.css?Q7r" />'
        '<link rel="stylesheet" type="text/css" '
        'href="data/cache/style_1_forum_viewthread.css?Q7r" />'
        "<script type=\"text/javascript\">var STYLEID = '1', STATICURL = 'static/', "
        "IMGDIR = 'static/image/common', VERHASH = 'Q7r', "
        f"charset = '{charset or ''}', discuz_uid = '0', cookiepre = 'Xk3q_2132_', "
        "cookiedomain = '', cookiepath = '/', showusercard = '1', attackevasive = '0', "
        "disallowfloat = 'newthread', "
        f"creditnotice = '1|{t('威望')}|,2|{t('金钱')}|,3|{t('贡献')}|', "
        f"defaultstyle = '', REPORTURL = '', SITEURL = '{base}/', JSPATH = 'data/cache/', "
        "CSSPATH = 'data/cache/style_', DYNAMICURL = '';</script>\n"
        '<script src="data/cache/common.js?Q7r" type="text/javascript"></script>\n'
    )

    top = (
        '<div id="toptb" class="cl">\n<div class="wp">\n<div class="z">'
        f'<a href="javascript:;" onclick="setHomepage(\'{base}/\');">{t("设为首页")}</a>'
        f'<a href="{base}/" onclick="addFavorite(this.href, \'{site}\');return false;">'
        f"{t('收藏本站')}</a></div>\n"
        f'<div class="y"><a id="switchblind" href="javascript:;">{t("开启辅助访问")}</a>'
        f'<a href="forum.php?mobile=yes">{t("手机版")}</a></div>\n</div>\n</div>\n'
        '<div id="hd">\n<div class="wp">\n<div class="hdc cl"><h2>'
        f'<a href="./" title="{site}"><img src="static/image/common/logo.png" alt="{site}" '
        'border="0" /></a></h2>\n'
        '<form method="post" autocomplete="off" id="lsform" action="member.php?mod=logging&amp;'
        'action=login&amp;loginsubmit=yes&amp;infloat=yes&amp;lssubmit=yes">'
        '<div class="fastlg cl"><div class="y pns"><table cellspacing="0" cellpadding="0"><tr>'
        f'<td><label for="ls_username">{t("用户名")}</label></td>'
        '<td><input type="text" name="username" id="ls_username" class="px vm" /></td>'
        f'<td class="fastlg_l"><label for="ls_cookietime"><input type="checkbox" '
        f'name="cookietime" id="ls_cookietime" class="pc" value="2592000" />{t("自动登录")}'
        "</label></td>"
        f'<td>&nbsp;<a href="javascript:;">{t("找回密码")}</a></td></tr>'
        f'<tr><td><label for="ls_password">{t("密码")}</label></td>'
        '<td><input type="password" name="password" id="ls_password" class="px vm" /></td>'
        f'<td class="fastlg_l"><button type="submit" class="pn vm"><em>{t("登录")}</em>'
        f'</button></td><td>&nbsp;<a href="member.php?mod=register" class="xi2 xw1">'
        f"{t('立即注册')}</a></td></tr></table></div></div></form>\n</div>\n"
        '<div id="nv"><ul>'
        + "".join(
            f'<li{ACTIVE if code == "forum.php" else ""} id="mn_{n}">'
            f'<a href="{code}" hidefocus="true">{t(name)}<span>{en}</span></a></li>'
            for n, (code, name, en) in enumerate(
                (
                    ("portal.php", "门户", "Portal"),
                    ("forum.php", "论坛", "BBS"),
                    ("group.php", "群组", "Group"),
                    ("home.php", "家园", "Space"),
                    ("misc.php?mod=ranklist", "排行榜", "Ranklist"),
                )
            )
        )
        + "</ul></div>\n"
        '<div id="scbar" class="scbar cl"><form id="scbar_form" method="post" '
        'action="search.php?searchsubmit=yes" target="_blank">'
        '<input type="text" name="srchtxt" id="scbar_txt" value="" autocomplete="off" />'
        f'<button type="submit" name="searchsubmit" id="scbar_btn" class="pn pnc" '
        f'value="true"><strong class="xi2">{t("搜索")}</strong></button></form>\n'
    )
    if "porn" in spec.spam:
        words = _inject(doc, "porn").split("_")
        doc.spam[-1:] = words
        top += (
            f'<div id="scbar_hot"><strong class="xw1">{t("热搜")}: </strong>'
            + "".join(
                f'<a href="search.php?mod=forum&amp;srchtxt={n}&amp;formhash=7d8a&amp;'
                f'searchsubmit=true&amp;source=hotsearch" target="_blank" class="xi2" '
                f'sc="1">{esc(w)}</a>&nbsp;\n'
                for n, w in enumerate(words)
            )
            + "</div>\n"
        )
    top += "</div>\n</div>\n</div>\n"

    prefix = ""
    if "type" in spec.chrome:
        kind = rng.choice(("转载", "人大期刊", "期刊文章"))
        prefix = (
            f'<a href="forum.php?mod=forumdisplay&amp;fid={fid}&amp;filter=typeid&amp;'
            f'typeid={rng.randint(3, 20)}">[{t(kind)}]</a>'
        )
    subject = esc(doc.title) + (esc(doc.subtitle) if doc.subtitle else "")
    crumbs = (
        f'<div id="pt" class="bm cl"><div class="z"><a href="./" class="nvhm" title="{t("首页")}">'
        f'{site}</a> <em>&raquo;</em> <a href="forum.php">{t("论坛")}</a> <em>&rsaquo;</em> '
        f'<a href="forum-{fid}-1.html">{board}</a> <em>&rsaquo;</em> '
        f'<a href="{_thread(spec.host, a.id)}">{esc(doc.plain_title)}</a></div></div>\n'
    )
    pages_top = (
        '<div id="pgt" class="pgs mbm cl "><div class="pgt"></div>'
        f'<span class="y pgb"><a href="forum-{fid}-1.html">{t("返回列表")}</a></span>'
        f'<a id="newspecial" href="forum.php?mod=post&amp;action=newthread&amp;fid={fid}" '
        f'title="{t("发新帖")}"><img src="static/image/common/pn_post.png" alt="{t("发新帖")}" />'
        "</a></div>\n"
    )
    header = (
        '<table cellspacing="0" cellpadding="0"><tr><td class="pls ptn pbn">'
        f'<div class="hm ptn"><span class="xg1">{t("查看")}:</span> <span class="xi1">{views}'
        f'</span><span class="pipe">|</span><span class="xg1">{t("回复")}:</span> '
        f'<span class="xi1">{replies}</span></div></td>'
        f'<td class="plc ptm pbn vwthd"><h1 class="ts">{prefix}'
        f'<span id="thread_subject">{subject}</span></h1>'
        f'<span class="xg1"><a href="{_thread(spec.host, a.id)}" '
        f"onclick=\"return copyThreadUrl(this, '{site}')\">[{t('复制链接')}]</a></span>"
        "</td></tr></table>\n"
    )
    first_post = _post(
        doc,
        pid,
        poster,
        1 if spec.host == 0 else 2,
        "管理员",
        "楼主",
        posted,
        first,
    )
    foot = []
    if "app" in spec.chrome:
        doc.tag("chrome-app")
        foot.append(
            '<div class="appdl wp cl"><img src="static/image/common/qrcode_app.png" width="90" '
            f'height="90" alt="" /><p>{t("扫一扫，下载论坛APP")}</p>'
            f'<p><a href="plugin.php?id=mobile:download">{t("打开APP，随时随地看帖")}</a></p></div>'
        )
    quick = (
        '<div id="f_pst" class="pl bm bmw"><form method="post" autocomplete="off" id="fastpostform"'
        f' action="forum.php?mod=post&amp;action=reply&amp;fid={fid}&amp;tid={a.id}">'
        f'<table cellspacing="0" cellpadding="0"><tr><td class="pls"></td><td class="plc">'
        f'<div class="pt hm">{t("您需要登录后才可以回帖")} <a href="member.php?mod=logging&amp;'
        f'action=login" class="xi2">{t("登录")}</a> | <a href="member.php?mod=register" '
        f'class="xi2">{t("立即注册")}</a></div></td></tr></table></form></div>\n'
    )
    if "county" in spec.spam:
        names = [n.strip() for n in _inject(doc, "county").split("|") if n.strip()]
        links = "| ".join(
            f'<a href="plugin.php?id=city&amp;c={n}">{esc(x)}</a>' for n, x in enumerate(names)
        )
        foot.append(f'<div class="wp cl city">{links}|</div>')
    licence = (
        ' ( <a href="http://www.miitbeian.gov.cn/" target="_blank">'
        f"京ICP备{rng.randint(10000000, 19999999)}号-1</a> )"
        if spec.host == 0
        else f' ( <a href="mailto:service@mzfz.example">{t("联系我们")}</a> )'
    )
    now = datetime(
        2022, rng.randint(1, 6), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59)
    )
    foot.append(
        '<div id="ft" class="wp cl">\n<div id="flk" class="y">\n<p>'
        f'<a href="archiver/">Archiver</a><span class="pipe">|</span>'
        f'<a href="forum.php?mobile=yes">{t("手机版")}</a><span class="pipe">|</span>'
        f'<a href="forum.php?mod=misc&amp;action=showdarkroom">{t("小黑屋")}</a>'
        f'<span class="pipe">|</span><strong><a href="{base}/" target="_blank">{site}</a>'
        f"</strong>{licence}</p>\n"
        f'<p class="xs0">GMT+8, {_stamp(doc, now)}<span id="debuginfo">, Processed in '
        f"0.0{rng.randint(20000, 99999)} second(s), {rng.randint(12, 40)} queries.</span></p>\n"
        "</div>\n"
        '<div id="frt">\n<p>Powered by <strong><a href="http://www.discuz.net" target="_blank">'
        f"Discuz!</a></strong> <em>X3.{2 - spec.host}</em></p>\n"
        '<p class="xs0">&copy; 2001-2013 <a href="http://www.comsenz.com" target="_blank">'
        "Comsenz Inc.</a></p>\n</div>\n</div>"
    )
    return (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml">\n'
        f"<head>\n{head}</head>\n\n"
        '<body id="nv_forum" class="pg_viewthread" onkeydown="if(event.keyCode==27) '
        'return false;">\n<div id="append_parent"></div><div id="ajaxwaitid"></div>\n'
        f"{top}"
        f'<div id="wp" class="wp">\n{crumbs}<div id="ct" class="wp cl">\n{pages_top}'
        f'<div id="postlist" class="pl bm">\n{header}'
        f"{first_post}{''.join(others)}"
        '<div id="postlistreply" class="pl"><div id="post_new" class="viewthread_table" '
        'style="display: none"></div></div>\n</div>\n'
        f'<div class="pgs mtm mbm cl"><span class="pgb y"><a href="forum-{fid}-1.html">'
        f"{t('返回列表')}</a></span></div>\n{quick}</div>\n</div>\n"
        + "\n".join(foot)
        + "\n</body>\n</html>\n"
    )
