"""End to end: real crawls of the sample site over HTTP into SQLite."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from support.runners import Crawled, run_crawl

from journals.samplesite.corpus import all_articles
from journals.samplesite.render import ISSUES_PER_PAGE
from journals.samplesite.server import SampleSite
from pipelines.cleaning.text import normalize_text, normalize_title


def stored(db: Path) -> dict[int, dict]:
    """Every article in the database, as `journals export` gives it."""
    from sqlalchemy.orm import Session

    from journals.export import records
    from pipelines.db.database import open_engine

    engine = open_engine(f"sqlite:///{db}")
    with Session(engine) as session:
        rows = {row["id"]: row for row in records(session)}
    engine.dispose()
    return rows


def test_fx361_stores_every_article_of_the_site_as_written(crawled: Crawled) -> None:
    rows = stored(crawled.db)
    expected = all_articles()
    assert len(expected) >= 60
    for journal, issue, article in expected:
        row = rows[article.id]
        assert row["title"] == normalize_title(article.title)
        assert row["authors"] == list(article.authors)
        assert row["date"] == f"{article.posted_at:%Y-%m-%d}"
        assert row["time"] == (f"{article.posted_at:%H:%M:%S}" if article.show_time else None)
        assert (row["journal"], row["year"], row["issue"]) == (
            journal.name,
            issue.year,
            issue.issue,
        )
        assert row["keywords"] == list(article.keywords)
        assert row["body"].split("\n") == [normalize_text(b.text) for b in article.blocks]
        assert row["flags"] == []
        assert row["sources"] == [row["url"]]
    # the fx361 crawl stores the aggregator's articles, the article crawl the seed
    assert set(rows) == {a.id for _, _, a in expected} | {5108306}


def test_crawl_log_ends_with_stats_and_requests_stay_on_the_site(crawled: Crawled) -> None:
    log = crawled.fx361
    assert "Dumping Scrapy stats" in log.log
    assert log.stat("item_scraped_count") == len(all_articles())
    assert log.stat("store/articles_new") == len(all_articles())
    # exactly the site's pages: robots.txt, the journal list, every journal
    # page, issue page and article page, and nothing anywhere else
    journals = {j.code: j for j, _, _ in all_articles()}.values()
    pages = sum(-(-len(j.issues) // ISSUES_PER_PAGE) for j in journals)
    issues = sum(len(j.issues) for j in journals)
    assert log.stat("downloader/request_count") == 2 + pages + issues + len(all_articles())
    assert log.stat("offsite/filtered") is None
    assert log.stat("log_count/ERROR") is None


def test_feed_export_keeps_working(crawled: Crawled) -> None:
    feed = crawled.db.parent / "feed.jsonl"
    items = [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines()]
    assert len(items) == len(all_articles())
    by_id = {item["article_id"]: item for item in items}
    journal, issue, article = all_articles()[0]
    assert by_id[article.id]["title"] == normalize_title(article.title)
    assert by_id[article.id]["journal"] == journal.name


def test_second_crawl_adds_no_duplicates(
    crawled: Crawled, sample_site: SampleSite, tmp_path: Path
) -> None:
    db = tmp_path / "again.db"
    with sqlite3.connect(crawled.db) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    before = sqlite3.connect(db).execute("select count(*) from articles").fetchone()[0]
    # mode=full: fetch every article again (incremental runs: tests/crawler/test_incremental.py)
    again = run_crawl(
        "fx361", "-a", "mode=full", db=db, settings=["-s", f"FX361_BASE_URL={sample_site.base_url}"]
    )
    assert again.returncode == 0, again.log[-2000:]
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from articles").fetchone()[0] == before
        assert conn.execute("select count(*) from sources").fetchone()[0] == before
        assert (
            conn.execute("select count(*) from article_authors").fetchone()[0]
            == sum(len(a.authors) for _, _, a in all_articles()) + 1
        )
    assert again.stat("store/articles_new") is None
    assert again.stat("store/articles_unchanged") == len(all_articles())


def test_database_is_in_wal_mode(crawled: Crawled) -> None:
    with sqlite3.connect(crawled.db) as conn:
        assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
