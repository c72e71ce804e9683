"""Any page of the aggregator family, whatever its host and HTML: read from the
text layout every copy shares (title; posting time run together with the
author; journal and issue; `关键词:`; body; `猜你喜欢`) and from what a page
offers beyond it (`<h1>`, `<title>`, meta tags, JSON-LD)."""

from __future__ import annotations

import json
import re
from typing import Any

from lxml import html as lxml_html
from parsel import Selector
from scrapy.http import TextResponse

from crawler import fields
from crawler.extraction.header import Header, notes_apart, read_header, trailing_source
from crawler.extraction.lines import HIDDEN_TAGS, visible_lines
from crawler.items import Article
from crawler.loaders import ArticleLoader
from pipelines.cleaning.body import is_end_of_article, is_furniture
from pipelines.cleaning.pinyin import strip_pinyin

_TITLE_SPLIT = re.compile(
    r"\s*(?:_|\||｜| - | – | — |－|(?<=[\u4e00-\u9fff”》）])-(?=[\u4e00-\u9fff“《（]))\s*"
)


def json_ld(response: TextResponse) -> list[dict[str, Any]]:
    """The objects of a page's JSON-LD scripts (unreadable ones skipped)."""
    entries: list[dict[str, Any]] = []
    for script in response.css('script[type="application/ld+json"]::text').getall():
        try:
            data = json.loads(script)
        except ValueError:
            continue
        entries += [e for e in (data if isinstance(data, list) else [data]) if isinstance(e, dict)]
    return entries


def title_candidates(response: TextResponse) -> list[tuple[str, int]]:
    """Titles the page states outside its text, each with a rank: 0 for what
    names the page (`<h1>`, og:title, JSON-LD, `<title>`), 1 for lesser
    headings and elements called a title (a box of related articles has one)."""
    found = [(" ".join(visible_lines(h)), 0) for h in response.css("h1")]
    found += [(" ".join(visible_lines(h)), 1) for h in response.css("h2, h3")]
    for element in response.xpath(
        "//*[contains(translate(@class, 'TITLE', 'title'), 'title')"
        " or contains(translate(@id, 'TITLE', 'title'), 'title')][not(self::title)]"
    ):
        lines = visible_lines(element)
        if len(lines) <= 2:
            found.append((" ".join(lines), 1))
    named = response.css(
        'meta[name="title"]::attr(content), meta[itemprop="headline"]::attr(content),'
        ' meta[property="og:title"]::attr(content)'
    ).getall()
    named += [e["headline"] for e in json_ld(response) if isinstance(e.get("headline"), str)]
    found += [(text, 0) for text in named]
    # `标题_栏目_站名`: the first part names the page, the others its place.
    parts = [p for p in _TITLE_SPLIT.split(response.css("title::text").get("")) if len(p) >= 4]
    found += [(part, 0 if n == 0 else 1) for n, part in enumerate(parts)]
    return [(text.strip(), rank) for text, rank in found if text.strip()]


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


def _prose(lines: list[str]) -> bool:
    """Whether lines read as an article's text, not a list of links or issues:
    sentences, a few of them.

    >>> _prose(["2018年第9期", "2018年第8期", "更多"])
    False
    >>> _prose(["常委会坚持开门立法，广泛听取意见。", "联系点让群众的意见直达立法机关。"])
    True
    """
    sentences = [line for line in lines if re.search(r"[。！？]", line)]
    return len(sentences) >= 2 and sum(len(line) for line in sentences) >= 30


def _starts(page_lines: list[str], inner: list[str]) -> tuple[int, ...]:
    """Where the prose element's lines may start among the page's lines."""
    head = inner[:5]
    if not head:
        return ()
    return tuple(k for k in range(len(page_lines)) if page_lines[k : k + len(head)] == head)


# `理论研究｜标题`: the column an account files an article under, before the title.
_COLUMN_PREFIX = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,6}\s*[｜|丨]|【[\u4e00-\u9fff]{2,6}】)\s*(?P<title>\S.{3,})$"
)
# `标题 - 参考网`: a page's title with the name of the site it was saved from.
_SITE_SUFFIX = re.compile(
    r"\s*(?: - | – | — |_|\||｜)\s*[\u4e00-\u9fffA-Za-z0-9]{1,10}"
    r"(?:网|網|网站|網站|站|论坛|論壇|文库|文庫|图书馆|圖書館|在线|在線|首页|首頁)\s*$"
)
# `标题.doc`: a document site's file name.
_FILE_SUFFIX = re.compile(r"\.(?:docx?|pdf|txt|wps|caj|rtf|pptx?)$", re.I)
_CATEGORY_TAG = re.compile(r"^[\[【](?P<tag>[^\]】]{1,8})[\]】]\s*")


def _untagged(title: str, candidates: list[tuple[str, int]]) -> str:
    """A title without the column an account files it under (`理论研究｜…`),
    or the category tag a site puts before it (`[期刊文章]…`, `【人大研究】…`)
    where the page names the title without it elsewhere.

    >>> _untagged("[期刊文章]备案审查", [("备案审查 - 论坛", 0), ("备案审查", 0)])
    '备案审查'
    >>> _untagged("【人物访谈】访敦煌市人大常委会主任", [])
    '访敦煌市人大常委会主任'
    >>> _untagged("理论研究｜新形势下重大事项决定权的实践", [])
    '新形势下重大事项决定权的实践'
    >>> _untagged("庄浪代表工作站如何“转起来” - 参考网", [])
    '庄浪代表工作站如何“转起来”'
    >>> _untagged("小站点 大民生.pdf", [])
    '小站点 大民生'
    """
    title = _FILE_SUFFIX.sub("", _SITE_SUFFIX.sub("", title))
    column = _COLUMN_PREFIX.match(title)
    if column:
        return column["title"]
    match = _CATEGORY_TAG.match(title)
    if match is None:
        return title
    rest = title[match.end() :]
    if any(text.strip() == rest for text, _ in candidates):
        return rest
    return title


def matches(response: TextResponse) -> bool:
    return True


def parse_article(response: TextResponse) -> Article | None:
    """The article on any page of the family; None where the page shows none.

    Lines are matched with inline pinyin taken out (`關(guān)鍵詞:` is a
    keyword label); the text itself is left for the clean pipeline."""
    page = response.css("body") or response.css("html")
    if not page:
        return None
    lines = visible_lines(page[0])
    container = body_container(page[0])
    starts = _starts(lines, visible_lines(container)) if container is not None else ()
    candidates = title_candidates(response)
    header = read_header([strip_pinyin(line) for line in lines], candidates, starts)
    if header is None or not header.title:
        return None
    following = lines[header.title_at + 1] if header.title_at + 1 < len(lines) else ""
    header.title = _untagged(fields.clean_title(lines[header.title_at], following), candidates)
    if header.subtitle:
        header.title += "——" + header.subtitle
    body = body_lines(lines, header, container)
    # Keyword tags and source notes under the body belong to the page.
    body = trailing_source(header, body)
    if not body or not (header.posted_line or header.journal or _prose(body)):
        return None  # a title without header lines needs an article's text under it
    notes_apart(header, lines[header.end :], body)
    loader = ArticleLoader(response=response)
    loader.add_value("title", header.title)
    loader.add_posted_line(header.posted_line or stated_date(response))
    authors = (
        fields.byline_authors(header.byline, body[:3])
        or _reprinted_byline(header.title, body)
        or _closing_byline(body)
        or _bio_byline(body)
        or stated_authors(response)
    )
    # A byline beside the posting time may carry the account or site that posted.
    authors = [name for name in authors if not fields.is_organisation(name)]
    loader.add_value("authors", authors)
    loader.add_issue_line(header.journal, header.label)
    loader.add_value("body", body)
    tags = _keyword_tags(response)
    context = strip_pinyin(header.title + "".join(body))
    if tags is None and header.keywords_text:
        tags = fields.keyword_line(header.keywords_text) or []
    if tags is None:
        tags = tag_links(response, context)
    if tags is None and not any(fields.keyword_line(strip_pinyin(x)) for x in body[:20]):
        # Below the article's own keyword line, which serves first.
        tags = meta_keywords(response, header.title, context)
    article = loader.load_item()
    if tags:
        found = fields.page_keywords(tags, context)
        article.keywords = found.words
        if found.uncertain:
            article.flags.append("keywords_uncertain")
    return article


def _keyword_tags(response: TextResponse) -> list[str] | None:
    """The keyword tags of the `关键词:` element, one per link; None if none."""
    for element in response.xpath(
        "//*[contains(text(), '键') or contains(text(), '鍵') or contains(text(), '标签')"
        " or contains(text(), '標籤')]"
    ):
        own_text = strip_pinyin(" ".join(element.xpath("text()").getall())).strip()
        if fields.keyword_line(own_text + " ") is None and not re.match(
            r"^[\[【]?(?:(?:关键|關鍵)[词詞字]|标签|標籤)", own_text
        ):
            continue
        links = (
            element.css("a::text").getall() or element.xpath("following-sibling::a/text()").getall()
        )
        links = [t.strip() for t in links if t.strip()]
        if links:
            return links
    return None


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


def _reprinted_byline(title: str, body: list[str]) -> list[str]:
    """The names under the title where the text prints the title again
    before itself (a journal's front matter): `题目 / 韩静 / （单位）`."""
    body = [line for line in body[:6] if not is_furniture(line)]
    if len(body) < 2 or squash_title(body[0]) != squash_title(title):
        return []
    names = fields.split_authors(body[1]) if len(body[1]) <= 30 else []
    if names and all(fields.is_person_name(n) for n in names):
        return names
    return []


_CLOSING_BYLINE = re.compile(
    r"^[（(]?\s*(?:作\s*者|撰\s*稿|执\s*笔)\s*[:：]\s*(?P<names>[^）)]+?)[）)]?$"
)


def _closing_byline(body: list[str]) -> list[str]:
    """The authors a text names after itself: `（作者：王晓，浙江省人大常委会研究室）`."""
    for line in body[-3:]:
        match = _CLOSING_BYLINE.match(line.strip())
        if match:
            names = fields.split_authors(re.split(r"[,，]\s*(?=\S{5,})", match["names"])[0])
            if names and all(fields.is_person_name(n) for n in names):
                return names
    return []


_BIO = re.compile(r"^(?:作者简介|作者簡介)\s*[:：]\s*(?P<name>[\u4e00-\u9fff·]{2,8}?)\s*[（(，,]")


def _bio_byline(body: list[str]) -> list[str]:
    """The author a note on the author names (`作者简介：白卫勇，甘肃省…`)."""
    for line in body[:15]:
        match = _BIO.match(line.strip())
        if match and fields.is_person_name(match["name"]) and fields.has_surname(match["name"]):
            return [match["name"]]
    return []


def squash_title(text: str) -> str:
    return re.sub(r"[\s*＊※]", "", text)


def stated_authors(response: TextResponse) -> list[str]:
    """Authors a page states outside its text lines, where those name none:
    JSON-LD `author`, `<meta name="author">`, elements marked as the author
    (`itemprop="author"`, `rel="author"`, `class="author"`). Only what reads as
    people's names counts: a site's or its software's name is no author."""
    stated: list[str] = []
    for entry in json_ld(response):
        author = entry.get("author")
        for one in author if isinstance(author, list) else [author]:
            name = one.get("name") if isinstance(one, dict) else one
            if isinstance(name, str):
                stated.append(name)
    stated += response.xpath(
        "//meta[translate(@name, 'AUTHOR', 'author')='author']/@content"
    ).getall()
    for element in response.xpath(
        "//*[@itemprop='author' or @rel='author' or contains(concat(' ', @class, ' '), ' author ')]"
    ):
        stated.append(" ".join(element.xpath(".//text()").getall()))
    for text in stated:
        names = fields.split_authors(text)
        if names and all(fields.is_person_name(n) for n in names):
            return names
    return []


_DATE_METAS = (
    "article:published_time",
    "og:article:published_time",
    "pubdate",
    "publishdate",
    "publish_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "firstpublishedtime",
)


def stated_date(response: TextResponse) -> str:
    """The posting time a page states only for machines, where its text shows
    none: meta tags (`article:published_time`, `PubDate`, …), JSON-LD
    `datePublished`, a `<time datetime>`. As `YYYY-MM-DD HH:MM:SS` text, or ''."""
    found: list[str] = []
    for meta in response.xpath("//meta[@content]"):
        key = (meta.attrib.get("property") or meta.attrib.get("name") or "").lower()
        if key in _DATE_METAS:
            found.append(meta.attrib["content"])
    found += [
        e["datePublished"] for e in json_ld(response) if isinstance(e.get("datePublished"), str)
    ]
    found += response.xpath("//time/@datetime").getall()
    for value in found:
        match = re.match(r"\s*((?:19|20)\d\d-\d\d-\d\d)(?:[T ](\d\d:\d\d(?::\d\d)?))?", value)
        if match:
            return " ".join(part for part in match.groups() if part)
    return ""
