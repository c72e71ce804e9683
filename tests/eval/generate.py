"""Write the evaluation set: `tests/eval/pages/<layout>/<name>.html` (the bytes a
server sends) and `<name>.json` (URL, headers, variation tags, expected record,
injected spam and pinyin). Deterministic: every run writes the same bytes.

    .venv/bin/python tests/eval/generate.py            # into tests/eval/pages
    .venv/bin/python tests/eval/generate.py --out DIR  # elsewhere

Each page shows one corpus article (`journals.samplesite.corpus`) the way its
`Spec` says; every layout's plan (`PLAN`, a tuple of `Spec`s) is in its module
in `layouts/`, beside its markup, and `pagekit.py` holds what the layouts share.
Some layouts also have hard pages (`HARD`): articles of `hardset.py` shown the way
real copy sites get them wrong; their JSON says `"hard": true`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from layouts import LAYOUT_MODULES  # noqa: E402
from pagekit import (  # noqa: E402
    LAYOUTS,
    Spec,
    build,
    content_type,
    encode,
    expected,
    ordered_tags,
)

PAGES = HERE / "pages"
# Per layout, its pages and how each shows its article (see `Spec`): each layout's
# module has its own.
PLAN: dict[str, tuple[Spec, ...]] = {layout: m.PLAN for layout, m in LAYOUT_MODULES.items()}
# Per layout, its hard pages (`hardset.py`); most layouts have none.
HARD: dict[str, tuple[Spec, ...]] = {
    layout: getattr(m, "HARD", ()) for layout, m in LAYOUT_MODULES.items()
}


def make_page(layout: str, spec: Spec, hard: bool = False) -> tuple[bytes, dict[str, Any]]:
    """The page's bytes and its JSON record."""
    doc = build(spec, layout)
    module = LAYOUT_MODULES[layout]
    html = module.render(doc)
    headers = {"Content-Type": content_type(doc)}
    body = encode(doc, html)
    record = {
        "url": module.url(doc),
        "layout": layout,
        "headers": headers,
        "variations": ordered_tags(doc.tags),
        "expected": expected(doc),
        "spam": doc.spam,
        "pinyin": doc.pinyin,
    }
    if hard:
        record["hard"] = True
    _check(spec.name, record)
    return body, record


def _check(name: str, record: dict[str, Any]) -> None:
    """What must hold for a page to be a fair test."""
    exp = record["expected"]
    shown = "\n".join([exp["title"], exp["body"], *exp["authors"], *exp["keywords"]])
    for text in record["spam"] + record["pinyin"]:
        assert text not in shown, f"{name}: {text!r} is in the expected record"
    assert exp["body"] and exp["body"] == exp["body"].strip(), name


def generate(out: Path = PAGES) -> list[Path]:
    """Write every page into `out`, replacing the pages there; the paths written."""
    assert tuple(PLAN) == LAYOUTS
    written = []
    for layout, specs in PLAN.items():
        folder = out / layout
        folder.mkdir(parents=True, exist_ok=True)
        for old in sorted(folder.glob("*.html")) + sorted(folder.glob("*.json")):
            old.unlink()
        plan = [(spec, False) for spec in specs] + [(spec, True) for spec in HARD[layout]]
        names = [spec.name for spec, _ in plan]
        assert len(set(names)) == len(names), f"{layout}: page names repeat"
        for spec, hard in plan:
            body, record = make_page(layout, spec, hard=hard)
            html_path, json_path = folder / f"{spec.name}.html", folder / f"{spec.name}.json"
            html_path.write_bytes(body)
            text = json.dumps(record, ensure_ascii=False, indent=1) + "\n"
            json_path.write_bytes(text.encode("utf-8"))
            written += [html_path, json_path]
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--out", type=Path, default=PAGES, help="folder to write (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    written = generate(args.out)
    print(f"{len(written) // 2} pages written to {args.out}")


if __name__ == "__main__":
    main()
