"""Regenerate the saved pages and their expected records in tests/fixtures/pages.

    .venv/bin/python tests/support/regen_pages.py

Pages come from the sample site's renderer; the expected JSON is what the
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
from journals.samplesite.corpus import all_articles  # noqa: E402
from journals.samplesite.render import article_path  # noqa: E402


def pick() -> dict[str, tuple[str, str]]:
    """Name → (URL, HTML) for a page of each kind the aggregator shows."""
    articles = all_articles()

    def first(test) -> str:
        return article_path(next(a for j, i, a in articles if test(j, i, a)))

    paths = {
        "fx361-one-author": first(lambda j, i, a: len(a.authors) == 1 and a.keywords),
        "fx361-several-authors": first(lambda j, i, a: len(a.authors) >= 3),
        "fx361-no-author": first(lambda j, i, a: not a.authors),
        "fx361-no-keywords": first(lambda j, i, a: not a.keywords),
        "fx361-date-only": first(lambda j, i, a: not a.show_time),
        "fx361-combined-issue": first(lambda j, i, a: i.issue.startswith("Z")),
        "fx361-di-label": first(lambda j, i, a: "第" in i.label),
        "fx361-no-journal-line": server.NO_JOURNAL_PATH,
    }
    pages = {
        name: (f"https://www.fx361.com{path}", server.aggregator_page(path) or "")
        for name, path in paths.items()
    }
    pages["mirror-seed"] = (f"http://mirror.example{copysite.SEED_PATH}", copysite.seed_page())
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
