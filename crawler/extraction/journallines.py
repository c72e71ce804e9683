"""Lines naming the journal and issue an article ran in, in every form a page
prints them: `上海人大月刊 2018年9期`, `来源：《上海人大月刊》2018年第9期`,
`（原载《浙江人大》2015年05期）`, `2016年03期 浙江人大`, a note in a line
(`…本文刊登于《…》2016年第7期。`), an editor's note, a citation (`…[J].人大研究,2016(9)`)."""

from __future__ import annotations

import re

from crawler import fields
from crawler.extraction.infolabels import SOURCE_WORDS

_JOURNAL_LINE = re.compile(
    rf"^(?:(?:{SOURCE_WORDS})(?:于|於)?\s*[:：]?\s*)?《?(?P<journal>[\u4e00-\u9fff]{{2,14}}?)》?"
    r"(?:杂志|雜誌|期刊)?\s*[,，·・|｜/.．]?\s*[（(]?(?P<label>(?:19|20)\d\d\s*(?:年\s*[,，]?\s*(?:第\s*)?[Zz]?\d{1,2}"
    r"(?:\s*[-/／]\s*\d{1,2})?\s*期|[,，]?\s*\(\d{1,2}\)))[）)]?\s*$"
)
# `2016年03期 浙江人大`: the issue before the journal.
_LABEL_FIRST = re.compile(
    r"^(?P<label>(?:19|20)\d\d\s*年\s*(?:第\s*)?[Zz]?\d{1,2}(?:\s*[-/]\s*\d{1,2})?\s*期)"
    r"\s*[,，·|｜/]?\s*《?(?P<journal>[\u4e00-\u9fff]{2,14})》?$"
)
# `…本文刊登于《上海人大月刊》2016年第7期。仅供学习交流使用。`: a note naming
# where the text ran, anywhere in a line (the journal in 《》 after a source word).
SOURCE_MENTION = re.compile(
    r"(?:本文|原文|该文|該文)?(?:(?:刊登|刊载|刊載|刊发|刊發|发表|發表|载|載|刊)(?:于|於|在)"
    r"|(?:原载|原載)(?:于|於)?)\s*"
    r"《(?P<journal>[\u4e00-\u9fff]{2,14})》\s*(?:杂志|雜誌)?\s*"
    r"(?P<label>(?:19|20)\d\d\s*(?:年\s*(?:第\s*)?[Zz]?\d{1,2}(?:\s*[-/]\s*\d{1,2})?\s*期"
    r"|[,，]?\s*\(\s*[Zz]?\d{1,2}\s*\)))"
)
# `编者按：《人大研究》2017年第6期刊发了…`: an editor's note saying where the text ran.
_EDITORS_NOTE = re.compile(
    r"^(?:编者按|編者按|编者的话|編者的話)\s*[:：]?.{0,20}?《(?P<journal>[\u4e00-\u9fff]{2,14})》\s*"
    r"(?P<label>(?:19|20)\d\d\s*年\s*(?:第\s*)?[Zz]?\d{1,2}(?:\s*[-/]\s*\d{1,2})?\s*期)"
    r"(?:刊发|刊發|刊登|刊载|刊載|发表|發表|登载|登載)"
)
# A reference to the article as a bibliography prints it (GB/T 7714):
# `韩静.把握人大代表履职的几个关系[J].人大研究,2016(9):48-55.`
_CITATION = re.compile(
    r"^(?:引用格式|引用本文|本文引用格式|参考引用|引文格式|引用)?\s*[:：]?.{0,80}?\[J\]\s*[.．]\s*"
    r"(?P<journal>[\u4e00-\u9fff]{2,14})\s*[,，]\s*(?P<year>(?:19|20)\d\d)\s*(?:[,，]\s*\d+\s*)?"
    r"[(（]\s*(?P<issue>[Zz]?\d{1,2}(?:\s*[-/]\s*\d{1,2})?)\s*[)）][^。]{0,30}$"
)


def journal_line(line: str) -> tuple[str, str] | None:
    """Journal and issue label from a journal line.

    >>> journal_line("上海人大月刊 2018年9期")
    ('上海人大月刊', '2018年9期')
    >>> journal_line("来源：《上海人大月刊》2018年第9期")
    ('上海人大月刊', '2018年第9期')
    >>> journal_line("浙江人大(2014年6期)")
    ('浙江人大', '2014年6期')
    >>> journal_line("（原载《浙江人大》2015年05期）")
    ('浙江人大', '2015年05期')
    >>> journal_line("（本文原载《浙江人大》2015年Z1期）")
    ('浙江人大', '2015年Z1期')
    >>> journal_line("本文刊载于《浙江人大》杂志2016年第6期")
    ('浙江人大', '2016年第6期')
    >>> journal_line("引用格式：韩静.把握人大代表履职的几个关系[J].人大研究,2016(9):48-55.")
    ('人大研究', '2016(9)')
    >>> journal_line("出版：浙江人大, 2018年, 第9期")
    ('浙江人大', '2018年第9期')
    >>> journal_line("本文原载于《人大研究》2017(3)")
    ('人大研究', '2017(3)')
    >>> journal_line("人大研究. 2016,(09)")
    ('人大研究', '2016(09)')
    >>> journal_line("编者按：《人大研究》2017年第6期刊发了何清华同志撰写的文章。")
    ('人大研究', '2017年第6期')
    >>> journal_line("2016年03期 浙江人大"), journal_line("本文发表于《上海人大月刊》2018年10期。")
    (('浙江人大', '2016年03期'), ('上海人大月刊', '2018年10期'))
    >>> journal_line("文档简介：本文刊登于《上海人大月刊》2016年第7期。仅供学习交流使用。")
    ('上海人大月刊', '2016年第7期')
    >>> journal_line("本文刊登于《人大研究》2017(6)。仅供学习交流使用。")
    ('人大研究', '2017(6)')
    >>> journal_line("本文原载《天津人大》2017年6期，转载请注明出处。")
    ('天津人大', '2017年6期')
    >>> journal_line("今年是2018年") is None
    True
    """
    text = fields.halfwidth_digits(fields.strip_bullets(line)).strip()
    if text[:1] in "（(" and text[-1:] in "）)":
        text = text[1:-1].strip()
    text = text.rstrip("。.")
    match = _JOURNAL_LINE.match(text) or _LABEL_FIRST.match(text)
    if match is None and (noted := _EDITORS_NOTE.match(text) or SOURCE_MENTION.search(text)):
        return noted["journal"], re.sub(r"\s+", "", noted["label"])
    if match is None:
        cited = _CITATION.search(text)
        return (cited["journal"], f"{cited['year']}({cited['issue']})") if cited else None
    return match["journal"], re.sub(r"[\s,，]+", "", match["label"])
