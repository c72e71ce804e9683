"""Every table and column of the database, described in plain language: the
source of `docs/schema.md` and of the web view's descriptions (a test keeps
them in step with the migrated schema)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: dict[str, str] = field(default_factory=dict)


TABLES = (
    Table(
        "journals",
        "One row per journal, by the name it is printed under.",
        {
            "id": "Row number.",
            "name": "The journal's name, e.g. 上海人大月刊.",
            "province": "Province-level division of the congress that publishes it "
            "(上海, 浙江, …), from the catalogue data/journals.csv; empty where unknown.",
            "level": "`provincial` (a province's congress) or `city` (a city's); "
            "from the catalogue, empty where unknown.",
            "fx361_code": "The journal's code on fx361.com (`zjrd` in /bk/zjrd/), where known.",
        },
    ),
    Table(
        "issues",
        "One issue of a journal, as labelled: year 2018, issue `9`, `Z1` or `1-2`.",
        {
            "id": "Row number.",
            "journal_id": "The journal (journals.id).",
            "year": "The issue's year.",
            "issue": "The issue number as printed: `9`, `Z1` (a combined issue), `1-2`.",
            "label": "The label as the site printed it, e.g. 2018年9期.",
            "toc_count": "How many articles the issue's table of contents lists; "
            "empty where the issue page was not read.",
        },
    ),
    Table(
        "articles",
        "One article, however many copies of it were found.",
        {
            "id": "The aggregator's article number (negative: an article found only "
            "on copy sites, numbered from its text).",
            "title": "The title, cleaned and normalised.",
            "date": "The aggregator's posting date, YYYY-MM-DD (not the issue's date).",
            "time": "The posting time, HH:MM:SS, where the page shows one.",
            "journal_id": "The journal (journals.id); empty where no copy named it "
            "(flag journal_unknown).",
            "issue_id": "The issue (issues.id); empty where the page names none.",
            "body": "The text: paragraphs and section headings one per line.",
            "flags": "JSON list of what cleaning did: spam_removed, pinyin_removed, "
            "converted_t2s, garbled, keywords_split (the keywords were cut from a line "
            "the copy ran together, see keywords_line), keywords_uncertain (that cut is "
            "a guess: no known tag or word of the text supports it), journal_unknown "
            "(no copy named the journal, so no journal, year or issue).",
            "url": "The URL of the copy whose text is stored.",
            "source_host": "The host of that copy.",
            "fetched_at": "When the stored copy was last fetched (UTC, ISO 8601).",
            "updated_at": "When the stored record last changed (UTC, ISO 8601).",
            "column": "The column (栏目) the issue's table of contents lists it under, "
            "e.g. 特别策划; empty where no table of contents was read or it lists the "
            "article under no heading. Kept once known: a copy read without the "
            "contents (the `article` spider, a copy site) leaves it as it is.",
            "toc_position": "Its place in the issue's table of contents, from 1, counted "
            "across columns; empty where no table of contents was read. Kept like `column`.",
            "keywords_line": "The keyword line as the copy printed it, run together "
            "(人代会人民代表大会代表), where the keywords were split from it; empty where "
            "the page gave them apart. `journals rekey` splits it again.",
        },
    ),
    Table(
        "authors",
        "One row per author name.",
        {"id": "Row number.", "name": "The name, without roles or affiliations."},
    ),
    Table(
        "article_authors",
        "Each article's authors in byline order.",
        {
            "article_id": "The article (articles.id).",
            "position": "Place in the byline, from 0.",
            "author_id": "The author (authors.id).",
        },
    ),
    Table(
        "keywords",
        "One row per keyword.",
        {"id": "Row number.", "word": "The keyword."},
    ),
    Table(
        "article_keywords",
        "Each article's keywords in the order of its keyword line.",
        {
            "article_id": "The article (articles.id).",
            "position": "Place in the keyword line, from 0.",
            "keyword_id": "The keyword (keywords.id).",
        },
    ),
    Table(
        "sources",
        "Every URL an article was seen at: the aggregator's desktop and mobile pages, copy sites.",
        {
            "id": "Row number.",
            "article_id": "The article (articles.id).",
            "url": "The URL.",
            "host": "Its host.",
            "first_seen": "When it was first fetched (UTC, ISO 8601).",
            "last_seen": "When it was last fetched (UTC, ISO 8601).",
        },
    ),
    Table(
        "failures",
        "Every URL the crawl learned of but could not store: a page that kept "
        "failing, was too big, or was an anti-bot page. A row is deleted when its "
        "URL is stored; `journals failed` lists them, `journals retry` tries them again.",
        {
            "id": "Row number.",
            "url": "The URL requested.",
            "host": "Its host.",
            "spider": "The spider whose run last failed it (fx361, article).",
            "last_status": "The HTTP status of the last attempt; empty where no response came.",
            "reason": "Why the last run gave up, e.g. `500 Internal Server Error`, "
            "`DownloadTimeoutError`, `anti-bot page (captcha)`.",
            "attempts": "Requests made for it over all runs, retries included.",
            "first_failed": "When it first failed for good (UTC, ISO 8601).",
            "last_failed": "When it last failed for good (UTC, ISO 8601).",
        },
    ),
    Table(
        "crawl_runs",
        "One row per crawl (per worker, for a run whose workers share a frontier): "
        "spider, arguments, when it ran, how it ended, what it "
        "fetched and what it stored. `journals runs` lists them.",
        {
            "id": "Row number.",
            "spider": "The spider (fx361, article).",
            "arguments": "JSON object of its `-a` arguments.",
            "started_at": "When it started (UTC, ISO 8601).",
            "finished_at": "When it ended (UTC, ISO 8601); empty while running or "
            "if the process was killed.",
            "status": "How it ended: `finished`, `interrupted` (stopped before the end, "
            "by a signal or a kill), `failed`, `degraded` (field coverage below its "
            "floors), `blocked` (too many anti-bot pages); `running` while it runs.",
            "finish_reason": "Scrapy's reason for closing the spider, e.g. `finished`, `shutdown`.",
            "requests": "Requests sent, retries included.",
            "responses": "JSON object: responses received by HTTP status.",
            "article_pages": "Article pages fetched.",
            "articles_new": "Articles stored for the first time.",
            "articles_updated": "Stored articles whose record changed.",
            "articles_unchanged": "Stored articles fetched again, unchanged.",
            "articles_journal_unknown": "New articles stored from a copy that named no "
            "journal (flag journal_unknown).",
            "dropped": "JSON object: items dropped, by reason.",
            "errors": "Errors logged and downloads that failed.",
            "coverage": "JSON object: share of the run's new articles with each field "
            "(authors, keywords, date, issue); empty when none were new.",
            "alarms": "JSON list: the coverage floors the run fell below.",
            "run_id": "For a worker of a run sharing its frontier in Redis (docs/scaling.md): "
            "the RUN_ID all the run's workers were given; empty for a crawl in one process.",
            "worker": "That worker's WORKER_NAME: a row per worker of the run.",
        },
    ),
    Table(
        "pages",
        "Every fetched article page as it came, compressed (the latest fetch of "
        "each URL), so that `journals reparse` extracts the archive again without "
        "the network. The setting STORE_PAGES=False turns it off.",
        {
            "id": "Row number.",
            "url": "The URL fetched.",
            "status": "The HTTP status.",
            "headers": "JSON object: the response headers, each a list of values.",
            "body": "The response body as received, compressed.",
            "compression": "How the body is compressed: `br` (Brotli), or `zlib` for "
            "pages stored before revision 0012 that were not recompressed.",
            "fetched_at": "When it was fetched (UTC, ISO 8601).",
            "run_id": "The crawl that fetched it (crawl_runs.id).",
            "toc_count": "How many articles the issue's table of contents listed "
            "when the page was fetched; empty for pages not reached from one.",
            "contents": "JSON object: what that table of contents said of the "
            "article (journal, year, issue, issue_label, column, position), which "
            "a reparse gives the page again; empty for pages not reached from one.",
        },
    ),
    Table(
        "fingerprints",
        "Digests of articles' text, so that a copy without or with another "
        "article number is recognised as the same article.",
        {
            "digest": "SHA-1 of the Chinese characters of the title and the body's first 80.",
            "article_id": "The article (articles.id).",
        },
    ),
    Table(
        "issue_counts",
        "View: each issue with how many articles its table of contents lists "
        "and how many are stored.",
        {
            "issue_id": "The issue (issues.id).",
            "journal": "The journal's name.",
            "year": "The issue's year.",
            "issue": "The issue number as printed.",
            "label": "The label as printed.",
            "toc_count": "Articles the table of contents lists; empty where unknown.",
            "stored": "Articles of the issue in the database.",
        },
    ),
    Table(
        "article_list",
        "View: one row per article with its journal, province, year, issue, "
        "column, authors and keywords, for browsing and faceting.",
        {
            "id": "The article (articles.id).",
            "title": "The title.",
            "journal": "The journal's name; empty where no copy named it.",
            "province": "The journal's province, where known.",
            "level": "The journal's level (provincial, city), where known.",
            "year": "The issue's year.",
            "issue": "The issue number as printed.",
            "issue_label": "The issue's label as printed.",
            "column": "The column (栏目) of the table of contents it is listed under, where known.",
            "toc_position": "Its place in the issue's table of contents, from 1, where known.",
            "date": "The posting date, YYYY-MM-DD.",
            "authors": "JSON list of the authors in byline order.",
            "keywords": "JSON list of the keywords in order.",
            "url": "The URL of the stored copy.",
        },
    ),
    Table(
        "articles_fts",
        "Full-text index (SQLite FTS5, trigram tokenizer) of each article's title, "
        "body and keywords; rowid is the article's id. It keeps no copy of the text: "
        "it reads it from articles_fts_text (external content). Kept in step with the "
        "articles by triggers. Each value ends with two line breaks, so that every "
        "occurrence of a one- or two-character word begins a trigram.",
        {
            "title": "The article's title.",
            "body": "The article's body.",
            "keywords": "The article's keywords in order, joined with ；.",
        },
    ),
    Table(
        "articles_fts_text",
        "View: the text the full-text index holds, as it reads it: each value "
        "followed by two line breaks.",
        {
            "id": "The article (articles.id).",
            "title": "Its title.",
            "body": "Its body.",
            "keywords": "Its keywords line, from articles_fts_keywords.",
        },
    ),
    Table(
        "articles_fts_keywords",
        "Each article's keywords joined with ；, as the full-text index holds them "
        "(kept by its triggers); none for an article without keywords.",
        {"id": "The article (articles.id).", "keywords": "The keywords in order, joined with ；."},
    ),
    Table(
        "articles_fts_vocab",
        "The trigrams of the full-text index (FTS5 vocabulary table): how a word "
        "of one or two characters is looked up where the short-word index cannot.",
        {
            "term": "A trigram, case folded.",
            "doc": "Articles it occurs in.",
            "cnt": "Its occurrences.",
        },
    ),
    Table(
        "articles_fts_short",
        "Short-word index (SQLite FTS5, detail=none, contentless): each character "
        "and pair of characters of an article's title, body and keywords, and tiers "
        "of how often each occurs (`人大:3`: weighs 8 or more), so that a search word "
        "of one or two characters is one lookup; rowid is the row's number in "
        "articles_fts_short_ids. Its rows are made by pipelines/db/grams.py before each commit.",
        {"grams": "The tokens (not stored: the index holds only which rows have each)."},
    ),
    Table(
        "articles_fts_short_ids",
        "The article of each row of the short-word index, whose rows are numbered "
        "1, 2, 3, … as they are made (its lists then take about a byte a row).",
        {"id": "The row's number (articles_fts_short's rowid).", "article_id": "The article."},
    ),
    Table(
        "articles_fts_hold",
        "Articles a writer is changing within its transaction, taken out of both "
        "full-text indexes; the triggers leave them alone, and before the commit "
        "each is indexed once (pipelines/db/fulltext.py). Empty between transactions.",
        {"id": "The article (articles.id)."},
    ),
    Table(
        "articles_fts_short_pending",
        "Articles whose row in the short-word index is missing or out of date "
        "(marked by the full-text triggers); search reads their text meanwhile.",
        {"id": "The article (articles.id)."},
    ),
    Table(
        "articles_fts_short_old",
        "What the short-word index row of a pending article was made of, kept "
        "until that row is replaced.",
        {
            "id": "The article (articles.id).",
            "title": "Its title then.",
            "body": "Its body then.",
            "keywords": "Its keywords line then.",
        },
    ),
    Table(
        "articles_fts_short_data",
        "FTS5's own storage of the short-word index.",
        {"id": "Block number.", "block": "The block."},
    ),
    Table(
        "articles_fts_short_idx",
        "FTS5's own storage of the short-word index: where each term's list begins.",
        {"segid": "Segment.", "term": "First term on the page.", "pgno": "Page."},
    ),
    Table(
        "articles_fts_short_docsize",
        "FTS5's own storage of the short-word index: one row per row of the index.",
        {"id": "The row's number.", "sz": "Its size in tokens."},
    ),
    Table(
        "articles_fts_short_config",
        "FTS5's own storage of the short-word index: its settings.",
        {"k": "Setting.", "v": "Value."},
    ),
    Table(
        "alembic_version",
        "The schema revision the database is at (Alembic).",
        {"version_num": "The revision."},
    ),
)


def markdown() -> str:
    """The tables and columns as Markdown (docs/schema.md)."""
    lines = [
        "# The database, table by table",
        "",
        "Generated from `pipelines/db/schema.py`; a test keeps the two in step.",
        "The schema is made and upgraded by the migrations in `pipelines/db/migrations/`.",
    ]
    for table in TABLES:
        lines += ["", f"## `{table.name}`", "", table.description, ""]
        lines += ["| column | what |", "|---|---|"]
        lines += [f"| `{name}` | {text} |" for name, text in table.columns.items()]
    return "\n".join(lines) + "\n"
