"""Where an article's text stands in a page: the element holding most of its
prose (by lxml, over the whole tree), widened to hold every block where a page
splits the text into repeated ones, and the article's lines in it after the
header, up to the related-articles block."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import html as lxml_html
from parsel import Selector

from crawler.extraction.infolines import Header
from crawler.extraction.lines import HIDDEN_TAGS
from pipelines.cleaning.body import is_end_of_article

# what is not prose, in runs: a piece's prose is what is left once they go
_NOT_PROSE = re.compile(r"[^\u4e00-\u9fff，。、；：“”]+")
_SENTENCE = re.compile(r"[，。；！？]")


# Children whose text counts as their parent's, as paragraphs of it.
_PARAGRAPH_TAGS = frozenset({"p", "span", "font", "strong", "b", "em", "section", "blockquote"})


def paragraph_weights(
    root: lxml_html.HtmlElement,
) -> Iterator[tuple[lxml_html.HtmlElement, tuple[int, int]]]:
    """Each element of `root`'s tree (the last first, `root` last) with the
    characters of prose directly in it (text, tails, the text of `<p>`
    children) and the pieces of text they stand in. Only pieces that carry a
    sentence's punctuation count, so that a side column's lists of titles and
    tags, however long, outweigh no short text (a copy cut early); and of two
    elements that hold as much prose, the text in paragraphs outweighs a
    summary that repeats it. Each piece of text is weighed once: the weight of
    all the text under an element is its children's, added up.

    >>> side = lxml_html.fromstring(
    ...     "<aside><section>最新文章<a>试论地方立法的制度价值</a><a>备案审查为何强调纠错</a>"
    ...     "<a>乡镇人大主席团如何履职</a></section><section>热门标签<a>人大代表</a>"
    ...     "<a>预算审查</a></section></aside>")
    >>> text = lxml_html.fromstring("<td><p>管好用好钱袋子，是人大</p><p>监督的重要内容。</p></td>")
    >>> summary = lxml_html.fromstring("<p><span>管好用好钱袋子，是人大监督的重要内容。</span></p>")
    >>> [dict(paragraph_weights(e))[e] for e in (side, text, summary)]
    [(0, 0), (19, 2), (19, 1)]
    """
    # The weight of the text under each element as `itertext()` gives it: its
    # own text, and its children's text and tails (a comment gives only its tail).
    # A piece of text (a text, a tail) weighs its prose characters, and 1 piece,
    # where it carries a sentence's punctuation; else nothing.
    under: dict[lxml_html.HtmlElement, tuple[int, int]] = {}
    sentence, not_prose = _SENTENCE.search, _NOT_PROSE.sub
    for element in reversed(list(root.iter())):
        if not isinstance(element.tag, str):
            continue
        text = element.text
        if text and sentence(text):
            chars, pieces = len(not_prose("", text)), 1
        else:
            chars = pieces = 0
        para_chars = para_pieces = child_chars = child_pieces = 0
        for child in element:
            tail = child.tail
            if tail and sentence(tail):
                chars, pieces = chars + len(not_prose("", tail)), pieces + 1
            if isinstance(tag := child.tag, str):
                text_chars, text_pieces = under[child]
                child_chars, child_pieces = child_chars + text_chars, child_pieces + text_pieces
                if tag in _PARAGRAPH_TAGS:
                    para_chars, para_pieces = para_chars + text_chars, para_pieces + text_pieces
        under[element] = (chars + child_chars, pieces + child_pieces)
        yield element, (chars + para_chars, pieces + para_pieces)


def body_container(selector: Selector) -> Selector | None:
    """The element holding most of the article's prose: of those that weigh
    most, the first in the page."""
    root = selector.root
    if not isinstance(root, lxml_html.HtmlElement):
        return None
    best, best_weight = None, (0, 0)
    for element, weight in paragraph_weights(root):  # the last first: ties go to the earlier
        if weight[0] and weight >= best_weight and element.tag not in HIDDEN_TAGS:
            best, best_weight = element, weight
    if best is None:
        return None
    return Selector(root=_whole_text(best))


def _whole_text(best: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """The element holding all of the text where a page splits it into
    repeated blocks (`<div class="doc-page">` per page of a document, some in
    a `继续阅读` box): the innermost element holding every block like the
    best one, or like its parent, where the others carry prose too: a fifth as
    much, or any where they are blocks of one class close by (the last page of
    a copy cut mid-sentence may hold a line).

    >>> first = "常委会坚持开门立法，广泛听取意见。" * 9
    >>> page = lxml_html.fromstring(
    ...     f'<div id="doc"><div class="pg"><p class="t">{first}</p></div>'
    ...     '<div class="pg"><p class="t">常委会还与高校合作，借助专业力</p></div></div>')
    >>> _whole_text(page.find_class("t")[0]).get("id")
    'doc'
    """
    node = best
    for _ in range(2):
        blocks = _alike(node)
        others = [b for b in blocks if b is not node]
        prose = [_prose_chars(b) for b in others]
        if others and (sum(prose) >= 0.2 * _prose_chars(node) or _continued(node, others, prose)):
            return _common_ancestor(blocks)
        parent = node.getparent()
        if parent is None:
            break
        node = parent
    return best


def _continued(
    node: lxml_html.HtmlElement, others: list[lxml_html.HtmlElement], prose: list[int]
) -> bool:
    """Whether blocks of the node's class that carry prose each sit close by it
    (the innermost element holding them all at most two levels above it): the
    pages of one text, however short the last."""
    if not node.get("class") or not all(prose):
        return False
    common = _common_ancestor([node, *others])
    return any(common is up for up in list(node.iterancestors())[:2])


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


def body_lines(page_lines: list[str], header: Header, inner: list[str] | None) -> list[str]:
    """The article's lines: the prose container's lines (`inner`, None where
    there is no container) after the header lines it holds (a title the body
    prints again stays), up to the related-articles block or the page's foot."""
    lines = page_lines[header.end :]
    if inner is not None:
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
