"""The corpus built: the kinds of article spread over the journals' issues,
and for each article its topic, place, title, authors and keywords; `prose`
writes its text, `issueplan` dates and numbers it."""

from __future__ import annotations

import random
from collections import Counter

from journals.samplesite.issueplan import (
    JOURNALS,
    PROVINCES,
    Draft,
    JournalSpec,
    assemble,
    issue_month,
    number_articles,
    plan_issues,
    post_issues,
)
from journals.samplesite.prose import Context, Writer
from journals.samplesite.samples import Block, SampleJournal
from journals.samplesite.textbank import Bank, dated

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
SURVEY_SUBJECTS = ("地方人大工作", "人民代表大会制度")
LOCAL_TOPICS = ("elections", "grassroots")  # always about a county, never a province
KIND_QUOTA = {"brief": 8, "qa": 8, "interview": 6, "long": 4, "huge": 1}  # the rest: "normal"


class Builder:
    """Builds the corpus from the text bank, drawing every choice from one `rng`."""

    def __init__(self, bank: Bank, rng: random.Random) -> None:
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
            for year, issue, count in plan_issues(spec, self.rng)
            for _ in range(count)
        ]
        kinds = [k for k, n in KIND_QUOTA.items() for _ in range(n)]
        kinds += ["normal"] * (len(slots) - len(kinds))
        self.rng.shuffle(kinds)
        drafts: list[Draft] = []
        regulars = {spec.code: [self._name() for _ in range(3)] for spec in JOURNALS}
        for (spec, year, issue), kind in zip(slots, kinds, strict=True):
            drafts.append(self._article(spec, year, issue, kind, regulars[spec.code]))
        post_issues(drafts, self.rng)
        number_articles(drafts, self.rng)
        return tuple(assemble(spec, drafts) for spec in JOURNALS)

    # one article -------------------------------------------------------------

    def _article(
        self, spec: JournalSpec, year: int, issue: str, kind: str, regulars: list[str]
    ) -> Draft:
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
        writer = Writer(self.bank, rng, ctx, year)

        if kind == "qa":
            title = ctx.fill(dated(entry[0], year) or "")
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
        return Draft(
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
            if dated(entry[0], year) is not None:
                return entries.pop(n)
        return None

    def _topic(self, spec: JournalSpec, year: int, kind: str) -> str:
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

    def _context(
        self, spec: JournalSpec, year: int, month: int, topic: str, local: bool
    ) -> Context:
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
        ctx = Context(rng, year, month, values)
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
        self, ctx: Context, kind: str, topic: str, entry: list[str] | None, province: str
    ) -> str:
        key = {"interview": "interview.title", "long": "theory.title", "huge": "theory.title"}.get(
            kind, f"{topic}.title"
        )
        templates = [dated(entry[0], 9999)] if entry else self.bank.lines(key, ctx.year)
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

    def _keywords(self, topic: str, ctx: Context, text: str) -> tuple[str, ...]:
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
