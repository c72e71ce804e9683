"""Quality alarms: a run whose new articles lack fields they normally have.

A parser broken by a site's new layout rarely fails outright: it keeps
storing articles, only without authors or keywords. So at the end of a run
the share of its *new* articles that have each field (its coverage) is
compared with floors (QUALITY_FLOORS); a field below its floor is an alarm,
the run is recorded `degraded` (crawler/extensions/runrecord.py) and `scrapy crawl` exits 3.
A run with fewer than QUALITY_MIN_ARTICLES new articles raises no alarm: three
articles without keywords are no evidence of anything.

The counts come from the store pipeline: for each article it stores as new it
increments `quality/new_with_<field>` for the fields the article has.

Why not spidermon: it would add a dependency and a monitor suite to set up for
four ratios, and its results would live apart from the run record, which
already holds the counts and is where `journals runs` looks.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pipelines.checks import QUALITY_FIELDS as FIELDS
from pipelines.checks import STAT_PREFIX

# Set well below what a working parser gets (on the sample site: authors 0.91,
# keywords 0.82, date and issue 1.0; short news items often have no
# keywords), so that only a real loss raises an alarm.
DEFAULT_FLOORS = {"authors": 0.7, "keywords": 0.6, "date": 0.95, "issue": 0.9}
DEFAULT_MIN_ARTICLES = 20


def coverage(stats: Mapping[str, Any]) -> dict[str, float] | None:
    """Each field's share of the run's new articles, from the crawl's stats;
    None when the run stored no new article.

    >>> coverage({"store/articles_new": 40, "quality/new_with_authors": 30,
    ...           "quality/new_with_date": 40})
    {'authors': 0.75, 'keywords': 0.0, 'date': 1.0, 'issue': 0.0}
    >>> coverage({"store/articles_unchanged": 9}) is None
    True
    """
    new = int(stats.get("store/articles_new") or 0)
    if new == 0:
        return None
    return {name: round(int(stats.get(STAT_PREFIX + name) or 0) / new, 4) for name in FIELDS}


def alarms(
    shares: Mapping[str, float] | None,
    new: int,
    floors: Mapping[str, float],
    min_articles: int,
) -> list[str]:
    """The fields below their floor, as `field share < floor`; none for a run
    with fewer than `min_articles` new articles.

    >>> shares = {"authors": 0.0, "keywords": 0.42, "date": 1.0, "issue": 1.0}
    >>> alarms(shares, 24, DEFAULT_FLOORS, 20)
    ['authors 0.00 < 0.70', 'keywords 0.42 < 0.60']
    >>> alarms(shares, 3, DEFAULT_FLOORS, 20), alarms(None, 0, DEFAULT_FLOORS, 0)
    ([], [])
    """
    if shares is None or new < min_articles:
        return []
    return [
        f"{name} {shares[name]:.2f} < {floor:.2f}"
        for name, floor in floors.items()
        if name in shares and shares[name] < floor
    ]


def alarm_line(found: list[str], new: int) -> str:
    """The one ERROR line a degraded run logs.

    >>> alarm_line(['authors 0.00 < 0.70'], 24)
    'quality: run degraded: fields below their floors in 24 new articles: authors 0.00 < 0.70'
    """
    return f"quality: run degraded: fields below their floors in {new} new articles: " + (
        ", ".join(found)
    )


def floors_from(value: Mapping[str, Any] | None) -> dict[str, float]:
    """QUALITY_FLOORS as given (a dict, or JSON with `-s`), over the defaults;
    a field not in FIELDS is an error, not silently never checked.

    >>> floors_from({"keywords": "0.5"})["keywords"], floors_from(None) == DEFAULT_FLOORS
    (0.5, True)
    >>> floors_from({"abstract": 0.5})
    Traceback (most recent call last):
    ...
    ValueError: QUALITY_FLOORS: unknown field 'abstract' (authors, keywords, date, issue)
    """
    floors = dict(DEFAULT_FLOORS)
    for name, floor in (value or {}).items():
        if name not in FIELDS:
            raise ValueError(f"QUALITY_FLOORS: unknown field {name!r} ({', '.join(FIELDS)})")
        floors[name] = float(floor)
    return floors
