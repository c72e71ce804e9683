"""fx361.com (参考网), the periodical aggregator: its URL shapes and its article
pages, desktop (`www.`, `/page/YYYY/MMDD/<id>.shtml`) and mobile (`m.`,
`/news/YYYY/MMDD/<id>.html`, the same article number). Its navigation pages
(home, category, journal home, year page, issue) are read by
`crawler.sites.fx361nav`.

Every selector below is taken from public code that reads fx361.com, as
docs/fx361.md lists it (source, year seen):

- `.detail_main h1#title` (TITLE): the article's title; the Scrapy spider
  `grasp_fx361`, about 2021–2022.
- `.time_source` (TIME_SOURCE): posting time and author (`span`s); the
  BeautifulSoup issue scraper (`.time_source span[1]` the author), about 2021.
  What its other spans hold the evidence does not say, so the block's text is
  read as a whole: the posting time, the authors, and a journal line
  (`上海人大月刊 2018年9期`) where one is printed.
- `.article_keyword a` (KEYWORDS): keyword links; the same scraper, about 2021.
- `.detail_body .txt p` (BODY_TXT; the first `p` the author line) and
  `.detail_body p` (BODY_P): the text; the same scraper (`.txt p[1:]`) and
  TonyLee1024/AIPa (`.detail_body p`), about 2020–2021.
- the `p` siblings before `div.article_love` (RELATED), the related
  articles that follow the text: `grasp_fx361`, about 2021–2022.
- mobile `.main` (M_MAIN), `.bt` (title), `.sj` (posting time), `.wz_content`
  (text), `.others` (related articles, excluded): GSIL-Monitor/MyApplication3
  (`MagazineContentActivity`), 2017–2018, and the legado book source, 2024.
- the header lines' order (title; posting date and authors; `<journal>
  YYYY年N期`; `关键词:`; the text, its first line the authors): stored copies
  of the mirrors `m.fx361.cc` and `fx361.cc`, articles of 2015–2019.

URL shapes (docs/fx361.md, "Page kinds"): category `/bk/<cat>.html`, journal
home `/bk/<code>/index.html`, year page `/bk/<code>/history_YYYY.html`
(AIPa, about 2020), issue `/bk/<code>/<YYYY><N>.html` (N not zero-padded: the
issue scraper, about 2021; any other `/bk/<code>/<YYYY>….html` is taken for an
issue page too, combined issues being unevidenced), desktop and mobile article
as above (the Android reader, 2017–2018; the mirrors' copies).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from parsel import Selector, SelectorList
from scrapy.http import TextResponse

from crawler import fields
from crawler.items import Article
from crawler.loaders import ArticleLoader, squash_spaces

DEFAULT_BASE_URL = "https://www.fx361.com"
DEFAULT_MOBILE_URL = "https://m.fx361.com"

# URL shapes: what each kind of page is when its markup says nothing.
CATEGORY_PATH = re.compile(r"^/bk/(?P<cat>[A-Za-z0-9_-]+)\.html$")
JOURNAL_PATH = re.compile(r"^/bk/(?P<code>[A-Za-z0-9_-]+)/(?:index\.html)?$")
YEAR_PATH = re.compile(r"^/bk/(?P<code>[A-Za-z0-9_-]+)/history_(?P<year>\d{4})\.html$")
ISSUE_PATH = re.compile(r"^/bk/(?P<code>[A-Za-z0-9_-]+)/(?P<year>\d{4})[^/]*\.html$")
DESKTOP_ARTICLE_PATH = re.compile(r"^/page/(?P<date>\d{4}/\d{4})/(?P<id>\d+)\.shtml$")
MOBILE_ARTICLE_PATH = re.compile(r"^/news/(?P<date>\d{4}/\d{4})/(?P<id>\d+)\.html$")
SHAPES = {
    "category": "/bk/<cat>.html",
    "journal": "/bk/<code>/index.html",
    "year": "/bk/<code>/history_YYYY.html",
    "issue": "/bk/<code>/<YYYY>….html",
    "article": "/page/YYYY/MMDD/<id>.shtml, /news/YYYY/MMDD/<id>.html",
}

# Desktop article page
DETAIL = ".detail_main"
TITLE = ".detail_main h1#title"
TIME_SOURCE = ".time_source"
KEYWORDS = ".article_keyword a"
BODY_TXT = ".detail_body .txt p"
BODY_P = ".detail_body p"
RELATED = "div.article_love"  # the text is the `p` siblings before it (BODY_BEFORE_LOVE)
# Mobile article page
M_MAIN = ".main"
M_TITLE = ".main .bt"
M_TIME = ".main .sj"
M_BODY = ".main .wz_content p"
M_OTHERS = ".others"

# `上海人大月刊 2018年9期`, `《人大研究》2018年第9期`: a journal line's label.
_LABEL = re.compile(
    r"(?:19|20)\d\d\s*年\s*(?:第\s*)?(?:[Zz]\d{1,2}|\d{1,2}(?:\s*[-/／]\s*\d{1,2})?)\s*期"
)
_FIELD_NAME = re.compile(r"^(?:来源|出处|期刊|刊名|作者|发布时间|时间|日期)\s*[:：]\s*")


def kind_of(url: str) -> str | None:
    """The kind of aggregator page a URL has the shape of.

    >>> [kind_of("https://www.fx361.com" + p) for p in ("/bk/szzh.html", "/bk/rdyj/index.html",
    ...      "/bk/rdyj/history_2018.html", "/bk/rdyj/20189.html", "/bk/rdyj/2015z1.html",
    ...      "/page/2018/1120/5108306.shtml", "/bk/rdyj/about.html")]
    ['category', 'journal', 'year', 'issue', 'issue', 'article', None]
    >>> kind_of("https://m.fx361.com/news/2018/1120/5108306.html")
    'article'
    """
    path = urlsplit(url).path
    for kind, shape in (
        ("category", CATEGORY_PATH),
        ("journal", JOURNAL_PATH),
        ("year", YEAR_PATH),
        ("issue", ISSUE_PATH),
    ):
        if shape.match(path):
            return kind
    return "article" if is_article_url(url) else None


def is_article_url(url: str) -> bool:
    path = urlsplit(url).path
    return bool(DESKTOP_ARTICLE_PATH.match(path) or MOBILE_ARTICLE_PATH.match(path))


def mobile_path(url: str) -> str | None:
    """The mobile page's path of a desktop article URL (same date, same number).

    >>> mobile_path("https://www.fx361.com/page/2018/1120/5108306.shtml")
    '/news/2018/1120/5108306.html'
    """
    match = DESKTOP_ARTICLE_PATH.match(urlsplit(url).path)
    return f"/news/{match['date']}/{match['id']}.html" if match else None


def matches(response: TextResponse) -> bool:
    """The aggregator's own article page, desktop or mobile: its address and
    its markup (a copy site may keep the address shape, a redesign the
    address: either way the generic extractor reads the page)."""
    path = urlsplit(response.url).path
    if DESKTOP_ARTICLE_PATH.match(path):
        return bool(response.css(TITLE))
    if MOBILE_ARTICLE_PATH.match(path):
        return bool(response.css(M_TITLE) and response.css(M_BODY))
    return False


def parse_article(response: TextResponse) -> Article:
    if response.css(TITLE):
        return _desktop(response)
    return _mobile(response)


def has_class(name: str) -> str:
    """An XPath test for one class among an element's classes.

    >>> has_class("bt")
    "contains(concat(' ', normalize-space(@class), ' '), ' bt ')"
    """
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def _text(selection: Selector | SelectorList) -> str:
    if isinstance(selection, SelectorList):
        return " ".join(_text(s) for s in selection).strip()
    return squash_spaces(selection.root.xpath("string()"))  # lxml's own: no Selector made


def header_pieces(block: Selector) -> tuple[str, list[str], str | None, str | None]:
    """The posting line, the author pieces, the journal and the issue label
    of a header block (`.time_source`, `.sj`), read from its text pieces
    whatever elements hold them.

    >>> html = ('<div class="time_source"><span>2018-11-20 01:18:20</span>'
    ...         '<span>陈殊书</span><span>上海人大月刊 2018年9期</span></div>')
    >>> header_pieces(Selector(text=html).css("div")[0])
    ('2018-11-20 01:18:20', ['陈殊书'], '上海人大月刊', '2018年9期')
    >>> html = ('<div><span>发布时间：2016-06-30</span> 作者：<span>虞崇胜 温潇俊</span>'
    ...         '<span>来源：<a>《人大研究》</a></span><span>2016年第6期</span></div>')
    >>> header_pieces(Selector(text=html).css("div")[0])
    ('2016-06-30', ['虞崇胜 温潇俊'], '人大研究', '2016年第6期')
    """
    pieces = [squash_spaces(t) for t in block.xpath(".//text()").getall()]
    pieces = [p for p in (_FIELD_NAME.sub("", p) for p in pieces if p.strip()) if p]
    posted_line, authors = "", []
    journal = label = None
    for n, piece in enumerate(pieces):
        if not posted_line and fields.posted(piece):
            posted_line = piece
            continue
        if label is None and (match := _LABEL.search(fields.halfwidth_digits(piece))):
            label = match[0]
            journal = piece[: match.start()].strip(" 《》<>") or None
            if journal is None and n > 0 and authors and pieces[n - 1] == authors[-1]:
                journal = authors.pop().strip(" 《》<>")  # the label alone after the journal
            continue
        authors.append(piece)
    return posted_line, authors, journal, label


def _add_header(loader: ArticleLoader, block: Selector | None, first_line: str) -> None:
    if block is None:
        return
    posted_line, pieces, journal, label = header_pieces(block)
    rest = loader.add_posted_line(posted_line)
    byline = " ".join(p for p in [rest, *pieces] if p)
    loader.add_value("authors", fields.byline_authors(byline, first_line))
    loader.add_issue_line(journal, label)


def _desktop(response: TextResponse) -> Article:
    loader = ArticleLoader(response=response)
    loader.add_value("title", fields.clean_title(_text(response.css(TITLE)), ""))
    before_related = response.css(RELATED)[:1].xpath("preceding-sibling::p")
    paragraphs = response.css(BODY_TXT) or response.css(BODY_P) or before_related
    blocks = [_text(p) for p in paragraphs]
    blocks = [b for b in blocks if b]
    header = response.css(TIME_SOURCE)
    _add_header(loader, header[0] if header else None, blocks[0] if blocks else "")
    loader.add_value("keywords", [_text(a) for a in response.css(KEYWORDS)])
    loader.add_value("body", blocks)
    return loader.load_item()


def _mobile(response: TextResponse) -> Article:
    """The mobile page: `.main` holds the title (`.bt`), the posting time and
    author (`.sj`), a journal line and a keyword line (each a `p` of its own
    in the sample site's model; found by their text), the text
    (`.wz_content`) and the related articles (`.others`, left out)."""
    loader = ArticleLoader(response=response)
    main = response.css(M_MAIN)[0]
    loader.add_value("title", fields.clean_title(_text(main.css(".bt")), ""))
    blocks = [b for b in (_text(p) for p in main.css(".wz_content p")) if b]
    header = main.css(".sj")
    _add_header(loader, header[0] if header else None, blocks[0] if blocks else "")
    apart = " or ".join(map(has_class, ("wz_content", "others", "bt", "sj")))
    outside = f"not(ancestor-or-self::*[{apart}])"
    for line in main.xpath(f".//p[{outside}] | .//div[{outside}][not(.//div)]"):
        text = _text(line)
        if text.startswith(("关键词", "關鍵詞")) and line.css("a"):
            loader.add_value("keywords", [_text(a) for a in line.css("a")])
        elif not loader.get_output_value("journal") and _LABEL.search(text):
            _, _, journal, label = header_pieces(line)
            loader.add_issue_line(journal, label)
    loader.add_value("body", blocks)
    return loader.load_item()
