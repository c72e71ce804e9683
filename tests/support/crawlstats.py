"""Every crawl the test suite runs leaves its final stats (crawler/extensions/statsdump.py):
CRAWL_STATS_DIR is set for the whole session, a folder per test, so that
each crawl (`scrapy crawl` through run_crawl, scrapyd's jobs, `journals
retry`, …) inherits it and is known by the test that ran it. The last test
file, support/offsite.py, reads them all.

Set CRAWL_STATS_DIR yourself to keep the files after the session.

Under pytest-xdist each worker runs its own tests, and crawls, in a process of
its own: the workers write into the folder of the controlling process, in
folders named after the worker, and hand it their lists of folders and
finished crawls when they finish, so that the controller checks every crawl of
the session at its end.
"""

from __future__ import annotations

import ipaddress
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from crawler.downloadermiddlewares.hoststats import PREFIX

_session: dict[str, Any] = {"root": None, "keep": False, "summary": None, "prefix": ""}
_folders: dict[str, str] = {}  # folder name → test node id
finished: list[str] = []  # run_crawl calls that exited 0, by test
ran: set[str] = set()  # tests whose body ran
# What pytest-xdist's controller and workers pass each other (workerinput, workeroutput).
ROOT_KEY, FOLDERS_KEY, FINISHED_KEY = "crawl_stats_root", "crawl_folders", "crawl_finished"


@dataclass(frozen=True)
class Crawl:
    test: str  # node id of the test that ran it
    spider: str
    stats: dict[str, Any]

    @property
    def hosts(self) -> dict[str, int]:
        return {k.removeprefix(PREFIX): v for k, v in self.stats.items() if k.startswith(PREFIX)}

    def count(self, name: str) -> int:
        return int(self.stats.get(name) or 0)


def is_test_host(host: str) -> bool:
    """A loopback host: the only ones tests may send requests to.

    >>> [is_test_host(h) for h in ("127.0.0.2", "localhost", "::1", "www.fx361.com", "10.0.0.1")]
    [True, True, True, False, False]
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def crawls() -> list[Crawl]:
    """The stats of every crawl of this session that has closed."""
    root = _session["root"]
    found = []
    for path in sorted(root.glob("*/*.json")) if root else []:
        record = json.loads(path.read_text(encoding="utf-8"))
        test = _folders.get(path.parent.name, path.parent.name)
        found.append(Crawl(test, record["spider"], record["stats"]))
    return found


def record_crawl(returncode: int) -> None:
    """Called by run_crawl: a crawl that exits 0 must have left its stats."""
    if returncode == 0:
        finished.append(os.environ.get("PYTEST_CURRENT_TEST", ""))


def summarize(line: str) -> None:
    _session["summary"] = line


def is_worker(config: pytest.Config) -> bool:
    """Whether this process is a pytest-xdist worker (its controller checks the crawls)."""
    return hasattr(config, "workerinput")


def pytest_configure(config: pytest.Config) -> None:
    if is_worker(config):
        # The controller's folder; this worker's test folders are named after it.
        worker = config.workerinput["workerid"]  # type: ignore[attr-defined]
        root = Path(config.workerinput[ROOT_KEY])  # type: ignore[attr-defined]
        _session.update(root=root, keep=True, prefix=f"{worker}-")
        folder = f"{worker}-session"
        os.environ["CRAWL_STATS_DIR"] = str(root / folder)
        _folders[folder] = f"(outside any test, {worker})"
        return
    given = os.environ.get("CRAWL_STATS_DIR")
    root = Path(given) if given else Path(tempfile.mkdtemp(prefix="crawl-stats-"))
    _session.update(root=root, keep=bool(given))
    os.environ["CRAWL_STATS_DIR"] = str(root / "session")
    _folders["session"] = "(outside any test)"


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """pytest-xdist, in the controller: a worker starting writes into its folder."""
    node.workerinput[ROOT_KEY] = str(_session["root"])


def hand_over(config: pytest.Config) -> None:
    """In a worker at its end: its folders and finished crawls, for the controller."""
    config.workeroutput[FOLDERS_KEY] = dict(_folders)  # type: ignore[attr-defined]
    config.workeroutput[FINISHED_KEY] = list(finished)  # type: ignore[attr-defined]


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: Any) -> None:
    """pytest-xdist, in the controller: a worker finished; take over its lists."""
    output = getattr(node, "workeroutput", {})
    _folders.update(output.get(FOLDERS_KEY, {}))
    finished.extend(output.get(FINISHED_KEY, []))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    # Before the test's fixtures start anything: their crawls and servers inherit it.
    folder = f"{_session['prefix']}{len(_folders):04d}"
    _folders[folder] = item.nodeid
    os.environ["CRAWL_STATS_DIR"] = str(_session["root"] / folder)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call":
        ran.add(report.nodeid)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _session["summary"]:
        terminalreporter.write_line(_session["summary"])


def pytest_unconfigure(config: pytest.Config) -> None:
    if _session["root"] is not None and not _session["keep"]:
        shutil.rmtree(_session["root"], ignore_errors=True)
