"""An article's keywords as the page gives them apart from a `关键词:` line
of its text: the links of a `关键词`/`标签` element, a group of links to tag
pages, or `<meta name="keywords">`, less what is the site's and not the
article's."""

from __future__ import annotations

import re

from lxml import etree
from parsel import Selector
from scrapy.http import TextResponse

from crawler import fields
from pipelines.cleaning.pinyin import strip_pinyin


def keyword_tags(response: TextResponse) -> list[str] | None:
    """The keyword tags of the `关键词:` element, one per link; None if none."""
    for element in (Selector(root=e, type="html") for e in _labelled(response.selector.root)):
        own_text = strip_pinyin(" ".join(element.xpath("text()").getall())).strip()
        if fields.keyword_line(own_text + " ") is None and not re.match(
            r"^[\[【]?(?:(?:关\s*键|關\s*鍵)\s*[词詞字]|标\s*签|標\s*籤)", own_text
        ):
            continue
        links = (
            element.css("a::text").getall() or element.xpath("following-sibling::a/text()").getall()
        )
        links = [t.strip() for t in links if t.strip()]
        if links:
            return links
    return None


def _labelled(root: etree._Element) -> list[etree._Element]:
    """The elements whose first piece of text holds a word of a keyword label,
    in the page's order, as XPath's `//*[contains(text(), '键') or …]` finds
    them, in a third of its time (each `contains` copies the text).

    >>> page = etree.fromstring("<div><p>关键词：<a>立法</a></p><p><b>x</b>标签</p><i>键</i></div>")
    >>> [e.tag for e in _labelled(page)]
    ['p', 'p', 'i']
    """
    found = []
    for element in root.iter(etree.Element):  # elements only, not comments
        first = element.text
        if first is None:  # no text before its first child: the first tail there is
            first = next((child.tail for child in element if child.tail is not None), None)
        # A word of a label (tested one by one: twice as fast as any() over a tuple).
        if first and ("键" in first or "鍵" in first or "标签" in first or "標籤" in first):
            found.append(element)
    return found


_TAG_HREF = re.compile(r"(?i)(?:^|[/?&._=-])(?:tags?|keywords?|kw)(?:[/?&._=-]|$)")


def tag_links(response: TextResponse, context: str) -> list[str] | None:
    """Keyword tags a page gives only as links to its tag pages, without a
    label (`<div class="tags"><a href="/tag/立法">立法</a>, …`, or one `<li>`
    each): the group of tag links whose words the article uses most. A
    site-wide bar of popular tags (`热门标签`) is not the article's, and is
    mostly words the article does not use. None if none."""
    groups: dict[object, list[str]] = {}
    boxes: dict[object, Selector] = {}
    for link in response.xpath("//a[@href]"):
        if not _TAG_HREF.search(link.attrib.get("href", "")):
            continue
        box = link.xpath("..")[0]
        if box.root.tag in _LINK_WRAPPERS:  # <li><a>…</a></li>: the list is the group
            box = box.xpath("..")[0]
        word = " ".join(link.xpath(".//text()").getall()).strip()
        if word:
            groups.setdefault(box.root, []).append(word)
            boxes[box.root] = box
    best: list[str] | None = None
    best_share = 0.5
    for root, words in groups.items():
        if len(words) > 12 or _SITE_WIDE.search(_label_of(boxes[root])):
            continue
        share = sum(strip_pinyin(w) in context for w in words) / len(words)
        if share > best_share:
            best, best_share = words, share
    return best


def _label_of(box: Selector) -> str:
    """The text a group of links is labelled with: its own, the heading just
    before it, and what its parent says outside its elements."""
    parts = box.xpath(".//text()").getall()
    parts += box.xpath("preceding-sibling::*[1]//text()").getall() + box.xpath("../text()").getall()
    return " ".join(parts)


_LINK_WRAPPERS = frozenset({"li", "span", "em", "strong", "b", "dd", "td"})
# What a bar of the whole site's tags calls itself.
_SITE_WIDE = re.compile(
    r"热门|熱門|热搜|熱搜|标签云|標籤雲|热点|熱點|推荐标签|推薦標籤|全部标签|全部標籤"
)


# Words a site puts in every page's meta keywords, whatever the article.
_SITE_WORDS = frozenset(
    "期刊 论文 论文网 杂志 雜誌 論文 在线阅读 在線閱讀 免费 免費 下载 下載 全文 文章 资讯 新闻 "
    "期刊网 论文发表 论文下载 杂志社 人大期刊 首页 首頁 阅读 閱讀".split()
)
# The topic words a congress site puts in every page's meta keywords; a list
# mostly of these is the site's, not the article's.
_TOPIC_WORDS = frozenset(
    "人大 人民代表大会 人民代表大会制度 人大代表 人大常委会 人大工作 人大制度 地方人大 "
    "依法履职 代表工作 人大建设 人大新闻 人大动态".split()
)


def meta_keywords(response: TextResponse, title: str, context: str) -> list[str] | None:
    """The article's keywords from `<meta name="keywords">`, where a page
    gives them nowhere else: the words the article itself uses, without the
    title a forum puts there, the site's own words (`期刊,论文,杂志`), and a
    list that is mostly the site's topic (`人大,人民代表大会,人大代表,…`).

    None where nothing is left."""
    content = response.xpath(
        "//meta[translate(@name, 'KEYWORDS', 'keywords')='keywords']/@content"
    ).get("")
    title_key = re.sub(r"\s", "", title)
    if re.sub(r"[\s,，;；、|]", "", content) == title_key:
        return None  # the title, as forums fill it in
    given = [w.strip() for w in re.split(r"[,，;；、|\s]+", strip_pinyin(content)) if w.strip()]
    if given and sum(w in _TOPIC_WORDS for w in given) / len(given) > 0.6:
        return None  # the site's topic, the same on every page
    words = []
    for word in given:
        word = word.strip()
        if (
            2 <= len(word) <= 12
            and word not in _SITE_WORDS
            and title_key not in word
            and word in context
            and word not in words
        ):
            words.append(word)
    return words or None
