"""The text bank the corpus is written from: the sections of `texts/*.txt`
(sentences, headings, title templates, names and places; see
`texts/README.md`), with the year tags (`@2018 `, `@<2018 `) that keep a line
out of the years it does not fit."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

TEXTS = Path(__file__).resolve().with_name("texts")
_TAG = re.compile(r"^@(<?)(\d{4})\s+")


def dated(line: str, year: int) -> str | None:
    """The line without its year tag, or None where the tag excludes the year."""
    m = _TAG.match(line)
    if not m:
        return line
    ok = year < int(m[2]) if m[1] else year >= int(m[2])
    return line[m.end() :] if ok else None


class Bank:
    """Sections of the text files: `stem.section` → its occurrences, each a list of lines."""

    def __init__(self, folder: Path) -> None:
        self.sections: dict[str, list[list[str]]] = defaultdict(list)
        for path in sorted(folder.glob("*.txt")):
            current: list[str] | None = None
            for raw in path.read_text(encoding="utf-8").splitlines():
                line = raw.strip()
                if not line or line.startswith("#"):
                    continue
                if line.startswith("[") and line.endswith("]"):
                    current = []
                    self.sections[f"{path.stem}.{line[1:-1]}"].append(current)
                elif current is None:
                    raise ValueError(f"{path.name}: text before the first section: {line}")
                else:
                    current.append(line)

    def lines(self, key: str, year: int = 9999) -> list[str]:
        found = [dated(line, year) for entry in self.sections[key] for line in entry]
        return [line for line in found if line is not None]

    def words(self, key: str) -> list[str]:
        return [w for entry in self.sections[key] for line in entry for w in line.split()]

    def entries(self, key: str) -> list[list[str]]:
        return self.sections[key]
