"""Reparse rate: `journals reparse` over an archive of stored article pages.

    .venv/bin/python bench/reparse.py [--pages 1000] [--runs 3] [--jobs 1]

The archive is made as a crawl makes it: a real `scrapy crawl fx361` of the
sample site (and `article` for the mirror's copy of the seed article) stores
its 126 pages; more pages are rendered by the sample site's own renderer
from its corpus, each article again under a new number, with a title of its
own (so each is an article of its own, not a copy) and the related-articles
block the site shows, and stored as the crawl stores them, up to `--pages`.

Then `journals reparse` runs over all of them as the user runs it, a process
each (wall time from start to exit beside the rate it reports itself):

* `new`: the first reparse, which stores the rendered pages' articles;
* `unchanged`: `--runs` more, which find every article as stored;
* `changed`: `--runs` more with the parser swapped in turn for a broken one
  (tests/support/reparse_parser.py) and back, so that every article is rewritten.

Reports each run, and the median pages/s and ms a page of each kind.
`--jobs N` is passed on (extraction in N processes).
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scrapy.http import HtmlResponse  # noqa: E402
from sqlalchemy import func, select  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from journals.samplesite import LOCAL_CRAWL_OPTIONS as FAST  # noqa: E402
from journals.samplesite import render, server  # noqa: E402
from journals.samplesite.corpus import all_articles  # noqa: E402
from pipelines.db import models  # noqa: E402
from pipelines.db.database import open_engine  # noqa: E402
from pipelines.db.pages import page_row, upsert_pages  # noqa: E402

BROKEN = "tests.support.reparse_parser.parse_article"
FIXED = "crawler.sites.parse_article"
ID_STEP = 10_000_000  # the n-th rendering of an article is number id + n × this
ORDINALS = "二三四五六七八九十"  # titled 其二, 其三, …: a fingerprint of its own
SUMMARY = re.compile(r"^reparsed ([\d,]+) pages in ([\d.]+) s .*?: (.*)$")


def crawl(args: list[str], db: Path) -> None:
    command = [sys.executable, "-m", "scrapy", "crawl", *args]
    command += ["-s", f"DATABASE_URL=sqlite:///{db}", *FAST]
    subprocess.run(command, cwd=ROOT, capture_output=True, check=True)


def render_pages(db: Path, base_url: str, wanted: int) -> int:
    """Add rendered article pages to the archive until it holds `wanted`; how many were added."""
    engine = open_engine(f"sqlite:///{db}")
    found = all_articles()
    with Session(engine) as session:
        have = session.scalar(select(func.count()).select_from(models.Page)) or 0
    rows, now = [], datetime.now(UTC).isoformat(timespec="seconds")
    for n in range(max(0, wanted - have)):
        copy, k = divmod(n, len(found))
        journal, issue, article = found[k]
        article = replace(
            article,
            id=article.id + (copy + 1) * ID_STEP,
            title=f"{article.title}（其{ORDINALS[copy % len(ORDINALS)]}）",
        )
        related = [found[(k + step) % len(found)] for step in range(1, 6)]
        html = render.article_page(journal, issue, article, related=related)
        url = base_url + render.article_path(article)
        body = html.encode("utf-8")
        response = HtmlResponse(
            url,
            body=body,
            headers={"Content-Type": "text/html; charset=utf-8", "Content-Length": str(len(body))},
        )
        rows.append(page_row(response, now, None, len(issue.articles)))
    with Session(engine) as session, session.begin():
        for start in range(0, len(rows), 200):
            upsert_pages(session, rows[start : start + 200])
    engine.dispose()
    return len(rows)


def reparse(db: Path, parser: str, jobs: int) -> tuple[int, float, float, str]:
    """One `journals reparse`: pages, its own seconds, wall seconds, its counts."""
    command = [sys.executable, "-m", "journals.cli", "reparse", "--db", f"sqlite:///{db}"]
    command += ["--progress", "0", "--jobs", str(jobs), "--set", f"ARTICLE_PARSER={parser}"]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    match = SUMMARY.match(done.stdout.strip())
    if match is None:
        raise SystemExit(f"unexpected output: {done.stdout!r} {done.stderr!r}")
    return int(match[1].replace(",", "")), float(match[2]), wall, match[3]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1)
    options = parser.parse_args()
    results: dict[str, list[tuple[int, float, float]]] = {"new": [], "unchanged": [], "changed": []}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "archive.db"
        with server.start(0) as site:
            crawl(["fx361", "-s", f"FX361_BASE_URL={site.base_url}"], db)
            crawl(["article", "-a", f"url={site.seed_url}"], db)
            added = render_pages(db, site.base_url, options.pages)
        print(f"archive: {added} rendered pages added to a crawl's; site stopped")
        plan = [("new", FIXED)] + [("unchanged", FIXED)] * options.runs
        plan += [("changed", BROKEN if n % 2 == 0 else FIXED) for n in range(options.runs)]
        for kind, article_parser in plan:
            pages, seconds, wall, counts = reparse(db, article_parser, options.jobs)
            results[kind].append((pages, seconds, wall))
            print(
                f"{kind:9} {pages} pages in {seconds:.1f} s = {pages / seconds:.1f} pages/s "
                f"({wall:.1f} s with start-up; {article_parser.split('.')[0]} parser): {counts}"
            )
    for kind, runs in results.items():
        rate = statistics.median(pages / seconds for pages, seconds, _ in runs)
        wall = statistics.median(pages / w for pages, _, w in runs)
        print(
            f"median {kind:9} ({len(runs)} runs, --jobs {options.jobs}): {rate:.1f} pages/s, "
            f"{1000 / rate:.1f} ms a page "
            f"({wall:.1f} pages/s with process start-up)"
        )


if __name__ == "__main__":
    main()
