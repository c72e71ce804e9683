"""A batch the database refuses for good as the crawl closes (a trigger that
rejects the article, in a real crawl): its articles are counted as lost, the
error is one line, and the run fails (exit status 1, run record `failed`),
instead of ending `finished` with the batch gone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from support.runners import run_crawl

from crawler.exitstatus import ExitStatus
from journals.samplesite.server import SampleSite
from pipelines.db.database import open_engine

REFUSE = (
    "CREATE TRIGGER refuse_articles BEFORE INSERT ON articles"
    " BEGIN SELECT RAISE(ABORT, 'refused by the database'); END"
)


def test_a_batch_refused_at_the_close_fails_the_run(
    sample_site: SampleSite, tmp_path: Path
) -> None:
    db = tmp_path / "articles.db"
    open_engine(f"sqlite:///{db}", create=True).dispose()
    with sqlite3.connect(db) as conn:
        conn.execute(REFUSE)
    crawl = run_crawl("article", "-a", f"url={sample_site.seed_url}", db=db)
    assert crawl.returncode == ExitStatus.FAILED, crawl.log[-3000:]
    assert crawl.stat("store/articles_lost") == 1
    assert "store: 1 articles not stored" in crawl.log
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM pages").fetchone() == (1,)  # kept: reparse
        status, alarms = conn.execute("SELECT status, alarms FROM crawl_runs").fetchone()
    assert status == "failed" and "articles not stored" in alarms
