"""Archive runs that resume after any stop, SIGKILL included: `-s JOBDIR=DIR`.

Why not Scrapy's own JOBDIR state
---------------------------------
Scrapy keeps two things in a JOBDIR: the fingerprint of every request
*scheduled* (`requests.seen`, appended when a request enters the queue) and
the queue of requests not yet made (`requests.queue/`, whose index is written
when the spider closes). After a clean stop (Ctrl-C once, SIGTERM) the two
agree and the job resumes. After SIGKILL, a crash or the OOM killer they do
not: the queue's index is missing or stale, so the queued requests are lost
(or read back as garbage), while `requests.seen` still lists them, and a
request listed there is never made again. An issue page fetched before the
kill whose article requests were still queued is "seen": the resumed run does
not fetch it again, so it never learns those articles. The same goes for
requests in flight at the kill, and for articles parsed but still in the store
pipeline's unwritten batch (it writes STORE_BATCH_SIZE at a time).

What is kept instead
--------------------
`JOBDIR/requests.done`: the fingerprints of requests that are *done*, one a
line, appended (and flushed to the OS, which keeps them through a SIGKILL) as
they become done. A request is done when

- its response (not an HTTP error) went through its callback to the end;
- each item the callback yielded was dropped by a pipeline (a final verdict),
  or is in the database: read back from it, as a source URL sighted by this
  run, since an item the store pipeline has taken may still be in its batch;
- each request the callback yielded is done, except those the dupefilter
  dropped (a duplicate is the first asker's to finish, and a request done in
  an earlier run is finished already).

So a request is done only once everything below it in the crawl is stored.
Run again with the same command, the spider yields its start requests again;
`ResumeDupeFilter` drops those done in earlier runs (and so their subtrees)
and lets the rest through, so each page whose subtree the kill cut off is
fetched again and yields again what was lost, while each article already
stored below it is done and not fetched again. Nothing of the queue is
needed, so `ResumeScheduler` keeps the queue in memory even with a JOBDIR (the
disk queue cannot be read back after a SIGKILL anyway), and Scrapy's
`requests.seen` is neither written nor read.

What a resume costs: the pages above the cut (the home and category pages,
journal homes, year pages, unfinished issue pages) are fetched again, a few per
interruption. Pages that failed (HTTP errors, download errors, anti-bot pages)
are never done, so a resume tries them again, and the pages above them. What
is fetched twice is stored once: the store upserts by article number.

A JOBDIR belongs to one spider, one set of arguments and one database; a job
that finished does nothing when run again (its start requests are done): use
a new JOBDIR for a new archive run. Without JOBDIR none of this is active.

The components, one module each: `tree` (which requests are done),
`dupefilter` (drops what earlier runs did), `seen` (the fingerprints it has
seen, in SQLite's temporary database rather than a Python set, so that they
take no more memory at a million requests than at a thousand), `scheduler`
(the queue in memory), `tracker` (the spider middleware that records what is
done).
"""
