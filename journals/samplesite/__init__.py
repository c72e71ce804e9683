"""The bundled sample site of the aggregator family, served on loopback."""

# `scrapy crawl` options for crawling the sample site: it is on loopback, so
# the politeness delays that protect a real site only slow tests and benches.
LOCAL_CRAWL_OPTIONS = [
    "-s",
    "DOWNLOAD_DELAY=0",
    "-s",
    "AUTOTHROTTLE_ENABLED=False",
    "-s",
    "CONCURRENT_REQUESTS_PER_DOMAIN=8",
    "-s",
    "LOG_LEVEL=INFO",
]
