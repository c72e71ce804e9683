"""The journal × year coverage as a heat map (PNG): articles per cell, empty
cells grey, so that missing years stand out; each cell also gives the issues
stored, and `!` marks a year with an issue that has fewer articles stored than
its table of contents lists."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

from journals.coverage import Coverage

# A font with the Chinese characters of journal names: the Noto Sans CJK SC
# file the `mplfonts` package ships (found without importing it).
CJK_FONT = "fonts/NotoSansCJKsc-Regular.otf"


@dataclass(frozen=True)
class Grid:
    journals: list[str]
    years: list[int]
    articles: list[list[int]]  # [journal][year]; 0: none stored
    issues: list[list[int]]
    incomplete: list[list[int]]


def grid(cov: Coverage) -> Grid:
    """Rows of journals, columns of every year from the first to the last
    (articles without a year are left out).

    >>> g = grid(Coverage(3, {"甲": {2016: 2, 2018: 1}}, {}, {"甲": {2016: 1, 2018: 1}}, {}))
    >>> g.years, g.articles, g.issues
    ([2016, 2017, 2018], [[2, 0, 1]], [[1, 0, 1]])
    """
    known = [y for counts in cov.per_journal_year.values() for y in counts if y is not None]
    years = list(range(min(known), max(known) + 1)) if known else []
    journals = list(cov.per_journal_year)

    def table(source: dict[str, dict[int, int]]) -> list[list[int]]:
        return [[source.get(j, {}).get(y, 0) for y in years] for j in journals]

    return Grid(
        journals,
        years,
        table(
            {
                j: {y: n for y, n in c.items() if y is not None}
                for j, c in cov.per_journal_year.items()
            }
        ),
        table(cov.issues),
        table(cov.incomplete),
    )


def cjk_font() -> Path | None:
    spec = importlib.util.find_spec("mplfonts")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        if (path := Path(folder) / CJK_FONT).exists():
            return path
    return None


def plot(cov: Coverage, path: Path) -> None:
    """Draw the heat map into `path` (PNG)."""
    import matplotlib
    from matplotlib import font_manager
    from matplotlib.colors import LinearSegmentedColormap
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    g = grid(cov)
    font = cjk_font()
    family = ["DejaVu Sans"]
    if font is not None:
        font_manager.fontManager.addfont(str(font))
        family.insert(0, font_manager.FontProperties(fname=str(font)).get_name())
    rows, cols = max(len(g.journals), 1), max(len(g.years), 1)
    with matplotlib.rc_context({"font.family": family, "axes.unicode_minus": False}):
        fig = Figure(figsize=(1.6 + 0.75 * cols, 1.4 + 0.55 * rows), dpi=120, layout="constrained")
        ax = fig.add_subplot()
        top = max((n for row in g.articles for n in row), default=1) or 1
        cmap = LinearSegmentedColormap.from_list("coverage", ["#dbeaf7", "#08306b"])
        for r in range(len(g.journals)):
            for c in range(len(g.years)):
                n = g.articles[r][c]
                colour = cmap(n / top) if n else "#e6e6e6"
                ax.add_patch(
                    Rectangle(
                        (c, r),
                        1,
                        1,
                        facecolor=colour,
                        edgecolor="white",
                        linewidth=2,
                        hatch="//" if not n else None,
                    )
                )
                label = f"{n}\n{g.issues[r][c]} iss." if n else "—"
                if g.incomplete[r][c]:
                    label += " !"
                ax.text(
                    c + 0.5,
                    r + 0.5,
                    label,
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white" if n / top > 0.5 else "#222222",
                )
        ax.set_xlim(0, cols)
        ax.set_ylim(rows, 0)
        ax.set_xticks([c + 0.5 for c in range(len(g.years))], [str(y) for y in g.years])
        ax.set_yticks([r + 0.5 for r in range(len(g.journals))], g.journals)
        ax.tick_params(length=0)
        for side in ax.spines.values():
            side.set_visible(False)
        ax.set_title(
            "Articles per journal and year (grey: none stored; ! an issue short of its contents)",
            fontsize=9,
        )
        fig.savefig(path)
