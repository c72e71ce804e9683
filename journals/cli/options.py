"""What the `journals` commands share: the one-line error, adding a command
with its examples, and the options several take (--db, the filters, --set)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import IO, Any

from crawler.arguments import BadArgument, parse_years
from journals.filters import Filters
from pipelines.db.database import DEFAULT_DATABASE_URL

Command = Callable[[argparse.Namespace], int]


class CliError(Exception):
    """A problem to report in one line, with a non-zero exit."""


def examples(*lines: str) -> str:
    """A command's epilog: example invocations, one a line.

    >>> print(examples("journals stats", "journals stats --plot coverage.png"))
    examples:
      journals stats
      journals stats --plot coverage.png
    """
    return "examples:\n" + "\n".join(f"  {line}" for line in lines)


def add_command(
    sub: Any, name: str, *, help: str, description: str, epilog: str, run: Command
) -> argparse.ArgumentParser:
    """The subcommand `name`, to run `run`; its description and examples keep
    their lines, so write them wrapped."""
    parser: argparse.ArgumentParser = sub.add_parser(
        name,
        help=help,
        description=description,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(run=run)
    return parser


def default_database_url() -> str:
    return os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)


def database_url(args: argparse.Namespace) -> str:
    """--db, else $DATABASE_URL, else the default."""
    return args.db or default_database_url()


def db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        default=None,
        metavar="URL",
        help=f"database URL (default: $DATABASE_URL or {DEFAULT_DATABASE_URL})",
    )


def settings_argument(parser: argparse.ArgumentParser, help: str) -> None:
    parser.add_argument(
        "-s", "--set", dest="setting", action="append", default=[], metavar="NAME=VALUE", help=help
    )


def setting_pairs(settings: list[str]) -> list[tuple[str, str]]:
    """--set NAME=VALUE, as pairs.

    >>> setting_pairs(["ARTICLE_PARSER=my.parse", " DOWNLOAD_DELAY =2"])
    [('ARTICLE_PARSER', 'my.parse'), ('DOWNLOAD_DELAY', '2')]
    """
    pairs = []
    for setting in settings:
        name, equals, value = setting.partition("=")
        if not name.strip() or not equals:
            raise CliError(f"--set: {setting!r} is not NAME=VALUE")
        pairs.append((name.strip(), value))
    return pairs


def filter_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("filters (all must hold)")
    group.add_argument(
        "--journal", action="append", default=[], metavar="NAME", help="journal (repeatable)"
    )
    group.add_argument("--province", help="the journal's province: 浙江 or 浙江省")
    group.add_argument("--year", metavar="YEARS", help="a year (2018) or years (2016-2019)")
    group.add_argument("--issue", help="issue number as printed: 9, Z1, 1-2")
    group.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="NAME",
        help="the column (栏目) the issue's contents list it under, exactly (repeatable)",
    )
    group.add_argument("--author", metavar="NAME", help="an author's name, exactly")
    group.add_argument("--keyword", metavar="WORD", help="a keyword, exactly")


def filters_from(args: argparse.Namespace) -> Filters:
    try:
        years = parse_years(args.year)
    except BadArgument as exc:
        raise CliError(f"--year: {str(exc).removeprefix('years: ')}") from exc
    return Filters(
        journals=tuple(name.strip() for name in args.journal),
        province=args.province,
        years=years,
        issue=args.issue,
        columns=tuple(name.strip() for name in args.column),
        author=args.author,
        keyword=args.keyword,
    )


def non_negative(value: int | float, option: str, zero: str) -> None:
    """A count or interval that must not be negative; `zero` says what 0 does.

    >>> non_negative(-1, "--limit", "0 shows every match")
    Traceback (most recent call last):
    ...
    journals.cli.options.CliError: --limit: -1 is negative (0 shows every match)
    """
    if value < 0:
        raise CliError(f"{option}: {value} is negative ({zero})")


def write_out(path: str | None, write: Callable[[IO[str]], int]) -> int:
    """`write` to the file `path`, or to stdout for none or `-`; what it returns."""
    if path in (None, "-"):
        return write(sys.stdout)
    try:
        with open(path, "w", encoding="utf-8", newline="") as out:
            return write(out)
    except OSError as exc:
        raise CliError(f"cannot write {path}: {exc.strerror}") from exc
