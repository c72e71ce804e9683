"""The tables of contents of the sample site's issues: the column (栏目) each
article of an issue is listed under, and its place in the list.

The aggregator's issue pages group their contents under column headings
(`#dirList .dirItem02 h5` over a `ul` of links; `docs/fx361.md`, "Page kinds").
The corpus holds one to three articles of an issue, so an issue's contents here
are its articles in id order cut into consecutive groups, one group a column:
the order on the page is the order of `SampleIssue.articles`, and an article's
position is its place in that order. Every choice is derived from the journal,
the issue and the articles' ids, never drawn from the corpus's seeded random
numbers, so the rest of the corpus (and what is generated from it) is unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence

# Each journal's columns in the order its issues print them (seven each: see
# `issue_columns`). Names written for the sample site.
COLUMNS: dict[str, tuple[str, ...]] = {
    "shrdyk": ("本刊特稿", "立法之窗", "监督在线", "代表之声", "区县人大", "议事札记", "读者来信"),
    "zjrd": ("本期聚焦", "立法视线", "监督纵横", "代表风采", "履职心得", "基层之声", "人大论坛"),
    "tjrd": ("要闻综述", "法规解读", "监督视点", "代表履职", "区县传真", "工作研究", "津门人大"),
    "rdyj": ("理论探索", "制度研究", "立法研究", "监督研究", "代表研究", "地方人大", "调查报告"),
    "gmyfz": ("特别策划", "法治观察", "立法聚焦", "普法园地", "基层治理", "以案说法", "法律问答"),
}


def column_count(size: int) -> int:
    """How many columns an issue of `size` articles lists them under: a single
    article has one; more have two to four, about two articles a column.

    >>> [column_count(n) for n in (1, 2, 3, 4, 5, 7, 12)]
    [1, 2, 2, 2, 3, 4, 4]
    """
    if size <= 1:
        return size
    return min(size, 4, max(2, (size + 1) // 2))


def group_sizes(size: int, key: int) -> list[int]:
    """Articles per column, in page order; `key` picks the columns that take one more.

    >>> group_sizes(3, 0), group_sizes(3, 1), group_sizes(2, 7), group_sizes(1, 4)
    ([2, 1], [1, 2], [1, 1], [1])
    >>> group_sizes(7, 2)
    [2, 1, 2, 2]
    """
    count = column_count(size)
    if count == 0:
        return []
    base, extra = divmod(size, count)
    sizes = [base] * count
    for n in range(extra):
        sizes[(key + n) % count] += 1
    return sizes


def issue_columns(code: str, year: int, issue: str, count: int) -> tuple[str, ...]:
    """The names of an issue's `count` columns (at most 4), in the journal's order.

    >>> issue_columns("shrdyk", 2018, "9", 2)
    ('立法之窗', '议事札记')
    >>> issue_columns("zjrd", 2015, "Z1", 3)
    ('本期聚焦', '基层之声', '人大论坛')
    """
    names = COLUMNS[code]
    number = 30 + int(issue[1:]) if issue.startswith("Z") else int(issue)
    start = (year * 12 + number) % len(names)
    step = 1 + (year + number) % 3  # 7 names: any step 1–6 gives 4 distinct ones
    picked = {(start + n * step) % len(names) for n in range(count)}
    assert len(picked) == count <= 4, (code, year, issue, count)
    return tuple(names[n] for n in sorted(picked))


def table_of_contents(
    code: str, year: int, issue: str, ids: Sequence[int]
) -> list[tuple[str, int]]:
    """(column, position) of each article of an issue, given their ids in page order.

    >>> table_of_contents("shrdyk", 2017, "4", [4420001, 4420015, 4420030])
    [('监督在线', 1), ('监督在线', 2), ('议事札记', 3)]
    >>> table_of_contents("rdyj", 2016, "3", [3900001])
    [('监督研究', 1)]
    """
    sizes = group_sizes(len(ids), sum(ids))
    names = issue_columns(code, year, issue, len(sizes))
    columns = [name for name, size in zip(names, sizes, strict=True) for _ in range(size)]
    return [(column, n) for n, column in enumerate(columns, start=1)]
