"""Offsite filtering that a retry cannot switch off.

Scrapy's OffsiteMiddleware lets any request with `dont_filter` through, and
a retry is made with `dont_filter` (so the duplicate filter lets it pass);
RedirectMiddleware copies the flag onto the redirected request. So a page that
failed once and then redirected to another site would be followed there. Here
a redirected request is checked against `allowed_domains` whatever its
`dont_filter` says; `allow_offsite` in its meta still lets it through.
"""

from __future__ import annotations

from scrapy import Request
from scrapy.downloadermiddlewares import offsite


class OffsiteMiddleware(offsite.OffsiteMiddleware):
    def process_request(self, request: Request) -> None:  # type: ignore[override]
        if request.dont_filter and request.meta.get("redirect_urls"):
            # Checked as if dont_filter were off: the redirect chose the host, not the spider.
            request = request.replace(dont_filter=False)
        super().process_request(request)
