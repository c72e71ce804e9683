"""The store's keyword rules on real SQLite files: a run-together line split
on the vocabulary of the stored articles, the split never teaching it, tags
given apart replacing a split whichever copy comes first; and a database of
revision 0010 whose guessed splits upgrade to kept lines."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from pipelines.db import migrate
from pipelines.db.database import Writer, open_engine
from pipelines.db.vocabulary import Vocabulary

NOW = "2026-01-02T00:00:00+00:00"
BODIES = {
    1: "常委会组织代表开展专题调研，形成了一批有分量的调研报告。",
    2: "街道人大工委建立了议题征集制度，群众可以通过多种渠道提出意见。",
    3: "区人大常委会听取和审议了政府关于民生实事项目办理情况的报告。",
}


def item(n: int, keywords: list[str], title: str = "") -> dict[str, Any]:
    return {
        "url": f"http://copy{n}.example/{n}.html",
        "source_host": f"copy{n}.example",
        "article_id": None,
        "title": title or f"第{n}篇",
        "authors": [],
        "date": "2019-03-12",
        "time": None,
        "journal": "人大研究",
        "year": 2019,
        "issue": "3",
        "issue_label": None,
        "keywords": keywords,
        "body": BODIES[n],
        "flags": [],
    }


def write(db: Path, *items: dict[str, Any]) -> list[str]:
    """Write each item in a transaction of its own, as separate crawls would."""
    engine = open_engine(f"sqlite:///{db}", create=True)
    outcomes = []
    for one in items:
        with Session(engine) as session, session.begin():
            outcomes.append(Writer(session).write(one, NOW))
    engine.dispose()
    return outcomes


def stored(db: Path, title: str) -> tuple[list[str], list[str], str | None]:
    with sqlite3.connect(db) as conn:
        article_id, flags, line = conn.execute(
            "SELECT id, flags, keywords_line FROM articles WHERE title = ?", (title,)
        ).fetchone()
        words = [
            word
            for (word,) in conn.execute(
                "SELECT word FROM article_keywords JOIN keywords ON keywords.id = keyword_id"
                " WHERE article_id = ? ORDER BY position",
                (article_id,),
            )
        ]
    return words, json.loads(flags), line


def test_the_vocabulary_counts_tags_given_apart_and_never_a_split(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    write(
        db,
        item(1, ["人民代表大会", "人大代表"]),
        item(2, ["人大代表", "人代会"]),
        item(3, ["人民代表大会人大代表"]),
    )
    assert stored(db, "第3篇") == (
        ["人民代表大会", "人大代表"],
        ["keywords_split"],
        "人民代表大会人大代表",
    )
    engine = open_engine(f"sqlite:///{db}")
    with Session(engine) as session:
        assert Vocabulary.load(session).counts == {"人民代表大会": 1, "人大代表": 2, "人代会": 1}
    engine.dispose()


def test_tags_apart_replace_a_split_whichever_copy_comes_first(tmp_path: Path) -> None:
    apart = item(1, ["人代会", "代表"], title="同一篇")
    together = {**item(2, ["人代会代表议案"], title="同一篇"), "body": apart["body"]}
    write(tmp_path / "a.db", together, apart)
    assert stored(tmp_path / "a.db", "同一篇") == (["人代会", "代表"], [], None)
    assert write(tmp_path / "b.db", apart, together) == ["new", "unchanged"]
    assert stored(tmp_path / "b.db", "同一篇") == (["人代会", "代表"], [], None)


def test_leaked_markup_leaves_the_tags(tmp_path: Path) -> None:
    write(tmp_path / "a.db", item(1, ["???/a>针对性", "突发事件"]))
    assert stored(tmp_path / "a.db", "第1篇") == (["针对性", "突发事件"], [], None)


def test_an_upgrade_from_0010_keeps_a_guessed_split_as_its_line(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    engine = create_engine(f"sqlite:///{db}")
    migrate.upgrade(engine, "0010")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "insert into articles (id, title, body, flags, url, source_host, fetched_at,"
            " updated_at) values (7, '题目', '正文', '[\"keywords_uncertain\"]', 'http://x/7',"
            " 'x', '', ''), (8, '另一篇', '正文二', '[]', 'http://x/8', 'x', '', '')"
        )
        conn.exec_driver_sql("insert into keywords (id, word) values (1, '民情'), (2, '工作站')")
        conn.exec_driver_sql(
            "insert into article_keywords (article_id, position, keyword_id)"
            " values (7, 1, 1), (7, 0, 2), (8, 0, 1)"
        )
    engine.dispose()
    open_engine(f"sqlite:///{db}").dispose()
    with sqlite3.connect(db) as conn:
        rows = conn.execute("select id, flags, keywords_line from articles order by id").fetchall()
    assert rows == [
        (7, '["keywords_split", "keywords_uncertain"]', "工作站民情"),
        (8, "[]", None),
    ]
