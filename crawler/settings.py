"""Scrapy settings. Those users change can also come from the environment:
DATABASE_URL, FX361_BASE_URL, CONTACT_URL."""

from __future__ import annotations

import os

BOT_NAME = "journals"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
COMMANDS_MODULE = "crawler.commands"
LOG_FORMATTER = "crawler.logformatter.LogFormatter"

# Where articles are stored (any SQLAlchemy URL; SQLite by default).
DATABASE_URL = os.environ.get("DATABASE_URL", "sqlite:///data/articles.db")
# Articles written per transaction.
STORE_BATCH_SIZE = 50
# The aggregator; tests and the demo point this at the bundled sample site.
FX361_BASE_URL = os.environ.get("FX361_BASE_URL", "https://www.fx361.com")

# Politeness: obey robots.txt, one request at a time per site, about one a second.
# Say who runs the crawl: a page or mailto: URL where site owners can reach you.
CONTACT_URL = os.environ.get("CONTACT_URL", "")
USER_AGENT = "journals-crawler/0.1 (local congress journals research crawler" + (
    f"; +{CONTACT_URL})" if CONTACT_URL else ")"
)
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
RETRY_TIMES = 3

DOWNLOADER_MIDDLEWARES = {
    # Sees responses before the retry middleware (550): a 200 anti-bot page is not retried.
    "crawler.middlewares.AntiBotMiddleware": 560,
}
# Anti-bot pages (captcha, challenge, empty): each doubles the delay; this many end the run.
ANTIBOT_MAX_PAGES = 10
ANTIBOT_MAX_DELAY = 60.0

ITEM_PIPELINES = {
    "pipelines.clean.CleanPipeline": 100,
    "pipelines.validate.ValidatePipeline": 200,
    "pipelines.store.StorePipeline": 300,
}

# Progress on long runs: pages and items per minute, every 60 seconds.
LOGSTATS_INTERVAL = 60.0
FEED_EXPORT_ENCODING = "utf-8"
