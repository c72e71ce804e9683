"""Mending the harvest: `journals retry` (crawl the failed URLs again),
`journals reparse` (extract the stored pages again; the work is in
journals/reparse.py) and `journals rekey` (split run-together keyword lines
again, journals/rekey.py). Scrapy is imported only when one of them runs."""

from __future__ import annotations

import argparse
import os
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
    filter_arguments,
    filters_from,
    non_negative,
    setting_pairs,
    settings_argument,
)
from journals.cli.reporting import failure_rows
from journals.pageselect import PageSelection


def add_commands(sub: Any) -> None:
    retry = add_command(
        sub,
        "retry",
        help="crawl the failed URLs again (scrapy crawl article)",
        description="Crawl again the URLs `journals failed` lists; those stored leave the list,\n"
        "those failing again stay with their attempts added up.",
        epilog=examples("journals retry", "journals retry --set DOWNLOAD_DELAY=2"),
        run=cmd_retry,
    )
    db_argument(retry)
    settings_argument(retry, "a Scrapy setting for the crawl (repeatable)")

    reparse = add_command(
        sub,
        "reparse",
        help="extract the stored pages again (no network) and update their articles",
        description="Run the parser (the setting ARTICLE_PARSER) and the crawl's cleaning and\n"
        "checks over the stored article pages, with no network, and update the\n"
        "articles as a crawl would; says how many changed. A parser fix reaches the\n"
        "whole archive this way. It waits for no crawl: while one writes the\n"
        "database, it exits with status 75.",
        epilog=examples(
            "journals reparse",
            "journals reparse --journal 人大研究 --year 2016-2019",
            "journals reparse --host www.fx361.com --since 2026-11-01 --url '*/page/2018/*'",
            "journals reparse --id 5108306 --set ARTICLE_PARSER=mysites.parse_article --jobs 0",
        ),
        run=cmd_reparse,
    )
    db_argument(reparse)
    filter_arguments(reparse)
    reparse.add_argument(
        "--host", action="append", default=[], metavar="HOST", help="pages of HOST (repeatable)"
    )
    reparse.add_argument("--url", metavar="PATTERN", help="pages whose URL matches (* any text)")
    reparse.add_argument(
        "--since", metavar="WHEN", help="pages fetched at or after WHEN (2026-11-27, UTC)"
    )
    reparse.add_argument(
        "--id", type=int, action="append", default=[], metavar="ID", help="article (repeatable)"
    )
    reparse.add_argument(
        "--progress",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="progress on stderr: a bar with the time left on a terminal, else a line "
        "this often (default 10; 0: none)",
    )
    reparse.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="extract in N processes (0: one per CPU; default 1)",
    )
    settings_argument(reparse, "a Scrapy setting, e.g. ARTICLE_PARSER=module.function (repeatable)")

    rekey = add_command(
        sub,
        "rekey",
        help="split the run-together keyword lines again with the tags known now",
        description="Copy sites often print an article's keywords with their separators lost\n"
        "(关键词:人代会人民代表大会代表). A crawl splits such a line with the tags it has\n"
        "seen apart so far and keeps the line; this splits every kept line again\n"
        "with the tags known now, and says how many changed. No page is fetched.\n"
        "While a crawl writes the database, it exits with status 75.",
        epilog=examples("journals rekey", "journals rekey --db sqlite:///archive.db"),
        run=cmd_rekey,
    )
    db_argument(rekey)


def cmd_retry(args: argparse.Namespace) -> int:
    import subprocess
    import tempfile

    url = database_url(args)
    urls = [row["url"] for row in failure_rows(url)]
    if not urls:
        print("no failed URL to retry")
        return ExitStatus.OK
    with tempfile.TemporaryDirectory(prefix="journals-retry-") as folder:
        listing = Path(folder) / "urls.txt"
        listing.write_text("".join(f"{u}\n" for u in urls), encoding="utf-8")
        command = [sys.executable, "-m", "scrapy", "crawl", "article", "-a", f"urls={listing}"]
        command += ["-s", f"DATABASE_URL={url}"]
        for setting in args.setting:
            command += ["-s", setting]
        env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings"}
        done = subprocess.run(command, env=env, check=False)
    still = len(failure_rows(url, urls))
    print(f"retried {len(urls)} failed URLs: {len(urls) - still} stored, {still} still failing")
    if done.returncode != 0:
        raise CliError(f"the crawl ended with exit status {done.returncode}")
    return ExitStatus.OK


def cmd_rekey(args: argparse.Namespace) -> int:
    from crawler.runlock import Locked
    from journals.rekey import run_rekey

    try:
        outcome = run_rekey(database_url(args))
    except Locked as exc:
        print(f"journals rekey: {exc}", file=sys.stderr)
        return ExitStatus.LOCKED
    print(outcome.report())
    return ExitStatus.OK


def page_selection(args: argparse.Namespace) -> PageSelection:
    """The pages `journals reparse` covers, from its filters."""
    from datetime import UTC, datetime

    since = None
    if args.since:
        try:
            when = datetime.fromisoformat(args.since)
        except ValueError as exc:
            raise CliError(
                f"--since: {args.since!r} is not a date (2026-11-27) or a time (2026-11-27T05:00)"
            ) from exc
        if when.tzinfo is not None:
            when = when.astimezone(UTC).replace(tzinfo=None)
        since = when.isoformat(timespec="seconds")  # fetched_at is UTC, ISO 8601
    hosts = tuple(host.strip().lower() for host in args.host)
    for host in hosts:
        if not host or any(ch in host for ch in "/:*% "):
            raise CliError(f"--host: {host!r} is not a host name (www.fx361.com)")
    return PageSelection(
        filters=filters_from(args),
        hosts=hosts,
        url_pattern=args.url,
        since=since,
        article_ids=tuple(args.id),
    )


def cmd_reparse(args: argparse.Namespace) -> int:
    from crawler.runlock import Locked
    from journals.reparse import ReparseError, run_reparse

    selection = page_selection(args)
    overrides = setting_pairs(args.setting)
    non_negative(args.progress, "--progress", "0: no progress shown")
    non_negative(args.jobs, "--jobs", "0: one per CPU")
    try:
        outcome = run_reparse(
            database_url(args),
            selection,
            overrides,
            jobs=args.jobs,
            progress=args.progress,
            out=sys.stderr,
        )
    except Locked as exc:
        print(f"journals reparse: {exc}", file=sys.stderr)
        return ExitStatus.LOCKED
    except ReparseError as exc:
        raise CliError(str(exc)) from exc
    print(outcome.report())
    return ExitStatus.OK
