"""`journals search` and the search behind it, on a real crawl of the sample
site: exact result sets computed from the corpus for queries of every length
and for filter combinations; hostile inputs are plain text. The tests taking
`crawled_url` (or `session`) run on the crawl in SQLite and in PostgreSQL."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.orm import Session
from support.runners import Crawled, journals, journals_in_process

from journals import search
from journals.filters import EVERYTHING, Filters
from journals.samplesite.corpus import JOURNALS, all_articles
from journals.search import plan, ranked, terms
from pipelines.cleaning.text import normalize_text, normalize_title
from pipelines.db.database import open_engine

SEED = 5108306
PROVINCE = {spec.name: spec.province for spec in JOURNALS}


@dataclass(frozen=True)
class Truth:
    """What the database should hold for one article."""

    id: int
    title: str
    body: str
    keywords: tuple[str, ...]
    authors: tuple[str, ...]
    journal: str
    year: int
    issue: str
    column: str | None = None  # and its place in the issue's table of contents
    position: int | None = None

    def contains(self, query: str) -> bool:
        text = "\n".join([self.title, self.body, "；".join(self.keywords)]).lower()
        return all(term.lower() in text for term in query.split())

    def passes(self, f: Filters) -> bool:
        return (
            (not f.journals or self.journal in f.journals)
            and (f.province is None or PROVINCE[self.journal] == f.province.removesuffix("省"))
            and (f.years is None or f.years[0] <= self.year <= f.years[1])
            and (f.issue is None or self.issue == f.issue)
            and (not f.columns or self.column in f.columns)
            and (f.author is None or f.author in self.authors)
            and (f.keyword is None or f.keyword in self.keywords)
        )


def truth(crawled: Crawled) -> list[Truth]:
    """The corpus as stored, and the seed article (whose text test_seed checks)."""
    rows = [
        Truth(
            a.id,
            normalize_title(a.title),
            "\n".join(normalize_text(b.text) for b in a.blocks),
            a.keywords,
            a.authors,
            j.name,
            i.year,
            i.issue,
            a.column,
            a.position,
        )
        for j, i, a in all_articles()
    ]
    seed = json.loads(journals("show", str(SEED), "--db", url(crawled), "--format", "json").stdout)
    rows.append(
        Truth(
            SEED,
            "青浦：做好联系人民群众三篇文章",
            seed["body"],
            ("民情", "工作站", "人大常委会"),
            ("陈殊书",),
            "上海人大月刊",
            2018,
            "9",
        )
    )
    return rows


def url(crawled: Crawled) -> str:
    return f"sqlite:///{crawled.db}"


@pytest.fixture(scope="module")
def expected(crawled: Crawled) -> list[Truth]:
    return truth(crawled)


@pytest.fixture(scope="module")
def session(crawled_url: str):
    engine = open_engine(crawled_url)
    with Session(engine) as session:
        yield session
    engine.dispose()


def found(session: Session, query: str, filters: Filters = EVERYTHING) -> list[int]:
    return [article_id for article_id, _ in ranked(session, query, filters)]


QUERIES = [
    "站",  # one character
    "民",
    "民情",  # two
    "人大",
    "预算",
    "工作站",  # three
    "代表工作站",  # more
    "人民代表大会制度",
    "如何“转起来”",
    "人大 工作站",  # several terms of any length
    "站 代表 备案审查",
    "（",  # punctuation
    "%",
]


@pytest.mark.parametrize("query", QUERIES)
def test_results_are_exactly_the_articles_containing_the_query(
    session: Session, expected: list[Truth], query: str
) -> None:
    want = {t.id for t in expected if t.contains(query)}
    got = found(session, query)
    assert len(got) == len(set(got))
    assert set(got) == want
    assert want, "a query that finds nothing tests little"


FILTERED = [
    Filters(journals=("上海人大月刊",)),
    Filters(journals=("上海人大月刊", "浙江人大")),
    Filters(province="甘肃"),
    Filters(province="浙江省"),
    Filters(years=(2016, 2017)),
    Filters(years=(2018, 2018), issue="9"),
    Filters(issue="Z1"),
    Filters(journals=("浙江人大",), years=(2015, 2016)),
    Filters(province="上海", years=(2017, 2019)),
    Filters(keyword="工作站"),
    Filters(author="陈殊书"),
    Filters(columns=("监督研究",)),  # a column of 人大研究, and one of 浙江人大
    Filters(columns=("监督研究", "代表风采"), years=(2014, 2017)),
]


@pytest.mark.parametrize("query", ["人", "人大", "代表工作站", "人大 监督"])
@pytest.mark.parametrize("filters", FILTERED, ids=repr)
def test_filters_restrict_the_results_exactly(
    session: Session, expected: list[Truth], query: str, filters: Filters
) -> None:
    want = {t.id for t in expected if t.contains(query) and t.passes(filters)}
    assert set(found(session, query, filters)) == want


def test_filters_have_matches_to_restrict(expected: list[Truth]) -> None:
    for filters in FILTERED:
        assert any(t.passes(filters) for t in expected), filters
    authors = [a for t in expected for a in t.authors if a != "陈殊书"]
    assert authors  # the author filter is tested on a corpus name too, below


def test_author_and_keyword_filters_on_the_corpus(session: Session, expected: list[Truth]) -> None:
    author = max(
        {a for t in expected for a in t.authors},
        key=lambda a: sum(a in t.authors for t in expected),
    )
    keyword = max(
        {k for t in expected for k in t.keywords},
        key=lambda k: sum(k in t.keywords for t in expected),
    )
    for filters in (Filters(author=author), Filters(keyword=keyword)):
        want = {t.id for t in expected if t.contains("人") and t.passes(filters)}
        assert len(want) > 1
        assert set(found(session, "人", filters)) == want


@pytest.mark.parametrize("query", ["工作站", "民情"])
def test_the_seed_article_comes_first(crawled_url: str, query: str) -> None:
    done = journals("search", query, "--db", crawled_url)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split()[:2] == ["#", "id"]
    first = lines[2].split()
    assert first[:3] == ["1", str(SEED), "上海人大月刊"]
    assert f"【{query}】" in lines[2]


def test_the_table_shows_how_many_matched(crawled_url: str, expected: list[Truth]) -> None:
    done = journals("search", "人大", "--limit", "3", "--db", crawled_url)
    assert done.returncode == 0, done.stderr
    total = sum(t.contains("人大") for t in expected)
    assert f"the best 3 of {total} matching articles" in done.stdout
    assert len(done.stdout.split("\n\n")[0].splitlines()) == 2 + 3


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_search_writes_records_like_export(
    crawled_url: str, expected: list[Truth], fmt: str
) -> None:
    args = ["search", "民情", "--journal", "浙江人大", "--limit", "0", "--format", fmt]
    done = journals(*args, "--db", crawled_url)
    assert done.returncode == 0, done.stderr
    want = {t.id for t in expected if t.contains("民情") and t.journal == "浙江人大"}
    if fmt == "jsonl":
        rows = [json.loads(line) for line in done.stdout.splitlines()]
        assert [row["rank"] for row in rows] == list(range(1, len(rows) + 1))
        assert all("【民情】" in row["snippet"] for row in rows)
        ids = {row["id"] for row in rows}
    else:
        import csv
        import io

        rows = list(csv.DictReader(io.StringIO(done.stdout)))
        assert list(rows[0])[:3] == ["id", "url", "sources"]
        assert list(rows[0])[-3:] == ["rank", "score", "snippet"]
        ids = {int(row["id"]) for row in rows}
    assert ids == want and want
    assert done.stderr.strip() == f"{len(want)} of {len(want)} matching articles"


HOSTILE = [
    "'; DROP TABLE articles; --",
    "%",
    "_",
    '"',
    "'",
    "\\",
    '人大" OR "代表',
    "人大 OR 代表",
    "NEAR(人大 代表)",
    "代表*",
    "^人大",
    "title:人大",
    "body : 工作站",
    "人大) AND (代表",
    "-人大",
    "*",
    "%%%",
    "___",
]


def database_digest(db: Path) -> str:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()


def test_hostile_queries_are_plain_text(
    crawled: Crawled, crawled_url: str, session: Session, expected: list[Truth]
) -> None:
    """In SQLite and in PostgreSQL (`session` is on `crawled_url`); the SQLite
    file is left as it was."""
    before = database_digest(crawled.db)
    for query in HOSTILE:
        want = {t.id for t in expected if t.contains(query)}
        assert set(found(session, query)) == want, query
        args = ["--limit", "0", "--format", "jsonl", "--db", crawled_url]
        done = journals_in_process("search", *args, "--", query)  # `--`: it may start with -
        assert done.returncode == 0, (query, done.stderr)
        assert {json.loads(line)["id"] for line in done.stdout.splitlines()} == want, query
    assert database_digest(crawled.db) == before
    assert found(session, "%")  # '%' is in the corpus: found literally


@pytest.fixture(scope="module")
def digest_before(crawled: Crawled) -> str:
    """The shared database's digest before the hostile filter values: taken
    once, as nothing may change it (a dump of the whole database costs half a
    second)."""
    return database_digest(crawled.db)


@pytest.mark.parametrize("option", ["--journal", "--province", "--issue", "--author", "--keyword"])
@pytest.mark.parametrize("value", ["'; DROP TABLE journals; --", "%", '"', "_"])
def test_hostile_filter_values_match_nothing(
    crawled: Crawled, digest_before: str, option: str, value: str
) -> None:
    before = digest_before
    args = ["search", "人大", option, value, "--format", "jsonl", "--db", url(crawled)]
    done = journals_in_process(*args)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert database_digest(crawled.db) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "   "], "journals search: error: the query is empty"),
        (["search", "人大", "--year", "20x8"], "journals search: error: --year: '20x8' is not"),
        (["search", "人大", "--year", "2019-2016"], "journals search: error: --year: '2019-2016'"),
        (["search", "人大", "--limit", "-1"], "journals search: error: --limit: -1 is negative"),
        (["show", "123"], "journals show: error: no article has the id or URL '123'"),
        (["show", "http://x/"], "journals show: error: no article has the id or URL"),
    ],
)
def test_bad_input_is_one_line_and_a_non_zero_exit(
    crawled: Crawled, args: list[str], message: str
) -> None:
    done = journals_in_process(*args, "--db", url(crawled))
    assert done.returncode == 1
    assert done.stderr.strip().startswith(message)
    assert len(done.stderr.strip().splitlines()) == 1


def test_show_prints_one_article_in_full_by_id_or_url(crawled_url: str) -> None:
    journal, issue, article = all_articles()[0]
    by_id = journals("show", str(article.id), "--db", crawled_url)
    assert by_id.returncode == 0, by_id.stderr
    lines = by_id.stdout.splitlines()
    assert lines[0] == normalize_title(article.title)
    assert f"journal   {journal.name} ({journal.province}, provincial)" in lines
    assert f"issue     {issue.label} (year {issue.year}, issue {issue.issue})" in lines
    body = "\n".join(normalize_text(b.text) for b in article.blocks)
    assert by_id.stdout.rstrip("\n").endswith("\n\n" + body)
    page = next(line.split()[1] for line in lines if line.startswith("url "))
    by_url = journals("show", page, "--db", crawled_url)
    assert by_url.stdout == by_id.stdout
    seed = journals("show", str(SEED), "--db", crawled_url)
    mirror = next(line.split()[-1] for line in seed.stdout.splitlines() if "127.0.0.2" in line)
    assert journals("show", mirror, "--db", crawled_url).stdout == seed.stdout


EDGES = {
    1: ("一颗滚烫心 满腔为民情", "正文。", []),  # at the very end of the title
    2: ("代表", "站", ["民"]),  # whole values of one or two characters
    3: ("青浦", "体察民情，收集意见", ["AI"]),  # inside the body; letters in either case
    4: ("无关", "无关的正文。", []),
}
EDGE_QUERIES = {
    "民情": {1, 3},
    "情": {1, 3},
    "站": {2},
    "民": {1, 2, 3},
    "代表": {2},
    "表": {2},
    "ai": {3},
    "AI": {3},
    "a": {3},
    "代表 站": {2},
    "民 情": {1, 3},
    "正文 无关": {4},
    "意见": {3},
    "见": {3},
    "心 满": {1},
    "民情 正文": {1},
    "x": set(),
    "民情 站": set(),
}


@pytest.fixture(scope="module")
def edges(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    from pipelines.db.database import Writer

    db = tmp_path_factory.mktemp("edges") / "a.db"
    engine = open_engine(f"sqlite:///{db}", create=True)
    with Session(engine) as session, session.begin():
        writer = Writer(session)
        for article_id, (title, body, keywords) in EDGES.items():
            item = {
                "url": f"http://a.example/{article_id}",
                "source_host": "a.example",
                "article_id": article_id,
                "title": title,
                "authors": [],
                "journal": "浙江人大",
                "keywords": keywords,
                "body": body,
                "flags": [],
            }
            writer.write(item, "2026-01-01T00:00:00+00:00")
    with Session(engine) as session:
        yield session
    engine.dispose()


@pytest.fixture(params=["short-word index", "trigrams"])
def way(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Short words through the short-word index, or as before it (trigrams or a scan)."""
    if request.param == "trigrams":
        monkeypatch.setattr(search, "short_words", lambda *_: False)
    return request.param


@pytest.mark.parametrize("query", EDGE_QUERIES)
def test_short_words_are_found_anywhere_through_the_index(
    edges: Session, query: str, way: str
) -> None:
    p = plan(edges, query)
    assert p.scanned == [] and (p.expression is not None or p.hopeless)
    assert search.short_words(edges, terms(query)) == (way == "short-word index")
    assert set(found(edges, query)) == EDGE_QUERIES[query]


@pytest.mark.parametrize("query", EDGE_QUERIES)
def test_short_words_with_too_many_trigrams_are_scanned_for(
    edges: Session, query: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "short_words", lambda *_: False)
    monkeypatch.setattr(search, "VOCAB_LIMIT", 0)
    p = plan(edges, query)
    assert p.scanned == [t for t in terms(query) if len(t) < 3] or p.hopeless
    assert set(found(edges, query)) == EDGE_QUERIES[query]


def test_snippets_do_not_show_the_index_padding(edges: Session, way: str) -> None:
    hits, total = search.search(edges, "民情")
    assert total == 2
    assert {hit.snippet for hit in hits} == {"体察【民情】，收集意见", "一颗滚烫心 满腔为【民情】"}
