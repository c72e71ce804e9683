"""`journals` as documented: every `--help` shows examples, docs/cli.md is
what the parsers print, and the query side of the command loads no Scrapy."""

from __future__ import annotations

import subprocess
import sys

import pytest
from support.runners import ROOT, journals

from journals.cli import parsers
from journals.cli.reference import markdown


def test_the_command_reference_is_up_to_date() -> None:
    # Regenerate: .venv/bin/python -m journals.cli.reference > docs/cli.md
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == markdown()


def test_every_command_is_in_the_reference() -> None:
    text = markdown()
    names = list(parsers()[1])
    assert names == [
        "search", "show", "export", "stats", "failed", "runs",
        "retry", "reparse", "rekey", "serve", "sample-site", "check-site",
    ]  # fmt: skip
    assert all(f"## `journals {name}`\n" in text for name in names)


@pytest.mark.parametrize("name", [None, *parsers()[1]])
def test_every_help_carries_an_example(name: str | None) -> None:
    parser, commands = parsers()
    if name is not None:
        parser = commands[name]
    examples = parser.format_help().split("\nexamples:\n", 1)[1].splitlines()
    assert examples and examples[0].startswith(f"  {parser.prog}")


def test_help_goes_to_stdout_with_status_0() -> None:
    done = journals("export", "--help")
    assert (done.returncode, done.stderr) == (0, "")
    assert "journals export --format ris --journal 人大研究 --year 2018 -o refs.ris" in done.stdout


def test_the_query_commands_load_no_scrapy() -> None:
    # The CLI and the modules search, show, export, stats and runs use start
    # fast and work without the crawler's stack; Scrapy only comes with
    # reparse and retry.
    modules = [
        "journals.cli",
        "journals.search",
        "journals.filters",
        "journals.export",
        "journals.citations",
        "journals.show",
        "journals.coverage",
        "journals.heatmap",
        "journals.runs",
        "journals.table",
        "journals.session",
        "journals.pageselect",
    ]
    code = (
        f"import importlib, sys\nfor m in {modules!r}: importlib.import_module(m)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('scrapy', 'twisted')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "[]\n", "")
