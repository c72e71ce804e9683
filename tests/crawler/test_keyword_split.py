"""Run-together keyword lines, crawled as a research group meets them: copy
sites that lost the separators, the aggregator's pages that give the tags
apart. `scrapy crawl article` over HTTP into one SQLite file, then `journals
rekey`; the tags come out exactly."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import NamedTuple

import pytest
from support.runners import CrawlResult, journals, run_crawl
from support.staticsite import serve_pages


class Page(NamedTuple):
    path: str
    title: str
    tags: tuple[str, ...]  # as the page gives them: one string is a run-together line
    topic: str  # what the synthetic text is about


def text(title: str, topic: str) -> str:
    """A body of six paragraphs written around the title's topic."""
    sentences = (
        f"围绕{topic}，本刊记者走访了多个地方的常委会机关，听取了基层同志的意见。",
        f"{title}一文梳理了近年来的做法，归纳出若干可复制的经验。",
        "从调研情况看，制度设计总体合理，但执行环节仍有不少需要细化之处。",
        f"有同志提出，{topic}要坚持问题导向，把群众反映强烈的事项作为切入点。",
        "各地在实践中形成了清单管理、跟踪督办、结果公开等一系列工作机制。",
        "下一步，应当在总结经验的基础上完善配套规定，推动工作常态化、规范化。",
    )
    return "".join(f"<p>{sentence}</p>" for sentence in sentences)


def html(page: Page, body_of: Page | None = None) -> str:
    """A copy site's article page; `body_of` gives another page's title and text."""
    source = body_of or page
    if len(page.tags) == 1:
        keywords = f"<p class='kw'>关键词：{page.tags[0]}</p>"
    else:
        links = "".join(f"<a href='/tag/{n}.html'>{tag}</a> " for n, tag in enumerate(page.tags))
        keywords = f"<div class='kw'><span>关键词：</span>{links}</div>"
    return (
        f"<html><head><meta charset='utf-8'><title>{source.title}_期刊文摘</title></head><body>"
        f"<div class='main'><h1>{source.title}</h1>"
        "<div class='info'>2019-03-12 来源：《人大研究》2019年第3期</div>"
        f"{keywords}<div class='content'>{text(source.title, source.topic)}</div></div>"
        "</body></html>"
    )


# The aggregator's pages: each tag a link of its own.
APART = [
    Page(
        "/a/1.html",
        "人大代表联系群众的制度化路径",
        ("人民代表大会", "人大常委会", "人大代表"),
        "代表联系群众",
    ),
    Page("/a/2.html", "地方人代会会期安排的实践观察", ("人代会", "代表", "议事规则"), "会期安排"),
    Page(
        "/a/3.html",
        "合宪性审查工作的地方实践",
        ("全国人民代表大会", "组织法", "合宪性", "违宪", "全国人大常委会"),
        "合宪性审查",
    ),
    Page("/a/4.html", "工作评议与权力监督的衔接", ("评议", "权力监督"), "工作评议"),
]
# Copy sites' pages of other articles, their keywords one run-together line.
TOGETHER = [
    Page(
        "/c/1.html", "代表工作站的运行机制研究", ("人民代表大会人大常委会人大代表",), "代表工作站"
    ),
    Page("/c/2.html", "人代会期间代表议案的提出", ("人代会人民代表大会代表",), "代表议案"),
    Page(
        "/c/3.html", "议事规则修改的几点思考", ("议事规则全国人民代表大会组织法",), "议事规则修改"
    ),
]
GOLD = {
    "/c/1.html": ["人民代表大会", "人大常委会", "人大代表"],
    "/c/2.html": ["人代会", "人民代表大会", "代表"],
    "/c/3.html": ["议事规则", "全国人民代表大会", "组织法"],
}
# Crawled before any page gave these tags apart.
EARLY = Page("/c/4.html", "备案审查中的合宪性判断", ("合宪性违宪全国人大常委会",), "备案审查")
# A copy of the fourth aggregator page, crawled before it.
EARLY_COPY = Page("/c/5.html", APART[3].title, ("评议权力监督",), APART[3].topic)
# A copy of the first aggregator page, crawled after it.
LATE_COPY = Page("/c/6.html", APART[0].title, ("人大代表人民代表大会",), APART[0].topic)


def keywords(db: Path) -> dict[str, tuple[list[str], list[str], str | None]]:
    """URL path of each source → its article's keywords, flags and kept line."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT sources.url, articles.id, articles.flags, articles.keywords_line"
            " FROM sources JOIN articles ON articles.id = sources.article_id"
        ).fetchall()
        found = {}
        for url, article_id, flags, line in rows:
            words = [
                word
                for (word,) in conn.execute(
                    "SELECT word FROM article_keywords JOIN keywords ON keywords.id = keyword_id"
                    " WHERE article_id = ? ORDER BY position",
                    (article_id,),
                )
            ]
            flagged = [f for f in json.loads(flags) if f.startswith("keywords")]
            found["/" + url.split("/", 3)[3]] = (words, flagged, line)
    return found


@pytest.fixture(scope="module")
def site() -> dict[str, str]:
    pages = {page.path: html(page) for page in APART + TOGETHER + [EARLY]}
    pages[EARLY_COPY.path] = html(EARLY_COPY, body_of=APART[3])
    pages[LATE_COPY.path] = html(LATE_COPY, body_of=APART[0])
    return pages


def crawl(base: str, pages: list[Page], db: Path, listing: Path) -> CrawlResult:
    listing.write_text("".join(f"{base}{page.path}\n" for page in pages), encoding="utf-8")
    result = run_crawl("article", "-a", f"urls={listing}", db=db)
    assert result.returncode == 0, result.log[-2000:]
    assert result.stat("item_scraped_count") == len(pages)
    return result


def test_tags_given_apart_split_the_copies_lines_exactly(
    site: dict[str, str], tmp_path: Path
) -> None:
    db = tmp_path / "k.db"
    with serve_pages(site) as base:
        result = crawl(base, [EARLY, EARLY_COPY], db, tmp_path / "1.txt")
        assert (result.stat("store/keywords_split"), result.stat("store/keywords_uncertain")) == (
            2,
            1,
        )
        early = keywords(db)
        # no tag known yet: the segmenter's cut, a guess
        assert early["/c/4.html"][1:] == (
            ["keywords_split", "keywords_uncertain"],
            "合宪性违宪全国人大常委会",
        )
        # the article's own words (工作评议, 权力监督) explain this one
        assert early["/c/5.html"] == (["评议", "权力监督"], ["keywords_split"], "评议权力监督")

        crawl(base, APART, db, tmp_path / "2.txt")
        apart = keywords(db)
        for page in APART:
            assert apart[page.path] == (list(page.tags), [], None)
        # the copy crawled first held a split; the aggregator's tags replaced it
        assert apart["/c/5.html"] == (["评议", "权力监督"], [], None)

        crawl(base, TOGETHER + [LATE_COPY], db, tmp_path / "3.txt")
    found = keywords(db)
    for path, gold in GOLD.items():
        line = next(page.tags[0] for page in TOGETHER if page.path == path)
        assert found[path] == (gold, ["keywords_split"], line)
    # a split never replaces the tags a copy gave apart
    assert found["/c/6.html"] == (list(APART[0].tags), [], None)

    # the line crawled before the vocabulary knew its tags is split again
    done = journals("rekey", "--db", f"sqlite:///{db}")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "4 run-together keyword lines split again with 13 known tags: 1 changed, 0 still uncertain"
    ]
    after = keywords(db)
    assert after["/c/4.html"] == (
        ["合宪性", "违宪", "全国人大常委会"],
        ["keywords_split"],
        "合宪性违宪全国人大常委会",
    )
    assert {path: after[path] for path in GOLD} == {path: found[path] for path in GOLD}
    with sqlite3.connect(db) as conn:  # the full-text index has the new keywords
        hits = conn.execute(
            "SELECT count(*) FROM articles_fts WHERE keywords MATCH '\"违宪；全国人大常委会\"'"
        ).fetchone()
    assert hits == (2,)
