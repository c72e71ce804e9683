"""Saved pages and their expected records (golden files): parser plus cleaning,
one test per page. `tests/support/regen_pages.py` rewrites them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from scrapy.http import HtmlResponse
from support.runners import FIXTURES

from crawler import sites
from pipelines.clean import clean_article

PAGES = FIXTURES / "pages"
VOLATILE = ("fetched_at", "toc_count", "column", "toc_position")  # not read from the page


def extract(url: str, body: bytes) -> dict[str, Any]:
    response = HtmlResponse(url, body=body, encoding="utf-8")
    record = clean_article(vars(sites.parse_article(response)))
    return {k: v for k, v in record.items() if k not in VOLATILE and k != "url"}


@pytest.mark.parametrize("page", sorted(PAGES.glob("*.html")), ids=lambda p: p.stem)
def test_page(page: Path) -> None:
    expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    url = expected.pop("url")
    assert extract(url, page.read_bytes()) == expected


def test_every_layout_is_covered() -> None:
    names = {p.stem for p in PAGES.glob("*.html")}
    assert {"mirror-seed", "fx361-several-authors", "fx361-no-keywords"} <= names
    assert len(names) >= 9
