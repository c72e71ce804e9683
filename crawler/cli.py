"""`journals`: export and inspect the harvested articles, serve the sample site."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from pipelines.database import DEFAULT_DATABASE_URL, DatabaseError, open_engine


class CliError(Exception):
    """A problem to report in one line, with a non-zero exit."""


def default_database_url() -> str:
    return os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)


def _db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        default=None,
        metavar="URL",
        help=f"database URL (default: $DATABASE_URL or {DEFAULT_DATABASE_URL})",
    )


def cmd_export(args: argparse.Namespace) -> int:
    from crawler import export

    engine = open_engine(args.db or default_database_url())
    write = export.write_jsonl if args.format == "jsonl" else export.write_csv
    with Session(engine) as session:
        rows = export.records(session)
        if args.output in (None, "-"):
            count = write(rows, sys.stdout)
        else:
            try:
                with open(args.output, "w", encoding="utf-8", newline="") as out:
                    count = write(rows, out)
            except OSError as exc:
                raise CliError(f"cannot write {args.output}: {exc.strerror}") from exc
    engine.dispose()
    print(f"exported {count} articles", file=sys.stderr)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from crawler import report

    engine = open_engine(args.db or default_database_url())
    with Session(engine) as session:
        print(report.format_coverage(report.coverage(session)))
    engine.dispose()
    return 0


def cmd_sample_site(args: argparse.Namespace) -> int:
    from crawler.samplesite import server

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

    export = sub.add_parser("export", help="write every article as JSON Lines or CSV")
    _db_argument(export)
    export.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    export.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    export.set_defaults(run=cmd_export)

    stats = sub.add_parser("stats", help="articles per journal and year, field coverage")
    _db_argument(stats)
    stats.set_defaults(run=cmd_stats)

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
