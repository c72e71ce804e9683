"""The exit statuses of `scrapy crawl` and of every `journals` command: the
one place they are defined (docs/crawling.md explains them to operators)."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """How a command ended.

    >>> int(ExitStatus.LOCKED), ExitStatus(3).name
    (75, 'DEGRADED')
    """

    OK = 0  # done
    FAILED = 1  # failed, interrupted (Ctrl-C, SIGTERM) or blocked; could not start
    BAD_ARGUMENT = 2  # a bad argument or DATABASE_URL: nothing was done
    DEGRADED = 3  # done, but the new articles lack fields they should have
    # Another crawl or reparse is writing the same database. sysexits.h EX_TEMPFAIL:
    # cron and systemd can tell it from a failed crawl and a bad argument.
    LOCKED = 75
