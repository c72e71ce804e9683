"""The `article` spider stores the pages it is given, on their own hosts only."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from support.runners import run_crawl

from journals.samplesite.corpus import all_articles
from journals.samplesite.render import article_path
from journals.samplesite.server import NO_JOURNAL_PATH, SampleSite


def test_stores_every_page_listed_in_a_file(sample_site: SampleSite, tmp_path: Path) -> None:
    urls = [sample_site.base_url + article_path(a) for _, _, a in all_articles()]
    urls.append(sample_site.seed_url)
    listing = tmp_path / "urls.txt"
    listing.write_text("# sample site\n" + "\n".join(urls) + "\n", encoding="utf-8")
    db = tmp_path / "x.db"
    result = run_crawl("article", "-a", f"urls={listing}", db=db)
    assert result.returncode == 0, result.log[-2000:]
    with sqlite3.connect(db) as conn:
        ids = {row[0] for row in conn.execute("select id from articles")}
        hosts = dict(conn.execute("select host, count(*) from sources group by host"))
    assert ids == {a.id for _, _, a in all_articles()} | {5108306}
    assert hosts == {"127.0.0.1": len(all_articles()), "127.0.0.2": 1}
    # only the listed pages (and each host's robots.txt) were requested
    assert result.stat("downloader/request_count") == len(urls) + 2


def test_a_page_without_journal_is_dropped_with_its_reason(
    sample_site: SampleSite, tmp_path: Path
) -> None:
    url = sample_site.base_url + NO_JOURNAL_PATH
    result = run_crawl("article", "-a", f"url={url}", db=tmp_path / "x.db")
    assert result.returncode == 0
    assert result.stat("validate/dropped/missing_journal") == 1
    assert result.stat("item_dropped_count") == 1
    dropped = [line for line in result.log.splitlines() if "Dropped:" in line]
    assert len(dropped) == 1
    assert dropped[0].endswith(f"Dropped: missing journal: {url}")
    with sqlite3.connect(tmp_path / "x.db") as conn:
        assert conn.execute("select count(*) from articles").fetchone()[0] == 0


def test_a_page_that_is_not_an_article_stores_nothing(
    sample_site: SampleSite, tmp_path: Path
) -> None:
    url = sample_site.base_url + "/bk/zjrd/"
    result = run_crawl("article", "-a", f"url={url}", db=tmp_path / "x.db")
    assert result.returncode == 0
    assert result.stat("article/not_an_article") == 1
    assert result.stat("item_scraped_count") is None
    assert f"not an article page: {url}" in result.log
