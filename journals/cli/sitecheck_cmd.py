"""Checking the aggregator against what the crawler expects of it:
`journals check-site` (journals/sitecheck.py)."""

from __future__ import annotations

import argparse
from typing import Any

from journals.cli.options import add_command, examples


def add_commands(sub: Any) -> None:
    check = add_command(
        sub,
        "check-site",
        help="check that the aggregator's pages still read as the crawler expects",
        description="Fetch one page of each kind of the aggregator (home, a category, a journal's\n"
        "home, its year page, an issue, an article and its mobile page: seven requests, one\n"
        "a second, robots.txt not read) and print what each selector and each URL shape of\n"
        "docs/fx361.md finds on it. Run it first when a crawl reports a navigation alarm.\n"
        "Exit status 0: every page kind as expected; 3: a selector found nothing (a crawl\n"
        "goes on by URL shape, degraded); 1: a page could not be fetched or led nowhere.",
        epilog=examples(
            "journals check-site",
            "journals check-site --journal rdyj       # that journal's home, year page, issue",
            "journals check-site --base http://127.0.0.1:8361 --mobile http://127.0.0.3:8361",
        ),
        run=cmd_check_site,
    )
    check.add_argument(
        "--base", metavar="URL", help="the desktop host (default: the setting FX361_BASE_URL)"
    )
    check.add_argument(
        "--mobile", metavar="URL", help="the mobile host (default: the setting FX361_MOBILE_URL)"
    )
    check.add_argument(
        "--journal", metavar="CODE", help="check this journal (its fx361 code, as `rdyj`)"
    )
    check.add_argument(
        "--delay",
        type=float,
        default=1.0,
        metavar="SECONDS",
        help="seconds between requests (default 1)",
    )


def cmd_check_site(args: argparse.Namespace) -> int:
    from crawler import settings
    from journals.sitecheck import check, report

    base = args.base or settings.FX361_BASE_URL
    mobile = args.mobile or settings.FX361_MOBILE_URL
    print(f"check-site {base} (mobile {mobile}): one page of each kind", flush=True)
    pages = []
    for page in check(base, mobile, settings.USER_AGENT, args.delay, args.journal):
        pages.append(page)
    lines, status = report(pages)
    print("\n".join(lines))
    return int(status)
