"""Running from a zipped egg, as scrapyd runs a deployed project.

scrapyd imports the project from the egg (a zip file) it was given. Python
code and package data read through importlib.resources work from a zip;
Alembic does not: it lists and loads its migration scripts from a folder
(`pipelines.migrate.MIGRATIONS`), so the store pipeline's migration check
would fail with "Path doesn't exist: …/project.egg/pipelines/migrations".
The `ZippedMigrations` extension copies the migration scripts out of the egg
into a temporary folder (removed when the process ends) and points
`pipelines.migrate.MIGRATIONS` at it; extensions are made before the
pipelines open. Run from a checkout or an installed package, the folder
exists and the extension stays off.

Not in an egg: `data/journals.csv` (the journal catalogue lies outside the
packages), so a crawl run by scrapyd leaves journals' province and level
empty, as for a journal the catalogue does not list.
"""

from __future__ import annotations

import atexit
import logging
import shutil
import tempfile
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from pipelines import migrate

logger = logging.getLogger(__name__)


def copy_tree(source: Traversable, target: Path) -> None:
    """Copy a package folder (in a zip or not) to `target`, without caches.

    >>> with tempfile.TemporaryDirectory() as scratch:
    ...     target = Path(scratch) / "migrations"
    ...     copy_tree(files("pipelines.migrations"), target)
    ...     (target / "env.py").is_file(), (target / "versions" / "__pycache__").exists()
    (True, False)
    """
    target.mkdir(parents=True, exist_ok=True)
    for entry in source.iterdir():
        if entry.name == "__pycache__":
            continue
        if entry.is_dir():
            copy_tree(entry, target / entry.name)
        else:
            (target / entry.name).write_bytes(entry.read_bytes())


class ZippedMigrations:
    """The extension (EXTENSIONS); see the module's docstring."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ZippedMigrations:
        if Path(migrate.MIGRATIONS).is_dir():
            raise NotConfigured  # a folder: not run from an egg (no args: no warning)
        scratch = Path(tempfile.mkdtemp(prefix="journals-migrations-"))
        atexit.register(shutil.rmtree, scratch, ignore_errors=True)
        folder = scratch / "migrations"
        copy_tree(files("pipelines.migrations"), folder)
        migrate.MIGRATIONS = folder
        logger.info("running from an egg: migration scripts copied to %s", folder)
        return cls(folder)
