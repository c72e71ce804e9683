"""copy-periodical-portal: a periodical-copy portal reposting journal articles: an
information line with labels, pipes or brackets, the journal and issue in it, on a line
of their own or after the text, editor lines, QR and app prompts, share buttons,
disclaimers, comment forms.

The page's parts are named by `Spec.chrome`:

- the information line: `labels`, `pipe` or `bracket`; `cn-date` writes the date
  the Chinese way;
- where the journal and issue stand: `src-info` (in the information line),
  `src-block` (a line of their own), `src-tail` (after the text);
- extras: `editor`, `qr`, `share`, `copyright`, `comments`, `img`.
"""

from __future__ import annotations

from pagekit import RESEARCH, Doc, Spec, declared, esc

# --- the plan ------------------------------------------------------------------------------

PLAN: tuple[Spec, ...] = (
    Spec(
        "gbk-editor",
        4184836,
        encoding="gbk",
        declared="GBK",
        chrome=("labels", "src-info", "editor", "qr", "share"),
    ),
    Spec(
        "big5-header-wrong",
        4197559,
        label="di",
        traditional=True,
        byline="joined",
        author_line="space",
        pinyin_title=True,
        encoding="big5",
        header="wrong",
        spam=("porn", "county"),
        chrome=("pipe", "src-block", "share"),
        host=1,
    ),
    Spec(
        "research-front",
        4870324,
        label="paren",
        byline="brackets",
        academic=True,
        keywords="body-colon",
        front=RESEARCH,
        encoding="gb18030",
        declared="gb2312",
        header="missing",
        chrome=("labels", "src-block", "copyright"),
    ),
    Spec(
        "anonymous-no-source",
        3995152,
        label=None,
        byline="anon",
        keywords="run",
        header="missing",
        meta="wrong",
        spam=("gambling",),
        chrome=("bracket", "qr"),
        host=1,
    ),
    Spec(
        "interview-subtitle",
        4816355,
        label="di",
        title="subtitle",
        keywords="none",
        author_line="wen",
        chrome=("bracket", "cn-date", "src-tail", "editor", "comments"),
    ),
    Spec(
        "padded-fullwidth",
        4719704,
        label="fullwidth",
        byline="none",
        author_line="padded",
        keywords="spaced",
        fullwidth_date=True,
        encoding="gbk",
        header="missing",
        meta="missing",
        spam=("linkfarm", "hidden"),
        chrome=("pipe", "src-info"),
        host=1,
    ),
    Spec(
        "combined-mojibake",
        3648571,  # every combined issue of the corpus is shown elsewhere already
        label="dash",
        mojibake=True,
        meta="missing",
        spam=("gambling", "tag"),
        chrome=("labels", "src-tail", "share", "qr", "copyright"),
    ),
    Spec(
        "footnote-stray",
        4598610,
        label="zero",
        title="footnote",
        byline="list",
        author_line="comma",
        stray=True,
        encoding="gbk",
        meta="wrong",
        spam=("porn", "county"),
        chrome=("bracket", "src-info", "img"),
        host=1,
    ),
    Spec(
        "big5-research",
        4447366,
        label="di",
        traditional=True,
        keywords="body-bracket",
        front=("affiliation", "abstract", "fund"),
        pinyin_title=True,
        encoding="big5",
        header="missing",
        spam=("porn", "hidden"),
        chrome=("labels", "cn-date", "src-block", "copyright"),
    ),
    Spec(
        "brief-circle",
        3799153,
        label="zero",
        author_line="circle",
        header="wrong",
        chrome=("pipe", "src-tail", "qr", "share"),
    ),
)


# Hard pages (`hardset.COPIES`, README.md "The hard pages"): the keyword line run together
# from nested tags, names run together with a padded one, no journal line, a text cut.
HARD: tuple[Spec, ...] = (
    Spec(
        "hard-sessions",
        6500201,
        byline="padded-run",
        keywords="run",
        chrome=("labels", "src-info"),
    ),
    Spec(
        "hard-liaison-cut-no-journal",
        6500202,
        label=None,
        byline="padded-run",
        keywords="run",
        cut=0.6,
        chrome=("pipe", "share"),
        host=1,
    ),
    Spec(
        "hard-rules",
        6500203,
        label="di",
        byline="padded-run",
        keywords="run",
        encoding="gbk",
        chrome=("bracket", "src-block"),
    ),
    Spec(
        "hard-openness-no-journal",
        6500204,
        label=None,
        keywords="run",
        encoding="gbk",
        chrome=("labels", "qr"),
    ),
    Spec(
        "hard-constitutionality-no-journal",
        6500205,
        label=None,
        byline="padded-run",
        keywords="run",
        chrome=("pipe",),
        host=1,
    ),
    Spec(
        "hard-review-no-journal",
        6500206,
        label=None,
        keywords="run",
        chrome=("labels", "editor"),
    ),
    Spec(
        "hard-emergencies-markup-cut",
        6500207,
        keywords="run",
        keyword_junk=True,
        cut=0.6,
        chrome=("labels", "src-tail", "copyright"),
    ),
)


# --- the site ------------------------------------------------------------------------------

HOSTS = (
    ("http://www.dfrdwk.example", "/content/{posted:%Y-%m/%d}/content_{id}.htm", "地方人大文库"),
    ("http://www.fzqkw.example", "/html/qkxd/{id}.html", "法治期刊网"),
)
EDITORS = ("王晓雯", "李俊峰", "张倩", "周立新", "陈思远")


def _inject(doc: Doc, kind: str) -> str:
    """Spam of `kind`; on a Traditional page the site's spam is Traditional too."""
    text = doc.inject(kind)
    if doc.trad:
        text = doc.spam[-1] = doc.s(text)
    return text


def url(doc: Doc) -> str:
    host, path, _ = HOSTS[doc.spec.host]
    return host + path.format(posted=doc.article.posted_at, id=doc.article.id)


def _date(doc: Doc) -> str:
    """The posting date as the information line prints it."""
    a = doc.article
    if "cn-date" in doc.spec.chrome and not doc.spec.fullwidth_date:
        text = f"{a.posted_at:%Y年%m月%d日}"
        if "date-time" in doc.tags:
            text += f" {a.posted_at:%H:%M}"
        return esc(doc.s(text))
    return esc(doc.date)


def _info(doc: Doc) -> str:
    t, chrome = doc.s, doc.spec.chrome
    date = _date(doc)
    journal, label = esc(doc.journal_name or ""), esc(doc.label or "")
    src = doc.label is not None and "src-info" in chrome
    if doc.byline:
        doc.tag("date-apart")
    if "pipe" in chrome:
        parts = [f'<span class="au">{esc(doc.byline)}</span>'] if doc.byline else []
        parts.append(f'<span class="tm">{date}</span>')
        if src:
            parts.append(f'<span class="ly">《{journal}》{label}</span>')
        parts.append(
            f'<span class="zh">{t("字号")}：<a href="javascript:doZoom(18)">{t("大")}</a> '
            f'<a href="javascript:doZoom(16)">{t("中")}</a> '
            f'<a href="javascript:doZoom(14)">{t("小")}</a></span>'
        )
        return '<p class="art_meta">' + "&nbsp;|&nbsp;".join(parts) + "</p>"
    if "bracket" in chrome:
        parts = [f"【{t('发布时间')}：{date}】"]
        if doc.byline:
            parts.append(f"【{t('作者')}：{esc(doc.byline)}】")
        if src:
            parts.append(f"【{t('来源')}：{journal}{label}】")
        parts.append(
            f'【{t("字体")}：<a href="javascript:fontZoom(16)">{t("大")}</a> '
            f'<a href="javascript:fontZoom(14)">{t("中")}</a> '
            f'<a href="javascript:fontZoom(12)">{t("小")}</a>】'
            f'【<a href="javascript:window.print()">{t("打印")}</a>】'
        )
        return '<div class="art_attr">' + "".join(parts) + "</div>"
    parts = [f"<span>{t('发布日期')}：{date}</span>"]
    if doc.byline:
        parts.append(f"<span>{t('作者')}：{esc(doc.byline)}</span>")
    if src:
        parts.append(f"<span>{t('来源')}：{journal} {label}</span>")
    parts.append(
        f'<span>{t("浏览次数")}：<script src="/count.aspx?id={doc.article.id}"></script></span>'
    )
    return '<div class="art_attr">' + "".join(parts) + "</div>"


def _content(doc: Doc) -> str:
    spec, a = doc.spec, doc.article
    paras = []
    if doc.author_line:
        paras.append(f'<p align="center">{esc(doc.author_line)}</p>')
    paras += [f'<p style="text-indent:2em">{esc(line)}</p>' for line in doc.front]
    paragraphs = [n for n, (kind, _) in enumerate(doc.blocks) if kind == "paragraph"]
    middle = paragraphs[len(paragraphs) // 2]
    for n, (kind, text) in enumerate(doc.blocks):
        if kind == "heading":
            paras.append(f'<p align="center"><b>{esc(text)}</b></p>')
        else:
            paras.append(f'<p style="text-indent:2em">{esc(text)}</p>')
        if n == 0 and "img" in spec.chrome:
            paras.append(
                f'<p align="center"><img src="/uploads/{a.posted_at:%Y%m}/{a.id}_1.jpg" '
                'border="0" width="560" /></p>'
            )
        if n == middle and "hidden" in spec.spam:
            style = "DISPLAY: none" if doc.trad else "display: none;"
            paras.append(f'<div style="{style}">{esc(_inject(doc, "hidden"))}</div>')
    if "tag" in spec.spam:
        paras.append(f"<p>{esc(_inject(doc, 'tag'))}</p>")
    return '<div id="zoom" class="art_con">\n' + "\n".join(paras) + "\n</div>"


def _keywords(doc: Doc) -> str:
    style, label = doc.spec.keywords, esc(doc.keyword_label)
    if style == "links":
        links = "，".join(
            f'<a href="/search.aspx?t=kw&amp;k={n}" target="_blank">{esc(k)}</a>'
            for n, k in enumerate(doc.keywords)
        )
        return f'<div class="art_kw">{label}：{links}</div>'
    if style == "run":
        return f'<div class="art_kw">{label}：{esc("".join(doc.keywords))}</div>'
    if style == "spaced":
        return f'<div class="art_kw">{label}：{esc(chr(0x3000).join(doc.keywords))}</div>'
    return ""


def render(doc: Doc) -> str:
    j, a, spec, t = doc.journal, doc.article, doc.spec, doc.s
    _, _, site = HOSTS[spec.host]
    site = t(site)
    charset = declared(doc, "meta")
    if spec.host == 0:
        doctype = (
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml">\n'
        )
        head = (
            f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />\n'
            if charset
            else ""
        )
    else:
        doctype = "<!DOCTYPE html>\n<html>\n"
        head = f'<meta charset="{charset}">\n' if charset else ""
    in_title = f"_{esc(doc.journal_name)}" if doc.journal_name else ""
    head += (
        '<meta http-equiv="X-UA-Compatible" content="IE=edge" />\n'
        f"<title>{esc(doc.plain_title)}{in_title}_{site}</title>\n"
    )
    if spec.host == 0:
        head += (
            f'<meta name="ArticleTitle" content="{esc(doc.plain_title)}" />\n'
            f'<meta name="PubDate" content="{a.posted_at:%Y-%m-%d %H:%M}" />\n'
        )
    head += (
        '<link href="/css/common.css" rel="stylesheet" type="text/css" />\n'
        '<link href="/css/article.css" rel="stylesheet" type="text/css" />\n'
        '<script type="text/javascript" src="/js/jquery-1.8.3.min.js"></script>\n'
    )

    top = (
        f'<div class="top"><div class="wrap"><span class="fl">{t("您好，欢迎访问")}{site}！</span>'
        f'<span class="fr"><a href="/member/login.aspx">{t("登录")}</a> | '
        f'<a href="/member/reg.aspx">{t("注册")}</a> | <a href="/m/">{t("手机版")}</a></span>'
        "</div></div>\n"
        '<div class="head wrap"><a class="logo" href="/">'
        f'<img src="/images/logo.png" alt="{site}" /></a>'
        '<form class="sobox" action="/search.aspx" method="get"><select name="t">'
        f'<option value="bt">{t("标题")}</option><option value="zz">{t("作者")}</option>'
        f'<option value="km">{t("刊名")}</option></select>'
        '<input type="text" name="k" class="txt" />'
        f'<input type="submit" value="{t("检索")}" class="btn" /></form></div>\n'
        '<div class="nav"><div class="wrap">'
        + "".join(
            f'<a href="/{code}">{t(name)}</a>'
            for code, name in (
                ("", "首页"),
                ("rdzd/", "人大制度"),
                ("lfgz/", "立法工作"),
                ("jdgz/", "监督工作"),
                ("dbgz/", "代表工作"),
                ("kwxd/", "刊物选登"),
                ("llyj/", "理论研究"),
            )
        )
        + "</div></div>\n"
    )
    if "porn" in spec.spam:
        top += (
            f'<div class="hotkey wrap">{t("热门搜索")}：'
            f'<a href="/search.aspx?k=hot">{esc(_inject(doc, "porn"))}</a></div>\n'
        )

    art = []
    title = esc(doc.title)
    if spec.host == 0:
        art.append(f'<h1 class="art_tit">{title}</h1>')
    else:
        art.append(f'<div class="art_tit">{title}</div>')
    if doc.subtitle:
        art.append(f'<div class="art_ftit">{esc(doc.subtitle)}</div>')
    art.append(_info(doc))
    if doc.label is not None and "src-block" in spec.chrome:
        art.append(
            f'<div class="art_qk">{t("刊名")}：<a href="/qk/{j.code}/">'
            f"{esc(doc.journal_name or '')}</a>　　{t('刊期')}：{esc(doc.label)}</div>"
        )
    if "gambling" in spec.spam:
        art.append(
            '<div class="art_ad"><a href="http://www.yl8866.example/" target="_blank">'
            f"{esc(_inject(doc, 'gambling'))}</a></div>"
        )
    art.append(_content(doc))
    if doc.label is not None and "src-tail" in spec.chrome:
        art.append(
            f'<p class="art_from">（{t("原载")}《{esc(doc.journal_name or "")}》'
            f"{esc(doc.label)}）</p>"
        )
    if "editor" in spec.chrome:
        editor = doc.rng.choice([e for e in EDITORS if e not in a.authors])
        art.append(f'<div class="art_editor">（{t("责任编辑")}：{t(editor)}）</div>')
    keywords = _keywords(doc)
    if keywords:
        art.append(keywords)
    if "share" in spec.chrome:
        doc.tag("chrome-share")
        art.append(
            f'<div class="bdsharebuttonbox"><span>{t("分享到")}：</span>'
            f'<a href="#" class="bds_weixin" data-cmd="weixin" title="{t("分享到微信")}"></a>'
            f'<a href="#" class="bds_tsina" data-cmd="tsina" title="{t("分享到新浪微博")}"></a>'
            f'<a href="#" class="bds_sqq" data-cmd="sqq" title="{t("分享到QQ好友")}"></a>'
            f'<a href="#" class="bds_qzone" data-cmd="qzone" title="{t("分享到QQ空间")}"></a>'
            "</div>"
        )
    if "qr" in spec.chrome:
        doc.tag("chrome-app")
        art.append(
            '<div class="art_ewm"><img src="/images/ewm.png" width="100" height="100" alt="" />'
            f"<p>{t('扫一扫在手机打开当前页')}</p>"
            f'<p><a href="/app/">{t("下载客户端")}</a>{t("，随时随地阅读")}</p></div>'
        )
    if "copyright" in spec.chrome:
        doc.tag("chrome-copyright")
        art.append(
            f'<div class="art_sm">{t("免责声明")}：'
            + t(
                "本站文章转载自网络，仅供学习交流，不代表本站观点，版权归原作者及原出处所有。"
                "如涉及版权问题，请与本站联系，我们将及时删除。"
            )
            + "</div>"
        )
    first, second = doc.related[0], doc.related[1]
    art.append(
        '<div class="art_page">'
        f'<p>{t("上一篇")}：<a href="/html/qkxd/{a.id - 7}.html">{esc(first.title)}</a></p>'
        f'<p>{t("下一篇")}：<a href="/html/qkxd/{a.id + 3}.html">{esc(second.title)}</a></p>'
        "</div>"
    )

    doc.tag("chrome-related")
    related = "".join(
        f'<li><a href="/html/qkxd/{a.id + 13 * (n + 1)}.html" target="_blank">{esc(r.title)}</a>'
        f"<span>{r.posted[:10]}</span></li>"
        for n, r in enumerate(doc.related[2:])
    )
    left = (
        '<div class="art_box">\n'
        + "\n".join(art)
        + "\n</div>\n"
        + f'<div class="xgyd"><div class="xgyd_t">{t("相关阅读")}</div><ul>{related}</ul></div>\n'
    )
    if "comments" in spec.chrome:
        left += (
            f'<div class="pinglun"><div class="pl_t">{t("网友评论")}</div>'
            f'<p>{t("已有")}<em>0</em>{t("条评论")}，<a href="#">{t("查看全部")}</a></p>'
            '<textarea name="content" rows="5" cols="60"></textarea>'
            f'<p>{t("验证码")}：<input type="text" name="code" size="6" />'
            '<img src="/code.aspx" alt="" /> '
            f'<input type="submit" value="{t("发表评论")}" /></p></div>\n'
        )
    hot = "".join(
        f'<li><em>{n + 1}</em><a href="/html/qkxd/{a.id - 29 * (n + 1)}.html">'
        f"{esc(r.title[:15])}</a></li>"
        for n, r in enumerate(doc.related[:6])
    )
    right = (
        f'<div class="rbox"><h3>{t("热点排行")}</h3><ul class="phb">{hot}</ul></div>\n'
        f'<div class="rbox"><h3>{t("刊物导航")}</h3><ul>'
        + "".join(
            f'<li><a href="/qk/{code}/">{t(name)}</a></li>'
            for code, name in (
                ("zgrd", "中国人大"),
                ("rdyj", "人大研究"),
                ("rmzs", "人民之声"),
                ("dfrd", "地方人大建设"),
                ("mzfz", "民主法制建设"),
            )
        )
        + "</ul></div>\n"
    )
    foot = []
    if "linkfarm" in spec.spam:
        farm = _inject(doc, "linkfarm").split(" | ")
        links = " | ".join(
            f'<a href="http://www{n}.hao{n * 7 % 10}.example/" target="_blank">{esc(x)}</a>'
            for n, x in enumerate(farm)
        )
        foot.append(f'<div class="flink wrap"><b>{t("友情链接")}：</b>{links}</div>')
    if "county" in spec.spam:
        names = [n.strip() for n in _inject(doc, "county").split("|") if n.strip()]
        links = "| ".join(f'<a href="/area/{n}.html">{esc(x)}</a>' for n, x in enumerate(names))
        foot.append(f'<div class="area wrap">{links}|</div>')
    foot.append(
        f'<div class="footer"><p><a href="/about/">{t("关于我们")}</a> | '
        f'<a href="/contact/">{t("联系方式")}</a> | <a href="/sitemap/">{t("网站地图")}</a> | '
        f'<a href="/statement/">{t("免责声明")}</a></p>'
        f"<p>Copyright &copy; 2013-2022 {site} {t('版权所有')}</p>"
        f"<p>{t('京ICP备13041276号-2')}</p></div>"
    )
    return (
        f"{doctype}<head>\n{head}</head>\n<body>\n{top}"
        f'<div class="main wrap">\n<div class="position">{t("当前位置")}：'
        f'<a href="/">{t("首页")}</a> &gt; <a href="/kwxd/">{t("刊物选登")}</a> &gt; '
        f"{t('正文')}</div>\n"
        f'<div class="left">\n{left}</div>\n<div class="right">\n{right}</div>\n</div>\n'
        + "\n".join(foot)
        + "\n</body>\n</html>\n"
    )
