"""Scoring of the evaluation set: crawl every page as `scrapy crawl article` does
(the article parser, then the project's item pipelines into a SQLite database),
compare the record stored for each page field by field with the expected one, look
for leaked spam and pinyin, and hold the result against the floors.

`run.py` prints the report; `test_eval.py` asserts the gate.
"""

from __future__ import annotations

import functools
import inspect
import json
import sqlite3
import tempfile
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
HARD_DEVELOPED = "hard: developed"
HARD_HELD_OUT = "hard: held-out"
# The aggregator's own layouts: their hard pages are the archive the evaluation crawl
# stores first (`crawl`).
ARCHIVE_LAYOUTS = ("fx361", "fx361-mobile")
FIELDS = (
    "stored",
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
    hard: bool = False  # one of the hard pages (hardset.py)

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
                    hard=data.get("hard", False),
                )
            )
    return pages


def crawl(pages: list[Page]) -> dict[str, Any]:
    """Crawl the pages as `scrapy crawl article` does and read back what is stored:
    page id → the record stored for it, None (parsed but not stored: a pipeline
    dropped it), or the exception that parsing or a pipeline raised.

    Each page goes through the article parser (the setting ARTICLE_PARSER), then the
    item pipelines of the project's settings (clean, validate, store, …) into SQLite.
    First the archive: the hard pages of the aggregator's own layouts, which print
    keyword tags apart, as an archive run sees the aggregator before the copies (the
    store learns its keyword vocabulary from them). Then each layout as a crawl of its
    own into a copy of the archive's database, so that no layout's copy of an article
    is merged with another layout's copy: a page's record is its own. A page is
    stored if its URL is among a stored article's sources."""
    archive = [p for p in pages if p.hard and p.layout in ARCHIVE_LAYOUTS]
    first = {p.id for p in archive}
    found: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="eval-crawl-") as folder:
        root = Path(folder)
        found.update(_crawl_into(root / "archive.db", archive, None))
        for layout in LAYOUTS:
            chosen = [p for p in pages if p.layout == layout and p.id not in first]
            if chosen:
                db = root / f"{layout}.db"
                found.update(_crawl_into(db, chosen, root / "archive.db" if archive else None))
    return found


@functools.cache
def _settings() -> dict[str, Any]:
    import crawler.settings as project

    values = {name: getattr(project, name) for name in dir(project) if name.isupper()}
    # Only the item pipelines run here: no extensions (stats dumps, run records).
    return values | {"EXTENSIONS": {}, "LOG_ENABLED": False}


def _call(method: Callable[..., Any], *args: Any) -> Any:
    """A pipeline method, given the spider too where it still takes one."""
    wanted = len(inspect.signature(method).parameters)
    return method(*args, *([None] * (wanted - len(args))))


def _crawl_into(db: Path, pages: list[Page], start: Path | None) -> dict[str, Any]:
    """One crawl of `pages` into the SQLite file `db` (a copy of `start` if given)."""
    from scrapy.exceptions import DropItem
    from scrapy.http import HtmlResponse
    from scrapy.utils.misc import build_from_crawler, load_object
    from scrapy.utils.test import get_crawler
    from sqlalchemy.orm import Session

    from crawler import sites
    from journals.export import records
    from pipelines.db.database import open_engine

    if start is not None:
        with sqlite3.connect(start) as source, sqlite3.connect(db) as target:
            source.backup(target)
    url = f"sqlite:///{db}"
    crawler = get_crawler(settings_dict=_settings() | {"DATABASE_URL": url})
    parse = sites.article_parser(crawler.settings)
    ordered = sorted(crawler.settings.getdict("ITEM_PIPELINES").items(), key=lambda kv: kv[1])
    pipelines = [build_from_crawler(load_object(path), crawler) for path, _ in ordered]
    for pipeline in pipelines:
        if hasattr(pipeline, "open_spider"):
            _call(pipeline.open_spider)
    outcome: dict[str, Any] = {}
    for page in pages:
        try:
            item = parse(HtmlResponse(page.url, body=page.body, headers=page.headers))
            for pipeline in pipelines:
                item = _call(pipeline.process_item, item)
        except DropItem:
            outcome[page.id] = None
        except Exception as exc:  # a page that breaks the crawl scores 0 on every field
            outcome[page.id] = exc
        else:
            outcome[page.id] = page.url
    for pipeline in reversed(pipelines):
        if hasattr(pipeline, "close_spider"):
            _call(pipeline.close_spider)
    engine = open_engine(url)
    with Session(engine) as session:
        stored = {source: row for row in records(session) for source in row["sources"]}
    engine.dispose()
    return {
        pid: stored.get(value) if isinstance(value, str) else value
        for pid, value in outcome.items()
    }


def score(expected: dict[str, Any], record: dict[str, Any] | None) -> dict[str, bool]:
    """Field → right or wrong. No record (not stored, or the extraction failed): all
    wrong. A journal, year or issue is right where both the expected and the stored
    value are empty (the page names none)."""
    if record is None:
        return dict.fromkeys(FIELDS, False)
    body = record.get("body") or ""
    want = expected["body"]
    keywords = record.get("keywords") or []
    return {
        "stored": True,
        "title": record.get("title") == expected["title"],
        "date": record.get("date") == expected["date"],
        "journal": _same_text(record.get("journal"), expected["journal"]),
        "year": _same_int(record.get("year"), expected["year"]),
        "issue": _same_text(record.get("issue"), expected["issue"]),
        "authors": list(record.get("authors") or []) == expected["authors"],
        "keywords": isinstance(keywords, list | tuple)
        and sorted(keywords) == sorted(expected["keywords"]),
        "body_start": bool(body) and body[:EDGE] == want[:EDGE],
        "body_end": bool(body) and body[-EDGE:] == want[-EDGE:],
        "garbled": ("garbled" in (record.get("flags") or [])) == expected["garbled"],
    }


def _same_text(got: Any, want: str | None) -> bool:
    if not want:
        return got is None or got == ""
    return got == want


def _same_int(got: Any, want: int | None) -> bool:
    if want is None:
        return got is None or got == ""
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
    pages: Iterable[Page], extractor: Callable[[Page], dict[str, Any] | None] | None = None
) -> list[Result]:
    """Score every page: by default on what the evaluation crawl stores for it
    (`crawl`); with `extractor`, on what it returns for each page alone (None: not
    stored)."""
    pages = list(pages)
    crawled = crawl(pages) if extractor is None else None
    results = []
    for page in pages:
        try:
            got = crawled[page.id] if crawled is not None else extractor(page)  # type: ignore[misc]
            if isinstance(got, Exception):
                raise got
            record, error = got, None
        except Exception as exc:  # a failed extraction scores 0 on every field
            record, error = None, f"{type(exc).__name__}: {exc}"
        results.append(
            Result(page, record, error, score(page.expected, record), leaks(page, record))
        )
    return results


def columns(results: list[Result], hard: bool = False) -> dict[str, list[Result]]:
    """Each layout, then every layout but the held-out one, then the held-out one: of
    the set's pages, or (`hard`) of the hard pages, only layouts that have some."""
    chosen = [r for r in results if r.page.hard == hard]
    developed, held_out = (HARD_DEVELOPED, HARD_HELD_OUT) if hard else (DEVELOPED, HELD_OUT_COLUMN)
    out = {layout: [r for r in chosen if r.page.layout == layout] for layout in LAYOUTS}
    if hard:
        out = {layout: rows for layout, rows in out.items() if rows}
    out[developed] = [r for r in chosen if r.page.layout in DEVELOPED_LAYOUTS]
    out[held_out] = [r for r in chosen if r.page.layout == HELD_OUT]
    return out


def accuracy(results: list[Result], name: str) -> float | None:
    if not results:
        return None
    return sum(r.scores[name] for r in results) / len(results)


def load_floors(path: Path = FLOORS) -> dict[str, float]:
    """The floors of the set's pages (the hard pages' are apart: `load_hard_floors`)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: float(v) for k, v in data.items() if k != "hard"}


def load_hard_floors(path: Path = FLOORS) -> dict[str, float]:
    """The floors of the hard pages (`"hard"` in floors.json)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: float(v) for k, v in data.get("hard", {}).items()}


def gate(
    results: list[Result], floors: dict[str, float], hard_floors: dict[str, float] | None = None
) -> list[str]:
    """Why the gate fails (empty: it passes): every floor in both the developed and
    the held-out column, of the set's pages and (`hard_floors`) of the hard pages;
    no leak. A column of hard pages that has none yet is not held to its floors."""
    problems = []
    groups = [(False, floors, (DEVELOPED, HELD_OUT_COLUMN))]
    if hard_floors:
        groups.append((True, hard_floors, (HARD_DEVELOPED, HARD_HELD_OUT)))
    for hard, chosen, names in groups:
        cols = columns(results, hard)
        for name, floor in chosen.items():
            for column in names:
                value = accuracy(cols[column], name)
                if value is None:
                    if not hard:
                        problems.append(f"{column}: no pages")
                elif value < floor:
                    problems.append(f"{name}: {column} {value:.3f} < {floor:.2f}")
    leaked = sum(len(r.leaks) for r in results)
    if leaked:
        problems.append(f"{leaked} spam or pinyin leak(s)")
    return list(dict.fromkeys(problems))


def _meets(value: float | None, floor: float, hard: bool) -> bool:
    if value is None:
        return hard  # a column of hard pages that has none yet is not held to its floors
    return value >= floor


def table(results: list[Result], floors: dict[str, float], hard: bool = False) -> str:
    """Accuracy per field and column (`columns`), with the floors and their verdict."""
    cols = columns(results, hard)
    names = list(cols)
    gated = names[-2:]
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
            ok = all(_meets(accuracy(cols[c], name), floor, hard) for c in gated)
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
        if r.record is None:
            out.append(f"{r.page.id}: not stored (a pipeline dropped it)")
            continue
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
