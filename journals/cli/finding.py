"""Finding articles: `journals search`, `journals show`, `journals export`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

from sqlalchemy.orm import Session

from crawler.exitstatus import ExitStatus
from journals.cli.options import (
    CliError,
    add_command,
    database_url,
    db_argument,
    examples,
    filter_arguments,
    filters_from,
    non_negative,
    write_out,
)
from journals.filters import EVERYTHING, Filters
from journals.session import database

Writer = Callable[[Iterable[dict[str, Any]], IO[str]], int]
SEARCH_FIELDS = ("rank", "score", "snippet")


def add_commands(sub: Any) -> None:
    search = add_command(
        sub,
        "search",
        help="full-text search of titles, bodies and keywords",
        description="Find articles whose title, body or keywords contain every word of QUERY\n"
        "(words are separated by spaces; any length, matched as written), best first.\n"
        "A query that starts with - goes after --: journals search -- -QUERY.",
        epilog=examples(
            "journals search 民情 --journal 上海人大月刊 --year 2016-2019",
            'journals search "代表 监督" --province 浙江 --limit 0 --format jsonl',
            "journals search -- -QUERY",
        ),
        run=cmd_search,
    )
    search.add_argument("query", metavar="QUERY")
    filter_arguments(search)
    search.add_argument(
        "--limit", type=int, default=20, metavar="N", help="show the best N (0: all; default 20)"
    )
    search.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    db_argument(search)

    show = add_command(
        sub,
        "show",
        help="print one article in full",
        description="Print one article in full, its fields and then its body; name it by its id\n"
        "or by a URL it was seen at.",
        epilog=examples("journals show 5108306", "journals show 5108306 --format json"),
        run=cmd_show,
    )
    show.add_argument("article", metavar="ID|URL", help="its id, or a URL it was seen at")
    show.add_argument("--format", choices=("text", "json"), default="text")
    db_argument(show)

    export = add_command(
        sub,
        "export",
        help="write articles as JSON Lines, CSV, RIS or BibTeX (all, or filtered), or copy"
        " the database into SQLite",
        description="Write the articles (all, or those the filters or --query select) as JSON\n"
        "Lines, CSV, RIS or BibTeX; the count goes to stderr. --format sqlite copies the\n"
        "whole database (a PostgreSQL one, say) into a new SQLite file, which\n"
        "`journals serve` can serve.",
        epilog=examples(
            "journals export --format ris --journal 人大研究 --year 2018 -o refs.ris",
            "journals export --format jsonl -o articles.jsonl",
            "journals export --format bibtex --query 备案审查 -o refs.bib",
            "journals export --format csv --column 代表风采 --column 特别策划 -o columns.csv",
            "journals export --format sqlite -o copy.db --db postgresql+psycopg://me@host/journals",
        ),
        run=cmd_export,
    )
    db_argument(export)
    export.add_argument(
        "--format",
        choices=("jsonl", "csv", "ris", "bibtex", "sqlite"),
        default="jsonl",
        help="sqlite: the whole database copied into a new SQLite file (-o FILE), schema and"
        " indexes made, as `journals serve` needs (no filters, no --query)",
    )
    export.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    export.add_argument(
        "--query", metavar="QUERY", help="only articles matching QUERY, best first (as search)"
    )
    filter_arguments(export)


def cmd_search(args: argparse.Namespace) -> int:
    from journals import export, search

    filters = filters_from(args)
    non_negative(args.limit, "--limit", "0 shows every match")
    with database(database_url(args)) as session:
        try:
            hits, total = search.search(session, args.query, filters, args.limit or None)
        except search.QueryError as exc:
            raise CliError(str(exc)) from exc
        rows = list(export.records_by_id(session, [hit.id for hit in hits]))
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
    return ExitStatus.OK


def search_table(rows: list[dict[str, Any]], total: int) -> str:
    from journals.table import render

    if not rows:
        return "no article matches"
    cells = [
        [
            str(row["rank"]),
            str(row["id"]),
            row["journal"] or "",
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

    with database(database_url(args)) as session:
        article_id = show.find(session, args.article)
        if article_id is None:
            raise CliError(f"no article has the id or URL {args.article!r}")
        row = show.record(session, article_id)
    if args.format == "json":
        print(json.dumps(row, ensure_ascii=False, indent=2))
    else:
        print(show.format_article(row))
    return ExitStatus.OK


def cmd_export(args: argparse.Namespace) -> int:
    from journals import export

    filters = filters_from(args)
    if args.format == "sqlite":
        return _export_sqlite(args, filters)
    write = _writer(args.format)
    with database(database_url(args)) as session:
        if args.query is not None:
            rows = export.records_by_id(session, _ranked_ids(session, args.query, filters))
        else:
            rows = export.records(session, filters)
        count = write_out(args.output, lambda out: write(rows, out))
    print(f"exported {count} articles", file=sys.stderr)
    return ExitStatus.OK


def _export_sqlite(args: argparse.Namespace, filters: Filters) -> int:
    """The whole database, copied into the new SQLite file -o FILE."""
    from journals.sqlitecopy import CopyError, copy_to_sqlite

    if args.output in (None, "-"):
        raise CliError("--format sqlite writes a file: give it with -o FILE")
    if args.query is not None or filters != EVERYTHING:
        raise CliError("--format sqlite copies the whole database: no filters, no --query")
    with database(database_url(args)) as session:
        try:
            count = copy_to_sqlite(session.get_bind().engine, Path(args.output))
        except CopyError as exc:
            raise CliError(str(exc)) from exc
    print(f"exported {count} articles to {args.output} (SQLite)", file=sys.stderr)
    return ExitStatus.OK


def _writer(fmt: str) -> Writer:
    from journals import citations, export

    writers: dict[str, Writer] = {
        "jsonl": export.write_jsonl,
        "csv": export.write_csv,
        "ris": citations.write_ris,
        "bibtex": citations.write_bibtex,
    }
    return writers[fmt]


def _ranked_ids(session: Session, query: str, filters: Filters) -> list[int]:
    from journals import search

    try:
        return [article_id for article_id, _ in search.ranked(session, query, filters)]
    except search.QueryError as exc:
        raise CliError(str(exc)) from exc
