"""`journals check-site` (journals/sitecheck.py): one page of each kind of the
aggregator, read as the crawler reads it; it passes on the sample site and
fails, naming the page kinds, on a changed one."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from support.runners import journals

from crawler.exitstatus import ExitStatus
from journals.samplesite import server
from journals.samplesite.server import SampleSite
from journals.sitecheck import READERS

KINDS = list(READERS)


def check_site(site: SampleSite, *args: str) -> tuple[int, list[str]]:
    done = journals(
        "check-site", "--base", site.base_url, "--mobile", site.mobile_url, "--delay", "0", *args
    )
    assert done.stderr == ""
    return done.returncode, done.stdout.splitlines()


def page_lines(lines: list[str]) -> dict[str, tuple[str, str]]:
    """Page kind → (status, URL), from the line that starts each page's block."""
    found = {}
    for line in lines:
        if m := re.match(r"^(\S.*?)\s{2,}(ok|miss|failed)\s+(\S+)$", line):
            found[m[1]] = (m[2], m[3])
    return found


@pytest.fixture(scope="module")
def variant(request: pytest.FixtureRequest) -> Iterator[SampleSite]:
    site = server.start(0, variant=request.param)
    yield site
    site.stop()


def test_check_site_passes_on_the_sample_site(sample_site: SampleSite) -> None:
    status, lines = check_site(sample_site)
    assert status == ExitStatus.OK, "\n".join(lines)
    pages = page_lines(lines)
    assert list(pages) == KINDS
    assert {s for s, _ in pages.values()} == {"ok"}
    assert re.fullmatch(
        rf"{re.escape(sample_site.base_url)}/bk/\w+/history_\d{{4}}\.html", pages["year page"][1]
    )
    assert pages["mobile article page"][1].startswith(sample_site.mobile_url + "/news/")
    # each selector and URL shape with its count
    counts = {
        m[1]: int(m[2])
        for line in lines
        if (m := re.match(r"^ {4}(?:ok|MISS)?\s+(.+?)\s+(\d+)$", line))
    }
    assert counts["selector .navBox a"] == 3  # the home page's link and the two categories
    assert counts["URL shape /bk/<cat>.html"] == 2
    assert counts["selector .rowWrap.mb20 li"] == 5
    assert lines[-1] == "check-site: ok: every page kind as docs/fx361.md describes it"


def test_check_site_checks_the_journal_asked_for(sample_site: SampleSite) -> None:
    status, lines = check_site(sample_site, "--journal", "rdyj")
    assert status == ExitStatus.OK, "\n".join(lines)
    pages = page_lines(lines)
    assert pages["journal home"][1] == f"{sample_site.base_url}/bk/rdyj/index.html"
    assert "/bk/rdyj/" in pages["issue page"][1]


@pytest.mark.parametrize("variant", [server.RENAMED], indirect=True)
def test_check_site_names_every_page_kind_whose_selectors_miss(variant: SampleSite) -> None:
    status, lines = check_site(variant)
    assert status == ExitStatus.DEGRADED, "\n".join(lines)
    pages = page_lines(lines)
    assert list(pages) == KINDS and {s for s, _ in pages.values()} == {"miss"}
    assert lines[-1].startswith("check-site: degraded: selectors found nothing on: home page (")
    for kind in KINDS:
        assert f"{kind} (" in lines[-1]
    # the URL shapes still find the links: a crawl goes on
    assert "    MISS  selector .results a" in "\n".join(lines)
    shapes = [line for line in lines if "URL shape /bk/<code>/<YYYY>….html" in line]
    assert shapes and int(shapes[0].split()[-1]) > 0


@pytest.mark.parametrize("variant", [server.EMPTY_YEARS], indirect=True)
def test_check_site_fails_at_a_page_that_leads_nowhere(variant: SampleSite) -> None:
    status, lines = check_site(variant)
    assert status == ExitStatus.FAILED, "\n".join(lines)
    pages = page_lines(lines)
    assert list(pages) == KINDS[:4] and pages["year page"][0] == "failed"
    assert lines[-1] == (
        "check-site: failed at the year page: nothing on it leads to the next page, by selector"
        " or by URL shape; not reached: issue page, article page, mobile article page;"
        " selectors found nothing on: year page (.results a)"
    )


def test_check_site_fails_on_a_site_it_cannot_reach() -> None:
    done = journals("check-site", "--base", "http://127.0.0.1:9", "--mobile", "http://127.0.0.3:9")
    assert done.returncode == ExitStatus.FAILED
    assert done.stdout.splitlines()[-1].startswith(
        "check-site: failed at the home page: cannot fetch"
    )
