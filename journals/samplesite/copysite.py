"""The mirror host's copy of the seed article, rebuilt from the seed page's text.

The seed is the visible text of a real copy site's page; this module puts that
text back into HTML in the copy site's `arc` template, line for line, with the
spam, the inline pinyin and the garbled spans left as the copy site has them.
"""

from __future__ import annotations

import re
from html import escape
from importlib.resources import files

SEED_ID = 5108306
SEED_PATH = f"/qikan/2018/1120/{SEED_ID}.html"
# The dump runs the keyword links together; on the page they are three links.
SEED_KEYWORDS = ("民情", "工作站", "人大常委會")
_RELATED_SOURCE = re.compile(r"^.+\(\d{4}年\d+期\)\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$")


def seed_lines() -> list[str]:
    text = files("journals.samplesite").joinpath("seed-page.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def seed_page() -> str:
    lines = seed_lines()
    spam_top, stray, title, byline, source, _keywords = lines[:6]
    related_at = lines.index("猜你喜歡")
    body, related, footer = lines[6:related_at], lines[related_at + 1 : -1], lines[-1]
    date_time, author = byline[:19], byline[19:]
    journal, label = source.split(" ")

    items, i = [], 1  # related[0] is the keyword strip above the list
    while i < len(related):
        meta = ""
        if i + 1 < len(related) and _RELATED_SOURCE.match(related[i + 1]):
            meta = f"<p>{escape(related[i + 1])}</p>"
        items.append(f'<li><a href="/qikan/related/{i}.html">{escape(related[i])}</a>{meta}</li>')
        i += 2 if meta else 1
    county_links = "| ".join(
        f'<a href="/city/{n}/">{escape(name.strip())}</a>'
        for n, name in enumerate(footer.split("|"))
        if name.strip()
    )
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>{escape(title)}_期刊文章_在线阅读</title></head><body>"
        '<div class="topnav"><a href="/">首页</a> <a href="/qikan/">期刊</a></div>'
        f'<div class="arc"><h1 class="seo-top">{escape(spam_top)}</h1><p>{escape(stray)}</p>'
        f'<h2 class="arc-title">{escape(title)}</h2>'
        f'<div class="arc-info"><span>{escape(date_time)}</span><span>{escape(author)}</span></div>'
        f'<div class="arc-from"><a href="/qikan/shrd/">{escape(journal)}</a> '
        '<a href="/qikan/shrd/201809/">'
        f"{escape(label)}</a></div>"
        '<div class="arc-tags">關(guān)鍵詞:'
        + "".join(f'<a href="/tag/{n}/">{escape(k)}</a>' for n, k in enumerate(SEED_KEYWORDS))
        + '</div><div class="arc-body">'
        + "".join(f"<p>{escape(line)}</p>" for line in body)
        + '</div><div class="arc-like"><h3>猜你喜歡</h3>'
        + f'<div class="like-tags">{escape(related[0])}</div>'
        f'<ul>{"".join(items)}</ul></div><div class="seo-foot">{county_links}|</div></div>'
        "</body></html>\n"
    )
