"""The generated site (`bench/sitegen.py`) in a process of its own, for the
benchmarks that crawl it."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SITEGEN = Path(__file__).resolve().parent / "sitegen.py"


@contextmanager
def served(*options: str) -> Iterator[str]:
    """`sitegen.py OPTIONS` serving for the block; its base URL (with
    `--hosts N`, the N bases separated by spaces). What it says while it
    renders is printed as `site: …` lines, then how long it took."""
    site = subprocess.Popen(
        [sys.executable, str(SITEGEN), *options],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert site.stdout is not None
        rendering = time.perf_counter()
        for line in site.stdout:
            kind, _, rest = line.strip().partition(" ")
            if kind == "ready":
                print(f"site: {rest}, rendered in {time.perf_counter() - rendering:.0f} s")
                break
            print(f"site: {rest}", flush=True)
        else:
            raise SystemExit("the site did not start")
        yield rest
    finally:
        if site.stdin is not None:
            site.stdin.close()  # the site serves until its stdin closes
        site.wait(timeout=30)
