"""What the stand-in of the aggregator serves: categories, journals, issues and
articles, read from articles.txt and phrases.txt (synthetic texts written for
the stand-in), and `truth()`, the record each article should be stored as.

Where the public evidence (docs/fx361.md, "Sources" and "Page kinds") is
silent, the choices here are the stand-in's own: journal codes, a combined
issue `2018年Z1期` served at `/bk/<code>/<YYYY><first number>.html`
(`20181.html`), article numbers drawn at random (so not in date order),
posting times on most pages but not all.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent

# category code → name, in the order the home page's navigation lists them
CATEGORIES = {"szzh": "时政综合", "whzh": "文化综合", "sycj": "商业财经"}
SITE_NAME = "参考网"


@dataclass(frozen=True)
class Article:
    id: int
    posted: datetime
    show_time: bool  # the page prints the time after the date
    title: str
    byline: str  # as the page prints it, and as the body's first line repeats it
    authors: tuple[str, ...]  # the names the byline gives
    keywords: tuple[str, ...]
    paragraphs: tuple[str, ...]  # the body, without the author line
    column: str
    body_in_txt: bool  # body paragraphs in `.detail_body .txt`, else straight in `.detail_body`
    journal_line: bool  # the desktop page prints `<journal> <label>` under the byline

    @property
    def date(self) -> str:
        return f"{self.posted:%Y-%m-%d}"

    @property
    def printed_time(self) -> str:
        return f"{self.posted:%Y-%m-%d %H:%M:%S}" if self.show_time else self.date

    @property
    def desktop_path(self) -> str:
        return f"/page/{self.posted:%Y/%m%d}/{self.id}.shtml"

    @property
    def mobile_path(self) -> str:
        return f"/news/{self.posted:%Y/%m%d}/{self.id}.html"


@dataclass(frozen=True)
class Issue:
    label: str  # as printed: 2019年3期, 2018年Z1期
    slug: str  # the page's name: /bk/<code>/<slug>.html
    columns: tuple[tuple[str, tuple[Article, ...]], ...]

    @property
    def year(self) -> int:
        return int(self.label[:4])

    @property
    def issue(self) -> str:
        match = re.fullmatch(r"\d{4}年(.+)期", self.label)
        assert match, self.label
        return match[1]

    @property
    def articles(self) -> list[Article]:
        return [a for _, articles in self.columns for a in articles]


@dataclass(frozen=True)
class Journal:
    name: str
    code: str
    category: str
    intro: str
    issues: tuple[Issue, ...]  # oldest first

    @property
    def years(self) -> list[int]:
        """Newest first, as the year tabs list them."""
        return sorted({i.year for i in self.issues}, reverse=True)

    @property
    def newest(self) -> Issue:
        return self.issues[-1]

    def issues_of(self, year: int) -> list[Issue]:
        """Newest first, as a year page lists them."""
        return [i for i in reversed(self.issues) if i.year == year]

    @property
    def home_path(self) -> str:
        return f"/bk/{self.code}/index.html"

    def year_path(self, year: int) -> str:
        return f"/bk/{self.code}/history_{year}.html"

    def issue_path(self, issue: Issue) -> str:
        return f"/bk/{self.code}/{issue.slug}.html"


def _sections(name: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        else:
            current.append(line)
    return sections


@cache
def phrases() -> dict[str, list[str]]:
    return _sections("phrases.txt")


def _names() -> list[str]:
    return " ".join(phrases()["作者"]).split()


def _byline(k: int) -> tuple[str, tuple[str, ...]]:
    """The k-th article's byline: one, two or three names, set apart by a
    space or by 、."""
    names = _names()
    count = (1, 2, 1, 3, 1, 2, 1)[k % 7]
    chosen = tuple(names[(k * 5 + i * 11) % len(names)] for i in range(count))
    separator = "、" if (count == 3 or k % 3 == 0) else " "
    return separator.join(chosen), chosen


def _body(k: int, lead: str, theme: str | None, own: list[str]) -> tuple[str, ...]:
    if theme is None:
        return (lead, *own)
    bank = phrases()[theme]
    n = len(bank)
    middle = [
        bank[k % n] + bank[(k + 3) % n],
        bank[(k + 1) % n] + bank[(k + 5) % n],
        bank[(k + 2) % n] + bank[(k + 4) % n],
    ]
    closing = phrases()["结语"]
    return (lead, *middle, *own, closing[k % len(closing)])


@dataclass
class _Draft:
    title: str
    byline: str | None = None
    keywords: tuple[str, ...] = ()
    theme: str | None = None
    lead: str = ""
    own: list[str] | None = None


@cache
def journals() -> tuple[Journal, ...]:
    """Every journal the stand-in serves, as articles.txt describes them."""
    rng = random.Random(361)
    raw: list[dict[str, Any]] = []
    for line in (HERE / "articles.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or (line.startswith("#") and not raw):
            continue
        tag, _, rest = line.partition(" ")
        rest = rest.strip()
        if tag == "=":
            name, code, category = rest.split()
            raw.append({"name": name, "code": code, "category": category, "issues": []})
        elif tag == ">":
            raw[-1]["intro"] = rest
        elif tag == "-":
            label, slug, first = rest.split()
            raw[-1]["issues"].append({"label": label, "slug": slug, "first": first, "cols": []})
        elif tag == "#":
            raw[-1]["issues"][-1]["cols"].append((rest, []))
        elif tag == "*":
            raw[-1]["issues"][-1]["cols"][-1][1].append(_Draft(rest))
        else:
            draft = raw[-1]["issues"][-1]["cols"][-1][1][-1]
            if tag == "b":
                draft.byline = rest
            elif tag == "k":
                draft.keywords = tuple(rest.split())
            elif tag == "t":
                draft.theme = rest
            elif tag == "l":
                draft.lead = rest
            elif tag == "p":
                draft.own = [*(draft.own or []), rest]
            else:
                raise ValueError(f"articles.txt: {line!r}")

    count = sum(len(d) for j in raw for i in j["issues"] for _, d in i["cols"])
    ids = rng.sample(range(3_100_000, 9_800_000), count)
    k = 0
    built = []
    for j in raw:
        issues = []
        for i in j["issues"]:
            first = datetime.strptime(i["first"], "%Y-%m-%d")
            columns = []
            for column, drafts in i["cols"]:
                articles = []
                for draft in drafts:
                    posted = first + timedelta(
                        days=rng.randint(0, 9),
                        hours=rng.randint(7, 21),
                        minutes=rng.randint(0, 59),
                        seconds=rng.randint(0, 59),
                    )
                    if draft.byline is None:
                        byline, authors = _byline(k)
                    else:
                        byline = draft.byline
                        authors = (byline.split()[-1],)  # 本刊记者 周敏 → 周敏
                    articles.append(
                        Article(
                            id=ids[k],
                            posted=posted,
                            show_time=k % 5 != 2,
                            title=draft.title,
                            byline=byline,
                            authors=authors,
                            keywords=draft.keywords,
                            paragraphs=_body(k, draft.lead, draft.theme, draft.own or []),
                            column=column,
                            body_in_txt=k % 3 != 1,
                            journal_line=k % 2 == 0,
                        )
                    )
                    k += 1
                columns.append((column, tuple(articles)))
            issues.append(Issue(i["label"], i["slug"], tuple(columns)))
        built.append(Journal(j["name"], j["code"], j["category"], j["intro"], tuple(issues)))
    return tuple(built)


def journal(code: str) -> Journal | None:
    return next((j for j in journals() if j.code == code), None)


def in_category(category: str) -> list[Journal]:
    return [j for j in journals() if j.category == category]


def every_article() -> list[tuple[Journal, Issue, Article]]:
    return [(j, i, a) for j in journals() for i in j.issues for a in i.articles]


@cache
def _by_path() -> dict[str, tuple[Journal, Issue, Article]]:
    return {a.desktop_path: (j, i, a) for j, i, a in every_article()}


def article_at(path: str, mobile: bool = False) -> tuple[Journal, Issue, Article] | None:
    """The article whose desktop page (or, with mobile, mobile page) is `path`."""
    if mobile:
        match = re.fullmatch(r"/news/(\d{4}/\d{4}/\d+)\.html", path)
        path = f"/page/{match[1]}.shtml" if match else ""
    return _by_path().get(path)


def related(article: Article, count: int = 4) -> list[tuple[Journal, Article]]:
    """The articles a page's 猜你喜欢 box links to: neighbours in the list of
    all articles, which cross journals (and so lead to journals not asked for)."""
    everything = every_article()
    at = next(n for n, (_, _, a) in enumerate(everything) if a.id == article.id)
    picks = [everything[(at + step) % len(everything)] for step in (1, 7, 19, 31)][:count]
    return [(j, a) for j, _, a in picks]


def truth(desktop: str, mobile: str) -> list[dict[str, Any]]:
    """The record every article of the stand-in should be stored as, given
    the stand-in's desktop and mobile base URLs."""
    return [
        {
            "id": a.id,
            "url": desktop + a.desktop_path,
            "mobile_url": mobile + a.mobile_path,
            "title": a.title,
            "authors": list(a.authors),
            "date": a.date,
            "journal": j.name,
            "year": i.year,
            "issue": i.issue,
            "column": a.column,
            "keywords": list(a.keywords),
            "body": "\n".join(a.paragraphs),
        }
        for j, i, a in every_article()
    ]
