"""One module per layout of the evaluation set, named for the kind of site it imitates.

Each has `PLAN` (its pages: which corpus article each shows and how, a tuple of
`pagekit.Spec`), `url(doc)` and `render(doc)` (the page's address and markup).
"""

from __future__ import annotations

from types import ModuleType

from pagekit import LAYOUTS

from layouts import (
    academic_db,
    blog,
    county_site,
    dedecms,
    digest_library,
    discuz,
    docshare,
    essay_site,
    fx361,
    fx361_mobile,
    gbk,
    news_feed,
    news_portal,
    periodical_portal,
    periodical_reader,
    personal_library,
    reading_room,
    self_media,
    table,
    theory_channel,
    trad,
    trs_portal,
    wechat_archive,
    wechat_mirror,
    wenku,
)

LAYOUT_MODULES: dict[str, ModuleType] = {
    "fx361": fx361,
    "fx361-mobile": fx361_mobile,
    "copy-trad": trad,
    "copy-gbk": gbk,
    "copy-table": table,
    "copy-periodical-portal": periodical_portal,
    "copy-discuz": discuz,
    "copy-dedecms": dedecms,
    "copy-wechat-mirror": wechat_mirror,
    "copy-wechat-archive": wechat_archive,
    "copy-personal-library": personal_library,
    "copy-digest-library": digest_library,
    "copy-trs-portal": trs_portal,
    "copy-docshare": docshare,
    "copy-wenku": wenku,
    "copy-blog": blog,
    "copy-essay-site": essay_site,
    "copy-periodical-reader": periodical_reader,
    "copy-news-feed": news_feed,
    "copy-self-media": self_media,
    "copy-academic-db": academic_db,
    "copy-county-site": county_site,
    "copy-news-portal": news_portal,
    "copy-theory-channel": theory_channel,
    "copy-reading-room": reading_room,
}
assert tuple(LAYOUT_MODULES) == LAYOUTS, "pagekit.LAYOUTS and the modules name the same layouts"
