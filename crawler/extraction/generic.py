"""Any page of the aggregator family, whatever its host and HTML: read from the
text layout every copy shares (title; posting time run together with the
author; journal and issue; `关键词:`; body; `猜你喜欢`) and from what a page
offers beyond it (`<h1>`, `<title>`, meta tags, JSON-LD).

This module puts the reading together: the title and header lines (`header`),
the text (`bodyblock`), notes apart from it (`sourcenotes`), bylines in the
text (`bylines`), what the page states (`pagemeta`, `pagekeywords`)."""

from __future__ import annotations

import re

from scrapy.http import TextResponse

from crawler import fields
from crawler.extraction.bodyblock import block_starts, body_container, body_lines
from crawler.extraction.bylines import bio_byline, closing_byline, reprinted_byline
from crawler.extraction.header import read_header
from crawler.extraction.lines import visible_lines_and_part
from crawler.extraction.pagekeywords import keyword_tags, meta_keywords, tag_links
from crawler.extraction.pagemeta import stated_authors, stated_date, title_candidates
from crawler.extraction.sourcenotes import notes_apart, trailing_source
from crawler.items import Article
from crawler.loaders import ArticleLoader
from pipelines.cleaning.pinyin import strip_pinyin


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
    # Each element's Python object, kept while the page is read: lxml makes one
    # (asking lxml.html for its class) whenever a walk meets an element that has
    # none alive, and the reading walks the page several times.
    _elements = list(response.selector.root.iter())
    container = body_container(page[0])
    lines, inner = visible_lines_and_part(page[0], container)
    starts = block_starts(lines, inner) if inner is not None else ()
    candidates = title_candidates(response)
    header = read_header([strip_pinyin(line) for line in lines], candidates, starts)
    if header is None or not header.title:
        return None
    following = lines[header.title_at + 1] if header.title_at + 1 < len(lines) else ""
    header.title = _untagged(fields.clean_title(lines[header.title_at], following), candidates)
    if header.subtitle:
        header.title += "——" + header.subtitle
    body = body_lines(lines, header, inner)
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
        or reprinted_byline(header.title, body)
        or closing_byline(body)
        or bio_byline(body)
        or stated_authors(response)
    )
    # A byline beside the posting time may carry the account or site that posted.
    authors = [name for name in authors if not fields.is_organisation(name)]
    loader.add_value("authors", authors)
    loader.add_issue_line(header.journal, header.label)
    loader.add_value("body", body)
    tags = keyword_tags(response)
    if tags is None and header.keywords_text:
        tags = fields.keyword_line(header.keywords_text) or []
    if tags is None:
        # The text the page's tags must occur in (made only here: it is the whole text).
        context = strip_pinyin(header.title + "".join(body))
        tags = tag_links(response, context)
        if tags is None and not any(fields.keyword_line(strip_pinyin(x)) for x in body[:20]):
            # Below the article's own keyword line, which serves first.
            tags = meta_keywords(response, header.title, context)
    article = loader.load_item()
    if tags:
        article.keywords = fields.page_keywords(tags)
    return article
