"""HTML of the sample aggregator's mobile host (`m.`): the article page
`/news/YYYY/MMDD/<id>.html`, with the desktop page's date and number.

As `docs/fx361.md` has it ("Page kinds", "The model"): `.main` holds `.bt` (the
title), `.sj` (the posting time, then the authors in a `span`), a `p` with the
journal line `<journal> YYYY年N期`, a `关键词:` line of links (where the article
has keywords), `.wz_content` (the body's `p`s, the first the author line) and
`.others` (related articles, as links to their mobile pages). The mobile host
serves no other page of the sample site.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from journals.samplesite.chrome import mobile_page
from journals.samplesite.render import Found, posted_text
from journals.samplesite.samples import SampleArticle, SampleIssue, SampleJournal
from journals.samplesite.sitepaths import mobile_path


def mobile_article_page(
    journal: SampleJournal, issue: SampleIssue, article: SampleArticle, related: list[Found]
) -> str:
    authors = " ".join(article.authors)
    keywords = ""
    if article.keywords:
        links = "".join(
            f'<a href="/search.html?keyword={quote(k)}">{escape(k)}</a>' for k in article.keywords
        )
        keywords = f'<p class="gjc">关键词:{links}</p>'
    paragraphs = [f"<p>{escape(authors)}</p>"] if article.authors else []
    for block in article.blocks:
        text = escape(block.text)
        paragraphs.append(f"<p><b>{text}</b></p>" if block.kind == "heading" else f"<p>{text}</p>")
    others = "".join(
        f'<li><a href="{mobile_path(a)}">{escape(a.title)}</a>'
        f"<span>{escape(j.name)} {escape(i.label)}</span></li>"
        for j, i, a in related
    )
    body = (
        '<div class="main">'
        f'<h1 class="bt">{escape(article.title)}</h1>'
        f'<div class="sj">{posted_text(article)}<span>{escape(authors)}</span></div>'
        f"<p>{escape(journal.name)} {escape(issue.label)}</p>"
        f'{keywords}<div class="wz_content">{"".join(paragraphs)}</div>'
        f'<div class="others"><div class="others_hd">相关阅读</div><ul>{others}</ul></div>'
        "</div>"
    )
    description = escape("".join(b.text for b in article.blocks)[:60])
    head = f'<meta name="description" content="{description}">'
    return mobile_page(f"{article.title}_参考网手机版", body, head=head)
