"""docs/cli.md: `journals --help` and every `journals COMMAND --help`, as the
parsers print them on a terminal 100 columns wide. Regenerate it with

    .venv/bin/python -m journals.cli.reference > docs/cli.md

(tests/journals/test_cli_reference.py fails while the two differ)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from journals.cli import parsers

COLUMNS = 100  # the terminal width the help is laid out for
COMMAND = ".venv/bin/python -m journals.cli.reference > docs/cli.md"


@contextmanager
def terminal_width(columns: int) -> Iterator[None]:
    """argparse lays out its help for the terminal's width, read from COLUMNS."""
    before = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(columns)
    try:
        yield
    finally:
        if before is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = before


def section(parser: argparse.ArgumentParser) -> str:
    return f"## `{parser.prog}`\n\n```text\n{parser.format_help().rstrip()}\n```\n"


def markdown() -> str:
    """The whole of docs/cli.md.

    >>> usage = markdown().split("## `journals search`")[1].splitlines()[3]
    >>> usage[:30], len(usage) <= COLUMNS
    ('usage: journals search [-h] [-', True)
    """
    with terminal_width(COLUMNS):
        parser, commands = parsers()
        sections = [section(parser), *(section(sub) for sub in commands.values())]
    header = (
        "# The `journals` command\n\n"
        f"Generated from the parsers' own `--help` by `{COMMAND}`\n"
        "(journals/cli/reference.py); a test keeps the two in step. The commands are\n"
        "described in [search.md](search.md) and [crawling.md](crawling.md).\n"
    )
    return "\n".join([header, *sections])


if __name__ == "__main__":
    sys.stdout.write(markdown())
