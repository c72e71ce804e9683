"""copy-trad: a copy site in Traditional script (in the manner of the seed page): SEO spam
above and below the article, inline pinyin, tags printed as text, hidden spam, bullets
before the header lines; UTF-8 or Big5 bytes.
"""

from __future__ import annotations

from pagekit import Doc, Spec, declared, esc

# --- the plan ------------------------------------------------------------------------------

PLAN: tuple[Spec, ...] = (
    Spec(
        "seed-like",
        5108189,
        author_line="space",
        pinyin_title=True,
        spam=("porn", "stray-mark", "county"),
        mojibake=True,
    ),
    Spec(
        "big5-title-spaces",
        5031873,
        title="spaces",
        byline="joined",
        author_line="space",
        encoding="big5",
        spam=("gambling", "hidden"),
        host=1,
    ),
    Spec(
        "big5-no-charset",
        4199275,
        byline="joined",
        author_line="comma",
        encoding="big5",
        header="missing",
        meta="missing",
        spam=("county", "tag"),
        host=1,
    ),
    Spec(
        "keywords-run-mojibake",
        4197552,
        keywords="run",
        byline="joined",
        author_line="space",
        meta="missing",
        spam=("bullets", "porn"),
        mojibake=True,
        pinyin_title=True,
    ),
    Spec(
        "combined-slash",
        5656286,
        label="slash",
        author_line="wen",
        spam=("linkfarm", "gambling"),
        chrome=("copyright",),
    ),
    Spec(
        "research-keywords-bracket",
        3415738,
        keywords="body-bracket",
        front=("title-authors", "affiliation", "abstract", "bio"),
        academic=True,
        spam=("porn",),
    ),
    Spec(
        "big5-subtitle-paren",
        4250550,
        label="paren",
        title="subtitle",
        byline="joined",
        author_line="comma",
        encoding="big5",
        header="missing",
        spam=("hidden-inline", "tag-wrap"),
        host=1,
    ),
    Spec(
        "footnote-fullwidth-date",
        3819677,
        label="di",
        title="footnote",
        keywords="none",
        fullwidth_date=True,
        header="wrong",
        spam=("gambling", "bullets"),
    ),
    Spec(
        "qa-mojibake",
        5544701,
        byline="joined",
        author_line="space",
        mojibake=True,
        spam=("county",),
        chrome=("copyright",),
    ),
    Spec(
        "no-authors-no-charset",
        4658172,
        label="di",
        header="missing",
        meta="missing",
        spam=("county", "hidden"),
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
        spam=("porn",),
    ),
    Spec(
        "hard-liaison-cut",
        6500202,
        byline="padded-run",
        keywords="run",
        cut=0.6,
        encoding="big5",
        host=1,
    ),
    Spec(
        "hard-rules-no-journal",
        6500203,
        label=None,
        byline="padded-run",
        keywords="run",
        spam=("county",),
    ),
    Spec("hard-openness", 6500204, keywords="run", encoding="big5", spam=("hidden",), host=1),
    Spec(
        "hard-constitutionality-no-journal",
        6500205,
        label=None,
        byline="padded-run",
        keywords="run",
        spam=("gambling",),
    ),
    Spec("hard-review-cut-no-journal", 6500206, label=None, keywords="run", cut=0.6),
    Spec(
        "hard-emergencies-markup",
        6500207,
        keywords="run",
        keyword_junk=True,
        spam=("bullets",),
    ),
)


# --- the site ------------------------------------------------------------------------------

HOSTS = (
    ("http://www.twqikan.example", "/qikan/{posted:%Y/%m%d}/{id}.html"),
    ("http://big5.qkread.example", "/html/{id}.html"),
)


def url(doc: Doc) -> str:
    host, path = HOSTS[doc.spec.host]
    return host + path.format(posted=doc.article.posted_at, id=doc.article.id)


def _closing(tag: str) -> str:
    return "</" + tag[1:].split()[0].rstrip(">") + ">"


def render(doc: Doc) -> str:
    j, a, spec = doc.journal, doc.article, doc.spec
    charset = declared(doc, "meta")
    head = f'<meta charset="{charset}">' if charset else ""
    head += f"<title>{esc(doc.plain_title)}_期刊論文_在線閱讀</title>"
    head += '<meta name="keywords" content="期刊,論文,雜誌,在線閱讀">'

    top = []
    for kind in ("porn", "gambling"):
        if kind in spec.spam:
            top.append(f'<h2 class="qk-seo">{esc(doc.inject(kind))}</h2>')
    if "stray-mark" in spec.spam:
        top.append("<p>?</p>")

    bullet_title = bullet_date = ""
    if "bullets" in spec.spam:
        bullet_title, bullet_date = "●&nbsp;", "&nbsp;&nbsp;·"
        doc.tag("spam-bullets")
    header = [f'<h1 class="qk-title">{bullet_title}{esc(doc.title)}</h1>']
    if doc.subtitle:
        header.append(f'<h2 class="qk-sub">{esc(doc.subtitle)}</h2>')
    header.append(f'<div class="qk-info">{bullet_date}{esc(doc.date)}{esc(doc.byline)}</div>')
    if doc.byline:
        doc.tag("date-joined-author")
    if doc.label:
        header.append(
            f'<div class="qk-from"><a href="/qikan/{j.code}/">{esc(doc.journal_name or "")}</a> '
            f'<a href="/qikan/{j.code}/{doc.issue.year}/">{esc(doc.label)}</a></div>'
        )
    if spec.keywords == "links":
        links = "".join(f'<a href="/tag/{n}/">{esc(k)}</a>' for n, k in enumerate(doc.keywords))
        header.append(f'<div class="qk-kw">{esc(doc.keyword_label)}:{links}</div>')
    elif spec.keywords == "run":
        header.append(
            f'<div class="qk-kw">{esc(doc.keyword_label)}:{esc("".join(doc.keywords))}</div>'
        )

    body = []
    if "tag" in spec.spam:
        body.append(f"<p>{esc(doc.inject('tag'))}</p>")
    if doc.author_line:
        body.append(f"<p>{esc(doc.author_line)}</p>")
    body += [f"<p>{esc(line)}</p>" for line in doc.front]
    paragraphs = [n for n, (kind, _) in enumerate(doc.blocks) if kind == "paragraph"]
    middle = paragraphs[len(paragraphs) // 2]
    inline_at = paragraphs[max(0, len(paragraphs) // 2 - 1)]
    for n, (kind, text) in enumerate(doc.blocks):
        if kind == "heading":
            body.append(f"<p><strong>{esc(text)}</strong></p>")
            continue
        if n == inline_at and "hidden-inline" in spec.spam:
            cut = text.find("。") + 1 or len(text) // 2
            hidden = f'<span style="display:none">{esc(doc.inject("hidden"))}</span>'
            body.append(f"<p>{esc(text[:cut])}{hidden}{esc(text[cut:])}</p>")
        else:
            body.append(f"<p>{esc(text)}</p>")
        if n == middle and "hidden" in spec.spam:
            body.append(f'<div style="display:none">{esc(doc.inject("hidden"))}</div>')
        if n == middle and "tag-wrap" in spec.spam:
            opening = doc.inject("tag")
            closing = _closing(opening)
            doc.spam.append(closing)
            body.append(f"<p>{esc(opening)}{esc(doc.inject('gambling'))}{esc(closing)}</p>")
    if "copyright" in spec.chrome:
        body.append("<p>本文系轉載自網絡，版權歸原作者所有，如有侵權請聯繫本站刪除。</p>")
        doc.tag("chrome-copyright")

    doc.tag("chrome-related")
    items = "".join(
        f'<li><a href="/qikan/like/{a.id + n + 1}.html">{esc(r.title)}</a>'
        f"<p>{esc(r.journal)}({esc(r.label)}){r.posted}</p></li>"
        for n, r in enumerate(doc.related)
    )
    keywords_strip = esc("".join(doc.keywords[:3])) if doc.keywords else esc(doc.plain_title)
    below = [
        f'<div class="qk-like"><h3>猜你喜歡</h3><div class="qk-like-kw">{keywords_strip}</div>'
        f"<ul>{items}</ul></div>"
    ]
    if "linkfarm" in spec.spam:
        farm = doc.inject("linkfarm").split(" | ")
        links = " | ".join(
            f'<a href="http://{n}.lnk.example/">{esc(t)}</a>' for n, t in enumerate(farm)
        )
        below.append(f'<div class="qk-link">友情鏈接：{links}</div>')
    if "county" in spec.spam:
        names = [n.strip() for n in doc.inject("county").split("|") if n.strip()]
        links = "| ".join(f'<a href="/city/{n}/">{esc(name)}</a>' for n, name in enumerate(names))
        below.append(f'<div class="qk-city">{links}|</div>')

    main = "\n".join(top + header) + '\n<div class="qk-txt">\n' + "\n".join(body) + "\n</div>\n"
    return (
        f'<!DOCTYPE html>\n<html lang="zh-Hant"><head>{head}</head><body>\n'
        '<div id="hd"><a href="/">首頁</a> <a href="/qikan/">期刊導航</a> '
        '<a href="/lunwen/">論文範文</a> <a href="/tougao/">投稿指南</a></div>\n'
        f'<div id="wrap"><div class="qk-main">\n{main}' + "\n".join(below) + "\n</div></div>\n"
        '<div id="ft"><p>繁體期刊網 版權所有 2016-2021</p>'
        "<p>本站內容來自網絡，僅供學習交流</p></div>\n"
        "</body></html>\n"
    )
