"""What every layout of the evaluation set shares: the page plan (`Spec`), the
content a page shows (`Doc`), its expected record, and the text transforms that
copy sites apply (Traditional script, inline pinyin, mojibake, stray
Traditional characters), the spam they inject and the bytes they send.

Expected values come from the corpus (`journals.samplesite.corpus`), never from
the extractor: titles through `normalize_title`, body lines through
`normalize_text`, authors and keywords as the corpus has them.
"""

from __future__ import annotations

import functools
import html
import random
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import opencc
from hardset import COPY_IDS, MARKUP_JUNK, hard_articles
from variations import VARIATIONS

from journals.samplesite.corpus import SampleArticle, SampleIssue, SampleJournal, all_articles
from pipelines.cleaning.text import normalize_text, normalize_title

SEED = 20181120
# The layouts, each named for the kind of site it imitates; `layouts/` has a module for
# each, with its plan (`PLAN`) and its markup (`url`, `render`).
LAYOUTS = (
    "fx361",
    "fx361-mobile",
    "copy-trad",
    "copy-gbk",
    "copy-table",
    "copy-periodical-portal",
    "copy-discuz",
    "copy-dedecms",
    "copy-wechat-mirror",
    "copy-wechat-archive",
    "copy-personal-library",
    "copy-digest-library",
    "copy-trs-portal",
    "copy-docshare",
    "copy-wenku",
    "copy-blog",
    "copy-essay-site",
    "copy-periodical-reader",
    "copy-news-feed",
    "copy-self-media",
    "copy-academic-db",
    "copy-county-site",
    "copy-news-portal",
    "copy-theory-channel",
    "copy-reading-room",
)
# The held-out layout: written without the extractor's developers seeing it and scored
# once, blind (README.md). Every other layout is developed against.
HELD_OUT = "copy-reading-room"
# The names the layouts were written under, where they have been renamed since: a page's
# random choices are seeded with its layout's first name (`build`), so that renaming a
# layout changes no byte of its pages.
SEED_NAMES = {
    "copy-periodical-portal": "copy-portal",
    "copy-discuz": "copy-archive",
    "copy-dedecms": "copy-library",
    "copy-wechat-mirror": "copy-unseen",
    "copy-wechat-archive": "copy-blind",
    "copy-personal-library": "copy-fresh",
    "copy-digest-library": "copy-new",
    "copy-trs-portal": "copy-next",
    "copy-docshare": "copy-later",
    "copy-wenku": "copy-final",
    "copy-blog": "copy-ninth",
    "copy-essay-site": "copy-tenth",
    "copy-periodical-reader": "copy-eleventh",
    "copy-news-feed": "copy-twelfth",
    "copy-self-media": "copy-thirteenth",
    "copy-academic-db": "copy-fourteenth",
    "copy-county-site": "copy-fifteenth",
    "copy-news-portal": "copy-sixteenth",
    "copy-theory-channel": "copy-seventeenth",
    "copy-reading-room": "copy-eighteenth",
}
SHORT_BODY, LONG_BODY = 600, 8000
MARGIN = 40  # mojibake stays this far from either end of the body


# --- the plan of one page ---------------------------------------------------------------


@dataclass(frozen=True)
class Spec:
    """How one page shows one corpus article. Styles are named in the comments."""

    name: str
    article: int  # the corpus article's id (the aggregator's article number)
    label: str | None = "plain"  # plain di zero z dash slash paren fullwidth; None: no journal
    time: bool | None = None  # show the posting time; None: as the corpus says
    fullwidth_date: bool = False
    byline: str = "names"  # names joined padded-run list anon none glued brackets roles
    author_line: str | None = None  # space comma circle wen roles padded; None: no such line
    keywords: str = "links"  # links run body-colon body-bracket spaced none
    title: str | None = None  # footnote spaces subtitle
    front: tuple[str, ...] = ()  # title-authors affiliation abstract fund bio
    encoding: str = "utf-8"  # utf-8 gbk gb18030 big5
    declared: str | None = None  # the charset name the page declares where right
    header: str = "right"  # right wrong missing
    meta: str = "right"  # right wrong missing
    spam: tuple[str, ...] = ()  # porn gambling county linkfarm hidden hidden-inline tag tag-wrap
    #                             bullets stray-mark
    mojibake: bool = False
    stray: bool = False  # stray Traditional characters in Simplified text
    pinyin_title: bool = False
    chrome: tuple[str, ...] = ()  # layout extras, named by each layout
    academic: bool = False  # the affiliation is a university, not a congress office
    host: int = 0  # which of the layout's hosts
    traditional: bool = False  # Traditional script (copy-trad: always)
    cut: float = 0.0  # the copy ends mid-sentence this far into the text (0: it is whole)
    keyword_junk: bool = False  # markup leaked before the first keyword (`???/a>`)


# Front matter of research papers (`Spec.front`), as plans of several layouts name it.
RESEARCH = ("title-authors", "affiliation", "abstract", "fund", "bio")
RESEARCH_PART = ("abstract", "fund", "bio")


@dataclass(frozen=True)
class Related:
    title: str
    journal: str
    label: str
    posted: str


@dataclass
class Doc:
    """The content one page shows, already in the page's script, plus what the
    layout records while rendering it (tags, injected spam)."""

    spec: Spec
    layout: str
    journal: SampleJournal
    issue: SampleIssue
    article: SampleArticle
    rng: random.Random
    trad: bool
    title: str = ""
    subtitle: str | None = None
    plain_title: str = ""  # for <title>: the whole title without marks
    date: str = ""
    byline: str = ""
    journal_name: str | None = None
    label: str | None = None
    keywords: list[str] = field(default_factory=list)
    keyword_label: str = "关键词"
    author_line: str | None = None
    front: list[str] = field(default_factory=list)
    blocks: list[tuple[str, str]] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    expected_lines: list[str] = field(default_factory=list)
    tags: set[str] = field(default_factory=set)
    spam: list[str] = field(default_factory=list)
    pinyin: list[str] = field(default_factory=list)

    def tag(self, *names: str) -> None:
        for name in names:
            if name not in VARIATIONS:
                raise KeyError(f"unknown variation tag {name!r}")
            self.tags.add(name)

    def s(self, text: str) -> str:
        """Text in the page's script."""
        return script(text, self.spec.encoding) if self.trad else text

    def inject(self, kind: str) -> str:
        """A piece of spam of `kind`, recorded as injected; its visible text."""
        text = spam_text(kind, self.rng)
        self.spam.append(text)
        self.tag(SPAM_TAGS[kind])
        return text


SPAM_TAGS = {
    "porn": "spam-porn",
    "gambling": "spam-gambling",
    "county": "spam-county-list",
    "linkfarm": "spam-link-farm",
    "hidden": "spam-hidden",
    "tag": "spam-printed-tag",
}


# --- corpus ------------------------------------------------------------------------------


@functools.cache
def _by_id() -> dict[int, tuple[SampleJournal, SampleIssue, SampleArticle]]:
    """The corpus's articles and the hard pages' (`hardset.py`)."""
    return {a.id: (j, i, a) for j, i, a in all_articles()} | hard_articles()


def find(article_id: int) -> tuple[SampleJournal, SampleIssue, SampleArticle]:
    return _by_id()[article_id]


# --- scripts -----------------------------------------------------------------------------


@functools.cache
def _s2t() -> Any:
    return opencc.OpenCC("s2t")


# OpenCC's `s2t` writes some characters in forms Big5 lacks; a Big5 page has the
# Taiwan forms instead (their `t2s` is not always the corpus character: 著 for 着).
BIG5_FORMS = str.maketrans("啓峯爲着羣衆裏", "啟峰為著群眾裡")


def script(text: str, encoding: str = "utf-8") -> str:
    """Simplified → Traditional as the copy site converts (OpenCC `s2t`)."""
    out = _s2t().convert(text)
    if len(out) != len(text):
        raise ValueError(f"s2t changed the length of {text!r}")
    return out.translate(BIG5_FORMS) if encoding == "big5" else out


_FULLWIDTH = str.maketrans(
    "0123456789-:/()ZABCDEFGHIJKLMNOPQRSTUVWXY",
    "０１２３４５６７８９－：／（）ＺＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹ",
)


def fullwidth(text: str) -> str:
    """Digits, Latin capitals and date separators full-width: `2018年第9期` → `２０１８年第９期`."""
    return text.translate(_FULLWIDTH)


# Readings of the Traditional characters the copy site annotates (one reading each,
# the one these texts use).
PINYIN = {
    "聯": "lián", "關": "guān", "區": "qū", "設": "shè", "導": "dǎo", "進": "jìn", "鞏": "gǒng",
    "運": "yùn", "習": "xí", "討": "tǎo", "論": "lùn", "議": "yì", "會": "huì", "對": "duì",
    "開": "kāi", "經": "jīng", "濟": "jì", "實": "shí", "際": "jì", "現": "xiàn", "證": "zhèng",
    "務": "wù", "時": "shí", "國": "guó", "織": "zhī", "組": "zǔ", "門": "mén", "員": "yuán",
    "體": "tǐ", "機": "jī", "構": "gòu", "團": "tuán", "規": "guī", "劃": "huà", "範": "fàn",
    "條": "tiáo", "監": "jiān", "審": "shěn", "計": "jì", "預": "yù", "財": "cái", "稅": "shuì",
    "選": "xuǎn", "舉": "jǔ", "權": "quán", "責": "zé", "維": "wéi", "護": "hù", "環": "huán",
    "題": "tí", "見": "jiàn", "話": "huà", "語": "yǔ", "決": "jué", "產": "chǎn", "業": "yè",
    "動": "dòng", "報": "bào", "執": "zhí", "據": "jù", "確": "què", "質": "zhì", "項": "xiàng",
    "辦": "bàn", "層": "céng", "鄉": "xiāng", "鎮": "zhèn", "縣": "xiàn", "廣": "guǎng",
    "眾": "zhòng", "衆": "zhòng", "羣": "qún", "群": "qún", "屆": "jiè", "傾": "qīng",
    "聽": "tīng", "聲": "shēng", "準": "zhǔn", "總": "zǒng", "結": "jié", "點": "diǎn",
    "統": "tǒng", "歷": "lì", "認": "rèn", "識": "shí", "細": "xì", "級": "jí", "協": "xié",
    "驗": "yàn", "績": "jì", "礎": "chǔ", "們": "men", "這": "zhè", "說": "shuō", "過": "guò",
    "個": "gè", "來": "lái", "從": "cóng", "問": "wèn", "頭": "tóu", "變": "biàn", "訪": "fǎng",
    "記": "jì", "讓": "ràng", "賬": "zhàng", "錢": "qián", "線": "xiàn", "綫": "xiàn",
    "況": "kuàng", "詞": "cí", "鍵": "jiàn",
}  # fmt: skip

# Simplified → a Traditional form whose `t2s` is the same Simplified character.
STRAY = dict(
    zip(
        "会国这说关对经发进时实员议们个过动体务现区县级题问门监审预",
        "會國這說關對經發進時實員議們個過動體務現區縣級題問門監審預",
        strict=True,
    )
)


def add_pinyin(
    doc: Doc, text: str, count: int, protect: tuple[int, int] | None = None, within: int = 0
) -> str:
    """`count` annotations `聯(lián)` after characters of `text` that have a reading,
    none inside `protect`; with `within`, the first lands in the first `within` characters."""
    spots = [
        i
        for i, ch in enumerate(text)
        if ch in PINYIN
        and text[i + 1 : i + 2] not in ("(", "（")
        and not (protect and protect[0] - 1 <= i < protect[1])
    ]
    chosen = set(doc.rng.sample(spots, min(count, len(spots))))
    early = [i for i in spots if i < within]
    if within and early and not chosen & set(early):
        chosen.add(doc.rng.choice(early))
    out = []
    for i, ch in enumerate(text):
        out.append(ch)
        if i in chosen:
            note = f"({PINYIN[ch]})"
            out.append(note)
            if note not in doc.pinyin:
                doc.pinyin.append(note)
    if chosen:
        doc.tag("pinyin")
    return "".join(out)


def mojibake(clause: str) -> str:
    """The clause as a copy site garbles it: GBK bytes, one byte lost, decoded again.

    >>> mojibake("在研究中寻找答案") == "匝芯恐醒罢掖鸢\ufffd"
    True
    """
    raw = clause.encode("gbk")
    return (raw[:1] + raw[2:]).decode("gbk", errors="replace")


# --- spam ---------------------------------------------------------------------------------

PORN_LINES = (
    "日韩精品一区二区三区高清_亚洲无码视频在线观看_国产自拍偷拍第一页_欧美色图区_午夜福利影院免费看",
    "中文字幕人妻无码专区_成人视频在线播放_国产精品久久久久久久_亚洲色偷偷综合网_三级片免费观看",
    "熟女人妻中文字幕_欧美日韩国产精品一区_亚洲av高清在线观看_2021最新成人影院_免费毛片网站大全",
)
GAMBLING_LINES = (
    "澳门新葡京娱乐城_真人百家乐开户送彩金_时时彩计划网_北京赛车pk10开奖_体育投注平台官网",
    "皇冠足球比分直播_六合彩开奖结果查询_老虎机在线玩_网上棋牌游戏注册送38元_亚洲第一博彩网站",
    "永利娱乐城官网_百家乐必胜打法_极速快三大小单双计划_重庆时时彩开奖记录_正规网投平台推荐",
)
HIDDEN_TEXTS = (
    "澳门赌场在线娱乐 百家乐开户 真人视讯 棋牌游戏下载 彩票计划群 注册即送88元",
    "亚洲成人网站导航 日本无码高清 国产自拍视频 午夜直播平台 每日更新",
    "网上赌博平台 注册送彩金 北京赛车pk10 时时彩 老虎机 娱乐城 手机投注",
)
COUNTIES = (
    "汉阴县 重庆市 青州市 张掖市 洛宁县 紫金县 舞阳县 中方县 林甸县 潞城市 晋城 龙胜 宜章县 建湖县 "
    "哈巴河县 尼玛县 无棣县 永和县 弥渡县 东港市 旬邑县 饶河县 会泽县 贡觉县 遵化市 剑阁县 恩施市 "
    "原阳县 溆浦县 南康市 田林县 大悟县 来安县 广饶县 正镶白旗 哈尔滨市 宁陕县 黎平县 蒙城县 "
    "五莲县 桐柏县 若羌县 盐亭县 丹棱县 阜宁县 泗洪县 赤城县 乐亭县 汝城县 武冈市 龙山县 吉首市 "
    "安化县 沅陵县 新晃县 靖西市 凌云县 三都县 镇宁县 务川县 綦江区 开州区 巫溪县 城口县"
).split()
LINK_FARM = (
    "手机彩票 在线赌场 代开发票 办理证件 网络赚钱 私家侦探 高仿手表 成人用品 减肥药 游戏外挂 "
    "刷单兼职 网贷口子 信用卡套现 二手枪支 无抵押贷款 上门服务 同城交友 代写论文 考试答案 "
    "黑客接单 短信群发 微信营销软件 期刊发表 职称论文代发 快速办证 买卖车牌 股票内幕 快三计划 "
    "北京赛车 六合彩资料 百家乐技巧 真人娱乐"
).split()


def spam_text(kind: str, rng: random.Random) -> str:
    """One piece of injected spam, as it shows on the page."""
    if kind == "porn":
        return rng.choice(PORN_LINES)
    if kind == "gambling":
        return rng.choice(GAMBLING_LINES)
    if kind == "hidden":
        return rng.choice(HIDDEN_TEXTS)
    if kind == "county":
        return "| ".join(rng.sample(COUNTIES, rng.randint(18, 34))) + "|"
    if kind == "linkfarm":
        return " | ".join(rng.sample(LINK_FARM, rng.randint(10, 16)))
    if kind == "tag":
        element = rng.choice(("noframes", "address", "big", "kbd", "noframes"))
        ident = "".join(
            rng.choice("abcdefghkmnpqrstuvwxyz23456789") for _ in range(rng.randint(3, 5))
        )
        return f'<{element} id="{ident}">' if rng.random() < 0.5 else f"<{element} id={ident}>"
    raise KeyError(kind)


# --- front matter ------------------------------------------------------------------------

# Per province: a congress office and a university, each (name, city, postcode).
AFFILIATIONS = {
    "上海": (
        ("上海市人大常委会研究室", "上海", "200003"),
        ("华东政法大学法律学院", "上海", "200042"),
    ),
    "浙江": (
        ("浙江省人大常委会研究室", "浙江杭州", "310025"),
        ("浙江大学光华法学院", "浙江杭州", "310008"),
    ),
    "天津": (
        ("天津市人大常委会研究室", "天津", "300040"),
        ("南开大学法学院", "天津", "300350"),
    ),
    "甘肃": (
        ("甘肃省人大常委会研究室", "甘肃兰州", "730030"),
        ("兰州大学法学院", "甘肃兰州", "730000"),
    ),
    "河北": (
        ("河北省人大常委会研究室", "河北石家庄", "050051"),
        ("河北大学政法学院", "河北保定", "071002"),
    ),
}
ABSTRACTS = (
    "摘要：{subject}是新时代地方人大工作的一项重要内容。本文结合{place}的实践，梳理了近年来的主要做法和成效，"
    "分析了工作中存在的突出问题及其成因，并从完善制度、健全机制、提升能力三个方面提出了对策建议。",
    "摘要：围绕{subject}这一主题，文章回顾了相关制度的形成与发展，总结了{place}人大在实践中积累的经验，"
    "指出当前仍存在认识不到位、机制不健全、保障不充分等问题，进而提出了若干改进思路。",
    "摘要：做好{subject}工作，对于坚持和完善人民代表大会制度具有重要意义。本文以{place}为样本，"
    "从制度规范和工作实践两个层面展开分析，认为应当在依法履职的基础上进一步增强工作的针对性和实效性。",
)
FUNDS = (
    "基金项目：{year}年度{place}哲学社会科学规划项目“{subject}的实践路径研究”（{year}YB{n:03d}）",
    "基金项目：{place}人大制度理论研究会{year}年度重点课题“新时代{subject}问题研究”（RDLL{year}{n:03d}）",
)
ROLES = ("副主任", "研究员", "干部", "副教授", "副研究员")


def affiliation(journal: SampleJournal, which: int) -> tuple[str, str, str]:
    return AFFILIATIONS[journal.province][which]


def front_matter(doc: Doc) -> list[str]:
    """The research-paper front matter the spec asks for, Simplified, in print order."""
    spec, a, j = doc.spec, doc.article, doc.journal
    org, city, code = affiliation(j, int(spec.academic))
    # the longest keyword names the subject (short ones are often places)
    subject = max((k for k in a.keywords if len(k) >= 4), key=len, default="地方人大工作")
    place = {
        "上海": "上海市",
        "浙江": "浙江省",
        "天津": "天津市",
        "甘肃": "甘肃省",
        "河北": "河北省",
    }[j.province]
    lines: list[str] = []
    if "title-authors" in spec.front:
        lines += [a.title, "，".join(a.authors)]
    if "affiliation" in spec.front:
        lines.append(f"（{org}，{city} {code}）")
    if "abstract" in spec.front:
        lines.append(doc.rng.choice(ABSTRACTS).format(subject=subject, place=place))
    if spec.keywords == "body-colon":
        lines.append("关键词：" + "；".join(a.keywords))
    elif spec.keywords == "body-bracket":
        lines.append("[关键词]" + ";".join(a.keywords))
    if "fund" in spec.front:
        fund = doc.rng.choice(FUNDS)
        number = doc.rng.randint(5, 180)
        lines.append(fund.format(year=a.posted_at.year - 1, place=place, subject=subject, n=number))
    if "bio" in spec.front:
        lines.append(
            f"作者简介：{a.authors[0]}，{org}{doc.rng.choice(ROLES)}，主要研究方向为地方人大制度。"
        )
    return lines


# --- labels, dates, bylines --------------------------------------------------------------


def issue_label(style: str, issue: SampleIssue) -> tuple[str, str]:
    """(label as printed, expected issue) for a label style."""
    y, n = issue.year, issue.issue
    combined = n.startswith("Z")
    if style in ("z", "dash", "slash"):
        if not combined:
            raise ValueError(f"{style} label for the single issue {n}")
        k = int(n[1:])
        if style == "z":
            return f"{y}年{n}期", n
        if style == "dash":
            return f"{y}年第{2 * k - 1}-{2 * k}期", f"{2 * k - 1}-{2 * k}"
        return f"{y}年{2 * k - 1}/{2 * k}期", f"{2 * k - 1}-{2 * k}"
    if combined:
        raise ValueError(f"{style} label for the combined issue {n}")
    label = {
        "plain": f"{y}年{n}期",
        "di": f"{y}年第{n}期",
        "zero": f"{y}年{int(n):02d}期",
        "paren": f"{y}({n})",
        "fullwidth": fullwidth(f"{y}年第{n}期"),
    }[style]
    if style == "zero" and len(n) != 1:
        raise ValueError("a zero-padded label needs a one-digit issue")
    return label, n


LABEL_TAGS = {
    "plain": "issue-plain",
    "di": "issue-di",
    "zero": "issue-zero-padded",
    "z": "issue-z",
    "dash": "issue-combined-dash",
    "slash": "issue-combined-slash",
    "paren": "issue-paren",
    "fullwidth": "issue-fullwidth",
}


def byline(doc: Doc) -> str:
    spec, names, j = doc.spec, list(doc.article.authors), doc.journal
    style = spec.byline
    if style == "anon":
        assert not names, "佚名 stands for an article without authors"
        doc.tag("author-anonymous")
        return "佚名"
    if not names or style == "none":
        return ""
    if style == "joined":
        if len(names) > 1:
            doc.tag("authors-run-together")
        return "".join(names)
    if style == "names":
        return " ".join(names)
    if style == "padded-run":
        # run together, every two-character name after the first padded: `张伟刘　洋陈晓东`
        padded = [f"{n[0]}\u3000{n[1]}" if len(n) == 2 else n for n in names[1:]]
        assert padded != names[1:], "padded-run needs a two-character name after the first"
        doc.tag("authors-run-together-padded")
        return names[0] + "".join(padded)
    if style == "list":
        return "、".join(names)
    if style == "glued":
        assert len(names) == 1
        org, _, code = affiliation(j, 0)
        doc.tag("author-affiliation-glued")
        return f"{names[0]}{org}{code}"
    if style == "brackets":
        org = affiliation(j, int(spec.academic))[0]
        doc.tag("author-affiliation-brackets")
        return " ".join(names) + f"（{org}）"
    if style == "roles":
        assert len(names) == 2
        return f"本刊记者 {names[0]} 通讯员 {names[1]}"
    raise KeyError(style)


def author_line(doc: Doc) -> str | None:
    style, names = doc.spec.author_line, list(doc.article.authors)
    if style is None:
        return None
    assert names, "no author line without authors"
    doc.tag("chrome-repeated-author")
    if style == "padded":
        assert len(names) == 1 and len(names[0]) == 2 and doc.spec.byline == "none"
        doc.tag("author-padded-space")
        return f"{names[0][0]} {names[0][1]}"
    doc.tag(f"author-line-{style}")
    if style == "space":
        return " ".join(names)
    if style == "comma":
        return ",".join(names)
    if style == "circle":
        return "◎" + " ".join(names)
    if style == "wen":
        return "文/" + " ".join(names)
    if style == "roles":
        assert len(names) == 2
        return f"本刊记者 {names[0]} 通讯员 {names[1]}"
    raise KeyError(style)


def stray_spaces(title: str) -> str:
    """Spaces a copy site leaves in a title: around it, doubled, around a colon.

    >>> stray_spaces("算好民生账 管好公家钱"), stray_spaces("天台：乡镇人大")
    ('\u3000算好民生账\u3000\u3000管好公家钱\xa0', '\u3000天台 ： 乡镇人大\xa0')
    """
    if " " in title:
        title = title.replace(" ", "\u3000\u3000", 1)
    elif "：" in title:
        title = title.replace("：", " ： ", 1)
    return f"\u3000{title}\u00a0"


def posted_text(doc: Doc) -> str:
    a, spec = doc.article, doc.spec
    show_time = a.show_time if spec.time is None else spec.time
    doc.tag("date-time" if show_time else "date-only")
    text = f"{a.posted_at:%Y-%m-%d %H:%M:%S}" if show_time else f"{a.posted_at:%Y-%m-%d}"
    if spec.fullwidth_date:
        doc.tag("date-fullwidth")
        text = fullwidth(text).replace(" ", "\u3000")
    return text


# --- building a page ------------------------------------------------------------------


def build(spec: Spec, layout: str) -> Doc:
    """The content of a page: the corpus article shown the way `spec` says."""
    journal, issue, article = find(spec.article)
    doc = Doc(
        spec=spec,
        layout=layout,
        journal=journal,
        issue=issue,
        article=article,
        rng=random.Random(f"{SEED}:{SEED_NAMES.get(layout, layout)}:{spec.name}"),
        trad=layout == "copy-trad" or spec.traditional,
    )
    if doc.trad:
        doc.tag("traditional")
    names = article.authors
    doc.tag(
        "authors-none" if not names else "author-single" if len(names) == 1 else "authors-several"
    )
    size = sum(len(b.text) for b in article.blocks)
    if size < SHORT_BODY:
        doc.tag("body-short")
    elif size > LONG_BODY:
        doc.tag("body-long")

    # header lines
    title = article.title
    doc.plain_title = doc.s(title)
    if spec.title == "subtitle":
        main, sep, rest = title.partition("——")
        assert sep and main and rest, f"{title} has no subtitle"
        doc.title, doc.subtitle = doc.s(main), doc.s(sep + rest)
        doc.tag("title-subtitle")
    else:
        doc.title = doc.s(title)
    if spec.title == "footnote":
        doc.title += "*"
        doc.tag("title-footnote")
    elif spec.title == "spaces":
        doc.title = stray_spaces(doc.title)
        doc.tag("title-stray-spaces")
    if spec.pinyin_title:
        doc.title = add_pinyin(doc, doc.title, 2)
    doc.date = posted_text(doc)
    doc.byline = doc.s(byline(doc))
    if spec.label is None:
        doc.tag("no-journal-line")
    else:
        doc.journal_name = doc.s(journal.name)
        doc.label = issue_label(spec.label, issue)[0]
        doc.tag(LABEL_TAGS[spec.label])

    # keywords
    if spec.keywords == "none" or not article.keywords:
        assert spec.keywords == "none" and not article.keywords, "keywords none ⇔ corpus has none"
        doc.tag("keywords-none")
    else:
        doc.tag(
            {
                "links": "keywords-links",
                "run": "keywords-run-together",
                "body-colon": "keywords-in-body-colon",
                "body-bracket": "keywords-in-body-bracket",
                "spaced": "keywords-spaced-text",
            }[spec.keywords]
        )
        doc.keywords = [doc.s(k) for k in article.keywords]
        if spec.keywords == "run" and article.id in COPY_IDS:
            doc.tag("keywords-run-nested")
    if spec.keyword_junk:
        assert spec.keywords == "run", "the junk leaks into a run-together line"
        doc.keywords[0] = MARKUP_JUNK + doc.keywords[0]
        doc.tag("keywords-markup-leak")
    doc.keyword_label = doc.s("关键词")
    if doc.trad and spec.keywords in ("links", "run"):
        doc.keyword_label = add_pinyin(doc, doc.keyword_label, 1)

    # body
    line = author_line(doc)
    doc.author_line = doc.s(line) if line else None
    front = front_matter(doc)
    for part in spec.front:
        doc.tag(f"front-{part}")
    doc.front = [doc.s(f) for f in front]
    doc.expected_lines = [normalize_text(f) for f in front]
    doc.blocks = [(b.kind, doc.s(b.text)) for b in article.blocks]
    doc.expected_lines += [normalize_text(b.text) for b in article.blocks]
    if spec.cut:
        _cut(doc, len(front))
    _body_transforms(doc, len(front))
    doc.related = related(doc)
    return doc


def _body_transforms(doc: Doc, offset: int) -> None:
    """Mojibake, stray Traditional characters and pinyin in the body blocks.
    `offset`: the number of expected lines before the first block."""
    spec = doc.spec
    protect: dict[int, tuple[int, int]] = {}
    if spec.mojibake:
        assert spec.encoding in ("utf-8", "gb18030"), "U+FFFD needs a Unicode encoding"
        k, start, end, garbled = _garble(doc, offset)
        kind, text = doc.blocks[k]
        doc.blocks[k] = (kind, text[:start] + garbled + text[end:])
        simple = doc.article.blocks[k].text
        doc.expected_lines[offset + k] = (
            normalize_text(simple[:start]) + garbled + normalize_text(simple[end:])
        )
        protect[k] = (start, start + len(garbled))
        doc.tag("mojibake")
    if spec.stray:
        assert not doc.trad and not spec.mojibake
        _stray(doc)
    if doc.trad:
        for k, (kind, text) in enumerate(doc.blocks):
            if kind == "paragraph":
                count = doc.rng.choice((0, 1, 2, 2, 3))
                within = 30 if k == 0 and offset == 0 else 0
                doc.blocks[k] = (kind, add_pinyin(doc, text, count, protect.get(k), within))


def _cut(doc: Doc, offset: int) -> None:
    """End the text mid-sentence, as a copy site that cut it does: in the paragraph
    `Spec.cut` of the way into the text, between two characters of a clause; what
    follows is gone. `offset`: the number of expected lines before the first block."""
    assert not doc.spec.mojibake and not doc.spec.stray, "a cut copy keeps its text plain"
    texts = [b.text for b in doc.article.blocks]
    target, seen = doc.spec.cut * sum(map(len, texts)), 0
    k = len(texts) - 1
    for n, block in enumerate(doc.article.blocks):
        seen += len(block.text)
        if seen >= target and block.kind == "paragraph":
            k = n
            break
    text = texts[k]
    spots = [
        i
        for i in range(min(12, len(text) // 3), len(text) - 4)
        if re.fullmatch(r"[\u4e00-\u9fff]{2}", text[i - 1 : i + 1])
    ]
    at = doc.rng.choice(spots)
    kind, shown = doc.blocks[k]
    doc.blocks = doc.blocks[:k] + [(kind, shown[:at])]
    doc.expected_lines = doc.expected_lines[: offset + k] + [normalize_text(text[:at])]
    doc.tag("body-cut")


_CLAUSE = re.compile(r"[\u4e00-\u9fff]{7,}")


def _garble(doc: Doc, offset: int) -> tuple[int, int, int, str]:
    """A clause of a body paragraph away from both ends of the body, and its mojibake."""
    lines = doc.expected_lines
    starts = [sum(len(x) + 1 for x in lines[:n]) for n in range(len(lines))]
    total = len("\n".join(lines))
    options = []
    for k, (kind, text) in enumerate(doc.blocks):
        if kind != "paragraph":
            continue
        at = starts[offset + k]
        for m in _CLAUSE.finditer(text):
            start, end = m.start(), min(m.end(), m.start() + 10)
            clause = text[start:end]
            # out of step to its end (GBK decoders often fall back in step early)
            if mojibake(clause)[-1] == clause[-1]:
                continue
            if at + start >= MARGIN and at + end <= total - MARGIN:
                options.append((k, start, end))
    k, start, end = doc.rng.choice(options)
    garbled = mojibake(doc.blocks[k][1][start:end])
    assert garbled != doc.blocks[k][1][start:end] and not re.search(r"[\s<>&]", garbled)
    return k, start, end, garbled


def _stray(doc: Doc) -> None:
    """Turn a few characters Traditional: one in the body's first 30 characters,
    one in its last 30, two more anywhere."""
    first, last = 0, len(doc.blocks) - 1
    text_first = doc.blocks[first][1]
    picks: list[tuple[int, int]] = []
    head = [i for i, c in enumerate(text_first[:30]) if c in STRAY]
    tail_text = doc.blocks[last][1]
    tail = [i for i, c in enumerate(tail_text) if c in STRAY and i >= len(tail_text) - 30]
    assert head and tail, f"{doc.spec.name}: no stray candidates at both ends"
    picks += [(first, doc.rng.choice(head)), (last, doc.rng.choice(tail))]
    middle = [
        (k, i)
        for k, (kind, text) in enumerate(doc.blocks)
        if kind == "paragraph" and 0 < k < last
        for i, c in enumerate(text)
        if c in STRAY
    ]
    picks += doc.rng.sample(middle, min(2, len(middle)))
    for k, i in picks:
        kind, text = doc.blocks[k]
        doc.blocks[k] = (kind, text[:i] + STRAY[text[i]] + text[i + 1 :])
    doc.tag("stray-traditional")


def related(doc: Doc) -> list[Related]:
    others = [x for x in all_articles() if x[2].id != doc.article.id]
    picked = doc.rng.sample(others, doc.rng.randint(5, 8))
    return [
        Related(doc.s(a.title), doc.s(j.name), i.label, f"{a.posted_at:%Y-%m-%d %H:%M:%S}")
        for j, i, a in picked
    ]


# --- expected record ------------------------------------------------------------------


def expected(doc: Doc) -> dict[str, Any]:
    a, spec = doc.article, doc.spec
    if spec.label is None:
        journal = year = issue = None
    else:
        journal, year, issue = (
            doc.journal.name,
            doc.issue.year,
            issue_label(spec.label, doc.issue)[1],
        )
    body = "\n".join(doc.expected_lines)
    return {
        "title": normalize_title(a.title),
        "authors": list(a.authors),
        "date": f"{a.posted_at:%Y-%m-%d}",
        "journal": journal,
        "year": year,
        "issue": issue,
        "keywords": [] if spec.keywords == "none" else list(a.keywords),
        "body": body,
        "garbled": spec.mojibake,
    }


# --- bytes -------------------------------------------------------------------------------

CHARSET_NAMES = {"utf-8": "utf-8", "gbk": "gbk", "gb18030": "gb18030", "big5": "big5"}


def declared(doc: Doc, where: str) -> str | None:
    """The charset the page declares in `where` ('header' or 'meta'), or None."""
    spec = doc.spec
    how = spec.header if where == "header" else spec.meta
    doc.tag(f"charset-{where}-{how}")
    if how == "missing":
        return None
    if how == "wrong":
        return "gbk" if spec.encoding == "utf-8" else "utf-8"
    return spec.declared or CHARSET_NAMES[spec.encoding]


def content_type(doc: Doc) -> str:
    charset = declared(doc, "header")
    return "text/html" if charset is None else f"text/html; charset={charset}"


def encode(doc: Doc, page: str) -> bytes:
    doc.tag(doc.spec.encoding)
    if doc.spec.encoding in ("gbk", "big5"):
        return page.encode(doc.spec.encoding, errors="xmlcharrefreplace")
    return page.encode(doc.spec.encoding)


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def ordered_tags(tags: set[str]) -> list[str]:
    return [t for t in VARIATIONS if t in tags]


def when(dt: datetime) -> str:
    return f"{dt:%Y-%m-%d %H:%M:%S}"
