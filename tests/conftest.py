"""Fixtures: the sample site served on loopback, and a database made by real
Scrapy crawls of it (tests/support/runners.py), in SQLite and in PostgreSQL;
`crawled_url`, `crawled_copy` and `empty_database` run a test once on each
database. The hooks collect every
crawl's stats (support/crawlstats.py) and check, when the session finishes,
that no crawl requested another host (support/offsite.py). A Redis server
for the crawls that share a frontier: support/redisserver.py."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

# Every crawl leaves its stats; the offsite check reads them when the session ends.
from support.crawlstats import (  # noqa: F401 (pytest hooks)
    pytest_configure,
    pytest_configure_node,
    pytest_runtest_logreport,
    pytest_runtest_setup,
    pytest_terminal_summary,
    pytest_testnodedown,
    pytest_unconfigure,
)
from support.offsite import pytest_sessionfinish  # noqa: F401 (pytest hook)

# A real PostgreSQL server for the session, and an empty database per test.
from support.postgres import PostgresServer, postgres_server, postgres_url  # noqa: F401
from support.redisserver import redis_server  # noqa: F401 (fixture)
from support.runners import Crawled, run_crawl

from journals.samplesite import server


@pytest.fixture(scope="session")
def sample_site() -> Iterator[server.SampleSite]:
    """The sample site; crawls started while it serves know its mobile host
    (FX361_MOBILE_URL in their environment: one of its articles redirects there)."""
    site = server.start(0)
    before = os.environ.get("FX361_MOBILE_URL")
    os.environ["FX361_MOBILE_URL"] = site.mobile_url
    yield site
    if before is None:
        os.environ.pop("FX361_MOBILE_URL", None)
    else:
        os.environ["FX361_MOBILE_URL"] = before
    site.stop()


@pytest.fixture(scope="session")
def crawled(sample_site: server.SampleSite, tmp_path_factory: pytest.TempPathFactory) -> Crawled:
    """A database made by crawling the whole sample site once with `fx361`
    (with a feed export beside it), then the mirror's copy of the seed
    article with `article`."""
    folder = tmp_path_factory.mktemp("crawl")
    db = folder / "articles.db"
    fx361 = run_crawl(
        "fx361",
        "-O",
        str(folder / "feed.jsonl"),
        db=db,
        settings=[
            *("-s", f"FX361_BASE_URL={sample_site.base_url}"),
            *("-s", f"FX361_MOBILE_URL={sample_site.mobile_url}"),
        ],
    )
    assert fx361.returncode == 0, fx361.log[-3000:]
    article = run_crawl("article", "-a", f"url={sample_site.seed_url}", db=db)
    assert article.returncode == 0, article.log[-3000:]
    return Crawled(db, fx361, article)


@dataclass(frozen=True)
class CrawledPostgres:
    """The crawl of the sample site into PostgreSQL: `template`, a database
    nobody connects to once filled, and `url`, its copy the tests read."""

    server: PostgresServer
    template: str
    url: str


@pytest.fixture(scope="session")
def crawled_postgres_databases(
    sample_site: server.SampleSite,
    postgres_server: PostgresServer,  # noqa: F811 (the fixture imported above)
) -> CrawledPostgres:
    """The crawls `crawled` made into SQLite, made the same way into
    PostgreSQL (the whole site with `fx361`, then the mirror's copy of the
    seed article with `article`)."""
    template = postgres_server.create_database("crawled_template")
    url = postgres_server.url(template)
    fx361 = run_crawl(
        "fx361",
        url=url,
        settings=[
            *("-s", f"FX361_BASE_URL={sample_site.base_url}"),
            *("-s", f"FX361_MOBILE_URL={sample_site.mobile_url}"),
        ],
    )
    assert fx361.returncode == 0, fx361.log[-3000:]
    article = run_crawl("article", "-a", f"url={sample_site.seed_url}", url=url)
    assert article.returncode == 0, article.log[-3000:]
    copy = postgres_server.copy_database(template, "crawled")
    return CrawledPostgres(postgres_server, template, postgres_server.url(copy))


@pytest.fixture(scope="session")
def crawled_postgres(crawled_postgres_databases: CrawledPostgres) -> str:
    """The URL of a PostgreSQL database holding the crawl `crawled` made into
    SQLite, made the same way; shared: read it, write into a copy
    (`crawled_copy`)."""
    return crawled_postgres_databases.url


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def crawled_url(request: pytest.FixtureRequest, crawled: Crawled) -> str:
    """The URL of the crawled sample site, to read only: the SQLite file of
    `crawled`, or the PostgreSQL database of `crawled_postgres` (the test runs
    once with each, and must find the same in both)."""
    if request.param == "sqlite":
        return f"sqlite:///{crawled.db}"
    return str(request.getfixturevalue("crawled_postgres"))


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of a database of the test's own, nothing in it yet: a new SQLite
    file, or a new PostgreSQL database (the test runs once with each)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'articles.db'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture(params=["sqlite", "postgresql"])
def crawled_copy(request: pytest.FixtureRequest, crawled: Crawled, tmp_path: Path) -> Iterator[str]:
    """The URL of a copy of the crawled sample site the test may write into:
    a SQLite file, or a PostgreSQL database made from the crawl's template
    (the test runs once with each)."""
    if request.param == "sqlite":
        db = tmp_path / "articles.db"
        shutil.copy(crawled.db, db)
        yield f"sqlite:///{db}"
        return
    databases: CrawledPostgres = request.getfixturevalue("crawled_postgres_databases")
    name = databases.server.copy_database(databases.template)
    yield databases.server.url(name)
    databases.server.drop_database(name)
