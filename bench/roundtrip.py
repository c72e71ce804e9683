"""Simplified → Traditional → Simplified on the sample corpus, and Simplified left alone.

    .venv/bin/python bench/roundtrip.py [--configs s2t s2tw s2hk] [--top 12]

The texts are every article title and body block of the sample corpus
(`journals.samplesite.corpus.all_articles`), all Simplified. Each is converted
to Traditional with OpenCC `s2t`, `s2tw` and `s2hk` (`s2t` and `s2hk` keep
`着`, which OpenCC counts as Traditional too; `s2tw` writes `著` as Taiwan
does, and so exercises the 著/着 fix), then back with (a) plain OpenCC `t2s` and (b) the project's
`to_simplified`. Reported: characters that differ from the original, per
10,000 characters, for all articles and for even and odd article ids apart
(a held-out check: no rule of `script.py` was fitted to the corpus, but the
synthetic articles are composed from one shared bank of sentences, so the two
halves share most of their wording and the split proves little on its own;
`tests/pipelines/test_script.py` checks the rules on general words and phrases), and the
most frequent (original → got) pairs.

Then the Simplified texts go straight through `t2s` and `normalize_script`:
both should change nothing.

The configs map one character to one character here; the script checks that
and falls back to a difflib alignment for any text whose length changes.
"""

from __future__ import annotations

import argparse
import difflib
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import opencc  # noqa: E402

from journals.samplesite.corpus import all_articles  # noqa: E402
from pipelines.cleaning.script import normalize_script, t2s, to_simplified  # noqa: E402

Convert = Callable[[str], str]
PER = 10_000


@dataclass
class Tally:
    chars: int = 0
    differing: int = 0
    resized: int = 0  # texts whose length changed, aligned with difflib
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, original: str, got: str) -> None:
        self.chars += len(original)
        if len(got) == len(original):
            diff = [(a, b) for a, b in zip(original, got, strict=True) if a != b]
        else:
            self.resized += 1
            diff = _aligned_diff(original, got)
        self.differing += len(diff)
        self.pairs.update(diff)

    @property
    def rate(self) -> float:
        return PER * self.differing / self.chars if self.chars else 0.0


def _aligned_diff(original: str, got: str) -> list[tuple[str, str]]:
    """(original, got) pieces that differ, one per character of the longer side."""
    out: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, original, got, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        a, b = original[i1:i2], got[j1:j2]
        if len(a) == len(b):
            out += [(x, y) for x, y in zip(a, b, strict=True) if x != y]
        else:
            out += [(a, b)] * max(len(a), len(b))
    return out


def corpus_texts() -> list[tuple[int, str]]:
    """(article id, text) for every title and body block of the sample corpus."""
    texts: list[tuple[int, str]] = []
    for _journal, _issue, article in all_articles():
        texts.append((article.id, article.title))
        texts += [(article.id, block.text) for block in article.blocks]
    return texts


def measure(texts: list[tuple[int, str]], got: Iterable[str]) -> dict[str, Tally]:
    """Tallies for all / even / odd article ids of `got` against the texts."""
    tallies = {"all": Tally(), "even": Tally(), "odd": Tally()}
    for (article_id, text), out in zip(texts, got, strict=True):
        for name in ("all", "even" if article_id % 2 == 0 else "odd"):
            tallies[name].add(text, out)
    return tallies


def _report(label: str, tallies: dict[str, Tally], top: int) -> None:
    t = tallies
    print(
        f"  {label:<16} all {t['all'].rate:7.3f}  even {t['even'].rate:7.3f}  "
        f"odd {t['odd'].rate:7.3f}   ({t['all'].differing} of {t['all'].chars} chars; "
        f"{t['all'].resized} texts realigned)"
    )
    for (a, b), n in t["all"].pairs.most_common(top):
        print(f"      {a} → {b}  {n}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--configs", nargs="+", default=["s2t", "s2tw", "s2hk"])
    parser.add_argument("--top", type=int, default=12, help="differing pairs to list")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    texts = corpus_texts()
    ids = {i for i, _ in texts}
    even = sum(len(t) for i, t in texts if i % 2 == 0)
    odd = sum(len(t) for i, t in texts if i % 2)
    print(
        f"sample corpus: {len(ids)} articles, {len(texts)} texts, {even + odd} characters "
        f"(even ids {even}, odd ids {odd})"
    )
    print(f"differing characters per {PER:,} (lower is better)\n")
    backs: list[tuple[str, Convert]] = [
        ("OpenCC t2s", t2s),
        ("to_simplified", to_simplified),
    ]
    for config in args.configs:
        there = opencc.OpenCC(config).convert
        traditional = [there(text) for _, text in texts]
        resized = sum(len(t) != len(text) for t, (_, text) in zip(traditional, texts, strict=True))
        changed = measure(texts, traditional)["all"].differing
        print(
            f"Simplified → {config} → back ({config} changed {changed} characters, "
            f"the length of {resized} texts)"
        )
        for label, back in backs:
            _report(label, measure(texts, (back(t) for t in traditional)), args.top)
        print()
    print("Simplified texts straight through (should change nothing)")
    for label, fn in [("OpenCC t2s", t2s), ("normalize_script", normalize_script)]:
        _report(label, measure(texts, (fn(text) for _, text in texts)), args.top)
    print(f"\n{time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
