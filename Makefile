# The README's commands. Everything installs into .venv; nothing global.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install browser redis postgres demo test test-min eval imports lint bench bench-memory bench-search bench-reparse bench-cleaning clean

install: $(STAMP) browser redis postgres

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# The browser tests (tests/journals/test_browser.py) drive Chromium with Playwright.
# Playwright's own browser builds are downloaded from outside any package registry
# (`playwright install`), so the browser is Debian's `chromium` package, with
# `fonts-noto-cjk` so that pages and screenshots show Chinese; installed with apt-get
# (as root, else through sudo) only where they are missing. Without either, the
# browser tests are skipped and say why.
CHROMIUM := /usr/bin/chromium
CJK_FONT := /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
browser:
	@if [ ! -x $(CHROMIUM) ] || [ ! -f $(CJK_FONT) ]; then \
	  if [ "$$(id -u)" = 0 ]; then sudo=; \
	  elif command -v sudo >/dev/null; then sudo=sudo; \
	  else echo "browser tests will be skipped: run 'apt-get install chromium fonts-noto-cjk' as root"; exit 0; fi; \
	  $$sudo apt-get update -qq && \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk; \
	fi

# The shared-frontier tests (tests/crawler/test_workers.py) start a real Redis server of
# their own (tests/support/redisserver.py). No package registry the project installs
# from ships the server (the `redis` wheel is only the client), so it is Debian's
# `redis-server` package, installed with apt-get (as root, else through sudo) only
# where it is missing. The tests start it themselves, so the system service that the
# package enables is not needed. Without it those tests are skipped and say why.
REDIS_SERVER := /usr/bin/redis-server
redis:
	@if [ ! -x $(REDIS_SERVER) ]; then \
	  if [ "$$(id -u)" = 0 ]; then sudo=; \
	  elif command -v sudo >/dev/null; then sudo=sudo; \
	  else echo "Redis tests will be skipped: run 'apt-get install redis-server' as root"; exit 0; fi; \
	  $$sudo apt-get update -qq && \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server; \
	fi

# The PostgreSQL tests (tests/support/postgres.py) start a server of their own from
# PostgreSQL 15's programs, Debian's `postgresql-15` package (with pg_trgm), installed
# with apt-get (as root, else through sudo) only where they are missing; its package
# also makes the system user `postgres` the server runs as when the tests run as root.
# Without it, the PostgreSQL tests are skipped and say why.
PG_INITDB := /usr/lib/postgresql/15/bin/initdb
postgres:
	@if [ ! -x $(PG_INITDB) ]; then \
	  if [ "$$(id -u)" = 0 ]; then sudo=; \
	  elif command -v sudo >/dev/null; then sudo=sudo; \
	  else echo "PostgreSQL tests will be skipped: run 'apt-get install postgresql-15' as root"; exit 0; fi; \
	  $$sudo apt-get update -qq && \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15; \
	fi

# Serve the sample site on a free loopback port, crawl it into data/articles.db
# (the aggregator with fx361, the mirror's copy of the seed article with
# article), print the stats. Delays are off: the site is local.
demo: $(STAMP)
	@set -e; out=$$(mktemp); \
	$(BIN)/journals sample-site --port 0 >$$out 2>/dev/null & site=$$!; \
	trap 'kill $$site 2>/dev/null; rm -f $$out' EXIT; \
	for _ in $$(seq 100); do [ "$$(wc -l <$$out)" -ge 3 ] && break; sleep 0.1; done; \
	base=$$(sed -n 1p $$out); seed=$$(sed -n 2p $$out); mobile=$$(sed -n 3p $$out); \
	echo "sample site: $$base (mobile $$mobile)   mirror copy of the seed article: $$seed"; \
	fast="-s DOWNLOAD_DELAY=0 -s AUTOTHROTTLE_ENABLED=False -s CONCURRENT_REQUESTS_PER_DOMAIN=4 -L INFO"; \
	$(BIN)/scrapy crawl fx361 -s FX361_BASE_URL=$$base -s FX361_MOBILE_URL=$$mobile $$fast; \
	$(BIN)/scrapy crawl article -a url=$$seed $$fast; \
	echo; $(BIN)/journals stats

# The import contracts first (seconds), then the suite, on TEST_WORKERS pytest-xdist
# workers (a test file to each; TEST_WORKERS=0: in this process, one test after another).
# Half the suite's time is waiting (crawl delays, timeouts, servers, subprocesses
# starting): two workers overlap it, and use both cores of a two-core machine. The
# tests marked `serial`, timed against the clock, run afterwards in one process.
TEST_WORKERS ?= 2
test: $(STAMP) browser redis postgres imports
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) -m "not serial"
	$(BIN)/python -m pytest -q -m serial

# The crawler's tests (and its doctests) on the lowest Scrapy pyproject.toml
# allows, in a venv of their own, .venv-min (about ten minutes).
MIN_SCRAPY = $(shell sed -n 's/^ *"scrapy>=\([0-9.]*\).*/\1/p' pyproject.toml)
test-min:
	test -x .venv-min/bin/python || $(PYTHON) -m venv .venv-min
	echo '*' >.venv-min/.gitignore
	.venv-min/bin/python -m pip install --quiet --upgrade pip
	.venv-min/bin/python -m pip install --quiet -e '.[test]' 'scrapy==$(MIN_SCRAPY)'
	.venv-min/bin/python -m pytest -q tests/crawler crawler

# Score the extractor on the evaluation set (tests/eval): table, leaks, gate.
eval: $(STAMP)
	$(BIN)/python tests/eval/run.py

# The project's crawl beside a bare Scrapy spider on PAGES generated article pages of
# 4,000-12,000 characters: pages/s, CPU, memory, bytes an article, time by stage
# (PAGES=5000: some minutes; `make bench PAGES=300` for a quick look).
bench: PAGES ?= 5000
bench: $(STAMP)
	$(BIN)/python bench/crawl_rate.py --pages $(PAGES)

# Resident memory of an archive run over PAGES generated article pages, at 10%, 50%
# and 100% of them, and what grows (PAGES=100000: about an hour on two cores).
bench-memory: PAGES ?= 100000
bench-memory: $(STAMP)
	$(BIN)/python bench/memory.py --pages $(PAGES)

# Search latency on 50,000 synthetic articles against a plain LIKE scan (a few minutes, ~2 GB).
bench-search: $(STAMP)
	$(BIN)/python bench/search.py

# journals reparse over 1,000 stored pages: articles new, unchanged, changed (a few minutes).
bench-reparse: $(STAMP)
	$(BIN)/python bench/reparse.py

# Bytes per article of the database (data/articles.db, or DATABASE_URL's), table by table.
# 1, 2 and 4 workers on one Redis queue into one PostgreSQL database, against the bench
# site on 4 loopback hosts with a politeness delay (bench/scaling.py; a few minutes).
.PHONY: bench-scaling
bench-scaling: $(STAMP) redis postgres
	$(BIN)/python bench/scaling.py

.PHONY: bench-dbsize
bench-dbsize: $(STAMP)
	$(BIN)/python bench/dbsize.py

# CPU of the clean pipeline a page, whole and by stage, on Simplified, Traditional (pinyin,
# spam, mojibake) and stray-Traditional pages of 4,000-12,000 characters (a minute).
bench-cleaning: $(STAMP)
	$(BIN)/python bench/cleaning.py

# The layout's import rules ([tool.importlinter] in pyproject.toml).
imports: $(STAMP)
	$(BIN)/lint-imports --no-cache

lint: $(STAMP) imports
	$(BIN)/ruff check crawler journals pipelines tests bench
	$(BIN)/ruff format --check crawler journals pipelines tests bench

clean:
	rm -rf $(VENV) *.egg-info
