"""Terminal tables line up whatever the cells hold: wide (CJK) characters take
two columns, combining and zero-width characters none."""

from __future__ import annotations

from rich.cells import cell_len

from journals.table import fit, render, width

COMBINING = "e\u0301"  # é as e and a combining acute accent
ZERO_WIDTH = "\u200b"  # a zero-width space, as copy sites leave in titles


def test_widths_count_combining_and_zero_width_characters_as_nothing() -> None:
    assert width(f"Jos{COMBINING}") == 4
    assert width(f"代表{ZERO_WIDTH}工作站") == 10
    assert width(f"{ZERO_WIDTH}\ufeff") == 0


def test_columns_line_up_with_combining_and_zero_width_characters() -> None:
    rows = [
        ["1", f"Jos{COMBINING} Martí{COMBINING}", "x"],
        ["2", f"代表{ZERO_WIDTH}工作站{ZERO_WIDTH}", "y"],
        ["3", "plain", "z"],
    ]
    lines = render(["#", "title", "end"], rows, [3, 20, 3]).splitlines()
    # the last column starts at the same terminal column on every line
    starts = [cell_len(line[: line.rindex("  ") + 2]) for line in lines]
    assert len(set(starts)) == 1, lines
    assert lines[2].endswith("x") and lines[3].endswith("y")


def test_a_cut_keeps_combining_marks_with_their_letter() -> None:
    cut = fit(f"r{COMBINING}sum{COMBINING} of the article", 8)
    assert cut == f"r{COMBINING}sum{COMBINING} …" and width(cut) == 8
    assert width(fit(f"代表{ZERO_WIDTH}工作站", 7)) == 7
