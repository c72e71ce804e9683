"""docs/cli.md: `journals --help` and every `journals COMMAND --help`, as the
parsers print them on a terminal 100 columns wide. Regenerate it with

    .venv/bin/python -m journals.cli.reference > docs/cli.md

(tests/journals/test_cli_reference.py fails while the two differ)."""

from __future__ import annotations

import argparse
import os
import sys
from unittest import mock

from journals.cli import build_parser

COLUMNS = 100  # the terminal width the help is laid out for
COMMAND = ".venv/bin/python -m journals.cli.reference > docs/cli.md"


def commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The subcommands of `parser`, by name, in the order they were added."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def section(parser: argparse.ArgumentParser) -> str:
    return f"## `{parser.prog}`\n\n```text\n{parser.format_help().rstrip()}\n```\n"


def markdown() -> str:
    """The whole of docs/cli.md.

    >>> usage = markdown().split("## `journals search`")[1].splitlines()[3]
    >>> usage[:30], len(usage) <= COLUMNS
    ('usage: journals search [-h] [-', True)
    """
    # argparse lays out its help for the terminal's width, read from COLUMNS.
    with mock.patch.dict(os.environ, {"COLUMNS": str(COLUMNS)}):
        parser = build_parser()
        sections = [section(parser), *(section(sub) for sub in commands(parser).values())]
    header = (
        "# The `journals` command\n\n"
        f"Generated from the parsers' own `--help` by `{COMMAND}`\n"
        "(journals/cli/reference.py); a test keeps the two in step. The commands are\n"
        "described in [search.md](search.md) and [crawling.md](crawling.md).\n"
    )
    return "\n".join([header, *sections])


if __name__ == "__main__":
    sys.stdout.write(markdown())
