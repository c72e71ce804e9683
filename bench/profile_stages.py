"""Where a crawl's time goes, stage by stage: `scrapy` run in this process
with a timer around the entry point of each stage.

    .venv/bin/python bench/profile_stages.py --out stages.json -- crawl article -a urls=… -s …

Runs `scrapy <arguments>` as the `scrapy` command does (same settings, same
exit status) after wrapping, for the whole run, the functions through which
the crawl enters each stage, and writes what they took to `--out` as JSON:

* `parse`: the article parser (`crawler.sites.parse_article`, what
  ARTICLE_PARSER names by default): decoding, the site parsers, the generic
  extractor;
* `clean`, `validate`, `store`: the item pipelines' `process_item` (the store's
  batch writes happen inside it, every STORE_BATCH_SIZE items, and in
  `close_spider` for the last batch);
* `page archive`: the spider middleware that keeps each page
  (`process_spider_input`, with its batch writes, and `spider_closed`);
* `waiting`: the event loop's wait for sockets and timers (the selector's
  `select`): time no stage and nothing of Scrapy's used;
* `loop`: all of the event loop (`run_forever`); what is left of it once the
  stages and the waiting are taken away is fetching and Scrapy's own work
  (engine, scheduler, downloader, HTTP, the other middlewares, extensions);
* `process`: the whole run, start-up (imports, settings, migrations) and
  shutdown included.

Each is wall time (perf_counter) and CPU time of the thread (thread_time; the
loop's and the process's: of the process), with the number of calls. A timer
costs about a microsecond a call, a few calls a page: nothing beside what the
stages take, so the crawl measured is the crawl as it runs (unlike cProfile,
whose cost per Python call inflates call-heavy code several times over).
`split(path)` reads such a file back as rows for a table.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import importlib
import inspect
import json
import os
import selectors
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

# stage → (module, attribute path) of each function the crawl enters it by
STAGES: dict[str, tuple[tuple[str, str], ...]] = {
    "parse": (("crawler.sites", "parse_article"),),
    "clean": (("pipelines.clean", "CleanPipeline.process_item"),),
    "validate": (("pipelines.validate", "ValidatePipeline.process_item"),),
    "store": (
        ("pipelines.store", "StorePipeline.process_item"),
        ("pipelines.store", "StorePipeline.close_spider"),
    ),
    "page archive": (
        ("crawler.spidermiddlewares.pagearchive", "PageArchive.process_spider_input"),
        ("crawler.spidermiddlewares.pagearchive", "PageArchive.spider_closed"),
    ),
}
ORDER = ("parse", "clean", "validate", "store", "page archive")


class Timer:
    def __init__(self) -> None:
        self.calls = 0
        self.wall = 0.0
        self.cpu = 0.0

    def as_dict(self) -> dict[str, float]:
        return {"calls": self.calls, "wall": self.wall, "cpu": self.cpu}


TIMERS: dict[str, Timer] = {}
MISSING: list[str] = []


def timed(timer: Timer, fn: Callable[..., Any], cpu: Callable[[], float]) -> Callable[..., Any]:
    if inspect.iscoroutinefunction(fn):

        @functools.wraps(fn)
        async def wrapped_async(*args: Any, **kwargs: Any) -> Any:
            wall, spent = time.perf_counter(), cpu()
            try:
                return await fn(*args, **kwargs)
            finally:
                timer.calls += 1
                timer.wall += time.perf_counter() - wall
                timer.cpu += cpu() - spent

        return wrapped_async

    # A signal handler is passed only the arguments its signature names (pydispatch
    # reads the wrapper's): the wrapper takes any, so those the handler does not
    # name are left out here.
    params = inspect.signature(fn).parameters.values()
    named = None if any(p.kind is p.VAR_KEYWORD for p in params) else {p.name for p in params}

    @functools.wraps(fn)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        wall, spent = time.perf_counter(), cpu()
        if named is not None:
            kwargs = {key: value for key, value in kwargs.items() if key in named}
        try:
            return fn(*args, **kwargs)
        finally:
            timer.calls += 1
            timer.wall += time.perf_counter() - wall
            timer.cpu += cpu() - spent

    return wrapped


def wrap(owner: Any, name: str, timer: Timer, cpu: Callable[[], float] = time.thread_time) -> bool:
    original = getattr(owner, name, None)
    if original is None:
        return False
    setattr(owner, name, timed(timer, original, cpu))
    return True


def install() -> None:
    """Put the timers in place (before Scrapy loads the spider and the pipelines)."""
    for stage, targets in STAGES.items():
        timer = TIMERS.setdefault(stage, Timer())
        for module_name, path in targets:
            try:
                owner: Any = importlib.import_module(module_name)
            except ImportError:
                MISSING.append(f"{module_name}.{path}")
                continue
            *parents, name = path.split(".")
            for parent in parents:
                owner = getattr(owner, parent, None)
            if owner is None or not wrap(owner, name, timer):
                MISSING.append(f"{module_name}.{path}")
    wrap(selectors.EpollSelector, "select", TIMERS.setdefault("waiting", Timer()))
    wrap(selectors.PollSelector, "select", TIMERS["waiting"])
    wrap(selectors.SelectSelector, "select", TIMERS["waiting"])
    wrap(
        asyncio.BaseEventLoop, "run_forever", TIMERS.setdefault("loop", Timer()), time.process_time
    )


def split(path: Path, pages: int) -> tuple[list[tuple[str, float, float, float]], list[str]]:
    """(stage, wall seconds, share of the run's wall time, CPU ms a page) rows, in
    the order of a page's way through the crawl; and the functions not found."""
    data = json.loads(path.read_text(encoding="utf-8"))
    timers = data["timers"]
    process = data["process"]
    loop = timers.get("loop", {"wall": 0.0, "cpu": 0.0})
    stages = [(s, timers[s]) for s in ORDER if s in timers]
    busy_wall = sum(t["wall"] for _, t in stages)
    busy_cpu = sum(t["cpu"] for _, t in stages)
    waiting = timers.get("waiting", {"wall": 0.0, "cpu": 0.0})
    rows: list[tuple[str, float, float]] = [
        ("start-up and shutdown", process["wall"] - loop["wall"], process["cpu"] - loop["cpu"]),
        (
            "fetch and Scrapy",
            loop["wall"] - busy_wall - waiting["wall"],
            loop["cpu"] - busy_cpu - waiting["cpu"],
        ),
        *[(s, t["wall"], t["cpu"]) for s, t in stages],
        ("waiting (idle)", waiting["wall"], waiting["cpu"]),
    ]
    total = process["wall"] or 1.0
    per = max(pages, 1)
    out = [(name, wall, wall / total, 1000 * cpu / per) for name, wall, cpu in rows]
    return out, data.get("missing", [])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("scrapy", nargs=argparse.REMAINDER, help="-- then scrapy's arguments")
    args = parser.parse_args()
    argv = args.scrapy[1:] if args.scrapy[:1] == ["--"] else args.scrapy
    os.chdir(ROOT)  # where scrapy.cfg is
    sys.path.insert(0, str(ROOT))
    start_wall, start_cpu = time.perf_counter(), time.process_time()
    install()
    from scrapy.cmdline import execute

    status: int | str | None = 0
    try:
        execute(["scrapy", *argv])
    except SystemExit as stop:
        status = stop.code
    finally:
        record = {
            "argv": argv,
            "timers": {name: t.as_dict() for name, t in TIMERS.items()},
            "process": {
                "wall": time.perf_counter() - start_wall,
                "cpu": time.process_time() - start_cpu,
            },
            "missing": MISSING,
        }
        args.out.write_text(json.dumps(record, indent=1), encoding="utf-8")
    sys.exit(status)


if __name__ == "__main__":
    main()
