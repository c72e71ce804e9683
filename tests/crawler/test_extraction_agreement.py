"""The page readers give what the code they replaced gave.

`body_container` (each element's prose weighed from its children's, every
piece of text once), the search for elements called a title (from the
attributes) and for keyword labels (in Python), and the page's lines with the
prose container's from one walk were rewritten to cost less a page
(`bench/crawl_rate.py`). The code they replaced is kept here as the reference.

The pages: the evaluation set's (tests/eval/pages, every layout), the bench's
generated copy pages (Simplified, GBK, Traditional with pinyin and spam), and
small pages built for the corners: comments and processing instructions among
the text, a hidden container, paragraphs in paragraphs, ties.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from pathlib import Path

import pytest
from lxml import html as lxml_html
from scrapy.http import HtmlResponse, TextResponse

from crawler.extraction import bodyblock, lines, pagekeywords, pagemeta
from crawler.extraction.decoding import redecode

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "eval" / "pages"

CORNERS = [
    "<html><body><div><p>甲乙丙，丁戊。<!-- 注：某某 -->己庚，辛壬。<?pi x?>癸。</p></div>"
    "</body></html>",
    "<html><body><div id='a'><p>常委会听取报告，审议意见。</p></div>"
    "<div id='b'><p>常委会听取报告，审议意见。</p></div></body></html>",
    "<html><body><div style='display:none'><p>广告文字，很多很多很多。</p><p>又一段，很多。</p>"
    "</div><div><p>正文一段，短。</p></div></body></html>",
    "<html><body><section><p><span>管好钱袋子，<b>是人大</b>监督的内容。</span>尾巴，句子。</p>"
    "</section><td><p>一，</p><p>二。</p><font>三；四。</font></td></body></html>",
    "<html><body><div class='Title'>题目</div><h2 id='subTITLE'>副题</h2><title>站名</title>"
    "<p>关键词：<a>立法</a><a>监督</a></p><p><!--x-->标签<a>人大</a></p><p><b>x</b>關鍵詞</p>"
    "</body></html>",
    "<html><body>正文，没有元素。<p>一段，<script>var a='，。';</script>两段。</p></body></html>",
]


@functools.cache
def pages() -> tuple[TextResponse, ...]:
    found: list[TextResponse] = []
    for meta in sorted(PAGES.glob("*/*.json")):
        data = json.loads(meta.read_text(encoding="utf-8"))
        body = meta.with_suffix(".html").read_bytes()
        found.append(HtmlResponse(data["url"], body=body, headers=data["headers"]))
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import sitegen
    finally:
        sys.path.remove(str(ROOT / "bench"))
    for n in range(24):  # every kind of page, body sizes of real articles
        page = sitegen.copy_page(n, (4000, 12000))
        headers = {"Content-Type": page.content_type}
        found.append(HtmlResponse(f"http://bench.test{page.path}", body=page.body, headers=headers))
    for n, text in enumerate(CORNERS):
        found.append(HtmlResponse(f"http://corner.test/{n}.html", body=text.encode()))
    return tuple(redecode(response) for response in found)  # type: ignore[misc]


def page_ids() -> list[str]:
    return [response.url for response in pages()]


# --- the references: the code each rewrite replaced ----------------------------------------


def reference_weight(element: lxml_html.HtmlElement) -> tuple[int, int]:
    pieces = [element.text or ""]
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in ("p", "span", "font", "strong", "b", "em", "section", "blockquote"):
            pieces += child.itertext()
        pieces.append(child.tail or "")
    prose = [
        len(re.sub(r"[^\u4e00-\u9fff，。、；：“”]+", "", piece))
        for piece in pieces
        if re.search(r"[，。；！？]", piece)
    ]
    return sum(prose), len(prose)


def reference_best(root: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    best, best_weight = None, (0, 0)
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in lines.HIDDEN_TAGS:
            continue
        weight = reference_weight(element)
        if weight[0] and weight > best_weight:
            best, best_weight = element, weight
    return best


REFERENCE_TITLED = (
    "//*[contains(translate(@class, 'TITLE', 'title'), 'title')"
    " or contains(translate(@id, 'TITLE', 'title'), 'title')][not(self::title)]"
)
REFERENCE_LABELLED = (
    "//*[contains(text(), '键') or contains(text(), '鍵') or contains(text(), '标签')"
    " or contains(text(), '標籤')]"
)


def page_root(response: TextResponse) -> lxml_html.HtmlElement:
    return (response.css("body") or response.css("html"))[0].root


# --- the agreement -------------------------------------------------------------------------


def test_the_pages_hold_what_the_rewrites_decide_on() -> None:
    """The set is not empty of the cases: pages with comments among their text,
    elements called a title, keyword labels, a container inside the page."""
    responses = pages()
    assert len(responses) >= 300
    assert sum(bool(r.xpath(REFERENCE_TITLED)) for r in responses) >= 100
    assert sum(bool(r.xpath(REFERENCE_LABELLED)) for r in responses) >= 100
    assert sum(bool(r.xpath("//body//comment()")) for r in responses) >= 5
    assert sum(bodyblock.body_container(r.css("body")[0]) is not None for r in responses) >= 300


@pytest.mark.parametrize("n", range(len(CORNERS) + 1))
def test_each_element_weighs_what_it_weighed(n: int) -> None:
    """Every element of every page (in slices, one a test) is given the weight
    the per-element reading gave it, and the container chosen is the same."""
    responses = pages()
    chunk = -(-len(responses) // (len(CORNERS) + 1))
    for response in responses[n * chunk : (n + 1) * chunk]:
        root = page_root(response)
        weights = dict(bodyblock.paragraph_weights(root))
        for element in root.iter():
            if isinstance(element.tag, str):
                assert weights[element] == reference_weight(element), response.url
        chosen = bodyblock.body_container((response.css("body") or response.css("html"))[0])
        best = reference_best(root)
        if best is None:
            assert chosen is None, response.url
        else:
            assert chosen is not None, response.url
            assert chosen.root is bodyblock._whole_text(best), response.url


def test_elements_called_a_title_are_those_every_element_was_tested_for() -> None:
    for response in pages():
        found = [s.root for s in response.xpath(pagemeta._CALLED_TITLE)]
        assert found == [s.root for s in response.xpath(REFERENCE_TITLED)], response.url


def test_keyword_labels_are_those_the_xpath_found() -> None:
    for response in pages():
        found = pagekeywords._labelled(response.selector.root)
        assert found == [s.root for s in response.xpath(REFERENCE_LABELLED)], response.url


def test_one_walk_gives_the_page_and_the_containers_lines() -> None:
    """The page's lines and any element's in it, from one walk, are what a
    walk of each gives: for the chosen container, and for every element of
    the small pages (hidden ones, and those inside hidden ones, included)."""
    for response in pages():
        page = (response.css("body") or response.css("html"))[0]
        container = bodyblock.body_container(page)
        parts = [container] if container is not None else []
        if response.url.startswith("http://corner.test/"):
            parts += [type(page)(root=e, type="html") for e in page.root.iter() if e is not None]
        for part in parts:
            assert lines.visible_lines_and_part(page, part) == (
                lines.visible_lines(page),
                lines.visible_lines(part),
            ), response.url
        assert lines.visible_lines_and_part(page, None) == (lines.visible_lines(page), None)
