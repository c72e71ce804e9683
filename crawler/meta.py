"""The request meta keys the crawl's own components share. Each is set by one
component and read by others; the name says what the request carries.

- `ARTICLE_PAGE`: the request is for an article page. Set by the spiders on
  the requests whose responses go to the article parser; read by the page
  archive (which keeps exactly those pages) and the run record (which counts
  them).
- `GAVE_UP`: the reason the retry middleware stopped retrying this request;
  read by the failure middleware, which records it.
- `RESUME_NODE`, `RESUME_PARENT`: the resumable scheduler's bookkeeping (the
  request's own key, and the key of the request that yielded it).
- `FRONTIER_TAKEN`, `FRONTIER_PARENT`: the shared frontier's bookkeeping
  (crawler/frontier/): the entry of the worker's `taken` hash a request
  popped from the queue stands for, and on the requests it yields, that
  entry; set by the frontier's scheduler and ledger, read by the ledger.
"""

ARTICLE_PAGE = "article_page"
GAVE_UP = "retry_gave_up"
RESUME_NODE = "resume_node"
RESUME_PARENT = "resume_parent"
FRONTIER_TAKEN = "frontier_taken"
FRONTIER_PARENT = "frontier_parent"
