"""Navigation alarms: the aggregator's pages no longer look as the crawler
expects them to.

The `fx361` spider reads each navigation page by its selectors first and by
its links' URL shapes where they find nothing (crawler/sites/fx361nav.py).
Either way it tells `NavigationLog`, which counts in the crawl's stats

- `navigation/found/<kind>`: the links of each kind found;
- `navigation/fallback/<kind>`: pages whose selector found nothing where the
  URL shapes found links (the crawl goes on; the markup has changed);
- `navigation/empty/<kind>`: pages where neither found anything (a category
  page with no journals, a journal home with no link to its year pages, a
  year page with no issues or no year tabs, an issue page with no articles);
- `navigation/not_found/journal`: journals asked for by name that neither the
  catalogue's code nor any category page leads to;

and logs each kind once, with the page's URL and kind (a fallback as a
WARNING, the others as ERRORs). The first page of each is kept as
`navigation/example/<kind>` (for journals not found: every name).

At the end of the run the run record (crawler/extensions/runrecord.py) turns
these counts into alarms beside the quality alarms (crawler/extensions/quality.py),
one line each naming the page kind, the selector and the URL shape: a run
with any is `degraded` (`scrapy crawl` exits 3), or `failed` (exits 1) when
navigation found no issue and no article at all, so a run that stored
nothing because its walk found nothing never ends `finished`.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from crawler.sites.fx361nav import KINDS, Links

PREFIX = "navigation/"


class NavigationLog:
    """What the spider's walk found, counted and logged (see the module doc)."""

    def __init__(self, stats: Any, logger: logging.Logger | logging.LoggerAdapter) -> None:
        self.stats = stats
        self.logger = logger
        self.logged: set[str] = set()

    def links(self, kind: str, links: Links[Any], url: str) -> None:
        """Record what a page of `kind`'s page kind gave, found how."""
        about = KINDS[kind]
        self.stats.inc_value(f"{PREFIX}found/{kind}", len(links))
        if links.by == "url":
            if self._count(f"fallback/{kind}", url):
                self.logger.warning(
                    "navigation: %s %s: selector %r found no %s; %d taken by URL shape %s"
                    " (counted as navigation/fallback/%s; run `journals check-site`)",
                    about.page,
                    url,
                    about.selector,
                    about.what,
                    len(links),
                    about.shape,
                    kind,
                )
        elif links.by == "none" and self._count(f"empty/{kind}", url):
            self.logger.error(
                "navigation: %s %s has no %s: neither selector %r nor URL shape %s found any"
                " (counted as navigation/empty/%s; run `journals check-site`)",
                about.page,
                url,
                about.what,
                about.selector,
                about.shape,
                kind,
            )

    def not_found(self, name: str, where: str) -> None:
        """A journal asked for by name that the walk could not find."""
        key = "not_found/journal"
        if not self._count(key, name):
            names = self.stats.get_value(f"{PREFIX}example/{key}")
            self.stats.set_value(f"{PREFIX}example/{key}", f"{names}、{name}")
        self.logger.error("navigation: journal %s not found: %s", name, where)

    def _count(self, key: str, example: str) -> bool:
        """Count one page under `key`; True the first time (log it then)."""
        self.stats.inc_value(PREFIX + key)
        if key in self.logged:
            return False
        self.logged.add(key)
        self.stats.set_value(f"{PREFIX}example/{key}", example)
        return True


def alarms(stats: Mapping[str, Any]) -> list[str]:
    r"""The navigation alarms of a run, from its stats: one a kind.

    >>> stats = {"navigation/fallback/issues": 3, "navigation/empty/articles": 1,
    ...          "navigation/example/fallback/issues": "http://x/bk/rdyj/history_2018.html",
    ...          "navigation/example/empty/articles": "http://x/bk/rdyj/20189.html",
    ...          "navigation/not_found/journal": 1,
    ...          "navigation/example/not_found/journal": "北京人大"}
    >>> found = alarms(stats)
    >>> [line.split(":")[0] for line in found]
    ['navigation/empty/articles', 'navigation/fallback/issues', 'navigation/not_found/journal']
    >>> print(found[1].replace("; ", ";\n"))
    navigation/fallback/issues: .results a found no issue links on 3 year page(s);
    taken by URL shape /bk/<code>/<YYYY>….html (first: http://x/bk/rdyj/history_2018.html)
    >>> print(found[2])
    navigation/not_found/journal: 1 journal(s) asked for not found on the site: 北京人大
    >>> alarms({"navigation/found/issues": 9})
    []
    """
    found = []
    for key in sorted(stats):
        if not key.startswith(PREFIX):
            continue
        how, _, kind = key[len(PREFIX) :].partition("/")
        if how not in ("fallback", "empty", "not_found"):
            continue
        example = stats.get(f"{PREFIX}example/{how}/{kind}")
        first = f" (first: {example})" if example else ""
        count = int(stats[key] or 0)
        if how == "fallback" and kind in KINDS:
            about = KINDS[kind]
            found.append(
                f"{key}: {about.selector} found no {about.what} on {count} {about.page}(s);"
                f" taken by URL shape {about.shape}{first}"
            )
        elif how == "empty" and kind in KINDS:
            about = KINDS[kind]
            found.append(
                f"{key}: {count} {about.page}(s) without {about.what}: neither {about.selector}"
                f" nor URL shape {about.shape} found any{first}"
            )
        elif how == "not_found":
            names = f": {example}" if example else ""
            found.append(f"{key}: {count} journal(s) asked for not found on the site{names}")
    return found


def found_nothing(stats: Mapping[str, Any]) -> bool:
    """Whether the walk found no issue and no article to fetch at all.

    >>> found_nothing({"navigation/found/issues": 0})
    True
    >>> found_nothing({"navigation/found/articles": 4})
    False
    """
    return not any(stats.get(f"{PREFIX}found/{kind}") for kind in ("issues", "articles"))


def alarm_line(found: list[str], status: str) -> str:
    """The one ERROR line a run with navigation alarms logs (`;` between alarms).

    >>> alarm_line(["navigation/empty/issues: …", "…"], "failed")
    'navigation: run failed: pages not as expected: navigation/empty/issues: …; …'

    """
    return f"navigation: run {status}: pages not as expected: " + "; ".join(found)
