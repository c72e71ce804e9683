"""The sample site's content: journals, issues and articles as the brief describes them,
each issue's table of contents (columns and positions), and the pages the site serves
from it (`docs/fx361.md`, "The model")."""

from __future__ import annotations

import hashlib
import os
import re
import statistics
import subprocess
import sys
import urllib.error
import urllib.request
from collections import Counter
from datetime import datetime, timedelta
from itertools import groupby

import pytest
from parsel import Selector
from support.runners import ROOT

from journals.samplesite import corpus, render, server, tocplan
from journals.samplesite.corpus import (
    SampleArticle,
    SampleIssue,
    SampleJournal,
    all_articles,
    build_corpus,
    issue_month,
)

SEED_ID = 5108306
# code: (name, province, first year, label pattern)
EXPECTED = {
    "shrdyk": ("上海人大月刊", "上海", 2016, r"\d{4}年(\d+|Z\d)期"),
    "zjrd": ("浙江人大", "浙江", 2014, r"\d{4}年(\d+|Z\d)期"),
    "tjrd": ("天津人大", "天津", 2016, r"\d{4}年(\d+|Z\d)期"),
    "rdyj": ("人大研究", "甘肃", 2015, r"\d{4}年第\d+期"),
    "gmyfz": ("公民与法治", "河北", 2019, r"\d{4}年(\d+|Z\d)期"),
}
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "夏侯")
CJK = re.compile(r"^[\u4e00-\u9fff]+$")


def journals() -> dict[str, SampleJournal]:
    return {j.code: j for j in build_corpus()}


def body(article: SampleArticle) -> str:
    return "".join(b.text for b in article.blocks)


def length(article: SampleArticle) -> int:
    return sum(len(b.text) for b in article.blocks)


def number(issue: str) -> float:
    """`9` → 9; the combined `Z1` (issues 1 and 2) → 1.5."""
    return 2 * int(issue[1:]) - 0.5 if issue.startswith("Z") else int(issue)


def issue(code: str, year: int, number: str) -> SampleIssue:
    found = [i for i in journals()[code].issues if (i.year, i.issue) == (year, number)]
    assert len(found) == 1, f"{code} {year} {number}"
    return found[0]


# --- journals and issues ----------------------------------------------------------------


def test_five_journals_with_three_consecutive_years() -> None:
    found = journals()
    assert set(EXPECTED) <= set(found)
    for code, (name, province, first, _) in EXPECTED.items():
        journal = found[code]
        assert (journal.name, journal.province) == (name, province)
        assert {i.year for i in journal.issues} == {first, first + 1, first + 2}
        assert re.fullmatch(r"[a-z]+", journal.code)


def test_labels_follow_each_journals_style() -> None:
    for code, (*_, pattern) in EXPECTED.items():
        for i in journals()[code].issues:
            assert re.fullmatch(pattern, i.label), i.label
            assert i.label.startswith(f"{i.year}年")
            assert i.issue in i.label
    assert issue("shrdyk", 2018, "9").label == "2018年9期"
    assert issue("zjrd", 2014, "6").label == "2014年6期"
    assert issue("zjrd", 2015, "Z1").label == "2015年Z1期"
    assert issue("tjrd", 2017, "6").label == "2017年6期"
    assert issue("gmyfz", 2020, "Z1").label == "2020年Z1期"
    assert issue("gmyfz", 2020, "8").label == "2020年8期"
    assert issue("rdyj", 2016, "3").label == "2016年第3期"


def test_a_combined_issue_replaces_the_two_it_combines() -> None:
    for code, year in (("zjrd", 2015), ("gmyfz", 2020)):
        numbers = {i.issue for i in journals()[code].issues if i.year == year}
        assert "Z1" in numbers
        assert not numbers & {"1", "2"}


def test_issues_are_newest_first_and_unique() -> None:
    for journal in build_corpus():
        keys = [(i.year, issue_month(journal, i), number(i.issue)) for i in journal.issues]
        assert keys == sorted(keys, reverse=True), journal.code
        assert len({(i.year, i.issue) for i in journal.issues}) == len(journal.issues)


def test_renda_yanjiu_has_every_month_others_three_to_five_issues_a_year() -> None:
    rdyj = journals()["rdyj"]
    assert len(rdyj.issues) == 36
    assert {(i.year, i.issue) for i in rdyj.issues} == {
        (y, str(m)) for y in (2015, 2016, 2017) for m in range(1, 13)
    }
    for code in ("shrdyk", "zjrd", "tjrd", "gmyfz"):
        per_year = Counter(i.year for i in journals()[code].issues)
        assert all(3 <= n <= 5 for n in per_year.values()), (code, per_year)


def test_issue_month() -> None:
    assert issue_month("shrdyk", "9") == 9
    assert issue_month("zjrd", "Z1") == 2  # issues 1 and 2 of a monthly
    assert issue_month("gmyfz", "8") == 4  # a semi-monthly
    assert issue_month("gmyfz", "Z1") == 1
    assert issue_month("gmyfz", "24") == 12


# --- articles per issue -------------------------------------------------------------------


def test_articles_per_issue_and_in_total() -> None:
    for journal in build_corpus():
        most = 2 if journal.code == "rdyj" else 3
        for i in journal.issues:
            assert 1 <= len(i.articles) <= most, (journal.code, i.label)
    assert 80 <= len(all_articles()) <= 140


def test_the_seed_issue_is_there_without_the_seed() -> None:
    seed_issue = issue("shrdyk", 2018, "9")
    assert 1 <= len(seed_issue.articles) <= 2
    ids = {a.id for _, _, a in all_articles()}
    assert SEED_ID not in ids
    assert all(a.title != "青浦:做好联系人民群众三篇文章" for _, _, a in all_articles())


def test_all_articles_lists_each_article_once_with_its_journal_and_issue() -> None:
    listed = all_articles()
    assert len(listed) == sum(len(i.articles) for j in build_corpus() for i in j.issues)
    for journal, iss, article in listed:
        assert iss in journal.issues
        assert article in iss.articles


# --- columns and positions ----------------------------------------------------------------


def test_every_issue_lists_its_articles_under_columns() -> None:
    """Two to four columns where an issue has two articles or more; one for a single one."""
    for journal in build_corpus():
        for i in journal.issues:
            columns = list(dict.fromkeys(a.column for a in i.articles))
            expected = 1 if len(i.articles) == 1 else 2
            assert expected <= len(columns) <= 4, (journal.code, i.label, columns)
            assert len(columns) == tocplan.column_count(len(i.articles))
            names = tocplan.COLUMNS[journal.code]
            assert set(columns) <= set(names)
            assert columns == sorted(columns, key=names.index), (journal.code, i.label)


def test_positions_count_from_one_in_page_order_and_columns_are_contiguous() -> None:
    for journal in build_corpus():
        for i in journal.issues:
            assert [a.position for a in i.articles] == list(range(1, len(i.articles) + 1))
            runs = [column for column, _ in groupby(a.column for a in i.articles)]
            assert len(runs) == len(set(runs)), (journal.code, i.label)  # one group a column


def test_columns_come_from_ids_not_from_the_random_draws() -> None:
    for journal in build_corpus():
        for i in journal.issues:
            ids = [a.id for a in i.articles]
            placed = tocplan.table_of_contents(journal.code, i.year, i.issue, ids)
            assert placed == [(a.column, a.position) for a in i.articles]
            assert ids == sorted(ids)


def test_columns_vary_and_some_hold_several_articles() -> None:
    articles = all_articles()
    assert len({(j.code, a.column) for j, _, a in articles}) >= 20
    shared = Counter((j.code, i.year, i.issue, a.column) for j, i, a in articles)
    assert any(n >= 2 for n in shared.values())
    assert all(CJK.match(a.column) and 2 <= len(a.column) <= 6 for _, _, a in articles)


# --- ids and posting times ----------------------------------------------------------------


def test_ids_are_unique_seven_digit_and_grow_with_posting_time() -> None:
    articles = [a for _, _, a in all_articles()]
    ids = [a.id for a in articles]
    assert len(set(ids)) == len(ids)
    assert all(1_000_000 <= n <= 9_999_999 for n in ids)
    by_time = sorted(articles, key=lambda a: a.posted_at)
    assert [a.id for a in by_time] == sorted(ids)


def test_ids_around_the_seed_fit_its_number() -> None:
    seed_time = datetime(2018, 11, 20, 1, 18, 20)
    for _, _, a in all_articles():
        assert (a.id < SEED_ID) == (a.posted_at < seed_time), a.id


def test_posted_5_to_120_days_after_the_issue_month() -> None:
    for journal, iss, article in all_articles():
        month = issue_month(journal, iss)
        month_after = datetime(iss.year + month // 12, month % 12 + 1, 1)
        delay = article.posted_at - month_after
        assert timedelta(days=5) <= delay <= timedelta(days=120), (journal.code, iss.label)
        assert article.posted_at.microsecond == 0
    seconds = {a.posted_at.second for _, _, a in all_articles()}
    assert len(seconds) > 20  # times carry real seconds


def test_some_pages_show_only_the_date() -> None:
    articles = [a for _, _, a in all_articles()]
    hidden = sum(not a.show_time for a in articles)
    assert 0.08 <= hidden / len(articles) <= 0.32


# --- bodies -------------------------------------------------------------------------------


def test_length_distribution() -> None:
    lengths = [length(a) for _, _, a in all_articles()]
    assert sum(n < 600 for n in lengths) >= 3
    assert sum(n > 8000 for n in lengths) >= 3
    assert sum(n > 14000 for n in lengths) >= 1
    assert max(lengths) <= 15000
    assert min(lengths) >= 250
    assert sum(1500 <= n <= 5000 for n in lengths) > len(lengths) / 2
    assert 1500 <= statistics.median(lengths) <= 5000


def test_long_articles_have_short_section_headings() -> None:
    for _, _, article in all_articles():
        headings = [b.text for b in article.blocks if b.kind == "heading"]
        if length(article) > 2000:
            assert headings, article.title
        for heading in headings:
            assert 2 <= len(heading) <= 24, heading
            assert heading[-1] not in "。，；：！？、", heading
        assert article.blocks[0].kind == "paragraph"
        assert article.blocks[-1].kind == "paragraph"
        assert all(b.kind in ("heading", "paragraph") and b.text for b in article.blocks)


def test_numbered_headings_count_up() -> None:
    numerals = list(corpus.NUMERALS)
    numbered_articles = 0
    for _, _, article in all_articles():
        numbered = [
            b.text.split("、", 1)[0]
            for b in article.blocks
            if b.kind == "heading" and re.match(r"^[一二三四五六七八九十]+、", b.text)
        ]
        if numbered:
            numbered_articles += 1
            assert numbered == numerals[: len(numbered)], article.title
    assert numbered_articles >= 10


def test_some_articles_use_four_character_headings() -> None:
    four = [
        a
        for _, _, a in all_articles()
        if any(b.kind == "heading" and len(b.text) == 4 for b in a.blocks)
    ]
    assert len(four) >= 3


def test_paragraphs_end_as_sentences_and_never_repeat() -> None:
    for _, _, article in all_articles():
        paragraphs = [b.text for b in article.blocks if b.kind == "paragraph"]
        assert len(set(paragraphs)) == len(paragraphs), article.title
        for text in paragraphs:
            assert text[-1] in "。？！”", text[-20:]
        sentences = [s for s in re.findall(r"[^。？！]+[。？！]", body(article)) if len(s) > 12]
        repeated = [s for s, n in Counter(sentences).items() if n > 1]
        assert not repeated, (article.title, repeated[:1])


def test_text_uses_chinese_punctuation() -> None:
    ascii_marks = re.compile(r"[,;:!?\"']")
    pinyin_like = re.compile(r"[\u4e00-\u9fff][（(][a-z]+[）)]")
    for _, _, article in all_articles():
        texts = [article.title, *article.keywords, *(b.text for b in article.blocks)]
        for text in texts:
            assert not ascii_marks.search(text), text[:60]
            assert not pinyin_like.search(text), text[:60]
            assert not re.search(r"[()]", text.replace("(AI)", "")), text[:60]
            assert "  " not in text and text == text.strip()


def test_required_details_occur() -> None:
    bodies = [body(a) for _, _, a in all_articles()]
    assert any("人工智能(AI)" in b for b in bodies)
    assert any("（AI）" in b for b in bodies)
    assert any(re.search(r"《[^》]+（试行）》", b) for b in bodies)
    assert any(re.search(r"\d+(\.\d+)?亿元", b) for b in bodies)
    assert any(re.search(r"\d+(\.\d+)?%", b) for b in bodies)
    assert any(re.search(r"\d+个", b) for b in bodies)
    assert any("2017年" in b for b in bodies)
    for topic in (
        "立法听证",
        "备案审查",
        "执法检查",
        "专题询问",
        "预算审查",
        "国有资产管理",
        "代表联络站",
        "代表工作站",
        "代表建议",
        "基层立法联系点",
        "全过程人民民主",
        "换届选举",
        "人民代表大会制度",
    ):
        assert any(topic in b for b in bodies), topic


def test_the_ai_and_whole_process_democracy_appear_only_in_their_time() -> None:
    for _, iss, article in all_articles():
        if iss.year < 2019:
            assert "AI" not in body(article), article.title
        if iss.year < 2020:
            assert "全过程人民民主" not in body(article) + article.title


# --- titles, authors, keywords ------------------------------------------------------------


def test_titles() -> None:
    titles = [a.title for _, _, a in all_articles()]
    assert len(set(titles)) == len(titles)
    for title in titles:
        assert 6 <= len(title) <= 30, title
        assert not re.search(r"[*①②③④⑤※†‡]|\[\d+\]|注\d", title), title
    assert sum("：" in t for t in titles) >= 3
    assert sum(bool(re.fullmatch(r"\S+ \S+", t)) for t in titles) >= 3
    questions = [t for t in titles if t.endswith("？")]
    assert len(questions) >= 3
    assert any(t.startswith("如何理解") for t in questions)


def test_authors() -> None:
    articles = [a for _, _, a in all_articles()]
    counts = Counter(min(len(a.authors), 2) for a in articles)
    assert 0.05 <= counts[0] / len(articles) <= 0.20
    assert 0.45 <= counts[1] / len(articles) <= 0.75
    assert 0.20 <= counts[2] / len(articles) <= 0.40
    names = [n for a in articles for n in a.authors]
    assert all(len(a.authors) <= 4 for a in articles)
    assert all(len(set(a.authors)) == len(a.authors) for a in articles)
    for name in names:
        assert CJK.match(name) and 2 <= len(name) <= 4, name
        assert name != "佚名"
    assert sum(len(n) == 2 for n in names) >= 5 and sum(len(n) == 3 for n in names) >= 5
    assert any(n.startswith(COMPOUND_SURNAMES) for n in names)
    assert Counter(names).most_common(1)[0][1] >= 3


def test_keywords_occur_in_the_title_or_the_body() -> None:
    articles = [a for _, _, a in all_articles()]
    for article in articles:
        assert len(article.keywords) == 0 or 2 <= len(article.keywords) <= 5
        assert len(set(article.keywords)) == len(article.keywords)
        text = article.title + body(article)
        for keyword in article.keywords:
            assert keyword in text, (article.title, keyword)
            assert CJK.match(keyword), keyword
    empty = sum(not a.keywords for a in articles)
    assert 0.05 <= empty / len(articles) <= 0.30


# --- the site's pages (docs/fx361.md, "The model") -----------------------------------------

SHAPES = re.compile(
    r"^/bk/[a-z]+\.html$|^/bk/[a-z]+/(index|history_\d{4}|\d{4}(\d+|z\d+))\.html$"
    r"|^/page/\d{4}/\d{4}/\d+\.shtml$"
)


def walk(variant: str | None = None) -> tuple[set[str], set[str]]:
    """Every path reached from the home page by the URL shapes: (pages, articles)."""
    seen, articles, todo = set(), set(), ["/"]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        if path.startswith("/page/"):
            articles.add(path)
            continue
        html = server.aggregator_page(path, variant)
        assert html is not None, path
        todo += [h for h in Selector(html).css("a::attr(href)").getall() if SHAPES.match(h)]
    return seen, articles


def test_every_article_is_reached_from_the_home_page_through_its_issue() -> None:
    pages, articles = walk()
    assert articles == {render.article_path(a) for _, _, a in all_articles()}
    assert {render.category_path(c) for c in render.CATEGORIES} <= pages
    for journal in build_corpus():
        assert render.journal_path(journal) in pages
        assert {render.year_path(journal, i.year) for i in journal.issues} <= pages
        assert {render.issue_path(journal, i) for i in journal.issues} <= pages


def test_an_issue_page_lists_its_articles_under_column_headings() -> None:
    for journal in build_corpus():
        for i in journal.issues:
            listing = page(render.issue_path(journal, i))
            listed = [
                (
                    item.css("h5::text").get(),
                    a.attrib["href"],
                    a.attrib["title"],
                    a.css("::text").get(),
                )
                for item in listing.css("#dirList .dirItem02")
                for a in item.css("ul li a")
            ]
            expected = [(a.column, render.article_path(a), a.title, a.title) for a in i.articles]
            assert listed == expected, (journal.code, i.label)
            assert (
                listing.css("h3::text").get()
                == listing.css(".dirWrap h3::text").get()
                == journal.name
            )
            assert listing.css(".magBox1 p::text").get() == i.label


def test_article_pages_desktop_and_mobile() -> None:
    printed = 0
    for journal, i, a in all_articles():
        desktop = Selector(server.aggregator_page(render.article_path(a)) or "")
        assert desktop.css(".detail_main h1#title::text").get() == a.title
        spans = desktop.css(".time_source span").xpath("string()").getall()
        assert spans[:2] == [render.posted_text(a), " ".join(a.authors)]
        assert spans[2:] == ([f"{journal.name} {i.label}"] if render.shows_journal_line(a) else [])
        printed += len(spans) == 3
        assert desktop.css(".article_keyword a::text").getall() == list(a.keywords)
        mobile = Selector(server.mobile_page(render.mobile_path(a)) or "")
        assert mobile.css(".main .bt::text").get() == a.title
        assert f"{journal.name} {i.label}" in mobile.css(".main > p::text").getall()
        paragraphs = mobile.css(".wz_content p").xpath("string()").getall()
        assert len(paragraphs) == len(a.blocks) + bool(a.authors)
    assert 0.65 <= printed / len(all_articles()) <= 0.9


def redirected() -> tuple[SampleJournal, SampleArticle]:
    """The journal and the article of the desktop page that redirects to the mobile one."""
    found = [
        (j, a) for j, _, a in all_articles() if render.article_path(a) == server.REDIRECTED_PATH
    ]
    assert len(found) == 1
    return found[0]


def test_redirects_of_the_desktop_host() -> None:
    journal, article = redirected()
    moved = server.desktop_reply(server.REDIRECTED_PATH, mobile_url="http://m.example")
    assert (moved.status, moved.location) == (301, "http://m.example" + render.mobile_path(article))
    bare = server.desktop_reply(f"/bk/{journal.code}/")
    assert (bare.status, bare.location) == (301, render.journal_path(journal))
    assert server.desktop_reply("/bk/").status == 404
    assert server.desktop_reply(server.NO_JOURNAL_PATH).status == 200


def page(path: str, variant: str | None = None) -> Selector:
    html = server.aggregator_page(path, variant)
    assert html is not None, path
    return Selector(html)


def test_the_renamed_variant_renames_every_class_and_id_and_keeps_the_urls() -> None:
    for path in ("/", render.article_path(all_articles()[0][2]), server.EMPTY_ISSUE_PATH):
        renamed = server.aggregator_page(path, server.RENAMED) or ""
        hrefs = page(path).css("a::attr(href)").getall()
        assert Selector(renamed).css("a::attr(href)").getall() == hrefs
        names = re.findall(r'\s(?:class|id)="([^"]*)"', renamed)
        assert names and all(re.fullmatch(r"x-\S+-v2", t) for n in names for t in n.split())
    with pytest.raises(ValueError):
        server.start(0, variant="no-such-variant")


def test_the_empty_years_variant_keeps_the_tabs_and_lists_no_issue() -> None:
    for journal in build_corpus():
        for year in {i.year for i in journal.issues}:
            emptied = page(render.year_path(journal, year), server.EMPTY_YEARS)
            tabs = emptied.css(".selBox a::attr(href)").getall()
            assert (
                tabs == page(render.year_path(journal, year)).css(".selBox a::attr(href)").getall()
            )
            assert len(tabs) == 3 and emptied.css(".results") and not emptied.css(".results a")


def test_the_empty_issue_variant_empties_one_issue_that_is_not_the_newest() -> None:
    code, year, number = server.EMPTY_ISSUE_AT
    emptied = issue(code, year, number)
    assert render.issue_path(code, emptied) == server.EMPTY_ISSUE_PATH
    assert emptied is not journals()[code].issues[0]
    assert not page(server.EMPTY_ISSUE_PATH, server.EMPTY_ISSUE).css("#dirList .dirItem02")
    assert page(server.EMPTY_ISSUE_PATH).css("#dirList .dirItem02")
    _, articles = walk(server.EMPTY_ISSUE)
    assert len(articles) == len(all_articles()) - len(emptied.articles)


def test_the_three_hosts_share_a_port() -> None:
    def get(url: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.status, response.url
        except urllib.error.HTTPError as exc:
            return exc.code, url

    with server.start(0) as site:
        hosts = (site.base_url, site.mobile_url, site.mirror_url)
        assert len({url.rsplit(":", 1)[1] for url in hosts}) == 1
        assert len({url.rsplit(":", 1)[0] for url in hosts}) == 3
        moved_to = site.mobile_url + render.mobile_path(redirected()[1])
        assert get(site.base_url + server.REDIRECTED_PATH) == (200, moved_to)
        assert get(site.mobile_url + "/robots.txt")[0] == 200
        assert get(site.mobile_url + "/")[0] == 404
        assert get(site.mobile_url + render.article_path(all_articles()[0][2]))[0] == 404
        assert get(site.seed_url)[0] == 200


# --- determinism ----------------------------------------------------------------------------


def digest(journals: tuple[SampleJournal, ...]) -> str:
    return hashlib.sha256(repr(journals).encode("utf-8")).hexdigest()


def test_build_is_cached_and_a_fresh_build_gives_the_same_data() -> None:
    assert build_corpus() is build_corpus()
    fresh = corpus.build_corpus.__wrapped__()
    assert fresh is not build_corpus()
    assert fresh == build_corpus()


@pytest.mark.parametrize("hash_seed", ["0", "4242"])
def test_another_process_builds_the_same_corpus(hash_seed: str) -> None:
    code = (
        "import hashlib; from journals.samplesite.corpus import build_corpus; "
        "print(hashlib.sha256(repr(build_corpus()).encode('utf-8')).hexdigest())"
    )
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == digest(build_corpus())
