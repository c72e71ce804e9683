"""Serving in the browser: `journals serve` (the database, in Datasette) and
`journals sample-site` (the bundled sample site, to crawl)."""

from __future__ import annotations

import argparse
import contextlib
import time
from typing import Any

from crawler.exitstatus import ExitStatus
from journals.cli.options import CliError, add_command, database_url, db_argument, examples
from journals.session import database


def add_commands(sub: Any) -> None:
    serve = add_command(
        sub,
        "serve",
        help="browse and query the database in the browser (Datasette)",
        description="Serve the database (a SQLite file) in Datasette until Ctrl-C: pages to\n"
        "search it (/-/search: words of any length, as `journals search`), to read an\n"
        "article (/-/article/ID), to browse the articles by journal, province, year and\n"
        "column (/-/articles) and to see its coverage (/-/coverage); and its tables and\n"
        "columns described, with facets, canned queries and SQL.",
        epilog=examples(
            "journals serve --port 8001                 # then open http://127.0.0.1:8001/-/search",
            "journals serve --host 0.0.0.0 --port 8080  # reachable from other machines",
        ),
        run=cmd_serve,
    )
    serve.add_argument("--port", type=int, default=8001, help="port (default 8001)")
    serve.add_argument("--host", default="127.0.0.1", help="address (default 127.0.0.1)")
    db_argument(serve)

    sample = add_command(
        sub,
        "sample-site",
        help="serve the bundled sample site on 127.0.0.1",
        description="Serve the bundled sample site, an aggregator like fx361.com on 127.0.0.1\n"
        "(its mobile host on 127.0.0.3) and a copy site on 127.0.0.2, until Ctrl-C;\n"
        "prints its base URL, the URL of the copy site's seed article, then the\n"
        "mobile host's URL.",
        epilog=examples("journals sample-site --port 0"),
        run=cmd_sample_site,
    )
    sample.add_argument("--port", type=int, default=8361, help="port (0 picks a free one)")


def cmd_serve(args: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url

    from journals import web
    from pipelines.db.database import sqlite_path

    url = database_url(args)
    path = sqlite_path(url)
    if path is None:
        shown = make_url(url).render_as_string(hide_password=True)
        raise CliError(
            "Datasette needs a SQLite file; copy the database into one with"
            f" `journals export --format sqlite -o articles.db --db {shown}`,"
            " then `journals serve --db sqlite:///articles.db`"
        )
    with database(url):  # it exists, and its schema is the newest
        pass
    print(f"search: http://{args.host}:{args.port}/-/search", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        web.serve(path, args.host, args.port)
    return ExitStatus.OK


def cmd_sample_site(args: argparse.Namespace) -> int:
    from journals.samplesite import server

    try:
        site = server.start(args.port)
    except OSError as exc:
        raise CliError(f"cannot serve on port {args.port}: {exc.strerror}") from exc
    print(site.base_url)
    print(site.seed_url)  # the mirror host's copy of the seed article
    print(site.mobile_url, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        site.stop()
    return ExitStatus.OK
