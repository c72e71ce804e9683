"""Regenerate the saved pages and their expected records in tests/fixtures/pages.

    .venv/bin/python tests/support/regen_pages.py

Pages come from the sample site's renderer (desktop article pages of each kind,
a mobile article page, the mirror's seed page); the expected JSON is what the
parser and the clean pipeline make of them today. Read every diff of the JSON
before committing it: a golden file freezes bugs as readily as fixes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(TESTS), str(TESTS / "crawler")]

from test_pages import PAGES, extract  # noqa: E402

from journals.samplesite import copysite, server  # noqa: E402
from journals.samplesite.corpus import SampleArticle, all_articles  # noqa: E402
from journals.samplesite.render import article_path, mobile_path, shows_journal_line  # noqa: E402

DESKTOP = "https://www.fx361.com"
MOBILE = "https://m.fx361.com"


def pick() -> dict[str, tuple[str, str]]:
    """Name → (URL, HTML) for an article page of each kind the aggregator shows."""
    articles = all_articles()

    def first(test) -> SampleArticle:
        return next(a for j, i, a in articles if test(j, i, a))

    def printed(test) -> str:  # a page that prints its journal line
        return article_path(first(lambda j, i, a: shows_journal_line(a) and test(j, i, a)))

    desktop = {
        "fx361-one-author": printed(lambda j, i, a: len(a.authors) == 1 and a.keywords),
        "fx361-several-authors": printed(lambda j, i, a: len(a.authors) >= 3),
        "fx361-no-author": printed(lambda j, i, a: not a.authors),
        "fx361-no-keywords": printed(lambda j, i, a: not a.keywords),
        "fx361-date-only": printed(lambda j, i, a: not a.show_time),
        "fx361-combined-issue": printed(lambda j, i, a: i.issue.startswith("Z")),
        "fx361-di-label": printed(lambda j, i, a: "第" in i.label),
        # listed by an issue, but its page prints no journal line
        "fx361-unprinted-journal": article_path(first(lambda j, i, a: not shows_journal_line(a))),
        # listed by no issue, and no journal line
        "fx361-no-journal-line": server.NO_JOURNAL_PATH,
    }
    pages = {
        name: (DESKTOP + path, server.aggregator_page(path) or "") for name, path in desktop.items()
    }
    mobile = mobile_path(first(lambda j, i, a: len(a.authors) >= 2 and a.keywords))
    pages["fx361-mobile"] = (MOBILE + mobile, server.mobile_page(mobile) or "")
    pages["mirror-seed"] = (f"http://mirror.example{copysite.SEED_PATH}", copysite.seed_page())
    assert all(html for _, html in pages.values())
    return pages


def main() -> None:
    PAGES.mkdir(parents=True, exist_ok=True)
    for name, (url, html) in pick().items():
        (PAGES / f"{name}.html").write_text(html, encoding="utf-8")
        record = extract(url, html.encode("utf-8"))
        (PAGES / f"{name}.json").write_text(
            json.dumps({"url": url, **record}, ensure_ascii=False, indent=1) + "\n",
            encoding="utf-8",
        )
        print(name, url)


if __name__ == "__main__":
    main()
