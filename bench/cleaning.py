"""CPU time of the clean pipeline a page, whole and by stage, at realistic page size.

    .venv/bin/python bench/cleaning.py [--repeats 7] [--kinds simplified traditional stray]

The pages are the sample corpus's articles of 4,000 characters and more
(`journals.samplesite.corpus`), bodies cut at 12,000 characters at a block's
end, each as the site parser hands it to `clean_article` (title, authors,
keywords, journal, issue label, column, body lines), in three kinds:

* `simplified`: the article as written;
* `traditional`: a copy site's copy, as the seed page shows one: the text in
  Traditional script (OpenCC `s2t`, `s2tw` or `s2hk`, by article), every
  character the seed page annotates followed by its reading in brackets
  (`聯(lián)`), the seed's spam lines above and below the text (a porn-title line,
  a stray `?`, a county link farm) and a gambling line and a tag printed as
  text between paragraphs, two clauses garbled as the seed's are (GBK bytes,
  one byte lost, decoded again), and a related-articles block;
* `stray`: the Simplified article with one character in 150 of a common set
  written in its Traditional form (a GBK copy site's stray characters).

Each page goes through `clean_article` once to warm up, then `--repeats`
times; a page's time is the median of its repeats in process CPU time
(`time.process_time_ns`: the other processes of the machine do not count, a
preemption does not either). Printed per kind: pages, median body size,
median and 95th-percentile ms a page, and µs per 1,000 characters.

The split by stage comes from a second, instrumented pass: the stage
functions `pipelines.clean` calls are wrapped in CPU timers (spam lines,
pinyin, garble detection, script detection, conversion, normalisation, the
body's cuts), each page once per repeat; a stage's time is the median over
pages of the page's median. "other" is what the instrumented total has beyond
the stages (the pipeline's own loops and the timers themselves).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import opencc  # noqa: E402

import pipelines.clean as clean  # noqa: E402
from journals.samplesite.copysite import seed_lines  # noqa: E402
from journals.samplesite.corpus import all_articles  # noqa: E402

MIN_CHARS, MAX_CHARS = 4_000, 12_000
KINDS = ("simplified", "traditional", "stray")

# The functions of `pipelines.clean` that make up each stage.
STAGES = {
    "spam": ("drop_spam_lines",),
    "pinyin": ("strip_pinyin",),
    "garble": ("find_garbled",),
    "script detect": ("is_traditional",),
    "convert": ("to_simplified", "normalize_script"),
    "normalise": ("normalize_text", "normalize_title"),
    "body cuts": ("drop_related_block", "drop_chrome_lines", "drop_author_line"),
}

_READING = re.compile(r"([\u4e00-\u9fff])\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùü]+)\)")
# Characters a GBK copy site leaves in Traditional form, and their Simplified form.
_STRAY = dict(
    zip(
        "会国这说关对经发进时实员议们个过动体务现区县级题问门",
        "會國這說關對經發進時實員議們個過動體務現區縣級題問門",
        strict=True,
    )
)
_GAMBLING = "澳门娱乐城_真人百家乐开户送彩金_时时彩计划网_北京赛车开奖直播_体育投注平台官网"


def _seed_parts() -> tuple[dict[str, str], list[str], list[str]]:
    """The seed page's readings (character → syllable), its spam lines above the
    text and below the related block."""
    lines = seed_lines()
    readings = {ch: syllable for ch, syllable in _READING.findall("\n".join(lines))}
    return readings, lines[:2], lines[-1:]


def _body(blocks: list[str]) -> list[str]:
    out, size = [], 0
    for text in blocks:
        if out and size + len(text) > MAX_CHARS:
            break
        out.append(text)
        size += len(text)
    return out


def _mojibake(clause: str) -> str | None:
    try:
        raw = clause.encode("gbk")
    except UnicodeEncodeError:
        return None
    return (raw[:1] + raw[2:]).decode("gbk", errors="replace")


def _garble_two(lines: list[str], rng: random.Random) -> list[str]:
    lines = list(lines)
    paragraphs = [n for n, line in enumerate(lines) if len(line) > 80]
    for n in rng.sample(paragraphs, min(2, len(paragraphs))):
        line = lines[n]
        start = rng.randrange(20, len(line) - 30)
        garbled = _mojibake(line[start : start + 10])
        if garbled:
            lines[n] = line[:start] + garbled + line[start + 10 :]
    return lines


def build_pages() -> dict[str, list[dict[str, Any]]]:
    readings, spam_top, spam_foot = _seed_parts()
    annotate = re.compile("[" + "".join(readings) + "]")
    pages: dict[str, list[dict[str, Any]]] = defaultdict(list)
    configs = ("s2t", "s2tw", "s2hk")
    converters = {c: opencc.OpenCC(c).convert for c in configs}
    for journal, issue, article in all_articles():
        lines = _body([b.text for b in article.blocks])
        if sum(map(len, lines)) < MIN_CHARS:
            continue
        page = {
            "title": article.title,
            "authors": list(article.authors),
            "keywords": list(article.keywords),
            "body_keywords": [],
            "journal": journal.name,
            "issue_label": issue.label,
            "column": article.column,
            "body": "\n".join([" ".join(article.authors), *lines]),
            "flags": [],
        }
        pages["simplified"].append(page)

        rng = random.Random(article.id)
        to_trad = converters[configs[article.id % 3]]

        def trad(text: str, to_trad: Callable[[str], str] = to_trad) -> str:
            return annotate.sub(lambda m: m.group() + f"({readings[m.group()]})", to_trad(text))

        body = [trad(line) for line in _garble_two(lines, rng)]
        body[len(body) // 3 : len(body) // 3] = [_GAMBLING]
        body[2 * len(body) // 3 : 2 * len(body) // 3] = [f'<noframes id="x{article.id % 97}">']
        related = [
            to_trad(t) for t in ("猜你喜欢", "人大代表履职的几点思考", "关于加强预算审查监督的调研")
        ]
        pages["traditional"].append(
            {
                **page,
                "title": trad(article.title),
                "keywords": [to_trad(k) for k in article.keywords],
                "journal": to_trad(journal.name),
                "column": to_trad(article.column) if article.column else article.column,
                "body": "\n".join(
                    [*spam_top, " ".join(map(to_trad, article.authors)), *body, *related]
                    + spam_foot
                ),
            }
        )

        def stray(text: str, rng: random.Random = rng) -> str:
            return "".join(
                _STRAY[ch] if ch in _STRAY and rng.random() < 0.15 else ch for ch in text
            )

        pages["stray"].append({**page, "body": stray(page["body"])})
    return pages


def _cpu_ns(fn: Callable[[], Any]) -> int:
    start = time.process_time_ns()
    fn()
    return time.process_time_ns() - start


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def time_pages(pages: list[dict[str, Any]], repeats: int) -> list[float]:
    """ms a page: the median of `repeats` runs of `clean_article` on it."""
    out = []
    for page in pages:
        clean.clean_article(page)
        runs = [_cpu_ns(lambda page=page: clean.clean_article(page)) for _ in range(repeats)]
        out.append(statistics.median(runs) / 1e6)
    return out


class StageTimers:
    """Wraps the stage functions `pipelines.clean` calls in CPU timers."""

    def __init__(self) -> None:
        self.spent: dict[str, int] = defaultdict(int)
        self.saved: dict[str, Any] = {}

    def __enter__(self) -> StageTimers:
        for stage, names in STAGES.items():
            for name in names:
                self.saved[name] = original = getattr(clean, name)
                setattr(clean, name, self._timed(stage, original))
        return self

    def __exit__(self, *_: object) -> None:
        for name, original in self.saved.items():
            setattr(clean, name, original)

    def _timed(self, stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        spent, clock = self.spent, time.process_time_ns

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = clock()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[stage] += clock() - start

        return timed


def stage_split(pages: list[dict[str, Any]], repeats: int) -> dict[str, float]:
    """ms a page by stage: the median over pages of each page's median over repeats."""
    per_page: dict[str, list[float]] = defaultdict(list)
    with StageTimers() as timers:
        for page in pages:
            clean.clean_article(page)
            runs: dict[str, list[int]] = defaultdict(list)
            for _ in range(repeats):
                timers.spent.clear()
                total = _cpu_ns(lambda page=page: clean.clean_article(page))
                for stage in STAGES:
                    runs[stage].append(timers.spent[stage])
                runs["other"].append(total - sum(timers.spent.values()))
                runs["total (instrumented)"].append(total)
            for stage, values in runs.items():
                per_page[stage].append(statistics.median(values) / 1e6)
    return {stage: statistics.median(values) for stage, values in per_page.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--kinds", nargs="+", choices=KINDS, default=list(KINDS))
    args = parser.parse_args()

    pages = build_pages()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs, load average {load:.2f}; "
        f"process CPU time, median of {args.repeats} repeats a page"
    )
    print()
    head = ("kind", "pages", "chars", "median ms", "p95 ms", "µs/1k chars")
    print(f"{head[0]:<12} {head[1]:>5} {head[2]:>7} {head[3]:>10} {head[4]:>8} {head[5]:>12}")
    for kind in args.kinds:
        ms = time_pages(pages[kind], args.repeats)
        chars = [len(p["body"]) for p in pages[kind]]
        per_k = statistics.median(1000 * t / c * 1000 for t, c in zip(ms, chars, strict=True))
        print(
            f"{kind:<12} {len(ms):>5} {statistics.median(chars):>7.0f} "
            f"{statistics.median(ms):>10.2f} {_p95(ms):>8.2f} {per_k:>12.0f}"
        )
    print()
    splits = {kind: stage_split(pages[kind], args.repeats) for kind in args.kinds}
    print("ms a page by stage (instrumented pass; median over pages)")
    print(f"{'stage':<22}" + "".join(f"{kind:>13}" for kind in args.kinds))
    for stage in [*STAGES, "other", "total (instrumented)"]:
        print(f"{stage:<22}" + "".join(f"{splits[kind][stage]:>13.2f}" for kind in args.kinds))


if __name__ == "__main__":
    main()
