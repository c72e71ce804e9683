"""Write the evaluation set: `tests/eval/pages/<layout>/<name>.html` (the bytes a
server sends) and `<name>.json` (URL, headers, variation tags, expected record,
injected spam and pinyin). Deterministic: every run writes the same bytes.

    .venv/bin/python tests/eval/generate.py            # into tests/eval/pages
    .venv/bin/python tests/eval/generate.py --out DIR  # elsewhere

Each page shows one corpus article (`crawler.samplesite.corpus`) the way its
`Spec` in `PLAN` says (the held-out layout's plan is in its own module);
`pagekit.py` holds what the layouts share and `layouts/` one module per layout.
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
RESEARCH = ("title-authors", "affiliation", "abstract", "fund", "bio")

# The plan: per layout, the pages and how each shows its article (see `Spec`).
PLAN: dict[str, tuple[Spec, ...]] = {
    "fx361": (
        Spec("one-author", 5108186, author_line="space", chrome=("img",)),
        Spec("several-run-together", 3415523, byline="joined", author_line="space"),
        Spec("z-issue", 3648571, label="z", byline="joined", author_line="comma", header="missing"),
        Spec("research-front", 3834164, label="di", front=RESEARCH),
        Spec(
            "subtitle-roles",
            5031867,
            title="subtitle",
            byline="joined",
            author_line="roles",
            keywords="none",
        ),
        Spec("long-date-only", 4856471, author_line="space", chrome=("img",)),
        Spec("no-journal-line", 4874019, label=None, byline="none", meta="missing"),
        Spec("footnote-huge", 4543599, title="footnote", author_line="space"),
        Spec("zero-padded", 6072932, label="zero", author_line="circle"),
        Spec("paren-label", 5235942, label="paren"),
    ),
    "fx361-mobile": (
        Spec("one-author", 5111412),
        Spec("brief-four-authors", 3799062, byline="joined", author_line="space"),
        Spec("combined-dash-subtitle", 3648597, label="dash", title="subtitle", author_line="wen"),
        Spec("anonymous", 5225534, byline="anon"),
        Spec("padded-name", 4295306, label="zero", byline="none", author_line="padded"),
        Spec("keywords-run", 4499470, label="di", keywords="run", chrome=("app-inline",)),
        Spec("no-keywords-circle", 4125665, label="di", keywords="none", author_line="circle"),
        Spec("no-journal-line", 6423047, label=None, chrome=("app-inline",)),
        Spec(
            "research-keywords-in-body",
            4279909,
            label="di",
            keywords="body-colon",
            front=("abstract", "bio"),
            academic=True,
        ),
        Spec("fullwidth-label", 4063865, label="fullwidth"),
    ),
    "copy-trad": (
        Spec(
            "seed-like",
            5108189,
            author_line="space",
            pinyin_title=True,
            spam=("porn", "stray-mark", "county"),
            mojibake=True,
        ),
        Spec(
            "big5-title-spaces",
            5031873,
            title="spaces",
            byline="joined",
            author_line="space",
            encoding="big5",
            spam=("gambling", "hidden"),
            host=1,
        ),
        Spec(
            "big5-no-charset",
            4199275,
            byline="joined",
            author_line="comma",
            encoding="big5",
            header="missing",
            meta="missing",
            spam=("county", "tag"),
            host=1,
        ),
        Spec(
            "keywords-run-mojibake",
            4197552,
            keywords="run",
            byline="joined",
            author_line="space",
            meta="missing",
            spam=("bullets", "porn"),
            mojibake=True,
            pinyin_title=True,
        ),
        Spec(
            "combined-slash",
            5656286,
            label="slash",
            author_line="wen",
            spam=("linkfarm", "gambling"),
            chrome=("copyright",),
        ),
        Spec(
            "research-keywords-bracket",
            3415738,
            keywords="body-bracket",
            front=("title-authors", "affiliation", "abstract", "bio"),
            academic=True,
            spam=("porn",),
        ),
        Spec(
            "big5-subtitle-paren",
            4250550,
            label="paren",
            title="subtitle",
            byline="joined",
            author_line="comma",
            encoding="big5",
            header="missing",
            spam=("hidden-inline", "tag-wrap"),
            host=1,
        ),
        Spec(
            "footnote-fullwidth-date",
            3819677,
            label="di",
            title="footnote",
            keywords="none",
            fullwidth_date=True,
            header="wrong",
            spam=("gambling", "bullets"),
        ),
        Spec(
            "qa-mojibake",
            5544701,
            byline="joined",
            author_line="space",
            mojibake=True,
            spam=("county",),
            chrome=("copyright",),
        ),
        Spec(
            "no-authors-no-charset",
            4658172,
            label="di",
            header="missing",
            meta="missing",
            spam=("county", "hidden"),
            host=1,
        ),
    ),
    "copy-gbk": (
        Spec(
            "long-no-charset",
            5111407,
            encoding="gbk",
            header="missing",
            meta="missing",
            chrome=("copyright",),
        ),
        Spec(
            "z-header-wrong",
            3648636,
            label="z",
            author_line="space",
            encoding="gbk",
            header="wrong",
            host=1,
        ),
        Spec(
            "gb18030-meta-wrong-mojibake",
            4992989,
            encoding="gb18030",
            header="missing",
            meta="wrong",
            mojibake=True,
            chrome=("copyright",),
        ),
        Spec(
            "four-authors-stray",
            4246411,
            byline="list",
            encoding="gbk",
            declared="gb2312",
            header="missing",
            stray=True,
            spam=("porn", "hidden"),
        ),
        Spec("affiliation-glued", 4063900, byline="glued", encoding="gbk", host=1),
        Spec(
            "brackets-fullwidth-date",
            4708719,
            label="di",
            byline="brackets",
            fullwidth_date=True,
            encoding="gbk",
            header="missing",
            meta="wrong",
            stray=True,
        ),
        Spec(
            "research-keywords-in-body",
            3635465,
            label="di",
            keywords="body-colon",
            front=("affiliation", "abstract", "fund"),
            encoding="gb18030",
            chrome=("copyright-in",),
        ),
        Spec(
            "brief-keywords-run",
            6215064,
            keywords="run",
            author_line="circle",
            encoding="gbk",
            header="missing",
            meta="missing",
            spam=("county",),
        ),
        Spec(
            "no-journal-footnote",
            3298658,
            label=None,
            keywords="none",
            title="footnote",
            chrome=("sup",),
            encoding="gbk",
            meta="missing",
            spam=("porn",),
        ),
        Spec(
            "zero-wen-spaces",
            5707779,
            label="zero",
            title="spaces",
            author_line="wen",
            time=False,
            encoding="gbk",
            header="wrong",
            meta="missing",
            host=1,
        ),
    ),
    "copy-table": (
        Spec("plain-utf8", 4543648, label="di", time=False, keywords="spaced"),
        Spec(
            "z-anonymous-gbk",
            5656344,
            label="z",
            byline="anon",
            keywords="spaced",
            encoding="gbk",
            header="missing",
            meta="missing",
        ),
        Spec(
            "four-run-together",
            3700330,
            label="di",
            byline="joined",
            author_line="space",
            keywords="spaced",
            encoding="gbk",
            host=1,
        ),
        Spec(
            "title-spaces",
            4022539,
            title="spaces",
            keywords="spaced",
            header="missing",
            meta="missing",
        ),
        Spec(
            "subtitle-roles",
            4719699,
            label="di",
            title="subtitle",
            byline="joined",
            author_line="roles",
            keywords="spaced",
            encoding="gbk",
            declared="gb2312",
            header="missing",
            chrome=("copyright",),
        ),
        Spec(
            "research-front",
            4026006,
            label="di",
            byline="brackets",
            academic=True,
            keywords="spaced",
            front=RESEARCH,
            host=1,
        ),
        Spec(
            "spam-meta-wrong",
            5763960,
            fullwidth_date=True,
            keywords="spaced",
            encoding="gbk",
            header="missing",
            meta="wrong",
            spam=("porn", "county", "linkfarm"),
        ),
        Spec(
            "no-source-no-keywords",
            4562527,
            label=None,
            keywords="none",
            author_line="comma",
            encoding="gb18030",
            spam=("hidden",),
            host=1,
        ),
        Spec(
            "paren-qa",
            3366316,
            label="paren",
            author_line="circle",
            keywords="spaced",
            header="wrong",
            chrome=("copyright",),
        ),
        Spec(
            "padded-fullwidth-label",
            3630949,
            label="fullwidth",
            byline="none",
            author_line="padded",
            keywords="spaced",
            encoding="gbk",
            header="missing",
            meta="missing",
            host=1,
        ),
    ),
    "copy-portal": (
        Spec(
            "gbk-editor",
            4184836,
            encoding="gbk",
            declared="GBK",
            chrome=("labels", "src-info", "editor", "qr", "share"),
        ),
        Spec(
            "big5-header-wrong",
            4197559,
            label="di",
            traditional=True,
            byline="joined",
            author_line="space",
            pinyin_title=True,
            encoding="big5",
            header="wrong",
            spam=("porn", "county"),
            chrome=("pipe", "src-block", "share"),
            host=1,
        ),
        Spec(
            "research-front",
            4870324,
            label="paren",
            byline="brackets",
            academic=True,
            keywords="body-colon",
            front=RESEARCH,
            encoding="gb18030",
            declared="gb2312",
            header="missing",
            chrome=("labels", "src-block", "copyright"),
        ),
        Spec(
            "anonymous-no-source",
            3995152,
            label=None,
            byline="anon",
            keywords="run",
            header="missing",
            meta="wrong",
            spam=("gambling",),
            chrome=("bracket", "qr"),
            host=1,
        ),
        Spec(
            "interview-subtitle",
            4816355,
            label="di",
            title="subtitle",
            keywords="none",
            author_line="wen",
            chrome=("bracket", "cn-date", "src-tail", "editor", "comments"),
        ),
        Spec(
            "padded-fullwidth",
            4719704,
            label="fullwidth",
            byline="none",
            author_line="padded",
            keywords="spaced",
            fullwidth_date=True,
            encoding="gbk",
            header="missing",
            meta="missing",
            spam=("linkfarm", "hidden"),
            chrome=("pipe", "src-info"),
            host=1,
        ),
        Spec(
            "combined-mojibake",
            3648571,  # every combined issue of the corpus is shown elsewhere already
            label="dash",
            mojibake=True,
            meta="missing",
            spam=("gambling", "tag"),
            chrome=("labels", "src-tail", "share", "qr", "copyright"),
        ),
        Spec(
            "footnote-stray",
            4598610,
            label="zero",
            title="footnote",
            byline="list",
            author_line="comma",
            stray=True,
            encoding="gbk",
            meta="wrong",
            spam=("porn", "county"),
            chrome=("bracket", "src-info", "img"),
            host=1,
        ),
        Spec(
            "big5-research",
            4447366,
            label="di",
            traditional=True,
            keywords="body-bracket",
            front=("affiliation", "abstract", "fund"),
            pinyin_title=True,
            encoding="big5",
            header="missing",
            spam=("porn", "hidden"),
            chrome=("labels", "cn-date", "src-block", "copyright"),
        ),
        Spec(
            "brief-circle",
            3799153,
            label="zero",
            author_line="circle",
            header="wrong",
            chrome=("pipe", "src-tail", "qr", "share"),
        ),
    ),
    # held out until its one blind scoring, then developed against
    "copy-archive": (
        Spec(
            "gbk-sort-one-author",
            4856451,
            encoding="gbk",
            chrome=("sort", "tags", "edit", "attach", "share"),
        ),
        Spec(
            "big5-joined-spaced",
            5225531,
            label="di",
            traditional=True,
            pinyin_title=True,
            byline="joined",
            author_line="space",
            keywords="spaced",
            encoding="big5",
            header="missing",
            spam=("porn", "county"),
            chrome=("sort", "reply"),
            host=1,
        ),
        Spec(
            "research-gb18030-mojibake",
            4992857,
            label="zero",
            byline="brackets",
            academic=True,
            keywords="body-colon",
            front=RESEARCH,
            encoding="gb18030",
            declared="gbk",
            header="missing",
            mojibake=True,
            chrome=("sort", "p", "copyright"),
        ),
        Spec(
            "anonymous-no-journal",
            4134341,
            label=None,
            byline="anon",
            header="wrong",
            meta="missing",
            spam=("gambling",),
            chrome=("head", "tags", "type", "reply"),
        ),
        Spec(
            "padded-paren-run",
            4543654,
            label="paren",
            byline="none",
            author_line="padded",
            keywords="run",
            encoding="gbk",
            header="missing",
            meta="missing",
            spam=("linkfarm", "hidden"),
            chrome=("sort", "jammer", "edit"),
        ),
        Spec(
            "z-subtitle-wen",
            3648597,  # every combined issue of the corpus is shown elsewhere already
            label="z",
            title="subtitle",
            byline="none",
            author_line="wen",
            meta="wrong",
            spam=("county",),
            chrome=("src-tail", "tags", "type", "app"),
        ),
        Spec(
            "trad-combined-research",
            3648636,  # combined issue, shown elsewhere already
            label="dash",
            traditional=True,
            keywords="body-bracket",
            front=("affiliation", "abstract", "fund"),
            spam=("hidden",),
            chrome=("sort", "p", "share"),
            host=1,
        ),
        Spec(
            "fullwidth-stray-list",
            4683538,
            label="fullwidth",
            byline="list",
            author_line="comma",
            keywords="none",
            stray=True,
            encoding="gbk",
            declared="gb2312",
            meta="wrong",
            spam=("porn",),
            chrome=("sort", "attach", "copyright"),
        ),
        Spec(
            "big5-brief-footnote",
            3800142,
            title="footnote",
            traditional=True,
            encoding="big5",
            header="missing",
            meta="missing",
            spam=("gambling", "hidden"),
            chrome=("src-head", "head", "tags", "jammer"),
            host=1,
        ),
        Spec(
            "three-authors-spaces",
            3700445,
            label="di",
            title="spaces",
            chrome=("sort", "tags", "type", "reply", "share", "app"),
        ),
    ),
    # held out until its one blind scoring, then developed against
    "copy-library": (
        Spec(
            "page-01",
            3648636,
            label="dash",
            author_line="space",
            encoding="gbk",
            declared="gb2312",
            header="missing",
            meta="missing",
            spam=("linkfarm",),
            chrome=("src-book",),
        ),
        Spec(
            "page-02",
            3704623,
            label="di",
            title="footnote",
            byline="list",
            academic=True,
            keywords="body-colon",
            front=RESEARCH,
            encoding="gbk",
            declared="gb2312",
            header="missing",
        ),
        Spec("page-03", 4856451, author_line="space", chrome=("kw-meta",), host=1),
        Spec(
            "page-04",
            5003900,
            label="zero",
            author_line="wen",
            mojibake=True,
            spam=("hidden",),
            chrome=("src-book",),
            host=1,
        ),
        Spec(
            "page-05",
            4199306,
            traditional=True,
            pinyin_title=True,
            author_line="space",
            encoding="big5",
            spam=("county", "tag"),
            host=2,
        ),
        Spec(
            "page-06",
            3298661,
            byline="anon",
            keywords="none",
            stray=True,
            encoding="gbk",
            declared="gb2312",
            header="missing",
            spam=("linkfarm", "hidden"),
            chrome=("br", "src-glued"),
        ),
        Spec("page-07", 6373154, label=None, author_line="circle", spam=("porn",), host=1),
        Spec(
            "page-08",
            4493515,
            label="paren",
            byline="joined",
            author_line="space",
            spam=("gambling",),
            host=1,
        ),
        Spec(
            "page-09",
            4441807,
            label="fullwidth",
            title="spaces",
            encoding="gbk",
            declared="gb2312",
            header="missing",
            spam=("linkfarm",),
            chrome=("br",),
        ),
        Spec(
            "page-10",
            4513005,
            label="di",
            traditional=True,
            byline="brackets",
            academic=True,
            keywords="body-bracket",
            front=("affiliation", "abstract", "bio"),
            encoding="big5",
            spam=("porn",),
            host=2,
        ),
    ),
    "copy-unseen": LAYOUT_MODULES["copy-unseen"].PLAN,
    "copy-blind": LAYOUT_MODULES["copy-blind"].PLAN,
}


def make_page(layout: str, spec: Spec) -> tuple[bytes, dict[str, Any]]:
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
        for spec in specs:
            body, record = make_page(layout, spec)
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
