"""The resume tracker reads stored articles back through the project's engine
(pipelines/db/database.py): busy timeout, WAL, foreign keys and the SQL
function `occurrences` on its connections, as on every other."""

from __future__ import annotations

from pathlib import Path

from scrapy.utils.test import get_crawler
from sqlalchemy import text
from sqlalchemy.orm import Session

from crawler.resume.tracker import ResumeTracker
from pipelines.db.database import Writer, open_engine

URL = "https://www.fx361.com/page/2018/1120/5108306.shtml"


def test_the_tracker_opens_the_database_with_the_projects_pragmas(tmp_path: Path) -> None:
    database_url = f"sqlite:///{tmp_path / 'articles.db'}"
    engine = open_engine(database_url, create=True)
    with Session(engine) as session, session.begin():
        item = {"url": URL, "source_host": "www.fx361.com", "article_id": 5108306}
        item |= {"title": "题", "body": "正文。", "flags": [], "journal": None}
        Writer(session).write(item, "2026-01-01T00:00:00+00:00")
    engine.dispose()
    crawler = get_crawler(
        settings_dict={"JOBDIR": str(tmp_path / "job"), "DATABASE_URL": database_url}
    )
    tracker = ResumeTracker.from_crawler(crawler)
    assert tracker._read_stored([URL, URL + "?x"]) == {URL}
    assert tracker.engine is not None
    with tracker.engine.connect() as connection:
        assert connection.scalar(text("PRAGMA busy_timeout")) == 30000
        assert connection.scalar(text("PRAGMA journal_mode")) == "wal"
        assert connection.scalar(text("PRAGMA foreign_keys")) == 1
        assert connection.scalar(text("SELECT occurrences('民情；体察民情', '民情')")) == 2
    tracker.engine.dispose()
