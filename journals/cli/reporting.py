"""What the database holds and how the crawls went: `journals stats`,
`journals failed`, `journals runs`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from crawler.exitstatus import ExitStatus
from journals.cli.options import (
    CliError,
    add_command,
    database_url,
    db_argument,
    examples,
    non_negative,
)
from journals.session import database


def add_commands(sub: Any) -> None:
    stats = add_command(
        sub,
        "stats",
        help="articles per journal and year, complete issues per journal, field coverage",
        description="Count the articles per journal and year, the complete issues of each\n"
        "journal (every article its table of contents lists is stored), and how many\n"
        "articles have each field.",
        epilog=examples("journals stats", "journals stats --plot coverage.png"),
        run=cmd_stats,
    )
    db_argument(stats)
    stats.add_argument(
        "--plot",
        type=Path,
        metavar="FILE.png",
        help="also draw the journal × year table as a heat map",
    )

    failed = add_command(
        sub,
        "failed",
        help="list the URLs the crawl could not store, with reason and attempts",
        description="List the URLs the crawls could not store: the last HTTP status, the\n"
        "reason, the attempts and when the last one failed. `journals retry` crawls\n"
        "them again.",
        epilog=examples("journals failed", "journals failed --format jsonl"),
        run=cmd_failed,
    )
    failed.add_argument("--format", choices=("table", "jsonl"), default="table")
    db_argument(failed)

    runs = add_command(
        sub,
        "runs",
        help="list the crawls: when, arguments, status, pages, articles, alarms",
        description="List the crawls recorded, newest first: when they ran, with which\n"
        "arguments, how they ended, what they fetched and stored, their alarms.",
        epilog=examples("journals runs --limit 5", "journals runs --format jsonl --limit 0"),
        run=cmd_runs,
    )
    runs.add_argument("--format", choices=("table", "jsonl"), default="table")
    runs.add_argument(
        "--limit", type=int, default=20, metavar="N", help="the newest N (0: all; default 20)"
    )
    db_argument(runs)


def cmd_stats(args: argparse.Namespace) -> int:
    from journals import coverage

    with database(database_url(args)) as session:
        cov = coverage.coverage(session)
    print(coverage.format_coverage(cov), flush=True)
    if args.plot:
        from journals import heatmap

        try:
            heatmap.plot(cov, args.plot)
        except OSError as exc:
            raise CliError(f"cannot write {args.plot}: {exc.strerror or exc}") from exc
        print(f"heat map written to {args.plot}", file=sys.stderr)
    return ExitStatus.OK


def failure_rows(url: str, urls: list[str] | None = None) -> list[dict[str, Any]]:
    """The failed URLs (`journals failed`), or those of them among `urls`."""
    from pipelines.db import failures

    with database(url) as session:
        return failures.listing(session, urls)


def cmd_failed(args: argparse.Namespace) -> int:
    from journals import export
    from journals.table import render

    rows = failure_rows(database_url(args))
    if args.format == "jsonl":
        export.write_jsonl(rows, sys.stdout)
        print(f"{len(rows)} failed URLs", file=sys.stderr)
    elif not rows:
        print("no failed URL")
    else:
        cells = [
            [
                row["url"],
                "" if row["last_status"] is None else str(row["last_status"]),
                row["reason"],
                str(row["attempts"]),
                row["last_failed"],
            ]
            for row in rows
        ]
        header = ["url", "status", "reason", "attempts", "last failed"]
        print(render(header, cells, [60, 6, 40, 8, 25]))
        print(f"\n{len(rows)} failed URLs (journals retry tries them again)")
    return ExitStatus.OK


def cmd_runs(args: argparse.Namespace) -> int:
    from journals import export, runs

    non_negative(args.limit, "--limit", "0 shows every run")
    with database(database_url(args)) as session:
        rows = runs.listing(session, args.limit or None)
    if args.format == "jsonl":
        export.write_jsonl(rows, sys.stdout)
        print(f"{len(rows)} runs", file=sys.stderr)
    elif not rows:
        print("no crawl recorded")
    else:
        print(runs.table(rows))
        print(f"\n{len(rows)} runs, newest first (--limit 0 for all)")
    return ExitStatus.OK
