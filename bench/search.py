"""Search latency: full-text search against a plain LIKE scan of the same data.

    .venv/bin/python bench/search.py [--articles 50000] [--queries 30] [--db FILE]
                                     [--lengths 1 2 3 4] [--no-previous]

With `--db FILE` the database is kept there, and a later run with the same
FILE times it again without building it anew.

Builds a database of synthetic articles (the schema made by the migrations,
the full-text index kept by its triggers, the short-word index made after):
each article's title, body and keywords are sentences and keywords sampled
from the sample site's corpus, its length drawn from the corpus's article
lengths. Then, for random 1-, 2-, 3- and 4-character substrings of that text,
times in the same run

* `search`: what `journals search` does: the best 20, with snippets, and how
  many matched;
* `previous`: the same search the way it ran before the short-word index (for
  1-2 characters: the trigrams a word begins, or a scan), whose results must
  be the same, hits, scores, snippets and count (`--no-previous` skips it);
* `index`: the index alone (`count(*) … MATCH`): the short-word index's token
  for 1-2 characters, the trigram phrase for more;
* `like scan`: `title LIKE '%q%' OR body LIKE '%q%' OR keywords LIKE '%q%'`
  over the plain tables, no index;

checks that search and the scan find the same articles, and prints the median
and 95th percentile of each, the speed-up of search over the scan, and the
database's bytes per article, by table.
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy.orm import Session  # noqa: E402

from journals import search as searching  # noqa: E402
from journals.samplesite.corpus import all_articles  # noqa: E402
from journals.search import plan, ranked, search  # noqa: E402
from pipelines.db import grams  # noqa: E402
from pipelines.db.database import open_engine  # noqa: E402

SEED = 20260101
HANZI = re.compile(r"[\u4e00-\u9fff]+")
JOURNALS = ("上海人大月刊", "浙江人大", "天津人大", "人大研究", "公民与法治")
LIKE_SCAN = """
SELECT articles.id FROM articles
WHERE articles.title LIKE :pattern OR articles.body LIKE :pattern OR EXISTS (
    SELECT 1 FROM article_keywords JOIN keywords ON keywords.id = article_keywords.keyword_id
    WHERE article_keywords.article_id = articles.id AND keywords.word LIKE :pattern)
"""


def corpus_parts() -> tuple[list[str], list[str], list[int]]:
    """Sentences, keywords and article lengths of the sample corpus."""
    sentences, keywords, lengths = [], [], []
    for _, _, article in all_articles():
        text = "".join(block.text for block in article.blocks)
        sentences += [s for s in re.split(r"(?<=[。！？])", text) if len(s) > 4]
        keywords += article.keywords
        lengths.append(len(text))
    return sentences, sorted(set(keywords)), lengths


def build(db: Path, count: int, rng: random.Random) -> tuple[float, int]:
    """Fill `db` with `count` articles; seconds taken and characters written."""
    sentences, keywords, lengths = corpus_parts()
    engine = open_engine(f"sqlite:///{db}", create=True)
    chars = 0
    start = time.perf_counter()
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("PRAGMA foreign_keys=OFF")  # keywords go in first, for one index pass
        cur.executemany("INSERT INTO journals (name) VALUES (?)", [(j,) for j in JOURNALS])
        issues = [
            (j + 1, y, str(n)) for j in range(5) for y in range(2014, 2022) for n in range(1, 13)
        ]
        cur.executemany("INSERT INTO issues (journal_id, year, issue) VALUES (?, ?, ?)", issues)
        cur.executemany("INSERT INTO keywords (word) VALUES (?)", [(k,) for k in keywords])
        for n in range(1, count + 1):
            target = rng.choice(lengths)
            body: list[str] = []
            while sum(map(len, body)) < target:
                body.append(rng.choice(sentences))
            text = "\n".join(body)
            title = rng.choice(sentences).rstrip("。！？")[:30]
            chars += len(text) + len(title)
            tags = rng.sample(range(1, len(keywords) + 1), rng.choice((0, 0, 2, 3, 4)))
            cur.executemany(
                "INSERT INTO article_keywords (article_id, position, keyword_id) VALUES (?, ?, ?)",
                [(n, p, k) for p, k in enumerate(tags)],
            )
            cur.execute(
                "INSERT INTO articles (id, title, journal_id, issue_id, body, flags, url,"
                " source_host, fetched_at, updated_at) VALUES (?, ?, ?, ?, ?, '[]', ?, ?, ?, ?)",
                (
                    n,
                    title,
                    rng.randint(1, 5),
                    rng.randint(1, len(issues)),
                    text,
                    f"https://example.org/{n}",
                    "example.org",
                    "2026-01-01T00:00:00+00:00",
                    "2026-01-01T00:00:00+00:00",
                ),
            )
        raw.commit()
        cur.execute("PRAGMA foreign_keys=ON")
    finally:
        raw.close()
    with engine.begin() as connection:  # written by plain SQL: made here, not at a commit
        grams.refresh(connection, None)
    engine.dispose()
    return time.perf_counter() - start, chars


def queries(rng: random.Random, length: int, count: int) -> list[str]:
    """Random `length`-character runs of Chinese text from the corpus."""
    sentences, _, _ = corpus_parts()
    found: list[str] = []
    while len(found) < count:
        runs = [r for r in HANZI.findall(rng.choice(sentences)) if len(r) >= length]
        if runs:
            run = rng.choice(runs)
            at = rng.randrange(len(run) - length + 1)
            if run[at : at + length] not in found:
                found.append(run[at : at + length])
    return found


def timed(run: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def previous(session: Session, query: str) -> tuple[list, int]:
    """`journals search` as it ran before the short-word index."""
    words = searching.short_words
    searching.short_words = lambda *_: False
    try:
        return search(session, query, limit=20)
    finally:
        searching.short_words = words


SIZE_GROUPS = {  # table name prefixes, longest first
    "articles_fts_short": "short-word index",
    "articles_fts": "trigram index",
    "articles": "articles",
    "pages": "pages",
}


def sizes(db: Path) -> tuple[int, int, dict[str, int]]:
    """Articles, bytes the database uses (its pages less the free ones) and bytes by group."""
    with sqlite3.connect(db) as conn:
        count = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        size, page, free = (
            conn.execute(f"PRAGMA {pragma}").fetchone()[0]
            for pragma in ("page_count", "page_size", "freelist_count")
        )
        groups: dict[str, int] = {}
        for name, used in conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"):
            group = next((g for p, g in SIZE_GROUPS.items() if name.startswith(p)), "other")
            groups[group] = groups.get(group, 0) + used
    return count, (size - free) * page, groups


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=30, help="queries of each length")
    parser.add_argument("--db", type=Path, help="keep the database here (default: a temp file)")
    parser.add_argument("--lengths", type=int, nargs="+", default=[1, 2, 3, 4])
    parser.add_argument("--no-previous", action="store_true", help="do not time the old way")
    args = parser.parse_args()
    rng = random.Random(SEED + 1)  # the queries: the same whether or not the data is built
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.db"
        if not db.exists():
            seconds, _ = build(db, args.articles, random.Random(SEED))
            print(f"built in {seconds:.0f} s")
        engine = open_engine(f"sqlite:///{db}")
        with engine.connect() as conn:
            count, chars = conn.exec_driver_sql(
                "SELECT count(*), sum(length(title) + length(body)) FROM articles"
            ).one()
        size = sum(f.stat().st_size for f in db.parent.glob(db.name + "*")) / 2**20
        print(f"{count:,} articles, {chars / 1e6:.1f} M characters; database {size:.0f} MiB")
        rows: list[tuple[str, str, float, float, float]] = []
        with Session(engine) as session, engine.connect() as conn:
            # warm the caches: every page of the articles and of both indexes
            conn.exec_driver_sql("SELECT sum(length(body)) FROM articles").all()
            conn.exec_driver_sql("SELECT sum(length(block)) FROM articles_fts_data").all()
            conn.exec_driver_sql("SELECT sum(length(block)) FROM articles_fts_short_data").all()
            for length in args.lengths:
                times: dict[str, list[float]] = {
                    "search": [],
                    "previous": [],
                    "index": [],
                    "like scan": [],
                }
                matches = []
                for query in queries(rng, length, args.queries):
                    t, (hits, total) = timed(lambda q=query: search(session, q, limit=20))
                    times["search"].append(t)
                    if not args.no_previous and length < searching.TRIGRAM:
                        t, before = timed(lambda q=query: previous(session, q))
                        times["previous"].append(t)
                        assert before == (hits, total), query
                    t, like = timed(
                        lambda q=query: conn.exec_driver_sql(LIKE_SCAN, {"pattern": f"%{q}%"}).all()
                    )
                    times["like scan"].append(t)
                    assert total == len(like), (query, total, len(like))
                    assert {i for i, _ in ranked(session, query)} == {i for (i,) in like}, query
                    if length < searching.TRIGRAM:
                        table, expr = "articles_fts_short", searching.phrase(grams.token(query))
                    else:
                        table, expr = "articles_fts", plan(session, query).expression
                    t, _ = timed(
                        lambda e=expr, tb=table: conn.exec_driver_sql(
                            f"SELECT count(*) FROM {tb} WHERE {tb} MATCH ?", (e,)
                        ).all()
                    )
                    times["index"].append(t)
                    matches.append(total)
                for method, values in times.items():
                    if values:
                        rows.append(
                            (
                                f"{length} chars",
                                method,
                                statistics.median(values),
                                p95(values),
                                statistics.median(matches),
                            )
                        )
        engine.dispose()
        articles, used, groups = sizes(db)
    print(f"\n{'query':<9}{'method':<11}{'median ms':>11}{'p95 ms':>10}{'matches (median)':>19}")
    for length, method, median, high, matched in rows:
        print(f"{length:<9}{method:<11}{median * 1000:>11.1f}{high * 1000:>10.1f}{matched:>19,.0f}")
    print()
    for length in (f"{n} chars" for n in args.lengths):
        by = {method: (median, high) for n, method, median, high, _ in rows if n == length}
        for method in ("search", "previous"):
            if method in by:
                print(
                    f"{length}: {method} is {by['like scan'][0] / by[method][0]:.1f}× as fast as "
                    f"the scan at the median, {by['like scan'][1] / by[method][1]:.1f}× at p95"
                )
    print(f"\n{used / articles:,.0f} bytes per article ({used / 2**20:,.0f} MiB in use)")
    for group, used_by in sorted(groups.items(), key=lambda item: -item[1]):
        print(f"  {group:<17}{used_by / articles:>9,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
