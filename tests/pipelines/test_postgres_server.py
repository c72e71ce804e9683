"""The PostgreSQL server the tests start (tests/support/postgres.py): version
15, reachable on loopback, one empty database per test."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text


@pytest.fixture
def engine(postgres_url: str):
    engine = create_engine(postgres_url)
    yield engine
    engine.dispose()


@pytest.mark.parametrize("round_", [1, 2])
def test_each_test_gets_an_empty_database_of_its_own(engine, round_: int) -> None:
    with engine.begin() as connection:
        tables = connection.scalar(
            text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        )
        assert tables == 0  # the other round's table is not here
        connection.execute(text(f"CREATE TABLE made_in_round_{round_} (id integer)"))
        version = connection.scalar(text("SHOW server_version_num"))
        host = connection.scalar(text("SELECT host(inet_server_addr())"))
    assert int(version) // 10000 == 15
    assert host == "127.0.0.1"


def test_text_compares_by_code_point(engine) -> None:
    """Ordered as SQLite orders text, so that listings agree between the two."""
    with engine.connect() as connection:
        ordered = connection.scalars(
            text("SELECT w FROM (VALUES ('b'), ('B'), ('人'), ('a'), ('Ω')) AS t(w) ORDER BY w")
        ).all()
    assert ordered == sorted(["b", "B", "人", "a", "Ω"])
