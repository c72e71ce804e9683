"""The evaluation set (`tests/eval`): the crawl stores every page and meets every
floor on the developed layouts and on the held-out one, for the set's pages and
for the hard pages, and leaks no spam or pinyin; the set is complete,
deterministic and consistent with the corpus (and `hardset.py`) and its own
pages; the scorer can fail and can pass.

`.venv/bin/python tests/eval/run.py --failures` shows what is wrong, page by page.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

EVAL = Path(__file__).resolve().parent
if str(EVAL) not in sys.path:
    sys.path.insert(0, str(EVAL))

import generate  # noqa: E402
import hardset  # noqa: E402
import pagekit  # noqa: E402
import scoring  # noqa: E402
from variations import VARIATIONS  # noqa: E402

from journals.samplesite.corpus import all_articles  # noqa: E402
from pipelines.cleaning.text import normalize_text, normalize_title  # noqa: E402

FLOORS = scoring.load_floors()
HARD_FLOORS = scoring.load_hard_floors()
ENCODINGS = {"utf-8": "utf-8", "gbk": "gb18030", "gb18030": "gb18030", "big5": "big5hkscs"}


@pytest.fixture(scope="module")
def pages() -> list[scoring.Page]:
    return scoring.load_pages()


@pytest.fixture(scope="module")
def results(pages: list[scoring.Page]) -> list[scoring.Result]:
    return scoring.evaluate(pages)


# --- the gate ----------------------------------------------------------------------


# The held-out fields below their floors when the held-out layout was scored: the
# extractor does not yet generalise to it there (tests/eval/README.md). Each such
# field's held-out test is a strict expected failure: the day the field reaches its
# floor the test fails, and the field comes off this list. A held-out field at its
# floor carries no mark, so falling below it fails the suite.
HELD_OUT_BELOW: frozenset[str] = frozenset()
HELD_OUT_BELOW_FLOORS = pytest.mark.xfail(
    strict=True, reason="generality not yet shown: the held-out layout scores below this floor"
)


# Likewise for the hard pages' floors in the held-out layout.
HARD_HELD_OUT_BELOW: frozenset[str] = frozenset()


def _floor_params() -> list[Any]:
    params = []
    for hard, floors, below, (developed, held_out) in (
        (False, FLOORS, HELD_OUT_BELOW, (scoring.DEVELOPED, scoring.HELD_OUT_COLUMN)),
        (True, HARD_FLOORS, HARD_HELD_OUT_BELOW, (scoring.HARD_DEVELOPED, scoring.HARD_HELD_OUT)),
    ):
        tag = "hard-" if hard else ""
        params += [pytest.param(f, developed, id=f"{tag}{f}-developed") for f in floors]
        params += [
            pytest.param(
                f,
                held_out,
                marks=[HELD_OUT_BELOW_FLOORS] if f in below else [],
                id=f"{tag}{f}-held-out",
            )
            for f in floors
        ]
    return params


def test_held_out_marks_name_floors() -> None:
    assert set(HELD_OUT_BELOW) <= set(FLOORS)
    assert set(HARD_HELD_OUT_BELOW) <= set(HARD_FLOORS)


@pytest.mark.parametrize(("field", "column"), _floor_params())
def test_floor(results: list[scoring.Result], field: str, column: str) -> None:
    hard = column in (scoring.HARD_DEVELOPED, scoring.HARD_HELD_OUT)
    floor = (HARD_FLOORS if hard else FLOORS)[field]
    chosen = scoring.columns(results, hard)[column]
    value = scoring.accuracy(chosen, field)
    assert value is not None, f"no pages in {column}"
    # The held-out layout's wrong fields are not printed: nobody develops against it.
    wrong = [
        line
        for line in scoring.failures(chosen)
        if (f" {field}: " in line or "extraction failed" in line or "not stored" in line)
        and column in (scoring.DEVELOPED, scoring.HARD_DEVELOPED)
    ]
    assert value >= floor, f"{field} in {column}: {value:.3f} < floor {floor:.2f}\n" + "\n".join(
        wrong[:20]
    )


def test_no_spam_or_pinyin_leaks(results: list[scoring.Result]) -> None:
    leaked = [f"{r.page.id}: {leak}" for r in results for leak in r.leaks]
    assert not leaked, "\n".join(leaked)


def test_floors_are_pinned() -> None:
    assert FLOORS == {
        "stored": 1.0,
        "title": 0.99,
        "date": 0.99,
        "journal": 0.99,
        "year": 0.99,
        "issue": 0.99,
        "authors": 0.97,
        "keywords": 0.97,
        "body_start": 0.97,
        "body_end": 0.97,
    }
    # keywords: reported, no floor yet (README.md, "The hard pages")
    assert HARD_FLOORS == {
        "stored": 1.0,
        "title": 0.99,
        "date": 0.99,
        "journal": 0.99,
        "year": 0.99,
        "issue": 0.99,
        "authors": 0.97,
        "body_start": 0.97,
        "body_end": 0.97,
    }


# --- the set -------------------------------------------------------------------------


def test_size(pages: list[scoring.Page]) -> None:
    layouts = {p.layout for p in pages}
    assert len(pages) >= 40
    assert len(layouts) >= 7 and scoring.HELD_OUT in layouts
    for layout in scoring.LAYOUTS:
        assert sum(p.layout == layout and not p.hard for p in pages) >= 8, layout
    # the hard pages: the archive's, and copies in several copy layouts
    hard = [p for p in pages if p.hard]
    assert {p.layout for p in hard} >= {*scoring.ARCHIVE_LAYOUTS, "copy-trad", "copy-gbk"}
    assert len({p.layout for p in hard} - set(scoring.ARCHIVE_LAYOUTS)) >= 4
    for tag in ("no-journal-line", "keywords-run-nested", "authors-run-together-padded"):
        assert sum(tag in p.variations for p in hard) >= 8, tag
    assert sum("body-cut" in p.variations for p in hard) >= 8
    assert sum(bool(p.expected["keywords"]) and "keywords-links" in p.variations for p in hard) >= 8


def test_hard_pages_are_apart(pages: list[scoring.Page]) -> None:
    """The hard pages are those of each layout's `HARD` plan; no layout shows an
    article twice (the crawl stores each layout apart: a page's record is its own);
    the archive's articles are shown by no other page."""
    for layout in scoring.LAYOUTS:
        names = {p.name for p in pages if p.layout == layout and p.hard}
        assert names == {spec.name for spec in generate.HARD[layout]}, layout
        shown = [s.article for s in generate.PLAN[layout] + generate.HARD[layout]]
        assert len(shown) == len(set(shown)), layout
    archive = [s.article for layout in scoring.ARCHIVE_LAYOUTS for s in generate.HARD[layout]]
    assert sorted(archive) == sorted(hardset.ARCHIVE_IDS)
    others = [
        s.article
        for layout in scoring.LAYOUTS
        for s in generate.PLAN[layout] + generate.HARD[layout]
        if layout not in scoring.ARCHIVE_LAYOUTS or s not in generate.HARD[layout]
    ]
    assert not set(archive) & set(others)


def test_columns(results: list[scoring.Result]) -> None:
    """One layout held out; every other one, those once held out among them,
    developed."""
    assert scoring.HELD_OUT == pagekit.HELD_OUT == "copy-reading-room"
    assert scoring.LAYOUTS == pagekit.LAYOUTS == tuple(generate.PLAN)
    assert scoring.DEVELOPED_LAYOUTS == (
        "fx361", "fx361-mobile", "copy-trad", "copy-gbk", "copy-table",
        "copy-periodical-portal", "copy-discuz", "copy-dedecms", "copy-wechat-mirror",
        "copy-wechat-archive", "copy-personal-library", "copy-digest-library",
        "copy-trs-portal", "copy-docshare", "copy-wenku", "copy-blog", "copy-essay-site",
        "copy-periodical-reader", "copy-news-feed", "copy-self-media", "copy-academic-db",
        "copy-county-site", "copy-news-portal", "copy-theory-channel",
    )  # fmt: skip
    cols = scoring.columns(results)
    developed = {r.page.layout for r in cols[scoring.DEVELOPED]}
    held_out = {r.page.layout for r in cols[scoring.HELD_OUT_COLUMN]}
    assert developed == set(scoring.DEVELOPED_LAYOUTS) and held_out == {scoring.HELD_OUT}
    hard = scoring.columns(results, hard=True)
    assert not any(r.page.hard for r in cols[scoring.DEVELOPED] + cols[scoring.HELD_OUT_COLUMN])
    assert all(r.page.hard for r in hard[scoring.HARD_DEVELOPED] + hard[scoring.HARD_HELD_OUT])
    assert {r.page.layout for r in hard[scoring.HARD_HELD_OUT]} <= {scoring.HELD_OUT}
    assert len(cols[scoring.DEVELOPED]) + len(cols[scoring.HELD_OUT_COLUMN]) + len(
        hard[scoring.HARD_DEVELOPED]
    ) + len(hard[scoring.HARD_HELD_OUT]) == len(results)


def test_aggregator_layouts_reach_its_parser(pages: list[scoring.Page]) -> None:
    """The aggregator's own layouts (`fx361`, `fx361-mobile`) are in its markup as the
    evidence shows it (docs/fx361.md): the aggregator's parser reads every one of
    their pages, not the generic extractor."""
    from scrapy.http import HtmlResponse

    from crawler import sites
    from crawler.extraction.decoding import redecode

    own = [p for p in pages if p.layout in ("fx361", "fx361-mobile")]
    assert len(own) == sum(
        len(generate.PLAN[layout] + generate.HARD[layout]) for layout in ("fx361", "fx361-mobile")
    )
    for page in own:
        response = redecode(HtmlResponse(page.url, body=page.body, headers=page.headers))
        assert sites.parser_for(response) is sites.fx361, page.id


def test_every_variation_occurs(pages: list[scoring.Page]) -> None:
    covered = scoring.coverage(pages, VARIATIONS)
    assert not [t for t in VARIATIONS if not covered[t]], "tags no page carries"
    assert set(covered) == set(VARIATIONS), "tags outside the list"


def test_generate_is_deterministic(tmp_path: Path) -> None:
    generate.generate(tmp_path)
    made = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    kept = sorted(p.relative_to(scoring.PAGES) for p in scoring.PAGES.rglob("*") if p.is_file())
    assert made == kept
    changed = [
        str(p) for p in made if (tmp_path / p).read_bytes() != (scoring.PAGES / p).read_bytes()
    ]
    assert not changed, f"regenerate the set (tests/eval/generate.py): {changed}"


def test_pages_are_well_formed(pages: list[scoring.Page]) -> None:
    for page in pages:
        exp = page.expected
        assert set(exp) == {
            "title", "authors", "date", "journal", "year", "issue", "keywords", "body", "garbled"
        }, page.id  # fmt: skip
        assert re.fullmatch(r"https?://[^/]+/\S+", page.url), page.id
        assert page.headers["Content-Type"].startswith("text/html"), page.id
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", exp["date"]), page.id
        assert (exp["journal"] is None) == (exp["year"] is None) == (exp["issue"] is None), page.id
        assert exp["year"] is None or type(exp["year"]) is int
        assert exp["issue"] is None or re.fullmatch(r"Z?\d{1,2}|\d{1,2}-\d{1,2}", exp["issue"])
        assert isinstance(exp["garbled"], bool) and exp["garbled"] == (
            "mojibake" in page.variations
        )
        assert all(isinstance(a, str) and a for a in exp["authors"] + exp["keywords"]), page.id
        assert len(exp["body"]) > 2 * scoring.EDGE, page.id
        assert page.body.lstrip().startswith(b"<"), page.id
        assert sum(t in ENCODINGS for t in page.variations) == 1, page.id
        if "body-cut" in page.variations:  # the copy ends mid-sentence
            assert re.search(r"[\u4e00-\u9fff]$", exp["body"]), page.id


def _everything() -> list[Any]:
    """(journal, issue, article) of the corpus and of the hard pages."""
    return all_articles() + list(hardset.hard_articles().values())


def _article(page: scoring.Page) -> Any:
    """The corpus article a page shows: by the article number in its URL, or
    (a copy site numbering its own way) by its title."""
    numbers = {int(n) for n in re.findall(r"(?<!\d)\d{7}(?!\d)", page.url)}
    articles = [a for _, _, a in _everything()]
    by_number = [a for a in articles if a.id in numbers]
    if by_number:
        return by_number[-1]
    title = page.expected["title"]
    return next(a for a in articles if normalize_title(a.title) == title)


def test_expected_values_follow_the_corpus(pages: list[scoring.Page]) -> None:
    for page in pages:
        exp, article = page.expected, _article(page)
        assert exp["title"] == normalize_title(article.title), page.id
        assert exp["authors"] == list(article.authors), page.id
        assert exp["keywords"] == list(article.keywords), page.id
        assert exp["date"] == f"{article.posted_at:%Y-%m-%d}", page.id
        journal, issue = next((j, i) for j, i, a in _everything() if a is article)
        if exp["journal"] is not None:
            assert (exp["journal"], exp["year"]) == (journal.name, issue.year), page.id
            combined = issue.issue.startswith("Z")
            assert exp["issue"] == issue.issue or (combined and exp["issue"] == "1-2"), page.id
        # the body ends with the corpus text; a garbled span changes one line, not its ends;
        # a copy cut mid-sentence ends with the start of a block, the blocks after it gone
        lines = exp["body"].split("\n")
        blocks = [normalize_text(b.text) for b in article.blocks]
        if "body-cut" in page.variations:
            last = lines[-1]
            k = next(
                k
                for k, block in enumerate(blocks)
                if block.startswith(last) and block != last and lines[-k - 1 : -1] == blocks[:k]
            )
            blocks = blocks[:k] + [last]
        front, tail = lines[: -len(blocks)], lines[-len(blocks) :]
        differ = [n for n, (got, want) in enumerate(zip(tail, blocks, strict=True)) if got != want]
        assert len(differ) == int(exp["garbled"]), page.id
        clean = "\n".join(front + blocks)
        assert exp["body"][: scoring.EDGE] == clean[: scoring.EDGE], page.id
        assert exp["body"][-scoring.EDGE :] == clean[-scoring.EDGE :], page.id


def _visible(page: scoring.Page, hidden: bool = False) -> str:
    """The page's text as a reader sees it, decoded with its true encoding."""
    encoding = next(ENCODINGS[t] for t in page.variations if t in ENCODINGS)
    root = lxml_html.fromstring(page.body.decode(encoding))
    for el in root.xpath("//script|//style|//head"):
        el.drop_tree()
    if not hidden:
        for el in root.xpath("//*[contains(translate(@style, ' ', ''), 'display:none')]"):
            el.drop_tree()
    for el in root.iter():
        if el.tag in ("p", "div", "h1", "h2", "h3", "li", "td", "tr", "br"):
            el.tail = "\n" + (el.tail or "")
    return root.text_content()


def _flat(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _date(text: str) -> tuple[int, int, int]:
    year, month, day = (int(x) for x in text.split("-"))
    return year, month, day


def _dates(text: str) -> set[tuple[int, int, int]]:
    """Every year-month-day the text writes, whatever the separators."""
    found = re.findall(r"(?<!\d)(\d{4})\D{1,2}(\d{1,2})\D{1,2}(\d{1,2})(?!\d)", text)
    return {(int(y), int(m), int(d)) for y, m, d in found}


def test_expected_text_is_on_the_page(pages: list[scoring.Page]) -> None:
    """Every expected line, name, keyword and the title are on the page (in the page's
    script, without its pinyin); the date too; the spam and pinyin recorded are there."""
    for page in pages:
        exp = page.expected
        encoding = next(t for t in page.variations if t in ENCODINGS)
        trad = "traditional" in page.variations
        text = _visible(page)
        for note in page.pinyin:
            assert note in text, page.id
            text = text.replace(note, "")
        if "stray-traditional" in page.variations:
            text = pagekit.opencc.OpenCC("t2s").convert(text)

        def shown(s: str, encoding: str = encoding, trad: bool = trad) -> str:
            return _flat(pagekit.script(s, encoding) if trad else s)

        flat = _flat(text)
        lines = "\n".join(normalize_text(line) for line in text.split("\n"))
        missing = [
            line
            for line in exp["body"].split("\n")
            if (pagekit.script(line, encoding) if trad else line) not in lines
        ]
        assert len(missing) <= int(exp["garbled"]), (page.id, missing)
        for part in exp["title"].replace("——", "\n——").split("\n"):
            assert shown(part) in flat, (page.id, part)
        for value in exp["authors"] + exp["keywords"]:
            assert shown(value) in flat, (page.id, value)
        if exp["journal"]:
            assert shown(exp["journal"]) in flat, page.id
        assert _date(exp["date"]) in _dates(unicodedata.normalize("NFKC", text)), page.id
        everything = _flat(_visible(page, hidden=True))
        for spam in page.spam:
            assert _flat(spam) in everything, (page.id, spam)


# --- the scorer ------------------------------------------------------------------------

EXPECTED = {
    "title": "青浦：做好联系人民群众三篇文章",
    "authors": ["虞崇胜", "温潇俊"],
    "date": "2018-11-20",
    "journal": "上海人大月刊",
    "year": 2018,
    "issue": "9",
    "keywords": ["民情", "工作站", "人大常委会"],
    "body": "青浦区人大常委会高度重视联系人民群众工作，坚持走群众路线，认真做好三篇文章。\n"
    "倾听民声\n"
    "区人大常委会加强定期沟通协调，使政府及时掌握社情民意，为促进民生问题有效解决创造条件。",
    "garbled": False,
}
SPAM = "澳门新葡京娱乐城_真人百家乐开户送彩金_时时彩计划网"
COUNTY = "汉阴县| 重庆市| 青浦区| 张掖市| 洛宁县|"


def _page(layout: str = "fx361", expected: dict[str, Any] | None = None, **kw: Any) -> scoring.Page:
    values: dict[str, Any] = {
        "layout": layout,
        "name": "p",
        "url": "https://www.fx361.com/page/2018/1120/5108306.shtml",
        "headers": {"Content-Type": "text/html"},
        "body": b"<html></html>",
        "variations": (),
        "expected": expected or EXPECTED,
        "spam": (),
        "pinyin": (),
    }
    values.update(kw)
    return scoring.Page(**values)


def _oracle(page: scoring.Page) -> dict[str, Any]:
    exp = dict(page.expected)
    exp["flags"] = ["garbled"] if exp.pop("garbled") else []
    return exp


def test_score_right_record() -> None:
    assert all(scoring.score(EXPECTED, _oracle(_page())).values())


@pytest.mark.parametrize(
    ("change", "wrong"),
    [
        ({"title": "青浦：做好联系人民群众三篇文章*"}, "title"),
        ({"date": "2018-11-21"}, "date"),
        ({"journal": None}, "journal"),
        ({"year": "2018"}, "year"),
        ({"year": None}, "year"),
        ({"issue": "09"}, "issue"),
        ({"authors": ["温潇俊", "虞崇胜"]}, "authors"),
        ({"authors": ["虞崇胜温潇俊"]}, "authors"),
        ({"keywords": ["民情工作站人大常委会"]}, "keywords"),
        ({"keywords": ["民情", "工作站"]}, "keywords"),
        ({"body": "虞崇胜 温潇俊\n" + EXPECTED["body"]}, "body_start"),
        ({"body": EXPECTED["body"] + "\n猜你喜欢"}, "body_end"),
        ({"flags": ["garbled"]}, "garbled"),
    ],
)
def test_score_wrong_field(change: dict[str, Any], wrong: str) -> None:
    record = _oracle(_page()) | change
    scores = scoring.score(EXPECTED, record)
    assert [name for name, ok in scores.items() if not ok] == [wrong]


def test_score_tolerates_what_it_should() -> None:
    record = _oracle(_page()) | {"keywords": ["人大常委会", "民情", "工作站"]}
    middle = EXPECTED["body"].replace("倾听民声", "倾听民声（小标题）")
    record["body"] = middle  # only the ends of the body are compared
    assert all(scoring.score(EXPECTED, record).values())
    missing = {"journal": None, "year": None, "issue": None}
    assert all(scoring.score(EXPECTED | missing, _oracle(_page()) | missing).values())
    # no journal line: empty on both sides is right, whichever empty
    empty = {"journal": "", "year": "", "issue": ""}
    assert all(scoring.score(EXPECTED | missing, _oracle(_page()) | empty).values())
    wrong = scoring.score(EXPECTED | missing, _oracle(_page()))
    assert [name for name, ok in wrong.items() if not ok] == ["journal", "year", "issue"]


def test_not_stored_scores_zero() -> None:
    assert not any(scoring.score(EXPECTED, None).values())
    assert scoring.score(EXPECTED, _oracle(_page()))["stored"]


def test_failed_extraction_scores_zero() -> None:
    def broken(page: scoring.Page) -> dict[str, Any]:
        raise ValueError("not an article")

    [result] = scoring.evaluate([_page()], extractor=broken)
    assert result.record is None and result.error == "ValueError: not an article"
    assert not any(result.scores.values())
    assert scoring.failures([result]) == ["fx361/p: extraction failed: ValueError: not an article"]


@pytest.mark.parametrize(
    "body",
    [
        EXPECTED["body"] + "\n" + SPAM,
        EXPECTED["body"] + "\n澳門新葡京娛樂城_真人百家樂開戶送彩金",  # Traditional
        "真人百家乐开户送彩金 " + EXPECTED["body"],  # one item of it
        EXPECTED["body"] + "\n张掖市 洛宁县",  # items of the county list
        EXPECTED["body"].replace("联系", "联（lián）系"),  # full-width brackets
        EXPECTED["body"].replace("联系", "聯(lián)系"),
    ],
)
def test_leaks_found(body: str) -> None:
    page = _page(spam=(SPAM, COUNTY), pinyin=("(lián)",))
    assert scoring.leaks(page, _oracle(page) | {"body": body})


def test_leaks_not_found_in_clean_record() -> None:
    # 青浦区 is in the county list and in the article: the article's own words are no leak
    page = _page(spam=(SPAM, COUNTY), pinyin=("(lián)", "(qū)"))
    assert scoring.leaks(page, _oracle(page)) == []
    assert scoring.leaks(page, None) == []
    record = _oracle(page) | {"authors": ["陈殊书（lián）"]}
    assert scoring.leaks(page, record) == ["pinyin (lián)"]


def test_gate_passes_and_fails() -> None:
    pages = [_page(layout) for layout in scoring.LAYOUTS]
    right = scoring.evaluate(pages, extractor=_oracle)
    assert scoring.gate(right, FLOORS) == []
    assert "PASS" in scoring.table(right, FLOORS) and "FAIL" not in scoring.table(right, FLOORS)

    def wrong_title_held_out(page: scoring.Page) -> dict[str, Any]:
        record = _oracle(page)
        if page.layout == scoring.HELD_OUT:
            record["title"] = "青浦"
        return record

    problems = scoring.gate(scoring.evaluate(pages, extractor=wrong_title_held_out), FLOORS)
    assert problems == [f"title: {scoring.HELD_OUT_COLUMN} 0.000 < 0.99"]

    def leaky(page: scoring.Page) -> dict[str, Any]:
        return _oracle(page) | {"body": EXPECTED["body"] + "\n" + SPAM}

    spammy = [_page(layout, spam=(SPAM,)) for layout in scoring.LAYOUTS]
    assert (
        scoring.gate(scoring.evaluate(spammy, extractor=leaky), FLOORS)[-1]
        == f"{len(scoring.LAYOUTS)} spam or pinyin leak(s)"
    )
    developed_only = [r for r in right if r.page.layout != scoring.HELD_OUT]
    assert scoring.gate(developed_only, FLOORS)[0] == f"{scoring.HELD_OUT_COLUMN}: no pages"
    held_out_only = [r for r in right if r.page.layout == scoring.HELD_OUT]
    assert scoring.gate(held_out_only, FLOORS)[0] == f"{scoring.DEVELOPED}: no pages"

    # every developed layout counts in the developed column, those once held out among them
    share = 1 / len(scoring.DEVELOPED_LAYOUTS)
    for layout in scoring.DEVELOPED_LAYOUTS:

        def wrong_title(page: scoring.Page, layout: str = layout) -> dict[str, Any]:
            record = _oracle(page)
            if page.layout == layout:
                record["title"] = "青浦"
            return record

        problems = scoring.gate(scoring.evaluate(pages, extractor=wrong_title), FLOORS)
        assert problems == [f"title: {scoring.DEVELOPED} {1 - share:.3f} < 0.99"], layout


def test_gate_passes_on_the_set_with_the_expected_records(pages: list[scoring.Page]) -> None:
    """The set can be passed: its expected records score 1 everywhere and leak nothing."""
    right = scoring.evaluate(pages, extractor=_oracle)
    assert scoring.gate(right, FLOORS, HARD_FLOORS) == []
    assert all(all(r.scores.values()) for r in right)
    # stored, but nothing right: every floor but `stored` fails in all four columns
    assert scoring.columns(right, hard=True)[scoring.HARD_HELD_OUT], "held-out hard pages"
    empty = scoring.evaluate(pages, extractor=lambda page: {})
    failed = scoring.gate(empty, FLOORS, HARD_FLOORS)
    assert len(failed) == 2 * (len(FLOORS) - 1) + 2 * (len(HARD_FLOORS) - 1)
    # not stored: every floor fails
    dropped = scoring.evaluate(pages, extractor=lambda page: None)
    failed = scoring.gate(dropped, FLOORS, HARD_FLOORS)
    assert len(failed) == 2 * len(FLOORS) + 2 * len(HARD_FLOORS)
    assert scoring.failures(dropped[:1]) == [f"{pages[0].id}: not stored (a pipeline dropped it)"]
