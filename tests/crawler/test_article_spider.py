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
    A desktop page that prints no journal line is stored all the same, flagged
    `journal_unknown` (the `fx361` spider takes the journal from the issue
    page); the one that redirects to its
    mobile page (another host: the aggregator's, FX361_MOBILE_URL) is stored
    from there, with the mobile page's journal line."""
    urls = [sample_site.base_url + article_path(a) for _, _, a in all_articles()]
    urls.append(sample_site.seed_url)
    listing = tmp_path / "urls.txt"
    listing.write_text("# sample site\n" + "\n".join(urls) + "\n", encoding="utf-8")
    db = tmp_path / "x.db"
    aggregator = ["-s", f"FX361_BASE_URL={sample_site.base_url}"]
    aggregator += ["-s", f"FX361_MOBILE_URL={sample_site.mobile_url}"]
    # the pages with no journal line have no issue either: one in five, under the issue
    # floor of a run's quality alarms (crawler/extensions/quality.py), which counts them
    aggregator += ["-s", 'QUALITY_FLOORS={"issue": 0.75}']
    result = run_crawl("article", "-a", f"urls={listing}", db=db, settings=aggregator)
    assert result.returncode == 0, result.log[-2000:]
    with sqlite3.connect(db) as conn:
        ids = {row[0] for row in conn.execute("select id from articles")}
        hosts = dict(conn.execute("select host, count(*) from sources group by host"))
        mobile = conn.execute("select url from sources where host = '127.0.0.3'").fetchall()
    redirected = next(a for _, _, a in all_articles() if article_path(a) == REDIRECTED_PATH)
    printed = {a.id for _, _, a in all_articles() if shows_journal_line(a)}
    assert ids == {a.id for _, _, a in all_articles()} | {5108306}
    unknown = len(all_articles()) - len(printed | {redirected.id})
    assert unknown and result.stat("validate/flagged/journal_unknown") == unknown
    assert result.stat("store/articles_journal_unknown") == unknown
    assert result.stat("validate/dropped/missing_journal") is None
    with sqlite3.connect(db) as conn:
        flagged = conn.execute(
            "select id from articles where journal_id is null and issue_id is null"
            " and flags like '%journal_unknown%'"
        ).fetchall()
    assert {row[0] for row in flagged} == ids - printed - {redirected.id, 5108306}
    assert hosts == {"127.0.0.1": len(ids) - 2, "127.0.0.2": 1, "127.0.0.3": 1}
    assert mobile == [(sample_site.mobile_url + mobile_path(redirected),)]
    # only the listed pages, the redirect's target and each host's robots.txt were requested
    assert result.stat("downloader/request_count") == len(urls) + 1 + 3
    assert result.stat("offsite/filtered") is None


def test_a_page_without_journal_is_stored_flagged(sample_site: SampleSite, tmp_path: Path) -> None:
    url = sample_site.base_url + NO_JOURNAL_PATH
    result = run_crawl("article", "-a", f"url={url}", db=tmp_path / "x.db")
    assert result.returncode == 0
    assert result.stat("validate/dropped/missing_journal") is None
    assert result.stat("item_dropped_count") is None
    assert result.stat("validate/flagged/journal_unknown") == 1
    assert result.stat("store/articles_journal_unknown") == 1
    with sqlite3.connect(tmp_path / "x.db") as conn:
        rows = conn.execute("select id, journal_id, issue_id, flags, url from articles").fetchall()
        listed = conn.execute("select journal, year, issue from article_list").fetchall()
    assert rows == [(9000001, None, None, '["journal_unknown"]', url)]
    assert listed == [(None, None, None)]


def placed(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "select articles.id, journals.name, issues.year, issues.issue, articles.flags,"
            " (select count(*) from sources where sources.article_id = articles.id)"
            " from articles left join journals on journals.id = articles.journal_id"
            " left join issues on issues.id = articles.issue_id"
        ).fetchall()


def test_a_later_copy_fills_the_journal_whichever_comes_first(
    sample_site: SampleSite, tmp_path: Path
) -> None:
    """The desktop page of an article prints no journal line, its mobile page
    does: the record has the journal and issue, and no flag, in either order."""
    journal, issue, article = next(
        (j, i, a) for j, i, a in all_articles() if not shows_journal_line(a)
    )
    desktop = sample_site.base_url + article_path(article)
    mobile = sample_site.mobile_url + mobile_path(article)
    known = (article.id, journal.name, issue.year, issue.issue)
    for name, order in (("desktop_first", (desktop, mobile)), ("mobile_first", (mobile, desktop))):
        db = tmp_path / f"{name}.db"
        first = run_crawl("article", "-a", f"url={order[0]}", db=db)
        assert first.returncode == 0, first.log[-3000:]
        if order[0] == desktop:
            assert placed(db) == [(article.id, None, None, None, '["journal_unknown"]', 1)]
        second = run_crawl("article", "-a", f"url={order[1]}", db=db)
        assert second.returncode == 0, second.log[-3000:]
        [(*where, flags, sources)] = placed(db)
        assert (tuple(where), sources) == (known, 2), name
        assert "journal_unknown" not in flags, name
        if order[1] == mobile:
            assert second.stat("store/articles_journal_found") == 1


def test_a_page_that_is_not_an_article_stores_nothing(
    sample_site: SampleSite, tmp_path: Path
) -> None:
    url = sample_site.base_url + "/bk/zjrd/index.html"
    result = run_crawl("article", "-a", f"url={url}", db=tmp_path / "x.db")
    assert result.returncode == 0
    assert result.stat("article/not_an_article") == 1
    assert result.stat("item_scraped_count") is None
    assert f"not an article page: {url}" in result.log
