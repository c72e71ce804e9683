"""Content of the sample site: journals, issues and articles of local people's congresses.

Everything is synthetic, written for this project. The prose lives in
`texts/*.txt` (sentences, headings, title templates, names and places; see
`texts/README.md`); this module composes articles from it with one seeded
`random.Random`, so `build_corpus()` returns the same data in every process.

Five journals, three consecutive years each. An article is one of:

* a report on one topic (立法, 备案审查, 监督, 预算, 代表工作, 基层民主, 选举,
  理论), with section headings once it is longer than about 1,700 characters;
* a long survey (8,000–15,000 characters) whose sections each take a topic;
* an interview (`记者：…` / `王建华：…`);
* a question of the Q&A column, a news brief: short texts written out whole.

The seed article (上海人大月刊 2018年9期, id 5108306) is not here: the mirror
host serves it. Its issue is, with two other articles posted seconds around it.
"""

from __future__ import annotations

import functools
import math
import random
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Literal

__all__ = [
    "Block",
    "SampleArticle",
    "SampleIssue",
    "SampleJournal",
    "all_articles",
    "build_corpus",
    "issue_month",
]


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


@dataclass(frozen=True)
class _Spec:
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
    _Spec("shrdyk", "上海人大月刊", "上海", 2016, "{year}年{issue}期", fixed=((2018, ("9",)),)),
    _Spec(
        "zjrd",
        "浙江人大",
        "浙江",
        2014,
        "{year}年{issue}期",
        fixed=((2014, ("6",)), (2015, ("Z1",))),
    ),
    _Spec("tjrd", "天津人大", "天津", 2016, "{year}年{issue}期", fixed=((2017, ("6",)),)),
    _Spec(
        "rdyj", "人大研究", "甘肃", 2015, "{year}年第{issue}期", every_issue=True, max_articles=2
    ),
    _Spec(
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

SEED = 3612018
SEED_ARTICLE_ID = 5108306
SEED_POSTED_AT = datetime(2018, 11, 20, 1, 18, 20)
SEED_ISSUE = ("shrdyk", 2018, "9")
IDS_PER_DAY = 1100  # how fast the aggregator's article numbers grow

TEXTS = Path(__file__).resolve().with_name("texts")
TOPICS = (
    "legislation",
    "filing",
    "supervision",
    "budget",
    "deputies",
    "grassroots",
    "elections",
    "theory",
)
RELATED = {
    "legislation": ("filing", "grassroots"),
    "filing": ("legislation",),
    "supervision": ("budget",),
    "budget": ("supervision",),
    "deputies": ("grassroots",),
    "grassroots": ("deputies", "legislation"),
    "elections": ("deputies",),
    "theory": ("legislation", "supervision", "deputies"),
}
TOPIC_WEIGHTS = {
    "legislation": 14,
    "filing": 8,
    "supervision": 16,
    "budget": 10,
    "deputies": 18,
    "grassroots": 10,
    "elections": 5,
    "theory": 9,
}
ELECTION_YEARS = (2016, 2017, 2021)  # county and township congresses were elected
SURVEY_TOPICS = ("legislation", "filing", "supervision", "budget", "deputies", "grassroots")
SURVEY_SUBJECTS = ("地方人大工作", "人民代表大会制度")
LOCAL_TOPICS = ("elections", "grassroots")  # always about a county, never a province
KIND_QUOTA = {"brief": 8, "qa": 8, "interview": 6, "long": 4, "huge": 1}  # the rest: "normal"
HEADINGS_FROM = 1700  # articles this long get section headings
NUMERALS = (
    "一",
    "二",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "十一",
    "十二",
    "十三",
    "十四",
)


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


def _issue_number(issue: str) -> float:
    """Where an issue comes in its year: `Z1` (issues 1 and 2) between 1 and 3.

    >>> sorted(["10", "9", "Z1", "3"], key=_issue_number)
    ['Z1', '3', '9', '10']
    """
    return 2 * int(issue[1:]) - 0.5 if issue.startswith("Z") else int(issue)


@functools.cache
def build_corpus() -> tuple[SampleJournal, ...]:
    """The journals of the sample site, always the same."""
    return _Builder(_Bank(TEXTS), random.Random(SEED)).build()


def all_articles() -> list[tuple[SampleJournal, SampleIssue, SampleArticle]]:
    """Every article with its journal and issue, journals in order, issues newest first."""
    return [(j, i, a) for j in build_corpus() for i in j.issues for a in i.articles]


# --- the text bank -----------------------------------------------------------------------

_TAG = re.compile(r"^@(<?)(\d{4})\s+")
_SLOT = re.compile(r"\{(\w+)\}")


def _dated(line: str, year: int) -> str | None:
    """The line without its year tag, or None where the tag excludes the year."""
    m = _TAG.match(line)
    if not m:
        return line
    ok = year < int(m[2]) if m[1] else year >= int(m[2])
    return line[m.end() :] if ok else None


class _Bank:
    """Sections of the text files: `stem.section` → its occurrences, each a list of lines."""

    def __init__(self, folder: Path) -> None:
        self.sections: dict[str, list[list[str]]] = defaultdict(list)
        for path in sorted(folder.glob("*.txt")):
            current: list[str] | None = None
            for raw in path.read_text(encoding="utf-8").splitlines():
                line = raw.strip()
                if not line or line.startswith("#"):
                    continue
                if line.startswith("[") and line.endswith("]"):
                    current = []
                    self.sections[f"{path.stem}.{line[1:-1]}"].append(current)
                elif current is None:
                    raise ValueError(f"{path.name}: text before the first section: {line}")
                else:
                    current.append(line)

    def lines(self, key: str, year: int = 9999) -> list[str]:
        found = [_dated(line, year) for entry in self.sections[key] for line in entry]
        return [line for line in found if line is not None]

    def words(self, key: str) -> list[str]:
        return [w for entry in self.sections[key] for line in entry for w in line.split()]

    def entries(self, key: str) -> list[list[str]]:
        return self.sections[key]


_NUMBERS = {
    "n": lambda r: str(r.randint(3, 9)),
    "n2": lambda r: str(r.randint(10, 48)),
    "m": lambda r: str(r.randint(40, 180)),
    "k": lambda r: str(r.randint(12, 98) * 10),
    "big": lambda r: str(r.randint(12, 98) * 100),
    "wan": lambda r: f"{r.randint(80, 950) / 10:g}万",
    "money": lambda r: f"{r.randint(12, 480) / 10:g}亿元",
    "pct": lambda r: f"{r.randint(850, 995) / 10:g}%",
    "pct2": lambda r: f"{r.randint(25, 125) / 10:g}%",
}


class _Ctx:
    """What one article is about: its place, year, subject; fills the slots of a template."""

    def __init__(self, rng: random.Random, year: int, month: int, values: dict[str, str]) -> None:
        self.rng, self.year, self.month, self.values = rng, year, month, values

    def fill(self, template: str) -> str:
        return _SLOT.sub(lambda m: self._value(m[1]), template)

    def _value(self, key: str) -> str:
        if key in self.values:  # a value may itself hold slots: `{place}人大代表`
            return self.fill(self.values[key])
        if key == "mon":
            return str(self.rng.randint(1, max(1, self.month - 1)))
        return _NUMBERS[key](self.rng)


class _Decks:
    """One article's supply of sentences: no line comes twice until all run dry."""

    def __init__(self, bank: _Bank, rng: random.Random, year: int) -> None:
        self.bank, self.rng, self.year = bank, rng, year
        self.decks: dict[str, list[str]] = {}

    def deck(self, key: str) -> list[str]:
        if key not in self.decks:
            self.decks[key] = self.bank.lines(key, self.year)
            self.rng.shuffle(self.decks[key])
        return self.decks[key]

    def draw(self, pools: list[tuple[str, float]]) -> str:
        live = [(k, w) for k, w in pools if self.deck(k)]
        if not live:  # the article's own pools are used up: borrow from any topic
            live = [(f"{t}.s", 1.0) for t in (*TOPICS, "common") if self.deck(f"{t}.s")]
        if not live:  # everything used once: start the first pool over
            del self.decks[pools[0][0]]
            return self.draw(pools)
        key = self.rng.choices([k for k, _ in live], weights=[w for _, w in live])[0]
        return self.deck(key).pop()

    def maybe(self, key: str) -> str | None:
        deck = self.deck(key)
        return deck.pop() if deck else None


# --- composing articles ------------------------------------------------------------------


@dataclass
class _Draft:
    spec: _Spec
    year: int
    issue: str
    title: str
    authors: tuple[str, ...]
    keywords: tuple[str, ...]
    show_time: bool
    blocks: tuple[Block, ...]
    posted_at: datetime | None = None
    id: int = 0


class _Writer:
    """Composes the title and body of one article."""

    def __init__(self, bank: _Bank, rng: random.Random, ctx: _Ctx, year: int) -> None:
        self.bank, self.rng, self.ctx, self.year = bank, rng, ctx, year
        self.decks = _Decks(bank, rng, year)

    def pools(self, topic: str) -> list[tuple[str, float]]:
        related = [(f"{t}.s", 0.4) for t in RELATED[topic]]
        return [(f"{topic}.s", 6.0), *related, ("common.s", 2.5)]

    def paragraph(self, pools: list[tuple[str, float]], budget: float, lead: str | None) -> str:
        parts = [lead] if lead else []
        want = self.rng.randint(2, 5)
        for count in range(1, 9):
            parts.append(self.ctx.fill(self.decks.draw(pools)))
            if count >= want or sum(map(len, parts)) >= budget:
                break
        return "".join(parts)

    def section(
        self, pools: list[tuple[str, float]], budget: float, leads: list[str]
    ) -> list[Block]:
        blocks: list[Block] = []
        used = 0
        while used < budget:
            lead = None
            if leads and self.rng.random() < 0.35:
                lead = next(filter(None, (self.decks.maybe(k) for k in leads)), None)
            text = self.paragraph(pools, budget - used, lead)
            blocks.append(Block("paragraph", text))
            used += len(text)
        return blocks

    def opening(self, topic: str) -> str:
        first = self.decks.maybe(f"{topic}.open") or self.decks.draw(self.pools(topic))
        more = [self.decks.draw(self.pools(topic)) for _ in range(self.rng.randint(0, 2))]
        return "".join(self.ctx.fill(s) for s in (first, *more))

    def headings(self, topic: str, count: int) -> list[str]:
        """`count` section headings: numbered phrases, plain phrases or four characters."""
        style = (
            "numbered"
            if topic == "theory"
            else self.rng.choice(("numbered", "numbered", "plain", "short"))
        )
        if style == "short":
            pool = self.bank.words(f"{topic}.h4") + self.bank.words("common.h4")
            if len(pool) >= count:
                return self.rng.sample(pool, count)
            style = "numbered"
        own = self.bank.lines(f"{topic}.h", self.year)
        extra = self.bank.lines("common.h", self.year)
        pool = own if len(own) >= count else own + [h for h in extra if h not in own]
        picked = [self.ctx.fill(pool[i]) for i in sorted(self.rng.sample(range(len(pool)), count))]
        if style == "numbered":
            return [f"{NUMERALS[n]}、{h}" for n, h in enumerate(picked)]
        return picked

    def report(self, topic: str, target: int) -> list[Block]:
        """An article on one topic, about `target` characters long."""
        pools = self.pools(topic)
        leads = [f"{topic}.lead", "common.lead"] if topic != "theory" else []
        intro = self.opening(topic)
        closing = self.ctx.fill(self.decks.maybe("common.close") or self.decks.draw(pools))
        blocks = [Block("paragraph", intro)]
        rest = target - len(intro) - len(closing)
        if target >= HEADINGS_FROM:
            count = max(2, min(7, round(target / 1100)))
            for heading in self.headings(topic, count):
                blocks.append(Block("heading", heading))
                blocks += self.section(pools, rest / count - len(heading), leads)
        else:
            blocks += self.section(pools, rest, leads)
        return [*blocks, Block("paragraph", closing)]

    def survey(self, target: int, cap: int) -> list[Block]:
        """A long article: a theoretical first and last section, one topic for each between."""
        count = max(5, min(len(NUMERALS), round(target / 1450)))
        research = self.bank.lines("theory.h", self.year)
        order = self.rng.sample(SURVEY_TOPICS, len(SURVEY_TOPICS))
        plan = [("theory", self.rng.choice(research[:4]))]
        for topic in (order * 2)[: count - 2]:
            used = {h for _, h in plan}
            options = [h for h in self.bank.lines(f"{topic}.h", self.year) if h not in used]
            plan.append((topic, self.rng.choice(options)))
        plan.append(("theory", self.rng.choice(research[-3:])))

        intro = self.opening("theory")
        closing = self.ctx.fill(
            self.decks.maybe("common.close") or self.decks.draw([("theory.s", 1.0)])
        )
        blocks = [Block("paragraph", intro)]
        per = (target - len(intro) - len(closing)) / count
        for n, (topic, heading) in enumerate(plan):
            heading = f"{NUMERALS[n]}、{self.ctx.fill(heading)}"
            blocks.append(Block("heading", heading))
            pools = [(f"{topic}.s", 6.0), ("theory.s", 2.0), ("common.s", 2.0)]
            blocks += self.section(pools, per - len(heading), [f"{topic}.lead"])
        blocks.append(Block("paragraph", closing))
        return _trim(blocks, cap)

    def interview(self, topic: str, target: int, cap: int) -> list[Block]:
        """Questions of `记者` and answers of the interviewee."""
        name = self.ctx.values["name"]
        blocks = [
            Block("paragraph", self.ctx.fill(self.rng.choice(self.bank.lines("interview.intro"))))
        ]
        questions = self.rng.sample(self.bank.lines("interview.q"), 7)
        for question in questions:
            answer = self.paragraph(self.pools(topic), self.rng.randint(200, 380), None)
            opener = self.decks.maybe("interview.a") if self.rng.random() < 0.4 else None
            answer = (opener or "") + answer
            pair = [
                Block("paragraph", f"记者：{self.ctx.fill(question)}"),
                Block("paragraph", f"{name}：{answer}"),
            ]
            if len(blocks) > 4 and _length(blocks + pair) > cap:
                break
            blocks += pair
            if _length(blocks) >= target:
                break
        return blocks

    def brief(self, sentences: list[str], target: int, cap: int) -> list[Block]:
        """A news brief: its own sentences, padded with stock ones to about `target`."""
        text = [self.ctx.fill(s) for s in sentences]
        extras = self.rng.sample(self.bank.lines("briefs.extra"), 2)
        while sum(map(len, text)) < target and extras:
            if sum(map(len, text)) + len(extras[-1]) > cap:
                break
            text.append(extras.pop())
        cut = max(1, len(text) // 2 + self.rng.randint(-1, 0))
        paragraphs = ["".join(text[:cut]), "".join(text[cut:])]
        return [Block("paragraph", p) for p in paragraphs if p]


def _length(blocks: list[Block]) -> int:
    return sum(len(b.text) for b in blocks)


def _trim(blocks: list[Block], cap: int) -> list[Block]:
    """Drop paragraphs from the end (keeping the closing one and every section's first) to fit."""
    blocks = list(blocks)
    i = len(blocks) - 2
    while _length(blocks) > cap and i > 1:
        if blocks[i].kind == "paragraph" and blocks[i - 1].kind == "paragraph":
            del blocks[i]
        i -= 1
    return blocks


class _Builder:
    def __init__(self, bank: _Bank, rng: random.Random) -> None:
        self.bank, self.rng = bank, rng
        self.titles: set[str] = set()
        self.template_uses: Counter[str] = Counter()
        self.qa = self._shuffled(bank.entries("qa.qa"))
        self.briefs = self._shuffled(bank.entries("briefs.brief"))

    def _shuffled(self, items: list[list[str]]) -> list[list[str]]:
        items = list(items)
        self.rng.shuffle(items)
        return items

    def build(self) -> tuple[SampleJournal, ...]:
        slots = [
            (spec, year, issue)
            for spec in JOURNALS
            for year, issue, count in self._issues(spec)
            for _ in range(count)
        ]
        kinds = [k for k, n in KIND_QUOTA.items() for _ in range(n)]
        kinds += ["normal"] * (len(slots) - len(kinds))
        self.rng.shuffle(kinds)
        drafts: list[_Draft] = []
        regulars = {spec.code: [self._name() for _ in range(3)] for spec in JOURNALS}
        for (spec, year, issue), kind in zip(slots, kinds, strict=True):
            drafts.append(self._article(spec, year, issue, kind, regulars[spec.code]))
        self._post(drafts)
        self._number(drafts)
        return tuple(self._journal(spec, drafts) for spec in JOURNALS)

    # structure ---------------------------------------------------------------

    def _issues(self, spec: _Spec) -> list[tuple[int, str, int]]:
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
                wanted = self.rng.choice((3, 3, 4, 4, 5)) - len(fixed)
                numbers = list(fixed) + self.rng.sample(free, max(0, wanted))
            numbers.sort(key=_issue_number)
            for number in numbers:
                if spec.max_articles == 2:
                    count = self.rng.choices((1, 2), weights=(75, 25))[0]
                else:
                    count = self.rng.choices((1, 2, 3), weights=(55, 35, 10))[0]
                if (spec.code, year, number) == SEED_ISSUE:
                    count = 2
                out.append((year, number, count))
        return out

    # one article -------------------------------------------------------------

    def _article(
        self, spec: _Spec, year: int, issue: str, kind: str, regulars: list[str]
    ) -> _Draft:
        rng = self.rng
        month = issue_month(spec.code, issue)
        entry = None
        if kind in ("qa", "brief"):
            entry = self._entry(self.qa if kind == "qa" else self.briefs, year)
            if entry is None:
                kind = "normal"
        if entry is not None:
            topic = entry[1]
        elif kind in ("long", "huge"):
            topic = "theory"
        else:
            topic = self._topic(spec, year, kind)
        ctx = self._context(
            spec, year, month, topic, local=kind == "interview" or topic in LOCAL_TOPICS
        )
        if kind in ("long", "huge"):  # a survey of every field needs a broad subject
            ctx.values["subject"] = rng.choice(SURVEY_SUBJECTS)
        writer = _Writer(self.bank, rng, ctx, year)

        if kind == "qa":
            title = ctx.fill(_dated(entry[0], year) or "")
            self.titles.add(title)
            blocks = [Block("paragraph", ctx.fill(p)) for p in entry[2:]]
        else:
            title = self._title(ctx, kind, topic, entry, spec.province)
            if kind == "brief":
                blocks = writer.brief(entry[2:], rng.randint(300, 560), 595)
            elif kind == "interview":
                blocks = writer.interview(topic, rng.randint(1300, 1900), 1990)
            elif kind == "long":
                blocks = writer.survey(rng.randint(8400, 10600), 11500)
            elif kind == "huge":
                blocks = writer.survey(rng.randint(14150, 14450), 14990)
            else:
                blocks = writer.report(topic, self._target())

        text = title + "".join(b.text for b in blocks)
        return _Draft(
            spec=spec,
            year=year,
            issue=issue,
            title=title,
            authors=self._authors(regulars),
            keywords=self._keywords(topic, ctx, text),
            show_time=rng.random() >= 0.2,
            blocks=tuple(blocks),
        )

    def _entry(self, entries: list[list[str]], year: int) -> list[str] | None:
        """The next unused Q&A or brief that suits the year."""
        for n, entry in enumerate(entries):
            if _dated(entry[0], year) is not None:
                return entries.pop(n)
        return None

    def _topic(self, spec: _Spec, year: int, kind: str) -> str:
        weights = dict(TOPIC_WEIGHTS)
        if spec.code == "rdyj":
            weights["theory"] = 30
        if year not in ELECTION_YEARS or kind == "interview":
            weights["elections"] = 0
        if kind == "interview":
            weights["theory"] = 0
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    def _target(self) -> int:
        """Length of a report: mostly 1,500–5,000 characters, some up to 7,500."""
        low, high = self.rng.choices(((1500, 3000), (3000, 4800), (5000, 7300)), (40, 45, 15))[0]
        return self.rng.randint(low, high)

    def _context(self, spec: _Spec, year: int, month: int, topic: str, local: bool) -> _Ctx:
        rng = self.rng
        prov = PROVINCES[spec.province]
        if not local and rng.random() < 0.2:  # about the province (or municipality) itself
            place, short, porg = prov, spec.province, "全国人大常委会"
        else:
            place, short = self._place(spec.province, local)
            porg = "市人大常委会" if prov.endswith("市") else "省人大常委会"
        subjects = self.bank.lines(f"{topic}.subject", year)
        values = {
            "place": place,
            "short": short,
            "org": f"{place}人大常委会",
            "prov": prov,
            "porg": porg,
            "level": place[-1],
            "y": str(year - rng.choice((1, 1, 2))),
            "subject": rng.choice(subjects) if subjects else "人大工作",
            "name": self._name(),
        }
        ctx = _Ctx(rng, year, month, values)
        values["law"] = rng.choice(self.bank.lines("common.law"))
        values["role"] = rng.choice(self.bank.lines("interview.role"))
        return ctx

    def _place(self, province: str, local: bool) -> tuple[str, str]:
        options = self.bank.words(f"places.{province}.county")
        if not local:
            options += self.bank.words(f"places.{province}.city")
        full, _, short = self.rng.choice(options).partition("/")
        return full, short or (full[:-1] if len(full) > 2 else full)

    def _title(
        self, ctx: _Ctx, kind: str, topic: str, entry: list[str] | None, province: str
    ) -> str:
        key = {"interview": "interview.title", "long": "theory.title", "huge": "theory.title"}.get(
            kind, f"{topic}.title"
        )
        templates = [_dated(entry[0], 9999)] if entry else self.bank.lines(key, ctx.year)
        for attempt in range(60):
            fewest = min(self.template_uses[t] for t in templates)  # spread the templates
            template = self.rng.choice([t for t in templates if self.template_uses[t] == fewest])
            title = ctx.fill(template if attempt < 5 else self.rng.choice(templates))
            if 6 <= len(title) <= 30 and title not in self.titles:
                self.titles.add(title)
                self.template_uses[template] += 1
                return title
            if attempt % 10 == 9:  # the same title again: move the article elsewhere
                place, short = self._place(province, True)
                ctx.values.update(
                    place=place, short=short, org=f"{place}人大常委会", level=place[-1]
                )
        raise RuntimeError(f"no fresh title for a {kind} article on {topic}")

    def _authors(self, regulars: list[str]) -> tuple[str, ...]:
        count = self.rng.choices((0, 1, 2, 3, 4), weights=(10, 60, 20, 9, 1))[0]
        names: list[str] = []
        while len(names) < count:
            name = self.rng.choice(regulars) if self.rng.random() < 0.3 else self._name()
            if name not in names:
                names.append(name)
        return tuple(names)

    def _name(self) -> str:
        rng = self.rng
        given = self.bank.words("names.given")
        if rng.random() < 0.04:
            surname, size = rng.choice(self.bank.words("names.compound")), rng.choice((1, 1, 2))
        else:
            surname, size = rng.choice(self.bank.words("names.surname")), rng.choice((1, 2, 2))
        return surname + "".join(rng.sample(given, size))

    def _keywords(self, topic: str, ctx: _Ctx, text: str) -> tuple[str, ...]:
        """() on about 15% of articles, else 2–5 terms that occur in the title or the body."""
        if self.rng.random() < 0.15:
            return ()
        own = self.bank.words(f"{topic}.kw") + [ctx.values["subject"], ctx.values["short"]]
        own = [k for k in dict.fromkeys(own) if k in text]
        general = [k for k in self.bank.words("common.kw") if k in text and k not in own]
        count = self.rng.randint(2, 5)
        picked = self.rng.sample(own, min(len(own), count))
        picked += self.rng.sample(general, min(len(general), count - len(picked)))
        return tuple(picked) if len(picked) >= 2 else ()

    # time and numbers --------------------------------------------------------

    def _post(self, drafts: list[_Draft]) -> None:
        """Issues are posted in one batch, 5–115 days after their month; articles seconds apart."""
        batches: dict[tuple[str, int, str], list[_Draft]] = defaultdict(list)
        for draft in drafts:
            batches[draft.spec.code, draft.year, draft.issue].append(draft)
        for (code, year, issue), members in batches.items():
            month = issue_month(code, issue)
            after = datetime(year + month // 12, month % 12 + 1, 1)
            if (code, year, issue) == SEED_ISSUE:
                at = SEED_POSTED_AT - timedelta(seconds=self.rng.randint(20, 40))
            else:
                at = after + timedelta(
                    days=self.rng.randint(5, 114), seconds=self.rng.randint(0, 86399)
                )
            for draft in members:
                draft.posted_at = at
                at += timedelta(seconds=self.rng.randint(3, 40))
                if at == SEED_POSTED_AT:
                    at += timedelta(seconds=1)

    def _number(self, drafts: list[_Draft]) -> None:
        """Ids grow with posting time (about IDS_PER_DAY a day) and skip the seed's id."""

        def near(at: datetime) -> int:
            days = (at - SEED_POSTED_AT).total_seconds() / 86400
            return SEED_ARTICLE_ID + round(days * IDS_PER_DAY) + self.rng.randint(-150, 150)

        ordered = sorted(drafts, key=lambda d: d.posted_at)
        before = [d for d in ordered if d.posted_at < SEED_POSTED_AT]
        later = [d for d in ordered if d.posted_at >= SEED_POSTED_AT]
        upper = SEED_ARTICLE_ID
        for draft in reversed(before):
            draft.id = upper = min(near(draft.posted_at), upper - self.rng.randint(1, 9))
        lower = SEED_ARTICLE_ID
        for draft in later:
            draft.id = lower = max(near(draft.posted_at), lower + self.rng.randint(1, 9))

    def _journal(self, spec: _Spec, drafts: list[_Draft]) -> SampleJournal:
        issues: dict[tuple[int, str], list[_Draft]] = defaultdict(list)
        for draft in drafts:
            if draft.spec is spec:
                issues[draft.year, draft.issue].append(draft)
        ordered = sorted(issues, key=lambda k: (k[0], _issue_number(k[1])), reverse=True)
        return SampleJournal(
            code=spec.code,
            name=spec.name,
            province=spec.province,
            issues=tuple(
                SampleIssue(
                    year=year,
                    issue=issue,
                    label=spec.label.format(year=year, issue=issue),
                    articles=tuple(
                        _final(d) for d in sorted(issues[year, issue], key=lambda d: d.id)
                    ),
                )
                for year, issue in ordered
            ),
        )


def _final(draft: _Draft) -> SampleArticle:
    assert draft.posted_at is not None
    return SampleArticle(
        id=draft.id,
        title=draft.title,
        authors=draft.authors,
        posted_at=draft.posted_at,
        show_time=draft.show_time,
        keywords=draft.keywords,
        blocks=draft.blocks,
    )
