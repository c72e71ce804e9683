"""Pages decode right whatever their charset says (crawler/extraction/decoding.py,
charset-normalizer among UTF-8, GB18030 and Big5): a wrong or missing charset
is overruled, a right one kept."""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse

from crawler.extraction.decoding import redecode

SIMPLIFIED = (
    "上海市人大常委会召开会议，听取代表工作站建设情况的汇报。代表们走访选民，体察民情。" * 3
)
TRADITIONAL = (
    "上海市人大常委會召開會議，聽取代表工作站建設情況的匯報。代表們走訪選民，體察民情。" * 3
)
RARE = "䶮龘𠀀"  # only GB18030 has them, of the GB family


def page(text: str, encoding: str, charset: str | None) -> HtmlResponse:
    head = f"<meta charset='{charset}'>" if charset else ""
    html = f"<html><head>{head}<title>人大</title></head><body><p>{text}</p></body></html>"
    return HtmlResponse("https://copy.example/a/1.html", body=html.encode(encoding))


@pytest.mark.parametrize(
    ("text", "encoding", "charset"),
    [
        (SIMPLIFIED, "gbk", None),
        (SIMPLIFIED, "gbk", "utf-8"),
        (SIMPLIFIED, "utf-8", "gbk"),
        (SIMPLIFIED, "utf-8", None),
        (SIMPLIFIED + RARE, "gb18030", "gbk"),
        (TRADITIONAL, "big5", None),
        (TRADITIONAL, "big5", "gb2312"),
        (TRADITIONAL, "utf-8", "big5"),
    ],
)
def test_the_text_is_what_was_written(text: str, encoding: str, charset: str | None) -> None:
    assert text in redecode(page(text, encoding, charset)).text


def test_a_right_charset_is_kept() -> None:
    for response in (page(SIMPLIFIED, "gbk", "gbk"), page(TRADITIONAL, "big5", "big5")):
        assert redecode(response) is response
    ascii_only = HtmlResponse("https://copy.example/a/2.html", body=b"<p>plain</p>")
    assert redecode(ascii_only) is ascii_only
