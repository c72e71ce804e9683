"""`journals`: search, show, export and inspect the harvested articles, mend
the harvest, serve the sample site.

One module a group of commands, each adding its subcommands (`add_commands`)
and running them (`cmd_*`): finding.py (search, show, export), reporting.py
(stats, failed, runs), upkeep.py (retry, reparse), serving.py (serve,
sample-site); options.py holds what they share. docs/cli.md is every `--help`
(reference.py writes it)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from sqlalchemy.exc import SQLAlchemyError

from crawler.exitstatus import ExitStatus
from journals.cli import finding, reporting, serving, sitecheck_cmd, upkeep
from journals.cli.options import CliError, examples
from pipelines.db.database import DatabaseError

GROUPS = (finding, reporting, upkeep, serving, sitecheck_cmd)  # in `journals --help` order


def build_parser() -> argparse.ArgumentParser:
    return parsers()[0]


def parsers() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The command's parser, and each subcommand's by name in `--help` order."""
    parser = argparse.ArgumentParser(
        prog="journals",
        description="Articles of China's local people's congress journals.",
        epilog=examples(
            "journals search 民情 --journal 上海人大月刊 --year 2016-2019",
            "journals show 5108306",
            "journals export --format ris --journal 人大研究 --year 2018 -o refs.ris",
            "journals stats --plot coverage.png",
            "journals reparse --journal 人大研究 --year 2016-2019",
        )
        + "\n\njournals COMMAND --help says more of each command.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for group in GROUPS:
        group.add_commands(sub)
    return parser, dict(sub.choices)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except (CliError, DatabaseError) as exc:
        print(f"journals {args.command}: error: {exc}", file=sys.stderr)
        return ExitStatus.FAILED
    except SQLAlchemyError as exc:
        reason = str(exc.orig if hasattr(exc, "orig") else exc).splitlines()[0]
        print(f"journals {args.command}: error: database: {reason}", file=sys.stderr)
        return ExitStatus.FAILED
    except BrokenPipeError:
        # `journals export | head`: the reader has gone; that is not an error.
        sys.stderr.close()
        return ExitStatus.OK
