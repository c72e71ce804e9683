"""Deploying to scrapyd: the project built as an egg with scrapyd-deploy,
uploaded to a scrapyd on loopback, `fx361` scheduled through its HTTP API
against the sample site (served by this process) and its articles found in
the database the job wrote."""

from __future__ import annotations

import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests  # scrapyd-client's, as scrapyd-deploy posts eggs
from support.runners import ROOT

from journals.samplesite.corpus import build_corpus
from journals.samplesite.server import SampleSite

BIN = Path(sys.executable).parent
# What an egg built from a clean checkout holds: the project's packages and
# package data, and its settings entry point; no tests, no data/.
PROJECT_FILES = ("crawler", "journals", "pipelines", "pyproject.toml", "README.md", "scrapy.cfg")


@dataclass
class Scrapyd:
    url: str
    root: Path

    def get(self, endpoint: str, **params: str) -> dict:
        response = requests.get(f"{self.url}/{endpoint}", params=params, timeout=30)
        response.raise_for_status()
        return response.json()

    def post(self, endpoint: str, fields: list[tuple[str, str]], egg: bytes | None = None) -> dict:
        response = requests.post(
            f"{self.url}/{endpoint}",
            data=fields,  # a list: `setting` is given once per setting
            files={"egg": ("project.egg", egg)} if egg is not None else None,
            timeout=120,
        )
        response.raise_for_status()
        return response.json()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def scrapyd(tmp_path: Path) -> Iterator[Scrapyd]:
    """scrapyd on a free loopback port, its eggs, logs and queues in tmp_path."""
    root = tmp_path / "scrapyd"
    root.mkdir()
    port = free_port()
    (root / "scrapyd.conf").write_text(
        "[scrapyd]\n"
        "bind_address = 127.0.0.1\n"
        f"http_port = {port}\n"
        f"eggs_dir = {root / 'eggs'}\n"
        f"logs_dir = {root / 'logs'}\n"
        f"dbs_dir = {root / 'dbs'}\n"
        "items_dir =\n"
        "max_proc = 2\n"
        "poll_interval = 0.2\n"
    )
    # Run from its own folder: scrapyd reads ./scrapyd.conf, and its jobs
    # must import the project from the deployed egg, not from a checkout.
    with (root / "scrapyd.out").open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "scrapyd", "--pidfile="],
            cwd=root,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        daemon = Scrapyd(f"http://127.0.0.1:{port}", root)
        try:
            deadline = time.monotonic() + 30
            while True:
                assert server.poll() is None, (root / "scrapyd.out").read_text()[-3000:]
                try:
                    if daemon.get("daemonstatus.json")["status"] == "ok":
                        break
                except requests.ConnectionError:
                    pass
                assert time.monotonic() < deadline, "scrapyd did not answer in 30 s"
                time.sleep(0.1)
            yield daemon
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def build_egg(tmp_path: Path) -> Path:
    """`scrapyd-deploy --build-egg` in a copy of the project (it writes a
    setup.py and build folders where it runs)."""
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            # symlinks=False: package data kept as links in the repository
            # (the sample site's seed page) goes into the egg as files.
            shutil.copytree(source, checkout / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, checkout / name)
    egg = tmp_path / "journals.egg"
    done = subprocess.run(
        [str(BIN / "scrapyd-deploy"), "--build-egg", str(egg)],
        cwd=checkout,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return egg


def test_deploy_to_scrapyd_and_crawl_through_its_api(
    scrapyd: Scrapyd, sample_site: SampleSite, tmp_path: Path
) -> None:
    egg = build_egg(tmp_path)
    with zipfile.ZipFile(egg) as archive:
        names = set(archive.namelist())
        entry_points = archive.read("EGG-INFO/entry_points.txt").decode()
    assert "[scrapy]\nsettings = crawler.settings" in entry_points
    assert {
        "crawler/settings.py",
        "journals/samplesite/seed-page.txt",
        "journals/samplesite/texts/common.txt",
        "pipelines/db/migrations/env.py",
    } <= names
    assert any(name.startswith("pipelines/db/migrations/versions/0001") for name in names)
    assert not any(name.startswith("tests/") for name in names)

    added = scrapyd.post(
        "addversion.json", [("project", "journals"), ("version", "r1")], egg=egg.read_bytes()
    )
    assert added["status"] == "ok", added
    assert added["spiders"] == 2  # fx361 and article, listed by scrapyd from the egg
    assert sorted(scrapyd.get("listspiders.json", project="journals")["spiders"]) == [
        "article",
        "fx361",
    ]

    journal = next(j for j in build_corpus() if j.name == "上海人大月刊")
    db = tmp_path / "scrapyd-articles.db"
    settings = {
        "FX361_BASE_URL": sample_site.base_url,
        "DATABASE_URL": f"sqlite:///{db}",
        "DOWNLOAD_DELAY": "0",
        "AUTOTHROTTLE_ENABLED": "False",
        "CONCURRENT_REQUESTS_PER_DOMAIN": "8",
    }
    scheduled = scrapyd.post(
        "schedule.json",
        [("project", "journals"), ("spider", "fx361"), ("journal", journal.name)]
        + [("setting", f"{name}={value}") for name, value in settings.items()],
    )
    assert scheduled["status"] == "ok", scheduled
    job = scheduled["jobid"]

    deadline = time.monotonic() + 180
    while True:
        jobs = scrapyd.get("listjobs.json", project="journals")
        finished = {j["id"]: j for j in jobs["finished"]}
        if job in finished:
            break
        assert time.monotonic() < deadline, f"job {job} not finished in 180 s: {jobs}"
        time.sleep(0.1)

    log = (scrapyd.root / "logs" / "journals" / "fx361" / f"{job}.log").read_text()
    assert "Spider closed (finished)" in log, log[-3000:]
    assert "[crawler.extensions.progress] INFO: done (finished)" in log
    # The job ran the deployed egg, not a checkout (pipelines.db.migrate.script_location).
    assert "running from an egg: migration scripts copied" in log
    expected = {article.id for issue in journal.issues for article in issue.articles}
    with sqlite3.connect(db) as conn:
        ids = [row[0] for row in conn.execute("select id from articles")]
        assert sorted(ids) == sorted(expected)
        names = {row[0] for row in conn.execute("select name from journals")}
        assert names == {journal.name}
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
