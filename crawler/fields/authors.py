"""Authors: the byline under the title and the body's own author line."""

from __future__ import annotations

import re

from crawler.fields.surnames import COMPOUND, has_surname

_AUTHOR_SEPARATORS = re.compile(r"[、，,;；/|]+|\s{2,}")
_ROLES = re.compile(
    r"(?:本刊特约记者|本刊特约撰稿人|本刊记者|本刊通讯员|本刊评论员|特约记者|特约撰稿人|记者|通讯员"
    r"|评论员|执笔|整理|撰文|作者)\s*[/／：:]?\s*"
    r"|(?<![\u4e00-\u9fff])(?:文|图|编辑)\s*[/／：:]\s*"
    r"|\s*[/／]\s*文(?![\u4e00-\u9fff])"  # `王晓/文`
)
_AFFILIATION = re.compile(r"[（(][^）)]*[）)]|\d{6}")
_CJK_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,6}$")


# What a page prints in an author field that has no author.
NO_AUTHOR = frozenset("佚名 无 暂无 未知 不详 匿名 无名 不明 未署名".split())


def _has_letters(name: str) -> bool:
    """A placeholder (`-`, `—`, `/`, `…`) is not a name."""
    return any(ch.isalnum() for ch in name)


def _merge_padded(tokens: list[str]) -> list[str]:
    """Join a name the journal padded with a space (`马 俊` → `马俊`)."""
    merged: list[str] = []
    for token in tokens:
        if merged and (len(token) == 1 or len(merged[-1]) == 1) and len(merged[-1] + token) <= 4:
            merged[-1] += token
        else:
            merged.append(token)
    return merged


def _plain_name(name: str) -> bool:
    """A Han name as most are: a surname and a given name, two or three
    characters (four with a compound surname)."""
    compound = name[:2] in COMPOUND
    return has_surname(name) and (2 <= len(name) <= 3 or (compound and len(name) == 4))


def _padded_run(tokens: list[str]) -> list[str] | None:
    """Names a byline ran together, one of them a two-character name the journal
    padded with a space (`王小明李　强`, `张伟刘　洋陈晓东`): the one way of cutting the
    run into names (each a surname and a given name, `_cuts`) where every space
    falls between two names or inside a padded two-character one, and one does
    fall inside; None where no cut or several do.

    >>> _padded_run(["王小明李", "强"]), _padded_run(["张伟刘", "洋陈晓东"])
    (['王小明', '李强'], ['张伟', '刘洋', '陈晓东'])
    >>> _padded_run(["何青宋", "涛"]), _padded_run(["李", "强"])
    (['何青', '宋涛'], ['李强'])
    >>> _padded_run(["虞崇胜", "温潇俊"]) is None, _padded_run(["阿依古丽", "吐尔逊"]) is None
    (True, True)
    """
    if len(tokens) < 2 or not all(re.fullmatch(r"[\u4e00-\u9fff]+", t) for t in tokens):
        return None
    run, spaces, at = "".join(tokens), [], 0
    for token in tokens[:-1]:
        at += len(token)
        spaces.append(at)
    found = []
    for cut in _cuts(run):
        starts, at = [], 0
        for name in cut:
            starts.append(at)
            at += len(name)
        bounds = set(starts) | {at}
        padded = {s + 1 for s, name in zip(starts, cut, strict=True) if len(name) == 2}
        if cut and all(p in bounds | padded for p in spaces) and any(p in padded for p in spaces):
            found.append(cut)
    return found[0] if len(found) == 1 else None


def split_authors(text: str) -> list[str]:
    """Split an author line into names; roles, affiliations, postcodes and `佚名`
    removed, padded names joined, also where the line runs names together
    (`王小明李　强`).

    >>> split_authors("虞崇胜 温潇俊")
    ['虞崇胜', '温潇俊']
    >>> split_authors("徐理响,黄鹂；本刊记者 王春玺")
    ['徐理响', '黄鹂', '王春玺']
    >>> split_authors("文/张学明（上海市人大常委会研究室）")
    ['张学明']
    >>> split_authors("◎王春玺")
    ['王春玺']
    >>> split_authors("本刊记者 王春玺 通讯员 李四")
    ['王春玺', '李四']
    >>> split_authors("马 俊 刘小川")
    ['马俊', '刘小川']
    >>> split_authors("王文华、文/李图")
    ['王文华', '李图']
    >>> split_authors("王晓/文"), split_authors("王晓 李明/文")
    (['王晓'], ['王晓', '李明'])
    >>> split_authors("佚名"), split_authors("-"), split_authors("暂无")
    ([], [], [])
    >>> split_authors("王小明李\u3000强"), split_authors("作者：张伟刘\u3000洋陈晓东")
    (['王小明', '李强'], ['张伟', '刘洋', '陈晓东'])
    """
    text = _AFFILIATION.sub(" ", text.replace("◎", " ").replace("\u3000", " "))
    text = _ROLES.sub(" ", text)
    names: list[str] = []
    for part in _AUTHOR_SEPARATORS.split(text):
        tokens = part.split()
        found = _merge_padded(tokens)
        if not all(_plain_name(n) for n in found):
            found = _padded_run(tokens) or found
        for name in found:
            name = name.strip("：: ")
            if name and name not in NO_AUTHOR and name not in names and _has_letters(name):
                names.append(name)
    return names


_ORG_SUFFIX = re.compile(
    r"(?:大学|学院|研究室|研究院|研究所|研究中心|委员会|常委会|人大|政府|办公室|办公厅|法院|检察院"
    r"|党校|中心|杂志社|编辑部|报社|局|厅|处|科|站|所|社|会)$"
)
_PLACE_START = (
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 "
    "广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门 中国 中共 "
    "全国 国家 省 市 县 区"
).split()


_NOT_A_NAME = re.compile(
    r"人大|网|編輯|编辑|管理|期刊|杂志|雜誌|观察|觀察|之窗|在线|在線|频道|頻道|文库|文庫|论坛|論壇"
    r"|原创|原創|转载|轉載|主题|主題|帖子|积分|積分|精华|精華|置顶|置頂|推荐|推薦|热门|熱門|首页|首頁"
    r"|正文|返回|分享|收藏|点赞|點讚|在看|阅读|閱讀|关注|關注|登录|登錄|注册|註冊|搜索|目录|目錄"
    r"|来源|來源|作者|时间|時間|日期|出处|出處|刊名|刊期|审核|審核|校对|校對|责编|責編"
)


def is_organisation(name: str) -> bool:
    """Whether a name in a byline is clearly no person: an editorial office,
    an account, a site (`参考编辑部`, `人大研究参考`, `法治期刊荟萃`).

    >>> [is_organisation(n) for n in ("参考编辑部", "人大研究参考", "法治期刊荟萃", "地方人大工作")]
    [True, True, True, True]
    >>> [is_organisation(n) for n in ("王晓", "欧阳文华", "阿依古丽·吐尔逊", "孔凤军姚云振")]
    [False, False, False, False]
    """
    if "·" in name:
        return False
    return bool(_ORG_SUFFIX.search(name) or _NOT_A_NAME.search(name))


def is_person_name(name: str) -> bool:
    """Whether a name a page states (meta author, an author element) reads as
    a person's rather than a site's, a board's or a program's.

    >>> [is_person_name(n) for n in ("王晓", "欧阳文华", "阿依古丽·吐尔逊")]
    [True, True, True]
    >>> [is_person_name(n) for n in ("上海人大", "人大观察", "编辑部", "Discuz!", "admin")]
    [False, False, False, False, False]
    >>> [is_person_name(n) for n in ("原创", "主题", "来源")]
    [False, False, False]
    """
    if "·" in name:
        return bool(re.fullmatch(r"[\u4e00-\u9fff]{1,8}(?:·[\u4e00-\u9fff]{1,8})+", name))
    return bool(
        re.fullmatch(r"[\u4e00-\u9fff]{2,4}", name)
        and not _ORG_SUFFIX.search(name)
        and not _NOT_A_NAME.search(name)
        and name not in NO_AUTHOR
    )


def strip_affiliation(byline: str) -> str:
    """Cut an affiliation or postcode glued onto a name in a byline.

    >>> strip_affiliation("张三上海市人大常委会研究室200003")
    '张三'
    >>> strip_affiliation("欧阳文华浙江大学法学院")
    '欧阳文华'
    >>> strip_affiliation("陈殊书")
    '陈殊书'
    """
    byline = re.sub(r"\d{6}$", "", byline.strip())
    if not _ORG_SUFFIX.search(byline):
        return byline
    for k in range(2, 5):
        rest = byline[k:]
        if len(rest) >= 4 and rest.startswith(tuple(_PLACE_START)):
            return byline[:k]
    return byline


_NAME_LINE = re.compile(
    r"^(?:◎|文\s*/|作者[：:]|(?:本刊)?(?:特约)?(?:记者|通讯员)\s*)?\s*"
    r"[\u4e00-\u9fff·]{1,5}(?:(?:[\s、，,;；]|(?:本刊)?(?:特约)?(?:记者|通讯员))+[\u4e00-\u9fff·]{1,5}){0,7}"
    r"\s*(?:[（(][^）)]{2,40}[）)])?$"
)
_MARKED_NAME_LINE = re.compile(r"^(?:◎|文\s*/|作者[：:]|(?:本刊)?(?:特约)?(?:记者|通讯员))")


def author_line_names(line: str, byline: str = "") -> list[str] | None:
    """The names on a body line that is an author line, else None.

    A short line of names is taken as the author line when it is marked as
    one (`◎`, `文/`, `本刊记者`), or when its names agree with the byline; a
    four-character heading (`倾听民声`) is not a name line on its own.

    >>> author_line_names("虞崇胜 温潇俊", "虞崇胜温潇俊")
    ['虞崇胜', '温潇俊']
    >>> author_line_names("◎王春玺")
    ['王春玺']
    >>> author_line_names("倾听民声") is None, author_line_names("崔辉")
    (True, ['崔辉'])
    >>> author_line_names("韩静，朱琦刚，许志")
    ['韩静', '朱琦刚', '许志']
    >>> author_line_names("马 俊 刘小川", "刘小川")
    ['马俊', '刘小川']
    >>> author_line_names("秦 蕾"), author_line_names("秦 蕾", "-")
    (['秦蕾'], ['秦蕾'])
    >>> author_line_names("一、突出支出预算和政策审查") is None
    True
    """
    line = line.strip()
    if len(line) > 60 or not _NAME_LINE.match(line):
        return None
    names = split_authors(line)
    if not names or not all(_CJK_NAME.match(n) for n in names):
        return None
    # A byline that names nobody (`-`, `佚名`) is no byline.
    squashed = re.sub(r"\s+", "", byline) if split_authors(byline) else ""
    if _MARKED_NAME_LINE.match(line) or (squashed and any(n in squashed for n in names)):
        return names
    # Without a byline: names set apart by spaces (`秦 蕾`, `虞崇胜 温潇俊`),
    # which a heading never is.
    tokens = line.split()
    if not squashed and len(tokens) >= 2 and all(len(t) <= 3 for t in tokens):
        return names
    # Or people's names alone on the line, each a surname and a given name
    # (`崔辉`, `韩静，朱琦刚，许志`).
    if not squashed and all(_lone_name(n) for n in names):
        return names
    return None


def _lone_name(name: str) -> bool:
    """`崔辉`, `令狐怡涛`: not a heading (`倾听民声`), whose first character is
    seldom a surname and which runs to four characters."""
    compound = name[:2] in COMPOUND
    return has_surname(name) and (len(name) <= 3 or (compound and len(name) <= 4))


def byline_authors(byline: str, first_lines: str | list[str] = "") -> list[str]:
    """The article's authors from the byline under the title and the body's
    own author line (the better source: the byline runs names together and
    drops padded ones). Roles, affiliations and postcodes are removed.

    >>> byline_authors("虞崇胜温潇俊", "虞崇胜 温潇俊")
    ['虞崇胜', '温潇俊']
    >>> byline_authors("陈殊书", "陈殊书")
    ['陈殊书']
    >>> byline_authors("张学明", "青浦区人大常委会高度重视联系人民群众工作。")
    ['张学明']
    >>> byline_authors("", "倾听民声")
    []
    >>> byline_authors("", ["◎王春玺", "正文。"])
    ['王春玺']
    >>> byline_authors("张三上海市人大常委会研究室200003")
    ['张三']
    >>> byline_authors("佚名", "正文。")
    []
    """
    lines = [first_lines] if isinstance(first_lines, str) else first_lines
    for line in lines[:3]:
        names = author_line_names(line, byline)
        if names:
            return names
    byline = byline.strip()
    if not byline:
        return []
    if re.search(r"[\s、，,;；/|]", byline):
        return split_authors(byline)
    names = split_authors(strip_affiliation(byline))
    if len(names) == 1 and (apart := names_apart(names[0])):
        return apart
    return names


def names_apart(run: str) -> list[str] | None:
    """Names a byline ran together (`韦安董辉`), where exactly one way of
    cutting it gives names that each start with a surname and run two or three
    characters (four with a compound surname); None where none or several do,
    or where the run reads as one name.

    >>> names_apart("韦安董辉"), names_apart("虞崇胜温潇俊")
    (['韦安', '董辉'], ['虞崇胜', '温潇俊'])
    >>> names_apart("陈殊书"), names_apart("欧阳文华"), names_apart("王李丽华")
    (None, None, None)
    """
    if len(run) < 4 or (len(run) == 4 and run[:2] in COMPOUND):
        return None
    cuts = [c for c in _cuts(run) if len(c) >= 2]
    return cuts[0] if len(cuts) == 1 else None


def _cuts(run: str) -> list[list[str]]:
    if not run:
        return [[]]
    found = []
    for size in (2, 3, 4):
        head = run[:size]
        if len(head) < size or not has_surname(head) or (size == 4 and head[:2] not in COMPOUND):
            continue
        found += [[head, *rest] for rest in _cuts(run[size:])]
    return found
