"""End to end: real crawls of the sample site over HTTP into SQLite."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from urllib.parse import urlsplit

from support.runners import Crawled, run_crawl

from journals.samplesite.corpus import all_articles
from journals.samplesite.render import CATEGORIES, article_path, mobile_path
from journals.samplesite.server import REDIRECTED_PATH, SampleSite
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


def port(url: str) -> int | None:
    return urlsplit(url).port


def site_pages() -> int:
    """The sample site's pages a whole crawl reads: the home page, each
    category page, each journal's home, each of its year pages, each issue
    page and each article page (the redirected one twice: its desktop URL,
    then its mobile page)."""
    journals = {j.code: j for j, _, _ in all_articles()}.values()
    years = sum(len({i.year for i in j.issues}) for j in journals)
    issues = sum(len(j.issues) for j in journals)
    return 1 + len(CATEGORIES) + len(journals) + years + issues + len(all_articles()) + 1


def test_fx361_stores_every_article_of_the_site_as_written(crawled: Crawled) -> None:
    """Through category, journal-home, year and issue pages: every article,
    with the column and place its issue's table of contents gives it."""
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
        assert (row["column"], row["toc_position"]) == (article.column, article.position)
        assert row["keywords"] == list(article.keywords)
        assert row["body"].split("\n") == [normalize_text(b.text) for b in article.blocks]
        assert row["flags"] == []
        assert row["sources"] == [row["url"]]
        if article_path(article) == REDIRECTED_PATH:
            # the desktop page redirects to its mobile copy: the record is the mobile page's
            assert row["url"] == f"http://127.0.0.3:{port(row['url'])}{mobile_path(article)}"
        else:
            assert row["url"] == f"http://127.0.0.1:{port(row['url'])}{article_path(article)}"
    # the fx361 crawl stores the aggregator's articles, the article crawl the seed
    assert set(rows) == {a.id for _, _, a in expected} | {5108306}


def test_crawl_log_ends_with_stats_and_requests_stay_on_the_site(crawled: Crawled) -> None:
    log = crawled.fx361
    assert "Dumping Scrapy stats" in log.log
    assert log.stat("item_scraped_count") == len(all_articles())
    assert log.stat("store/articles_new") == len(all_articles())
    # exactly the site's pages, robots.txt of each host, and nothing anywhere else
    assert log.stat("downloader/request_count") == 2 + site_pages()
    assert log.stat("downloader/request_host/127.0.0.3") == 2  # robots.txt, the mobile page
    assert log.stat("offsite/filtered") is None
    assert log.stat("log_count/ERROR") is None
    assert log.stat("log_count/WARNING") is None
    # the selectors found every link; nothing fell back to URL shapes
    assert "navigation/fallback" not in log.log and "navigation/empty" not in log.log
    assert log.stat("navigation/found/articles") == len(all_articles())


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
