"""Bad pages get a clear outcome, never a crash: a stored article with flags,
a dropped item with its reason, or `not an article`. Each case runs the
project's parsers and its clean and validate pipelines on a page written here."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import pytest
from scrapy.exceptions import DropItem
from scrapy.http import HtmlResponse, Response, TextResponse
from scrapy.utils.test import get_crawler

from crawler import sites
from pipelines.clean import CleanPipeline
from pipelines.validate import ValidatePipeline

URL = "https://www.fx361.com/page/2018/1120/7000001.shtml"
PARAGRAPH = "常委会组成人员深入基层，听取人大代表和人民群众的意见建议，推动问题解决。"
BODY = "".join(f"<p>{PARAGRAPH}</p>" for _ in range(6))


def page(
    title: str = "代表工作站建设贵在落实",
    posted: str = "2018-11-20 01:18:20",
    author: str = "陈殊书",
    source: str = "上海人大月刊 2018年9期",
    keywords: str = '<span>关键词：</span><a href="/search?keyword=1">代表工作站</a>',
    body: str = BODY,
    head: str = "",
) -> str:
    """A desktop article page of the aggregator, as docs/fx361.md has it."""
    return (
        f"<html><head><meta charset='utf-8'><title>{title} - 参考网</title>{head}</head><body>"
        "<div class='navBox'><a href='/'>首页</a></div>"
        f"<div class='detail_main'><h1 id='title'>{title}</h1>"
        f"<div class='time_source'><span>{posted}</span><span>{author}</span>"
        f"<span>{source}</span></div>"
        f"<div class='article_keyword'>{keywords}</div>"
        f"<div class='detail_body'><div class='txt'>{body}</div></div>"
        "<div class='article_love'><div class='hd'>猜你喜欢</div></div></div></body></html>"
    )


def copy_page(posted: str) -> str:
    """The same article on a copy site, its header lines one element each."""
    return (
        "<html><head><meta charset='utf-8'><title>代表工作站建设贵在落实</title></head><body>"
        "<div class='post'><h1>代表工作站建设贵在落实</h1>"
        f"<div class='info'>{posted}陈殊书</div><div class='from'>上海人大月刊 2018年9期</div>"
        "<div class='tags'>关键词：<a href='/t/1'>代表工作站</a></div>"
        f"<div class='content'>{BODY}</div></div></body></html>"
    )


@dataclass
class Outcome:
    kind: str  # stored, dropped, not_an_article
    reason: str = ""
    record: dict[str, Any] | None = None

    @property
    def flags(self) -> set[str]:
        return set((self.record or {}).get("flags") or [])


def outcome(response: Response) -> Outcome:
    try:
        article = sites.parse_article(response)
    except sites.NotAnArticle as exc:
        return Outcome("not_an_article", str(exc))
    crawler = get_crawler()
    crawler.stats.open_spider()
    item = CleanPipeline().process_item(article)
    try:
        item = ValidatePipeline.from_crawler(crawler).process_item(item)
    except DropItem as exc:
        return Outcome("dropped", str(exc))
    return Outcome("stored", record=vars(item))


def html(text: str, url: str = URL, **headers: str) -> Response:
    return HtmlResponse(url, body=text.encode("utf-8"), headers=headers or None)


def test_a_good_page_is_stored_clean() -> None:
    result = outcome(html(page()))
    assert result.kind == "stored"
    assert result.flags == set()
    assert result.record["body"].split("\n") == [PARAGRAPH] * 6


@pytest.mark.parametrize(
    ("name", "response", "expected_kind", "reason_or_flags"),
    [
        ("unclosed tags", html(page().replace("</p>", "").replace("</div>", "")), "stored", set()),
        ("no html, head or body tags", html(page().split("<body>", 1)[1]), "stored", set()),
        (
            "a year page",
            html(
                "<html><body><div class='hisWrap'><h3>浙江人大</h3><div class='selBox'>"
                "<a href='/bk/zjrd/history_2018.html'>2018</a></div><div class='results'>"
                "<a href='/bk/zjrd/20181.html'><span>浙江人大</span><span>2018年1期</span></a>"
                "</div></div></body></html>",
                "https://www.fx361.com/bk/zjrd/history_2018.html",
            ),
            "not_an_article",
            "",
        ),
        (
            "an issue page",
            html(
                "<html><body><div class='dirWrap'><h3>浙江人大</h3><div class='magBox1'>"
                "<p>2018年1期</p></div><div id='dirList'><div class='dirItem02'><h5>特稿</h5>"
                "<ul><li><a href='/page/2018/0301/1.shtml'>一篇文章</a></li></ul></div></div>"
                "</div></body></html>",
                "https://www.fx361.com/bk/zjrd/20181.html",
            ),
            "not_an_article",
            "",
        ),
        ("an empty page", html("<html><body></body></html>"), "not_an_article", ""),
        (
            "a captcha page",
            html("<html><body><p>请输入验证码</p></body></html>"),
            "not_an_article",
            "",
        ),
        (
            "binary garbage",
            Response(
                URL, body=os.urandom(4096), headers={"Content-Type": "application/octet-stream"}
            ),
            "not_an_article",
            "is not a text page",
        ),
        ("no journal line", html(page(source="")), "stored", {"journal_unknown"}),
        ("no body", html(page(body="")), "dropped", "missing body"),
        (
            "a body that is only spam",
            html(
                page(
                    body="<p>国产精品一区二区_亚洲av在线_久久精品视频</p><p>汉阴县| 重庆市| "
                    "青州市| "
                    "张掖市| 洛宁县| 紫金县</p>"
                )
            ),
            "dropped",
            "missing body",
        ),
        (
            "a spam title",
            html(page(title="亚洲av高清在线观看_国产精品一区二区_免费毛片网站")),
            "dropped",
            "the title is spam",
        ),
        ("a 300-character title", html(page(title="人大" * 150)), "dropped", "title too long"),
        ("an impossible date", html(page(posted="2018-13-45")), "stored", {"date_from_url"}),
        (
            "an impossible date and no date in the URL",
            html(copy_page(posted="2018-13-45"), "http://copy.example/show.php?id=7000001"),
            "stored",
            set(),
        ),
        (
            "a posting date in the future",
            html(page(posted="2031-06-01 08:00:00")),
            "stored",
            {"date_in_future"},
        ),
        (
            "an issue year in the future",
            html(page(source="上海人大月刊 2031年3期")),
            "stored",
            {"year_in_future"},
        ),
        (
            "a 100,000-line body",
            html(page(body=f"<p>{PARAGRAPH}</p>" * 100_000)),
            "stored",
            {"body_truncated"},
        ),
        (
            "control characters",
            html(page(title="代表\x07工作站\x1b建设", body=f"<p>正\x00文\x08{PARAGRAPH}</p>")),
            "stored",
            set(),
        ),
        (
            "zero-width and odd spaces",
            html(page(body=f"<p>\u200b\u3000\u00a0{PARAGRAPH}\ufeff</p>")),
            "stored",
            set(),
        ),
        (
            "a script inside the body",
            html(page(body=f"<p>{PARAGRAPH}</p><script>alert(1)</script>")),
            "stored",
            set(),
        ),
        (
            "markup printed as text",
            html(page(body=f"<p>{PARAGRAPH}&lt;b&gt;加粗&lt;/b&gt;</p>")),
            "stored",
            {"markup_removed"},
        ),
        (
            "hidden spam in the body",
            html(
                page(
                    body=f"<p>{PARAGRAPH}</p><div style='display:none'>百家乐在线_六合彩开奖</div>"
                )
            ),
            "stored",
            set(),
        ),
        (
            "GBK bytes with no charset",
            HtmlResponse(
                URL,
                body=page().replace("<meta charset='utf-8'>", "").encode("gbk"),
                headers={"Content-Type": "text/html"},
            ),
            "stored",
            set(),
        ),
        (
            "GBK bytes said to be UTF-8",
            HtmlResponse(
                URL, body=page().encode("gbk"), headers={"Content-Type": "text/html; charset=utf-8"}
            ),
            "stored",
            set(),
        ),
        (
            "HTML served as text/plain",
            TextResponse(
                URL,
                body=page().encode("utf-8"),
                headers={"Content-Type": "text/plain; charset=utf-8"},
            ),
            "stored",
            set(),
        ),
        (
            "a title with only a footnote mark more",
            html(page(title="代表工作站建设贵在落实*")),
            "stored",
            set(),
        ),
        ("no keywords line", html(page(keywords="")), "stored", set()),
        ("no author", html(page(author="")), "stored", set()),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 60 else "",
)
def test_bad_page(name: str, response: Response, expected_kind: str, reason_or_flags: Any) -> None:
    result = outcome(response)
    assert result.kind == expected_kind, (name, result)
    if expected_kind == "stored":
        assert result.flags == reason_or_flags
        record = result.record
        assert record["title"] and record["body"]
        # a page with no journal line is stored with none (and no year, no issue)
        assert bool(record["journal"]) != ("journal_unknown" in result.flags)
        for text in (record["title"], record["body"]):
            assert not any(ord(ch) < 32 and ch != "\n" for ch in text)
            assert "<" not in text and "\u200b" not in text and "\ufeff" not in text
        assert "alert(1)" not in record["body"] and "百家乐" not in record["body"]
    else:
        assert reason_or_flags in result.reason


def test_the_cases_are_many_enough() -> None:
    assert len(test_bad_page.pytestmark[0].args[1]) >= 25
