"""Traditional → Simplified: 着 vs 著, OpenCC's round trip on the sample corpus,
and `normalize_script` on Simplified text with and without stray Traditional
characters."""

from __future__ import annotations

import functools

import opencc
import pytest

from journals.samplesite.corpus import all_articles
from pipelines.cleaning.script import is_traditional, normalize_script, t2s, to_simplified

PER = 10_000


@functools.cache
def corpus_texts() -> tuple[tuple[int, str], ...]:
    """(article id, text) for every title and body block of the sample corpus."""
    texts: list[tuple[int, str]] = []
    for _journal, _issue, article in all_articles():
        texts.append((article.id, article.title))
        texts += [(article.id, block.text) for block in article.blocks]
    return tuple(texts)


@functools.cache
def converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


@functools.cache
def converted(config: str) -> tuple[str, ...]:
    """The corpus texts through OpenCC `config`, in the order of `corpus_texts`."""
    return tuple(converter(config).convert(text) for _, text in corpus_texts())


def differing_per_10k(config: str, back, parity: int | None = None) -> float:
    """Characters of `back(config(text))` that differ from the text, per 10,000."""
    chars = differing = 0
    for (article_id, text), traditional in zip(corpus_texts(), converted(config), strict=True):
        if parity is not None and article_id % 2 != parity:
            continue
        got = back(traditional)
        assert len(traditional) == len(text) == len(got), text  # 1:1, so compare by position
        chars += len(text)
        differing += sum(a != b for a, b in zip(text, got, strict=True))
    return PER * differing / chars


# --- 着 and 著, word by word ----------------------------------------------------------------

# Traditional as Taiwan writes it (著 for the particle) → mainland Simplified.
ZHE = [
    ("隨著經濟社會發展", "随着经济社会发展"),
    ("這意味著改革進入深水區", "这意味着改革进入深水区"),
    ("接著又召開了座談會", "接着又召开了座谈会"),
    ("他沉著應對", "他沉着应对"),
    ("看著孩子們長大", "看着孩子们长大"),
    ("圍繞著中心工作", "围绕着中心工作"),
    ("兩者有著密切聯繫", "两者有着密切联系"),
    ("人大發揮著重要作用", "人大发挥着重要作用"),
    ("代表肩負著人民的重託", "代表肩负着人民的重托"),
    ("這片土地承載著歷史記憶", "这片土地承载着历史记忆"),
    ("改革推動著社會進步", "改革推动着社会进步"),
    ("在立法中起著作用", "在立法中起着作用"),
    ("發揮著作用", "发挥着作用"),
    ("他們正討論著草案", "他们正讨论着草案"),
    ("大家議論著這件事", "大家议论着这件事"),
    ("彰顯著制度優勢", "彰显着制度优势"),
    ("凸顯著問題的緊迫性", "凸显着问题的紧迫性"),
    ("堅持理論和實踐結合著推進", "坚持理论和实践结合着推进"),
    ("各部門密切配合著開展工作", "各部门密切配合着开展工作"),
    ("數據不斷刷新著紀錄", "数据不断刷新着纪录"),
    ("他靠近著窗戶", "他靠近着窗户"),
    ("她翻譯著文件", "她翻译着文件"),
    ("傳承著文化", "传承着文化"),
    ("孕育著文明", "孕育着文明"),
    ("瀰漫著書香", "弥漫着书香"),
    ("他翻著書", "他翻着书"),
    ("牆上寫著名字", "墙上写着名字"),
    ("大屏幕上顯示著名單", "大屏幕上显示着名单"),
    ("為著名利奔波", "为着名利奔波"),
    ("隨著名氣增大", "随着名气增大"),
    ("他著手調研", "他着手调研"),
    ("著力解決問題", "着力解决问题"),
    ("著眼長遠", "着眼长远"),
    ("著重強調", "着重强调"),
    ("為人民著想", "为人民着想"),
    ("事情有著落", "事情有着落"),
    ("衣著樸素", "衣着朴素"),
    ("執著追求", "执着追求"),
    ("存在著名不副實的問題", "存在着名不副实的问题"),
    ("一年接著一年幹", "一年接着一年干"),
    ("始終沿著正確方向前進", "始终沿着正确方向前进"),
    ("標誌著人大工作進入新階段", "标志着人大工作进入新阶段"),
    ("面臨著新的挑戰", "面临着新的挑战"),
    ("關係著群眾切身利益", "关系着群众切身利益"),
    ("揹著書包", "背着书包"),
    ("藉著這次機會", "借着这次机会"),
    ("憑藉著優勢", "凭借着优势"),
    ("本著實事求是的原則", "本着实事求是的原则"),
]

# Words that keep 著 ("write; notable"), whatever their neighbours.
ZHU = [
    ("著作", "著作"),
    ("著名學者", "著名学者"),
    ("顯著成效", "显著成效"),
    ("功勳卓著", "功勋卓著"),
    ("以嚴謹著稱", "以严谨著称"),
    ("以開放著稱", "以开放著称"),
    ("文學名著", "文学名著"),
    ("改編自原著", "改编自原著"),
    ("主編編著", "主编编著"),
    ("學術論著", "学术论著"),
    ("出版專著", "出版专著"),
    ("當地土著", "当地土著"),
    ("著述頗豐", "著述颇丰"),
    ("鴻篇鉅著", "鸿篇巨著"),
    ("享有著作權", "享有著作权"),
    ("臭名昭著", "臭名昭著"),
    ("見微知著", "见微知著"),
    ("積微成著", "积微成著"),
    ("著書立說", "著书立说"),
    ("二人合著", "二人合著"),
    ("整理遺著", "整理遗著"),
    ("著錄規則", "著录规则"),
    ("他著有多部作品", "他著有多部作品"),
    ("成為著名景區", "成为著名景区"),
    ("北京上海等著名城市", "北京上海等著名城市"),
    ("在著名的延安", "在著名的延安"),
    ("向著名專家請教", "向著名专家请教"),
    ("對著名作家的採訪", "对著名作家的采访"),
    ("有著名的景點", "有著名的景点"),
    ("發揮了顯著作用", "发挥了显著作用"),
    ("名著作品", "名著作品"),
    ("一起著作權糾紛", "一起著作权纠纷"),
    ("著名氣象學家", "著名气象学家"),
    ("著名字畫", "著名字画"),
]


@pytest.mark.parametrize(("traditional", "simplified"), ZHE)
def test_particle_zhe_becomes_zhe(traditional: str, simplified: str) -> None:
    assert "著" in traditional
    assert to_simplified(traditional) == simplified


@pytest.mark.parametrize(("traditional", "simplified"), ZHU)
def test_zhu_words_keep_zhu(traditional: str, simplified: str) -> None:
    assert to_simplified(traditional) == simplified


@pytest.mark.parametrize(("_traditional", "simplified"), ZHE + ZHU)
def test_simplified_words_are_left_alone(_traditional: str, simplified: str) -> None:
    assert normalize_script(simplified) == simplified


@pytest.mark.parametrize(("_traditional", "simplified"), ZHE + ZHU)
def test_opencc_s2tw_round_trip_of_the_words(_traditional: str, simplified: str) -> None:
    assert to_simplified(converter("s2tw").convert(simplified)) == simplified


def test_plain_t2s_keeps_zhu_where_to_simplified_writes_zhe() -> None:
    # The reason for the fix: OpenCC alone leaves the particle as 著.
    assert t2s("隨著經濟發展") == "随著经济发展"
    assert to_simplified("隨著經濟發展") == "随着经济发展"


# --- words and variants OpenCC's t2s does not bring back ----------------------------------


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("揹負著使命", "背负着使命"),
        ("車伕", "车夫"),
        ("親暱", "亲昵"),
        ("兼收幷蓄", "兼收并蓄"),
        ("擡槓", "抬杠"),
        ("國務院批覆同意", "国务院批复同意"),
        ("覆函", "复函"),
        ("直角座標系", "直角坐标系"),
        ("薰陶", "熏陶"),
        ("利慾薰心", "利欲熏心"),
        ("屋簷", "屋檐"),
        ("麻痺大意", "麻痹大意"),
        ("藉著改革東風", "借着改革东风"),
        # the other reading, kept
        ("一批覆蓋全省的項目", "一批覆盖全省的项目"),
        ("一座標誌性建築", "一座标志性建筑"),
        ("慰藉著受傷的心靈", "慰藉着受伤的心灵"),
        ("顛覆", "颠覆"),
    ],
)
def test_words_t2s_misses(traditional: str, simplified: str) -> None:
    assert to_simplified(traditional) == simplified


# --- the round trip on the sample corpus ----------------------------------------------------


@pytest.mark.parametrize("config", ["s2t", "s2tw", "s2hk"])
def test_round_trip_of_the_corpus_is_below_one_per_10k(config: str) -> None:
    assert differing_per_10k(config, to_simplified) < 1


@pytest.mark.parametrize("parity", [0, 1])
def test_round_trip_holds_on_each_half_of_the_corpus(parity: int) -> None:
    assert differing_per_10k("s2tw", to_simplified, parity) < 1


def test_plain_opencc_fails_the_s2tw_round_trip() -> None:
    # The corpus does use the particle: OpenCC alone leaves about 10 per 10,000 wrong.
    assert differing_per_10k("s2tw", t2s) > 5


# --- Simplified text through normalize_script ---------------------------------------------


def test_normalize_script_changes_no_simplified_corpus_text() -> None:
    changed = [text for _, text in corpus_texts() if normalize_script(text) != text]
    assert changed == []


def test_plain_t2s_changes_no_simplified_corpus_text() -> None:
    changed = [text for _, text in corpus_texts() if t2s(text) != text]
    assert changed == []


@pytest.mark.parametrize(
    ("mixed", "simplified"),
    [
        ("人大常委會召开会议", "人大常委会召开会议"),
        (
            "区人大常委会听取审议了关於预算执行情况的报告",
            "区人大常委会听取审议了关于预算执行情况的报告",
        ),
        ("代表们围绕民生實事项目提出建議", "代表们围绕民生实事项目提出建议"),
    ],
)
def test_stray_traditional_characters_are_mended(mixed: str, simplified: str) -> None:
    assert normalize_script(mixed) == simplified


def test_stray_traditional_characters_are_mended_on_the_corpus() -> None:
    s2t = converter("s2t").convert
    texts = [text for _, text in corpus_texts() if len(text) >= 200][:200]
    assert len(texts) == 200
    strays = 0
    for text in texts:
        traditional = s2t(text)
        # every 60th character that has a Traditional form turns Traditional
        spots = [i for i, (a, b) in enumerate(zip(text, traditional, strict=True)) if a != b]
        spots = spots[::60]
        mixed = list(text)
        for i in spots:
            mixed[i] = traditional[i]
        mixed_text = "".join(mixed)
        strays += len(spots)
        assert mixed_text != text
        assert is_traditional(mixed_text) is False  # not Traditional overall: no flag
        assert normalize_script(mixed_text) == text
    assert strays >= 200


def test_stray_zhu_particle_in_simplified_text() -> None:
    assert normalize_script("随著经济发展，代表们肩负著重托") == "随着经济发展，代表们肩负着重托"
    assert normalize_script("他是著名学者，著有专著三部") == "他是著名学者，著有专著三部"
