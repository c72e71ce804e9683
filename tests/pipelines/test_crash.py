"""A SIGKILL in the middle of a batch write leaves a consistent database, and
running again completes it.

A writer process (tests/support/crash_writer.py: the sample corpus through the real
clean → validate → store pipelines into a SQLite file in WAL mode, batches of
STORE_BATCH_SIZE) is killed with SIGKILL while a batch's transaction is open:
stopped by a hook right after one of its INSERT/UPDATE/DELETE statements, or
just before a batch's COMMIT, with the open write transaction proven by the
write lock it holds; and in some rounds at whatever point the writing has
reached when the kill arrives (inside COMMIT too). After each kill the file
must pass SQLite's and FTS5's integrity checks, hold no dangling row, and
hold exactly the batches committed before the kill, each article whole; a
run over it then must leave the database of an uninterrupted run.

Rounds are drawn from a seed printed with any failure; CRASH_SEED=N repeats
one, CRASH_ROUNDS=N runs more.
"""

from __future__ import annotations

import io
import os
import random
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from support import crash_writer
from support.crash_writer import Hook, corpus_items, write

from crawler import settings
from pipelines.db.database import open_engine

ROUNDS = int(os.environ.get("CRASH_ROUNDS", "20"))
SEED = int(os.environ.get("CRASH_SEED", random.SystemRandom().randrange(10**6)))
# The project's batch size, and a small one for many batch boundaries.
BATCH_SIZES = (settings.STORE_BATCH_SIZE, 7)
SMALL_CACHE = 8  # pages
DRIVER = Path(crash_writer.__file__)

Dump = dict[str, list[tuple[Any, ...]]]

# Everything stored but the clock (updated_at, first_seen, last_seen): the
# same in a run that was killed and resumed as in one that was not.
QUERIES = {
    "articles": "SELECT a.id, a.title, a.date, a.time, j.name, i.year, i.issue, a.body,"
    " a.flags, a.url, a.source_host, a.fetched_at FROM articles a"
    " JOIN journals j ON j.id = a.journal_id LEFT JOIN issues i ON i.id = a.issue_id"
    " ORDER BY a.id",
    "article_authors": "SELECT l.article_id, l.position, x.name FROM article_authors l"
    " JOIN authors x ON x.id = l.author_id ORDER BY 1, 2",
    "article_keywords": "SELECT l.article_id, l.position, x.word FROM article_keywords l"
    " JOIN keywords x ON x.id = l.keyword_id ORDER BY 1, 2",
    "sources": "SELECT article_id, url, host FROM sources ORDER BY url",
    "fingerprints": "SELECT digest, article_id FROM fingerprints ORDER BY digest",
    "journals": "SELECT name, province, level, fx361_code FROM journals ORDER BY name",
    "issues": "SELECT j.name, i.year, i.issue, i.label, i.toc_count FROM issues i"
    " JOIN journals j ON j.id = i.journal_id ORDER BY 1, 2, 3",
    "authors": "SELECT name FROM authors ORDER BY name",
    "keywords": "SELECT word FROM keywords ORDER BY word",
    "failures": "SELECT url FROM failures ORDER BY url",
    "articles_fts": "SELECT rowid, title, body, keywords FROM articles_fts ORDER BY rowid",
}


def dump(db: Path) -> Dump:
    with sqlite3.connect(db) as conn:
        return {table: conn.execute(sql).fetchall() for table, sql in QUERIES.items()}


@dataclass
class Reference:
    """An uninterrupted run: its store statements, and the database after
    each committed batch (`states[0]` empty, `states[-1]` complete)."""

    statements: int
    states: list[Dump] = field(default_factory=list)


def reference_run(db: Path, batch_size: int) -> Reference:
    reference = Reference(0)

    class Recorder(Hook):
        def after_commit(self, session: Any) -> None:
            super().after_commit(session)
            reference.states.append(dump(db))

    hook = Recorder("count", 0, io.StringIO())
    hook.install()
    try:

        def opened() -> None:
            hook.armed = True
            reference.states.append(dump(db))

        write(f"sqlite:///{db}", batch_size, corpus_items(), opened=opened)
    finally:
        hook.remove()
    reference.statements = hook.statements
    return reference


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with the schema and nothing else, copied for each round
    (a round then spends its time writing articles, not migrating)."""
    db = tmp_path_factory.mktemp("empty") / "empty.db"
    open_engine(f"sqlite:///{db}", create=True).dispose()
    assert not db.with_name(db.name + "-wal").exists()
    return db


@pytest.fixture(scope="module")
def references(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Reference]:
    folder = tmp_path_factory.mktemp("reference")
    refs = {size: reference_run(folder / f"{size}.db", size) for size in BATCH_SIZES}
    for size, ref in refs.items():
        assert len(ref.states) - 1 == -(-len(corpus_items()) // size)  # a commit per batch
        assert ref.states[-1]["articles"] and ref.states[-1]["articles_fts"]
    assert refs[BATCH_SIZES[0]].states[-1] == refs[BATCH_SIZES[1]].states[-1]
    return refs


@pytest.fixture(scope="module")
def writer() -> Iterator[subprocess.Popen[str]]:
    """The process that forks a writer per round (warmed up once: imports,
    migrations and cleaning tables loaded, so a round takes a fraction of a second)."""
    process = subprocess.Popen(
        [sys.executable, str(DRIVER)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdin is not None
    assert process.stdout.readline() == "ready\n"
    yield process
    process.stdin.close()
    process.wait(timeout=60)
    process.stdout.close()


def uncommitted_wal_frames(db: Path) -> int:
    """Frames of the write-ahead log after its last commit frame: pages of a
    transaction that never committed (spilled from the cache before COMMIT,
    or written by an interrupted COMMIT)."""
    wal = db.with_name(db.name + "-wal")
    data = wal.read_bytes() if wal.exists() else b""
    if len(data) < 32:
        return 0
    page_size = struct.unpack(">I", data[8:12])[0]
    salts = data[16:24]
    after_commit = 0
    for offset in range(32, len(data) - 24 + 1, 24 + page_size):
        if data[offset + 8 : offset + 16] != salts:
            break  # a frame of an older generation of the log
        after_commit += 1
        if struct.unpack(">I", data[offset + 4 : offset + 8])[0]:
            after_commit = 0
    return after_commit


def assert_consistent(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # FTS5 checks its index against its content; raises if they differ.
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')")
        assert conn.execute(
            "SELECT count(*) FROM articles a LEFT JOIN articles_fts f ON f.rowid = a.id"
            " WHERE f.rowid IS NULL OR f.title <> a.title || char(10, 10)"
            " OR f.body <> a.body || char(10, 10)"
        ).fetchone() == (0,)
        assert (
            conn.execute("SELECT count(*) FROM articles_fts").fetchone()
            == conn.execute("SELECT count(*) FROM articles").fetchone()
        )
        incomplete = conn.execute(
            "SELECT count(*) FROM articles a LEFT JOIN journals j ON j.id = a.journal_id"
            " WHERE j.id IS NULL OR a.title = '' OR a.body = ''"
            " OR NOT EXISTS (SELECT 1 FROM sources s WHERE s.article_id = a.id)"
            " OR NOT EXISTS (SELECT 1 FROM fingerprints f WHERE f.article_id = a.id)"
        ).fetchone()
        assert incomplete == (0,)


def assert_same(got: Dump, want: Dump, what: str) -> None:
    """Table by table, with the first differing row, not two databases in full."""
    for table in QUERIES:
        if got[table] != want[table]:
            rows, expected = got[table], want[table]
            first = next(
                (i for i, (g, w) in enumerate(zip(rows, expected, strict=False)) if g != w),
                min(len(rows), len(expected)),
            )
            pytest.fail(
                f"{what}: table {table} has {len(rows)} rows, expected {len(expected)};"
                f" first difference at row {first}: {str(rows[first : first + 1])[:300]}"
                f" vs {str(expected[first : first + 1])[:300]}"
            )


def write_lock_held(db: Path) -> bool:
    """Whether some connection holds the database's write lock (an open write transaction)."""
    conn = sqlite3.connect(db, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as exc:
        assert "locked" in str(exc)
        return True
    finally:
        conn.close()


@dataclass
class Kill:
    mode: str
    batch_size: int
    point: int
    cache: int
    committed: int  # batches reported committed before the kill
    killed: bool = True
    uncommitted_frames: int = 0


# Three rounds in four stopped inside the transaction, one at a random point.
MODES = ("statement", "commit", "statement", "race")


def kill_round(
    writer: subprocess.Popen[str],
    db: Path,
    rng: random.Random,
    ref: Reference,
    batch_size: int,
    mode: str,
) -> Kill:
    assert writer.stdin is not None and writer.stdout is not None
    batches = len(ref.states) - 1
    point = rng.randint(1, batches) if mode == "commit" else rng.randint(1, ref.statements)
    # Half the rounds with a tiny page cache: pages spill into the WAL before COMMIT.
    cache = rng.choice([0, SMALL_CACHE])
    kill = Kill(mode, batch_size, point, cache, committed=0)
    writer.stdin.write(f"{db} {batch_size} {mode} {point} {cache}\n")
    writer.stdin.flush()
    pid = None
    for line in writer.stdout:
        word, _, rest = line.strip().partition(" ")
        if word == "pid":
            pid = int(rest)
        elif word == "committed":
            kill.committed = int(rest)
        elif word in ("paused", "go"):
            break
        else:
            pytest.fail(f"writer said {line!r} before its stop")
    assert pid is not None
    if mode != "race":
        # Stopped inside the transaction: it holds the write lock, and what
        # another connection sees is exactly the batches committed so far.
        assert write_lock_held(db)
        assert_same(dump(db), ref.states[kill.committed], "seen while the batch is open")
    os.kill(pid, signal.SIGKILL)
    status = None
    for line in writer.stdout:
        word, _, rest = line.strip().partition(" ")
        if word == "committed":
            kill.committed = int(rest)
        elif word == "exit":
            status = int(rest.split()[1])
            break
    assert status is not None, "the writer process has gone"
    if mode == "race" and status == 0:
        kill.killed = False  # it finished before the kill arrived
    else:
        assert status == -signal.SIGKILL
    kill.uncommitted_frames = uncommitted_wal_frames(db)
    return kill


def test_sigkill_during_a_batch_write_leaves_a_consistent_database_that_a_rerun_completes(
    writer: subprocess.Popen[str],
    references: dict[int, Reference],
    empty_db: Path,
    tmp_path: Path,
) -> None:
    print(f"\nCRASH_SEED={SEED}")
    rng = random.Random(SEED)
    kills: list[Kill] = []
    for n in range(ROUNDS):
        batch_size = rng.choice(BATCH_SIZES)
        ref = references[batch_size]
        db = tmp_path / f"round-{n}.db"
        shutil.copy(empty_db, db)
        kill = kill_round(writer, db, rng, ref, batch_size, MODES[n % len(MODES)])
        kills.append(kill)
        what = f"CRASH_SEED={SEED} round {n}: {kill}"
        assert_consistent(db)
        # Whole batches only: those committed before the kill (in a race, the
        # one whose COMMIT returned as the kill arrived may be in as well).
        state = dump(db)
        if kill.mode == "race":
            candidates = ref.states[kill.committed : kill.committed + 2]
            assert state in candidates, what
        else:
            assert_same(state, ref.states[kill.committed], what)
        write(f"sqlite:///{db}", batch_size, corpus_items())
        assert_consistent(db)
        assert_same(dump(db), ref.states[-1], f"{what}, run again")
    in_transaction = [k for k in kills if k.mode != "race"]
    print(
        f"{len(kills)} rounds: {len(in_transaction)} killed inside an open transaction"
        f" (after a statement {sum(k.mode == 'statement' for k in kills)}, before COMMIT"
        f" {sum(k.mode == 'commit' for k in kills)}), {sum(k.mode == 'race' for k in kills)}"
        f" at a random point; uncommitted frames left in the WAL in"
        f" {sum(k.uncommitted_frames > 0 for k in kills)}; committed batches at the kill"
        f" {[k.committed for k in kills]}"
    )
    assert len(in_transaction) == ROUNDS - ROUNDS // len(MODES)
