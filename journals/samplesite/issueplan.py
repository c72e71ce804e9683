"""The journals of the sample site and their issues: the five journals, which
issues of each year are in the corpus and how many articles each has, when an
issue was posted, the aggregator's article numbers, and the journals put
together from the articles' drafts (with each issue's table of contents from
`tocplan`)."""

from __future__ import annotations

import math
import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from journals.samplesite.samples import Block, SampleArticle, SampleIssue, SampleJournal
from journals.samplesite.tocplan import table_of_contents


@dataclass(frozen=True)
class JournalSpec:
    code: str
    name: str
    province: str
    first_year: int
    label: str  # format of the issue label, with {year} and {issue}
    numbers_per_year: int = 12  # 24 for a semi-monthly
    every_issue: bool = False  # all issues of each year are in the corpus
    fixed: tuple[tuple[int, tuple[str, ...]], ...] = ()  # issues that must be there
    max_articles: int = 3


JOURNALS = (
    JournalSpec(
        "shrdyk", "上海人大月刊", "上海", 2016, "{year}年{issue}期", fixed=((2018, ("9",)),)
    ),
    JournalSpec(
        "zjrd",
        "浙江人大",
        "浙江",
        2014,
        "{year}年{issue}期",
        fixed=((2014, ("6",)), (2015, ("Z1",))),
    ),
    JournalSpec("tjrd", "天津人大", "天津", 2016, "{year}年{issue}期", fixed=((2017, ("6",)),)),
    JournalSpec(
        "rdyj", "人大研究", "甘肃", 2015, "{year}年第{issue}期", every_issue=True, max_articles=2
    ),
    JournalSpec(
        "gmyfz",
        "公民与法治",
        "河北",
        2019,
        "{year}年{issue}期",
        numbers_per_year=24,
        fixed=((2020, ("Z1", "8")),),
    ),
)
PROVINCES = {
    "上海": "上海市",
    "浙江": "浙江省",
    "天津": "天津市",
    "甘肃": "甘肃省",
    "河北": "河北省",
}

# The seed article, which the mirror host serves: its id, time and issue.
SEED_ARTICLE_ID = 5108306
SEED_POSTED_AT = datetime(2018, 11, 20, 1, 18, 20)
SEED_ISSUE = ("shrdyk", 2018, "9")
IDS_PER_DAY = 1100  # how fast the aggregator's article numbers grow


def issue_month(journal: SampleJournal | str, issue: SampleIssue | str) -> int:
    """The month an issue belongs to; a combined issue `Zn` counts as its later half.

    >>> issue_month("shrdyk", "9"), issue_month("zjrd", "Z1"), issue_month("gmyfz", "8")
    (9, 2, 4)
    """
    code = journal if isinstance(journal, str) else journal.code
    number = issue if isinstance(issue, str) else issue.issue
    per_year = next(s.numbers_per_year for s in JOURNALS if s.code == code)
    n = 2 * int(number[1:]) if number.startswith("Z") else int(number)
    return math.ceil(n * 12 / per_year)


def issue_number(issue: str) -> float:
    """Where an issue comes in its year: `Z1` (issues 1 and 2) between 1 and 3.

    >>> sorted(["10", "9", "Z1", "3"], key=issue_number)
    ['Z1', '3', '9', '10']
    """
    return 2 * int(issue[1:]) - 0.5 if issue.startswith("Z") else int(issue)


@dataclass
class Draft:
    spec: JournalSpec
    year: int
    issue: str
    title: str
    authors: tuple[str, ...]
    keywords: tuple[str, ...]
    show_time: bool
    blocks: tuple[Block, ...]
    posted_at: datetime | None = None
    id: int = 0


def plan_issues(spec: JournalSpec, rng: random.Random) -> list[tuple[int, str, int]]:
    """(year, issue, number of articles) of the journal, oldest first."""
    out = []
    for year in range(spec.first_year, spec.first_year + 3):
        fixed = dict(spec.fixed).get(year, ())
        if spec.every_issue:
            numbers = [str(n) for n in range(1, spec.numbers_per_year + 1)]
        else:
            taken = {"1", "2"} if "Z1" in fixed else set()
            free = [
                str(n)
                for n in range(1, spec.numbers_per_year + 1)
                if str(n) not in taken and str(n) not in fixed
            ]
            wanted = rng.choice((3, 3, 4, 4, 5)) - len(fixed)
            numbers = list(fixed) + rng.sample(free, max(0, wanted))
        numbers.sort(key=issue_number)
        for number in numbers:
            if spec.max_articles == 2:
                count = rng.choices((1, 2), weights=(75, 25))[0]
            else:
                count = rng.choices((1, 2, 3), weights=(55, 35, 10))[0]
            if (spec.code, year, number) == SEED_ISSUE:
                count = 2
            out.append((year, number, count))
    return out


def post_issues(drafts: list[Draft], rng: random.Random) -> None:
    """Issues are posted in one batch, 5–115 days after their month; articles seconds apart."""
    batches: dict[tuple[str, int, str], list[Draft]] = defaultdict(list)
    for draft in drafts:
        batches[draft.spec.code, draft.year, draft.issue].append(draft)
    for (code, year, issue), members in batches.items():
        month = issue_month(code, issue)
        after = datetime(year + month // 12, month % 12 + 1, 1)
        if (code, year, issue) == SEED_ISSUE:
            at = SEED_POSTED_AT - timedelta(seconds=rng.randint(20, 40))
        else:
            at = after + timedelta(days=rng.randint(5, 114), seconds=rng.randint(0, 86399))
        for draft in members:
            draft.posted_at = at
            at += timedelta(seconds=rng.randint(3, 40))
            if at == SEED_POSTED_AT:
                at += timedelta(seconds=1)


def number_articles(drafts: list[Draft], rng: random.Random) -> None:
    """Ids grow with posting time (about IDS_PER_DAY a day) and skip the seed's id."""

    def near(at: datetime) -> int:
        days = (at - SEED_POSTED_AT).total_seconds() / 86400
        return SEED_ARTICLE_ID + round(days * IDS_PER_DAY) + rng.randint(-150, 150)

    ordered = sorted(drafts, key=lambda d: d.posted_at)
    before = [d for d in ordered if d.posted_at < SEED_POSTED_AT]
    later = [d for d in ordered if d.posted_at >= SEED_POSTED_AT]
    upper = SEED_ARTICLE_ID
    for draft in reversed(before):
        draft.id = upper = min(near(draft.posted_at), upper - rng.randint(1, 9))
    lower = SEED_ARTICLE_ID
    for draft in later:
        draft.id = lower = max(near(draft.posted_at), lower + rng.randint(1, 9))


def assemble(spec: JournalSpec, drafts: list[Draft]) -> SampleJournal:
    """The journal of `spec` with its issues, newest first, each with its articles by id."""
    issues: dict[tuple[int, str], list[Draft]] = defaultdict(list)
    for draft in drafts:
        if draft.spec is spec:
            issues[draft.year, draft.issue].append(draft)
    ordered = sorted(issues, key=lambda k: (k[0], issue_number(k[1])), reverse=True)
    return SampleJournal(
        code=spec.code,
        name=spec.name,
        province=spec.province,
        issues=tuple(
            SampleIssue(
                year=year,
                issue=issue,
                label=spec.label.format(year=year, issue=issue),
                articles=_listed(spec.code, year, issue, issues[year, issue]),
            )
            for year, issue in ordered
        ),
    )


def _listed(code: str, year: int, issue: str, drafts: list[Draft]) -> tuple[SampleArticle, ...]:
    """An issue's articles by id, each with its column and position (`tocplan`)."""
    drafts = sorted(drafts, key=lambda d: d.id)
    places = table_of_contents(code, year, issue, [d.id for d in drafts])
    return tuple(_final(d, *place) for d, place in zip(drafts, places, strict=True))


def _final(draft: Draft, column: str, position: int) -> SampleArticle:
    assert draft.posted_at is not None
    return SampleArticle(
        id=draft.id,
        title=draft.title,
        authors=draft.authors,
        posted_at=draft.posted_at,
        show_time=draft.show_time,
        keywords=draft.keywords,
        blocks=draft.blocks,
        column=column,
        position=position,
    )
