"""Search on PostgreSQL, with the results SQLite's indexes give (journals/search.py).

PostgreSQL has no FTS5. The articles that hold every term (in the title, the
body or the keywords line, ASCII letters in either case) are found with
ILIKE, which the trigram indexes of `pg_trgm` serve for terms of three
characters or more (migrations/dialects.py; a shorter term reads every
article, so that its matches stay complete). Their texts are then read, and each match
is checked and scored here as SQLite scores it:

- a query of short terms only: the occurrences of each term, a match in the
  title weighing 10, in the keywords 5, in the body 1 (`occurrences`);
- any other: FTS5's BM25 (k1 1.2, b 0.75, the same column weights) over the
  phrases SQLite's query holds: each long term, and for each short term every
  trigram of the index that it begins (unless more than VOCAB_LIMIT, where
  SQLite matches the term by a scan and does not score it). The statistics
  BM25 needs (articles, trigrams, articles holding each phrase) are counted
  over all articles, as FTS5 keeps them.

Then the tagged first, the score, the id: SQLite's order. Each value is
indexed as SQLite indexes it, followed by two line breaks.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, and_, func, literal, or_, select, true, union
from sqlalchemy.orm import Session

from journals.filters import EVERYTHING, Filters, filtered
from pipelines.db import models
from pipelines.db.database import occurrences

K1, B = 1.2, 0.75  # FTS5's bm25()
END = "\n\n"
COLUMNS = ("title", "body", "keywords")
SEPARATOR = "；"  # between the keywords of an article's indexed keywords line
BATCH = 1000  # articles read at a time: memory stays flat however many match


@dataclass(frozen=True)
class Row:
    id: int
    title: str
    body: str
    keywords: str

    def values(self) -> tuple[str, str, str]:
        return self.title + END, self.body + END, self.keywords + END


def keywords_line() -> ColumnElement[str]:
    """An article's keywords in order, joined with `；` ('' for none): what the
    SQLite index holds as its keywords."""
    from sqlalchemy.dialects.postgresql import aggregate_order_by

    return (
        select(
            func.coalesce(
                func.string_agg(
                    models.Keyword.word,
                    aggregate_order_by(literal(SEPARATOR), models.ArticleKeyword.position),
                ),
                "",
            )
        )
        .select_from(models.ArticleKeyword)
        .join(models.Keyword, models.Keyword.id == models.ArticleKeyword.keyword_id)
        .where(models.ArticleKeyword.article_id == models.Article.id)
        .scalar_subquery()
    )


def like_pattern(term: str) -> str:
    r"""A LIKE pattern for a substring, its wildcards escaped.

    >>> like_pattern("5%_a\\b")
    '%5\\%\\_a\\\\b%'
    """
    return "%" + re.sub(r"([%_\\])", r"\\\1", term) + "%"


def holds(term: str) -> ColumnElement[bool]:
    """Whether an article holds `term` in any column (ILIKE: a superset of the
    matches, checked again in Python). The articles are looked up in each
    column apart, so that each lookup can use its trigram index."""
    pattern = like_pattern(term)
    found = [
        select(models.Article.id).where(
            or_(models.Article.title.ilike(pattern), models.Article.body.ilike(pattern))
        ),
        select(models.ArticleKeyword.article_id)
        .join(models.Keyword, models.Keyword.id == models.ArticleKeyword.keyword_id)
        .where(models.Keyword.word.ilike(pattern)),
    ]
    if SEPARATOR in term:  # it may span two keywords
        found.append(select(models.Article.id).where(keywords_line().ilike(pattern)))
    return models.Article.id.in_(union(*found))


def fold(text: str) -> str:
    """Text as the trigram index compares it: in lower case.

    >>> fold("AI与Ai")
    'ai与ai'
    """
    return text.lower()


def matches(row: Row, words: Sequence[str]) -> bool:
    """Whether every term occurs in one of the row's values, case folded."""
    folded = [fold(value) for value in row.values()]
    return all(any(fold(term) in value for value in folded) for term in words)


def overlapping(text: str, part: str) -> int:
    """How many times `part` occurs in `text`, overlaps included (as FTS5 counts
    a phrase's instances).

    >>> overlapping("aaaa", "aaa"), overlapping("民情民情", "民情")
    (2, 2)
    """
    count, start = 0, text.find(part)
    while start >= 0:
        count += 1
        start = text.find(part, start + 1)
    return count


def _texts() -> Select:
    """Each article's id and indexed texts."""
    return select(
        models.Article.id,
        models.Article.title,
        models.Article.body,
        keywords_line().label("keywords"),
    ).select_from(models.Article)


def _holding(session: Session, term: str) -> Iterator[Row]:
    """Every article that may hold `term` (ILIKE), a batch at a time."""
    texts = _texts().where(holds(term)).execution_options(yield_per=BATCH)
    for found in session.execute(texts):
        yield Row(*found)


def _rows(session: Session, words: Sequence[str], filters: Filters) -> list[Row]:
    stmt = _texts()
    if filters != EVERYTHING:
        stmt = filtered(stmt, filters)
    stmt = stmt.where(and_(true(), *(holds(term) for term in words)))
    found = [Row(*row) for row in session.execute(stmt)]
    return [row for row in found if matches(row, words)]


def _tagged(session: Session, words: Sequence[str]) -> set[int]:
    return set(
        session.scalars(
            select(models.ArticleKeyword.article_id)
            .join(models.Keyword, models.Keyword.id == models.ArticleKeyword.keyword_id)
            .where(models.Keyword.word.in_(list(words)))
        )
    )


def _short_score(row: Row, words: Sequence[str], weights: dict[str, float]) -> float:
    """The weighted occurrences of the terms, counted as SQLite's `occurrences`
    counts them in the index's values (as UTF-8, ASCII letters folded)."""
    score = 0.0
    for term in words:
        for name, value in zip(COLUMNS, row.values(), strict=True):
            score += weights[name] * occurrences(value.encode(), term)
    return score


class _Bm25:
    """FTS5's bm25() for the phrases of a query, with FTS5's statistics: how
    many articles, their trigrams, and how many articles hold each phrase,
    counted over all articles (the database sums the lengths; the articles
    holding a phrase are looked up through the trigram indexes)."""

    def __init__(self, session: Session, words: Sequence[str], trigram: int, limit: int) -> None:
        # in the order of SQLite's query, a phrase there twice counted twice
        self.phrases = [fold(t) for t in words if len(t) >= trigram]
        self.hits = {
            term: sum(1 for row in _holding(session, term) if matches(row, [term]))
            for term in self.phrases
        }
        for term in (fold(t) for t in words if len(t) < trigram):
            begun = self._begun_by(session, term, trigram)
            if len(begun) <= limit:  # else SQLite matches the term by a scan: unscored
                self.phrases += sorted(begun)
                self.hits.update(begun)
        # a value of n characters, with its two line breaks, is n trigrams
        texts = _texts().subquery()
        self.rows, tokens = session.execute(
            select(
                func.count(),
                func.coalesce(
                    func.sum(
                        func.char_length(texts.c.title)
                        + func.char_length(texts.c.body)
                        + func.char_length(texts.c.keywords)
                    ),
                    0,
                ),
            )
        ).one()
        self.avgdl = int(tokens) / self.rows if self.rows else 0.0
        self.idf = {}
        for phrase, hits in self.hits.items():
            idf = math.log((self.rows - hits + 0.5) / (hits + 0.5))
            self.idf[phrase] = idf if idf > 0.0 else 1e-6

    @staticmethod
    def _begun_by(session: Session, term: str, trigram: int) -> dict[str, int]:
        """The trigrams of the index that `term` begins, with how many articles hold each."""
        begun: dict[str, int] = {}
        for row in _holding(session, term):
            held: set[str] = set()
            for value in map(fold, row.values()):
                start = value.find(term)
                while start >= 0:
                    if start + trigram <= len(value):
                        held.add(value[start : start + trigram])
                    start = value.find(term, start + 1)
            for gram in held:
                begun[gram] = begun.get(gram, 0) + 1
        return begun

    def score(self, row: Row, weights: dict[str, float]) -> float:
        values = [fold(value) for value in row.values()]
        size = float(sum(max(len(value) - 2, 0) for value in values))
        score = 0.0
        for phrase in self.phrases:
            frequency = 0.0
            for name, value in zip(COLUMNS, values, strict=True):
                frequency += weights[name] * overlapping(value, phrase)
            score += self.idf[phrase] * (
                (frequency * (K1 + 1.0)) / (frequency + K1 * (1 - B + B * size / self.avgdl))
            )
        return score


def ranked_rows(
    session: Session,
    words: Sequence[str],
    filters: Filters,
    *,
    weights: dict[str, float],
    trigram: int,
    vocab_limit: int,
) -> list[tuple[Row, float]]:
    """Every match with its score, best first."""
    rows = _rows(session, words, filters)
    if not rows:
        return []
    tagged = _tagged(session, words)
    if all(len(term) < trigram for term in words):
        scores = [_short_score(row, words, weights) for row in rows]
    else:
        bm25 = _Bm25(session, words, trigram, vocab_limit)
        scores = [bm25.score(row, weights) for row in rows]
    order = sorted(
        zip(rows, scores, strict=True),
        key=lambda pair: (pair[0].id not in tagged, -pair[1], pair[0].id),
    )
    return order


def ids(pairs: Iterable[tuple[Row, float]]) -> list[tuple[int, float]]:
    """The ids and scores of ranked rows."""
    return [(row.id, score) for row, score in pairs]
