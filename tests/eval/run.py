"""Score the project's extraction on the evaluation set and apply the gate.

    .venv/bin/python tests/eval/run.py [--failures]

Crawls the pages as `scrapy crawl article` does (`scoring.crawl`: the hard
pages of the aggregator's layouts first, as an archive run sees them, then each
layout into a copy of that database) and prints pages per layout, a table of
accuracy per field and column (each layout, every layout but the held-out one,
the held-out one) with the floors of `floors.json`, the same for the hard pages
(those layouts that have some) with their floors, the spam and pinyin leak
count and the variation coverage. Exits 1 when the gate fails: a floor missed in
a developed or held-out column, a leak, or a variation tag no page carries.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import scoring  # noqa: E402
from variations import VARIATIONS  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score the extractor on the evaluation set.")
    parser.add_argument(
        "--failures",
        action="store_true",
        help="list every wrong field of the developed layouts: page, field, expected, got",
    )
    parser.add_argument(
        "--show-held-out",
        action="store_true",
        help="with --failures, list the held-out layout's too (its point is that"
        " the extractor is not developed against it: look only to report)",
    )
    args = parser.parse_args(argv)

    pages = scoring.load_pages()
    floors = scoring.load_floors()
    hard_floors = scoring.load_hard_floors()
    results = scoring.evaluate(pages)

    def count(layout: str) -> str:
        base = sum(p.layout == layout and not p.hard for p in pages)
        hard = sum(p.layout == layout and p.hard for p in pages)
        return f"{layout} {base}" + (f"+{hard}" if hard else "")

    hard_count = sum(p.hard for p in pages)
    per_layout = ", ".join(count(layout) for layout in scoring.LAYOUTS)
    print(
        f"pages per layout (+hard pages): {per_layout}; {len(pages) - hard_count}"
        f" + {hard_count} hard in all"
    )
    print(f"developed: {', '.join(scoring.DEVELOPED_LAYOUTS)}; held out: {scoring.HELD_OUT}")
    errors = [r for r in results if r.error]
    if errors:
        print(f"extraction failed on {len(errors)} page(s): they score 0 on every field")
    print()
    print(scoring.table(results, floors))
    print()
    if hard_count:
        print(
            "hard pages (hardset.py: no journal line, run-together keywords of nested tags,"
            " run-together names with a padded one, text cut mid-sentence; the archive of"
            " the aggregator's layouts crawled first):"
        )
        print(scoring.table(results, hard_floors, hard=True))
        print()
    leaked = [(r.page.id, leak) for r in results for leak in r.leaks]
    print(f"spam/pinyin leaks: {len(leaked)} on {len({p for p, _ in leaked})} page(s)")

    covered = scoring.coverage(pages, VARIATIONS)
    missing = [tag for tag in VARIATIONS if not covered[tag]]
    unknown = [tag for tag in covered if tag not in VARIATIONS]
    print(
        f"variation coverage: {len(VARIATIONS) - len(missing)}/{len(VARIATIONS)} tags occur"
        + (f"; missing: {', '.join(missing)}" if missing else "")
        + (f"; unknown: {', '.join(unknown)}" if unknown else "")
    )
    for tag in VARIATIONS:
        layouts = sorted({page.split("/")[0] for page in covered[tag]}, key=scoring.LAYOUTS.index)
        print(f"  {tag:<28} {len(covered[tag]):>3}  {' '.join(layouts)}")

    if args.failures:
        print("\nfailures:")
        shown = [r for r in results if args.show_held_out or r.page.layout != scoring.HELD_OUT]
        for line in scoring.failures(shown):
            print("  " + line)

    problems = scoring.gate(results, floors, hard_floors)
    if missing or unknown:
        problems.append("variation coverage incomplete")
    print()
    if problems:
        print("GATE: FAIL")
        for problem in problems:
            print(f"  {problem}")
        return 1
    print("GATE: PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
