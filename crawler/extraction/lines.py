"""Visible text of an HTML element as a reader sees it: one line per block."""

from __future__ import annotations

from lxml import html as lxml_html
from parsel import Selector

BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template", "head"})


def _hidden(element: lxml_html.HtmlElement) -> bool:
    """Hidden from readers: copy sites hide spam this way."""
    style = element.get("style", "").replace(" ", "").lower()
    return (
        "display:none" in style
        or "visibility:hidden" in style
        or element.get("hidden") is not None
        or element.get("aria-hidden") == "true"
    )


def _walk(
    element: lxml_html.HtmlElement,
    out: list[str],
    tail: bool = True,
    mark: lxml_html.HtmlElement | None = None,
    span: list[int] | None = None,
) -> None:
    """The element's visible text into `out`, in pieces; where `mark` is met,
    where its pieces start and end in `out` into `span`."""
    # (lxml makes a string of a text or tail each time it is read: each is read once.)
    tag = element.tag
    if not isinstance(tag, str):
        tag = ""  # a comment or processing instruction
    if tag in HIDDEN_TAGS or (tag and _hidden(element)):
        if tail and (after := element.tail):
            out.append(after)
        return
    if element is mark and span is not None:
        span.append(len(out))
    if tag in BLOCK_TAGS:
        out.append("\n")
    if tag and (text := element.text):
        out.append(text)
    for child in element:
        _walk(child, out, True, mark, span)
    if tag in BLOCK_TAGS:
        out.append("\n")
    if element is mark and span is not None:
        span.append(len(out))
    if tail and (after := element.tail):
        out.append(after)


def visible_lines(selector: Selector) -> list[str]:
    """The element's text split where a browser would break lines.

    >>> sel = Selector(text="<div><h1>题目</h1>2018-11-20<span>陈殊书</span><p>第一段</p>"
    ...     "<script>x=1</script><ul><li>甲</li><li>乙</li></ul></div>")
    >>> visible_lines(sel.css("div")[0])
    ['题目', '2018-11-20陈殊书', '第一段', '甲', '乙']
    >>> visible_lines(Selector(text='<p>正文<span style="display: none">广告</span></p>'))
    ['正文']
    """
    root = selector.root
    if not isinstance(root, lxml_html.HtmlElement):
        return [line.strip() for line in str(root).splitlines() if line.strip()]
    pieces: list[str] = []
    _walk(root, pieces, tail=False)
    return _lines(pieces)


def visible_lines_and_part(
    selector: Selector, part: Selector | None
) -> tuple[list[str], list[str] | None]:
    """`visible_lines` of the element and of `part`, an element in its tree,
    from one walk (None for no part).

    >>> sel = Selector(text="<div><h1>题目</h1><div><p>第一段</p><p>第二段</p></div>尾</div>")
    >>> visible_lines_and_part(sel.css("div")[0], sel.css("div div")[0])
    (['题目', '第一段', '第二段', '尾'], ['第一段', '第二段'])
    """
    root = selector.root
    if part is None:
        return visible_lines(selector), None
    if not isinstance(root, lxml_html.HtmlElement) or not isinstance(
        part.root, lxml_html.HtmlElement
    ):
        return visible_lines(selector), visible_lines(part)
    pieces: list[str] = []
    span: list[int] = []
    _walk(root, pieces, tail=False, mark=part.root, span=span)
    if len(span) != 2:  # not met: outside the element, or hidden
        return _lines(pieces), visible_lines(part)
    return _lines(pieces), _lines(pieces[span[0] : span[1]])


def _lines(pieces: list[str]) -> list[str]:
    text = "".join(pieces).replace("\xa0", " ")
    return [" ".join(words) for line in text.split("\n") if (words := line.split())]
