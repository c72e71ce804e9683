"""A generated site for the benchmarks: any number of distinct article pages,
served on loopback.

    .venv/bin/python bench/sitegen.py --shape copies --pages 5000 --urls urls.txt
    .venv/bin/python bench/sitegen.py --shape aggregator --pages 100000 --chars 2000-4000

It prints `ready <base URL>` once it serves (with `--hosts N`, the base URL of
each of the N addresses, separated by spaces), and serves until stdin closes
(or it is killed). Two shapes:

* `copies` (`make bench`): article pages of copy sites, which the generic
  extractor reads, in three kinds, by the article's number n (n mod 10):
  - `simplified` (0-3): Simplified text, UTF-8, a periodical portal's layout
    (title, an information line with author, time and source, keyword links,
    the text, related articles), at `/qk/<id>.html`;
  - `gbk` (4-6): the same layout in GBK (declared in the header and in a meta
    tag), at `/html/<yyyymm>/<id>.htm`;
  - `traditional` (7-9): Traditional script with inline pinyin (`聯(lián)`),
    SEO spam lines above the title and in a hidden block in the text, a county
    link farm and a keyword strip below it, at `/qikan/<yyyy>/<mmdd>/<id>.html`.
  Every page is rendered once, before the site answers; `--urls` writes their
  URLs, one a line, in article order (the kinds interleaved).
* `aggregator` (`make bench-memory`): the aggregator's navigation as the
  `fx361` spider walks it (home, category pages, journal homes, year pages,
  issue pages) and its article pages, all rendered by the sample site's own
  renderer (`journals.samplesite.render`), for the sample site's five journals
  with as many issues (50 articles each, back from 2023) as the page count
  needs. Pages are rendered when asked for, so 100,000 of them take no memory.

The texts are the sample site's: the article's title from its title templates,
its body from its writer (`journals.samplesite.prose`) over its text bank, a
report on one topic of the length asked (`--chars`, default 4,000-12,000
characters of body), with its place, year and numbers drawn for the article.
The bank is small (some 17,000 characters of sentences), so the articles
share many sentences in new orders and with new numbers, places and names: a
body is as long as a real one, but the whole corpus repeats more than real
text does (a full-text index of it is smaller than one of real text). The
Traditional pages are converted character by character with OpenCC's own
table (its first form of each character), which keeps generation fast.
Everything is drawn from one seed per article: the same page count gives the
same pages in every run.
"""

from __future__ import annotations

import argparse
import functools
import random
import re
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import opencc  # noqa: E402

from journals.samplesite import render  # noqa: E402
from journals.samplesite.issueplan import JOURNALS, PROVINCES, JournalSpec  # noqa: E402
from journals.samplesite.prose import TOPICS, Context, Writer  # noqa: E402
from journals.samplesite.samples import Block, SampleArticle, SampleIssue, SampleJournal  # noqa: E402
from journals.samplesite.sitepaths import issue_slug  # noqa: E402
from journals.samplesite.textbank import TEXTS, Bank  # noqa: E402
from journals.samplesite.tocplan import COLUMNS  # noqa: E402
from pipelines.db.identity import fingerprint  # noqa: E402

SEED = 20260601
KINDS = ("simplified", "gbk", "traditional")
COPY_ID = 3_000_000  # the copies' article numbers: this + n
AGGREGATOR_ID = 2_000_000
PER_ISSUE = 50  # articles an issue of the aggregator shape lists
NEWEST_YEAR = 2023
FIRST_YEAR = 2014  # the copies' articles are of 2014-2023
ROBOTS = "User-agent: *\nDisallow: /search\n"
INDENT = "\u3000\u3000"


def kind_of(n: int) -> str:
    """The kind of copy page article n is shown on.

    >>> [kind_of(n) for n in (0, 3, 4, 6, 7, 9, 10)]
    ['simplified', 'simplified', 'gbk', 'gbk', 'traditional', 'traditional', 'simplified']
    """
    return KINDS[0] if n % 10 < 4 else KINDS[1] if n % 10 < 7 else KINDS[2]


def kind_of_url(url: str) -> str:
    """The kind of a copy page, by its path.

    >>> kind_of_url("http://127.0.0.1:8000/html/201805/3000004.htm")
    'gbk'
    """
    first = re.sub(r"^https?://[^/]+", "", url).split("/")[1]
    return {"qk": "simplified", "html": "gbk", "qikan": "traditional"}[first]


# --- the text of an article ----------------------------------------------------------------


@functools.cache
def bank() -> Bank:
    return Bank(TEXTS)


@dataclass(frozen=True)
class Head:
    """What a listing shows of an article, and what its text is written from."""

    n: int
    id: int
    spec: JournalSpec
    year: int
    issue: str
    label: str
    posted: datetime
    show_time: bool
    topic: str
    title: str
    authors: tuple[str, ...]
    keywords: tuple[str, ...]
    values: tuple[tuple[str, str], ...]  # the slots of its templates


def _name(rng: random.Random) -> str:
    words = bank().words
    if rng.random() < 0.04:
        surname, size = rng.choice(words("names.compound")), 1
    else:
        surname, size = rng.choice(words("names.surname")), rng.choice((1, 2, 2))
    return surname + "".join(rng.sample(words("names.given"), size))


def _place(rng: random.Random, province: str) -> tuple[str, str]:
    words = bank().words
    options = words(f"places.{province}.county") + words(f"places.{province}.city")
    full, _, short = rng.choice(options).partition("/")
    return full, short or (full[:-1] if len(full) > 2 else full)


def head(
    n: int, where: tuple[JournalSpec, int, str] | None = None, first_id: int = COPY_ID
) -> Head:
    """Article n's title, authors, keywords, journal and issue (`where`, or drawn)."""
    rng = random.Random(f"{SEED}:head:{n}")
    if where is None:
        spec = rng.choice(JOURNALS)
        year = rng.randint(FIRST_YEAR, NEWEST_YEAR)
        issue = str(rng.randint(1, spec.numbers_per_year))
    else:
        spec, year, issue = where
    month = -(-int(issue) * 12 // spec.numbers_per_year)
    posted = datetime(year, month, 1) + timedelta(
        days=rng.randint(35, 110), seconds=rng.randint(0, 86399)
    )
    topic = rng.choice(TOPICS)
    b = bank()
    place, short = _place(rng, spec.province)
    prov = PROVINCES[spec.province]
    subjects = b.lines(f"{topic}.subject", year)
    values = {
        "place": place,
        "short": short,
        "org": f"{place}人大常委会",
        "prov": prov,
        "porg": "市人大常委会" if prov.endswith("市") else "省人大常委会",
        "level": place[-1],
        "y": str(year - 1),
        "subject": rng.choice(subjects) if subjects else "人大工作",
        "name": _name(rng),
        "law": rng.choice(b.lines("common.law")),
        "role": rng.choice(b.lines("interview.role")),
    }
    ctx = Context(rng, year, month, values)
    templates = b.lines(f"{topic}.title", year)
    title = ""
    for _ in range(10):
        title = ctx.fill(rng.choice(templates))
        if 6 <= len(title) <= 30:
            break
    count = rng.choices((0, 1, 2, 3), weights=(8, 62, 22, 8))[0]
    authors = tuple(dict.fromkeys(_name(rng) for _ in range(count)))
    keywords: tuple[str, ...] = ()
    if rng.random() >= 0.12:
        own = list(dict.fromkeys([*b.words(f"{topic}.kw"), values["subject"]]))
        keywords = tuple(rng.sample(own, min(len(own), rng.randint(2, 5))))
    return Head(
        n=n,
        id=first_id + n,
        spec=spec,
        year=year,
        issue=issue,
        label=spec.label.format(year=year, issue=issue),
        posted=posted,
        show_time=rng.random() >= 0.2,
        topic=topic,
        title=title,
        authors=authors,
        keywords=keywords,
        values=tuple(values.items()),
    )


def body(h: Head, chars: tuple[int, int], draw: int = 0) -> tuple[Block, ...]:
    """The article's text, headings and paragraphs, of about `chars` characters
    (`draw`: another text for the same article)."""
    rng = random.Random(f"{SEED}:body:{h.n}" + (f":{draw}" if draw else ""))
    ctx = Context(rng, h.year, h.posted.month, dict(h.values))
    target = rng.randint(*chars)
    blocks = Writer(bank(), rng, ctx, h.year).report(h.topic, target)
    return tuple(blocks)


# --- copy pages ------------------------------------------------------------------------------


@functools.cache
def _s2t_table() -> dict[int, str]:
    """OpenCC's Simplified → Traditional characters, the first form of each."""
    path = Path(opencc.__file__).with_name("dictionary") / "STCharacters.txt"
    table: dict[int, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        simple, _, forms = line.partition("\t")
        if len(simple) == 1 and forms:
            table[ord(simple)] = forms.split()[0]
    return table


def traditional(text: str) -> str:
    return text.translate(_s2t_table())


# Readings of Traditional characters the copy site annotates, one each.
READINGS = dict(
    pair.split(":")
    for pair in (
        "會:huì 國:guó 這:zhè 說:shuō 關:guān 對:duì 經:jīng 發:fā 進:jìn 時:shí 實:shí "
        "員:yuán 議:yì 們:men 個:gè 過:guò 動:dòng 體:tǐ 務:wù 現:xiàn 區:qū 縣:xiàn "
        "級:jí 題:tí 問:wèn 門:mén 監:jiān 審:shěn 預:yù 聯:lián 設:shè 導:dǎo 運:yùn "
        "論:lùn 開:kāi 濟:jì 際:jì 證:zhèng 組:zǔ 織:zhī 機:jī 構:gòu 團:tuán 規:guī "
        "劃:huà 條:tiáo 選:xuǎn 舉:jǔ 權:quán 責:zé 護:hù 環:huán 見:jiàn 話:huà "
        "決:jué 產:chǎn 業:yè 報:bào 執:zhí 據:jù 確:què 質:zhì 項:xiàng 辦:bàn "
        "層:céng 鄉:xiāng 鎮:zhèn 廣:guǎng 眾:zhòng 屆:jiè 聽:tīng 聲:shēng 總:zǒng"
    ).split()
)
SEO_LINES = (
    "国产精品久久久久_亚洲色图区_成人视频在线观看_无码高清一区二区三区_午夜影院免费看",
    "真人娱乐城开户送彩金_时时彩稳定计划_北京赛车pk10开奖直播_体育投注官网注册送",
    "日韩欧美一区二区_人妻熟女中文字幕_精品国产三级片_免费成人影院_久久精品视频专区",
    "娱乐城官网首页_百家乐注册送38元_重庆时时彩开奖记录_老虎机在线玩_体育投注平台",
)
HIDDEN_LINES = (
    "注册送彩金 真人娱乐城 百家乐开户 时时彩计划 北京赛车 体育投注",
    "国产精品 无码高清 成人视频 人妻熟女 午夜影院 每日更新",
)


def _annotate(rng: random.Random, text: str, count: int) -> str:
    """`count` readings `聯(lián)` after characters of the text that have one."""
    spots = [i for i, ch in enumerate(text) if ch in READINGS]
    chosen = set(rng.sample(spots, min(count, len(spots))))
    return "".join(f"{ch}({READINGS[ch]})" if i in chosen else ch for i, ch in enumerate(text))


def _counties(rng: random.Random) -> str:
    words = bank().words
    names = [
        w.partition("/")[0]
        for p in PROVINCES
        for k in ("county", "city")
        for w in words(f"places.{p}.{k}")
    ]
    return "| ".join(rng.sample(names, min(len(names), rng.randint(18, 30)))) + "|"


def copy_path(h: Head) -> str:
    kind = kind_of(h.n)
    if kind == "simplified":
        return f"/qk/{h.id}.html"
    if kind == "gbk":
        return f"/html/{h.posted:%Y%m}/{h.id}.htm"
    return f"/qikan/{h.posted:%Y/%m%d}/{h.id}.html"


def _posted(h: Head) -> str:
    return f"{h.posted:%Y-%m-%d %H:%M:%S}" if h.show_time else f"{h.posted:%Y-%m-%d}"


def _portal(h: Head, blocks: tuple[Block, ...], related: list[Head], charset: str) -> str:
    """A periodical portal's article page (Simplified; UTF-8 or GBK)."""
    e = escape
    info = [f"作者：{e(' '.join(h.authors))}"] if h.authors else []
    info += [
        f"发布时间：{_posted(h)}",
        f'来源：<a href="/qk/{h.spec.code}/">{e(h.spec.name)}</a> {e(h.label)}',
    ]
    keywords = ""
    if h.keywords:
        links = "　".join(f'<a href="/tags/{quote(k)}/">{e(k)}</a>' for k in h.keywords)
        keywords = f'<div class="wzgjc">关键词：{links}</div>'
    paragraphs = [f"<p>{INDENT}{e(' '.join(h.authors))}</p>"] if h.authors else []
    for b in blocks:
        text = e(b.text)
        paragraphs.append(
            f"<p><strong>{text}</strong></p>" if b.kind == "heading" else f"<p>{INDENT}{text}</p>"
        )
    items = "".join(
        f'<li><a href="{copy_path(r)}">{e(r.title)}</a><span>{r.posted:%Y-%m-%d}</span></li>'
        for r in related
    )
    return (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml"><head>'
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />'
        f"<title>{e(h.title)}_{e(h.spec.name)}_期刊阅读网</title>"
        f'<meta name="keywords" content="{e(",".join(h.keywords))}" />'
        '<link href="/skin/css/style.css" rel="stylesheet" type="text/css" /></head><body>\n'
        '<div class="topbar"><span>欢迎来到期刊阅读网</span><a href="/">设为首页</a></div>\n'
        '<div class="navbar"><ul><li><a href="/">首页</a></li>'
        '<li><a href="/zzfl/">政治法律</a></li>'
        '<li><a href="/jjgl/">经济管理</a></li><li><a href="/whjy/">文化教育</a></li></ul></div>\n'
        '<div class="w1000 clearfix"><div class="lbox">\n'
        f'<div class="weizhi">当前位置：<a href="/">首页</a> &gt; <a href="/qk/{h.spec.code}/">'
        f"{e(h.spec.name)}</a> &gt; 正文</div>\n"
        f'<div class="wzbt"><h1>{e(h.title)}</h1></div>\n'
        f'<div class="wzxx">{"　　".join(info)}</div>\n{keywords}\n'
        '<div class="wznr">\n' + "\n".join(paragraphs) + "\n</div>\n"
        '<div class="fenxiang">分享到：<a href="#">微信</a> <a href="#">新浪微博</a> '
        '<a href="#">QQ空间</a></div>\n'
        f'<div class="xgwz"><div class="xgwz_t">相关文章</div><ul>{items}</ul></div>\n'
        '</div><div class="rbox"><div class="rb_t">热门期刊</div><ul>'
        + "".join(f'<li><a href="/qk/{s.code}/">{e(s.name)}</a></li>' for s in JOURNALS)
        + "</ul></div></div>\n"
        '<div class="footer"><p>Copyright © 2014-2023 期刊阅读网</p>'
        "<p>本站部分内容来自互联网，如有侵权请联系删除</p></div>\n</body></html>\n"
    )


def _traditional_page(h: Head, blocks: tuple[Block, ...], related: list[Head]) -> str:
    """A copy site in Traditional script, with pinyin, spam and a link farm."""
    rng = random.Random(f"{SEED}:page:{h.n}")
    e, t = escape, traditional
    top = f'<h2 class="qk-seo">{e(rng.choice(SEO_LINES))}</h2>'
    byline = t("".join(h.authors))
    header = [
        f'<h1 class="qk-title">{e(t(h.title))}</h1>',
        f'<div class="qk-info">{_posted(h)}{e(byline)}</div>',
        f'<div class="qk-from"><a href="/qikan/{h.spec.code}/">{e(t(h.spec.name))}</a> '
        f'<a href="/qikan/{h.spec.code}/{h.year}/">{e(h.label)}</a></div>',
    ]
    if h.keywords:
        label = _annotate(rng, t("关键词"), 1)
        links = "".join(f'<a href="/tag/{i}/">{e(t(k))}</a>' for i, k in enumerate(h.keywords))
        header.append(f'<div class="qk-kw">{e(label)}:{links}</div>')
    text = [f"<p>{e(t(' '.join(h.authors)))}</p>"] if h.authors else []
    paragraphs = [i for i, b in enumerate(blocks) if b.kind == "paragraph"]
    third, middle = paragraphs[len(paragraphs) // 3], paragraphs[len(paragraphs) // 2]
    for i, b in enumerate(blocks):
        if b.kind == "heading":
            text.append(f"<p><strong>{e(t(b.text))}</strong></p>")
            continue
        text.append(f"<p>{e(_annotate(rng, t(b.text), rng.choice((0, 1, 2, 2, 3))))}</p>")
        if i == third:  # printed in the text, as the copy site injects it
            text.append(f"<p>{e(rng.choice(SEO_LINES))}</p>")
        if i == middle:
            text.append(f'<div style="display:none">{e(rng.choice(HIDDEN_LINES))}</div>')
    items = "".join(
        f'<li><a href="{copy_path(r)}">{e(t(r.title))}</a>'
        f"<p>{e(t(r.spec.name))}({e(r.label)}){r.posted:%Y-%m-%d %H:%M:%S}</p></li>"
        for r in related
    )
    strip = e(t("".join(h.keywords[:3]) or h.title))
    cities = "| ".join(
        f'<a href="/city/{i}/">{e(t(name.strip()))}</a>'
        for i, name in enumerate(_counties(rng).split("|"))
        if name.strip()
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh-Hant"><head><meta charset="utf-8">'
        f"<title>{e(t(h.title))}_期刊論文_在線閱讀</title>"
        '<meta name="keywords" content="期刊,論文,雜誌,在線閱讀"></head><body>\n'
        '<div id="hd"><a href="/">首頁</a> <a href="/qikan/">期刊導航</a> '
        '<a href="/lunwen/">論文範文</a></div>\n'
        f'<div id="wrap"><div class="qk-main">\n{top}\n' + "\n".join(header) + "\n"
        '<div class="qk-txt">\n' + "\n".join(text) + "\n</div>\n"
        f'<div class="qk-like"><h3>猜你喜歡</h3><div class="qk-like-kw">{strip}</div>'
        f"<ul>{items}</ul></div>\n"
        f'<div class="qk-city">{cities}|</div>\n</div></div>\n'
        '<div id="ft"><p>繁體期刊網 版權所有 2016-2023</p>'
        "<p>本站內容來自網絡，僅供學習交流</p></div>\n"
        "</body></html>\n"
    )


@dataclass(frozen=True)
class Page:
    path: str
    body: bytes
    content_type: str
    kind: str
    chars: int  # characters of the article's body
    fingerprint: str  # what the store knows the article by, short of its number


def copy_page(n: int, chars: tuple[int, int], draw: int = 0) -> Page:
    """Copy page of article n, with links to the next five articles."""
    h = head(n)
    blocks = body(h, chars, draw)
    related = [head(n + k) for k in range(1, 6)]
    kind = kind_of(n)
    size = sum(len(b.text) for b in blocks)
    key = fingerprint(h.title, "\n".join(b.text for b in blocks))
    if kind == "traditional":
        html = _traditional_page(h, blocks, related)
        return Page(copy_path(h), html.encode(), "text/html; charset=utf-8", kind, size, key)
    charset = "gbk" if kind == "gbk" else "utf-8"
    html = _portal(h, blocks, related, charset)
    data = html.encode(charset, errors="xmlcharrefreplace")
    return Page(copy_path(h), data, f"text/html; charset={charset}", kind, size, key)


def copy_pages(pages: int, chars: tuple[int, int], jobs: int = 2) -> list[Page]:
    """Every copy page, rendered in `jobs` processes. An article whose title and
    opening are those of an earlier one (the bank is small: some 0.3% are) gets
    another text: the store would take it for a copy of that one
    (`pipelines.db.identity.fingerprint`) and keep one article of the two."""
    if jobs <= 1 or pages < 200:
        found = [copy_page(n, chars) for n in range(pages)]
    else:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(jobs) as pool:
            render = functools.partial(copy_page, chars=chars)
            found = list(pool.map(render, range(pages), chunksize=100))
    seen: set[str] = set()
    for n, page in enumerate(found):
        draw = 0
        while page.fingerprint in seen:
            draw += 1
            page = found[n] = copy_page(n, chars, draw)
        seen.add(page.fingerprint)
    return found


# --- the aggregator ------------------------------------------------------------------------


def _issue_plan(pages: int) -> list[tuple[JournalSpec, int, str, range]]:
    """(journal, year, issue, the article numbers it lists) for `pages` articles: the
    issues go round the journals, each journal's newest first, PER_ISSUE articles each."""
    plan = []
    taken = [0] * len(JOURNALS)
    for i, start in enumerate(range(0, pages, PER_ISSUE)):
        j = i % len(JOURNALS)
        spec, k = JOURNALS[j], taken[j]
        taken[j] += 1
        year = NEWEST_YEAR - k // spec.numbers_per_year
        issue = str(spec.numbers_per_year - k % spec.numbers_per_year)
        plan.append((spec, year, issue, range(start, min(pages, start + PER_ISSUE))))
    return plan


class Aggregator:
    """The aggregator's pages for `pages` articles; article texts written when asked for."""

    def __init__(self, pages: int, chars: tuple[int, int]) -> None:
        self.chars = chars
        self.heads: dict[int, Head] = {}  # by article id
        issues: dict[str, list[SampleIssue]] = {s.code: [] for s in JOURNALS}
        for spec, year, issue, numbers in _issue_plan(pages):
            columns = COLUMNS[spec.code]
            listed = []
            for position, n in enumerate(numbers, 1):
                h = head(n, (spec, year, issue), AGGREGATOR_ID)
                self.heads[h.id] = h
                column = columns[(position - 1) * len(columns) // len(numbers)]
                listed.append(_sample(h, column, position))
            label = spec.label.format(year=year, issue=issue)
            issues[spec.code].append(SampleIssue(year, issue, label, tuple(listed)))
        self.journals = tuple(
            SampleJournal(s.code, s.name, s.province, tuple(issues[s.code]))
            for s in JOURNALS
            if issues[s.code]
        )
        self.by_code = {j.code: j for j in self.journals}
        self.by_slug = {(j.code, issue_slug(i)): (j, i) for j in self.journals for i in j.issues}
        self.articles = {
            render.article_path(a): (j, i, a)
            for j in self.journals
            for i in j.issues
            for a in i.articles
        }

    def page(self, path: str) -> str | None:
        if path == "/":
            return render.home_page(self.journals)
        if m := re.fullmatch(r"/bk/([a-z]+)\.html", path):
            return render.category_page(m[1], self.journals)
        if m := re.fullmatch(r"/bk/([a-z0-9]+)/(\w+)\.html", path):
            journal = self.by_code.get(m[1])
            if journal is not None and m[2] == "index":
                return render.journal_page(journal)
            if journal is not None and m[2].startswith("history_"):
                return render.year_page(journal, int(m[2][8:]))
            found = self.by_slug.get((m[1], m[2]))
            return render.issue_page(*found) if found else None
        if path in self.articles:
            journal, issue, article = self.articles[path]
            blocks = body(self.heads[article.id], self.chars)
            others = [a for a in issue.articles if a.id != article.id][:5]
            related = [(journal, issue, a) for a in others]
            return render.article_page(
                journal, issue, replace(article, blocks=blocks), related=related
            )
        return None


def _sample(h: Head, column: str, position: int) -> SampleArticle:
    return SampleArticle(
        id=h.id,
        title=h.title,
        authors=h.authors,
        posted_at=h.posted,
        show_time=h.show_time,
        keywords=h.keywords,
        blocks=(),
        column=column,
        position=position,
    )


# --- serving -------------------------------------------------------------------------------


Reply = tuple[bytes, str] | None  # (body, content type), or None: 404


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # persistent connections, as a real server keeps them
    disable_nagle_algorithm = True  # no delayed-ACK stall between a reply's header and body
    server_version = "BenchSite/1.0"
    site: Callable[[str], Reply]

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        path = self.path.split("?", 1)[0]
        reply = (ROBOTS.encode(), "text/plain") if path == "/robots.txt" else self.site(path)
        status = 200
        if reply is None:
            status, reply = 404, (b"<html><body>404</body></html>", "text/html; charset=utf-8")
        data, ctype = reply
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def serve(
    site: Callable[[str], Reply], port: int = 0, address: str = "127.0.0.1"
) -> ThreadingHTTPServer:
    handler = type("Handler", (_Handler,), {"site": staticmethod(site)})
    server = ThreadingHTTPServer((address, port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def parse_chars(value: str) -> tuple[int, int]:
    low, _, high = value.partition("-")
    return int(low), int(high or low)


def summary(pages: list[Page]) -> Iterator[str]:
    """Lines that describe the copy pages."""
    by_kind = {k: [p for p in pages if p.kind == k] for k in KINDS}
    chars = sorted(p.chars for p in pages)
    sizes = sorted(len(p.body) for p in pages)
    kinds = ", ".join(f"{len(v):,} {k}" for k, v in by_kind.items())
    yield f"pages {len(pages):,} ({kinds})"
    yield (
        f"body {chars[0]:,}-{chars[-1]:,} characters (median {chars[len(chars) // 2]:,});"
        f" page {sizes[len(sizes) // 2] / 1024:.1f} KB median, {sum(sizes) / 2**20:.1f} MB in all"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shape", choices=("copies", "aggregator"), default="copies")
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--chars", type=parse_chars, default=None, help="body size, LOW-HIGH")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--urls", type=Path, help="write the article URLs here (copies)")
    parser.add_argument("--jobs", type=int, default=2, help="processes rendering the copies")
    parser.add_argument(
        "--hosts",
        type=int,
        default=1,
        help="copies: serve them on this many loopback addresses (127.0.0.1, .2, …), a page"
        " on each in turn, so that a crawl sees as many sites, each with its own delay",
    )
    args = parser.parse_args()
    servers: list[ThreadingHTTPServer] = []
    if args.shape == "copies":
        chars = args.chars or (4000, 12000)
        pages = copy_pages(args.pages, chars, args.jobs)
        table = {p.path: (p.body, p.content_type) for p in pages}
        servers = [
            serve(table.get, args.port, f"127.0.0.{n}") for n in range(1, max(1, args.hosts) + 1)
        ]
        bases = [f"http://127.0.0.{n}:{s.server_address[1]}" for n, s in enumerate(servers, 1)]
        base = " ".join(bases)
        if args.urls:
            args.urls.write_text(
                "".join(f"{bases[n % len(bases)]}{p.path}\n" for n, p in enumerate(pages)),
                encoding="utf-8",
            )
        for line in summary(pages):
            print("info", line, flush=True)
    else:
        chars = args.chars or (2000, 4000)
        site = Aggregator(args.pages, chars)

        def reply(path: str) -> Reply:
            html = site.page(path)
            return None if html is None else (html.encode(), "text/html; charset=utf-8")

        servers = [serve(reply, args.port)]
        base = f"http://127.0.0.1:{servers[0].server_address[1]}"
        issues = sum(len(j.issues) for j in site.journals)
        print(
            f"info pages {len(site.articles):,} articles in {issues:,} issues of"
            f" {len(site.journals)} journals; body {chars[0]:,}-{chars[1]:,} characters",
            flush=True,
        )
    print(f"ready {base}", flush=True)
    sys.stdin.read()  # until the bench closes stdin
    for server in servers:
        server.shutdown()


if __name__ == "__main__":
    main()
