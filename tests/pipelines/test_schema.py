"""The schema: made and upgraded by migrations, a first-version database upgraded
in place with nothing lost, the full-text index kept in step with the articles."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session
from support import records
from support.records import item
from support.runners import FIXTURES, ROOT, Crawled

from journals.samplesite.corpus import JOURNALS
from pipelines.db import migrate, models
from pipelines.db.catalogue import CATALOGUE, read
from pipelines.db.database import open_engine
from pipelines.db.schema import TABLES, markdown

FIRST_SCHEMA = (FIXTURES / "schema_v1.sql").read_text(encoding="utf-8")
FIRST_TABLES = re.findall(r"CREATE TABLE (\w+)", FIRST_SCHEMA)  # parents first


def schema(db: Path, skip: tuple[str, ...] = ("alembic_version",)) -> list[str]:
    """The database's CREATE statements, whitespace normalised."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
        ).fetchall()
    return [" ".join(sql.replace("(", " ( ").split()) for name, sql in rows if name not in skip]


def dump(db: Path, tables: list[str]) -> dict[str, list[tuple]]:
    """Every row of the first version's columns of `tables`, sorted."""
    out = {}
    with sqlite3.connect(db) as conn:
        for table in tables:
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
            if table in FIRST_COLUMNS:
                columns = FIRST_COLUMNS[table]
            rows = conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
    return out


def _first_columns() -> dict[str, list[str]]:
    conn = sqlite3.connect(":memory:")
    conn.executescript(FIRST_SCHEMA)
    return {
        table: [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
        for table in FIRST_TABLES
    }


FIRST_COLUMNS = _first_columns()


def first_version_copy(crawled: Crawled, db: Path) -> None:
    """A database with the first version's schema holding everything the crawl stored."""
    with sqlite3.connect(db) as conn:
        conn.executescript(FIRST_SCHEMA)
        conn.execute("ATTACH DATABASE ? AS crawled", (str(crawled.db),))
        for table in FIRST_TABLES:
            columns = ", ".join(FIRST_COLUMNS[table])
            conn.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM crawled.{table}")
        conn.commit()
        conn.execute("DETACH DATABASE crawled")


def test_a_first_version_database_upgrades_in_place_with_nothing_lost(
    crawled: Crawled, tmp_path: Path
) -> None:
    db = tmp_path / "first.db"
    first_version_copy(crawled, db)
    before = dump(db, FIRST_TABLES)
    assert len(before["articles"]) > 100 and all(before.values())

    open_engine(f"sqlite:///{db}").dispose()

    assert dump(db, FIRST_TABLES) == before
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (migrate.head(),)
        ]
        # the new columns: journals from the catalogue, counts not yet known
        assert conn.execute("SELECT name, province, level FROM journals ORDER BY name").fetchall()
        assert conn.execute("SELECT count(*) FROM journals WHERE province IS NULL").fetchone() == (
            0,
        )
        assert (
            conn.execute("SELECT count(*) FROM issues WHERE toc_count IS NOT NULL").fetchone()[0]
            == 0
        )
        # every article is in the full-text index, with its keywords
        assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == len(
            before["articles"]
        )
        assert conn.execute(
            "SELECT keywords FROM articles_fts WHERE rowid = 5108306"
        ).fetchone() == ("民情；工作站；人大常委会\n\n",)
    assert schema(db) == schema(crawled.db)


def frozen_first_schema(db: Path) -> Path:
    with sqlite3.connect(db) as conn:
        conn.executescript(FIRST_SCHEMA)
    return db


def test_revision_1_is_the_first_version_schema(tmp_path: Path) -> None:
    made = tmp_path / "rev1.db"
    engine = create_engine(f"sqlite:///{made}")
    migrate.upgrade(engine, "0001")
    engine.dispose()
    assert schema(made) == schema(frozen_first_schema(tmp_path / "frozen.db"))


def test_the_models_match_the_migrated_schema(tmp_path: Path) -> None:
    engine = open_engine(f"sqlite:///{tmp_path / 'a.db'}", create=True)
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"include_name": migrate.modelled}),
            models.Base.metadata,
        )
    engine.dispose()
    assert diff == []


def test_migrations_go_down_and_up_again(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    engine = open_engine(f"sqlite:///{db}", create=True)
    head = schema(db)
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0001")
    engine.dispose()
    assert schema(db) == schema(frozen_first_schema(tmp_path / "frozen.db"))
    open_engine(f"sqlite:///{db}").dispose()
    assert schema(db) == head


def index_state(db: Path) -> tuple[dict[int, tuple], dict[int, tuple]]:
    """The index's rows, and what they should be from the articles."""
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
        indexed = {
            rowid: rest for rowid, *rest in conn.execute("SELECT rowid, * FROM articles_fts")
        }
        keywords: dict[int, list[str]] = {}
        for article_id, word in conn.execute(
            "SELECT article_id, word FROM article_keywords"
            " JOIN keywords ON keywords.id = keyword_id ORDER BY article_id, position"
        ):
            keywords.setdefault(article_id, []).append(word)
        expected = {
            article_id: [title, body, "；".join(keywords.get(article_id, []))]
            for article_id, title, body in conn.execute("SELECT id, title, body FROM articles")
        }
    # each indexed value ends with two line breaks (see journals.search)
    indexed = {
        rowid: [value.removesuffix("\n\n") for value in row] for rowid, row in indexed.items()
    }
    return indexed, expected


def matching(db: Path, text: str) -> set[int]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", (text,))
        return {rowid for (rowid,) in rows}


def test_the_index_follows_inserts_updates_and_deletes(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    engine = open_engine(f"sqlite:///{db}", create=True)

    def write(*items: dict) -> list[str]:
        return records.write(engine, *items)

    assert write(
        item(1, "青浦区建成代表工作站六十个。", ["工作站", "民情"]),
        item(2, "预算审查监督重点拓展改革。", ["预算审查"]),
    ) == ["new", "new"]
    indexed, expected = index_state(db)
    assert indexed == expected and set(indexed) == {1, 2}
    assert matching(db, "工作站") == {1} and matching(db, "预算审查") == {2}

    # an update of the body and the keywords replaces the article's row
    assert write(item(1, "人大代表联络站接待选民。", ["联络站"])) == ["updated"]
    indexed, expected = index_state(db)
    assert indexed == expected
    assert indexed[1] == ["代表工作", "人大代表联络站接待选民。", "联络站"]
    assert matching(db, "工作站") == set() and matching(db, "联络站") == {1}

    with Session(engine) as session, session.begin():
        keyword = session.scalars(select(models.Keyword).filter_by(word="预算审查")).one()
        keyword.word = "预算联网监督"
    assert index_state(db)[1][2] == ["代表工作", "预算审查监督重点拓展改革。", "预算联网监督"]
    assert matching(db, "联网监督") == {2}

    with Session(engine) as session, session.begin():
        for fingerprint in session.scalars(select(models.Fingerprint).filter_by(article_id=2)):
            session.delete(fingerprint)
        session.delete(session.get(models.Article, 2))
    indexed, expected = index_state(db)
    assert indexed == expected and set(indexed) == {1}
    assert matching(db, "预算") == set() and matching(db, "联网监督") == set()

    # plain SQL keeps it in step too
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET title = '联系群众三篇文章' WHERE id = 1")
        conn.execute("DELETE FROM article_keywords WHERE article_id = 1")
    indexed, expected = index_state(db)
    assert indexed == expected == {1: ["联系群众三篇文章", "人大代表联络站接待选民。", ""]}
    engine.dispose()


def test_the_catalogue_knows_the_sample_journals() -> None:
    entries = read(CATALOGUE)
    for spec in JOURNALS:
        entry = entries[spec.name]
        assert (entry.province, entry.level, entry.fx361_code) == (
            spec.province,
            "provincial",
            spec.code,
        )
    assert len(entries) > len(JOURNALS)


def test_crawled_journals_carry_province_and_level(crawled: Crawled) -> None:
    with sqlite3.connect(crawled.db) as conn:
        rows = conn.execute("SELECT name, province, level FROM journals ORDER BY name").fetchall()
    assert rows == sorted((spec.name, spec.province, "provincial") for spec in JOURNALS)


@pytest.mark.parametrize("bad", ["name,province\n某刊,火星\n", "name,level\n某刊,county\n"])
def test_a_bad_catalogue_row_is_an_error(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "journals.csv"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(ValueError, match="某刊"):
        read(path)


def test_every_table_and_column_is_described(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    open_engine(f"sqlite:///{db}", create=True).dispose()
    with sqlite3.connect(db) as conn:
        names = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
                " AND name NOT LIKE 'sqlite_%' AND name NOT IN ("
                "'articles_fts_data', 'articles_fts_idx', 'articles_fts_content',"
                " 'articles_fts_docsize', 'articles_fts_config')"  # FTS5's own
            )
        ]
        actual = {
            name: [row[1] for row in conn.execute(f"PRAGMA table_info({name})")] for name in names
        }
    described = {table.name: list(table.columns) for table in TABLES}
    assert {name: sorted(columns) for name, columns in described.items()} == {
        name: sorted(columns) for name, columns in actual.items()
    }
    assert all(table.description and all(table.columns.values()) for table in TABLES)


def test_the_schema_document_is_up_to_date() -> None:
    assert (ROOT / "docs" / "schema.md").read_text(encoding="utf-8") == markdown()
