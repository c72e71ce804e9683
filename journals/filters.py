"""Which articles a search or an export covers: journals, province, years,
issue, column, author, keyword. Every value becomes a bound parameter."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, exists

from pipelines.db import models
from pipelines.db.catalogue import PROVINCES


@dataclass(frozen=True)
class Filters:
    journals: tuple[str, ...] = ()  # any of these names
    province: str | None = None  # short name: 浙江
    years: tuple[int, int] | None = None  # first and last year
    issue: str | None = None  # as printed: 9, Z1, 1-2
    columns: tuple[str, ...] = ()  # any of these columns (栏目) of the table of contents
    author: str | None = None  # an author's exact name
    keyword: str | None = None  # a keyword, exactly


EVERYTHING = Filters()  # no filter: every article


def province_name(value: str) -> str:
    """The catalogue's short name of a province given either way; else as given.

    >>> province_name("浙江省"), province_name("上海市"), province_name("广西壮族自治区")
    ('浙江', '上海', '广西')
    >>> province_name("甘肃"), province_name("火星")
    ('甘肃', '火星')
    """
    value = value.strip()
    return next((short for short in PROVINCES if value.startswith(short)), value)


def conditions(filters: Filters) -> list[ColumnElement[bool]]:
    """WHERE conditions over articles outer-joined with journals and issues: a
    filter on the journal, its province or the issue leaves out the articles
    stored with no journal."""
    article = models.Article
    where: list[ColumnElement[bool]] = []
    if filters.journals:
        where.append(models.Journal.name.in_(filters.journals))
    if filters.province:
        where.append(models.Journal.province == province_name(filters.province))
    if filters.years:
        where.append(models.Issue.year.between(*filters.years))
    if filters.issue:
        where.append(models.Issue.issue == filters.issue.strip())
    if filters.columns:
        where.append(article.column.in_(filters.columns))
    if filters.author:
        where.append(
            exists()
            .where(models.ArticleAuthor.article_id == article.id)
            .where(models.ArticleAuthor.author_id == models.Author.id)
            .where(models.Author.name == filters.author.strip())
        )
    if filters.keyword:
        where.append(
            exists()
            .where(models.ArticleKeyword.article_id == article.id)
            .where(models.ArticleKeyword.keyword_id == models.Keyword.id)
            .where(models.Keyword.word == filters.keyword.strip())
        )
    return where


def filtered(query: Select, filters: Filters) -> Select:
    """`query` (selecting from articles) joined and restricted by `filters`;
    articles with no journal are in it unless a filter needs the journal."""
    return (
        query.outerjoin(models.Article.journal)
        .outerjoin(models.Article.issue)
        .where(*conditions(filters))
    )
