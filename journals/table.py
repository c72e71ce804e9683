"""Plain-text tables for a terminal, where a CJK character takes two columns
and a combining or zero-width one none."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len


def width(text: str) -> int:
    """Display width in a terminal's columns (rich's table of Unicode widths):
    wide and full-width characters count two, combining and zero-width ones
    nothing.

    >>> width("人大2018"), width("（AI）")
    (8, 6)
    >>> width("Zoe\u0301"), width("代表\u200b工作站"), width("\ufeff")
    (3, 10, 0)
    """
    return cell_len(text)


def fit(text: str, cols: int) -> str:
    """`text` on one line, cut with `…` to at most `cols` columns, padded to `cols`.

    >>> fit("青浦：做好联系人民群众三篇文章", 12) + "|"
    '青浦：做好… |'
    >>> fit("9", 3) + "|"
    '9  |'
    """
    text = " ".join(text.split())
    if width(text) > cols:
        out, used = "", 0
        for ch in text:
            if used + width(ch) > cols - 1:
                break
            out, used = out + ch, used + width(ch)
        text = out + "…"
    return text + " " * max(0, cols - width(text))


def render(headers: Sequence[str], rows: Sequence[Sequence[str]], limits: Sequence[int]) -> str:
    """Columns as wide as their widest cell, each at most its limit, two spaces apart.

    >>> print(render(["id", "title"], [["1", "人大"], ["22", "代表工作站"]], [5, 8]))
    id  title
    --  --------
    1   人大
    22  代表工…
    """
    cols = [
        min(
            limit, max([width(" ".join(h.split()))] + [width(" ".join(r[i].split())) for r in rows])
        )
        for i, (h, limit) in enumerate(zip(headers, limits, strict=True))
    ]
    lines = [headers, ["-" * c for c in cols], *rows]
    return "\n".join(
        "  ".join(fit(cell, c) for cell, c in zip(line, cols, strict=True)).rstrip()
        for line in lines
    )
