"""An article PostgreSQL will not take (a journal name longer than its column
holds: a copy site's junk) in a batch of good ones: the batch is written in
halves down to that article, the others are stored, and it is counted as
lost and recorded in `failures` with the database's reason."""

from __future__ import annotations

from scrapy.utils.test import get_crawler
from sqlalchemy import create_engine, text
from support.records import item

from pipelines.store import StorePipeline

IDS = range(5108300, 5108307)
BAD = 5108304


def test_an_article_the_database_refuses_leaves_the_rest_of_its_batch_stored(
    postgres_url: str,
) -> None:
    crawler = get_crawler(settings_dict={"DATABASE_URL": postgres_url, "STORE_BATCH_SIZE": 50})
    assert crawler.stats is not None
    crawler.stats.open_spider()
    store = StorePipeline.from_crawler(crawler)
    store.open_spider()
    for article_id, name in zip(IDS, "甲乙丙丁戊己庚", strict=True):
        one = item(article_id, f"{name}代表的建议办理情况。" * 10, ["代表建议"])
        if article_id == BAD:
            one["journal"] = "人大研究" * 40  # 160 characters; the column holds 100
        store.process_item(one)
    store.close_spider()

    stats = crawler.stats.get_stats()
    assert stats.get("store/articles_new") == len(IDS) - 1
    assert stats.get("store/articles_lost") == 1
    engine = create_engine(postgres_url)
    with engine.connect() as conn:
        stored = {row[0] for row in conn.execute(text("SELECT id FROM articles"))}
        failed = conn.execute(text("SELECT url, reason FROM failures")).all()
    engine.dispose()
    assert stored == set(IDS) - {BAD}
    [(url, reason)] = failed
    assert url == item(BAD, "", [])["url"]
    assert reason.startswith("not stored: value too long for type character varying(100)")
