"""Structure of an article body: lines that repeat the page around it."""

from __future__ import annotations

import re

RELATED_HEADINGS = frozenset(
    "猜你喜欢 猜你喜歡 相关文章 相關文章 相关推荐 相關推薦 相关阅读 相關閱讀 推荐阅读 推薦閱讀 "
    "热门文章 熱門文章 延伸阅读 延伸閱讀 上一篇 下一篇".split()
)
_NEIGHBOUR_LINK = re.compile(r"^(?:上一篇|下一篇|上一篇文章|下一篇文章)\s*[:：]")
_CHROME = re.compile(
    r"^(?:分享到|分享至|分享：|字号[:：]|【字体|打印本页|关闭窗口|返回顶部|收藏本文|责任编辑[:：]|編輯[:：]"
    r"|本文系.{0,20}(?:转载|原创)|转载请注明|未经授权|版权所有|版權所有|Copyright|©"
    r"|(?:下载|打开|下載|打開).{0,10}(?:APP|App|app|客户端)|APP内阅读|App内阅读"
    r"|扫(?:描|一扫).{0,12}二维码|阅读(?:数|量)?[:：]?\s*\d+$|点击(?:数|量)?[:：]\s*\d+$)"
)


def drop_related_block(lines: list[str]) -> list[str]:
    """Cut the related-articles block (`猜你喜欢` and all after it).

    The block lists other articles at the foot of the page; nothing of the
    article follows it.

    >>> drop_related_block(["正文。", "猜你喜欢", "另一篇文章", "浙江人大(2014年6期)"])
    ['正文。']
    >>> drop_related_block(["我们猜你喜欢这个建议。"])
    ['我们猜你喜欢这个建议。']
    """
    for n, line in enumerate(lines):
        if is_end_of_article(line):
            return lines[:n]
    return lines


_AUTHOR_LINE_NOISE = re.compile(
    r"[（(][^）)]*[）)]|本刊(?:特约)?记者|特约记者|记者|通讯员|作者[：:]|^文\s*/|[\s、，,;；◎/]"
)


def is_end_of_article(line: str) -> bool:
    """A line after which nothing of the article follows (a related block).

    >>> is_end_of_article("猜你喜欢"), is_end_of_article("上一篇：代表履职纪实")
    (True, True)
    >>> is_end_of_article("我们猜你喜欢这个建议。")
    False
    """
    line = line.strip()
    return line in RELATED_HEADINGS or bool(_NEIGHBOUR_LINK.match(line))


def is_chrome_line(line: str) -> bool:
    """Site furniture inside the article area: share buttons, copyright lines,
    app-download prompts, font-size switches, view counts.

    >>> is_chrome_line("分享到：微信 微博 QQ空间")
    True
    >>> is_chrome_line("Copyright © 2019 某某期刊网 版权所有")
    True
    >>> is_chrome_line("打开APP阅读全文")
    True
    >>> is_chrome_line("版权保护是知识产权工作的重要内容。")
    False
    """
    return bool(_CHROME.match(line.strip()))


def drop_chrome_lines(lines: list[str]) -> list[str]:
    """Lines of the body that are site furniture removed.

    >>> drop_chrome_lines(["正文。", "分享到：微信 微博", "责任编辑：张三"])
    ['正文。']
    """
    return [line for line in lines if not is_chrome_line(line)]


def drop_author_line(lines: list[str], authors: list[str]) -> list[str]:
    """Drop the body's first line where it only repeats the authors.

    >>> drop_author_line(["虞崇胜 温潇俊", "正文。"], ["虞崇胜", "温潇俊"])
    ['正文。']
    >>> drop_author_line(["◎王春玺", "正文。"], ["王春玺"])
    ['正文。']
    >>> drop_author_line(["本刊记者 王春玺 通讯员 李四", "正文。"], ["王春玺", "李四"])
    ['正文。']
    >>> drop_author_line(["马 俊（浙江大学）", "正文。"], ["马俊"])
    ['正文。']
    >>> drop_author_line(["倾听民声", "正文。"], [])
    ['倾听民声', '正文。']
    """
    if not lines or not authors:
        return lines
    squashed = _AUTHOR_LINE_NOISE.sub("", lines[0])
    if squashed and squashed == "".join(authors):
        return lines[1:]
    return lines
