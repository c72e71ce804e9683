"""The project uses only Scrapy's (and Twisted's) public API: no private module
or name imported, and no private attribute of theirs read, called or set, so
that a Scrapy release cannot break the crawl by changing its internals.

Private names are those with a leading underscore that Scrapy and the parts of
Twisted the project uses define (functions, methods, attributes set on
`self`, class attributes), read from their installed source, and a few known
by name. An attribute of `self` (or `cls`, `super()`) is the project's own
where the project defines that name itself; on any other object, a Scrapy
private name is a finding whatever the object."""

from __future__ import annotations

import ast
import importlib.util
from collections.abc import Iterator
from pathlib import Path

from support.runners import ROOT

PROJECT = [ROOT / "crawler", ROOT / "pipelines", ROOT / "journals", ROOT / "tests" / "support"]
LIBRARIES = ("scrapy", "twisted")
# Twisted's modules whose objects the project handles (Deferred, Failure, reactor calls).
TWISTED = ["internet/defer.py", "internet/task.py", "internet/base.py", "python/failure.py"]
# Private names the project once used, or that are easy to reach for.
KNOWN = {"_slot", "_retry", "_create_crawler", "_closewait", "_start_time", "_delay", "_jitter"}


def sources(*roots: Path) -> Iterator[tuple[Path, ast.Module]]:
    for root in roots:
        for path in sorted(root.rglob("*.py")):
            yield path, ast.parse(path.read_text(encoding="utf-8"), str(path))


def private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def defined(tree: ast.Module) -> set[str]:
    """Private names a module defines: functions, methods, class attributes,
    attributes it sets on objects (`self._x = …`)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return {n for n in names if private(n)}


def library_private_names() -> set[str]:
    names = set(KNOWN)
    scrapy = Path(importlib.util.find_spec("scrapy").origin).parent  # type: ignore[arg-type, union-attr]
    twisted = Path(importlib.util.find_spec("twisted").origin).parent  # type: ignore[arg-type, union-attr]
    for _, tree in sources(scrapy):
        names |= defined(tree)
    for relative in TWISTED:
        names |= defined(ast.parse((twisted / relative).read_text(encoding="utf-8")))
    return names


def findings(trees: list[tuple[Path, ast.Module]], forbidden: set[str]) -> list[str]:
    own = set().union(*(defined(tree) for _, tree in trees))
    found = []
    for path, tree in trees:
        where = path.relative_to(ROOT)
        for node in ast.walk(tree):
            line = f"{where}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(LIBRARIES):
                parts = (node.module or "").split(".") + [alias.name for alias in node.names]
                found += [f"{line}: imports {node.module}.{p}" for p in parts if private(p)]
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith(LIBRARIES) and any(
                        private(p) for p in alias.name.split(".")
                    ):
                        found.append(f"{line}: imports {alias.name}")
            elif isinstance(node, ast.Attribute) and node.attr in forbidden:
                value = node.value
                mine = (isinstance(value, ast.Name) and value.id in ("self", "cls")) or (
                    isinstance(value, ast.Call)
                    and isinstance(value.func, ast.Name)
                    and value.func.id == "super"
                )
                if not (mine and node.attr in own):
                    found.append(f"{line}: .{node.attr}")
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("getattr", "setattr", "hasattr", "delattr")
                and len(node.args) >= 2
                and isinstance(node.args[1], ast.Constant)
                and node.args[1].value in forbidden
            ):
                found.append(f"{line}: {node.func.id}(…, {node.args[1].value!r})")
    return found


def test_no_private_scrapy_or_twisted_name_is_used() -> None:
    forbidden = library_private_names()
    assert {"_slot", "_retry", "_create_crawler", "_closewait"} <= forbidden
    assert findings(list(sources(*PROJECT)), forbidden) == []


def test_the_check_finds_what_it_is_for() -> None:
    code = """
from scrapy.utils.defer import _schedule_coro
import twisted.internet._sslverify
class Retry(RetryMiddleware):
    def process_response(self, request, response):
        slot = getattr(self.crawler.engine, "_slot", None)
        self.crawler.engine.downloader._delay = 2
        return self._retry(request, "why") or super()._retry(request, "why")
    def _own(self):
        return self._own() and self.crawler._own
"""
    found = findings([(ROOT / "x.py", ast.parse(code))], {"_slot", "_retry", "_delay", "_own"})
    assert sorted(f.split(": ", 1)[1] for f in found) == [
        "._delay",
        "._own",
        "._retry",
        "._retry",
        "getattr(…, '_slot')",
        "imports scrapy.utils.defer._schedule_coro",
        "imports twisted.internet._sslverify",
    ]
