"""One article, many copies: one record, every URL kept, the cleanest text wins
whichever copy comes first. Real SQLite files, the store's own writer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session
from support.records import seed_copy

from journals.export import records
from pipelines.db.database import Writer, open_engine

BODY = "青浦区人大常委会高度重视联系人民群众工作，坚持走群众路线。\n倾听民声\n从走访中体察民情。"


def copy(url: str, article_id: int | None, flags: list[str], body: str = BODY) -> dict[str, Any]:
    return seed_copy(url, body, article_id=article_id, flags=flags)


MIRROR = copy(
    "http://mirror.example/qikan/1.html",
    5108306,
    ["converted_t2s", "garbled"],
    body=BODY + "\n活动?;顒悠陂g",
)
AGGREGATOR = copy("https://www.fx361.com/page/2018/1120/5108306.shtml", 5108306, [])


def store(db: Path, *items: dict[str, Any]) -> list[dict[str, Any]]:
    engine = open_engine(f"sqlite:///{db}", create=True)
    for item in items:  # one transaction per copy, as separate crawls would
        with Session(engine) as session, session.begin():
            Writer(session).write(item, "2026-01-02T00:00:00+00:00")
    with Session(engine) as session:
        rows = list(records(session))
    engine.dispose()
    return rows


@pytest.mark.parametrize(
    "order", [(MIRROR, AGGREGATOR), (AGGREGATOR, MIRROR)], ids=["mirror-first", "clean-first"]
)
def test_cleanest_copy_wins_whichever_comes_first(tmp_path: Path, order: tuple) -> None:
    rows = store(tmp_path / "a.db", *order)
    assert len(rows) == 1
    assert rows[0]["body"] == BODY
    assert rows[0]["flags"] == []
    assert rows[0]["url"] == AGGREGATOR["url"]
    assert sorted(rows[0]["sources"]) == sorted([MIRROR["url"], AGGREGATOR["url"]])


def test_a_copy_without_a_number_is_matched_by_its_text(tmp_path: Path) -> None:
    unnumbered = copy("http://copy.example/news/show.php?itemid=abc", None, ["spam_removed"])
    rows = store(tmp_path / "a.db", AGGREGATOR, unnumbered)
    assert [r["id"] for r in rows] == [5108306]
    assert len(rows[0]["sources"]) == 2


def test_a_copy_under_its_own_number_is_matched_by_its_text(tmp_path: Path) -> None:
    renumbered = copy("http://copy.example/a/777777.html", 777777, ["converted_t2s"])
    rows = store(tmp_path / "a.db", AGGREGATOR, renumbered)
    assert [r["id"] for r in rows] == [5108306]
    assert sorted(rows[0]["sources"]) == sorted([AGGREGATOR["url"], renumbered["url"]])


def test_an_unnumbered_article_gets_a_stable_id(tmp_path: Path) -> None:
    unnumbered = copy("http://copy.example/news/x.html", None, [])
    first = store(tmp_path / "a.db", unnumbered)
    again = store(tmp_path / "b.db", unnumbered)
    assert first[0]["id"] == again[0]["id"] < 0


def test_different_articles_stay_apart(tmp_path: Path) -> None:
    other = copy(
        "https://www.fx361.com/page/2018/1120/5108307.shtml", 5108307, [], body="另一篇文章的正文。"
    )
    other["title"] = "另一篇文章"
    rows = store(tmp_path / "a.db", AGGREGATOR, other)
    assert sorted(r["id"] for r in rows) == [5108306, 5108307]
