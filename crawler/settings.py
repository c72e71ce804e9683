"""Scrapy settings. Those users change can also come from the environment:
DATABASE_URL, FX361_BASE_URL, FX361_MOBILE_URL, CONTACT_URL, REDIS_URL, RUN_ID,
WORKER_NAME."""

from __future__ import annotations

import os

from crawler.extensions.quality import DEFAULT_FLOORS, DEFAULT_MIN_ARTICLES
from pipelines.db.database import DEFAULT_DATABASE_URL

BOT_NAME = "journals"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
COMMANDS_MODULE = "crawler.commands"
LOG_FORMATTER = "crawler.logformatter.LogFormatter"

# Where articles are stored (any SQLAlchemy URL; SQLite by default).
DATABASE_URL = os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)
# Articles written per transaction.
STORE_BATCH_SIZE = 50
# Keep every article page fetched, compressed, in the table `pages`, so that
# `journals reparse` can run a fixed parser over the archive without the network.
STORE_PAGES = True
# The aggregator; tests and the demo point this at the bundled sample site.
FX361_BASE_URL = os.environ.get("FX361_BASE_URL", "https://www.fx361.com")
# Its mobile host (`/news/YYYY/MMDD/<id>.html`, the desktop page's article number):
# one site with the desktop host, so the fx361 spider requests both and follows a
# redirect from one to the other.
FX361_MOBILE_URL = os.environ.get("FX361_MOBILE_URL", "https://m.fx361.com")

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

# Faults: a page that fails for a while (5xx, 429, 408, reset, timeout,
# truncated body) is retried up to RETRY_TIMES times, waiting base × 2^n
# seconds (jittered, capped at RETRY_BACKOFF_MAX), and at least what
# Retry-After asks, up to RETRY_AFTER_MAX (crawler/downloadermiddlewares/retry.py).
# A page that still fails is counted and logged as `failures/*`
# (crawler/downloadermiddlewares/failedrequests.py).
RETRY_TIMES = 5
RETRY_BACKOFF_BASE = 1.0
RETRY_BACKOFF_MAX = 60.0
RETRY_AFTER_MAX = 300.0
# A page not done in 30 s is a failure to retry, not a reason to wait 3 minutes.
DOWNLOAD_TIMEOUT = 30
# A body shorter than its Content-Length is an error (retried), never a partial page.
DOWNLOAD_FAIL_ON_DATALOSS = True

DOWNLOADER_MIDDLEWARES = {
    # A redirected request is checked for its host even when it is a retry (dont_filter).
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "crawler.downloadermiddlewares.offsite.OffsiteMiddleware": 50,
    # Final outcomes only: below the retry middleware, it sees what retries gave up on.
    "crawler.downloadermiddlewares.failedrequests.FailureMiddleware": 540,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.downloadermiddlewares.retry.BackoffRetryMiddleware": 550,
    # Sees responses before the retry middleware (550): a 200 anti-bot page is not retried.
    "crawler.downloadermiddlewares.antibot.AntiBotMiddleware": 560,
    # Closest to the downloader: counts each request really sent, by host.
    "crawler.downloadermiddlewares.hoststats.RequestHostsMiddleware": 950,
}
# Anti-bot pages (captcha, challenge, empty): each doubles the site's delay
# (at least ANTIBOT_MIN_DELAY, at most ANTIBOT_MAX_DELAY s) into a floor that
# AutoThrottle does not lower; ANTIBOT_DECAY_PAGES good pages in a row halve
# it, until it would fall below ANTIBOT_MIN_DELAY and is lifted. This many
# anti-bot pages end the run (crawler/downloadermiddlewares/antibot.py).
ANTIBOT_MAX_PAGES = 10
ANTIBOT_MIN_DELAY = 1.0
ANTIBOT_MAX_DELAY = 60.0
ANTIBOT_DECAY_PAGES = 10

# What turns an article page into an item (a dotted path): the site parsers
# with the generic extractor. `journals reparse` uses the same.
ARTICLE_PARSER = "crawler.sites.parse_article"

ITEM_PIPELINES = {
    "pipelines.clean.CleanPipeline": 100,
    "pipelines.validate.ValidatePipeline": 200,
    "pipelines.store.StorePipeline": 300,
}

# Scrapy's own periodic line (LogStats) is off: the progress line below gives its
# pages and items a minute, with articles stored and errors.
LOGSTATS_INTERVAL = 0
FEED_EXPORT_ENCODING = "utf-8"

EXTENSIONS = {
    # The start-up heap frozen out of the garbage collector's passes, whose
    # pauses would shorten the delays the sites see (crawler/extensions/heap.py).
    "crawler.extensions.heap.FreezeStartupHeap": 100,
    # A progress line every PROGRESS_INTERVAL seconds and a summary at the end.
    "crawler.extensions.progress.Progress": 500,
    # A `crawl_runs` row per crawl, with its counts and quality alarms.
    "crawler.extensions.runrecord.RunRecorder": 510,
    # The final stats as JSON in CRAWL_STATS_DIR, when set (crawler/extensions/statsdump.py).
    "crawler.extensions.statsdump.StatsDump": 900,
}
# A folder where each crawl leaves its final stats (the test suite sets it); "": none.
CRAWL_STATS_DIR = os.environ.get("CRAWL_STATS_DIR", "")
# Seconds between progress lines (pages, articles stored, rate, errors); 0: none.
PROGRESS_INTERVAL = 60.0

# Quality alarms (crawler/extensions/quality.py): a run whose new articles have a field
# less often than its floor is recorded `degraded` and `scrapy crawl` exits 3.
# The floors sit well below what a working parser gets (sample site: authors
# 0.91, keywords 0.82, date and issue 1.0), so only a real loss trips them;
# runs with fewer new articles than QUALITY_MIN_ARTICLES are not judged.
# With -s, give JSON: -s 'QUALITY_FLOORS={"keywords": 0.5}' (other fields keep theirs).
QUALITY_FLOORS = DEFAULT_FLOORS
QUALITY_MIN_ARTICLES = DEFAULT_MIN_ARTICLES

# Archive runs: with `-s JOBDIR=data/jobs/<name>` a run stopped in any way, even
# by SIGKILL, and started again with the same command ends with every article
# (crawler/resume/). Without JOBDIR these act as Scrapy's own.
SCHEDULER = "crawler.resume.scheduler.ResumeScheduler"
DUPEFILTER_CLASS = "crawler.resume.dupefilter.ResumeDupeFilter"
SPIDER_MIDDLEWARES = {
    # With REDIS_URL: which requests taken from the shared queue are done.
    "crawler.frontier.ledger.FrontierLedger": 5,
    # Closest to the engine: it sees what reaches the scheduler and the pipelines.
    "crawler.resume.tracker.ResumeTracker": 10,
    # Just inside HttpErrorMiddleware (50): archives only the 2xx article pages the spider gets.
    "crawler.spidermiddlewares.pagearchive.PageArchive": 60,
}
# Seconds between reads of the database for the articles stored (JOBDIR runs).
RESUME_CHECK_INTERVAL = 2.0

# One frontier shared by any number of workers (crawler/frontier/, docs/scaling.md):
# with REDIS_URL (scrapy-redis's setting, e.g. redis://127.0.0.1:6379/0) the
# scheduler's queue and seen set are in Redis, kept after the run, under the keys
# of RUN_ID, the name all workers of one run are given (a new name: a new run).
# WORKER_NAME names this worker in Redis (default: host-pid); a worker restarted
# under the same name takes back at once what it left unfinished, other workers
# take it back once its heartbeat is FRONTIER_WORKER_TIMEOUT seconds old.
REDIS_URL = os.environ.get("REDIS_URL", "")
RUN_ID = os.environ.get("RUN_ID", "")
WORKER_NAME = os.environ.get("WORKER_NAME", "")
FRONTIER_WORKER_TIMEOUT = 60.0
