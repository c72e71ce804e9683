"""One line per dropped item: its reason and URL, not the whole article."""

from __future__ import annotations

import logging
from typing import Any

from scrapy import logformatter


class LogFormatter(logformatter.LogFormatter):
    def dropped(
        self, item: Any, exception: BaseException, response: Any, spider: Any = None
    ) -> Any:
        return {
            "level": logging.WARNING,
            "msg": "Dropped: %(exception)s",
            "args": {"exception": exception},
        }
