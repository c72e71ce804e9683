"""The seed page (a real mirror page, in tests/fixtures/seed/) comes out as its
annotation says: through the parser and pipelines alone, and through a crawl
of the sample site's mirror host and `journals export`."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from scrapy.http import HtmlResponse
from support.runners import FIXTURES, ROOT, Crawled

from crawler import sites
from journals.samplesite import copysite
from pipelines.clean import clean_article

SEED_URL = "http://mirror.example/qikan/2018/1120/5108306.html"
SEED_TEXT = (FIXTURES / "seed" / "article-page-dump.txt").read_text(encoding="utf-8")
BODY_LINES = [
    line.strip()
    for line in SEED_TEXT[
        SEED_TEXT.index("\n陳殊書\n") + 5 : SEED_TEXT.index("猜你喜歡")
    ].splitlines()
    if line.strip()
]


def check_seed(record: dict) -> None:
    assert record["title"] == "青浦：做好联系人民群众三篇文章"
    assert record["authors"] == ["陈殊书"]
    assert record["date"] == "2018-11-20"
    assert record["time"] == "01:18:20"
    assert record["journal"] == "上海人大月刊"
    assert (record["year"], record["issue"]) == (2018, "9")
    assert record["keywords"] == ["民情", "工作站", "人大常委会"]
    body = record["body"].split("\n")
    assert body[0].startswith("青浦区人大常委会高度重视联系人民群众工作")
    assert body.count("倾听民声") == body.count("反映民意") == body.count("保障民生") == 1
    # every paragraph and heading of the page, one per line, nothing else
    assert len(body) == len(BODY_LINES)
    assert body[-1].startswith("加强定期沟通协调")
    for marker in (
        "(lián)",
        "(guān)",
        "(qiáng)",
        "lián",
        "猜你喜",
        "国产",
        "汉阴县",
        "波多野",
        "陈殊书",
    ):
        assert marker not in record["body"]
    assert "强化事中事后监管" in record["body"]
    assert {"converted_t2s", "pinyin_removed", "spam_removed", "garbled"} <= set(record["flags"])


def seed_item() -> dict:
    response = HtmlResponse(SEED_URL, body=copysite.seed_page().encode("utf-8"), encoding="utf-8")
    article = sites.parse_article(response)
    return clean_article(vars(article))


def test_seed_page_through_parser_and_cleaning() -> None:
    item = seed_item()
    check_seed(item)
    assert item["article_id"] == 5108306
    assert item["source_host"] == "mirror.example"


def test_seed_garbled_spans_are_kept_not_restored() -> None:
    body = seed_item()["body"]
    # the copy site's mangled spans stay exactly as the page has them, flagged
    assert "活动?;顒悠陂g，代表们" in body
    assert "群众因?qū)φ\ue479卟焕斫舛\ue25f岢鰡栴}时，当场" in body


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_seed_article_in_export(crawled: Crawled, fmt: str) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "journals.cli",
            "export",
            "--db",
            f"sqlite:///{crawled.db}",
            "--format",
            fmt,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    if fmt == "jsonl":
        records = [json.loads(line) for line in done.stdout.splitlines()]
        check_seed(next(r for r in records if r["id"] == 5108306))
        assert len(records) == len({r["id"] for r in records})
    else:
        import csv
        import io

        rows = list(csv.DictReader(io.StringIO(done.stdout)))
        seed = next(r for r in rows if r["id"] == "5108306")
        assert seed["keywords"] == "民情;工作站;人大常委会"
        assert seed["authors"] == "陈殊书"
    assert "exported" in done.stderr
