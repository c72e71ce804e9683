"""Two crawls storing copies of one article at once (the workers of a run
sharing a frontier): the store pipeline's batch that loses the race on a
unique key is rolled back and written again, and nothing is lost.

The race is made to happen, not hoped for: the second writer is held just
before its first INSERT (it has looked for the journal, issue and article
and found none) until the first writer has committed the same rows."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

from scrapy.utils.test import get_crawler
from sqlalchemy import create_engine, event, text
from sqlalchemy.exc import DBAPIError, OperationalError
from support.records import item

from pipelines.store import StorePipeline, lost_race

ARTICLE = 5108306


def pipeline(db: Path) -> StorePipeline:
    crawler = get_crawler(settings_dict={"DATABASE_URL": f"sqlite:///{db}", "STORE_BATCH_SIZE": 1})
    assert crawler.stats is not None
    crawler.stats.open_spider()
    store = StorePipeline.from_crawler(crawler)
    store.open_spider()
    return store


def test_a_batch_that_loses_a_unique_key_race_is_written_again(tmp_path: Path) -> None:
    db = tmp_path / "articles.db"
    desktop = item(ARTICLE, "代表们审议了预算报告。" * 20, ["预算审查"])
    mobile = {
        **desktop,
        "url": f"https://m.fx361.com/news/2018/1120/{ARTICLE}.html",
        "source_host": "m.fx361.com",
    }
    first, second = pipeline(db), pipeline(db)
    looked, committed = threading.Event(), threading.Event()
    inserts: list[str] = []

    def hold_first_insert(*args: Any) -> None:
        statement = args[2]
        if statement.lstrip().upper().startswith("INSERT"):
            inserts.append(statement)
            if len(inserts) == 1:  # the first attempt only
                looked.set()
                assert committed.wait(timeout=60)

    assert second.engine is not None
    event.listen(second.engine, "before_cursor_execute", hold_first_insert)
    errors: list[BaseException] = []

    def store_mobile() -> None:
        try:
            second.process_item(mobile)
        except BaseException as exc:  # reported by the test thread
            errors.append(exc)

    writer = threading.Thread(target=store_mobile)
    writer.start()
    try:
        assert looked.wait(timeout=60)
        first.process_item(desktop)  # commits the journal, issue and article
    finally:
        committed.set()
        writer.join(timeout=120)
    assert not errors, errors
    first.close_spider()
    second.close_spider()

    first_stats = first.stats.get_stats()
    second_stats = second.stats.get_stats()
    assert first_stats.get("store/articles_new") == 1
    assert "store/batch_retries" not in first_stats
    assert second_stats.get("store/batch_retries") == 1  # the race happened, and was won again
    assert "store/articles_new" not in second_stats  # the second found the first's article
    with sqlite3.connect(db) as conn:
        assert conn.execute("select id from articles").fetchall() == [(ARTICLE,)]
        sources = {url for (url,) in conn.execute("select url from sources")}
        assert sources == {desktop["url"], mobile["url"]}
        assert conn.execute("select count(*) from journals").fetchone() == (1,)


def test_a_deadlock_postgresql_breaks_counts_as_a_lost_race(postgres_url: str) -> None:
    """Two transactions inserting the same two keywords in opposite orders:
    PostgreSQL fails one of them (deadlock detected), which the store takes
    for a race lost, to write again; other errors are not."""
    engine = create_engine(postgres_url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE words (word TEXT PRIMARY KEY)"))
    errors: list[DBAPIError] = []
    first_in = threading.Barrier(2)

    def write(words: tuple[str, str]) -> None:
        try:
            with engine.begin() as connection:
                connection.execute(text("INSERT INTO words VALUES (:w)"), {"w": words[0]})
                first_in.wait()
                connection.execute(text("INSERT INTO words VALUES (:w)"), {"w": words[1]})
        except DBAPIError as exc:
            errors.append(exc)

    writers = [
        threading.Thread(target=write, args=(w,)) for w in (("人大", "代表"), ("代表", "人大"))
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=60)
    deadlocks = [exc for exc in errors if isinstance(exc, OperationalError)]
    assert len(deadlocks) == 1, errors
    assert lost_race(deadlocks[0])
    with engine.connect() as connection:
        try:
            connection.execute(text("SELECT * FROM no_such_table"))
        except DBAPIError as exc:
            assert not lost_race(exc)
        else:
            raise AssertionError("no error")
    engine.dispose()
