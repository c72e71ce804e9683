"""The catalogue of journals (`data/journals.csv`): each journal's province and
level, and its code on the aggregator where known. Facts only: a journal not
in the catalogue, or a blank cell, is unknown, never guessed.

`fx361_evidence` says what a code rests on: `confirmed` where a public source
(docs/fx361.md, "Sources") or a crawl of the live site shows the journal at
`/bk/<code>/index.html`, `assumed` where none does yet. The crawler tries an
assumed code first and, where it leads nowhere or to another journal, looks
for the journal by name on the aggregator's category pages."""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parents[2] / "data" / "journals.csv"
LEVELS = ("provincial", "city")
EVIDENCE = ("confirmed", "assumed")
# The province-level divisions, by the short names the catalogue uses.
PROVINCES = frozenset(
    "北京 天津 河北 山西 内蒙古 辽宁 吉林 黑龙江 上海 江苏 浙江 安徽 福建 江西 山东 河南 湖北 "
    "湖南 广东 广西 海南 重庆 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆".split()
)


class CatalogueError(ValueError):
    """A row of the catalogue is malformed."""


@dataclass(frozen=True)
class Entry:
    name: str
    province: str | None
    level: str | None
    fx361_code: str | None
    fx361_evidence: str | None = None  # `confirmed` or `assumed`, for a code


def parse_row(row: dict[str, str]) -> Entry:
    """One catalogue row; blank cells are None.

    >>> parse_row({"name": "浙江人大", "province": "浙江", "level": "provincial", "fx361_code": ""})
    ... # doctest: +NORMALIZE_WHITESPACE
    Entry(name='浙江人大', province='浙江', level='provincial', fx361_code=None,
          fx361_evidence=None)
    >>> parse_row({"name": "浙江人大", "fx361_code": "zjrd", "fx361_evidence": "assumed"})
    ... # doctest: +ELLIPSIS
    Entry(name='浙江人大', ..., fx361_code='zjrd', fx361_evidence='assumed')
    >>> parse_row({"name": "浙江人大", "fx361_code": "zjrd", "fx361_evidence": "likely"})
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pipelines.db.catalogue.CatalogueError: 浙江人大: fx361_evidence 'likely' is not confirmed or ...
    >>> parse_row({"name": "某刊", "province": "浙", "level": "", "fx361_code": ""})
    Traceback (most recent call last):
    ...
    pipelines.db.catalogue.CatalogueError: 某刊: unknown province '浙'
    """
    cells = {key: (value or "").strip() or None for key, value in row.items()}
    name = cells.get("name")
    if not name:
        raise CatalogueError(f"a row without a name: {row}")
    province, level = cells.get("province"), cells.get("level")
    if province is not None and province not in PROVINCES:
        raise CatalogueError(f"{name}: unknown province {province!r}")
    if level is not None and level not in LEVELS:
        raise CatalogueError(f"{name}: level {level!r} is not one of {', '.join(LEVELS)}")
    code, evidence = cells.get("fx361_code"), cells.get("fx361_evidence")
    if evidence is not None and (evidence not in EVIDENCE or code is None):
        raise CatalogueError(
            f"{name}: fx361_evidence {evidence!r} is not "
            + ("confirmed or assumed" if code else "for a code (fx361_code is blank)")
        )
    return Entry(name, province, level, code, evidence)


def read(path: Path) -> dict[str, Entry]:
    """The catalogue at `path` by journal name; empty if there is no file."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        entries = [parse_row(row) for row in csv.DictReader(f)]
    return {entry.name: entry for entry in entries}


@functools.cache
def catalogue() -> dict[str, Entry]:
    """The project's catalogue, read once."""
    return read(CATALOGUE)
