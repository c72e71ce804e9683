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
of occurrences weighted the same way; then by id.

A query of short terms only (and no letter with case beyond ASCII's, see
`grams.indexable`) is answered by the short-word index instead
(`articles_fts_short`, pipelines/db/grams.py), with the same results: each
term is one token there, and the articles whose row waits to be brought up to
date (`articles_fts_short_pending`) are matched by a scan of their text. Its
tier tokens (`人大:12`: the term weighs 64 or more in the article) bound the
ranking: the best `limit` are taken from the articles of the highest tier
that holds enough of them, and counted exactly there, once no article
outside that tier can weigh more than the last of them; the other matches are
counted, not ranked.

On PostgreSQL, which has none of these indexes, journals/pgsearch.py gives
the same results, scores and order."""

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
    union,
)
from sqlalchemy.orm import Session

from journals import pgsearch
from journals.filters import EVERYTHING, Filters, filtered
from pipelines.db import grams, models

FTS = table("articles_fts", column("rowid"), column("title"), column("body"), column("keywords"))
FTS_TABLE = literal_column("articles_fts")
VOCAB = table("articles_fts_vocab", column("term"))
END = "\n\n"  # after each indexed value
VOCAB_LIMIT = 5000  # trigrams a short term may expand to before it is scanned for
WEIGHTS = {"title": 10.0, "body": 1.0, "keywords": 5.0}
TRIGRAM = 3  # the shortest term the index can find
SHORT = table("articles_fts_short", column("rowid"))
SHORT_TABLE = literal_column("articles_fts_short")
IDS = table("articles_fts_short_ids", column("id"), column("article_id"))
PENDING = table("articles_fts_short_pending", column("id"))
TOP_LEVEL = 150  # tiers searched: weights up to about 2**40
WHOLE = 200  # matches ranked all at once rather than by tiers


class QueryError(ValueError):
    """A query with nothing to search for."""


class NoIndex(QueryError):
    """The database has no full-text index to search."""


def on_postgresql(session: Session) -> bool:
    """Whether the database is PostgreSQL, searched by journals/pgsearch.py;
    NoIndex for a database other than it and SQLite."""
    dialect = session.get_bind().dialect.name
    if dialect not in ("sqlite", "postgresql"):
        raise NoIndex(
            f"search needs SQLite's or PostgreSQL's indexes, not {dialect}'s; search a copy"
            " made with `journals export --format sqlite -o articles.db`"
        )
    return dialect == "postgresql"


def _postgresql_ranked(
    session: Session, query: str, filters: Filters
) -> list[tuple[pgsearch.Row, float]]:
    words = terms(query)
    if not words:
        raise QueryError("the query is empty")
    return pgsearch.ranked_rows(
        session, words, filters, weights=WEIGHTS, trigram=TRIGRAM, vocab_limit=VOCAB_LIMIT
    )


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
        # `+ 0`: the index's matches each look up their article; the other way
        # round, the index would be asked once per article that passes the filters
        stmt = filtered(stmt.join(models.Article, models.Article.id == FTS.c.rowid + 0), filters)
    if p.expression is not None:
        stmt = stmt.where(FTS_TABLE.op("MATCH")(p.expression))
    return stmt.where(*(_contains(term) for term in p.scanned))


def _count(session: Session, p: Plan, filters: Filters) -> int:
    return 0 if p.hopeless else session.scalar(_matching(p, filters, func.count())) or 0


def _occurrences(words: Sequence[str]) -> ColumnElement[Any]:
    """The weighted number of occurrences of `words` in an index row."""
    return sum(
        (
            WEIGHTS[name] * func.occurrences(cast(FTS.c[name], LargeBinary), term)
            for term in words
            for name in WEIGHTS
        ),
        start=literal_column("0.0"),
    )


def _tagged_ids(words: Sequence[str]) -> Select:
    """The articles with a keyword equal to one of `words`."""
    return (
        select(models.ArticleKeyword.article_id)
        .join(models.Keyword, models.Keyword.id == models.ArticleKeyword.keyword_id)
        .where(models.Keyword.word.in_(words))
    )


def _ranked(
    session: Session, p: Plan, filters: Filters, limit: int | None
) -> list[tuple[int, float]]:
    if p.hopeless:
        return []
    # bm25: lower is better
    score = _occurrences(p.words) if p.short else -func.bm25(FTS_TABLE, *WEIGHTS.values())
    tagged = FTS.c.rowid.in_(_tagged_ids(p.words))
    stmt = _matching(p, filters, FTS.c.rowid, score.label("score"), tagged.label("tagged"))
    stmt = stmt.order_by(
        literal_column("tagged").desc(), literal_column("score").desc(), FTS.c.rowid
    ).limit(limit)
    return [(article_id, float(s)) for article_id, s, _ in session.execute(stmt)]


def short_words(session: Session, words: Sequence[str]) -> bool:
    """Whether the short-word index answers a query of these terms: each is one
    it finds exactly (one or two characters, see `grams.indexable`), and the
    database has it."""
    return all(map(grams.indexable, words)) and grams.exists(session.connection())


class _Short:
    """A query of short terms through the short-word index, whose rows are
    numbered apart from the articles (IDS maps them)."""

    def __init__(self, session: Session, words: Sequence[str], filters: Filters) -> None:
        self.session = session
        self.words = list(words)
        self.filters = filters
        self.expression = " AND ".join(phrase(grams.token(t)) for t in words)
        waiting = select(literal_column("1")).select_from(PENDING).limit(1)
        self.pending = session.scalar(waiting) is not None
        self.tagged = session.scalar(_tagged_ids(words).limit(1)) is not None
        self.total: int | None = None  # how many match, once known
        self.counted: dict[bool, int] = {}  # how many are (or are not) tagged, once known

    def level(self, level: int) -> str:
        """The FTS5 query for the matches with a term weighing threshold(level)
        or more (level 0: every match)."""
        if level == 0:
            return self.expression
        tiers = " OR ".join(phrase(grams.tier(t, level)) for t in self.words)
        return tiers if len(self.words) == 1 else f"({tiers}) AND {self.expression}"

    def _rows(self, articles: Select) -> Select:
        """The index's row numbers of the articles `articles` selects."""
        return select(IDS.c.id).where(IDS.c.article_id.in_(articles))

    def indexed(self, expression: str, tagged: bool | None = None) -> Select:
        """The index's row numbers of the matches of an FTS5 query that pass the
        filters (and are, or are not, tagged), but for the pending articles."""
        row = SHORT.c.rowid + 0  # `+ 0`: checked on each match, not a lookup of each
        stmt = select(SHORT.c.rowid).select_from(SHORT)
        if self.filters != EVERYTHING:
            stmt = filtered(
                stmt.join(IDS, IDS.c.id == row).join(
                    models.Article, models.Article.id == IDS.c.article_id
                ),
                self.filters,
            )
        stmt = stmt.where(SHORT_TABLE.op("MATCH")(expression))
        if self.pending:
            stmt = stmt.where(row.not_in(self._rows(select(PENDING.c.id))))
        if tagged is not None:
            stmt = stmt.where(self._tagged(row, self._rows(_tagged_ids(self.words)), tagged))
        return stmt

    def _tagged(self, row: Any, tagged_rows: Select, tagged: bool) -> ColumnElement[bool]:
        if not self.tagged:
            return literal_column("1") == (0 if tagged else 1)
        return row.in_(tagged_rows) if tagged else row.not_in(tagged_rows)

    def waiting(self, tagged: bool | None = None) -> Select | None:
        """The matches among the articles the index has not caught up with, by their text."""
        if not self.pending:
            return None
        stmt = select(FTS.c.rowid).select_from(FTS)
        if self.filters != EVERYTHING:
            stmt = filtered(
                stmt.join(models.Article, models.Article.id == FTS.c.rowid + 0), self.filters
            )
        stmt = stmt.where(FTS.c.rowid.in_(select(PENDING.c.id)), *map(_contains, self.words))
        if tagged is not None:
            stmt = stmt.where(self._tagged(FTS.c.rowid + 0, _tagged_ids(self.words), tagged))
        return stmt

    def size(self, stmt: Select | None) -> int:
        if stmt is None:
            return 0
        return self.session.scalar(select(func.count()).select_from(stmt.subquery())) or 0

    def enough(self, stmt: Select, count: int) -> bool:
        """Whether `stmt` selects `count` rows or more (read no further)."""
        return self.size(stmt.limit(count)) >= count

    def count(self) -> int:
        if self.total is None and len(self.counted) == (2 if self.tagged else 1):
            self.total = sum(self.counted.values())
        if self.total is None:
            self.total = self.size(self.indexed(self.expression)) + self.size(self.waiting())
        return self.total

    def every(self, rows: Select | list[int], tagged: bool, limit: int) -> list[tuple[int, float]]:
        """The best `limit` of all the matches in a group (`rows`), which are counted too."""
        found = self.scored(rows, tagged, None)
        self.counted[tagged] = len(found)
        return found[:limit]

    def listed(self, tagged: bool | None = None) -> list[int] | None:
        """The index's row numbers of all the matches (that are, or are not,
        tagged) if there are at most WHOLE of them; else None. Stops reading at
        WHOLE + 1, so that it costs little either way."""
        rows = self.session.scalars(self.indexed(self.expression, tagged).limit(WHOLE + 1)).all()
        return None if len(rows) > WHOLE else list(rows)

    def scored(
        self, rows: Select | list[int], tagged: bool | None, limit: int | None
    ) -> list[tuple[int, float]]:
        """The ids and scores, best first (as `_ranked`), of the indexed matches
        with these row numbers and of the pending matches (that are, or are
        not, tagged)."""
        articles = select(IDS.c.article_id).where(IDS.c.id.in_(rows))
        waiting = self.waiting(tagged)
        candidates = articles if waiting is None else union(articles, waiting)
        score = _occurrences(self.words)
        is_tagged = FTS.c.rowid.in_(_tagged_ids(self.words))
        stmt = (
            select(FTS.c.rowid, score.label("score"), is_tagged.label("tagged"))
            .where(FTS.c.rowid.in_(candidates))
            .order_by(literal_column("tagged").desc(), literal_column("score").desc(), FTS.c.rowid)
            .limit(limit)
        )
        return [(article_id, float(s)) for article_id, s, _ in self.session.execute(stmt)]

    def ranked(self, limit: int | None) -> list[tuple[int, float]]:
        """The best `limit` matches (all with None), best first."""
        if limit is None:
            return self.scored(self.indexed(self.expression), None, None)
        few = self.listed()
        if few is not None:  # all of them, counted and ranked at once
            best = self.scored(few, None, None)
            self.total = len(best)
            return best[:limit]
        best: list[tuple[int, float]] = []
        for tagged in (True, False) if self.tagged else (False,):
            if len(best) < limit:  # the tagged first, whatever their scores
                best += self.best(limit - len(best), tagged)
        return best

    def best(self, limit: int, tagged: bool) -> list[tuple[int, float]]:
        """The best `limit` matches that are (or are not) tagged.

        Each indexed article outside the candidates of a level weighs less than
        the level's threshold in each term, so that it scores at most `bound`:
        once the last of the best `limit` candidates scores more, none of those
        outside can be among the best. Else a lower level, with more
        candidates; level 0 is every match."""
        few = self.listed(tagged)
        if few is not None:
            return self.every(few, tagged, limit)
        level, high = grams.LOWEST, TOP_LEVEL  # the highest level with `limit` candidates
        if not self.enough(self.indexed(self.level(level), tagged), limit):
            return self.every(self.indexed(self.expression, tagged), tagged, limit)
        while level < high:
            middle = (level + high + 1) // 2
            if self.enough(self.indexed(self.level(middle), tagged), limit):
                level = middle
            else:
                high = middle - 1
        while True:
            if level == 0:
                return self.every(self.indexed(self.expression, tagged), tagged, limit)
            found = self.scored(self.indexed(self.level(level), tagged), tagged, limit)
            if len(found) == limit and found[-1][1] > self.bound(level):
                return found
            last = found[-1][1] if len(found) == limit else 0.0
            level -= 1
            while level >= grams.LOWEST and self.bound(level) >= last:
                level -= 1  # no use stopping where `last` would not be enough
            if level < grams.LOWEST:
                level = 0

    def bound(self, level: int) -> int:
        """The highest score of an indexed article outside the candidates of `level`."""
        return len(self.words) * (grams.threshold(level) - 1)


def count(session: Session, query: str, filters: Filters = EVERYTHING) -> int:
    """How many articles match."""
    if on_postgresql(session):
        return len(_postgresql_ranked(session, query, filters))
    words = terms(query)
    if words and short_words(session, words):
        return _Short(session, words, filters).count()
    return _count(session, plan(session, query), filters)


def ranked(
    session: Session, query: str, filters: Filters = EVERYTHING, limit: int | None = None
) -> list[tuple[int, float]]:
    """The matching articles' ids and scores, best first: all, or the best `limit`."""
    if on_postgresql(session):
        return pgsearch.ids(_postgresql_ranked(session, query, filters)[:limit])
    words = terms(query)
    if words and short_words(session, words):
        return _Short(session, words, filters).ranked(limit)
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
    if on_postgresql(session):
        found = _postgresql_ranked(session, query, filters)
        return [
            Hit(row.id, score, snippet(query, row.title, row.body, row.keywords))
            for row, score in found[:limit]
        ], len(found)
    words = terms(query)
    if words and short_words(session, words):
        short = _Short(session, words, filters)
        top = short.ranked(limit)
        total = len(top) if limit is None else short.count()
    else:
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
