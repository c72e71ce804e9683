"""Structure of an article body: lines that repeat the page around it."""

from __future__ import annotations

import re

from pipelines.cleaning.script import t2s

RELATED_HEADINGS = frozenset(
    "猜你喜欢 猜你喜歡 相关文章 相關文章 相关推荐 相關推薦 相关阅读 相關閱讀 推荐阅读 推薦閱讀 "
    "热门文章 熱門文章 延伸阅读 延伸閱讀 上一篇 下一篇 相关链接 相關鏈接 相关论文 相關論文 "
    "相关期刊 相關期刊 相关新闻 相關新聞 网友评论 網友評論 发表评论 發表評論 评论 評論 "
    "热点推荐 最新文章 最新更新 推荐文章 本类推荐 本類推薦 "
    "相关帖子 相關帖子 相关主题 相關主題 往期推荐 往期推薦 往期回顾 往期回顧 精彩推荐 精彩推薦 "
    "更多精彩 猜你想看 相关推荐 热门推荐".split()
)
# Lines that open the page's foot: links to neighbours, the page's own link,
# disclaimers, and the bracketed site actions of old CMS pages (`【打印本页】`).
_NEIGHBOUR_LINK = re.compile(
    r"^(?:上一篇|下一篇|上一篇文章|下一篇文章|上一篇：|下一篇：|本文链接|本文網址|本文网址|文章链接"
    r"|免责声明|免責聲明|声明[:：]|聲明[:：])\s*[:：]?"
    r"|^[【\[](?:打印|关闭|關閉|收藏|字体|字體|返回|发表评论|我要纠错|推荐给朋友)"
    r"|^(?:相关搜索|相關搜索|热门搜索|熱門搜索)[:：]"
)
_CHROME = re.compile(
    r"^[(（\[【]?(?:责任编辑|責任編輯|编辑|編輯|录入|錄入|文章录入|审核|審核|校对|校對)\s*[:：][^。]{0,20}[)）\]】]?$"
    r"|^(?:点击(?:数|次数)?|點擊(?:數|次數)?|阅读次数|閱讀次數|浏览次数|瀏覽次數|人气|人氣)\s*[:：]?\s*\d*"
    r"|ICP备|ICP證|ICP证|技术支持[:：]|技術支持[:：]|^(?:通讯)?地址[:：].{0,60}(?:邮编|邮政编码|电话)"
    r"|^(?:分享到|分享至|分享：|字号[:：]|【字体|打印本页|关闭窗口|返回顶部|收藏本文|责任编辑[:：]|編輯[:：]"
    r"|本文系.{0,20}(?:转载|原创)|转载请注明|未经授权|版权所有|版權所有|Copyright|©"
    r"|[【\[](?:声明|聲明|免责声明|免責聲明|版权声明|版權聲明)[】\]]"
    r"|本帖最后由.{1,40}编辑$|本帖最後由.{1,40}編輯$"
    r"|.{0,60}(?:如有侵权|如有侵權|如涉侵权|如涉及侵权|侵权请联系|侵權請聯繫|侵删|侵刪)"
    r"|[(（](?:本文|文章|稿件)?(?:来源|來源|转载|轉載|选自|選自).{0,40}(?:版权|版權|转载|轉載|出处|出處).{0,30}[)）]$"
    r"|(?:下载|打开|下載|打開).{0,10}(?:APP|App|app|客户端)|APP内阅读|App内阅读"
    r"|长按(?:识别|識別)?(?:二维码|二維碼|图中二维码)|點擊上方|点击上方.{0,8}关注|.{0,6}关注我们$|關注我們$"
    r"|[—\-–=·\s]*(?:END|End|end|完)[—\-–=·\s]*$"
    r"|(?:关注|關注)[“\"「].{1,20}[”\"」][，,]?\s*(?:了解|获取|查看|阅读|閱讀|獲取)更多"
    r"|凡(?:注明|本网注明|标注).{0,30}(?:作品|稿件|文章).{0,30}(?:版权|著作权)"
    r"|全文阅读$|全文閱讀$|阅读全文$|閱讀全文$|在线阅读$|在線閱讀$|正文$"
    r"|文本预览$|文本預覽$|全文预览$|全文預覽$|文档预览$|文檔預覽$|内容预览$|內容預覽$"
    r"|开通VIP|開通VIP|VIP会员|VIP會員|预览已结束|預覽已結束|试读已结束|試讀已結束|本站文档免费下载"
    r"|[-—–]\s*\d{1,3}\s*[-—–]$"
    r"|还剩\s*\d+\s*页未读|還剩\s*\d+\s*頁未讀|继续阅读$|繼續閱讀$|展开全文$|展開全文$"
    r"|阅读原文$|閱讀原文$|微信扫一扫|微信掃一掃|预览时标签不可点|(?:阅读|閱讀)\s*\d+\s*(?:在看|点赞)"
    r"|(?:免费|免費)?(?:下载|下載)(?:文档|文檔|全文|本文|PDF|WORD|Word)"
    r"|扫(?:描|一扫).{0,12}二维码|扫一扫|手机扫码|在手机(?:上)?(?:打开|阅读|浏览)|阅读(?:数|量)?[:：]?\s*\d+$|点击(?:数|量)?[:：]\s*\d+$)"
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
    >>> is_end_of_article("【打印本页】 【关闭窗口】")
    True
    >>> is_end_of_article("我们猜你喜欢这个建议。")
    False
    """
    line = line.strip()
    return line in RELATED_HEADINGS or bool(_NEIGHBOUR_LINK.match(line))


# A pager: `上一页 1 2 3 下一页`, `第1页 共3页`, `« 1 2 »`.
_PAGER = re.compile(
    r"^(?:上一页|下一页|上一頁|下一頁|首页|尾页|首頁|尾頁|第\s*\d+\s*[页頁]|共\s*\d+\s*[页頁]|\d{1,3}|[<>«»‹›…/／]|\s)+$"
)

_PAGE_OF = re.compile(r"\d{1,3}\s*[/／]\s*\d{1,3}")  # `2 / 5`


CHROME_MAX = 60


def is_chrome_line(line: str) -> bool:
    """Site furniture inside the article area: share buttons, copyright lines,
    app-download prompts, font-size switches, view counts.

    >>> is_chrome_line("分享到：微信 微博 QQ空间")
    True
    >>> is_chrome_line("Copyright © 2019 某某期刊网 版权所有")
    True
    >>> is_chrome_line("打开APP阅读全文")
    True
    >>> is_chrome_line("（责任编辑：王芳）"), is_chrome_line("点击数：1024")
    (True, True)
    >>> is_chrome_line("（本文转载自某某网，版权归原作者所有）")
    True
    >>> is_chrome_line("【声明】本帖内容转自网络，仅供学习交流；如有侵权，请联系管理员删除。")
    True
    >>> is_chrome_line("本帖最后由 admin 于 2018-04-07 05:21 编辑")
    True
    >>> is_chrome_line("上一页 1 2 3 下一页"), is_chrome_line("第1页 共3页")
    (True, True)
    >>> is_chrome_line("阅读原文"), is_chrome_line("免费下载全文"), is_chrome_line("— END —")
    (True, True, True)
    >>> is_chrome_line("2018"), is_chrome_line("关注“三农”问题")
    (False, False)
    >>> is_chrome_line("关注“代表之家在线”，了解更多人大知识。")
    True
    >>> is_chrome_line("版权保护是知识产权工作的重要内容。")
    False
    >>> is_chrome_line("编辑：这项工作怎样才能做得更好？群众提出了许多建议，我们逐条研究。")
    False
    """
    line = line.strip()
    return bool(
        _CHROME.match(line)
        or (_PAGER.match(line) and re.search(r"[页頁<>«»‹›]", line))
        or _PAGE_OF.fullmatch(line)
    )


def is_furniture(line: str) -> bool:
    """`is_chrome_line` for a line in either script, as extraction meets it
    (the clean pipeline converts to Simplified first, and asks the cheaper
    question): short Traditional lines are read in Simplified.

    >>> is_furniture("長按識別二維碼 關注我們"), is_chrome_line("長按識別二維碼 關注我們")
    (True, False)
    """
    if is_chrome_line(line):
        return True
    line = line.strip()
    if len(line) > CHROME_MAX:
        return False
    simplified = t2s(line)
    return simplified != line and is_chrome_line(simplified)


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
