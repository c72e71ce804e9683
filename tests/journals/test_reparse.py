"""The page archive and `journals reparse`: real crawls of the sample site keep
every article page they fetch, and a parser fix reaches the stored articles
from those pages alone, with the site gone. The tests taking `crawled_copy`
run twice: on a SQLite copy of the crawled sample site and on a PostgreSQL
one, with the same results."""

from __future__ import annotations

import io
import json
import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import brotli
import pytest
from scrapy.http import HtmlResponse
from sqlalchemy import select
from sqlalchemy.orm import Session
from support.faultserver import FaultServer, Rule, fault, status
from support.reparse_parser import TAIL
from support.runners import Crawled, journals, run_crawl
from support.stores import rows

from crawler.exitstatus import ExitStatus
from crawler.runlock import lock_for
from crawler.spidermiddlewares.pagearchive import page_response
from journals.export import records
from journals.filters import Filters
from journals.pageselect import PageSelection, selected_pages
from journals.reparse import run_reparse
from journals.samplesite import render, server
from journals.samplesite.corpus import all_articles
from journals.samplesite.samples import SampleArticle
from journals.samplesite.sitepaths import mobile_path
from pipelines.db import models
from pipelines.db.database import open_engine
from pipelines.db.pages import page_row, upsert_pages

BROKEN_PARSER = "ARTICLE_PARSER=tests.support.reparse_parser.parse_article"
SUMMARY = re.compile(
    r"^reparsed (?P<pages>\d+) pages in .*: (?P<changed>\d+) articles changed, "
    r"(?P<unchanged>\d+) unchanged, (?P<new>\d+) new, (?P<dropped>\d+) dropped(?P<why>.*)$"
)


def sqlite_url(db: Path | str) -> str:
    """A database URL: `db` itself, or the URL of the SQLite file `db`."""
    return db if isinstance(db, str) else f"sqlite:///{db}"


def stored_pages(db: Path | str) -> dict[str, dict[str, Any]]:
    """The archived pages of the SQLite file or database URL `db`, by URL."""
    return {row["url"]: row for row in rows(sqlite_url(db), "select * from pages")}


def articles(db: Path | str, *sites: tuple[str, str]) -> dict[int, dict[str, Any]]:
    """Every article's export record, its URLs with the site's origin replaced
    by a name (crawls of two instances of the sample site differ in port)."""

    def plain(url: str) -> str:
        for origin, name in sites:
            url = url.replace(origin, name)
        return url

    engine = open_engine(sqlite_url(db))
    with Session(engine) as session:
        found = {row["id"]: row for row in records(session)}
    engine.dispose()
    for row in found.values():
        del row["fetched_at"]  # when the page was fetched: not the same in two crawls
        row["url"] = plain(row["url"])
        row["sources"] = [plain(url) for url in row["sources"]]
    return found


def issue_counts(db: Path | str) -> list[tuple[Any, ...]]:
    query = "select journal, year, issue, label, toc_count, stored from issue_counts"
    return sorted(tuple(row.values()) for row in rows(sqlite_url(db), query))


def reparse(db: Path | str, *args: str) -> dict[str, Any]:
    """`journals reparse` on `db` (a SQLite file or a database URL); its
    summary line, parsed."""
    done = journals("reparse", "--db", sqlite_url(db), *args)
    assert done.returncode == 0, done.stderr
    match = SUMMARY.match(done.stdout.strip())
    assert match, done.stdout
    return {k: v if k == "why" else int(v) for k, v in match.groupdict().items()}


def test_every_article_page_fetched_is_archived(
    crawled: Crawled, sample_site: server.SampleSite
) -> None:
    pages = stored_pages(crawled.db)

    def fetched_at(article: SampleArticle) -> str:  # the one the desktop host redirects: mobile
        if render.article_path(article) == server.REDIRECTED_PATH:
            return sample_site.mobile_url + mobile_path(article)
        return sample_site.base_url + render.article_path(article)

    toc = {fetched_at(a): len(i.articles) for _, i, a in all_articles()}
    # One row per article page (no journal, issue or robots.txt pages), each as served.
    assert set(pages) == {*toc, sample_site.seed_url}
    for url, page in pages.items():
        if url.startswith(sample_site.mobile_url):
            served = server.mobile_page(url.removeprefix(sample_site.mobile_url))
        else:
            path = url.removeprefix(sample_site.base_url).removeprefix(sample_site.mirror_url)
            served = server.mirror_page(path) or server.aggregator_page(path)
        assert served is not None
        assert page["compression"] == "br"
        assert brotli.decompress(page["body"]) == served.encode("utf-8")
        assert page["status"] == 200
        assert json.loads(page["headers"])["Content-Type"] == ["text/html; charset=utf-8"]
        assert datetime.fromisoformat(page["fetched_at"]).tzinfo is not None
        assert page["toc_count"] == toc.get(url)  # the seed came from a URL list: none


def test_a_page_fetched_again_replaces_its_row(tmp_path: Path) -> None:
    """The latest fetch of a URL is kept; headers come back byte for byte."""
    engine = open_engine(f"sqlite:///{tmp_path}/x.db", create=True)
    url = "http://127.0.0.1:1/page/2018/1120/5108306.shtml"
    for n, when in enumerate(["2026-01-01T00:00:00+00:00", "2026-02-01T00:00:00+00:00"]):
        headers = {"Content-Type": "text/html", "X-Note": "caf\xe9".encode("latin-1")}
        fetched = HtmlResponse(url, body=f"<p>{n}</p>".encode(), headers=headers)
        with Session(engine) as session, session.begin():
            upsert_pages(session, [page_row(fetched, when, n, 3)])
    with Session(engine) as session:
        (page,) = session.scalars(select(models.Page)).all()
        again = page_response(page)
    engine.dispose()
    assert (page.fetched_at, page.run_id, again.body) == (
        "2026-02-01T00:00:00+00:00",
        1,
        b"<p>1</p>",
    )
    assert again.headers.getlist("X-Note") == [b"caf\xe9"]
    assert isinstance(again, HtmlResponse) and again.url == url


@pytest.mark.parametrize("store_pages", [True, False])
def test_only_pages_the_parser_got_are_archived(store_pages: bool, tmp_path: Path) -> None:
    """Failed and anti-bot pages never reach the parser and are not archived; a
    page retried is archived once, as it finally came; a page with no journal
    line is, and its article stored, flagged. STORE_PAGES=False: none."""
    paths = [render.article_path(a) for _, _, a in all_articles()[:4]]
    captcha, failing, retried, fine = paths
    rules = [
        Rule(captcha, fault("captcha")),
        Rule(failing, status(500)),
        Rule(retried, status(503), times=1),
    ]
    with FaultServer(rules) as site:
        listing = tmp_path / "urls.txt"
        urls = [*paths, server.NO_JOURNAL_PATH]
        listing.write_text("".join(f"{site.base_url}{path}\n" for path in urls))
        db = tmp_path / "x.db"
        settings = ["-s", "RETRY_TIMES=1", "-s", "RETRY_BACKOFF_BASE=0"]
        settings += ["-s", f"STORE_PAGES={store_pages}"]
        result = run_crawl("article", "-a", f"urls={listing}", db=db, settings=settings)
        assert result.returncode == 0, result.log[-3000:]
        base = site.base_url
    expected = (
        {base + retried, base + fine, base + server.NO_JOURNAL_PATH} if store_pages else set()
    )
    assert set(stored_pages(db)) == expected
    assert len(articles(db)) == 3  # the page with no journal line stored, flagged


@dataclass
class Damaged:
    """A crawl of its own sample site, stopped since, with a broken parser."""

    db: Path
    origins: tuple[tuple[str, str], ...]


@pytest.fixture(scope="module")
def damaged(tmp_path_factory: pytest.TempPathFactory) -> Damaged:
    folder = tmp_path_factory.mktemp("damaged")
    db = folder / "articles.db"
    site = server.start(0)
    try:
        fx361 = run_crawl(
            "fx361", db=db, settings=["-s", f"FX361_BASE_URL={site.base_url}", "-s", BROKEN_PARSER]
        )
        assert fx361.returncode == 0, fx361.log[-3000:]
        listing = folder / "urls.txt"
        listing.write_text(f"{site.seed_url}\n{site.base_url}{server.NO_JOURNAL_PATH}\n")
        more = run_crawl("article", "-a", f"urls={listing}", db=db, settings=["-s", BROKEN_PARSER])
        assert more.returncode == 0, more.log[-3000:]
    finally:
        site.stop()  # from here on nothing answers at its address
    return Damaged(
        db, ((site.base_url, "SITE"), (site.mirror_url, "MIRROR"), (site.mobile_url, "MOBILE"))
    )


def test_reparse_applies_a_parser_fix_without_the_network(
    damaged: Damaged, crawled: Crawled, sample_site: server.SampleSite
) -> None:
    origins = (
        (sample_site.base_url, "SITE"),
        (sample_site.mirror_url, "MIRROR"),
        (sample_site.mobile_url, "MOBILE"),
    )
    normal = articles(crawled.db, *origins)
    before = articles(damaged.db, *damaged.origins)
    assert before.keys() == normal.keys()
    broken = [n for n in normal if before[n] != normal[n]]
    assert broken and all(before[n]["title"].endswith(TAIL) for n in broken)

    first = reparse(damaged.db, "--jobs", "2")  # written in page order: as in one process

    after = articles(damaged.db, *damaged.origins)
    # The page with no journal line is a copy of a stored article (its text):
    # one more URL of it, which keeps its text, journal and issue; not dropped.
    copy = "SITE" + server.NO_JOURNAL_PATH
    [merged] = [n for n, row in after.items() if copy in row["sources"]]
    assert after[merged]["journal"] == normal[merged]["journal"] is not None
    assert "journal_unknown" not in after[merged]["flags"]
    after[merged]["sources"].remove(copy)
    assert after == normal
    assert issue_counts(damaged.db) == issue_counts(crawled.db)
    # Every page read, the one with no journal line too.
    assert first["pages"] == len(stored_pages(damaged.db)) == len(normal) + 1
    assert (first["new"], first["dropped"], first["why"]) == (0, 0, "")
    again = reparse(damaged.db)
    assert (again["changed"], again["dropped"]) == (0, 0)
    assert again["unchanged"] == len(normal) + 1


def test_a_reparse_with_the_crawl_s_parser_changes_nothing(
    crawled_copy: str, crawled: Crawled
) -> None:
    """In SQLite and in PostgreSQL (`crawled_copy`): every page read, no
    article touched, the export and the issue counts those of the crawl."""
    done = reparse(crawled_copy)
    pages = len(stored_pages(crawled_copy))
    assert pages == len(all_articles()) + 1
    assert (done["pages"], done["unchanged"]) == (pages, pages)
    assert (done["changed"], done["new"], done["dropped"], done["why"]) == (0, 0, 0, "")
    assert articles(crawled_copy) == articles(crawled.db)
    assert issue_counts(crawled_copy) == issue_counts(crawled.db)


def test_reparse_rewrites_the_articles_with_another_parser_and_back(
    crawled_copy: str, crawled: Crawled
) -> None:
    """The broken parser in two worker processes, then the crawl's own in one:
    the articles damaged, then as the crawl stored them, in either database."""
    normal = articles(crawled.db)
    damaged = reparse(crawled_copy, "--set", BROKEN_PARSER, "--jobs", "2")
    broken = articles(crawled_copy)
    assert broken.keys() == normal.keys()
    assert all(row["title"].endswith(TAIL) for row in broken.values())
    # Each article counted once, the one with two pages (the seed's mirror copy) too.
    assert damaged["changed"] == len(normal) > 0
    assert (damaged["new"], damaged["dropped"]) == (0, 0)

    mended = reparse(crawled_copy)
    assert mended["changed"] == len(normal)
    assert (mended["new"], mended["dropped"]) == (0, 0)
    assert articles(crawled_copy) == normal
    assert issue_counts(crawled_copy) == issue_counts(crawled.db)


@pytest.fixture
def archive(crawled: Crawled, tmp_path: Path) -> Path:
    """A copy of the crawled database, to reparse without touching the shared one."""
    db = tmp_path / "articles.db"
    shutil.copy(crawled.db, db)
    return db


def selected(db: str, selection: PageSelection) -> set[str]:
    """The URLs of the pages `selection` covers, in the database at `db`."""
    engine = open_engine(db)
    with Session(engine) as session:
        query = select(models.Page.url).where(models.Page.id.in_(selected_pages(selection)))
        urls = set(session.scalars(query))
    engine.dispose()
    return urls


def test_filters_select_only_the_matching_pages(
    crawled_copy: str, sample_site: server.SampleSite
) -> None:
    archive = crawled_copy
    everything = selected(archive, PageSelection())
    assert len(everything) == len(all_articles()) + 1
    first = all_articles()[0][2]
    assert selected(archive, PageSelection(article_ids=(first.id,))) == {
        sample_site.base_url + render.article_path(first)
    }
    assert selected(archive, PageSelection(url_pattern="*/5108306.*")) == {sample_site.seed_url}
    assert selected(archive, PageSelection(url_pattern="*/qikan/*.HTML")) == {sample_site.seed_url}
    assert selected(archive, PageSelection(hosts=("127.0.0.2",))) == {sample_site.seed_url}
    assert selected(archive, PageSelection(since="2999-01-01")) == set()
    journal = {
        sample_site.base_url + render.article_path(a)
        for j, i, a in all_articles()
        if j.name == "上海人大月刊" and i.year == 2018
    }
    one_year = PageSelection(filters=Filters(journals=("上海人大月刊",), years=(2018, 2018)))
    assert selected(archive, one_year) == journal | {sample_site.seed_url}  # 2018年9期 too

    # The command takes the same filters, and reads only what they select.
    done = reparse(archive, "--journal", "上海人大月刊", "--year", "2018", "--host", "127.0.0.1")
    assert (done["pages"], done["unchanged"]) == (len(journal), len(journal))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "yesterday"], "--since: 'yesterday' is not a date"),
        (["--host", "http://www.fx361.com/"], "--host: 'http://www.fx361.com/' is not a host"),
        (["--year", "20x8"], "--year: '20x8' is not a year"),
        (["--set", "nonsense"], "--set: 'nonsense' is not NAME=VALUE"),
        (["--set", "ARTICLE_PARSER=no.such.parse"], "ARTICLE_PARSER: cannot load 'no.such.parse'"),
    ],
)
def test_a_bad_argument_is_one_line(archive: Path, args: list[str], message: str) -> None:
    done = journals("reparse", "--db", f"sqlite:///{archive}", *args)
    assert done.returncode == 1
    assert done.stderr.startswith(f"journals reparse: error: {message}")
    assert done.stderr.count("\n") == 1


def test_a_missing_database_is_one_line(tmp_path: Path) -> None:
    done = journals("reparse", "--db", f"sqlite:///{tmp_path}/none.db")
    assert (done.returncode, done.stderr) == (
        1,
        f"journals reparse: error: no database at {tmp_path}/none.db\n",
    )
    assert not (tmp_path / "none.db.lock").exists()


def test_reparse_does_not_write_beside_a_crawl(crawled_copy: str) -> None:
    lock = lock_for(crawled_copy)  # a lock file, or PostgreSQL's advisory lock
    assert lock is not None
    lock.acquire()
    try:
        done = journals("reparse", "--db", crawled_copy)
    finally:
        lock.release()
    assert done.returncode == ExitStatus.LOCKED
    assert done.stderr.startswith("journals reparse: another crawl is writing")


def test_run_reparse_reports_progress_and_releases_the_lock(
    crawled_copy: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    url = crawled_copy
    out = io.StringIO()
    outcome = run_reparse(url, PageSelection(), progress=1e-9, out=out)
    pages = len(stored_pages(url))
    assert (outcome.selected, outcome.stored, outcome.tally.pages) == (pages, pages, pages)
    assert SUMMARY.match(outcome.report())
    lines = out.getvalue().splitlines()
    assert lines and all(re.match(rf"reparse: \d+ of {pages} pages \(", line) for line in lines)
    lock = lock_for(url)
    assert lock is not None
    lock.acquire()  # free again
    lock.release()

    nothing = run_reparse(url, PageSelection(hosts=("nowhere.example",)), out=out)
    assert (nothing.selected, nothing.stored, nothing.report()) == (
        0,
        pages,
        "no stored page matches",
    )


def test_run_reparse_on_a_terminal_shows_a_bar_with_the_time_left(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a terminal (a pty here) the progress is a bar, not lines; a few pages do."""
    import os
    import pty
    import threading

    from journals.reparse import ProgressBar, ProgressLines, progress_reporter, terminal

    monkeypatch.setenv("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setenv("COLUMNS", "200")
    few = tuple(sorted(a.id for _, _, a in all_articles())[:3])
    master, child = pty.openpty()
    shown: list[bytes] = []

    def drain() -> None:  # read as it is written: a full pty would block the writer
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the other end is closed and all of it read
                return
            if not chunk:
                return
            shown.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    with open(child, "w", encoding="utf-8") as tty:
        assert terminal(tty) and not terminal(io.StringIO())
        assert isinstance(progress_reporter(tty, 10, 3), ProgressBar)
        assert isinstance(progress_reporter(io.StringIO(), 10, 3), ProgressLines)
        outcome = run_reparse(
            f"sqlite:///{archive}", PageSelection(article_ids=few), progress=10, out=tty
        )
    reader.join(timeout=10)
    os.close(master)
    text = b"".join(shown).decode("utf-8", "replace")
    assert outcome.tally.pages == len(few) > 0
    assert f"{len(few)}/{len(few)}" in text and "ETA" in text, text
    assert "changed" in text and "reparse:" not in text  # a bar, no progress lines
