"""Quality alarms (crawler/extensions/quality.py): a parser that stops finding authors
and keywords is caught at the end of the run, recorded `degraded` with its
alarms, and `scrapy crawl` exits 3; the same crawl with the real parser passes."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from support.runners import CrawlResult, run_crawl

from crawler.exitstatus import ExitStatus
from crawler.extensions.quality import DEFAULT_FLOORS, alarms, coverage, floors_from
from crawler.settings import QUALITY_FLOORS, QUALITY_MIN_ARTICLES
from journals.samplesite.corpus import build_corpus
from journals.samplesite.server import SampleSite

BROKEN = "tests.support.brokenparser.parse_article"  # drops authors and keywords


def articles_of(journal: str) -> int:
    return sum(len(i.articles) for j in build_corpus() if j.name == journal for i in j.issues)


def crawl(site: SampleSite, db: Path, journal: str, *settings: str) -> CrawlResult:
    return run_crawl(
        "fx361",
        "-a",
        f"journal={journal}",
        db=db,
        settings=["-s", f"FX361_BASE_URL={site.base_url}", *settings],
    )


def last_run(db: Path) -> dict[str, Any]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        row = dict(conn.execute("select * from crawl_runs order by id desc").fetchone())
    for name in ("coverage", "alarms"):
        row[name] = None if row[name] is None else json.loads(row[name])
    return row


def test_the_settings_are_the_documented_defaults() -> None:
    assert QUALITY_FLOORS is DEFAULT_FLOORS
    assert DEFAULT_FLOORS == {"authors": 0.7, "keywords": 0.6, "date": 0.95, "issue": 0.9}
    assert QUALITY_MIN_ARTICLES == 20


def test_a_broken_parser_makes_a_degraded_run(sample_site: SampleSite, tmp_path: Path) -> None:
    journal = "浙江人大"
    assert articles_of(journal) >= QUALITY_MIN_ARTICLES  # enough to judge

    broken = crawl(sample_site, tmp_path / "broken.db", journal, "-s", f"ARTICLE_PARSER={BROKEN}")
    assert broken.returncode == ExitStatus.DEGRADED == 3, broken.log[-3000:]
    row = last_run(tmp_path / "broken.db")
    assert row["status"] == "degraded" and row["finish_reason"] == "finished"
    assert row["articles_new"] == articles_of(journal)
    assert row["coverage"] == {"authors": 0.0, "keywords": 0.0, "date": 1.0, "issue": 1.0}
    assert row["alarms"] == ["authors 0.00 < 0.70", "keywords 0.00 < 0.60"]
    errors = [line for line in broken.log.splitlines() if "] ERROR:" in line]
    assert len(errors) == 1
    assert errors[0].endswith(
        f"quality: run degraded: fields below their floors in {articles_of(journal)} new"
        " articles: authors 0.00 < 0.70, keywords 0.00 < 0.60"
    )

    real = crawl(sample_site, tmp_path / "real.db", journal)
    assert real.returncode == 0, real.log[-3000:]
    row = last_run(tmp_path / "real.db")
    assert row["status"] == "finished" and row["alarms"] is None
    assert row["articles_new"] == articles_of(journal)
    assert all(row["coverage"][name] >= floor for name, floor in QUALITY_FLOORS.items())
    assert real.stat("log_count/ERROR") is None


def test_too_few_new_articles_are_no_evidence(sample_site: SampleSite, tmp_path: Path) -> None:
    journal = "上海人大月刊"
    assert articles_of(journal) < QUALITY_MIN_ARTICLES
    db = tmp_path / "articles.db"
    broken = crawl(sample_site, db, journal, "-s", f"ARTICLE_PARSER={BROKEN}")
    assert broken.returncode == 0, broken.log[-3000:]
    row = last_run(db)
    assert row["status"] == "finished" and row["alarms"] is None
    assert row["coverage"]["authors"] == row["coverage"]["keywords"] == 0.0  # recorded all the same


@pytest.mark.parametrize(
    ("stats", "expected"),
    [
        # a quarter of the articles without keywords is within the floor, half is not
        ({"authors": 40, "keywords": 30, "date": 40, "issue": 40}, []),
        ({"authors": 40, "keywords": 20, "date": 40, "issue": 40}, ["keywords 0.50 < 0.60"]),
        ({"authors": 40, "keywords": 40, "date": 37, "issue": 40}, ["date 0.93 < 0.95"]),
    ],
)
def test_alarms_at_the_default_floors(stats: dict[str, int], expected: list[str]) -> None:
    counts = {"store/articles_new": 40} | {f"quality/new_with_{k}": v for k, v in stats.items()}
    assert alarms(coverage(counts), 40, floors_from(None), QUALITY_MIN_ARTICLES) == expected


def test_floors_given_with_s_are_json(sample_site: SampleSite, tmp_path: Path) -> None:
    """`-s QUALITY_FLOORS=JSON` changes the floors it names; a lower
    QUALITY_MIN_ARTICLES judges a small run."""
    db = tmp_path / "articles.db"
    result = crawl(
        sample_site,
        db,
        "上海人大月刊",
        "-s",
        'QUALITY_FLOORS={"authors": 0.99}',
        "-s",
        "QUALITY_MIN_ARTICLES=5",
    )
    assert result.returncode == ExitStatus.DEGRADED, result.log[-3000:]
    row = last_run(db)
    assert row["status"] == "degraded"
    assert [alarm.split()[0] for alarm in row["alarms"]] == ["authors"]
