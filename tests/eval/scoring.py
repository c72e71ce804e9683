"""Scoring of the evaluation set: run the project's extraction on every page as a
crawl does, compare field by field with the expected record, look for leaked
spam and pinyin, and hold the result against the floors.

`run.py` prints the report; `test_eval.py` asserts the gate.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import opencc
from pagekit import HELD_OUT, LAYOUTS

HERE = Path(__file__).resolve().parent
PAGES = HERE / "pages"
FLOORS = HERE / "floors.json"

# The layouts and the held-out one (written without the extractor's developers
# seeing it, scored once blind) are the set's, named once in pagekit.py.
DEVELOPED_LAYOUTS = tuple(layout for layout in LAYOUTS if layout != HELD_OUT)
DEVELOPED = "all developed layouts"
HELD_OUT_COLUMN = f"held-out ({HELD_OUT})"
FIELDS = (
    "title",
    "date",
    "journal",
    "year",
    "issue",
    "authors",
    "keywords",
    "body_start",
    "body_end",
    "garbled",
)
EDGE = 30  # characters compared at each end of the body


@dataclass(frozen=True)
class Page:
    layout: str
    name: str
    url: str
    headers: dict[str, str]
    body: bytes
    variations: tuple[str, ...]
    expected: dict[str, Any]
    spam: tuple[str, ...]
    pinyin: tuple[str, ...]

    @property
    def id(self) -> str:
        return f"{self.layout}/{self.name}"


@dataclass
class Result:
    page: Page
    record: dict[str, Any] | None
    error: str | None
    scores: dict[str, bool]
    leaks: list[str] = field(default_factory=list)


def load_pages(root: Path = PAGES) -> list[Page]:
    """Every page of the set, layouts in their order, pages by name."""
    pages = []
    for layout in LAYOUTS:
        for meta in sorted((root / layout).glob("*.json")):
            data = json.loads(meta.read_text(encoding="utf-8"))
            assert data["layout"] == layout, meta
            pages.append(
                Page(
                    layout=layout,
                    name=meta.stem,
                    url=data["url"],
                    headers=dict(data["headers"]),
                    body=meta.with_suffix(".html").read_bytes(),
                    variations=tuple(data["variations"]),
                    expected=data["expected"],
                    spam=tuple(data["spam"]),
                    pinyin=tuple(data["pinyin"]),
                )
            )
    return pages


def extract(page: Page) -> dict[str, Any]:
    """The record a crawl stores for the page: the site parser, then the clean
    pipeline. Scrapy decodes the body from the headers and the page itself."""
    from scrapy.http import HtmlResponse

    from crawler import sites
    from pipelines.clean import clean_article

    response = HtmlResponse(page.url, body=page.body, headers=page.headers)
    return clean_article(vars(sites.parse_article(response)))


def score(expected: dict[str, Any], record: dict[str, Any] | None) -> dict[str, bool]:
    """Field → right or wrong. No record (the extraction failed): all wrong."""
    if record is None:
        return dict.fromkeys(FIELDS, False)
    body = record.get("body") or ""
    want = expected["body"]
    keywords = record.get("keywords") or []
    return {
        "title": record.get("title") == expected["title"],
        "date": record.get("date") == expected["date"],
        "journal": record.get("journal") == expected["journal"],
        "year": _same_int(record.get("year"), expected["year"]),
        "issue": record.get("issue") == expected["issue"],
        "authors": list(record.get("authors") or []) == expected["authors"],
        "keywords": isinstance(keywords, list | tuple)
        and sorted(keywords) == sorted(expected["keywords"]),
        "body_start": bool(body) and body[:EDGE] == want[:EDGE],
        "body_end": bool(body) and body[-EDGE:] == want[-EDGE:],
        "garbled": ("garbled" in (record.get("flags") or [])) == expected["garbled"],
    }


def _same_int(got: Any, want: int | None) -> bool:
    if want is None:
        return got is None
    return type(got) is int and got == want


@functools.cache
def _t2s() -> Callable[[str], str]:
    return opencc.OpenCC("t2s").convert


def squash(text: str) -> str:
    """Text reduced for the leak search: NFKC (full-width → ASCII), Simplified,
    without whitespace."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(_t2s()(text).split())


def _pieces(spam: str) -> list[str]:
    """A spam string and its distinctive parts (items between separators)."""
    items = [spam]
    for sep in ("_", "|", " ", "、"):
        items = [part for item in items for part in ([item, *item.split(sep)])]
    return list(dict.fromkeys(squash(p) for p in items if len(squash(p)) >= 3))


def record_text(record: dict[str, Any]) -> str:
    values = [record.get("title") or "", record.get("body") or ""]
    values += [str(v) for v in record.get("authors") or []]
    values += [str(v) for v in record.get("keywords") or []]
    return "\n".join(values)


def leaks(page: Page, record: dict[str, Any] | None) -> list[str]:
    """Spam strings and pinyin annotations of the page found in the record's
    title, authors, keywords or body (in any script, width or spacing); parts of
    a spam string count too unless the expected record has them."""
    if record is None:
        return []
    got = squash(record_text(record))
    exp = page.expected
    wanted = squash("\n".join([exp["title"], exp["body"], *exp["authors"], *exp["keywords"]]))
    found = []
    for spam in page.spam:
        hits = [p for p in _pieces(spam) if p in got and p not in wanted]
        if hits:
            found.append(f"spam {spam[:40]!r}: {hits[0]!r}")
    for note in page.pinyin:
        if squash(note) in got:
            found.append(f"pinyin {note}")
    return found


def evaluate(
    pages: Iterable[Page], extractor: Callable[[Page], dict[str, Any]] = extract
) -> list[Result]:
    results = []
    for page in pages:
        try:
            record, error = extractor(page), None
        except Exception as exc:  # a failed extraction scores 0 on every field
            record, error = None, f"{type(exc).__name__}: {exc}"
        results.append(
            Result(page, record, error, score(page.expected, record), leaks(page, record))
        )
    return results


def columns(results: list[Result]) -> dict[str, list[Result]]:
    """Each layout, then every layout but the held-out one, then the held-out one."""
    out = {layout: [r for r in results if r.page.layout == layout] for layout in LAYOUTS}
    out[DEVELOPED] = [r for r in results if r.page.layout in DEVELOPED_LAYOUTS]
    out[HELD_OUT_COLUMN] = list(out[HELD_OUT])
    return out


def accuracy(results: list[Result], name: str) -> float | None:
    if not results:
        return None
    return sum(r.scores[name] for r in results) / len(results)


def load_floors(path: Path = FLOORS) -> dict[str, float]:
    return {k: float(v) for k, v in json.loads(path.read_text(encoding="utf-8")).items()}


def gate(results: list[Result], floors: dict[str, float]) -> list[str]:
    """Why the gate fails (empty: it passes): every floor in both the developed and
    the held-out column, and no leak."""
    problems = []
    cols = columns(results)
    for name, floor in floors.items():
        for column in (DEVELOPED, HELD_OUT_COLUMN):
            value = accuracy(cols[column], name)
            if value is None:
                problems.append(f"{column}: no pages")
            elif value < floor:
                problems.append(f"{name}: {column} {value:.3f} < {floor:.2f}")
    leaked = sum(len(r.leaks) for r in results)
    if leaked:
        problems.append(f"{leaked} spam or pinyin leak(s)")
    return list(dict.fromkeys(problems))


def table(results: list[Result], floors: dict[str, float]) -> str:
    cols = columns(results)
    names = list(cols)
    head = (
        f"{'field':<11}" + "".join(f"{n:>{max(len(n), 8) + 2}}" for n in names) + "   floor  gate"
    )
    lines = [head, "-" * len(head)]
    for name in FIELDS:
        cells = []
        for n in names:
            value = accuracy(cols[n], name)
            text = "-" if value is None else f"{value:.3f}"
            cells.append(f"{text:>{max(len(n), 8) + 2}}")
        floor = floors.get(name)
        if floor is None:
            verdict, floor_text = "report", "-"
        else:
            ok = all(
                (v := accuracy(cols[c], name)) is not None and v >= floor
                for c in (DEVELOPED, HELD_OUT_COLUMN)
            )
            verdict, floor_text = ("PASS" if ok else "FAIL"), f"{floor:.2f}"
        lines.append(f"{name:<11}" + "".join(cells) + f"{floor_text:>8}  {verdict}")
    counts = "".join(f"{len(cols[n]):>{max(len(n), 8) + 2}}" for n in names)
    lines.append(f"{'pages':<11}{counts}")
    return "\n".join(lines)


def failures(results: list[Result]) -> list[str]:
    """One line per wrong field of a page: page, field, expected, got."""
    out = []
    for r in results:
        if r.error:
            out.append(f"{r.page.id}: extraction failed: {r.error}")
            continue
        assert r.record is not None
        for name, ok in r.scores.items():
            if not ok:
                want, got = _shown(name, r.page.expected, r.record)
                out.append(f"{r.page.id} {name}: expected {want!r} got {got!r}")
        for leak in r.leaks:
            out.append(f"{r.page.id} leak: {leak}")
    return out


def _shown(name: str, expected: dict[str, Any], record: dict[str, Any]) -> tuple[Any, Any]:
    if name == "body_start":
        return expected["body"][:EDGE], (record.get("body") or "")[:EDGE]
    if name == "body_end":
        return expected["body"][-EDGE:], (record.get("body") or "")[-EDGE:]
    if name == "garbled":
        return expected["garbled"], "garbled" in (record.get("flags") or [])
    return expected[name], record.get(name)


def coverage(pages: list[Page], tags: Iterable[str]) -> dict[str, list[str]]:
    """Tag → the pages that carry it (tags no page carries map to [])."""
    out: dict[str, list[str]] = {tag: [] for tag in tags}
    for page in pages:
        for tag in page.variations:
            out.setdefault(tag, []).append(page.id)
    return out
