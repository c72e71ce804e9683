"""Where an article's text stands in a page: the element holding most of its
prose (by lxml, over the whole tree), widened to hold every block where a page
splits the text into repeated ones, and the article's lines in it after the
header, up to the related-articles block."""

from __future__ import annotations

import re

from lxml import html as lxml_html
from parsel import Selector

from crawler.extraction.infolines import Header
from crawler.extraction.lines import HIDDEN_TAGS, visible_lines
from pipelines.cleaning.body import is_end_of_article


def _paragraph_weight(element: lxml_html.HtmlElement) -> int:
    """Characters of prose directly in an element (text, tails, `<p>` children)."""
    pieces = [element.text or ""]
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in ("p", "br", "span", "font", "strong", "b", "em", "section", "blockquote"):
            pieces.append(child.text_content() if tag != "br" else "")
        pieces.append(child.tail or "")
    text = "".join(pieces)
    return len(re.findall(r"[\u4e00-\u9fff，。、；：“”]", text))


def body_container(selector: Selector) -> Selector | None:
    """The element holding most of the article's prose."""
    root = selector.root
    if not isinstance(root, lxml_html.HtmlElement):
        return None
    best, best_weight = None, 0
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in HIDDEN_TAGS:
            continue
        weight = _paragraph_weight(element)
        if weight > best_weight:
            best, best_weight = element, weight
    if best is None:
        return None
    return Selector(root=_whole_text(best))


def _whole_text(best: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """The element holding all of the text where a page splits it into
    repeated blocks (`<div class="doc-page">` per page of a document, some in
    a `继续阅读` box): the innermost element holding every block like the
    best one, or like its parent, where the others carry prose too."""
    node = best
    for _ in range(2):
        blocks = _alike(node)
        others = sum(_prose_chars(b) for b in blocks if b is not node)
        if len(blocks) >= 2 and others >= 0.2 * _prose_chars(node):
            return _common_ancestor(blocks)
        parent = node.getparent()
        if parent is None:
            break
        node = parent
    return best


def _alike(node: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """Elements of the page like `node`: of its tag and class anywhere (where
    it has a class), else its siblings of its tag."""
    if node.get("class"):
        root = node.getroottree().getroot()
        return [e for e in root.iter(node.tag) if e.get("class") == node.get("class")]
    parent = node.getparent()
    return (
        [e for e in parent if e.tag == node.tag and not e.get("class")]
        if parent is not None
        else [node]
    )


def _common_ancestor(blocks: list[lxml_html.HtmlElement]) -> lxml_html.HtmlElement:
    """The innermost element holding all the blocks."""
    paths = [list(b.iterancestors())[::-1] for b in blocks]
    common = blocks[0].getparent()
    for level in zip(*paths, strict=False):
        if all(element is level[0] for element in level):
            common = level[0]
        else:
            break
    return common


def _prose_chars(element: lxml_html.HtmlElement) -> int:
    """Characters of sentences under an element (link lists have none)."""
    return sum(len(t) for t in element.itertext() if re.search(r"[，。；]", t))


def body_lines(page_lines: list[str], header: Header, container: Selector | None) -> list[str]:
    """The article's lines: the prose container's lines after the header lines
    it holds (a title the body prints again stays), up to the
    related-articles block or the page's foot."""
    lines = page_lines[header.end :]
    if container is not None:
        inner = visible_lines(container)
        start = _offset(page_lines, inner, header.title_at)
        if start is not None and start < header.end:
            inner = inner[header.end - start :]  # the container holds the header
        if inner:
            lines = inner
    for n, line in enumerate(lines):
        if is_end_of_article(line):
            return lines[:n]
    return lines


def _offset(page_lines: list[str], inner: list[str], title_at: int) -> int | None:
    """Where the container's lines start among the page's lines."""
    head = inner[:5]
    found = [k for k in range(len(page_lines)) if page_lines[k : k + len(head)] == head]
    if not found:
        return None
    after_title = [k for k in found if k >= title_at]
    return after_title[0] if after_title else found[-1]


def block_starts(page_lines: list[str], inner: list[str]) -> tuple[int, ...]:
    """Where the prose element's lines may start among the page's lines."""
    head = inner[:5]
    if not head:
        return ()
    return tuple(k for k in range(len(page_lines)) if page_lines[k : k + len(head)] == head)
