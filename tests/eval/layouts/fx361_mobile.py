"""fx361-mobile: the aggregator's mobile article page,
`https://m.fx361.com/news/YYYY/MMDD/<id>.html`, in the markup public evidence shows
(docs/fx361.md, "Page kinds" and "The model"): `.main` holds `.bt` (the title), `.sj`
(the posting time, then the author(s) in a `span`), a `p` with the journal line
`<journal> <label>` (the issue's label as the aggregator lists it), a `关键词:` line of
links, `.wz_content` (the text's `p`s, the first the author line where the page has
one) and `.others` (related articles). Around them: the top bar, app-download banners
and prompts, a share bar and the footer.
"""

from __future__ import annotations

from urllib.parse import quote

from pagekit import Doc, Spec, declared, esc

# --- the plan ------------------------------------------------------------------------------

PLAN: tuple[Spec, ...] = (
    Spec("one-author", 5111412),
    Spec("brief-four-authors", 3799062, byline="joined", author_line="space"),
    # once `combined-dash-subtitle` (`2015年第1-2期`): the aggregator's label is `2015年Z1期`
    Spec("z-issue-subtitle", 3648597, label="z", title="subtitle", author_line="wen"),
    Spec("anonymous", 5225534, byline="anon"),
    # the label once `2016年09期`: the aggregator's is `2016年9期`
    Spec("padded-name", 4295306, byline="none", author_line="padded"),
    # once `keywords-run` (the keywords run together as text): they are links here
    Spec("app-prompt-in-text", 4499470, label="di", chrome=("app-inline",)),
    Spec("no-keywords-circle", 4125665, label="di", keywords="none", author_line="circle"),
    Spec("no-journal-line", 6423047, label=None, chrome=("app-inline",)),
    Spec(
        "research-keywords-in-body",
        4279909,
        label="di",
        keywords="body-colon",
        front=("abstract", "bio"),
        academic=True,
    ),
    # once `fullwidth-label` (`２０１６年第２期`): the aggregator's label is `2016年2期`
    Spec("brief-one-author", 4063865),
)


# Hard pages (`hardset.ARCHIVE`): articles whose keyword tags the aggregator prints as
# separate links, nested as the field's vocabulary is; the evaluation crawl stores them
# before any copy (README.md, "The hard pages").
HARD: tuple[Spec, ...] = (
    Spec("archive-constitutionality", 6500106, label="di"),
    Spec("archive-liaison-openness", 6500107, byline="joined", author_line="space"),
    Spec("archive-power-oversight", 6500108),
    Spec("archive-emergencies", 6500109, author_line="wen"),
    Spec("archive-deputy-suggestions", 6500110),
)


# --- the site ------------------------------------------------------------------------------

BASE = "https://m.fx361.com"
LOADING = "/static/m/img/loading.gif"  # what a lazy picture shows until a script swaps it


def url(doc: Doc) -> str:
    a = doc.article
    return f"{BASE}/news/{a.posted_at:%Y/%m%d}/{a.id}.html"


def _lazy(src: str, alt: str = "") -> str:
    return f'<img class="lazy" src="{LOADING}" data-original="{esc(src)}" alt="{esc(alt)}">'


def render(doc: Doc) -> str:
    a, spec = doc.article, doc.spec
    if doc.label is not None:
        assert doc.label == doc.issue.label, "the aggregator prints its own label"
    charset = declared(doc, "meta")
    desktop = f"https://www.fx361.com/page/{a.posted_at:%Y/%m%d}/{a.id}.shtml"
    first = next(text for kind, text in doc.blocks if kind == "paragraph")
    head = (f'<meta charset="{charset}">\n' if charset else "") + (
        '<meta name="viewport" content="width=device-width,initial-scale=1,user-scalable=no">\n'
        f"<title>{esc(doc.plain_title)}_参考网手机版</title>\n"
        f'<meta name="description" content="{esc(first[:60])}">\n'
        f'<link rel="canonical" href="{desktop}">\n'
        '<link rel="stylesheet" href="/static/m/css/m.css">\n'
    )
    doc.tag("chrome-app", "chrome-share", "chrome-related")
    top = (
        '<div class="m_top"><a class="m_back" href="javascript:history.back();">返回</a>'
        '<a class="m_logo" href="/">参考网</a><a class="m_so" href="/search.html" '
        'rel="nofollow">搜索</a></div>\n'
        '<div class="m_app"><img src="/static/m/img/app-logo.png" alt="">'
        "<span>参考网APP 海量期刊免费读</span>"
        '<a class="m_app_btn" href="/app/download.html?from=top">下载参考网APP</a></div>\n'
    )

    title = esc(doc.title) + (f"<br>{esc(doc.subtitle)}" if doc.subtitle else "")
    parts = [f'<h1 class="bt">{title}</h1>']
    if doc.byline:
        doc.tag("date-joined-author")
    parts.append(f'<div class="sj">{esc(doc.date)}<span>{esc(doc.byline)}</span></div>')
    if doc.label:
        parts.append(f"<p>{esc(doc.journal_name or '')} {esc(doc.label)}</p>")
    if spec.keywords == "links":
        links = "".join(
            f'<a href="/search.html?keyword={quote(k)}">{esc(k)}</a>' for k in doc.keywords
        )
        parts.append(f"<p>关键词:{links}</p>")
    elif spec.keywords not in ("none", "body-colon", "body-bracket"):
        raise ValueError(f"the aggregator prints keywords as links, not {spec.keywords!r}")

    body = [f"<p>{esc(doc.author_line)}</p>"] if doc.author_line else []
    body += [f"<p>{esc(line)}</p>" for line in doc.front]
    for n, (kind, text) in enumerate(doc.blocks):
        body.append(f"<p><b>{esc(text)}</b></p>" if kind == "heading" else f"<p>{esc(text)}</p>")
        if n == 1 and "app-inline" in spec.chrome:
            body.append(
                '<div class="m_app_in"><a href="/app/download.html?from=inline">'
                "打开参考网APP，阅读体验更佳</a></div>"
            )
    parts.append(f'<div class="wz_content">\n{chr(10).join(body)}\n</div>')
    others = "".join(
        f'<li><a href="/news/{r.posted[:4]}/{r.posted[5:7]}{r.posted[8:10]}/{a.id + 57 * (n + 1)}'
        f'.html">{esc(r.title)}</a><span>{esc(r.journal)} {esc(r.label)}</span></li>'
        for n, r in enumerate(doc.related)
    )
    parts.append(
        f'<div class="others"><div class="others_hd">相关阅读</div><ul>{others}</ul></div>'
    )
    tail = (
        '<div class="m_share"><span>分享到：</span><a class="s_wx">微信</a>'
        '<a class="s_pyq">朋友圈</a><a class="s_wb">微博</a><a class="s_qz">QQ空间</a></div>\n'
        '<div class="m_ad"><a href="/ad/go.html?slot=21" rel="nofollow">'
        f"{_lazy('/ad/img/21.jpg', '打开参考网APP 阅读体验更流畅')}</a></div>\n"
        '<div class="m_foot"><a href="/app/download.html?from=bottom">下载参考网APP</a> | '
        f'<a href="{desktop}">电脑版</a><p>© 参考网 m.fx361.com</p></div>\n'
        '<script src="/static/m/js/zepto.min.js"></script>\n'
        '<script src="/static/m/js/lazy.js"></script>\n'
    )
    main = '<div class="main">\n' + "\n".join(parts) + "\n</div>\n"
    return (
        f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n{head}</head>\n<body>\n'
        f"{top}{main}{tail}</body>\n</html>\n"
    )
