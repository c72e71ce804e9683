"""The sample site's records as its pages show them: journals, their issues,
the articles of each (with the column and place the issue's table of contents
gives them), an article's body as headings and paragraphs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal


@dataclass(frozen=True)
class Block:
    kind: Literal["heading", "paragraph"]
    text: str


@dataclass(frozen=True)
class SampleArticle:
    id: int  # the aggregator's article number: unique 7-digit int
    title: str
    authors: tuple[str, ...]  # 0 to 4 personal names; () means no author shown
    posted_at: datetime  # the aggregator's posting time, 5–120 days after the issue's month
    show_time: bool  # False: the page shows only the date
    keywords: tuple[str, ...]  # () or 2–5 keywords, each in the title or the body
    blocks: tuple[Block, ...]  # the body in order, without the author line
    column: str  # the issue's column (栏目) the table of contents lists it under
    position: int  # 1-based place in the issue's table of contents, in page order


@dataclass(frozen=True)
class SampleIssue:
    year: int
    issue: str  # "9", "12", "Z1" (combined issue)
    label: str  # as the site prints it: "2018年9期", "2016年第3期", "2015年Z1期"
    articles: tuple[SampleArticle, ...]


@dataclass(frozen=True)
class SampleJournal:
    code: str  # URL slug
    name: str
    province: str
    issues: tuple[SampleIssue, ...]  # newest first
