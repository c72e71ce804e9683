"""A posting date or time that does not exist is no value: the article takes
the date its URL carries (flag `date_from_url`), and the page's authors still
count. (The rules themselves: the doctests of crawler/fields/dates.py.)"""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse

from crawler import sites

URL = "https://www.fx361.com/page/2018/1120/7000001.shtml"
BODY = "<p>常委会组成人员深入基层，听取人大代表和人民群众的意见建议，推动问题解决。</p>" * 6


def article(posted: str, url: str = URL):
    page = (
        "<html><head><meta charset='utf-8'><title>代表工作站建设贵在落实</title></head><body>"
        "<div class='detail_main'><h1 id='title'>代表工作站建设贵在落实</h1>"
        f"<div class='time_source'><span>{posted}</span><span>陈殊书</span>"
        "<span>上海人大月刊 2018年9期</span></div>"
        f"<div class='detail_body'><div class='txt'>{BODY}</div></div></div></body></html>"
    )
    return sites.parse_article(HtmlResponse(url, body=page.encode("utf-8")))


@pytest.mark.parametrize("posted", ["2018-02-31 01:18:20", "2018-19-05", "2018年2月30日"])
def test_an_impossible_date_gives_way_to_the_urls(posted: str) -> None:
    found = article(posted)
    assert (found.date, found.time) == ("2018-11-20", None)
    assert "date_from_url" in found.flags
    assert found.authors == ["陈殊书"]


def test_an_impossible_time_is_dropped_and_the_date_kept() -> None:
    found = article("2018-11-19 25:99:00")
    assert (found.date, found.time) == ("2018-11-19", None)
    assert "date_from_url" not in found.flags


def test_no_date_that_exists_anywhere_is_no_date() -> None:
    found = article("2018-02-31", url="https://www.fx361.com/page/2018/0231/7000001.shtml")
    assert found.date is None and "date_from_url" not in found.flags
