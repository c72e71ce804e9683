"""Spider arguments: each read once, with a one-line error for a bad value."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit


class BadArgument(ValueError):
    """A spider argument with a value the spider cannot use."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"{name}: {problem}")
        self.name = name


def parse_years(value: str | None) -> tuple[int, int] | None:
    """`2018` or `2016-2019` → first and last year.

    >>> parse_years("2018")
    (2018, 2018)
    >>> parse_years(" 2016-2019 ")
    (2016, 2019)
    >>> parse_years(None) is None
    True
    >>> parse_years("20x8")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    crawler.arguments.BadArgument: years: '20x8' is not a year (2018) or a range ...
    """
    if value is None:
        return None
    match = re.fullmatch(r"\s*(\d{4})\s*(?:-\s*(\d{4})\s*)?", value)
    if match is None:
        raise BadArgument(
            "years", f"{value!r} is not a year (2018) or a range of years (2016-2019)"
        )
    first, last = int(match[1]), int(match[2] or match[1])
    if first > last:
        raise BadArgument("years", f"{value!r} runs backwards; write the earlier year first")
    return first, last


def parse_url(name: str, value: str) -> str:
    """An absolute http(s) URL, or a BadArgument naming `name`.

    >>> parse_url("url", "https://www.fx361.com/page/2018/1120/5108306.shtml")
    'https://www.fx361.com/page/2018/1120/5108306.shtml'
    >>> parse_url("url", "www.fx361.com/page")
    Traceback (most recent call last):
    ...
    crawler.arguments.BadArgument: url: 'www.fx361.com/page' is not an http(s) URL
    """
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadArgument(name, f"{value!r} is not an http(s) URL")
    return value


def split_list(value: str | None) -> list[str]:
    """Comma-separated values, blanks dropped (full-width commas too).

    >>> split_list("上海人大月刊, 浙江人大，天津人大")
    ['上海人大月刊', '浙江人大', '天津人大']
    """
    if not value:
        return []
    return [part.strip() for part in re.split(r"[,，]", value) if part.strip()]


def read_url_file(path: str) -> list[str]:
    """The URLs in a file, one per line; blank lines and `#` comments skipped."""
    file = Path(path)
    if not file.is_file():
        raise BadArgument("urls", f"no such file: {path}")
    urls = []
    for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if line and not line.startswith("#"):
            try:
                urls.append(parse_url("urls", line))
            except BadArgument as exc:
                raise BadArgument(
                    "urls", f"{path} line {n}: {line!r} is not an http(s) URL"
                ) from exc
    if not urls:
        raise BadArgument("urls", f"{path} lists no URL")
    return urls
