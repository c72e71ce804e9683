"""Tests of the text-cleaning functions, on the seed page and on edge cases."""

from __future__ import annotations

import re

import opencc
import pytest
from support.runners import FIXTURES

from pipelines.cleaning import (
    drop_spam_lines,
    find_garbled,
    is_garbled,
    is_pinyin_syllable,
    is_spam_line,
    is_traditional,
    normalize_text,
    split_lines,
    strip_pinyin,
    strip_spam,
    to_simplified,
)
from pipelines.cleaning.script import t2s

SEED = (FIXTURES / "seed" / "article-page-dump.txt").read_text(encoding="utf-8")
SEED_LINES = SEED.split("\n")
SEED_HEADER = SEED_LINES[0]
SEED_FOOTER = next(line for line in SEED_LINES if line.startswith("汉阴县|"))
RELATED_AT = SEED_LINES.index("猜你喜歡")
# The article proper: title to the last paragraph, before the related block.
SEED_ARTICLE = "\n".join(SEED_LINES[:RELATED_AT])

# The two spans of the article body as the fixture holds them: the second
# carries two private-use characters (GBK user-defined bytes) that the
# README's quotation leaves out.
SPAN_ACTIVITY = "?;顒悠陂g"  # was 。活動期間
SPAN_POLICY = "?qū)φ\ue479卟焕斫舛\ue25f岢鰡栴}"  # was 對政策不理解而提出問題
SPAN_RELATED = "?shù)臎Q"  # was 的決, in a related article's title

# An independent description of the seed's annotations: tone-marked
# lowercase pinyin in ASCII brackets right after an ideograph.
SEED_ANNOTATION = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+\)")


def clean(text: str) -> str:
    """The pipeline's order on a whole text: spam, pinyin, script, layout."""
    text = strip_pinyin(strip_spam(text))
    if is_traditional(text):
        text = to_simplified(text)
    return normalize_text(text)


# --- the seed page ---------------------------------------------------------


def test_seed_spam_lines_are_the_header_the_question_mark_and_the_footer() -> None:
    assert [line for line in SEED_LINES if is_spam_line(line)] == [SEED_HEADER, "?", SEED_FOOTER]
    assert SEED_HEADER.startswith("国产日韩欧美一区二区")
    assert SEED_FOOTER.endswith("天气|")


def test_strip_spam_keeps_every_other_line() -> None:
    spam = {SEED_HEADER, "?", SEED_FOOTER}
    expected = [line for line in SEED_LINES if line.strip() and line not in spam]
    assert strip_spam(SEED).split("\n") == expected
    assert drop_spam_lines(SEED_LINES) == expected
    assert len(expected) == 36  # 5 head lines, 13 of the article, 18 of the related block


def test_strip_pinyin_removes_every_annotation_of_the_seed_and_nothing_else() -> None:
    stripped = strip_pinyin(SEED)
    assert len(SEED_ANNOTATION.findall(SEED)) == 136
    assert stripped == SEED_ANNOTATION.sub("", SEED)
    assert not re.search(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+[)）]", stripped)
    assert stripped.split("\n")[4] == "青浦:做好聯系人民群眾三篇文章"
    assert stripped.count("(20") == 6  # the related block's `(2020年32期)` … stay
    assert SPAN_POLICY in stripped and SPAN_RELATED in stripped


def test_garbled_spans_of_the_article_are_exactly_the_two() -> None:
    assert find_garbled(SEED_ARTICLE) == [SPAN_ACTIVITY, SPAN_POLICY]
    assert find_garbled(strip_pinyin(strip_spam(SEED_ARTICLE))) == [SPAN_ACTIVITY, SPAN_POLICY]


def test_garbled_spans_lie_inside_the_readme_quotations() -> None:
    quoted = ["活動?;顒悠陂g", "因?qū)φ卟焕斫舛岢鰡栴}時"]
    found = [re.sub("[\ue000-\uf8ff]", "", span) for span in find_garbled(SEED_ARTICLE)]
    assert [span in quote for span, quote in zip(found, quoted, strict=True)] == [True, True]


def test_the_related_block_holds_a_third_garbled_span() -> None:
    # `不適當(dāng)?shù)臎Q定嗎?` is `不适当的决定吗?` mangled the same way; the
    # README does not list it, but it is garbled all the same.
    assert find_garbled(SEED) == [SPAN_ACTIVITY, SPAN_POLICY, SPAN_RELATED]


def test_no_other_seed_line_is_garbled() -> None:
    garbled = [line for line in SEED_LINES if is_garbled(line)]
    assert len(garbled) == 3
    clean_lines = [line for line in SEED_LINES if line not in garbled]
    assert [line for line in clean_lines if find_garbled(line)] == []
    assert "".join(find_garbled(line)[0] for line in garbled) == (
        SPAN_ACTIVITY + SPAN_POLICY + SPAN_RELATED
    )


def test_whole_chain_title() -> None:
    assert split_lines(clean(SEED_ARTICLE))[0] == "青浦：做好联系人民群众三篇文章"


def test_whole_chain_body() -> None:
    lines = split_lines(clean(SEED_ARTICLE))
    body = "\n".join(lines)
    assert "青浦区人大常委会高度重视联系人民群众工作" in body
    assert lines[4:6] == [
        "陈殊书",
        (
            "青浦区人大常委会高度重视联系人民群众工作，坚持走群众路线，认真做好倾听民声、"
            "反映民意、保障民生三篇文章，努力把区人大及其常委会建设成为同人民群众保持密切"
            "联系的代表机关。"
        ),
    ]
    assert lines[1:4] == [
        "2018-11-20 01:18:20陈殊书",
        "上海人大月刊 2018年9期",
        "关键词：民情工作站人大常委会",
    ]
    assert {"倾听民声", "反映民意", "保障民生"} <= set(lines)
    assert "(" not in body and "（lián）" not in body


def test_whole_chain_leaves_no_traditional_character_outside_the_garbled_spans() -> None:
    traditional = {c for c in SEED_ARTICLE if t2s(c) != c}
    assert {"會", "區", "聯", "眾", "們", "問", "題", "傾", "聽", "聲"} <= traditional
    garbled = set("".join(find_garbled(SEED_ARTICLE)))
    left = {c for c in clean(SEED_ARTICLE) if c in traditional}
    assert left <= garbled
    assert left == set()


# --- pinyin ----------------------------------------------------------------


@pytest.mark.parametrize(
    "syllable",
    [
        "lián",
        "guān",
        "qiáng",
        "qū",
        "rèn",
        "de",
        "le",
        "ma",
        "a",
        "e",
        "o",
        "ai",
        "an",
        "er",
        "lǜ",
        "nüè",
        "zhuàng",
        "shuǐ",
        "yuè",
        "jiǒng",
        "ǒu",
        "ēn",
    ],
)
def test_valid_syllables(syllable: str) -> None:
    assert is_pinyin_syllable(syllable) is True


@pytest.mark.parametrize(
    "text",
    [
        "AI",
        "TTCSP",
        "2018",
        "試行",
        "abc",
        "xyz",
        "Lián",
        "LIAN",
        "lianxi",
        "",
        "lián ",
        "ng",
        "lv",
        "lǐán",
        "qǖ",
        "bia",
        "fai",
    ],
)
def test_invalid_syllables(text: str) -> None:
    assert is_pinyin_syllable(text) is False


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("聯(lián)系", "聯系"),
        ("區（qū）委", "區委"),
        ("認(rèn)真(zhēn)", "認真"),
        ("加強(qiáng）", "加強"),
        ("什麼(me)", "什麼"),
        ("啊(ā)", "啊"),
        ("人工智能(AI)", "人工智能(AI)"),
        ("第一条(一)", "第一条(一)"),
        ("（一）加强领导", "（一）加强领导"),
        ("报告(2018)", "报告(2018)"),
        ("TTCSP项目(TTCSP)", "TTCSP项目(TTCSP)"),
        ("條例(試行)", "條例(試行)"),
        ("附件(a)", "附件(a)"),
        ("附件(e)", "附件(e)"),
        ("見說明 (lián)", "見說明 (lián)"),
        ("abc(lián)", "abc(lián)"),
        ("聯(Lián)", "聯(Lián)"),
        ("聯(lianxi)", "聯(lianxi)"),
        ("聯(xyz)", "聯(xyz)"),
        ("聯()", "聯()"),
    ],
)
def test_strip_pinyin(raw: str, expected: str) -> None:
    assert strip_pinyin(raw) == expected


# --- spam ------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "?",
        " ？ ",
        "\ufffd",
        "??",
        '<noframes id="a9k2">',
        "</noframes>",
        '<div class="ad" style="display:none">',
        "<script src=/x.js></script>",
        "<script>",
        "北京市_上海市_天津市_重庆市_南京市",
        "汉阴县 重庆市 青州市 张掖市 洛宁县 紫金县 舞阳县 中方县",
        "首页 | 新闻 | 体育 | 财经 | 娱乐 | 汽车 | 房产",
        "澳门真人娱乐_百家乐在线_六合彩开奖",
        "欧美日韩在线视频 高清免费观看",
        "久久精品國產亞洲av",
        "<noframes>亚洲熟女无码av</noframes>",
    ],
)
def test_spam_lines(line: str) -> None:
    assert is_spam_line(line) is True


@pytest.mark.parametrize(
    "line",
    [
        "青浦:做好聯(lián)系人民群眾三篇文章",
        "2018-11-20 01:18:20陳殊書",
        "上海人大月刊 2018年9期",
        "關(guān)鍵詞:民情工作站人大常委會",
        "保障民生",
        "上海市人大常委会召开第十次会议，审议了浦东新区和崇明县的报告。",
        "黄浦区、徐汇区、长宁区、静安区、普陀区人大常委会主任参加座谈。",
        "依法打击赌场、百家乐、六合彩、老虎机等赌博活动。",
        "国产大飞机C919成功首飞",
        "彩票管理条例",
        "亚洲与欧美经济比较",
        "如何理解每兩個月至少舉行一次人大常委會會議?",
        "公民与法治(2020年8期)2020-03-11 19:15:39",
        "陈殊书 张学明 王一鸣",
        "x<5时成立",
        "",
    ],
)
def test_not_spam_lines(line: str) -> None:
    assert is_spam_line(line) is False


def test_no_seed_body_line_is_spam() -> None:
    body = SEED_LINES[SEED_LINES.index("陳殊書") : RELATED_AT]
    assert len([line for line in body if line]) == 14  # the author line and 13 of the article
    assert [line for line in body if is_spam_line(line)] == []


def test_drop_spam_lines_drops_blank_lines() -> None:
    assert drop_spam_lines(["", "  ", "\t", "正文。", "?", "　"]) == ["正文。"]


# --- garble ----------------------------------------------------------------


def test_no_garbled_span_in_ordinary_prose() -> None:
    assert len(PROSE) >= 2000
    assert find_garbled(PROSE) == []
    assert find_garbled(opencc.OpenCC("s2t").convert(PROSE)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("活動?;顒悠陂g,代表們", ["?;顒悠陂g"]),
        ("執法檢\ufffd120餘次", ["\ufffd"]),
        ("執法檢\ue18a查", ["\ue18a"]),
        ("比如鍥犲\ufffd规斂绛栦笉鐞嗚В时", ["鍥犲\ufffd规斂绛栦笉鐞嗚В"]),
        ("有代表说这些事件件连着民心?大家听了都笑了。", []),
        ("面对魑魅魍魉般的违法行为,绝不能踌躇不前。", []),
        ("朱镕基同志在邛崃、婺源考察。", []),
        ("维生素C、卡拉OK厅和A股,以及5G基站。", []),
        ("穆勒(Müller)与José的发言", []),
        ("β-地中海贫血患者", []),
        ("", []),
    ],
)
def test_find_garbled(text: str, expected: list[str]) -> None:
    assert find_garbled(text) == expected


def test_is_garbled() -> None:
    assert is_garbled(SEED_ARTICLE) is True
    assert is_garbled(PROSE) is False


# --- script ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("傾聽民聲", True),
        ("陳殊書", True),
        ("青浦:做好聯系人民群眾三篇文章", True),
        (SEED_ARTICLE, True),
        ("保障民生", False),
        ("2018", False),
        ("", False),
        ("青浦：做好联系人民群众三篇文章", False),
    ],
)
def test_is_traditional(text: str, expected: bool) -> None:
    assert is_traditional(text) is expected


def test_is_traditional_on_prose() -> None:
    assert is_traditional(PROSE) is False
    assert is_traditional(opencc.OpenCC("s2t").convert(PROSE)) is True
    # Two borrowed Traditional characters in 2,000 do not make prose Traditional.
    assert is_traditional(PROSE.replace("会议", "會議", 1).replace("代表", "代錶", 1)) is False


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("隨著", "随着"),
        ("意味著", "意味着"),
        ("接著", "接着"),
        ("沉著", "沉着"),
        ("看著", "看着"),
        ("順著", "顺着"),
        ("跟著", "跟着"),
        ("為著", "为着"),
        ("本著", "本着"),
        ("朝著", "朝着"),
        ("向著", "向着"),
        ("靠著", "靠着"),
        ("穿著", "穿着"),
        ("睡著", "睡着"),
        ("存在著", "存在着"),
        ("著手", "着手"),
        ("隨著名氣", "随着名气"),
        ("著作", "著作"),
        ("著名", "著名"),
        ("顯著", "显著"),
        ("卓著", "卓著"),
        ("著稱", "著称"),
        ("名著", "名著"),
        ("原著", "原著"),
        ("編著", "编著"),
        ("論著", "论著"),
        ("專著", "专著"),
        ("土著", "土著"),
        ("著述", "著述"),
        ("巨著", "巨著"),
        ("享有著作權", "享有著作权"),
        ("青浦區人大常委會", "青浦区人大常委会"),
    ],
)
def test_to_simplified(traditional: str, simplified: str) -> None:
    assert to_simplified(traditional) == simplified


# --- layout ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("青浦:做好联系人民群众三篇文章", "青浦：做好联系人民群众三篇文章"),
        ("工作,坚持走群众路线;认真做好!是吗?", "工作，坚持走群众路线；认真做好！是吗？"),
        ("2018-11-20 01:18:20", "2018-11-20 01:18:20"),
        ("共3,000人", "共3,000人"),
        ("人工智能(AI)技术", "人工智能（AI）技术"),
        ("we use AI (machine learning) here", "we use AI (machine learning) here"),
        ("电脑报(2020年32期)", "电脑报（2020年32期）"),
        ("工作,(AI)abc", "工作，（AI）abc"),
        ("见(a(b)c)说明", "见（a(b)c）说明"),
        ("半个括号(的话", "半个括号（的话"),
        ("“一府一委两院”,各方面", "“一府一委两院”，各方面"),
        ("人大 常委会", "人大常委会"),
        ("人大  ，  代表", "人大，代表"),
        ("戴尔 Precision 5750 移动工作站", "戴尔 Precision 5750 移动工作站"),
        ("ＡＢＣ１２３公司", "ABC123公司"),
        ("全角，标点。保留", "全角，标点。保留"),
        ("\u3000\u3000段首缩进", "段首缩进"),
        ("不\u00a0间断\u200b的\ufeff字", "不间断的字"),
        ("控制\x07字符\x00", "控制字符"),
        ("a\t\tb", "a b"),
        ("第一行\r\n第二行\r第三行", "第一行\n第二行\n第三行"),
        ("甲\n\n\n\n乙\n\n", "甲\n\n乙"),
        ("  前后空白  \n", "前后空白"),
        ("", ""),
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_split_lines() -> None:
    assert split_lines(" 一 \n\n\u3000二\r\n\t\n三") == ["一", "二", "三"]
    assert split_lines("") == []


# --- ordinary prose (written for these tests) --------------------------------

PROSE = (
    "2021年3月5日上午,市人大常委会在机关大楼召开专题座谈会,围绕《上海市数据条"
    "例(草案)》听取基层立法联系点的意见。会议由常委会副主任主持,30多位来自街道、"
    "企业和高校的代表参加。大家认为,数据是新的生产要素,立法既要鼓励流通和利用,也要"
    "守住安全底线。\n"
    "一位来自浦东新区的企业负责人说:“我们每天处理的订单超过3,000笔,如果规则不"
    "清楚,企业就不敢把数据拿出来用。”他建议在条例中明确公共数据开放的范围、程序和责"
    "任,并设立专门的争议解决渠道。\n"
    "来自复旦大学的学者则关注人工智能(AI)带来的新问题。他说,算法推荐、人脸识别和"
    "自动驾驶等技术已经进入日常生活,但相关的权利义务还缺少清楚的规定。他举例说,某些"
    "App在用户不知情的情况下收集位置信息,这种做法应当受到约束。\n"
    "座谈会上,街道干部讲了一个小故事。去年冬天,社区里一位80岁的老人不会使用智能手"
    "机,在医院门口因为没有“健康码”被拦了下来,急得直掉眼泪。工作人员得知情况后,专"
    "门开辟了人工通道。“技术应该方便人,而不是难为人。”这句话引起了在场代表的共鸣。\n"
    "会后,常委会法工委对收集到的56条意见进行了梳理,其中有19条被吸收进修改稿。比"
    "如,草案第十二条(一)项原来只写了“依法收集”,修改后增加了“遵循最小必要原则”"
    "的表述;第二十条还新增了关于老年人、残疾人等群体的特别保护条款。\n"
    "保障民生\n"
    "近年来,青浦区把农村饮用水安全作为民生实事项目来抓。截至2020年底,全区已完成"
    "1.2万户老旧管网改造,自来水普及率达到99.8%。在朱家角镇的一个自然村,村民"
    "张阿姨高兴地说:“以前水龙头一开就是黄水,现在的水又清又甜。”\n"
    "区人大代表在视察中也发现了一些问题。部分村庄的管道埋设较浅,遇到寒潮容易冻裂;个"
    "别泵站设备老化,维修资金不足。代表们建议,区政府要建立长效管护机制,把日常维护经"
    "费纳入年度预算,同时加强对基层管水员的培训。\n"
    "浙江的做法值得借鉴。在婺源、邛崃等地考察时,代表们看到当地通过“县级统管、乡镇协"
    "管、村级自管”的办法,把责任落实到每一段管道、每一座泵站。有的地方还引入了物联网"
    "(IoT)监测设备,水压、水质数据实时上传,出现异常就会自动报警。\n"
    "人大监督要讲究方法。有人问:监督会不会让政府部门觉得“挑刺”?其实,监督和支持是"
    "统一的。通过听取报告、专题询问、执法检查等方式,人大帮助政府发现问题、改进工作,"
    "最终受益的是群众。正如一位老代表所说,“监督不是为了难倒谁,而是为了把事情办好”"
    "。\n"
    "2018年以来,全市各级人大共开展执法检查120余次,提出审议意见600多条。这"
    "些意见涉及生态环境、食品安全、教育医疗、养老服务等群众关心的领域。对于办理情况,"
    "常委会实行“回头看”,确保意见件件有落实、事事有回音。\n"
    "在基层,代表联络站已经成为群众反映诉求的重要平台。每月15日是固定的接待日,代表"
    "们轮流值班,面对面听取意见。遇到一时解决不了的问题,就记录在册,交由相关部门研究"
    "办理,并在30个工作日内给予答复。\n"
    "当然,工作中也存在一些不足。一是部分代表履职能力有待提高,对专业性较强的议题,发"
    "言往往不够深入;二是少数部门对代表建议重视不够,答复时避重就轻;三是信息化建设相"
    "对滞后,数据共享还不顺畅。对此,常委会将进一步加强代表培训,完善建议办理的评价机"
    "制,并推动建设统一的履职服务平台。\n"
    "展望未来,人大工作要坚持以人民为中心,把群众的急难愁盼作为立法和监督的重点。只有"
    "扎根基层、倾听民声,才能让每一部法规都经得起实践和历史的检验。\n"
    "附记:本文根据2021年5月12日的会议记录整理,文中数据来自区统计局和市水务局"
    "公开发布的资料。引用的英文术语包括big data、cloud computin"
    "g和blockchain,均按通行译法处理。部分表述参考了《中华人民共和国立法法"
    "》和《全国人民代表大会常务委员会议事规则》。\n"
    "他们在讨论中也谈到维生素C、卡拉OK厅的噪音扰民、A股上市公司的信息披露,以及5"
    "G基站建设遇到的邻避问题。有代表打趣说,这些事情看起来琐碎,其实件件连着民心?大"
    "家听了都笑了。\n"
    "会议结束时已是傍晚6点,窗外华灯初上。几位代表还围在一起,继续讨论某项条款的措辞"
    ",直到工作人员催促才离开。朱镕基同志当年曾说过要“不做假账”,这句话至今仍被财经"
    "界人士反复引用;面对魑魅魍魉般的违法行为,执法部门绝不能踌躇不前、首鼠两端。\n"
    "附件(a)列出了本次调研的全部问卷,共发放1,200份,回收1,086份,有效率"
    "90.5%。调研组还采访了β-地中海贫血患者家属和3名T恤厂老板,整理出《基层民"
    "意直通车》第7期。\n"
    "“你们什么时候再来?”临别时,村民拉着代表的手问。代表回答:“下个月15日,我们"
    "一定来!”这一幕,让随行的年轻干部深受触动。\n"
    "第三部分讨论了预算审查。2022年全区一般公共预算支出约为86.4亿元,比上年增"
    "长4.7%;其中教育、卫生健康和社会保障三项合计占比超过45%。代表们提醒,资金"
    "要花在刀刃上,绩效评价结果应当向社会公开,接受“阳光”监督。\n"
)


def test_the_planes_searched_for_invisible_characters_hold_all_of_them() -> None:
    """What Python's Unicode database calls Cf or Cc lies in the planes
    `normalize_text` searches, so that none of it is kept in a text."""
    from pipelines.cleaning.text import INVISIBLE_PLANES, invisible_chars

    everywhere = invisible_chars(range(0x110000))
    assert "\u200b" in everywhere and "\U000e0001" in everywhere
    assert "".join(invisible_chars(plane) for plane in INVISIBLE_PLANES) == everywhere
