"""`journals stats`: the journal × year table, issues short of their table of
contents, and the heat map (`--plot`)."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

from sqlalchemy.orm import Session
from support.faultserver import FaultServer, Rule, status
from support.runners import Crawled, journals, run_crawl

from journals.coverage import coverage
from journals.heatmap import cjk_font, grid
from journals.samplesite.corpus import all_articles, build_corpus
from journals.samplesite.render import article_path
from pipelines.db.database import open_engine


def section(stdout: str, heading: str) -> str:
    """The paragraph of `journals stats` that starts with `heading`."""
    return next(part for part in stdout.split("\n\n") if part.startswith(heading))


def copy(crawled: Crawled, db: Path) -> Path:
    with sqlite3.connect(crawled.db) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    return db


def test_the_grid_has_every_year_and_the_issues_stored(crawled_url: str) -> None:
    """On the crawl in SQLite and in PostgreSQL."""
    engine = open_engine(crawled_url)
    with Session(engine) as session:
        g = grid(coverage(session))
    engine.dispose()
    years = [i.year for _, i, _ in all_articles()]
    assert g.years == list(range(min(years), max(years) + 1))
    articles = Counter((j.name, i.year) for j, i, _ in all_articles())
    articles["上海人大月刊", 2018] += 1  # the seed
    issues = Counter((j.name, i.year) for j, i in {(j, i) for j, i, _ in all_articles()})
    for r, journal in enumerate(g.journals):
        for c, year in enumerate(g.years):
            assert g.articles[r][c] == articles[journal, year]
            assert g.issues[r][c] == issues[journal, year]
    assert any(n == 0 for row in g.articles for n in row)  # gaps to show
    assert all(n == 0 for row in g.incomplete for n in row)


def test_an_issue_short_of_its_contents_is_listed_and_marked(
    crawled: Crawled, tmp_path: Path
) -> None:
    db = copy(crawled, tmp_path / "a.db")
    with sqlite3.connect(db) as conn:
        (issue_id,) = conn.execute(
            "SELECT issues.id FROM issues JOIN journals ON journals.id = journal_id"
            " WHERE name = '上海人大月刊' AND year = 2018 AND issue = '9'"
        ).fetchone()
        stored = conn.execute(
            "SELECT stored FROM issue_counts WHERE issue_id = ?", (issue_id,)
        ).fetchone()[0]
        conn.execute("UPDATE issues SET toc_count = ? WHERE id = ?", (stored + 2, issue_id))
        conn.execute("UPDATE issues SET toc_count = 1 WHERE id <> ?", (issue_id,))
    done = journals("stats", "--db", f"sqlite:///{db}")
    assert done.returncode == 0, done.stderr
    lines = section(done.stdout, "issues complete").splitlines()[1:]
    issues = Counter(j.name for j, _ in {(j, i) for j, i, _ in all_articles()})
    assert [line.split() for line in lines] == [
        ["上海人大月刊", str(issues["上海人大月刊"] - 1), "of", str(issues["上海人大月刊"])],
        ["2018年9期", f"{stored}/{stored + 2}"],
        *(
            [name, str(n), "of", str(n)]
            for name, n in sorted(issues.items())
            if name != "上海人大月刊"
        ),
    ]
    engine = open_engine(f"sqlite:///{db}")
    with Session(engine) as session:
        g = grid(coverage(session))
    engine.dispose()
    marked = {
        (g.journals[r], g.years[c])
        for r, row in enumerate(g.incomplete)
        for c, n in enumerate(row)
        if n
    }
    assert marked == {("上海人大月刊", 2018)}


def test_plot_draws_a_heat_map(crawled: Crawled, tmp_path: Path) -> None:
    from matplotlib.image import imread

    out = tmp_path / "coverage.png"
    done = journals("stats", "--db", f"sqlite:///{crawled.db}", "--plot", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == f"heat map written to {out}"
    assert "Glyph" not in done.stderr  # the journal names have a font
    pixels = imread(out)
    height, width = pixels.shape[:2]
    assert width > height > 200
    assert cjk_font() is not None


def test_plot_to_a_bad_place_is_one_line(crawled: Crawled) -> None:
    done = journals("stats", "--db", f"sqlite:///{crawled.db}", "--plot", "/nonexistent/x.png")
    assert done.returncode == 1
    assert done.stderr.startswith("journals stats: error: cannot write /nonexistent/x.png")
    assert len(done.stderr.strip().splitlines()) == 1


def test_the_crawl_records_how_many_articles_each_issue_lists(crawled: Crawled) -> None:
    listed = Counter((j.name, i.year, i.issue) for j, i, _ in all_articles())
    with sqlite3.connect(crawled.db) as conn:
        rows = conn.execute("SELECT journal, year, issue, toc_count, stored FROM issue_counts")
        counts = {(j, y, i): (toc, stored) for j, y, i, toc, stored in rows}
    assert {key: toc for key, (toc, _) in counts.items()} == dict(listed)
    # every listed article is stored; the seed, found on the mirror, is one more
    short = {key: s for key, (toc, s) in counts.items() if s != toc}
    assert short == {("上海人大月刊", 2018, "9"): listed["上海人大月刊", 2018, "9"] + 1}


def test_stats_shows_per_journal_which_issues_are_complete(tmp_path: Path) -> None:
    """A real crawl of one journal in which two article pages fail for good,
    then one article of another journal on its own (its issue's contents unseen)."""
    journal, other = (j for j in build_corpus() if j.name in ("上海人大月刊", "天津人大"))
    by_label = {issue.label: issue for issue in journal.issues}
    failing = [by_label["2017年4期"].articles[0], by_label["2018年10期"].articles[1]]
    alone = other.issues[0].articles[0]
    db = tmp_path / "a.db"
    rules = [Rule(article_path(a), status(500)) for a in failing]
    with FaultServer(rules) as server:
        crawl = run_crawl(
            "fx361",
            "-a",
            f"journal={journal.name}",
            db=db,
            settings=["-s", f"FX361_BASE_URL={server.base_url}", "-s", "RETRY_TIMES=0"],
        )
        assert crawl.stat("failures/count") == 2, crawl.log[-3000:]
        single = run_crawl("article", "-a", f"url={server.base_url}{article_path(alone)}", db=db)
        assert single.returncode == 0, single.log[-3000:]
    done = journals("stats", "--db", f"sqlite:///{db}")
    assert done.returncode == 0, done.stderr
    assert section(done.stdout, "issues complete") == (
        "issues complete: every article the contents list stored (?: contents unknown)\n"
        "  上海人大月刊     8 of 10\n"
        "      2017年4期 2/3\n"
        "      2018年10期 1/2\n"
        "  天津人大         0 of 1\n"
        "      2018年12期 1/?"
    )
