"""`journals stats`: the journal × year table, issues short of their table of
contents, and the heat map (`--plot`)."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

from conftest import Crawled, journals
from sqlalchemy.orm import Session

from crawler.heatmap import cjk_font, grid
from crawler.report import coverage
from crawler.samplesite.corpus import all_articles
from pipelines.database import open_engine


def copy(crawled: Crawled, db: Path) -> Path:
    with sqlite3.connect(crawled.db) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    return db


def test_the_grid_has_every_year_and_the_issues_stored(crawled: Crawled) -> None:
    engine = open_engine(f"sqlite:///{crawled.db}")
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
    section = done.stdout.split("table of contents lists\n")[1].split("\n\n")[0]
    assert section.split() == ["上海人大月刊", "2018", "9", str(stored), "of", str(stored + 2)]
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
