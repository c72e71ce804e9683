"""When the aggregator changes: real crawls of the sample site changed on
purpose (journals/samplesite/server.py's variants, and sites made here).

A redesign that keeps the URLs keeps the crawl going on its links' URL shapes,
and the run says which selectors fell back; pages that list nothing and
journals not found are alarms that end the run degraded (exit 3) or failed
(exit 1), never a success."""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from support.runners import CrawlResult, run_crawl

from crawler.exitstatus import ExitStatus
from crawler.sites.fx361nav import KINDS
from journals.samplesite import server
from journals.samplesite.corpus import all_articles
from journals.samplesite.server import SampleSite

ALL = {a.id for _, _, a in all_articles()}


@dataclass
class Run:
    result: CrawlResult
    record: dict[str, Any]
    stored: dict[int, tuple[Any, ...]]  # id → journal, year, issue, column, toc_position


def crawl(site: SampleSite, db: Path, *args: str) -> Run:
    result = run_crawl(
        "fx361",
        *args,
        db=db,
        settings=[
            "-s",
            f"FX361_BASE_URL={site.base_url}",
            "-s",
            f"FX361_MOBILE_URL={site.mobile_url}",
        ],
    )
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        record = dict(conn.execute("select * from crawl_runs order by id desc").fetchone())
        rows = conn.execute(
            'select id, journal, year, issue, "column", toc_position from article_list'
        ).fetchall()
    record["alarms"] = json.loads(record["alarms"]) if record["alarms"] else []
    return Run(result, record, {row[0]: tuple(row[1:]) for row in rows})


@pytest.fixture(scope="module")
def variant(request: pytest.FixtureRequest) -> Iterator[SampleSite]:
    site = server.start(0, variant=request.param)
    yield site
    site.stop()


def alarm_kinds(run: Run) -> set[str]:
    return {alarm.split(":", 1)[0] for alarm in run.record["alarms"]}


@pytest.mark.parametrize("variant", [server.RENAMED], indirect=True)
def test_renamed_classes_lose_no_article_and_the_run_says_what_fell_back(
    variant: SampleSite, tmp_path: Path
) -> None:
    run = crawl(variant, tmp_path / "x.db")
    assert run.result.returncode == ExitStatus.DEGRADED, run.result.log[-3000:]
    assert set(run.stored) == ALL
    for journal, issue, article in all_articles():
        # the column is unknown without the markup; the place, journal and issue are not
        assert run.stored[article.id] == (
            journal.name,
            issue.year,
            issue.issue,
            None,
            article.position,
        )
    assert run.record["status"] == "degraded"
    assert alarm_kinds(run) == {f"navigation/fallback/{kind}" for kind in KINDS}
    for alarm in run.record["alarms"]:
        kind = KINDS[alarm.split(":", 1)[0].rsplit("/", 1)[1]]
        assert f"found no {kind.what} on " in alarm and kind.page in alarm and kind.shape in alarm
    assert run.result.stat("navigation/fallback/articles") == sum(
        len(j.issues) for j in {j.code: j for j, _, _ in all_articles()}.values()
    )
    # each kind is logged once, as a warning naming the page
    warnings = [line for line in run.result.log.splitlines() if "WARNING: navigation:" in line]
    assert len(warnings) == len(KINDS)


@pytest.mark.parametrize("variant", [server.EMPTY_YEARS], indirect=True)
def test_year_pages_without_issues_fail_the_run(variant: SampleSite, tmp_path: Path) -> None:
    run = crawl(variant, tmp_path / "x.db")
    assert run.result.returncode == ExitStatus.FAILED, run.result.log[-3000:]
    assert run.stored == {}
    assert run.record["status"] == "failed" and run.record["finish_reason"] == "finished"
    assert alarm_kinds(run) == {"navigation/empty/issues"}
    (alarm,) = run.record["alarms"]
    assert "year page(s) without issue links" in alarm
    errors = [
        line for line in run.result.log.splitlines() if "ERROR: navigation: year page" in line
    ]
    assert len(errors) == 1 and re.search(
        r"/bk/\w+/history_\d{4}\.html has no issue links", errors[0]
    )


@pytest.mark.parametrize("variant", [server.EMPTY_ISSUE], indirect=True)
def test_an_issue_without_articles_degrades_the_run(variant: SampleSite, tmp_path: Path) -> None:
    run = crawl(variant, tmp_path / "x.db")
    assert run.result.returncode == ExitStatus.DEGRADED, run.result.log[-3000:]
    code, year, number = server.EMPTY_ISSUE_AT
    lost = {a.id for j, i, a in all_articles() if (j.code, i.year, i.issue) == (code, year, number)}
    assert lost and set(run.stored) == ALL - lost
    assert run.record["status"] == "degraded"
    (alarm,) = run.record["alarms"]
    assert alarm.startswith("navigation/empty/articles: 1 issue page(s) without articles")
    assert alarm.endswith(f"(first: {variant.base_url}{server.EMPTY_ISSUE_PATH})")


@pytest.mark.parametrize(
    ("names", "status", "exit_status", "stored"),
    [
        ("北京人大", "failed", ExitStatus.FAILED, set()),
        ("浙江人大,北京人大", "degraded", ExitStatus.DEGRADED, {"浙江人大"}),
    ],
)
def test_a_journal_not_found_is_an_alarm(
    sample_site: SampleSite,
    tmp_path: Path,
    names: str,
    status: str,
    exit_status: int,
    stored: set[str],
) -> None:
    """北京人大 is in the catalogue without a code and on no category page."""
    run = crawl(sample_site, tmp_path / "x.db", "-a", f"journal={names}")
    assert run.result.returncode == exit_status, run.result.log[-3000:]
    assert set(run.stored) == {a.id for j, _, a in all_articles() if j.name in stored}
    assert run.record["status"] == status
    assert run.record["alarms"] == [
        "navigation/not_found/journal: 1 journal(s) asked for not found on the site: 北京人大"
    ]
    errors = [line for line in run.result.log.splitlines() if "] ERROR:" in line]
    assert "navigation: journal 北京人大 not found" in errors[0]


# -- a catalogue code that is wrong ------------------------------------------------------

Site = Callable[[str], "str | server.Reply | None"]


def serve(site: Site) -> Iterator[SampleSite]:
    http = server._server(server.AGGREGATOR_HOST, 0, site)
    threading.Thread(target=http.serve_forever, daemon=True).start()
    yield SampleSite((http,))
    http.shutdown()
    http.server_close()


def recoded(codes: dict[str, str]) -> Site:
    """The sample site with journals' codes changed (`rdyj` → `codes["rdyj"]`)
    in every path and page; an old code's pages are 404."""
    back = {new: old for old, new in codes.items()}
    pattern = re.compile("/bk/(" + "|".join(map(re.escape, [*codes, *back])) + ")/")

    def swap(text: str, table: dict[str, str]) -> str:
        return pattern.sub(lambda m: f"/bk/{table.get(m[1], m[1])}/", text)

    def page(path: str) -> server.Reply:
        if (m := pattern.match(path)) and m[1] not in back:
            return server.NOT_FOUND
        reply = server.desktop_reply(swap(path, back))
        return replace(reply, body=swap(reply.body, codes), location=swap(reply.location, codes))

    return page


@pytest.fixture(
    scope="module",
    params=[{"rdyj": "rdyj2"}, {"rdyj": "tjrd", "tjrd": "rdyj"}],
    ids=["404", "other"],
)
def recoded_site(request: pytest.FixtureRequest) -> Iterator[SampleSite]:
    yield from serve(recoded(request.param))


def test_a_wrong_catalogue_code_is_found_through_the_category_pages(
    recoded_site: SampleSite, tmp_path: Path
) -> None:
    """The catalogue says 人大研究 is `rdyj`: its page is gone (404), or names
    another journal. The category pages list it under its code now."""
    run = crawl(recoded_site, tmp_path / "x.db", "-a", "journal=人大研究", "-a", "years=2016")
    assert run.result.returncode == ExitStatus.OK, run.result.log[-3000:]
    assert set(run.stored) == {
        a.id for j, i, a in all_articles() if j.name == "人大研究" and i.year == 2016
    }
    assert run.result.stat("navigation/catalogue_miss") == 1
    assert "journal 人大研究: its catalogue code (assumed) leads to" in run.result.log
    assert run.record["status"] == "finished" and run.record["alarms"] == []
