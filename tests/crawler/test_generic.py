"""The generic extractor on small pages written for one rule each: where a
page keeps its fields when no site parser knows it."""

from __future__ import annotations

import re

from scrapy.http import HtmlResponse

from crawler import sites
from crawler.extraction import pagekeywords
from crawler.items import Article
from pipelines.clean import clean_article

BODY = (
    "<p>近年来，常委会坚持开门立法，广泛听取群众意见，推动备案审查工作不断深入。</p>"
    "<p>常委会还建立了基层立法联系点，让群众的意见直达立法机关，立法质量明显提高。</p>"
)


def extract(response: HtmlResponse) -> Article:
    """As a crawl stores it: extracted, then cleaned."""
    return Article(**clean_article(vars(sites.parse_article(response))))


def page(head: str = "", top: str = "", body: str = BODY, foot: str = "") -> HtmlResponse:
    html = (
        f"<html><head><meta charset='utf-8'><title>开门立法的实践 - 某某论坛</title>{head}</head>"
        f"<body><div class='nav'>首页 › 期刊 › 开门立法的实践</div>"
        f"<h1>开门立法的实践</h1>{top}<div class='post'>{body}</div>{foot}</body></html>"
    )
    return HtmlResponse("http://copy.example/a/1.html", body=html.encode(), encoding="utf-8")


POSTER = "".join(f"<div>{x}</div>" for x in ("admin", "280", "主题", "13119", "帖子", "管理员"))


def test_header_between_title_and_post_is_read_past_a_profile() -> None:
    """A forum prints the poster's profile between the title and the info lines."""
    info = (
        "<dl><dt>作者</dt><dd>王晓 李明</dd><dt>刊名:</dt><dd>浙江人大</dd>"
        "<dt>刊期:</dt><dd>2016年第7期</dd></dl><div>发表于 2016-08-01 09:30</div>"
    )
    article = extract(page(top=POSTER + info))
    assert (article.title, article.date) == ("开门立法的实践", "2016-08-01")
    assert article.time == "09:30:00"
    assert (article.journal, article.year, article.issue) == ("浙江人大", 2016, "7")
    assert article.authors == ["王晓", "李明"]
    assert article.body.startswith("近年来，常委会坚持开门立法")


def test_info_lines_atop_the_post_are_header_not_body() -> None:
    body = "<p>来源：《天津人大》2017年9期</p><p>作者：熊杰</p>" + BODY
    article = extract(page(top=POSTER + "<div>发表于 2017-10-01</div>", body=body))
    assert (article.journal, article.year, article.issue) == ("天津人大", 2017, "9")
    assert article.authors == ["熊杰"]
    assert article.body.startswith("近年来")


def test_an_interview_question_atop_the_post_stays_in_the_body() -> None:
    body = "<p>记者：这项工作有哪些新的特点？</p>" + BODY
    article = extract(page(top="<div>发表于 2017-10-01</div>", body=body))
    assert article.body.startswith("记者：这项工作有哪些新的特点？")
    assert article.authors == []


def test_a_placeholder_author_gives_way_to_the_body_author_line() -> None:
    body = "<p>汤 欣</p>" + BODY
    top = "<div>作者: -</div><div>发表于 2017-06-24</div>"
    article = extract(page(top=top, body=body))
    assert article.authors == ["汤欣"]
    assert article.body.startswith("近年来")


def test_category_tag_before_the_title_is_not_part_of_it() -> None:
    response = page(top="<div>发表于 2017-06-24</div>")
    tagged = "<h1><a>[期刊文章]</a>开门立法的实践</h1>"
    html = response.text.replace("<h1>开门立法的实践</h1>", tagged)
    article = extract(response.replace(body=html.encode()))
    assert article.title == "开门立法的实践"


def test_tag_links_are_the_keywords_and_a_tag_cloud_is_not() -> None:
    cloud = "".join(f'<a href="/tag/{w}">{w}</a>' for w in "环境 教育 医疗 交通 住房 养老".split())
    tags = ", ".join(
        f'<a href="misc.php?mod=tag&amp;id={n}">{w}</a>'
        for n, w in enumerate(["开门立法", "备案审查", "立法质量"])
    )
    top = "<div>发表于 2017-06-24</div>"
    response = page(top=top, foot=f'<div class="ptg">{tags}</div><div class="side">{cloud}</div>')
    assert pagekeywords.tag_links(response, "开门立法" + BODY) == [
        "开门立法",
        "备案审查",
        "立法质量",
    ]
    assert extract(response).keywords == ["开门立法", "备案审查", "立法质量"]


def test_meta_keywords_count_only_words_of_the_article() -> None:
    own = '<meta name="keywords" content="开门立法,备案审查,立法质量">'
    site = '<meta name="keywords" content="开门立法的实践,期刊,论文,杂志">'
    top = "<div>发表于 2017-06-24</div>"
    assert extract(page(head=own, top=top)).keywords == [
        "开门立法",
        "备案审查",
        "立法质量",
    ]
    assert extract(page(head=site, top=top)).keywords == []
    spaced = '<meta name="keywords" content="开门 立法的实践">'  # the title, split at a space
    response = page(head=spaced, top=top)
    html = response.text.replace("开门立法的实践", "开门 立法的实践")
    assert extract(response.replace(body=html.encode())).keywords == []
    in_body = "<p>关键词：备案审查；立法质量</p>" + BODY
    assert extract(page(head=own, top=top, body=in_body)).keywords == ["备案审查", "立法质量"]


def test_forum_chrome_stays_out_of_the_body() -> None:
    body = (
        "<i>本帖最后由 admin 于 2018-04-07 05:21 编辑</i><br>"
        + BODY
        + "<p>（本文原载《浙江人大》2015年Z1期）</p>"
        + "<p>【声明】本帖内容转自网络，仅供学习交流；如有侵权，请联系管理员删除。</p>"
    )
    article = extract(page(top="<div>发表于 2015-04-03 00:04</div>", body=body))
    assert article.body.startswith("近年来") and article.body.endswith("立法质量明显提高。")
    assert (article.journal, article.year, article.issue) == ("浙江人大", 2015, "Z1")


def test_a_bar_of_popular_tags_is_not_the_articles() -> None:
    """One `<li>` per tag; the bar's words are the article's too, but its label
    says it is the site's."""
    hot = "".join(f"<li><a href='/tags.php?/{w}/'>{w}</a></li>" for w in ("开门立法", "备案审查"))
    bar = f"<div class='tags'><h4>热门标签:</h4><ul>{hot}</ul></div>"
    own = "".join(f"<li><a href='/tags.php?/{w}/'>{w}</a></li>" for w in ("立法质量", "开门立法"))
    top = "<div>发表于 2017-06-24</div>"
    response = page(top=top, foot=f"<ul class='tagbox'>{own}</ul>")
    html = response.text.replace("<body>", "<body>" + bar)
    assert extract(response.replace(body=html.encode())).keywords == ["立法质量", "开门立法"]
    alone = page(top=top).text.replace("<body>", "<body>" + bar)
    assert extract(response.replace(body=alone.encode())).keywords == []


def test_authors_and_date_stated_only_for_machines() -> None:
    """A blog prints `作者 王晓` without a colon, or names the author only in
    its meta tags, and gives the time only in `<time datetime>`."""
    head = '<meta name="author" content="王晓">'
    top = (
        '<div><time datetime="2018-11-20T01:18:20+08:00"></time></div>'
        "<div>来源：浙江人大 2016年7期</div>"
    )
    article = extract(page(head=head, top=top))
    assert (article.authors, article.date, article.time) == (["王晓"], "2018-11-20", "01:18:20")
    spaced = extract(page(top="<div>2018-11-20 作者 王晓 李明</div>"))
    assert spaced.authors == ["王晓", "李明"]
    software = '<meta name="author" content="Discuz! Team and Comsenz UI Team">'
    assert extract(page(head=software, top=top)).authors == []
    site = '<meta name="author" content="人大观察">'
    assert extract(page(head=site, top=top)).authors == []


def test_a_page_with_only_a_title_and_text_is_an_article() -> None:
    """No date, journal or byline printed: the title the page names twice
    (`<h1>`, `<title>`) over an article's sentences is enough; over a list of
    issues it is not."""
    article = extract(page())
    assert (article.title, article.date, article.journal) == ("开门立法的实践", None, None)
    assert article.body.startswith("近年来")
    listing = "<ul><li><a>2018年第9期</a></li><li><a>2018年第8期</a></li></ul>"
    try:
        sites.parse_article(page(body=listing))
    except sites.NotAnArticle:
        pass
    else:
        raise AssertionError("a list of issues was taken for an article")


def test_labels_set_off_by_a_bar_and_an_account_beside_the_date() -> None:
    """`作者丨…` reads as `作者：…`; an account's name beside the posting time
    is no author; a citation line gives the journal and issue."""
    top = "<div>参考编辑部 人大研究参考 2016-04-27 05:10</div>"
    body = "<p>作者丨崔洋 韩静 夏凯</p>" + BODY
    body += "<p>引用格式：崔洋.开门立法的实践[J].人大研究,2016(3):48-55.</p>"
    article = extract(page(top=top, body=body))
    assert article.authors == ["崔洋", "韩静", "夏凯"]
    assert (article.journal, article.year, article.issue) == ("人大研究", 2016, "3")
    assert article.body.startswith("近年来") and article.body.endswith("立法质量明显提高。")


def test_names_under_a_title_the_text_prints_again() -> None:
    top = "<div>法治期刊荟萃 2016-11-02 11:49</div>"
    body = "<p>开门立法的实践</p><p>韩静</p><p>（兰州大学法学院，甘肃兰州 730000）</p>" + BODY
    assert extract(page(top=top, body=body)).authors == ["韩静"]


def test_a_column_before_the_title_is_not_part_of_it() -> None:
    for printed in ("理论研究｜开门立法的实践", "【人物访谈】开门立法的实践"):
        response = page(top="<div>发表于 2017-06-24</div>")
        html = response.text.replace("<h1>开门立法的实践</h1>", f"<h1>{printed}</h1>")
        assert extract(response.replace(body=html.encode())).title == "开门立法的实践"


def test_more_ways_of_printing_authors_and_issues() -> None:
    date = "<div>2018-11-20</div>"
    assert extract(page(top="<div>2018-11-20 王晓/文</div>")).authors == ["王晓"]
    closing = BODY + "<p>（作者：王晓，浙江省人大常委会研究室）</p>"
    assert extract(page(top=date, body=closing)).authors == ["王晓"]
    for line in ("刊名：浙江人大 年份：2018 期号：09", "出版：浙江人大, 2018年, 第9期"):
        article = extract(page(top=f"<div>{line}</div>{date}"))
        assert (article.journal, article.year, article.issue) == ("浙江人大", 2018, "9"), line


def test_a_personal_library_copy_its_users_handle_is_no_author() -> None:
    """A reposting user's handle sits under the title and beside the date; the
    copied article's own lines follow inside the post."""
    top = "<div>法苑漫步</div><div>2016-11-02</div><div>阅 25</div><div>转 2</div>"
    body = "<p>2016-11-02 11:49:07</p><p>人大研究 2016年第9期</p>" + BODY
    article = extract(page(top=top, body=body))
    assert article.authors == []
    assert (article.journal, article.year, article.issue) == ("人大研究", 2016, "9")
    assert article.body.startswith("近年来")
    top = "<div>闲云野鹤2016 2017-03-07 10:01 阅 632</div>"
    article = extract(page(top=top, body="<p>崔辉</p>" + BODY))
    assert (article.date, article.authors) == ("2017-03-07", ["崔辉"])
    assert article.body.startswith("近年来")


def test_a_saved_pages_site_name_and_a_source_note_with_yu() -> None:
    response = page(top="<div>发表于 2017-06-24</div>")
    html = response.text.replace("<h1>开门立法的实践</h1>", "<h1>开门立法的实践 - 参考网</h1>")
    body = BODY + "<p>本文原载于《人大研究》2017(3)</p>"
    article = extract(response.replace(body=html.encode().replace(BODY.encode(), body.encode())))
    assert article.title == "开门立法的实践"
    assert (article.journal, article.year, article.issue) == ("人大研究", 2017, "3")
    assert article.body.endswith("立法质量明显提高。")


def test_a_portals_office_is_no_journal_and_an_editors_note_names_the_issue() -> None:
    top = "<div>发布时间：2017-08-13 来源：市人大常委会研究室 作者： 【字体：大 中 小】</div>"
    note = "<p>编者按：《人大研究》2017年第6期刊发了何清华同志撰写的文章，现予转发。</p>"
    article = extract(page(top=top, body=note + "<p>文/何清华</p>" + BODY))
    assert (article.journal, article.year, article.issue) == ("人大研究", 2017, "6")
    assert article.authors == ["何清华"] and article.body.startswith("近年来")
    closing = BODY + "<p>（本文原载《人大研究》2015年第9期）</p>"
    article = extract(page(top=top, body=closing))
    assert (article.journal, article.year, article.issue) == ("人大研究", 2015, "9")


def test_a_document_sites_pages_are_one_text() -> None:
    """A document shown page by page, the last pages in a `继续阅读` box, with
    its file name as the title and a running head naming the issue."""
    sentence = "常委会坚持开门立法，广泛听取群众意见，推动工作不断深入。"
    paras = [f"<p>第{n}段。{sentence}</p>" for n in range(9)]

    def doc_page(n: int, text: str) -> str:
        counter = f"<p>第 {n} 页 / 共 3 页</p>"
        return f'<div class="doc-page"><div class="page-txt">{text}</div>{counter}</div>'

    first = "<p>2016年03期　浙江人大</p><p>文/何国涛</p>" + "".join(paras[:4])
    view = (
        doc_page(1, first)
        + doc_page(2, "".join(paras[4:8]))
        + "<div>还剩1页未读，继续阅读</div>"
        + f'<div id="more">{doc_page(3, paras[8])}</div>'
    )
    top = "<ul><li>上传时间：2016-05-30 14:41:19</li><li>页数：3</li></ul>"
    response = page(top=top, body=view)
    html = response.text.replace("<h1>开门立法的实践</h1>", "<h1>开门立法的实践.pdf</h1>")
    article = extract(response.replace(body=html.encode()))
    assert article.title == "开门立法的实践"
    assert (article.journal, article.year, article.issue) == ("浙江人大", 2016, "3")
    assert article.authors == ["何国涛"]
    assert article.body.split("\n") == [re.sub("<.*?>", "", p) for p in paras]


def test_a_document_libraries_glued_panel_and_summary_note() -> None:
    panel = (
        "<div>上传人：luckydoc88上传时间：2017-08-13格式：DOCX页数：4大小：30.0KB浏览：2650次</div>"
        "<div>文档简介：本文刊登于《人大研究》2017(6)。仅供学习交流使用。</div>"
        "<div>作者：韩静，郝清。仅供学习交流使用。</div>"
    )
    body = "<p>文本预览</p>" + BODY + "<p>- 1 -</p><p>预览已结束，喜欢就下载吧！</p>"
    article = extract(page(top=panel, body=body))
    assert article.date == "2017-08-13"
    assert (article.journal, article.year, article.issue) == ("人大研究", 2017, "6")
    assert article.authors == ["韩静", "郝清"]
    assert article.body.startswith("近年来") and article.body.endswith("立法质量明显提高。")
    names = "<p>韩静，朱琦刚，许志</p>" + BODY
    assert extract(page(top="<div>2016-10-01</div>", body=names)).authors == [
        "韩静",
        "朱琦刚",
        "许志",
    ]


def test_a_blogs_subtitle_tags_and_note_on_the_author() -> None:
    top = "<div>人大小编</div><div>2018年2月27日</div><div>——访万萍俊</div>"
    bio = "<p>作者简介：白卫勇，甘肃省人大常委会研究室干部。</p>"
    tags = '<div><span>标签：</span><a rel="tag">乡镇人大</a><a rel="tag">主席团</a></div>'
    body = bio + BODY + "<p>（本文刊发于《浙江人大》2014年第6期）</p>"
    article = extract(page(top=top, body=body, foot=tags))
    assert article.title == "开门立法的实践——访万萍俊"
    assert article.authors == ["白卫勇"]
    assert article.keywords == ["乡镇人大", "主席团"]
    assert (article.journal, article.year, article.issue) == ("浙江人大", 2014, "6")
    assert article.body.endswith("立法质量明显提高。")


def test_an_info_line_of_spaced_names_and_a_prefixed_source_label() -> None:
    top = (
        "<div>发布时间：2018-09-11 13:25:23 作者：温义宏 袁颖德 "
        "来源：《上海人大月刊》2018年7期 点击：次</div>"
    )
    article = extract(page(top=top))
    assert article.authors == ["温义宏", "袁颖德"]
    assert (article.journal, article.year, article.issue) == ("上海人大月刊", 2018, "7")
    body = "<p>文章出处：《人大研究》2015年第8期</p>" + BODY
    article = extract(page(top="<div>2015-09-01</div>", body=body))
    assert (article.journal, article.year, article.issue) == ("人大研究", 2015, "8")
    assert article.body.startswith("近年来")


def test_a_journal_glued_to_the_date_and_names_under_it() -> None:
    top = "<div>人大研究2016(6)2016-10-01</div><div>韩静 朱琦刚 许志</div>"
    article = extract(page(top=top, body="<p>全文阅读</p>" + BODY))
    assert (article.journal, article.year, article.issue, article.date) == (
        "人大研究",
        2016,
        "6",
        "2016-10-01",
    )
    assert article.authors == ["韩静", "朱琦刚", "许志"]
    assert article.body.startswith("近年来")


def test_an_info_line_after_the_text_with_names_run_together() -> None:
    body = BODY + "<p>作者：韦安董辉来源：《天津人大》2017年04期</p>"
    body += "<p>关注“代表之家在线”，了解更多人大知识。</p>"
    article = extract(page(top="<div>2017-05-02</div>", body=body))
    assert article.authors == ["韦安", "董辉"]
    assert (article.journal, article.year, article.issue) == ("天津人大", 2017, "4")
    assert article.body.endswith("立法质量明显提高。")


def test_an_author_beside_a_source_note_and_a_note_without_yu() -> None:
    top = "<div>基层人大在线 2015-04-03 00:04:18 阅读 649</div>"
    top += "<div>作者：苏锋 本文刊发于《浙江人大》2015年第1-2期</div>"
    article = extract(page(top=top))
    assert article.authors == ["苏锋"]
    assert (article.journal, article.year, article.issue) == ("浙江人大", 2015, "1-2")
    body = BODY + "<p>本文原载《天津人大》2017年6期，转载请注明出处。</p>"
    article = extract(page(top="<div>2017-07-01</div>", body=body))
    assert (article.journal, article.year, article.issue) == ("天津人大", 2017, "6")
    assert article.body.endswith("立法质量明显提高。")


def test_a_database_record_journal_above_the_title_and_numbered_authors() -> None:
    response = page(
        top="<div>唐洋海1何燕2秦红2</div><div>1. 浙江省人大常委会研究室2. 浙江大学光华法学院</div>",
    )
    html = response.text.replace("<h1>", "<div>浙江人大2014年第5期</div><h1>")
    article = extract(response.replace(body=html.encode()))
    assert article.authors == ["唐洋海", "何燕", "秦红"]
    assert (article.journal, article.year, article.issue) == ("浙江人大", 2014, "5")
    run_together = page(top="<div>崔祥志白彬</div><div>浙江人大 2016年7期</div>")
    assert extract(run_together).authors == ["崔祥志", "白彬"]


def test_a_sites_topic_in_the_meta_keywords_is_not_the_articles() -> None:
    topic = '<meta name="keywords" content="人大,人民代表大会,人大代表,人大常委会,依法履职">'
    body = "<p>人大代表和人大常委会依法履职，人民代表大会制度不断完善。</p>" + BODY
    assert extract(page(head=topic, top="<div>2019-01-01</div>", body=body)).keywords == []
    own = '<meta name="keywords" content="履职,群众,人大常委会,人大,人大代表">'
    body = "<p>人大代表联系群众，人大常委会支持代表履职，人大工作更有活力。</p>" + BODY
    assert extract(page(head=own, top="<div>2019-01-01</div>", body=body)).keywords == [
        "履职",
        "群众",
        "人大常委会",
        "人大",
        "人大代表",
    ]


def test_a_portal_using_the_aggregators_class_names_is_read_as_a_portal() -> None:
    """A news portal's template with `div.article div.article-content` is not
    the aggregator's page: its source note after the text is taken off."""
    html = (
        "<html><head><meta charset='utf-8'><title>开门立法的实践_理论频道</title></head><body>"
        "<div class='article'><h1>开门立法的实践</h1>"
        "<div>2014年09月05日 09:16来源：《浙江人大》2014年7期编辑：郑海涛</div>"
        f"<div class='article-content'>{BODY}<p>本文原载《人大研究》2017年第11期</p>"
        "<p>[责任编辑：陈晓岚]</p></div></div></body></html>"
    )
    url = "https://theory.portal.example/system/2018/02/27/0138205288.shtml"
    article = extract(HtmlResponse(url, body=html.encode(), encoding="utf-8"))
    assert article.date == "2014-09-05"
    assert (article.journal, article.year, article.issue) == ("浙江人大", 2014, "7")
    assert article.body.endswith("立法质量明显提高。")


def test_journal_author_and_time_on_one_line() -> None:
    article = extract(page(top="<div>《公民与法治》2021年第1期 闫英清 2021-04-14 20:41</div>"))
    assert (article.journal, article.year, article.issue) == ("公民与法治", 2021, "1")
    assert (article.authors, article.date) == (["闫英清"], "2021-04-14")
