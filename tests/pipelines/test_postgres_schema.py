"""The migrations on PostgreSQL: an empty database made to the newest
revision, the models matching it, an early database upgraded in place with
its rows kept, and the views with the same columns and values as SQLite's."""

from __future__ import annotations

import json
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.orm import Session
from support.records import item

from pipelines.db import migrate, models
from pipelines.db.database import Writer, open_engine

NOW = "2026-01-02T00:00:00+00:00"
VIEWS = ("article_list", "issue_counts")


def write(engine: Engine, *items: dict) -> None:
    with Session(engine) as session, session.begin():
        writer = Writer(session)
        for one in items:
            writer.write(one, NOW)


def rows(engine: Engine, view: str) -> list[tuple]:
    with engine.connect() as connection:
        result = connection.execute(text(f"SELECT * FROM {view} ORDER BY 1"))
        return [tuple(result.keys()), *map(tuple, result)]


def test_an_empty_database_is_made_to_the_newest_revision(postgres_url: str) -> None:
    engine = open_engine(postgres_url)
    with engine.connect() as connection:
        assert migrate.current(connection) == migrate.head()
        diff = compare_metadata(
            MigrationContext.configure(connection, opts={"include_name": migrate.modelled}),
            models.Base.metadata,
        )
        views = set(inspect(connection).get_view_names())
        indexes = {index["name"] for index in inspect(connection).get_indexes("articles")}
    engine.dispose()
    assert diff == []
    assert views >= set(VIEWS)
    # search's trigram indexes (pg_trgm), which the models do not describe
    assert {"trgm_articles_title", "trgm_articles_body"} <= indexes


def test_the_views_have_the_same_columns_and_values_as_sqlite(
    postgres_url: str, tmp_path: Path
) -> None:
    items = [
        item(5108306, "人大代表履职。", ["民情", "工作站"]),
        {**item(5108307, "常委会会议。", []), "authors": ["乙", "甲"], "issue": "Z1"},
        {**item(5108308, "无刊名。", ["代表"]), "journal": None, "year": None, "issue": None},
        {**item(5108309, '引号"与\\斜线', ['"引"']), "toc_count": 12},
    ]
    sqlite = open_engine(f"sqlite:///{tmp_path / 'a.db'}", create=True)
    postgres = open_engine(postgres_url)
    for engine in (sqlite, postgres):
        write(engine, *items)
    for view in VIEWS:
        assert rows(postgres, view) == rows(sqlite, view), view
    listed = rows(postgres, "article_list")
    authors = listed[0].index("authors")
    assert [json.loads(row[authors]) for row in listed[1:]] == [["陈殊书"], ["乙", "甲"]] + [
        ["陈殊书"]
    ] * 2
    sqlite.dispose()
    postgres.dispose()


def test_an_early_database_is_upgraded_in_place_with_its_rows_kept(postgres_url: str) -> None:
    engine = create_engine(postgres_url)
    migrate.upgrade(engine, "0001")  # the first schema
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO journals (name) VALUES ('上海人大月刊');"
                " INSERT INTO issues (journal_id, year, issue, label) VALUES (1, 2018, '9', '9期');"
                " INSERT INTO keywords (word) VALUES ('人代'), ('会代表');"
                " INSERT INTO articles (id, title, date, journal_id, issue_id, body, flags, url,"
                " source_host, fetched_at, updated_at) VALUES (7, '标题', '2018-11-20', 1, 1,"
                " '正文', '[\"keywords_uncertain\"]', 'http://x/7', 'x', 'f', 'u');"
                " INSERT INTO article_keywords VALUES (7, 0, 1), (7, 1, 2);"
                " INSERT INTO sources (article_id, url, host, first_seen, last_seen)"
                " VALUES (7, 'http://x/7', 'x', 'f', 'l')"
            )
        )
    migrate.upgrade(engine)
    with engine.connect() as connection:
        assert migrate.current(connection) == migrate.head()
        article = connection.execute(
            text("SELECT id, title, journal_id, keywords_line, flags FROM articles")
        ).one()
        journal = connection.execute(text("SELECT name, province, level FROM journals")).one()
        listed = connection.execute(text("SELECT id, journal, year, keywords FROM article_list"))
        counts = connection.execute(text("SELECT journal, issue, stored FROM issue_counts")).all()
        source = connection.scalar(text("SELECT url FROM sources"))
    # 0011 joined the guessed split into its line; 0002 placed the journal
    assert tuple(article) == (
        7,
        "标题",
        1,
        "人代会代表",
        ["keywords_split", "keywords_uncertain"],
    )
    assert tuple(journal) == ("上海人大月刊", "上海", "provincial")
    assert [tuple(row) for row in listed] == [(7, "上海人大月刊", 2018, '["人代","会代表"]')]
    assert [tuple(row) for row in counts] == [("上海人大月刊", "9", 1)]
    assert source == "http://x/7"
    # and the ids number on from those stored
    write(engine, item(8, "另一篇。", ["人代"]))
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM journals")) == 1
        assert connection.scalar(text("SELECT count(*) FROM sources")) == 2
    engine.dispose()


def test_migrations_go_down_and_up_again(postgres_url: str) -> None:
    engine = open_engine(postgres_url)
    write(engine, item(5108306, "人大代表履职。", ["民情"]))
    with engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0001")
    with engine.connect() as connection:
        assert "crawl_runs" not in inspect(connection).get_table_names()
        assert connection.scalar(text("SELECT count(*) FROM articles")) == 1
    migrate.upgrade(engine)
    with engine.connect() as connection:
        assert migrate.current(connection) == migrate.head()
        assert connection.scalar(text("SELECT keywords FROM article_list")) == '["民情"]'
    engine.dispose()
