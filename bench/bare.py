"""A bare Scrapy spider: fetches the URLs of a file and parses nothing.

    .venv/bin/python bench/bare.py --urls urls.txt --stats stats.json [-s NAME=VALUE ...]

What Scrapy itself costs for a list of pages, the yardstick `bench/crawl_rate.py`
holds the project's crawl against: Scrapy's default settings (none of the
project's: no middlewares, pipelines or extensions of its own), the settings
given with `-s`, each response dropped on arrival. Its final stats go to
`--stats` as JSON.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.http import Request, Response


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, urls: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.urls = [u.strip() for u in Path(urls).read_text().splitlines() if u.strip()]

    async def start(self) -> AsyncIterator[Request]:
        for url in self.urls:
            yield Request(url, callback=self.parse)

    def parse(self, response: Response) -> None:
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--urls", required=True)
    parser.add_argument("--stats", type=Path, required=True)
    parser.add_argument("-s", dest="settings", action="append", default=[], metavar="NAME=VALUE")
    args = parser.parse_args()
    settings = dict(item.split("=", 1) for item in args.settings)
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(BareSpider)
    process.crawl(crawler, urls=args.urls)
    process.start()
    stats = crawler.stats.get_stats() if crawler.stats is not None else {}
    args.stats.write_text(json.dumps(stats, default=str, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
