"""The scheduler of the shared frontier: scrapy-redis's, plus what each
worker has taken (see the package's docstring)."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from redis import Redis
from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.asyncio import create_looping_call
from scrapy_redis import connection, picklecompat
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.scheduler import Scheduler

from crawler.frontier.keys import Keys, check_run_id, worker_name
from crawler.frontier.queue import BAND, SiteTurnQueue
from crawler.meta import FRONTIER_TAKEN

logger = logging.getLogger(__name__)

QUEUE_CLASS = f"{SiteTurnQueue.__module__}.{SiteTurnQueue.__qualname__}"

# Every entry of a dead worker's `taken` hash back into the queue, at the head
# of its priority (its field ends with the negated priority; ARGV[1] is the
# queue's BAND), and the hash deleted: all or nothing.
TAKE_BACK = """
local entries = redis.call('HGETALL', KEYS[1])
for i = 1, #entries, 2 do
  local negated = string.match(entries[i], ' (%-?[0-9]+)$')
  local score = string.format('%.0f', tonumber(negated) * tonumber(ARGV[1]))
  redis.call('ZADD', KEYS[2], score, entries[i + 1])
end
redis.call('DEL', KEYS[1])
return #entries / 2
"""


def taken_field(token: str, priority: int) -> str:
    """A `taken` entry's field: a token of the take, and the queue's score.

    >>> taken_field("3f2a", 5)
    '3f2a -5'
    """
    return f"{token} {-priority}"


class FrontierScheduler(Scheduler):
    """scrapy-redis's scheduler on the run's keys, with SCHEDULER_PERSIST on:
    the queue and the seen set outlive every worker. Each request it hands
    out is kept in the worker's `taken` hash (its meta FRONTIER_TAKEN names
    the entry) until the ledger finds it done."""

    def __init__(
        self, server: Redis, keys: Keys, worker: str, timeout: float, **kwargs: Any
    ) -> None:
        super().__init__(
            server, persist=True, queue_key=keys.queue, queue_cls=QUEUE_CLASS, **kwargs
        )
        self.keys = keys
        self.worker = worker
        self.timeout = timeout
        self.state = ""
        self.heartbeat: Any = None
        self.take_back = server.register_script(TAKE_BACK)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FrontierScheduler:
        settings = crawler.settings
        assert crawler.spidercls is not None
        keys = Keys(crawler.spidercls.name, check_run_id(settings.get("RUN_ID")))
        server = connection.from_settings(settings)
        server.ping()  # a wrong REDIS_URL fails here, before any request
        dupefilter = RFPDupeFilter(
            server, key=keys.seen, debug=settings.getbool("DUPEFILTER_DEBUG")
        )
        scheduler = cls(
            server,
            keys,
            worker_name(settings.get("WORKER_NAME")),
            settings.getfloat("FRONTIER_WORKER_TIMEOUT", 60.0),
            dupefilter=dupefilter,
        )
        scheduler.stats = crawler.stats
        crawler.signals.connect(scheduler.spider_idle, signal=signals.spider_idle)
        return scheduler

    def open(self, spider: Spider) -> None:
        super().open(spider)
        own = self.take_back(keys=[self.keys.taken(self.worker), self.keys.queue], args=[BAND])
        if own:
            logger.info("took back %d requests an earlier %s left unfinished", own, self.worker)
        self.beat("busy")
        self.heartbeat = create_looping_call(self.beat)
        self.heartbeat.start(max(self.timeout / 3, 0.1), now=False)
        logger.info(
            "worker %s of run %s: %d requests queued", self.worker, self.keys.run_id, len(self)
        )

    def close(self, reason: str) -> None:
        if self.heartbeat is not None and self.heartbeat.running:
            self.heartbeat.stop()
        if reason == "finished":
            # Nothing in flight, the last batch stored: all it took is done.
            self.server.delete(self.keys.taken(self.worker))
        self.server.delete(self.keys.worker(self.worker))
        super().close(reason)

    def beat(self, state: str | None = None) -> None:
        """Say this worker is alive (and busy or idle) for FRONTIER_WORKER_TIMEOUT s."""
        self.state = state or self.state
        self.server.set(self.keys.worker(self.worker), self.state, px=int(self.timeout * 1000))

    # scrapy-redis's two methods again, counting without the `spider` argument
    # Scrapy's stats no longer take.

    def enqueue_request(self, request: Request) -> bool:
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            return False
        self.stats.inc_value("scheduler/enqueued/redis")
        self.queue.push(request)
        return True

    def next_request(self) -> Request | None:
        request = self.queue.pop()
        if request is None:
            return None
        self.stats.inc_value("scheduler/dequeued/redis")
        field = taken_field(uuid.uuid4().hex[:16], request.priority)
        encoded = picklecompat.dumps(request.to_dict(spider=self.spider))
        self.server.hset(self.keys.taken(self.worker), field, encoded)
        request.meta[FRONTIER_TAKEN] = field
        if self.state != "busy":
            self.beat("busy")
        return request

    def done(self, field: str) -> None:
        """The taken request `field` names is done (the ledger's call)."""
        self.server.hdel(self.keys.taken(self.worker), field)

    def spider_idle(self) -> None:
        """Stay while others may still yield requests (see the package's docstring)."""
        if self.state != "idle":
            self.beat("idle")
        if self.take_back_dead() or len(self):
            raise DontCloseSpider
        for key in self.server.scan_iter(match=self.keys.all_workers):
            name = self.keys.worker_of(key.decode())
            if name != self.worker and self.server.get(key) == b"busy":
                raise DontCloseSpider

    def take_back_dead(self) -> int:
        """Put back into the queue what workers whose heartbeat expired had taken."""
        count = 0
        for key in self.server.scan_iter(match=self.keys.all_taken):
            name = self.keys.worker_of(key.decode())
            if name != self.worker and not self.server.exists(self.keys.worker(name)):
                back = int(self.take_back(keys=[key, self.keys.queue], args=[BAND]))
                if back:
                    logger.warning("took back %d requests of worker %s, gone", back, name)
                    self.stats.inc_value("frontier/taken_back", back)
                count += back
        return count
