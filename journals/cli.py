"""`journals`: search, show, export and inspect the harvested articles, serve
the sample site."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from crawler.arguments import BadArgument, parse_years
from journals.filters import Filters
from pipelines.db.database import DEFAULT_DATABASE_URL, DatabaseError, open_engine

Writer = Callable[[Iterable[dict[str, Any]], IO[str]], int]


class CliError(Exception):
    """A problem to report in one line, with a non-zero exit."""


def default_database_url() -> str:
    return os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)


def _settings_argument(parser: argparse.ArgumentParser, help: str) -> None:
    parser.add_argument(
        "-s", "--set", dest="setting", action="append", default=[], metavar="NAME=VALUE", help=help
    )


def _db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        default=None,
        metavar="URL",
        help=f"database URL (default: $DATABASE_URL or {DEFAULT_DATABASE_URL})",
    )


def _filter_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("filters (all must hold)")
    group.add_argument(
        "--journal", action="append", default=[], metavar="NAME", help="journal (repeatable)"
    )
    group.add_argument("--province", help="the journal's province: 浙江 or 浙江省")
    group.add_argument("--year", metavar="YEARS", help="a year (2018) or years (2016-2019)")
    group.add_argument("--issue", help="issue number as printed: 9, Z1, 1-2")
    group.add_argument("--author", metavar="NAME", help="an author's name, exactly")
    group.add_argument("--keyword", metavar="WORD", help="a keyword, exactly")


def filters_from(args: argparse.Namespace) -> Filters:
    try:
        years = parse_years(args.year)
    except BadArgument as exc:
        raise CliError(f"--year: {str(exc).removeprefix('years: ')}") from exc
    return Filters(
        journals=tuple(name.strip() for name in args.journal),
        province=args.province,
        years=years,
        issue=args.issue,
        author=args.author,
        keyword=args.keyword,
    )


def _writer(fmt: str) -> Writer:
    from journals import citations, export

    writers: dict[str, Writer] = {
        "jsonl": export.write_jsonl,
        "csv": export.write_csv,
        "ris": citations.write_ris,
        "bibtex": citations.write_bibtex,
    }
    return writers[fmt]


def _write_out(path: str | None, write: Callable[[IO[str]], int]) -> int:
    if path in (None, "-"):
        return write(sys.stdout)
    try:
        with open(path, "w", encoding="utf-8", newline="") as out:
            return write(out)
    except OSError as exc:
        raise CliError(f"cannot write {path}: {exc.strerror}") from exc


def _ranked_ids(session: Session, query: str, filters: Filters) -> list[int]:
    from journals import search

    try:
        return [article_id for article_id, _ in search.ranked(session, query, filters)]
    except search.QueryError as exc:
        raise CliError(str(exc)) from exc


def cmd_export(args: argparse.Namespace) -> int:
    from journals import export

    filters = filters_from(args)
    engine = open_engine(args.db or default_database_url())
    write = _writer(args.format)
    with Session(engine) as session:
        if args.query is not None:
            rows = export.records_by_id(session, _ranked_ids(session, args.query, filters))
        else:
            rows = export.records(session, filters)
        count = _write_out(args.output, lambda out: write(rows, out))
    engine.dispose()
    print(f"exported {count} articles", file=sys.stderr)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from journals import export, search

    filters = filters_from(args)
    if args.limit < 0:
        raise CliError(f"--limit: {args.limit} is negative (0 shows every match)")
    engine = open_engine(args.db or default_database_url())
    with Session(engine) as session:
        try:
            hits, total = search.search(session, args.query, filters, args.limit or None)
        except search.QueryError as exc:
            raise CliError(str(exc)) from exc
        rows = list(export.records_by_id(session, [hit.id for hit in hits]))
    engine.dispose()
    for rank, (hit, row) in enumerate(zip(hits, rows, strict=True), 1):
        row.update(rank=rank, score=round(hit.score, 6), snippet=hit.snippet)
    if args.format == "table":
        print(search_table(rows, total))
    elif args.format == "jsonl":
        export.write_jsonl(rows, sys.stdout)
    else:
        export.write_csv(rows, sys.stdout, fields=(*export.FIELDS, *SEARCH_FIELDS))
    if args.format != "table":
        print(f"{len(rows)} of {total} matching articles", file=sys.stderr)
    return 0


SEARCH_FIELDS = ("rank", "score", "snippet")


def search_table(rows: list[dict[str, Any]], total: int) -> str:
    from journals.table import render

    if not rows:
        return "no article matches"
    cells = [
        [
            str(row["rank"]),
            str(row["id"]),
            row["journal"],
            f"{row['year']}({row['issue']})" if row["year"] else "",
            row["title"],
            row["snippet"],
        ]
        for row in rows
    ]
    table = render(
        ["#", "id", "journal", "issue", "title", "snippet"], cells, [4, 8, 12, 9, 30, 64]
    )
    shown = f"the best {len(rows)} of {total}" if len(rows) < total else f"all {total}"
    return f"{table}\n\n{shown} matching articles (journals show ID for one in full)"


def cmd_show(args: argparse.Namespace) -> int:
    import json

    from journals import show

    engine = open_engine(args.db or default_database_url())
    with Session(engine) as session:
        article_id = show.find(session, args.article)
        if article_id is None:
            raise CliError(f"no article has the id or URL {args.article!r}")
        row = show.record(session, article_id)
    engine.dispose()
    if args.format == "json":
        print(json.dumps(row, ensure_ascii=False, indent=2))
    else:
        print(show.format_article(row))
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from journals import coverage

    engine = open_engine(args.db or default_database_url())
    with Session(engine) as session:
        cov = coverage.coverage(session)
    engine.dispose()
    print(coverage.format_coverage(cov), flush=True)
    if args.plot:
        from journals import heatmap

        try:
            heatmap.plot(cov, args.plot)
        except OSError as exc:
            raise CliError(f"cannot write {args.plot}: {exc.strerror or exc}") from exc
        print(f"heat map written to {args.plot}", file=sys.stderr)
    return 0


def _failure_rows(url: str, urls: list[str] | None = None) -> list[dict[str, Any]]:
    from pipelines.db import failures

    engine = open_engine(url)
    with Session(engine) as session:
        rows = failures.listing(session, urls)
    engine.dispose()
    return rows


def cmd_failed(args: argparse.Namespace) -> int:
    from journals import export
    from journals.table import render

    rows = _failure_rows(args.db or default_database_url())
    if args.format == "jsonl":
        export.write_jsonl(rows, sys.stdout)
        print(f"{len(rows)} failed URLs", file=sys.stderr)
    elif not rows:
        print("no failed URL")
    else:
        cells = [
            [
                row["url"],
                "" if row["last_status"] is None else str(row["last_status"]),
                row["reason"],
                str(row["attempts"]),
                row["last_failed"],
            ]
            for row in rows
        ]
        header = ["url", "status", "reason", "attempts", "last failed"]
        print(render(header, cells, [60, 6, 40, 8, 25]))
        print(f"\n{len(rows)} failed URLs (journals retry tries them again)")
    return 0


def cmd_runs(args: argparse.Namespace) -> int:
    from journals import export, runs

    if args.limit < 0:
        raise CliError(f"--limit: {args.limit} is negative (0 shows every run)")
    engine = open_engine(args.db or default_database_url())
    with Session(engine) as session:
        rows = runs.listing(session, args.limit or None)
    engine.dispose()
    if args.format == "jsonl":
        export.write_jsonl(rows, sys.stdout)
        print(f"{len(rows)} runs", file=sys.stderr)
    elif not rows:
        print("no crawl recorded")
    else:
        print(runs.table(rows))
        print(f"\n{len(rows)} runs, newest first (--limit 0 for all)")
    return 0


def cmd_retry(args: argparse.Namespace) -> int:
    import subprocess
    import tempfile

    url = args.db or default_database_url()
    urls = [row["url"] for row in _failure_rows(url)]
    if not urls:
        print("no failed URL to retry")
        return 0
    with tempfile.TemporaryDirectory(prefix="journals-retry-") as folder:
        listing = Path(folder) / "urls.txt"
        listing.write_text("".join(f"{u}\n" for u in urls), encoding="utf-8")
        command = [sys.executable, "-m", "scrapy", "crawl", "article", "-a", f"urls={listing}"]
        command += ["-s", f"DATABASE_URL={url}"]
        for setting in args.setting:
            command += ["-s", setting]
        env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings"}
        done = subprocess.run(command, env=env, check=False)
    still = len(_failure_rows(url, urls))
    print(f"retried {len(urls)} failed URLs: {len(urls) - still} stored, {still} still failing")
    if done.returncode != 0:
        raise CliError(f"the crawl ended with exit status {done.returncode}")
    return 0


def page_selection(args: argparse.Namespace) -> Any:
    """The pages `journals reparse` covers, from its filters."""
    from datetime import UTC, datetime

    from journals.pageselect import PageSelection

    since = None
    if args.since:
        try:
            when = datetime.fromisoformat(args.since)
        except ValueError as exc:
            raise CliError(
                f"--since: {args.since!r} is not a date (2026-11-27) or a time (2026-11-27T05:00)"
            ) from exc
        if when.tzinfo is not None:
            when = when.astimezone(UTC).replace(tzinfo=None)
        since = when.isoformat(timespec="seconds")  # fetched_at is UTC, ISO 8601
    hosts = tuple(host.strip().lower() for host in args.host)
    for host in hosts:
        if not host or any(ch in host for ch in "/:*% "):
            raise CliError(f"--host: {host!r} is not a host name (www.fx361.com)")
    return PageSelection(
        filters=filters_from(args),
        hosts=hosts,
        url_pattern=args.url,
        since=since,
        article_ids=tuple(args.id),
    )


def cmd_reparse(args: argparse.Namespace) -> int:
    from scrapy.utils.project import get_project_settings
    from sqlalchemy import func, select

    from crawler import sites
    from crawler.exitstatus import ExitStatus
    from crawler.runlock import Locked, RunLock
    from journals.pageselect import selected_pages
    from journals.reparse import Reparser, Tally
    from pipelines.db import models
    from pipelines.db.database import sqlite_path

    selection = page_selection(args)
    overrides = []
    for setting in args.setting:
        name, equals, value = setting.partition("=")
        if not name.strip() or not equals:
            raise CliError(f"--set: {setting!r} is not NAME=VALUE")
        overrides.append((name.strip(), value))
    if args.progress < 0:
        raise CliError(f"--progress: {args.progress} is negative (0: no progress lines)")
    if args.jobs < 0:
        raise CliError(f"--jobs: {args.jobs} is negative (0: one per CPU)")
    url = args.db or default_database_url()
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise DatabaseError(f"no database at {path}")
    # Writes articles as a crawl does: never beside one (crawler/runlock.py).
    lock = RunLock(path) if path is not None else None
    try:
        if lock is not None:
            lock.acquire()
    except Locked as exc:
        print(f"journals reparse: {exc}", file=sys.stderr)
        return ExitStatus.LOCKED
    try:
        engine = open_engine(url)
        with Session(engine) as session:
            page_ids = list(session.scalars(selected_pages(selection)))
            stored = session.scalar(select(func.count()).select_from(models.Page))
        if not page_ids:
            engine.dispose()
            print("no stored page matches" if stored else "no stored page: crawls store them")
            return 0
        # The project's settings, for ARTICLE_PARSER, from wherever this runs.
        os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
        settings = get_project_settings()
        for name, value in overrides:
            settings.set(name, value, priority="cmdline")
        try:
            sites.article_parser(settings)
        except (ImportError, AttributeError, ValueError) as exc:
            name = settings.get("ARTICLE_PARSER")
            raise CliError(f"ARTICLE_PARSER: cannot load {name!r}: {exc}") from exc
        reparser = Reparser(engine, settings, jobs=args.jobs or os.cpu_count() or 1)
        started = last = time.monotonic()

        def progress(tally: Tally) -> None:
            nonlocal last
            now = time.monotonic()
            if args.progress and now - last >= args.progress:
                print(tally.progress(len(page_ids), now - started), file=sys.stderr, flush=True)
                last = now

        tally = reparser.run(page_ids, progress)
        engine.dispose()
    finally:
        if lock is not None:
            lock.release()
    print(tally.summary(time.monotonic() - started))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from journals import web
    from pipelines.db.database import sqlite_path

    url = args.db or default_database_url()
    path = sqlite_path(url)
    if path is None:
        raise CliError(f"serve needs a SQLite file, not {url!r}")
    open_engine(url).dispose()  # exists, and its schema is the newest
    with contextlib.suppress(KeyboardInterrupt):
        web.serve(path, args.host, args.port)
    return 0


def cmd_sample_site(args: argparse.Namespace) -> int:
    from journals.samplesite import server

    try:
        site = server.start(args.port)
    except OSError as exc:
        raise CliError(f"cannot serve on port {args.port}: {exc.strerror}") from exc
    print(site.base_url)
    print(site.seed_url, flush=True)  # the mirror host's copy of the seed article
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        site.stop()
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="journals", description="Articles of China's local people's congress journals."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    search = sub.add_parser(
        "search",
        help="full-text search of titles, bodies and keywords",
        description="Find articles whose title, body or keywords contain every word of "
        "QUERY (words are separated by spaces; any length, matched as written). "
        "A query that starts with - goes after --: journals search -- -QUERY.",
    )
    search.add_argument("query", metavar="QUERY")
    _filter_arguments(search)
    search.add_argument(
        "--limit", type=int, default=20, metavar="N", help="show the best N (0: all; default 20)"
    )
    search.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    _db_argument(search)
    search.set_defaults(run=cmd_search)

    show = sub.add_parser("show", help="print one article in full")
    show.add_argument("article", metavar="ID|URL", help="its id, or a URL it was seen at")
    show.add_argument("--format", choices=("text", "json"), default="text")
    _db_argument(show)
    show.set_defaults(run=cmd_show)

    export = sub.add_parser(
        "export", help="write articles as JSON Lines, CSV, RIS or BibTeX (all, or filtered)"
    )
    _db_argument(export)
    export.add_argument("--format", choices=("jsonl", "csv", "ris", "bibtex"), default="jsonl")
    export.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    export.add_argument(
        "--query", metavar="QUERY", help="only articles matching QUERY, best first (as search)"
    )
    _filter_arguments(export)
    export.set_defaults(run=cmd_export)

    stats = sub.add_parser(
        "stats", help="articles per journal and year, complete issues per journal, field coverage"
    )
    _db_argument(stats)
    stats.add_argument(
        "--plot",
        type=Path,
        metavar="FILE.png",
        help="also draw the journal × year table as a heat map",
    )
    stats.set_defaults(run=cmd_stats)

    failed = sub.add_parser(
        "failed", help="list the URLs the crawl could not store, with reason and attempts"
    )
    failed.add_argument("--format", choices=("table", "jsonl"), default="table")
    _db_argument(failed)
    failed.set_defaults(run=cmd_failed)

    runs = sub.add_parser(
        "runs", help="list the crawls: when, arguments, status, pages, articles, alarms"
    )
    runs.add_argument("--format", choices=("table", "jsonl"), default="table")
    runs.add_argument(
        "--limit", type=int, default=20, metavar="N", help="the newest N (0: all; default 20)"
    )
    _db_argument(runs)
    runs.set_defaults(run=cmd_runs)

    retry = sub.add_parser(
        "retry",
        help="crawl the failed URLs again (scrapy crawl article)",
        description="Crawl again the URLs `journals failed` lists; those stored leave "
        "the list, those failing again stay with their attempts added up.",
    )
    _db_argument(retry)
    _settings_argument(retry, "a Scrapy setting for the crawl (repeatable)")
    retry.set_defaults(run=cmd_retry)

    reparse = sub.add_parser(
        "reparse",
        help="extract the stored pages again (no network) and update their articles",
        description="Run the parser (the setting ARTICLE_PARSER) and the crawl's cleaning "
        "and checks over the stored article pages, with no network, and update the "
        "articles as a crawl would; says how many changed. A parser fix reaches the "
        "whole archive this way.",
    )
    _db_argument(reparse)
    _filter_arguments(reparse)
    reparse.add_argument(
        "--host", action="append", default=[], metavar="HOST", help="pages of HOST (repeatable)"
    )
    reparse.add_argument("--url", metavar="PATTERN", help="pages whose URL matches (* any text)")
    reparse.add_argument(
        "--since", metavar="WHEN", help="pages fetched at or after WHEN (2026-11-27, UTC)"
    )
    reparse.add_argument(
        "--id", type=int, action="append", default=[], metavar="ID", help="article (repeatable)"
    )
    reparse.add_argument(
        "--progress",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="a progress line on stderr this often (default 10; 0: none)",
    )
    reparse.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="extract in N processes (0: one per CPU; default 1)",
    )
    _settings_argument(
        reparse, "a Scrapy setting, e.g. ARTICLE_PARSER=module.function (repeatable)"
    )
    reparse.set_defaults(run=cmd_reparse)

    serve = sub.add_parser("serve", help="browse and query the database in the browser (Datasette)")
    serve.add_argument("--port", type=int, default=8001, help="port (default 8001)")
    serve.add_argument("--host", default="127.0.0.1", help="address (default 127.0.0.1)")
    _db_argument(serve)
    serve.set_defaults(run=cmd_serve)

    sample = sub.add_parser("sample-site", help="serve the bundled sample site on 127.0.0.1")
    sample.add_argument("--port", type=int, default=8361, help="port (0 picks a free one)")
    sample.set_defaults(run=cmd_sample_site)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except (CliError, DatabaseError) as exc:
        print(f"journals {args.command}: error: {exc}", file=sys.stderr)
        return 1
    except SQLAlchemyError as exc:
        reason = str(exc.orig if hasattr(exc, "orig") else exc).splitlines()[0]
        print(f"journals {args.command}: error: database: {reason}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # `journals export | head`: the reader has gone; that is not an error.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
