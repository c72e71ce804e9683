"""The full-text index's DDL, shared by revisions 0004 (values as they are)
and 0006 (each value followed by two line breaks). Frozen: a revision's SQL
must not change once released, so a change here is a new function."""

from __future__ import annotations

TRIGGER_EVENTS = {
    "articles_fts_insert": "AFTER INSERT ON articles",
    "articles_fts_update": "AFTER UPDATE OF id, title, body ON articles",
    "article_keywords_fts_insert": "AFTER INSERT ON article_keywords",
    "article_keywords_fts_update": "AFTER UPDATE ON article_keywords",
    "article_keywords_fts_delete": "AFTER DELETE ON article_keywords",
    "keywords_fts_update": "AFTER UPDATE OF word ON keywords",
    "articles_fts_delete": "AFTER DELETE ON articles",
}


def keywords_of(article_id: str) -> str:
    """An article's keywords in order, joined with `；` ('' for none)."""
    return (
        "coalesce((SELECT group_concat(word, '；') FROM ("
        "SELECT keywords.word AS word FROM article_keywords"
        " JOIN keywords ON keywords.id = article_keywords.keyword_id"
        f" WHERE article_keywords.article_id = {article_id}"
        " ORDER BY article_keywords.position)), '')"
    )


def indexed(where: str, end: str) -> str:
    """INSERT the index rows of the articles `where` selects, each value then `end` (SQL).

    >>> print(indexed("id = 1", "''")[:75])
    INSERT INTO articles_fts (rowid, title, body, keywords) SELECT id, title ||
    """
    return (
        "INSERT INTO articles_fts (rowid, title, body, keywords)"
        f" SELECT id, title || {end}, body || {end}, {keywords_of('articles.id')} || {end}"
        f" FROM articles WHERE {where}"
    )


def refresh(article_id: str, end: str) -> str:
    """Statements that make the article's row of the index match the article."""
    return (
        f"DELETE FROM articles_fts WHERE rowid = {article_id};\n"
        + indexed(f"id = {article_id}", end)
        + ";"
    )


def actions(end: str) -> dict[str, str]:
    in_keyword = "(SELECT article_id FROM article_keywords WHERE keyword_id = new.id)"
    return {
        "articles_fts_insert": refresh("new.id", end),
        "articles_fts_update": "DELETE FROM articles_fts WHERE rowid = old.id;\n"
        + refresh("new.id", end),
        "article_keywords_fts_insert": refresh("new.article_id", end),
        "article_keywords_fts_update": refresh("old.article_id", end)
        + "\n"
        + refresh("new.article_id", end),
        "article_keywords_fts_delete": refresh("old.article_id", end),
        "keywords_fts_update": f"DELETE FROM articles_fts WHERE rowid IN {in_keyword};\n"
        + indexed(f"id IN {in_keyword}", end)
        + ";",
        "articles_fts_delete": "DELETE FROM articles_fts WHERE rowid = old.id;",
    }


def create(end: str) -> list[str]:
    """The index, filled from the articles, and the triggers that keep it in step."""
    return [
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, keywords, tokenize='trigram')",
        indexed("1", end),
        *(
            f"CREATE TRIGGER {name} {event} BEGIN\n{action}\nEND"
            for (name, event), action in zip(
                TRIGGER_EVENTS.items(), actions(end).values(), strict=True
            )
        ),
    ]


def drop() -> list[str]:
    return [*(f"DROP TRIGGER {name}" for name in TRIGGER_EVENTS), "DROP TABLE articles_fts"]


# Revision 0012: the index keeps no copy of the text. It reads title and body
# from the articles and the keywords line from `articles_fts_keywords` (what
# it indexed), through the view `articles_fts_text` (external content). An
# external-content index removes a row only when told the values it was made
# of, so every trigger runs after the change, takes the old values from `old`
# and from `articles_fts_keywords` before it is brought up to date, and puts
# the new row in; `articles_fts_docsize` (one row per indexed article) says
# whether there is a row to remove or one already there, so that a step done
# twice does nothing. The same triggers mark the articles whose row in the
# short-word index `articles_fts_short` is out of date (pending), with the
# values that row was made of (old), for pipelines/db/grams.py to bring up to
# date. That index numbers its rows 1, 2, 3, … (`articles_fts_short_ids`
# gives each its article), not by the articles' sparse ids: its lists of
# rows are then a byte a row.

TEXT_VIEW = "articles_fts_text"
PAD = "char(10, 10)"  # after each indexed value, as revision 0006 made them
# The short-word index's tokens are runs of anything but ASCII spaces and
# controls: every printable ASCII character is part of a token, every other
# character too (the ascii tokenizer's way), and ASCII letters are folded.
TOKEN_CHARACTERS = "".join(ch for ch in map(chr, range(0x21, 0x7F)) if not ch.isalnum())


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


SHORT_TOKENIZER = _quoted("ascii tokenchars " + _quoted(TOKEN_CHARACTERS))
EXTERNAL_TRIGGERS = {
    "articles_fts_insert": "AFTER INSERT ON articles",
    "articles_fts_update": "AFTER UPDATE OF id, title, body ON articles",
    "articles_fts_delete": "AFTER DELETE ON articles",
    "article_keywords_fts_insert": "AFTER INSERT ON article_keywords",
    "article_keywords_fts_update": "AFTER UPDATE ON article_keywords",
    "article_keywords_fts_delete": "AFTER DELETE ON article_keywords",
    "keywords_fts_update": "AFTER UPDATE OF word ON keywords",
}


def _indexed(table: str, article_id: str) -> str:
    if table == "articles_fts_short":  # its rows are numbered apart (articles_fts_short_ids)
        return f"EXISTS (SELECT 1 FROM articles_fts_short_ids WHERE article_id = {article_id})"
    return f"EXISTS (SELECT 1 FROM {table}_docsize WHERE id = {article_id})"


def _line(article_id: str) -> str:
    """The keywords line the index holds for an article ('' for none)."""
    return f"coalesce((SELECT keywords FROM articles_fts_keywords WHERE id = {article_id}), '')"


def _values(article_id: str, title: str, body: str) -> str:
    return f"{title} || {PAD}, {body} || {PAD}, {_line(article_id)} || {PAD}"


def _missing(table: str, article_id: str) -> str:
    return f"NOT EXISTS (SELECT 1 FROM {table} WHERE id = {article_id})"


def _marked(article_id: str) -> str:
    """Mark an article pending in the short-word index. (No OR IGNORE: in a
    trigger, the conflict clause of the statement that fired it wins.)"""
    return (
        f"INSERT INTO articles_fts_short_pending (id) SELECT {article_id}"
        f" WHERE {_missing('articles_fts_short_pending', article_id)}"
    )


def _removed(article_id: str, title: str, body: str) -> list[str]:
    """Take an article out of both indexes, given the title and body its rows were made of."""
    values = _values(article_id, title, body)
    return [
        "INSERT INTO articles_fts_short_old (id, title, body, keywords)"
        f" SELECT {article_id}, {values} WHERE {_indexed('articles_fts_short', article_id)}"
        f" AND {_missing('articles_fts_short_old', article_id)}",
        _marked(article_id),
        "INSERT INTO articles_fts (articles_fts, rowid, title, body, keywords)"
        f" SELECT 'delete', {article_id}, {values} WHERE {_indexed('articles_fts', article_id)}",
    ]


def _relined(ids: str) -> list[str]:
    """Bring the keywords lines of the articles `ids` selects up to date."""
    return [
        f"DELETE FROM articles_fts_keywords WHERE id IN {ids}",
        "INSERT INTO articles_fts_keywords (id, keywords)"
        f" SELECT id, line FROM (SELECT id, {keywords_of('articles.id')} AS line"
        f" FROM articles WHERE id IN {ids}) WHERE line <> ''",
    ]


def _added(ids: str) -> str:
    """Put the articles `ids` selects into the trigram index, those not in it."""
    return (
        f"INSERT INTO articles_fts (rowid, title, body, keywords)"
        f" SELECT id, title, body, keywords FROM {TEXT_VIEW}"
        f" WHERE id IN {ids} AND NOT {_indexed('articles_fts', f'{TEXT_VIEW}.id')}"
    )


def _rekeyed(ids: str) -> list[str]:
    """The statements for a change of the keywords of the articles `ids` selects."""
    return [*unindexed(ids), *_relined(ids), _added(ids)]


def unindexed(ids: str) -> list[str]:
    """Take the articles `ids` selects out of both indexes as they stand
    (their rows made of the text and the keywords line indexed), marking
    them pending in the short-word index. Done twice, the second does nothing."""
    indexed = f"{TEXT_VIEW}.id"
    return [
        "INSERT INTO articles_fts_short_old (id, title, body, keywords)"
        f" SELECT id, title, body, keywords FROM {TEXT_VIEW}"
        f" WHERE id IN {ids} AND {_indexed('articles_fts_short', indexed)}"
        f" AND {_missing('articles_fts_short_old', indexed)}",
        "INSERT INTO articles_fts_short_pending (id)"
        f" SELECT id FROM articles WHERE id IN {ids}"
        f" AND {_missing('articles_fts_short_pending', 'articles.id')}",
        "INSERT INTO articles_fts (articles_fts, rowid, title, body, keywords)"
        f" SELECT 'delete', id, title, body, keywords FROM {TEXT_VIEW}"
        f" WHERE id IN {ids} AND {_indexed('articles_fts', indexed)}",
    ]


def external_actions() -> dict[str, list[str]]:
    """Each trigger's statements, by name."""
    new_or_old = "(SELECT old.article_id UNION SELECT new.article_id)"
    return {
        "articles_fts_insert": [
            _marked("new.id"),
            *_relined("(SELECT new.id)"),
            _added("(SELECT new.id)"),
        ],
        "articles_fts_update": [
            *_removed("old.id", "old.title", "old.body"),
            _marked("new.id"),
            *_relined("(SELECT old.id UNION SELECT new.id)"),
            _added("(SELECT new.id)"),
        ],
        "articles_fts_delete": [
            *_removed("old.id", "old.title", "old.body"),
            "DELETE FROM articles_fts_keywords WHERE id = old.id",
        ],
        "article_keywords_fts_insert": _rekeyed("(SELECT new.article_id)"),
        "article_keywords_fts_update": _rekeyed(new_or_old),
        "article_keywords_fts_delete": _rekeyed("(SELECT old.article_id)"),
        "keywords_fts_update": _rekeyed(
            "(SELECT article_id FROM article_keywords WHERE keyword_id = new.id)"
        ),
    }


def external_triggers() -> list[str]:
    return [
        f"CREATE TRIGGER {name} {EXTERNAL_TRIGGERS[name]} BEGIN\n"
        + "".join(f"{statement};\n" for statement in statements)
        + "END"
        for name, statements in external_actions().items()
    ]


def external_create() -> list[str]:
    """The trigram index over the articles' own text, filled; the short-word
    index (see pipelines/db/grams.py) and its bookkeeping, empty; the
    triggers of both. Revision 0006's index and triggers are dropped first."""
    return [
        "CREATE TABLE articles_fts_keywords (id INTEGER PRIMARY KEY, keywords TEXT NOT NULL)",
        *_relined("(SELECT id FROM articles)"),
        f"CREATE VIEW {TEXT_VIEW} (id, title, body, keywords) AS"
        f" SELECT articles.id, articles.title || {PAD}, articles.body || {PAD},"
        f" coalesce(lines.keywords, '') || {PAD}"
        " FROM articles LEFT JOIN articles_fts_keywords AS lines ON lines.id = articles.id",
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, keywords,"
        f" tokenize='trigram', content='{TEXT_VIEW}', content_rowid='id')",
        "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')",
        "CREATE VIRTUAL TABLE articles_fts_short USING fts5(grams,"
        f" tokenize={SHORT_TOKENIZER}, detail=none, content='')",
        "CREATE TABLE articles_fts_short_ids (id INTEGER PRIMARY KEY,"
        " article_id INTEGER NOT NULL UNIQUE)",
        "CREATE TABLE articles_fts_short_pending (id INTEGER PRIMARY KEY)",
        "CREATE TABLE articles_fts_short_old (id INTEGER PRIMARY KEY, title TEXT NOT NULL,"
        " body TEXT NOT NULL, keywords TEXT NOT NULL)",
        *external_triggers(),
    ]


def external_drop() -> list[str]:
    return [
        *(f"DROP TRIGGER {name}" for name in EXTERNAL_TRIGGERS),
        "DROP TABLE articles_fts_short_old",
        "DROP TABLE articles_fts_short_pending",
        "DROP TABLE articles_fts_short_ids",
        "DROP TABLE articles_fts_short",
        "DROP TABLE articles_fts",
        f"DROP VIEW {TEXT_VIEW}",
        "DROP TABLE articles_fts_keywords",
    ]


# Revision 0013: articles on hold. A writer that is about to change an
# article's text or keywords takes it out of both indexes once and puts its
# id in `articles_fts_hold`; while it is there, the triggers that would index
# it again leave it alone (each keyword row written would otherwise index the
# whole article once more), and before the transaction commits the held
# articles are indexed once each (`reindexed`, pipelines/db/fulltext.py).
# A writer that holds nothing (plain SQL) finds the triggers as before.

HOLD = "articles_fts_hold"
# The triggers a hold quiets, with the ids they would index.
HELD = {
    "articles_fts_insert": ("new.id",),
    "articles_fts_update": ("old.id", "new.id"),
    "article_keywords_fts_insert": ("new.article_id",),
    "article_keywords_fts_update": ("old.article_id", "new.article_id"),
    "article_keywords_fts_delete": ("old.article_id",),
}


def _unheld(ids: tuple[str, ...]) -> str:
    """SQL: true when any of the ids is not on hold.

    >>> _unheld(("new.id",))
    'NOT EXISTS (SELECT 1 FROM articles_fts_hold WHERE id = new.id)'
    """
    return " OR ".join(f"NOT EXISTS (SELECT 1 FROM {HOLD} WHERE id = {id_})" for id_ in ids)


def _trigger(name: str, when: str | None = None) -> str:
    condition = f" WHEN {when}" if when else ""
    return (
        f"CREATE TRIGGER {name} {EXTERNAL_TRIGGERS[name]}{condition} BEGIN\n"
        + "".join(f"{statement};\n" for statement in external_actions()[name])
        + "END"
    )


def reindexed(ids: str) -> list[str]:
    """Index the articles `ids` selects as they are now: out of both indexes
    if in them, the keywords line made again, into the trigram index, marked
    pending in the short-word index."""
    return _rekeyed(ids)


def hold_create() -> list[str]:
    return [
        f"CREATE TABLE {HOLD} (id INTEGER PRIMARY KEY)",
        *(f"DROP TRIGGER {name}" for name in HELD),
        *(_trigger(name, _unheld(ids)) for name, ids in HELD.items()),
    ]


def hold_drop() -> list[str]:
    return [
        *(f"DROP TRIGGER {name}" for name in HELD),
        *(_trigger(name) for name in HELD),
        f"DROP TABLE {HOLD}",
    ]
