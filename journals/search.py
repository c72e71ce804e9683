"""Full-text search over titles, bodies and keywords (SQLite FTS5, trigram).

A query is split on spaces into terms, all of which must occur (in the title,
the body or the keywords, as substrings). A term of three or more characters
is looked up in the trigram index as a quoted phrase, so FTS operators and
quotes in it are plain text. A term of one or two characters is no trigram,
but every occurrence of it begins one (each indexed value ends with two line
breaks): it is looked up as any of the trigrams the index holds that begin
with it (`articles_fts_vocab`). Should there be more than VOCAB_LIMIT of
those, the term is matched by a scan of the indexed text instead, restricted
by the other terms and the filters. The results are complete either way.

Ranking: first the articles tagged with the query's terms (a keyword equal to
a term: the journal's own word for the subject), the more terms the better;
then by BM25 (a match in the title weighs ten times, in the keywords five
times one in the body), or, for a query of short terms only, by the number
of occurrences weighted the same way; then by id."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    LargeBinary,
    Select,
    cast,
    column,
    func,
    literal_column,
    or_,
    select,
    table,
)
from sqlalchemy.orm import Session

from journals.filters import EVERYTHING, Filters, filtered
from pipelines.db import models

FTS = table("articles_fts", column("rowid"), column("title"), column("body"), column("keywords"))
FTS_TABLE = literal_column("articles_fts")
VOCAB = table("articles_fts_vocab", column("term"))
END = "\n\n"  # after each indexed value
VOCAB_LIMIT = 5000  # trigrams a short term may expand to before it is scanned for
WEIGHTS = {"title": 10.0, "body": 1.0, "keywords": 5.0}
TRIGRAM = 3  # the shortest term the index can find


class QueryError(ValueError):
    """A query with nothing to search for."""


@dataclass(frozen=True)
class Hit:
    id: int
    score: float  # higher is better
    snippet: str


def terms(query: str) -> list[str]:
    """The distinct terms of a query, longest first.

    >>> terms(" 人大  代表工作站 人大 ")
    ['代表工作站', '人大']
    >>> terms("   ")
    []
    """
    unique = dict.fromkeys(query.split())
    return sorted(unique, key=len, reverse=True)


def phrase(term: str) -> str:
    """A term as an FTS5 string: double quotes doubled, so nothing in it is an operator.

    >>> phrase('人大"代表')
    '"人大""代表"'
    >>> phrase("NEAR(a b)")
    '"NEAR(a b)"'
    """
    return '"' + term.replace('"', '""') + '"'


def match_expression(long_terms: Sequence[str]) -> str:
    """The FTS5 query for terms of three or more characters: all of them.

    >>> match_expression(["工作站", "AND"])
    '"工作站" AND "AND"'
    """
    return " AND ".join(phrase(term) for term in long_terms)


def any_of(trigrams: Sequence[str]) -> str:
    """The FTS5 query for a short term: any of the trigrams it begins.

    >>> any_of(["民情。", "民情，"])
    '("民情。" OR "民情，")'
    """
    return "(" + " OR ".join(phrase(t) for t in trigrams) + ")"


def folded(term: str) -> bool:
    """Whether a term has ASCII letters, matched in either case.

    >>> folded("AI"), folded("人大"), folded("2018")
    (True, False, False)
    """
    return any(ch.isascii() and ch.isalpha() for ch in term)


def _contains(term: str) -> ColumnElement[bool]:
    if folded(term):
        return or_(*(func.instr(func.lower(FTS.c[name]), term.lower()) > 0 for name in WEIGHTS))
    return or_(*(func.instr(FTS.c[name], term) > 0 for name in WEIGHTS))


@dataclass(frozen=True)
class Plan:
    """How a query runs: one FTS5 expression for what the index finds, a scan for the rest."""

    words: list[str]
    expression: str | None  # for MATCH; None: nothing to look up in the index
    scanned: list[str]  # short terms with too many trigrams: matched by a scan
    hopeless: bool  # a short term begins no trigram: nothing can match
    short: bool  # every term is shorter than a trigram: ranked by occurrences


def begun_by(session: Session, term: str) -> list[str] | None:
    """The trigrams in the index that begin with `term` (case folded as the
    index folds it); None if there are more than VOCAB_LIMIT."""
    low = term.lower()
    found = session.scalars(
        select(VOCAB.c.term)
        .where(VOCAB.c.term >= low, VOCAB.c.term <= low + "\U0010ffff")
        .limit(VOCAB_LIMIT + 1)
    ).all()
    return None if len(found) > VOCAB_LIMIT else list(found)


def plan(session: Session, query: str) -> Plan:
    words = terms(query)
    if not words:
        raise QueryError("the query is empty")
    parts = [phrase(t) for t in words if len(t) >= TRIGRAM]
    scanned: list[str] = []
    for term in (t for t in words if len(t) < TRIGRAM):
        trigrams = begun_by(session, term)
        if trigrams is None:
            scanned.append(term)
        elif not trigrams:
            return Plan(words, None, [], True, False)
        else:
            parts.append(any_of(trigrams))
    short = all(len(t) < TRIGRAM for t in words)
    return Plan(words, " AND ".join(parts) or None, scanned, False, short)


def _matching(p: Plan, filters: Filters, *columns: Any) -> Select:
    """SELECT `columns` of the index rows that match the plan and pass `filters`."""
    stmt = select(*columns).select_from(FTS)
    if filters != EVERYTHING:
        stmt = filtered(stmt.join(models.Article, models.Article.id == FTS.c.rowid), filters)
    if p.expression is not None:
        stmt = stmt.where(FTS_TABLE.op("MATCH")(p.expression))
    return stmt.where(*(_contains(term) for term in p.scanned))


def _count(session: Session, p: Plan, filters: Filters) -> int:
    return 0 if p.hopeless else session.scalar(_matching(p, filters, func.count())) or 0


def _ranked(
    session: Session, p: Plan, filters: Filters, limit: int | None
) -> list[tuple[int, float]]:
    if p.hopeless:
        return []
    if p.short:
        score = sum(
            (
                WEIGHTS[name] * func.occurrences(cast(FTS.c[name], LargeBinary), term)
                for term in p.words
                for name in WEIGHTS
            ),
            start=literal_column("0.0"),
        )
    else:
        score = -func.bm25(FTS_TABLE, *WEIGHTS.values())  # bm25: lower is better
    tagged = FTS.c.rowid.in_(
        select(models.ArticleKeyword.article_id)
        .join(models.Keyword, models.Keyword.id == models.ArticleKeyword.keyword_id)
        .where(models.Keyword.word.in_(p.words))
    )
    stmt = _matching(p, filters, FTS.c.rowid, score.label("score"), tagged.label("tagged"))
    stmt = stmt.order_by(
        literal_column("tagged").desc(), literal_column("score").desc(), FTS.c.rowid
    ).limit(limit)
    return [(article_id, float(s)) for article_id, s, _ in session.execute(stmt)]


def count(session: Session, query: str, filters: Filters = EVERYTHING) -> int:
    """How many articles match."""
    return _count(session, plan(session, query), filters)


def ranked(
    session: Session, query: str, filters: Filters = EVERYTHING, limit: int | None = None
) -> list[tuple[int, float]]:
    """The matching articles' ids and scores, best first: all, or the best `limit`."""
    return _ranked(session, plan(session, query), filters, limit)


def snippet(query: str, title: str, body: str, keywords: str = "", width: int = 60) -> str:
    """Some `width` characters of the body around the first match, each match
    marked 【so】; the title or keywords where the body has none.

    >>> body = "开头。" * 30 + "从走访中体察民情，收集民情。" + "结尾。" * 30
    >>> snippet("民情", "题", body, width=20)
    '…从走访中体察【民情】，收集【民情】。结尾。结尾。…'
    >>> snippet("代表 站", "代表工作站", "无关正文。")
    '【代表】工作【站】'
    >>> snippet("ai", "", "人工智能(AI)与立法")
    '人工智能(【AI】)与立法'
    """
    words = terms(query)
    pattern = re.compile("|".join(re.escape(t) for t in words), re.IGNORECASE)
    body = body.replace("\n", " ")
    for text in (body, title, keywords):
        if (found := pattern.search(text)) is not None:
            break
    else:
        return body[:width] + ("…" if len(body) > width else "")
    start = max(0, found.start() - width // 3)
    end = min(len(text), start + width)
    start = max(0, end - width)
    marked = pattern.sub(lambda m: f"【{m.group(0)}】", text[start:end])
    return ("…" if start > 0 else "") + marked + ("…" if end < len(text) else "")


def search(
    session: Session, query: str, filters: Filters = EVERYTHING, limit: int | None = 20
) -> tuple[list[Hit], int]:
    """The best `limit` hits (all with None) with their snippets, and how many matched."""
    p = plan(session, query)
    if p.short or limit is None:  # every match is scored anyway: once
        scores = _ranked(session, p, filters, None)
        top, total = scores[:limit] if limit is not None else scores, len(scores)
    else:
        top, total = _ranked(session, p, filters, limit), _count(session, p, filters)
    texts = {
        rowid: (title, body, keywords)
        for rowid, title, body, keywords in session.execute(
            select(FTS.c.rowid, FTS.c.title, FTS.c.body, FTS.c.keywords).where(
                FTS.c.rowid.in_([article_id for article_id, _ in top])
            )
        )
    }
    hits = [
        Hit(i, s, snippet(query, *(text.removesuffix(END) for text in texts[i]))) for i, s in top
    ]
    return hits, total
