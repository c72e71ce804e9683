"""The shared frontier's scheduler against a real Redis server, without a
crawl: sites take turns in the queue within a priority, what a gone worker
had taken goes back into the queue, in one step, at the head of its priority,
what a live worker holds stays, and an idle worker stays while another is
busy."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from scrapy import Request, Spider
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.test import get_crawler
from scrapy_redis import picklecompat
from scrapy_redis.dupefilter import RFPDupeFilter
from support.redisserver import RedisServer

from crawler.frontier.keys import Keys
from crawler.frontier.queue import SiteTurnQueue, turns_key
from crawler.frontier.scheduler import FrontierScheduler, taken_field
from crawler.meta import FRONTIER_TAKEN


class Walker(Spider):
    name = "walker"


@pytest.fixture
def scheduler(redis_server: RedisServer) -> Iterator[FrontierScheduler]:
    """Worker `w1` of a run of its own, its queue open (no heartbeat: no crawl)."""
    server = redis_server.client()
    keys = Keys("walker", f"frontier-{uuid.uuid4().hex[:8]}")
    crawler = get_crawler(Walker)
    assert crawler.stats is not None
    crawler.stats.open_spider()
    spider = Walker()
    dupefilter = RFPDupeFilter(server, key=keys.seen)
    made = FrontierScheduler(server, keys, "w1", timeout=60, dupefilter=dupefilter)
    made.stats = crawler.stats
    made.spider = spider
    made.queue = SiteTurnQueue(server=server, spider=spider, key=keys.queue)
    yield made
    for key in server.scan_iter(match=f"{keys.base}:*"):
        server.delete(key)
    server.close()


def take(scheduler: FrontierScheduler, worker: str, url: str, priority: int = 0) -> None:
    """`worker` has taken the request for `url` (as next_request records it)."""
    request = Request(url, priority=priority)
    encoded = picklecompat.dumps(request.to_dict(spider=scheduler.spider))
    field = taken_field(uuid.uuid4().hex[:16], priority)
    scheduler.server.hset(scheduler.keys.taken(worker), field, encoded)


def test_what_a_gone_worker_took_goes_back_with_its_priority(scheduler: FrontierScheduler) -> None:
    keys = scheduler.keys
    take(scheduler, "gone", "http://127.0.0.1/issue", priority=3)
    take(scheduler, "gone", "http://127.0.0.1/article", priority=-1)
    take(scheduler, "alive", "http://127.0.0.1/journal")
    scheduler.server.set(keys.worker("alive"), "busy", px=60_000)

    assert scheduler.take_back_dead() == 2
    assert not scheduler.server.exists(keys.taken("gone"))
    assert scheduler.server.hlen(keys.taken("alive")) == 1  # its heartbeat is fresh
    assert scheduler.stats.get_value("frontier/taken_back") == 2
    first = scheduler.next_request()
    second = scheduler.next_request()
    assert first is not None and second is not None
    assert [(first.url, first.priority), (second.url, second.priority)] == [
        ("http://127.0.0.1/issue", 3),
        ("http://127.0.0.1/article", -1),
    ]
    assert scheduler.next_request() is None
    # Both are now this worker's, until done.
    assert scheduler.server.hlen(keys.taken("w1")) == 2
    scheduler.done(first.meta[FRONTIER_TAKEN])
    assert scheduler.server.hlen(keys.taken("w1")) == 1


def test_an_idle_worker_stays_while_another_is_busy(scheduler: FrontierScheduler) -> None:
    keys = scheduler.keys
    scheduler.server.set(keys.worker("other"), "busy", px=60_000)
    with pytest.raises(DontCloseSpider):
        scheduler.spider_idle()
    assert scheduler.server.get(keys.worker("w1")) == b"idle"
    scheduler.server.set(keys.worker("other"), "idle", px=60_000)
    scheduler.spider_idle()  # nobody busy, nothing queued, nothing to take back: it may end
    take(scheduler, "gone", "http://127.0.0.1/issue")
    with pytest.raises(DontCloseSpider):  # it took the gone worker's request back first
        scheduler.spider_idle()
    assert len(scheduler) == 1


def drain(scheduler: FrontierScheduler) -> list[tuple[str, int]]:
    found = []
    while (request := scheduler.next_request()) is not None:
        found.append((request.url, request.priority))
    return found


def test_sites_take_turns_within_a_priority(scheduler: FrontierScheduler) -> None:
    """Requests pushed site by site come out one of each site in turn, each
    site's in the order pushed, a higher priority first; the turns are gone
    with the last request."""
    pushed = [f"http://127.0.0.1/a{n}" for n in (1, 2, 3)]
    pushed += [f"http://127.0.0.2/b{n}" for n in (1, 2, 3)]
    pushed += [f"http://127.0.0.3/c{n}" for n in (1, 2)]
    for url in pushed:
        assert scheduler.enqueue_request(Request(url))
    # The download slot a request names is its site, whatever its host.
    slow = Request("http://127.0.0.1/slow", meta={"download_slot": "127.0.0.3"})
    assert scheduler.enqueue_request(slow)
    assert scheduler.enqueue_request(Request("http://127.0.0.2/urgent", priority=5))
    assert scheduler.server.exists(turns_key(scheduler.keys.queue))

    found = drain(scheduler)
    assert found[0] == ("http://127.0.0.2/urgent", 5)
    # Each turn: one request of every site that has one left (in an order of
    # their own: Redis orders a score's members by their bytes).
    turns = [{url.rsplit("/", 1)[1] for url, _ in found[k : k + 3]} for k in (1, 4, 7)]
    assert turns == [{"a1", "b1", "c1"}, {"a2", "b2", "c2"}, {"a3", "b3", "slow"}]
    assert {priority for _, priority in found[1:]} == {0}
    assert not scheduler.server.exists(turns_key(scheduler.keys.queue))
    assert not scheduler.server.exists(scheduler.keys.queue)
    # An empty queue counts afresh.
    assert scheduler.enqueue_request(Request("http://127.0.0.2/later"))
    assert scheduler.server.hgetall(turns_key(scheduler.keys.queue)) == {b"127.0.0.2": b"1"}


def test_a_request_taken_back_goes_first_in_its_priority(scheduler: FrontierScheduler) -> None:
    for url in ("http://127.0.0.1/a1", "http://127.0.0.2/b1", "http://127.0.0.1/a2"):
        scheduler.enqueue_request(Request(url))
    scheduler.enqueue_request(Request("http://127.0.0.2/index", priority=2))
    take(scheduler, "gone", "http://127.0.0.3/back")
    assert scheduler.take_back_dead() == 1
    assert drain(scheduler) == [
        ("http://127.0.0.2/index", 2),
        ("http://127.0.0.3/back", 0),
        ("http://127.0.0.1/a1", 0),
        ("http://127.0.0.2/b1", 0),
        ("http://127.0.0.1/a2", 0),
    ]


def test_a_queue_filled_before_the_turns_is_read_as_it_is(scheduler: FrontierScheduler) -> None:
    """Requests scored by priority alone (a redirect's +2, a retry's -1) come
    out among the first of priority 0, and the others after them."""
    for url, priority in (("http://127.0.0.1/moved", 2), ("http://127.0.0.2/retried", -1)):
        request = Request(url, priority=priority)
        encoded = picklecompat.dumps(request.to_dict(spider=scheduler.spider))
        scheduler.server.zadd(scheduler.keys.queue, {encoded: -priority})
    for url in ("http://127.0.0.1/a1", "http://127.0.0.1/a2", "http://127.0.0.3/c1"):
        scheduler.enqueue_request(Request(url))
    found = drain(scheduler)
    assert found[0] == ("http://127.0.0.1/moved", 2)
    assert ("http://127.0.0.2/retried", -1) in found[1:4]  # with the first turn
    assert found[-1] == ("http://127.0.0.1/a2", 0)
    assert len(found) == 5
    assert not scheduler.server.exists(turns_key(scheduler.keys.queue))
