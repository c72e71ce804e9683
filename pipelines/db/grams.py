"""The short-word index `articles_fts_short`: every character and every pair
of adjacent characters of each article's title, body and keywords line, so
that a search word of one or two characters is one token looked up
(journals/search.py), with tiers for ranking by how often it occurs.

An article's row is a list of tokens separated by spaces (FTS5, ascii
tokenizer: anything but ASCII spaces and controls is part of a token, ASCII
letters are folded): each character and pair once (ASCII letters in lower
case; none with a space or control character in it, which no search word
has), and for each of them with weight F the tier tokens `g:2` … `g:j` of
every level whose threshold F reaches (4, 8, 16, then four steps to each
doubling: 20, 24, 28, 32, 40, …; level 1, weight 2, is left out: too many
articles would pay for it, too few be told apart by it), F being the times
it occurs in the title × 10, in the body × 1 and in the keywords × 5 (as
journals/search.py weighs them; occurrences may overlap, so F is never less
than what search counts). detail=none: the index holds which rows have a
token, nothing more; contentless. The rows are made by `row`: a change to it
is a new revision that makes the index again. They are numbered 1, 2, 3, …
as they are made (`articles_fts_short_ids` maps them to articles), not by
the articles' sparse ids, so that each token's list takes about a byte a row.

Text is made into tokens here, in Python; SQL cannot do it at a useful
speed. The triggers of revision 0012 mark an article whose row is missing or
out of date (`articles_fts_short_pending`), keeping the values its row was
made of (`articles_fts_short_old`), and `refresh` brings those rows up to
date: before each commit of a session (pipelines/db/fulltext.py), so a crawl's
batch and `journals reparse` are indexed as they are stored. An article
written by plain SQL waits until a session commits; meanwhile search finds it
by reading its text, so results are complete either way.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from operator import add
from typing import Any

from sqlalchemy import Connection

logger = logging.getLogger(__name__)

TABLE = "articles_fts_short"
IDS = "articles_fts_short_ids"  # each row's article: rows are numbered densely
PENDING = "articles_fts_short_pending"
OLD = "articles_fts_short_old"
WEIGHTS = (10, 1, 5)  # title, body, keywords
LOWEST = 2  # the lowest tier: weight 4 and up (fewer do not pay for their tokens)
LONGEST = 2  # the longest word the index finds
REFRESH_LIMIT = 2000  # articles a commit brings up to date at most; the rest wait
_CHUNK = 500  # ids in one IN (…)

# Characters no search word has (it is split on whitespace), and the ASCII
# controls the tokenizer treats as separators: no token contains them.
_SKIPPED = frozenset(
    ch for ch in map(chr, range(0x3100)) if ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F
)
_SEPARATORS = re.compile("[" + re.escape("".join(sorted(_SKIPPED))) + "]+")
_LEVELS = [f":{level}" for level in range(1, 200)]  # the tier tokens' endings
# Characters that SQLite's trigram index folds into others, or others into
# them, beyond ASCII letters (Kelvin sign to k, long s to s, U+FFFE and
# U+FFFF to U+FFFD): a word with one of them is searched as before.
_FOLDED_ELSEWHERE = frozenset("kKsS\ufffd\ufffe\uffff")


def indexable(term: str) -> bool:
    """Whether the index finds `term` exactly as the trigram index does: one or
    two characters, none of them a letter with case beyond ASCII's, nor one
    that SQLite folds from another character.

    >>> [indexable(t) for t in ("人大", "站", "AI", "%", "（", "人大代", "ok", "Ä", "ａ")]
    [True, True, True, True, True, False, False, False, False]
    """
    return 0 < len(term) <= LONGEST and all(_plain(ch) for ch in term)


def _plain(ch: str) -> bool:
    if ch in _SKIPPED or ch in _FOLDED_ELSEWHERE or 0xD800 <= ord(ch) < 0xE000:
        return False
    return ch.isascii() or ch.lower() == ch == ch.upper()


def lower(text: str) -> str:
    """ASCII letters in lower case, as the tokenizer folds them (only those).

    >>> lower("AI与ÄÖ")
    'ai与ÄÖ'
    """
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


def token(term: str) -> str:
    """The token of an indexable word."""
    return lower(term)


def threshold(level: int) -> int:
    """The weight from which a term has the tier token of `level` (level >= 1):
    the powers of two up to 16, then four steps to each doubling (20, 24, 28,
    32, 40, …), fine enough that the best few articles of a very common word
    are few more than asked for.

    >>> [threshold(level) for level in range(1, 13)]
    [2, 4, 8, 16, 20, 24, 28, 32, 40, 48, 56, 64]
    """
    if level <= 4:
        return 2**level
    return 2 ** (4 + (level - 5) // 4) * (5 + (level - 5) % 4) // 4


_LOWEST_WEIGHT = threshold(LOWEST)


def top_level(weight: int) -> int:
    """The highest level whose threshold `weight` reaches (0: none).

    >>> [top_level(w) for w in (1, 2, 15, 16, 19, 20, 31, 32, 64, 100)]
    [0, 1, 3, 4, 4, 5, 7, 8, 12, 14]
    """
    if weight < 16:
        return max(weight.bit_length() - 1, 0)
    octave = weight.bit_length() - 1
    return 4 * (octave - 3) + (weight - 2**octave) * 4 // 2**octave


def tier(term: str, level: int) -> str:
    """The token of articles where `term` weighs at least threshold(level).

    >>> tier("人大", 3)
    '人大:3'
    """
    return f"{lower(term)}:{level}"


def weights(title: str, body: str, keywords: str) -> Counter[str]:
    """Each character and pair of the three values (ASCII letters folded; none
    with a space or control character) with its weight: occurrences
    (overlapping) × 10 in the title, × 1 in the body, × 5 in the keywords.

    >>> sorted(weights("人大", "人大人\\n大", "").items())
    [('人', 12), ('人大', 11), ('大', 12), ('大人', 1)]
    """
    total = grams(lower(body))  # the body's weight is 1 (WEIGHTS): its counts, not a copy
    for value, weight in ((title, WEIGHTS[0]), (keywords, WEIGHTS[2])):
        for gram, count in grams(lower(value)).items():
            total[gram] += weight * count
    return total


def grams(text: str) -> Counter[str]:
    """The characters and pairs of a text with how often each occurs, none
    with a skipped character: all of them counted in two passes at C speed,
    then those with a skipped character (found where the skipped runs are)
    taken out.

    >>> sorted(grams("人大 人大\\n").items())
    [('人', 2), ('人大', 2), ('大', 2)]
    """
    found = Counter(text)
    found.update(map(add, text, text[1:]))
    for run in _SEPARATORS.finditer(text):
        start, end = run.span()
        for at in range(max(start - 1, 0), end):
            found.pop(text[at : at + 2], None)
        for ch in run.group():
            found.pop(ch, None)
    return found


def row(title: str, body: str, keywords: str) -> str:
    """An article's row of the index: its tokens, separated by spaces.

    >>> row("AI", "a\\n人", "")
    'a 人 i ai a:2 a:3 i:2 i:3 ai:2 ai:3'
    """
    found = weights(title, body, keywords)
    tokens = list(found)
    for gram, weight in found.items():
        if weight >= _LOWEST_WEIGHT:
            endings = _ENDINGS[weight] if weight < len(_ENDINGS) else _endings(weight)
            tokens += map(gram.__add__, endings)
    return " ".join(tokens)


def _endings(weight: int) -> list[str]:
    """The tier tokens' endings of a term of this weight."""
    return _LEVELS[LOWEST - 1 : top_level(weight)]


# The endings of the weights most terms have, made once (a term's tiers are
# looked up for each of some 700 terms an article).
_ENDINGS = [_endings(weight) for weight in range(1024)]


def exists(connection: Connection) -> bool:
    """Whether the database has the index (revision 0012 on)."""
    return has_sqlite_table(connection, PENDING)


def has_sqlite_table(connection: Connection, name: str) -> bool:
    """Whether the database is SQLite and has the table `name`."""
    if connection.dialect.name != "sqlite":
        return False
    found = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).first()
    return found is not None


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _rows(connection: Connection, table: str, ids: Sequence[int]) -> list[tuple[Any, ...]]:
    found: list[tuple[Any, ...]] = []
    for chunk in _chunks(ids):
        marks = ", ".join("?" * len(chunk))
        found += connection.exec_driver_sql(
            f"SELECT id, title, body, keywords FROM {table} WHERE id IN ({marks})", tuple(chunk)
        ).all()
    return found


def index(connection: Connection, rows: Iterable[tuple[Any, ...]]) -> None:
    """Add the rows (id, title, body, keywords) of articles not in the index."""
    rows = list(rows)
    if not rows:
        return
    connection.exec_driver_sql(
        f"INSERT INTO {IDS} (article_id) VALUES (?)", [(article_id,) for article_id, *_ in rows]
    )
    numbers = _numbers(connection, [article_id for article_id, *_ in rows])
    connection.exec_driver_sql(
        f"INSERT INTO {TABLE} (rowid, grams) VALUES (?, ?)",
        [(numbers[article_id], row(*values)) for article_id, *values in rows],
    )


def _numbers(connection: Connection, ids: Sequence[int]) -> dict[int, int]:
    """The index's row numbers of these articles (those in it)."""
    found: dict[int, int] = {}
    for chunk in _chunks(ids):
        marks = ", ".join("?" * len(chunk))
        found.update(
            (article_id, number)
            for number, article_id in connection.exec_driver_sql(
                f"SELECT id, article_id FROM {IDS} WHERE article_id IN ({marks})", tuple(chunk)
            )
        )
    return found


def refresh(connection: Connection, limit: int | None = REFRESH_LIMIT) -> int:
    """Bring the rows of up to `limit` pending articles up to date (all with
    None); how many were. Runs in the connection's transaction."""
    if not exists(connection):
        return 0
    ids = [
        article_id
        for (article_id,) in connection.exec_driver_sql(
            f"SELECT id FROM {PENDING} ORDER BY id LIMIT ?", (-1 if limit is None else limit,)
        )
    ]
    if not ids:
        return 0
    old = _rows(connection, OLD, ids)
    numbers = _numbers(connection, ids)
    if set(numbers) - {article_id for article_id, *_ in old}:
        # a row whose values are lost (an article replaced by INSERT OR REPLACE,
        # whose implicit delete fires no trigger): made again, all of them
        logger.warning("the short-word index is out of step with the articles: rebuilt")
        rebuild(connection)
        return refresh(connection, limit)
    if old:
        connection.exec_driver_sql(
            f"INSERT INTO {TABLE} ({TABLE}, rowid, grams) VALUES ('delete', ?, ?)",
            [(numbers[article_id], row(*values)) for article_id, *values in old],
        )
    for chunk in _chunks(ids):
        marks = ", ".join("?" * len(chunk))
        for table, column in ((IDS, "article_id"), (OLD, "id"), (PENDING, "id")):
            connection.exec_driver_sql(
                f"DELETE FROM {table} WHERE {column} IN ({marks})", tuple(chunk)
            )
    index(connection, _rows(connection, "articles_fts_text", ids))
    return len(ids)


def rebuild(connection: Connection) -> None:
    """Empty the index and mark every article pending (`refresh` indexes them)."""
    connection.exec_driver_sql(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('delete-all')")
    for table in (IDS, OLD):
        connection.exec_driver_sql(f"DELETE FROM {table}")
    connection.exec_driver_sql(f"INSERT OR IGNORE INTO {PENDING} (id) SELECT id FROM articles")
