"""Traditional → Simplified script.

`is_traditional` decides whether a text is written in Traditional script:
the share of its CJK characters that OpenCC `t2s` changes. Running Traditional
text changes about a quarter to a third of its characters; Simplified text
changes none, or one or two borrowed characters. The rule, on the CJK
characters of the text:

* at least 20 of them: Traditional when at least 5 % change and at least 2 do;
* fewer (titles, headings, names): Traditional when at least 10 % change.

`to_simplified` is OpenCC `t2s` followed by the 著/着 fix: `t2s` keeps `著`
everywhere, but mainland Simplified writes the aspect particle and the
`zhuó`/`zháo` readings as `着` (随着, 意味着, 接着, 沉着, 睡着, 着手),
keeping `著` only for "write, notable" (著作, 著名, 显著, 名著, 土著 …).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import opencc

from pipelines.cleaning.chars import is_cjk

MIN_SHARE = 0.05
MIN_SHARE_SHORT = 0.10
SHORT_TEXT = 20

# `X著` pairs where 著 is the particle even if a 著-word follows (随著名气 …).
_ZHE_AFTER = frozenset(
    "随味接沉看顺跟为本朝向靠穿睡有带对照凭绕在挥担负执含怀藏拿抱站坐躺走跑想等说写读"
    "听笑哭望盯守保留活忙急闹试干做唱跳载盛装背扛举挂贴围隔沿冲乘趁开关亮红响拉推领陪"
    "连比指记摸憋攥捧抓扶瞒瞧瞅追赶逼拖缺伴护养爱恨怕惦挨撑顶排堆摆放刻印画绣戴系披插"
    "别锁停住埋叫喊"
)
# Words in which Simplified keeps 著 ("write; notable").
_ZHU_BEFORE = frozenset("显卓名原编论专土巨昭遗译合新拙所撰佳近")
_ZHU_AFTER = frozenset("作名称述者录书有文译")
# Three-character contexts that settle a clash of the two lists above.
_ZHU_TRIGRAMS = frozenset({"著作权", "有著名"})


@cache
def _converter() -> Callable[[str], str]:
    # OpenCC reads its dictionaries once; the converter is stateless after that.
    return opencc.OpenCC("t2s").convert


def t2s(text: str) -> str:
    """Plain OpenCC `t2s`, without the 著 fix.

    >>> t2s("陳殊書隨著")
    '陈殊书随著'
    """
    return _converter()(text)


def changed_share(text: str) -> tuple[int, int]:
    """(CJK characters that `t2s` changes, CJK characters) of a text.

    >>> changed_share("青浦:做好聯系人民群眾三篇文章")
    (2, 14)
    """
    simplified = t2s(text)
    if len(simplified) != len(text):  # a phrase changed length: compare one by one
        simplified = "".join(t2s(c) for c in text)
    cjk = [(a, b) for a, b in zip(text, simplified, strict=True) if is_cjk(a)]
    return sum(a != b for a, b in cjk), len(cjk)


def is_traditional(text: str) -> bool:
    """True where the text is written in Traditional script overall.

    >>> is_traditional("青浦:做好聯系人民群眾三篇文章")
    True
    >>> is_traditional("傾聽民聲")
    True
    >>> is_traditional("保障民生")
    False
    >>> s = "区人大常委会高度重视联系人民群众工作，坚持走群众路线，认真做好三篇文章。" * 3
    >>> is_traditional(s + "這")  # one borrowed character in 100 does not make it Traditional
    False
    """
    changed, total = changed_share(text)
    if total >= SHORT_TEXT:
        return changed >= 2 and changed >= MIN_SHARE * total
    return changed >= 1 and changed >= MIN_SHARE_SHORT * total


def _fix_zhe(text: str) -> str:
    """Turn `著` into `着` except in the words that keep `著`."""
    out = list(text)
    for i, ch in enumerate(text):
        if ch != "著":
            continue
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if text[max(i - 1, 0) : i + 2] in _ZHU_TRIGRAMS or text[i : i + 3] in _ZHU_TRIGRAMS:
            continue
        if before not in _ZHE_AFTER and (before in _ZHU_BEFORE or after in _ZHU_AFTER):
            continue
        out[i] = "着"
    return "".join(out)


def to_simplified(text: str) -> str:
    """Traditional → Simplified as mainland readers write it.

    >>> to_simplified("隨著經濟發展，這意味著接著要沉著應對，看著、順著、跟著他。")
    '随着经济发展，这意味着接着要沉着应对，看着、顺着、跟着他。'
    >>> to_simplified("本著、朝著、向著、靠著、穿著、睡著、為著，著手著陸")
    '本着、朝着、向着、靠着、穿着、睡着、为着，着手着陆'
    >>> to_simplified("著作、著名、顯著、卓著、著稱、名著、原著、編著、論著、專著")
    '著作、著名、显著、卓著、著称、名著、原著、编著、论著、专著'
    >>> to_simplified("土著、著述、巨著")
    '土著、著述、巨著'
    >>> to_simplified("隨著名氣增大，他看著名單，享有著作權")
    '随着名气增大，他看着名单，享有著作权'
    >>> to_simplified("有著名的景點，有著重要意義")
    '有著名的景点，有着重要意义'
    """
    return _fix_zhe(t2s(text))
