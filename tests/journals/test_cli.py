"""`journals`: errors are one line and a non-zero exit; stats and export work."""

from __future__ import annotations

import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from support.runners import ROOT

from journals.export import FIELDS
from journals.samplesite.corpus import all_articles
from pipelines.db.database import open_engine


def journals(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "journals.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["stats", "--db", "sqlite:////nonexistent/dir/x.db"],
            "journals stats: error: no database at /nonexistent/dir/x.db",
        ),
        (
            ["export", "--db", "not a url"],
            "journals export: error: not a database URL: 'not a url'",
        ),
        (["export", "--db", "nosuchdb://x/y"], "journals export: error: cannot open database URL"),
    ],
)
def test_errors_are_one_line(args: list[str], message: str) -> None:
    done = journals(*args)
    assert done.returncode == 1
    assert done.stderr.strip().startswith(message)
    assert len(done.stderr.strip().splitlines()) == 1


def test_stats_counts_journals_years_and_fields(crawled_url: str) -> None:
    """On the crawl in SQLite and in PostgreSQL."""
    done = journals("stats", "--db", crawled_url)
    assert done.returncode == 0, done.stderr
    total = len(all_articles()) + 1
    assert done.stdout.startswith(f"{total} articles in 5 journals")
    line = next(line for line in done.stdout.splitlines() if line.startswith("上海人大月刊"))
    shanghai = [a for j, _, a in all_articles() if j.name == "上海人大月刊"]
    assert line.split()[-1] == str(len(shanghai) + 1)
    coverage = {
        line.split()[0]: line.split()[1:]
        for line in done.stdout.split("field coverage")[1].splitlines()
        if line.strip()
    }
    assert coverage["title"] == [str(total), "/", str(total), "100.0%"]
    with_authors = sum(1 for _, _, a in all_articles() if a.authors) + 1
    assert coverage["authors"][0] == str(with_authors)
    with_keywords = sum(1 for _, _, a in all_articles() if a.keywords) + 1
    assert coverage["keywords"][0] == str(with_keywords)


def test_export_to_file(crawled_url: str, tmp_path: Path) -> None:
    out = tmp_path / "articles.csv"
    done = journals("export", "--db", crawled_url, "--format", "csv", "-o", str(out))
    assert done.returncode == 0, done.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split(",") == list(FIELDS)


def test_sample_site_prints_its_urls_and_serves() -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "journals.cli", "sample-site", "--port", "0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    ) as proc:
        try:
            assert proc.stdout is not None
            base = proc.stdout.readline().strip()
            seed = proc.stdout.readline().strip()
            mobile = proc.stdout.readline().strip()
            assert base.startswith("http://127.0.0.1:")
            assert seed.startswith("http://127.0.0.2:") and seed.endswith("/5108306.html")
            assert mobile == base.replace("127.0.0.1", "127.0.0.3")
            with urllib.request.urlopen(base + "/", timeout=10) as response:  # the home page
                assert "上海人大月刊" in response.read().decode("utf-8")
            with urllib.request.urlopen(seed, timeout=10) as response:
                assert "青浦:做好聯(lián)系人民群眾三篇文章" in response.read().decode("utf-8")
        finally:
            proc.terminate()


def test_database_disposes_its_engine_also_on_an_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from journals import session as opening

    disposed = []

    def tracked(url: str) -> Engine:
        engine = open_engine(url, create=True)
        monkeypatch.setattr(engine, "dispose", lambda: disposed.append(url))
        return engine

    monkeypatch.setattr(opening, "open_engine", tracked)
    url = f"sqlite:///{tmp_path}/a.db"
    with pytest.raises(ZeroDivisionError), opening.database(url) as session:
        assert session.scalar(text("SELECT count(*) FROM articles")) == 0
        1 / 0  # noqa: B018
    assert disposed == [url]
