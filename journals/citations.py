"""Articles as citations for reference managers: RIS (written by rispy) and BibTeX.

Both carry the journal, year, issue, authors, title, keywords, posting date
and URL of each record `journals.export.record` makes; an article whose copies
named no journal has no journal field (nor year and issue)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

import rispy

# BibTeX's special characters, as LaTeX writes them in text.
LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def one_line(text: str) -> str:
    """Line breaks and runs of spaces as one space.

    >>> one_line(" 青浦：\\n做好  三篇文章 ")
    '青浦： 做好 三篇文章'
    """
    return " ".join(text.split())


class RisWriter(rispy.RisWriter):
    """rispy's RIS writer without the numbered line it puts before each record
    (`1.`, `2.`, …), which is no RIS tag."""

    def set_header(self, count: int) -> str:
        return ""


RIS = RisWriter()


def ris_record(row: dict[str, Any]) -> dict[str, Any]:
    """One article as an RIS record in rispy's field names (type JOUR); empty
    fields left out, each value on one line.

    >>> ris_record({"id": 1, "title": " 题 ", "authors": ["甲"], "journal": None, "year": None,
    ...     "issue": None, "keywords": [], "date": None, "url": "http://x/1"})
    {'type_of_reference': 'JOUR', 'id': 1, 'title': '题', 'authors': ['甲'], 'urls': ['http://x/1'], 'language': 'zh'}
    """  # noqa: E501
    journal = row.get("journal")  # none if unknown
    fields: dict[str, Any] = {
        "type_of_reference": "JOUR",
        "id": row["id"],
        "title": row["title"],
        "authors": row.get("authors") or [],
        "secondary_title": journal,
        "journal_name": journal,
        "year": row.get("year"),
        "number": row.get("issue"),
        "date": (row.get("date") or "").replace("-", "/"),
        "keywords": row.get("keywords") or [],
        "urls": [row["url"]] if row.get("url") else [],
        "language": "zh",
    }
    record: dict[str, Any] = {}
    for name, value in fields.items():
        if isinstance(value, list):
            value = [line for line in map(one_line, value) if line]
        elif isinstance(value, str):
            value = one_line(value)
        if value not in (None, "", []):
            record[name] = value
    return record


def ris_entry(row: dict[str, Any]) -> str:
    """One article as an RIS record, written by rispy.

    >>> print(ris_entry({"id": 1, "title": "题", "authors": ["甲", "乙"], "journal": "刊",
    ...     "year": 2018, "issue": "9", "keywords": [], "date": "2018-11-20", "url": "http://x/1"}
    ...     ).replace("ER  - ", "ER  - ⏎"))
    TY  - JOUR
    ID  - 1
    TI  - 题
    AU  - 甲
    AU  - 乙
    T2  - 刊
    JO  - 刊
    PY  - 2018
    IS  - 9
    DA  - 2018/11/20
    UR  - http://x/1
    LA  - zh
    ER  - ⏎
    <BLANKLINE>
    """
    return RIS.formats([ris_record(row)])


def latex_escape(text: str) -> str:
    r"""Text safe inside a braced BibTeX value.

    >>> latex_escape("增长10%_{a}&b")
    '增长10\\%\\_\\{a\\}\\&b'
    """
    return "".join(LATEX.get(ch, ch) for ch in one_line(text))


def bibtex_key(article_id: int) -> str:
    """A citation key: the aggregator's number, or the text-derived one.

    >>> bibtex_key(5108306), bibtex_key(-42)
    ('fx361-5108306', 'text-42')
    """
    return f"fx361-{article_id}" if article_id >= 0 else f"text{article_id}"


def bibtex_names(names: list[str]) -> str:
    """Authors joined with ` and `; a name with a space or comma kept whole in braces.

    >>> bibtex_names(["陈殊书", "Li, Wei"])
    '陈殊书 and {Li, Wei}'
    """
    return " and ".join(
        f"{{{latex_escape(n)}}}" if any(c in n for c in " ,") else latex_escape(n) for n in names
    )


def bibtex_entry(row: dict[str, Any]) -> str:
    """One article as a BibTeX @article.

    >>> print(bibtex_entry({"id": 1, "title": "题", "authors": ["甲"], "journal": "刊",
    ...     "year": 2018, "issue": "Z1", "keywords": ["民情", "工作站"], "date": "2018-11-20",
    ...     "url": "http://x/1?a=1%202"}))
    @article{fx361-1,
      title = {题},
      author = {甲},
      journal = {刊},
      year = {2018},
      number = {Z1},
      keywords = {民情, 工作站},
      date = {2018-11-20},
      url = {http://x/1?a=1%202},
      language = {chinese}
    }
    """
    url = (row.get("url") or "").replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")
    fields = [
        ("title", latex_escape(row["title"])),
        ("author", bibtex_names(row.get("authors") or [])),
        ("journal", latex_escape(row.get("journal") or "")),  # none if unknown
        ("year", str(row["year"]) if row.get("year") else ""),
        ("number", latex_escape(row.get("issue") or "")),
        ("keywords", ", ".join(latex_escape(k) for k in row.get("keywords") or [])),
        ("date", row.get("date") or ""),
        ("url", url),  # verbatim in biblatex: only braces and spaces encoded
        ("language", "chinese"),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@article{{{bibtex_key(row['id'])},\n{body}\n}}"


def write_ris(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """The records as rispy writes a list of them (a blank line between two),
    one at a time: an export is not held in memory."""
    count = 0
    for row in rows:
        out.write(("\n" if count else "") + ris_entry(row))
        count += 1
    return count


def write_bibtex(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for row in rows:
        out.write(bibtex_entry(row) + "\n\n")
        count += 1
    return count
