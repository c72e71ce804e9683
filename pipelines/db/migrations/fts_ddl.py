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
