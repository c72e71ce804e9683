"""The labels of info lines, in the words Chinese sites use for them
(`作者`, `发布时间`, `来源`, `刊期`, …), and the `标签：值` parts of a line
they set off, spaced or glued together."""

from __future__ import annotations

import re

DATE_WORDS = (
    r"[\u4e00-\u9fff]{0,4}(?:时间|時間|日期)|发布于|發布於|发表于|發表於|更新于|上传于|收录于"
)
AUTHOR_WORDS = (
    r"作\s*者|作者名|文章作者|論文作者|论文作者|作者姓名"
    r"|撰\s*文|撰稿人?|文|供稿|记者|記者|执笔|執筆"
)
SOURCE_WORDS = (
    r"来源|來源|出处|出處|出自|来自|來自|刊名|期刊|刊物|期刊名称|期刊名稱|所属期刊|所屬期刊"
    r"|出版|出版物|刊登于|刊登於|来源期刊|來源期刊|期刊来源|期刊來源|所在期刊"
    r"|转自|轉自|摘自|摘编自|摘編自|节选自|節選自"
    r"|本文刊发于|本文刊發於|刊发于|刊發於"
    r"|本文刊载于|本文刊載於|原文刊载于|刊载于|刊載於|本文发表于|本文發表於|本文转自|本文轉自|转载自|轉載自"
    r"|本文原载|本文原載|本文选自|本文選自|本文刊于|本文刊於|本文载于|本文載於|原文刊于|原文载于"
    r"|文章来源|文章來源|发表于|發表於|收录于|收錄於|原载|原載|选自|選自|刊于|刊於|载于|載於"
)
ISSUE_WORDS = r"刊期|期次|年期|期号|期號|年卷期|卷期"
YEAR_WORDS = r"年[份度]?|出版年|出版年份"
ISSUE_NUMBER_WORDS = r"期|期数|期數"

# Labels that pages glue onto the value before them (`…19:56:51作者：夏凯`).
_GLUED_LABELS = sorted(
    (
        "发布时间 发布日期 发表时间 发表日期 更新时间 上传时间 收录时间 發布時間 發布日期 更新時間 "
        "时间 日期 時間 发布于 作者 作者名 撰文 撰稿人 撰稿 供稿 记者 記者 执笔 來源 来源 "
        "出处 出處 刊名 期刊名称 期刊 刊物 所属期刊 文章来源 原载 選自 选自 刊期 期次 年期 期号 "
        "年份 年度 "
        "浏览次数 瀏覽次數 浏览 點擊 点击数 点击 阅读数 阅读 人气 字号 字號 责任编辑 编辑 "
        "上传人 上传者 上傳人 贡献者 格式 页数 頁數 大小 下载次数 下载 下載 "
        "文档简介 简介 标签 標籤 分类 分類"
    ).split(),
    key=len,
    reverse=True,
)
LABEL_AT = re.compile(
    # `作 者：` (single characters spaced out) or `作者：`, never `袁颖德 来源：`
    rf"(?:^|(?<=\s))(?:[\u4e00-\u9fff](?:\s[\u4e00-\u9fff]){{1,4}}|[\u4e00-\u9fff]{{1,5}})(?=[:：])"
    rf"|(?:{'|'.join(_GLUED_LABELS)})(?=\s*[:：])"
)


def labelled_parts(line: str) -> dict[str, str]:
    """The `标签：值` parts of an info line, spaced or glued together.

    >>> labelled_parts("作者：林萍雅 发布时间：2018-11-22 20:32:19 来源：上海人大月刊 2018年10期")
    {'作者': '林萍雅', '发布时间': '2018-11-22 20:32:19', '来源': '上海人大月刊 2018年10期'}
    >>> labelled_parts("作者：温义宏 袁颖德 来源：《上海人大月刊》2018年7期")
    {'作者': '温义宏 袁颖德', '来源': '《上海人大月刊》2018年7期'}
    >>> labelled_parts("发布日期：2018-04-17 19:56:51作者：夏凯 韩静浏览次数：")
    {'发布日期': '2018-04-17 19:56:51', '作者': '夏凯 韩静'}

    A label glued to the last character of a padded name (`李 强来源：`) is
    the label alone:

    >>> labelled_parts("作者：王小明李 强来源：《人大研究》2019年3期")
    {'作者': '王小明李 强', '来源': '《人大研究》2019年3期'}
    """
    parts: dict[str, str] = {}
    labels = [_label_span(match) for match in LABEL_AT.finditer(line)]
    for n, (start, stop) in enumerate(labels):
        end = labels[n + 1][0] if n + 1 < len(labels) else len(line)
        value = line[stop:end].strip().lstrip(":：").strip()
        label = line[start:stop].replace(" ", "")
        if value and label not in parts:
            parts[label] = value
    return parts


_KNOWN_LABEL = re.compile(
    rf"(?:{DATE_WORDS}|{AUTHOR_WORDS}|{SOURCE_WORDS}|{ISSUE_WORDS}|{YEAR_WORDS}"
    rf"|{ISSUE_NUMBER_WORDS}|{'|'.join(_GLUED_LABELS)})"
)
_GLUED_AT_END = re.compile(rf"(?:{'|'.join(_GLUED_LABELS)})$")


def _label_span(match: re.Match[str]) -> tuple[int, int]:
    """Where a label found by LABEL_AT is: a word that is no label but ends
    in one (`强来源`) holds a value's last character and the label."""
    word = match.group()
    if " " in word or _KNOWN_LABEL.fullmatch(word):
        return match.span()
    glued = _GLUED_AT_END.search(word)
    return (match.start() + glued.start(), match.end()) if glued else match.span()
