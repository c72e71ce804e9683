"""The run's queue: scrapy-redis's priority queue (a sorted set), with the
requests of one priority handed out one site after another in turn.

scrapy-redis scores a request by its priority alone, and Redis orders the
members of one score by their bytes, the serialized request: its URL, so the
requests of one site came out together. A worker then filled its downloader
with one site's requests and waited out that site's delay between each,
while the other sites' requests sat in the queue (docs/scaling.md measured
one worker at a third of what its delays allowed).

Here a request's score is its priority's band (`-priority × BAND`) plus its
turn: the how-manyth request of its download slot (its host, or the
`download_slot` its meta names) pushed since the queue was last empty, kept
in a hash beside the queue (`<queue>:turns`). Within a priority the first
request of every site comes before the second of any, and one site's
requests keep the order they were pushed in. Pushing is one script (the turn
counted and the request added at once), and so is popping (ZPOPMIN, Redis 5
and later), which deletes the turns when it takes the last request: a
finished run leaves no key of it but its seen set. A request taken back
from a gone worker goes back at the head of its priority (`head`). A queue
filled before the turns (each request scored `-priority`, a few units from
0) is read as it is: its requests come out around the head of priority 0,
soon, and none is lost.
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.utils.httpobj import urlparse_cached
from scrapy_redis.queue import PriorityQueue

# A priority's band of scores: room for 2**32 turns of a site, and scores of
# priorities up to ±2**20 still exact in a double.
BAND = 2**32

PUSH = """
local turn = redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
redis.call('ZADD', KEYS[1], string.format('%.0f', tonumber(ARGV[2]) + turn), ARGV[3])
"""
POP = """
local first = redis.call('ZPOPMIN', KEYS[1])
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('DEL', KEYS[2])
end
return first[1]
"""


def turns_key(queue_key: str) -> str:
    """The hash of each site's turns beside a queue.

    >>> turns_key("journals:fx361:archive-1:requests")
    'journals:fx361:archive-1:requests:turns'
    """
    return f"{queue_key}:turns"


def head(priority: int) -> int:
    """The score before every turn of a priority: where a request taken back goes.

    >>> head(0), head(1), head(-1)
    (0, -4294967296, 4294967296)
    """
    return -priority * BAND


def site(request: Request) -> str:
    """What Scrapy keeps a request's politeness by: its download slot.

    >>> site(Request("http://127.0.0.2:8000/a"))
    '127.0.0.2'
    >>> site(Request("http://127.0.0.2:8000/a", meta={"download_slot": "slow"}))
    'slow'

    """
    return str(request.meta.get("download_slot") or urlparse_cached(request).hostname or "")


class SiteTurnQueue(PriorityQueue):
    """scrapy-redis's PriorityQueue, its sites taking turns within a priority."""

    def __init__(self, server: Any, spider: Any, key: str, serializer: Any = None) -> None:
        super().__init__(server, spider, key, serializer)
        self.turns = turns_key(key)
        self._push = server.register_script(PUSH)
        self._pop = server.register_script(POP)

    def push(self, request: Request) -> None:
        self._push(
            keys=[self.key, self.turns],
            args=[site(request), head(request.priority), self._encode_request(request)],
        )

    def pop(self, timeout: int = 0) -> Request | None:
        data = self._pop(keys=[self.key, self.turns])
        return None if data is None else self._decode_request(data)
