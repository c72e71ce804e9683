"""The `article` spider stores the pages it is given, on their own hosts only."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from support.runners import run_crawl

from journals.samplesite.corpus import all_articles
from journals.samplesite.render import article_path, mobile_path, shows_journal_line
from journals.samplesite.server import NO_JOURNAL_PATH, REDIRECTED_PATH, SampleSite


def test_stores_every_page_listed_in_a_file(sample_site: SampleSite, tmp_path: Path) -> None:
    """Every desktop page of the sample site and the copy site's seed page.
    A desktop page that prints no journal line is dropped (the `fx361` spider
    takes the journal from the issue page); the one that redirects to its
    mobile page (another host: the aggregator's, FX361_MOBILE_URL) is stored
    from there, with the mobile page's journal line."""
    urls = [sample_site.base_url + article_path(a) for _, _, a in all_articles()]
    urls.append(sample_site.seed_url)
    listing = tmp_path / "urls.txt"
    listing.write_text("# sample site\n" + "\n".join(urls) + "\n", encoding="utf-8")
    db = tmp_path / "x.db"
    aggregator = ["-s", f"FX361_BASE_URL={sample_site.base_url}"]
    aggregator += ["-s", f"FX361_MOBILE_URL={sample_site.mobile_url}"]
    result = run_crawl("article", "-a", f"urls={listing}", db=db, settings=aggregator)
    assert result.returncode == 0, result.log[-2000:]
    with sqlite3.connect(db) as conn:
        ids = {row[0] for row in conn.execute("select id from articles")}
        hosts = dict(conn.execute("select host, count(*) from sources group by host"))
        mobile = conn.execute("select url from sources where host = '127.0.0.3'").fetchall()
    redirected = next(a for _, _, a in all_articles() if article_path(a) == REDIRECTED_PATH)
    printed = {a.id for _, _, a in all_articles() if shows_journal_line(a)}
    assert ids == printed | {redirected.id, 5108306}
    assert result.stat("validate/dropped/missing_journal") == len(all_articles()) - len(
        printed | {redirected.id}
    )
    assert hosts == {"127.0.0.1": len(ids) - 2, "127.0.0.2": 1, "127.0.0.3": 1}
    assert mobile == [(sample_site.mobile_url + mobile_path(redirected),)]
    # only the listed pages, the redirect's target and each host's robots.txt were requested
    assert result.stat("downloader/request_count") == len(urls) + 1 + 3
    assert result.stat("offsite/filtered") is None


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
    url = sample_site.base_url + "/bk/zjrd/index.html"
    result = run_crawl("article", "-a", f"url={url}", db=tmp_path / "x.db")
    assert result.returncode == 0
    assert result.stat("article/not_an_article") == 1
    assert result.stat("item_scraped_count") is None
    assert f"not an article page: {url}" in result.log
