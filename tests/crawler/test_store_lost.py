"""Articles the database refuses (a trigger that rejects them, in a real
crawl): each is counted as lost, said on one line and recorded as a failure,
the run fails (exit status 1, run record `failed`) instead of ending
`finished` with them gone, and no other article is held back with them."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import urlsplit

from support.runners import Crawled, journals, run_crawl

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


def test_articles_refused_mid_crawl_hold_back_no_other(
    sample_site: SampleSite, crawled: Crawled, tmp_path: Path
) -> None:
    mirror = urlsplit(sample_site.seed_url).netloc  # the `article` crawl's part of `crawled`
    every: dict[int, set[str]] = {}  # article: the URLs of its copies
    with sqlite3.connect(crawled.db) as conn:
        for id_, url in conn.execute("SELECT article_id, url FROM sources"):
            if urlsplit(url).netloc != mirror:
                every.setdefault(id_, set()).add(url)
    refused = {url for id_, urls in every.items() if id_ % 17 == 3 for url in urls}
    assert 2 <= len(refused) < len(every) // 5  # a few, in several batches of 10
    db = tmp_path / "articles.db"
    open_engine(f"sqlite:///{db}", create=True).dispose()
    with sqlite3.connect(db) as conn:
        conn.execute(
            "CREATE TRIGGER refuse_some BEFORE INSERT ON articles WHEN NEW.id % 17 = 3"
            " BEGIN SELECT RAISE(ABORT, 'refused by the database'); END"
        )
    crawl = run_crawl(
        "fx361",
        db=db,
        settings=[
            *("-s", f"FX361_BASE_URL={sample_site.base_url}"),
            *("-s", f"FX361_MOBILE_URL={sample_site.mobile_url}"),
            *("-s", "STORE_BATCH_SIZE=10"),
        ],
    )
    assert crawl.returncode == ExitStatus.FAILED, crawl.log[-3000:]
    assert crawl.stat("store/articles_lost") == len(refused)
    for url in refused:
        assert f"store: {url} not stored: refused by the database" in crawl.log
    with sqlite3.connect(db) as conn:
        stored = {id_ for (id_,) in conn.execute("SELECT id FROM articles")}
        failed = dict(conn.execute("SELECT url, reason FROM failures"))
        status, alarms = conn.execute("SELECT status, alarms FROM crawl_runs").fetchone()
    assert stored == {id_ for id_ in every if id_ % 17 != 3}  # the others, whatever their batch
    assert failed == dict.fromkeys(refused, "not stored: refused by the database")
    assert status == "failed" and "articles not stored" in alarms

    # The cause mended, reparse stores them from their archived pages, and
    # their failures go.
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TRIGGER refuse_some")
    done = journals("reparse", "--db", f"sqlite:///{db}", "--progress", "0")
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(db) as conn:
        assert {id_ for (id_,) in conn.execute("SELECT id FROM articles")} == set(every)
        assert conn.execute("SELECT count(*) FROM failures").fetchone() == (0,)
