"""Take the screenshots docs/web.md and the README show (search.png,
article.png, articles.png, coverage.png, here): the browser test
(tests/journals/test_browser.py) crawls the sample site, serves it with
`journals serve` and saves them on its way, at 1400×1000.

    .venv/bin/python docs/img/make_screenshots.py
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

if __name__ == "__main__":
    test = ["tests/journals/test_browser.py"]
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", *test],
        cwd=ROOT,
        env={**os.environ, "JOURNALS_SCREENSHOTS": str(HERE)},
    )
    sys.exit(run.returncode)
