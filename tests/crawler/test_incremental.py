"""Incremental runs (`-a mode=incremental`, the default) fetch only what the
database lacks; `-a mode=archive` walks every issue and fetches what is not
stored, resuming with JOBDIR; `-a mode=full` fetches everything again;
`-a refresh=DAYS` fetches again what was fetched longer ago than that."""

from __future__ import annotations

import re
import sqlite3
import sys
from pathlib import Path

import pytest
from support.runners import FAST, Crawled, CrawlResult, run_crawl

from journals.samplesite.corpus import SampleArticle, SampleIssue, SampleJournal, all_articles
from journals.samplesite.render import article_path, mobile_path
from journals.samplesite.server import REDIRECTED_PATH, SampleSite

JOURNAL = "浙江人大"


def copy_of(crawled: Crawled, tmp_path: Path) -> Path:
    """A copy of the database the session's crawl of the whole site made."""
    db = tmp_path / "articles.db"
    with sqlite3.connect(crawled.db) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    return db


def crawl(site: SampleSite, db: Path, *args: str) -> CrawlResult:
    result = run_crawl(
        "fx361",
        *args,
        db=db,
        settings=["-s", f"FX361_BASE_URL={site.base_url}", "-s", "LOG_LEVEL=DEBUG"],
    )
    assert result.returncode == 0, result.log[-3000:]
    return result


def article_pages(result: CrawlResult) -> list[str]:
    """The article pages the crawl fetched (a `Crawled (200) <GET …>` line each;
    desktop pages, and the mobile page one of them redirects to)."""
    crawled = re.findall(r"Crawled \(\d+\) <GET (\S+)>", result.log)
    return [url for url in crawled if "/page/" in url or "/news/" in url]


def count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(f"select count(*) from {table}").fetchone()[0]


def newest_issue(name: str) -> tuple[SampleJournal, SampleIssue]:
    journal = next(j for j, _, _ in all_articles() if j.name == name)
    return journal, journal.issues[0]  # newest first, as the year pages list them


def url_of(site: SampleSite, article: SampleArticle) -> str:
    """The article page a crawl ends at: its desktop page, or the mobile page
    its desktop page redirects to."""
    if article_path(article) == REDIRECTED_PATH:
        return site.mobile_url + mobile_path(article)
    return site.base_url + article_path(article)


def test_a_second_incremental_run_fetches_no_article_page(
    crawled: Crawled, sample_site: SampleSite, tmp_path: Path
) -> None:
    db = copy_of(crawled, tmp_path)
    before = count(db, "articles")
    again = crawl(sample_site, db)  # incremental is the default
    assert article_pages(again) == []
    assert count(db, "articles") == before
    assert again.stat("item_scraped_count") is None
    # each journal's list stops at its newest issue, stored whole already
    journals = {j.name for j, _, _ in all_articles()}
    assert again.stat("incremental/stopped_at_complete_issue") == len(journals)
    assert again.stat("log_count/ERROR") is None


def test_mode_full_fetches_every_article_again(
    crawled: Crawled, sample_site: SampleSite, tmp_path: Path
) -> None:
    db = copy_of(crawled, tmp_path)
    before = count(db, "articles")
    again = crawl(sample_site, db, "-a", "mode=full")
    expected = {url_of(sample_site, a) for _, _, a in all_articles()}
    assert sorted(article_pages(again)) == sorted(expected)  # each once
    assert again.stat("store/articles_unchanged") == len(expected)
    assert again.stat("incremental/skipped_stored") is None
    assert again.stat("incremental/stopped_at_complete_issue") is None
    assert count(db, "articles") == before


def test_articles_missing_from_the_newest_issues_are_the_only_ones_fetched(
    crawled: Crawled, sample_site: SampleSite, tmp_path: Path
) -> None:
    db = copy_of(crawled, tmp_path)
    before = count(db, "articles")
    # One article of an issue gone, and a whole issue (as if it were new).
    _, partly = newest_issue(JOURNAL)
    _, whole = newest_issue("天津人大")
    assert len(partly.articles) >= 2
    missing = [partly.articles[0], *whole.articles]
    gone = [a.id for a in missing]
    marks = ",".join("?" * len(gone))
    with sqlite3.connect(db) as conn:
        conn.execute("pragma foreign_keys = on")
        for table in ("article_authors", "article_keywords", "sources", "fingerprints"):
            conn.execute(f"delete from {table} where article_id in ({marks})", gone)
        conn.execute(f"delete from articles where id in ({marks})", gone)
        assert conn.execute("pragma foreign_key_check").fetchall() == []
    assert count(db, "articles") == before - len(gone)

    again = crawl(sample_site, db)
    assert sorted(article_pages(again)) == sorted(url_of(sample_site, a) for a in missing)
    assert again.stat("store/articles_new") == len(gone)
    assert again.stat("incremental/skipped_stored") == len(partly.articles) - 1
    # the other journals stop at once, and these two at the issue after
    journals = {j.name for j, _, _ in all_articles()}
    assert again.stat("incremental/stopped_at_complete_issue") == len(journals)
    assert count(db, "articles") == before
    assert count(db, "sources") == count(db, "articles")

    third = crawl(sample_site, db)  # and now nothing is missing
    assert article_pages(third) == []


def test_refresh_fetches_again_what_was_fetched_long_ago(
    crawled: Crawled, sample_site: SampleSite, tmp_path: Path
) -> None:
    db = copy_of(crawled, tmp_path)
    _, issue = newest_issue(JOURNAL)
    old = [a.id for a in issue.articles]
    with sqlite3.connect(db) as conn:
        conn.execute(
            f"update articles set fetched_at = '2020-01-01T00:00:00+00:00'"
            f" where id in ({','.join('?' * len(old))})",
            old,
        )
    again = crawl(sample_site, db, "-a", "refresh=30")
    assert sorted(article_pages(again)) == sorted(url_of(sample_site, a) for a in issue.articles)
    assert again.stat("store/articles_unchanged") == len(issue.articles)
    with sqlite3.connect(db) as conn:
        stale = conn.execute("select count(*) from articles where fetched_at < '2021'").fetchone()[
            0
        ]
    assert stale == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["-a", "mode=fast"],
            "scrapy crawl fx361: mode: 'fast' is not incremental, archive or full",
        ),
        (["-a", "refresh=-3"], "scrapy crawl fx361: refresh: '-3' is not a number of days"),
    ],
)
def test_a_bad_mode_is_one_line(args: list[str], message: str, tmp_path: Path) -> None:
    result = run_crawl("fx361", *args, db=tmp_path / "x.db")
    assert result.returncode == 2
    assert result.log.strip().startswith(message)
    assert len(result.log.strip().splitlines()) == 1
    assert not (tmp_path / "x.db").exists()


def runs_of(db: Path) -> list[dict[str, object]]:
    """The run records, oldest first (crawler/extensions/runrecord.py)."""
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(row) for row in conn.execute("select * from crawl_runs order by id")]


def test_archive_fetches_what_old_issues_lack_and_nothing_stored(
    crawled: Crawled, sample_site: SampleSite, tmp_path: Path
) -> None:
    """An old issue missing from the database: incremental runs stop at the
    newest (complete) issue and never see it; an archive run walks every
    issue and fetches exactly its articles."""
    db = copy_of(crawled, tmp_path)
    journal = next(j for j, _, _ in all_articles() if j.name == "人大研究")
    old = journal.issues[-3]  # on the journal's oldest year page
    assert old.year == min(i.year for i in journal.issues) < journal.issues[0].year
    gone = [a.id for a in old.articles]
    marks = ",".join("?" * len(gone))
    with sqlite3.connect(db) as conn:
        for table in ("article_authors", "article_keywords", "sources", "fingerprints"):
            conn.execute(f"delete from {table} where article_id in ({marks})", gone)
        conn.execute(f"delete from articles where id in ({marks})", gone)

    incremental = crawl(sample_site, db)
    assert article_pages(incremental) == []

    archive = crawl(sample_site, db, "-a", "mode=archive")
    assert sorted(article_pages(archive)) == sorted(url_of(sample_site, a) for a in old.articles)
    assert archive.stat("incremental/stopped_at_complete_issue") is None
    assert archive.stat("incremental/skipped_stored") == len(list(all_articles())) - len(gone)
    record = runs_of(db)[-1]
    assert record["arguments"] == '{"mode": "archive"}'
    assert record["article_pages"] == record["articles_new"] == len(gone)
    assert record["articles_updated"] == record["articles_unchanged"] == 0


def test_a_killed_archive_run_resumes_without_fetching_what_it_stored(
    sample_site: SampleSite, tmp_path: Path
) -> None:
    """`-a mode=archive -s JOBDIR=…`, killed and started again: the resumed
    run fetches only the article pages whose articles are not stored (its
    run record says how many), and the journal ends complete."""
    import signal

    from test_resume import stop_after

    journal = next(j for j, _, _ in all_articles() if j.name == "人大研究")
    expected = {a.id for issue in journal.issues for a in issue.articles}
    db = tmp_path / "articles.db"
    settings = ["-s", f"FX361_BASE_URL={sample_site.base_url}", "-s", "STORE_BATCH_SIZE=1"]
    settings += ["-s", f"JOBDIR={tmp_path / 'job'}"]
    args = ("-a", f"journal={journal.name}", "-a", "mode=archive")
    command = [sys.executable, "-m", "scrapy", "crawl", "fx361", *args]
    command += ["-s", f"DATABASE_URL=sqlite:///{db}", *FAST, *settings]
    command += ["-s", "DOWNLOAD_DELAY=0.01", "-s", "LOG_LEVEL=DEBUG"]
    assert stop_after(command, pages=40, how=signal.SIGKILL)
    stored = count(db, "articles")
    assert stored < len(expected)

    resumed = run_crawl("fx361", *args, db=db, settings=settings)
    assert resumed.returncode == 0, resumed.log[-3000:]
    killed, record = runs_of(db)
    assert killed["status"] == "interrupted"
    assert record["status"] == "finished"
    assert record["article_pages"] == record["articles_new"] == len(expected) - stored
    with sqlite3.connect(db) as conn:
        assert {row[0] for row in conn.execute("select id from articles")} == expected
