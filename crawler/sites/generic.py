"""Any page of the aggregator family, whatever its host and HTML: read from the
text layout every copy shares (title; posting time run together with the
author; journal and issue; `关键词:`; body; `猜你喜欢`) and from what a page
offers beyond it (`<h1>`, `<title>`, meta tags, JSON-LD)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from lxml import html as lxml_html
from parsel import Selector
from scrapy.http import TextResponse

from crawler import fields
from crawler.items import Article
from crawler.loaders import ArticleLoader
from crawler.sites.text import HIDDEN_TAGS, visible_lines
from pipelines.cleaning.body import is_chrome_line, is_end_of_article
from pipelines.cleaning.pinyin import strip_pinyin
from pipelines.cleaning.spam import is_spam_line

HEADER_WINDOW = 8
# Labels of info lines, in the words Chinese sites use for them.
_DATE_WORDS = (
    r"[\u4e00-\u9fff]{0,4}(?:时间|時間|日期|日子)|发布于|發布於|发表于|發表於|更新于|上传于|收录于"
)
_DATE_LABEL = re.compile(rf"^(?:{_DATE_WORDS})\s*[:：]?\s*(?=[\d０-９])")
_AUTHOR_WORDS = r"作\s*者|作者名|撰\s*文|撰稿人?|文|供稿|记者|記者|执笔|執筆"
_AUTHOR_LABEL = re.compile(rf"(?:^|\s)(?:{_AUTHOR_WORDS})\s*[:：/]\s*")
_SOURCE_WORDS = (
    r"来源|來源|出处|出處|出自|来自|來自|刊名|期刊|刊物|期刊名称|期刊名稱|所属期刊|所屬期刊"
    r"|文章来源|文章來源|发表于|發表於|收录于|收錄於|原载|原載|选自|選自"
)
_SOURCE_LABEL = rf"(?:{_SOURCE_WORDS})\s*[:：]?\s*"
_JOURNAL_LINE = re.compile(
    rf"^(?:{_SOURCE_LABEL})?《?(?P<journal>[\u4e00-\u9fff]{{2,14}}?)》?\s*[,，·・|｜/]?\s*"
    r"[（(]?(?P<label>(?:19|20)\d\d\s*(?:年\s*(?:第\s*)?[Zz]?\d{1,2}(?:\s*[-/／]\s*\d{1,2})?\s*期"
    r"|\(\d{1,2}\)))[）)]?\s*$"
)
_TITLE_SPLIT = re.compile(
    r"\s*(?:_|\||｜| - | – | — |－|(?<=[\u4e00-\u9fff”》）])-(?=[\u4e00-\u9fff“《（]))\s*"
)


@dataclass
class Header:
    """What the lines under the title say."""

    title_at: int
    end: int
    title: str = ""
    posted_line: str = ""
    byline: str = ""
    journal: str | None = None
    label: str | None = None
    keywords_text: str | None = None
    gap: int = -1  # lines between the title and its first header line


def _squash(text: str) -> str:
    return re.sub(r"[\s*＊※]", "", text)


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
    for script in response.css('script[type="application/ld+json"]::text').getall():
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for entry in data if isinstance(data, list) else [data]:
            if isinstance(entry, dict) and isinstance(entry.get("headline"), str):
                named.append(entry["headline"])
    page_title = response.css("title::text").get("")
    named += [part for part in _TITLE_SPLIT.split(page_title) if len(part) >= 4]
    found += [(text, 0) for text in named]
    return [(text.strip(), rank) for text, rank in found if text.strip()]


_LABELLED = re.compile(r"(?:^|\s+)(?=(?:[\u4e00-\u9fff]\s?){2,4}[:：])")
_DATE_ANYWHERE = re.compile(
    r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?(?:\s*\d{1,2}:\d\d(?::\d\d)?)?"
)


def _is_posted(line: str) -> fields.Posted | None:
    """A posting line: a date (and time) with at most a short byline around it
    (`2018-11-20 01:18:20陈殊书`, `令狐怡涛 2018-11-22 20:32:31`)."""
    line = _DATE_LABEL.sub("", fields.strip_bullets(fields.halfwidth_digits(line)))
    match = _DATE_ANYWHERE.search(line)
    if match is None:
        return None
    before, after = line[: match.start()].strip(), line[match.end() :].strip()
    if (
        len(before) > 20
        or (before and after)
        or len(after) > 40
        or re.search(r"[:：]", before + after)
    ):
        return None  # a labelled info line: `labelled_parts` reads it
    found = fields.posted(match.group())
    if found is None:
        return None
    return fields.Posted(found.date, found.time, before or after)


def labelled_parts(line: str) -> dict[str, str]:
    """The `标签：值` parts of an info line.

    >>> labelled_parts("作者：林萍雅 发布时间：2018-11-22 20:32:19 来源：上海人大月刊 2018年10期")
    {'作者': '林萍雅', '发布时间': '2018-11-22 20:32:19', '来源': '上海人大月刊 2018年10期'}
    """
    parts: dict[str, str] = {}
    for piece in _LABELLED.split(line):
        label, sep, value = piece.partition("：") if "：" in piece else piece.partition(":")
        if sep and 2 <= len(label.replace(" ", "")) <= 4:
            parts[label.replace(" ", "")] = value.strip()
    return parts


def journal_line(line: str) -> tuple[str, str] | None:
    """Journal and issue label from a journal line.

    >>> journal_line("上海人大月刊 2018年9期")
    ('上海人大月刊', '2018年9期')
    >>> journal_line("来源：《上海人大月刊》2018年第9期")
    ('上海人大月刊', '2018年第9期')
    >>> journal_line("浙江人大(2014年6期)")
    ('浙江人大', '2014年6期')
    >>> journal_line("今年是2018年") is None
    True
    """
    match = _JOURNAL_LINE.match(fields.halfwidth_digits(fields.strip_bullets(line)).strip())
    if match is None:
        return None
    return match["journal"], re.sub(r"\s+", "", match["label"])


def read_header(lines: list[str], candidates: list[str]) -> Header | None:
    """Find the title among the page's lines and read the header lines under it.

    A stated title (`<h1>`, `<title>`, …) followed by header lines is the
    title; of several, the one whose header lines follow it most closely (a
    copy site's spam heading sits further above them). Without one, the line
    above the first posting line is taken."""
    wanted = [(_squash(c), rank) for c, rank in candidates]
    best: Header | None = None
    best_key = (9, 99)
    for i, line in enumerate(lines):
        squashed = _squash(fields.strip_bullets(line))
        if len(squashed) < 2 or is_spam_line(line) or squashed.startswith(("—", "-")):
            continue
        ranks = [
            r for w, r in wanted if squashed == w or (len(squashed) >= 6 and w.startswith(squashed))
        ]
        if not ranks or is_end_of_article(line):
            continue
        header = _read_from(lines, i)
        key = (min(ranks), header.gap)
        if (header.posted_line or header.journal) and key < best_key:
            best, best_key = header, key
    if best is not None:
        return best
    for p, line in enumerate(lines):
        if not _is_posted(line):
            continue
        start = p - 1
        while start > 0 and (journal_line(lines[start]) or fields.keyword_line(lines[start])):
            start -= 1
        if start >= 0:
            return _read_from(lines, start)
    return None


def _read_from(lines: list[str], start: int) -> Header:
    header = Header(title_at=start, end=start + 1)
    next_line = lines[start + 1] if start + 1 < len(lines) else ""
    header.title = fields.clean_title(lines[start], next_line)
    i = start + 1
    if "——" in header.title and fields.strip_bullets(next_line).startswith(("—", "-")):
        i += 1
    after_title = i
    misses = 0
    while i < len(lines) and i <= start + HEADER_WINDOW and misses < 3:
        if len(lines[i]) > 120 or ("。" in lines[i] and len(lines[i]) > 30):
            break  # prose: the body has begun
        if is_chrome_line(lines[i]) or is_spam_line(lines[i]):
            i += 1
            continue
        if _read_line(header, fields.strip_bullets(lines[i])):
            if header.gap < 0:
                header.gap = i - after_title
            misses = 0
            header.end = i + 1
        else:
            misses += 1
        i += 1
    return header


def _read_line(header: Header, line: str) -> bool:
    """Take what a header line says; False where it says nothing of ours."""
    if not header.posted_line and (posted := _is_posted(line)):
        header.posted_line = line
        header.byline = header.byline or _AUTHOR_LABEL.sub(" ", posted.rest).strip()
        return True
    if header.journal is None and (found := journal_line(line)):
        header.journal, header.label = found
        return True
    if header.keywords_text is None and fields.keyword_line(line) is not None:
        header.keywords_text = line
        return True
    if header.journal is None and (
        alone := re.fullmatch(r"《([\u4e00-\u9fff]{2,14})》", line.strip())
    ):
        header.journal = alone[1]
        return True
    if header.label is None and re.fullmatch(
        r"(?:19|20)\d\d\s*年\s*(?:第\s*)?[Zz]?\d{1,2}(?:\s*[-/]\s*\d{1,2})?\s*期",
        fields.halfwidth_digits(line.strip()),
    ):
        header.label = re.sub(r"\s+", "", fields.halfwidth_digits(line.strip()))
        return True
    parts = labelled_parts(line)
    taken = False
    year = issue = None
    for label, value in parts.items():
        if re.fullmatch(_AUTHOR_WORDS, label) and not header.byline:
            header.byline, taken = value, True
        elif re.fullmatch(_DATE_WORDS, label) and not header.posted_line and _is_posted(value):
            header.posted_line, taken = value, True
        elif re.fullmatch(_SOURCE_WORDS, label) and header.journal is None:
            found = journal_line(value)
            if found:
                header.journal, header.label = found
            elif re.fullmatch(r"《?[\u4e00-\u9fff]{2,14}》?", value):
                header.journal = value.strip("《》")
            taken = True
        elif re.fullmatch(r"年[份度]?|出版年|出版年份", label):
            year = re.search(r"(?:19|20)\d\d", fields.halfwidth_digits(value))
        elif re.fullmatch(r"期[号號次数數]?|刊期", label):
            issue = re.search(r"[Zz]?\d{1,2}(?:\s*[-/]\s*\d{1,2})?", fields.halfwidth_digits(value))
    if header.journal and not header.label and year and issue:
        header.label = f"{year.group()}年{issue.group()}期"
        taken = True
    return taken


def _paragraph_weight(element: lxml_html.HtmlElement) -> int:
    """Characters of prose directly in an element (text, tails, `<p>` children)."""
    pieces = [element.text or ""]
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in ("p", "br", "span", "font", "strong", "b", "em"):
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
    return Selector(root=best)


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
    header = read_header([strip_pinyin(line) for line in lines], title_candidates(response))
    if header is None or not header.title:
        return None
    following = lines[header.title_at + 1] if header.title_at + 1 < len(lines) else ""
    header.title = fields.clean_title(lines[header.title_at], following)
    body = body_lines(lines, header, body_container(page[0]))
    # Keyword tags under the body belong to the page, not the article.
    while body and (is_chrome_line(body[-1]) or fields.keyword_line(strip_pinyin(body[-1]))):
        last = strip_pinyin(body.pop())
        if header.keywords_text is None and fields.keyword_line(last):
            header.keywords_text = last
    if not body:
        return None
    if header.keywords_text is None:
        header.keywords_text = _keywords_outside(lines[header.end :], body)
    loader = ArticleLoader(response=response)
    loader.add_value("title", header.title)
    loader.add_posted_line(header.posted_line)
    loader.add_value("authors", fields.byline_authors(header.byline, body[:3]))
    loader.add_issue_line(header.journal, header.label)
    loader.add_value("body", body)
    tags = _keyword_tags(response)
    context = strip_pinyin(header.title + "".join(body))
    if tags is None and header.keywords_text:
        tags = fields.keyword_line(header.keywords_text) or []
    article = loader.load_item()
    if tags:
        found = fields.page_keywords(tags, context)
        article.keywords = found.words
        if found.uncertain:
            article.flags.append("keywords_uncertain")
    return article


def _keywords_outside(lines: list[str], body: list[str]) -> str | None:
    """A keyword line the page shows apart from the body (under it, say)."""
    inside = set(body)
    for line in lines:
        if is_end_of_article(line):
            return None
        if line not in inside and fields.keyword_line(strip_pinyin(line)):
            return strip_pinyin(line)
    return None


def _keyword_tags(response: TextResponse) -> list[str] | None:
    """The keyword tags of the `关键词:` element, one per link; None if none."""
    for element in response.xpath("//*[contains(text(), '键') or contains(text(), '鍵')]"):
        own_text = strip_pinyin(" ".join(element.xpath("text()").getall())).strip()
        if fields.keyword_line(own_text + " ") is None and not re.match(
            r"^[\[【]?(?:关键|關鍵)[词詞字]", own_text
        ):
            continue
        links = (
            element.css("a::text").getall() or element.xpath("following-sibling::a/text()").getall()
        )
        links = [t.strip() for t in links if t.strip()]
        if links:
            return links
    return None
