"""fx361-mobile: the aggregator's mobile article page,
`https://m.fx361.com/news/YYYY/MMDD/<id>.html`: a compact page with app-download
banners, a share bar and `猜你喜欢`.
"""

from __future__ import annotations

from pagekit import Doc, Spec, declared, esc

# --- the plan ------------------------------------------------------------------------------

PLAN: tuple[Spec, ...] = (
    Spec("one-author", 5111412),
    Spec("brief-four-authors", 3799062, byline="joined", author_line="space"),
    Spec("combined-dash-subtitle", 3648597, label="dash", title="subtitle", author_line="wen"),
    Spec("anonymous", 5225534, byline="anon"),
    Spec("padded-name", 4295306, label="zero", byline="none", author_line="padded"),
    Spec("keywords-run", 4499470, label="di", keywords="run", chrome=("app-inline",)),
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
    Spec("fullwidth-label", 4063865, label="fullwidth"),
)


# --- the site ------------------------------------------------------------------------------

BASE = "https://m.fx361.com"


def url(doc: Doc) -> str:
    a = doc.article
    return f"{BASE}/news/{a.posted_at:%Y/%m%d}/{a.id}.html"


def render(doc: Doc) -> str:
    j, a, spec = doc.journal, doc.article, doc.spec
    charset = declared(doc, "meta")
    desktop = f"https://www.fx361.com/page/{a.posted_at:%Y/%m%d}/{a.id}.shtml"
    head = (f'<meta charset="{charset}">\n' if charset else "") + (
        '<meta name="viewport" content="width=device-width,initial-scale=1.0,'
        'maximum-scale=1.0,user-scalable=no">\n'
        '<meta name="format-detection" content="telephone=no">\n'
        f"<title>{esc(doc.plain_title)}_参考网手机版</title>\n"
        f'<link rel="canonical" href="{desktop}">\n'
        '<link rel="stylesheet" href="//m.fx361.com/static/css/m-article.css?v=20200611">\n'
    )
    doc.tag("chrome-app", "chrome-share", "chrome-related")
    banner = (
        '<div class="m-dl"><img class="m-dl-logo" src="/static/img/app-logo.png" alt="">'
        '<div class="m-dl-txt"><b>参考网</b><span>海量期刊 免费阅读</span></div>'
        '<a class="m-dl-btn" href="/app/download?from=top">下载参考网APP</a></div>\n'
        '<header class="m-hd"><a class="m-back" href="javascript:history.back();">返回</a>'
        '<a class="m-logo" href="/">参考网</a><a class="m-so" href="/search">搜索</a></header>\n'
    )
    title = esc(doc.title) + (f"<br>{esc(doc.subtitle)}" if doc.subtitle else "")
    parts = [f'<h1 class="m-art-title">{title}</h1>']
    if doc.label:
        parts.append(
            f'<div class="m-art-from"><a href="/bk/{j.code}/">{esc(doc.journal_name or "")}</a>'
            f'<span class="m-qi">{esc(doc.label)}</span></div>'
        )
    meta = ""
    if doc.byline:
        meta = f'<span class="m-art-au">{esc(doc.byline)}</span> '
        doc.tag("date-apart")
    parts.append(
        f'<div class="m-art-meta">{meta}<span class="m-art-time">{esc(doc.date)}</span></div>'
    )
    parts.append(f'<div class="m-open"><a href="fx361app://news/{a.id}">打开APP阅读</a></div>')

    body = [f"<p>{esc(doc.author_line)}</p>"] if doc.author_line else []
    body += [f"<p>{esc(line)}</p>" for line in doc.front]
    for n, (kind, text) in enumerate(doc.blocks):
        body.append(f"<h3>{esc(text)}</h3>" if kind == "heading" else f"<p>{esc(text)}</p>")
        if n == 1 and "app-inline" in spec.chrome:
            body.append(
                '<div class="m-app-in"><a href="/app/download?from=inline">'
                "打开APP，阅读体验更佳</a></div>"
            )
    parts.append(f'<div class="m-art-body">\n{chr(10).join(body)}\n</div>')
    if spec.keywords == "links":
        links = "".join(f'<a href="/tag/{esc(k)}.html">{esc(k)}</a>' for k in doc.keywords)
        parts.append(f'<div class="m-art-tags"><span>关键词：</span>{links}</div>')
    elif spec.keywords == "run":
        parts.append(f'<p class="m-art-kw">关键词：{esc("".join(doc.keywords))}</p>')

    guess = "".join(
        f'<li><a href="/news/{r.posted[:4]}/{r.posted[5:7]}{r.posted[8:10]}/{a.id + 57 * (n + 1)}'
        f'.html"><p class="g-t">{esc(r.title)}</p><p class="g-s"><span>{esc(r.journal)}'
        f"({esc(r.label)})</span><span>{r.posted}</span></p></a></li>"
        for n, r in enumerate(doc.related)
    )
    tail = (
        '<div class="m-share"><span>分享到：</span><a class="s-wx">微信</a>'
        '<a class="s-pyq">朋友圈</a>'
        '<a class="s-wb">微博</a><a class="s-qz">QQ空间</a></div>\n'
        f'<section class="m-guess"><h2>猜你喜欢</h2><ul>{guess}</ul></section>\n'
        '<div class="m-app-foot"><a href="/app/download?from=bottom">下载参考网APP，'
        "海量期刊随时读</a></div>\n"
        f'<footer class="m-ft"><a href="{desktop}">电脑版</a> | <a href="/feedback">意见反馈</a>'
        "<p>© 参考网 m.fx361.com</p></footer>\n"
        "<script>document.querySelector('.m-dl-btn').addEventListener('click',function(){"
        "window._mt&&_mt.push(['dl','top']);});</script>\n"
    )
    article = '<article class="m-art">\n' + "\n".join(parts) + "\n</article>\n"
    return (
        f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n{head}</head>\n<body class="m-body">\n'
        f"{banner}{article}{tail}</body>\n</html>\n"
    )
