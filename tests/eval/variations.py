"""The variation tags of the evaluation set: what a page does that an extractor must cope with.

Every tag occurs on at least one page (`test_eval.py` checks it); a page
lists the tags that apply to it under `"variations"` in its JSON.
"""

from __future__ import annotations

VARIATIONS: dict[str, str] = {
    # issue labels
    "issue-plain": "2018年9期",
    "issue-di": "2018年第9期",
    "issue-zero-padded": "2018年09期",
    "issue-z": "2018年Z1期",
    "issue-combined-dash": "2018年第1-2期 (combined issue: expected 1-2)",
    "issue-combined-slash": "2018年1/2期 (combined issue: expected 1-2)",
    "issue-paren": "2018(9)",
    "issue-fullwidth": "２０１８年第９期",
    "no-journal-line": "no journal or issue on the page: journal, year, issue null",
    # posting date
    "date-time": "date with its time",
    "date-only": "date without a time",
    "date-joined-author": "date run together with the byline: 2016-06-30虞崇胜温潇俊",
    "date-apart": "date and byline apart (labels, separate elements)",
    "date-fullwidth": "full-width digits in the date",
    "date-slash": "date with slashes, hours and minutes: 2018/11/20 01:18 (00:00 where no time)",
    # authors
    "authors-none": "no author",
    "author-single": "one author",
    "authors-several": "two or more authors",
    "authors-run-together": "byline runs names together; the body's first line separates them",
    "author-padded-space": "a two-character name padded with a space in the body line, no byline",
    "authors-run-together-padded": "byline runs names together, a two-character one after the"
    " first padded, no author line: 张伟刘　洋陈晓东",
    "author-affiliation-glued": "affiliation and postcode glued to the name in the byline",
    "author-affiliation-brackets": "affiliation in brackets after the name: （浙江大学法学院）",
    "author-anonymous": "佚名 as the byline: no author",
    "author-line-space": "body author line 虞崇胜 温潇俊",
    "author-line-comma": "body author line 徐理响,黄鹂",
    "author-line-circle": "body author line ◎王春玺",
    "author-line-wen": "body author line 文/张学明",
    "author-line-roles": "body author line 本刊记者 王春玺 通讯员 李四",
    # keywords
    "keywords-links": "keywords as separate links",
    "keywords-run-together": "keyword line as one string: 关键词:民情工作站人大常委会",
    "keywords-run-nested": "keyword line as one string of tags nested in each other, not all in"
    " the text: 人民代表大会人大常委会人大代表",
    "keywords-markup-leak": "markup leaked into the keyword line: ???/a>针对性突发事件",
    "keywords-in-body-colon": "no keyword line; 关键词：a；b；c in the body's front matter",
    "keywords-in-body-bracket": "no keyword line; [关键词]a;b in the body's front matter",
    "keywords-spaced-text": "keyword line as text: 关键词：a b c",
    "keywords-meta-only": 'keywords only in <meta name="keywords">, none on the page',
    "keywords-none": "no keywords at all",
    # title
    "title-footnote": "footnote mark after the title: …三篇文章*",
    "title-stray-spaces": "stray spaces in the title",
    "title-subtitle": "subtitle on the next line starting with ——",
    "title-column-prefix": "a column or series name before the title, not part of it",
    # body
    "body-short": "body under 600 characters",
    "body-long": "body over 8,000 characters",
    "body-cut": "the copy ends mid-sentence: its last line has no closing punctuation",
    "chrome-repeated-author": "the body's first line repeats the authors",
    "chrome-related": "猜你喜欢 / 相关文章 block",
    "chrome-share": "share buttons: 分享到：微信 微博 QQ空间",
    "chrome-copyright": "copyright or reprint line next to the body",
    "chrome-app": "app-download chrome: 下载参考网APP, 打开APP阅读",
    "chrome-intro": "an automatic summary above the text repeating its first characters",
    "front-title-authors": "title and authors printed again at the top of the body (kept)",
    "front-affiliation": "affiliation line in the front matter (kept)",
    "front-abstract": "摘要：… (kept)",
    "front-fund": "基金项目：… (kept)",
    "front-bio": "作者简介：… (kept)",
    # bytes
    "utf-8": "UTF-8 bytes",
    "gbk": "GBK bytes",
    "gb18030": "GB18030 bytes",
    "big5": "Big5 bytes",
    "charset-header-right": "Content-Type header names the right charset",
    "charset-header-wrong": "Content-Type header names a wrong charset",
    "charset-header-missing": "Content-Type header without a charset",
    "charset-meta-right": "<meta> names the right charset",
    "charset-meta-wrong": "<meta> names a wrong charset",
    "charset-meta-missing": "no charset in <meta>",
    # injected junk
    "spam-porn": "porn-site keyword line",
    "spam-gambling": "gambling-site keyword line",
    "spam-county-list": "county-name | list",
    "spam-link-farm": "link farm",
    "spam-hidden": "hidden spam text (display:none)",
    "spam-printed-tag": "HTML tag printed as text: <noframes id=…>",
    "spam-bullets": "bullets and indentation before the title and date lines",
    "mojibake": "garbled span (a byte lost in GBK) in the body",
    # script
    "traditional": "Traditional script (expected: Simplified)",
    "pinyin": "inline pinyin after some characters: 聯(lián)",
    "stray-traditional": "a few Traditional characters in Simplified text",
}
