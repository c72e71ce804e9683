"""One frontier shared by any number of crawl processes: `-s REDIS_URL=...`
(or the environment's REDIS_URL) with `-s RUN_ID=...`.

What is shared
--------------
Every worker of a run (the same spider, arguments, RUN_ID and database)
schedules into, and takes from, one queue in Redis (scrapy-redis's priority
queue, its sites taking turns within a priority, and its dupe filter, kept
after the run: SCHEDULER_PERSIST), so each page is fetched once across all of
them, however many join and whenever. The keys
are named by the spider and the run (`keys.Keys`): a new RUN_ID is a new
run, the same RUN_ID continues one.

Seeding: each worker's spider yields its start requests as it always does;
the shared dupe filter lets the first worker's in and drops the later
workers' (and a restarted worker's), which then take what is in the queue.
So starting the same command N times, in any order, is all there is to it.

Why the queue alone is not enough to resume
-------------------------------------------
A request popped from the queue is gone from Redis while its worker fetches
and parses it, and its items wait in the store pipeline's batch. A worker
killed then (SIGKILL, OOM, a power cut) would lose them, and the dupe filter
would keep the page from being asked for again. So each worker also keeps
what it has taken and not yet finished in a hash of its own
(`taken:<worker>`), and a request leaves it only when it is done
(crawler/frontier/ledger.py): its callback ran to its end, each request it
yielded is in the queue (or was a duplicate), and each item it yielded is
stored or dropped; a retry or redirect of it is in the queue. What a dead
worker had taken goes back into the queue, in one atomic step: at once when a
worker of the same name (WORKER_NAME) starts again, else by another worker
once the dead one's heartbeat key has expired (FRONTIER_WORKER_TIMEOUT
seconds).

When a worker stops
-------------------
A worker whose queue is empty keeps waiting while another live worker is busy
(it may still yield requests) or a dead worker's requests are to be taken
back; it finishes when the queue is empty and no worker is busy. A worker
stopped cleanly (Ctrl-C, SIGTERM) leaves what it had taken for its restart
or the others. A run whose queue is empty, with nothing taken, is finished:
starting it again does nothing (its pages are all seen); a new RUN_ID starts
afresh.

JOBDIR (crawler/resume/) is the single-process way to resume an archive run;
with REDIS_URL the state to resume from is in Redis, and `scrapy crawl`
refuses both at once. The modules: `keys` (names of the run's keys),
`queue` (the sites' turns), `scheduler` (the queue, what is taken,
heartbeats, taking back), `ledger`
(which taken requests are done).
"""
