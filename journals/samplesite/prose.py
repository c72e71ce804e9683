"""The text of one article: its title's and sentences' slots filled for its
place and year, sentences drawn without repeats, and the body composed as a
report on one topic, a long survey, an interview or a news brief."""

from __future__ import annotations

import random
import re

from journals.samplesite.samples import Block
from journals.samplesite.textbank import Bank

# `{place}`, `{n}`: a slot of a template, filled per article.
_SLOT = re.compile(r"\{(\w+)\}")
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
SURVEY_TOPICS = ("legislation", "filing", "supervision", "budget", "deputies", "grassroots")
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
# What the number slots stand for.
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


class Context:
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


class Decks:
    """One article's supply of sentences: no line comes twice until all run dry."""

    def __init__(self, bank: Bank, rng: random.Random, year: int) -> None:
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


class Writer:
    """Composes the title and body of one article."""

    def __init__(self, bank: Bank, rng: random.Random, ctx: Context, year: int) -> None:
        self.bank, self.rng, self.ctx, self.year = bank, rng, ctx, year
        self.decks = Decks(bank, rng, year)

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
