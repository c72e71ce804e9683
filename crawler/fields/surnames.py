"""Chinese surnames, for telling a person's name from a two-to-four-character
heading, column or user name (`倾听民声`, `法苑漫步`) where nothing else tells.

The common single-character surnames (those of the great majority of people)
and the compound ones still in use."""

from __future__ import annotations

SINGLE = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛"
    "郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦"
    "俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房"
    "滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应"
    "臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁"
    "胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰"
    "支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况那宿鲜印"
    "逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
    "陳楊黃趙吳劉鄭謝馮鄧蕭葉蘇呂盧薑鍾譚陸範賈韋鄒閻龍陶賀顧龔錢嚴顏莊聶魯嶽殷詹歐關蘭"
    "紀畢單喬龐聞鮑華饒蔣衛寧淩駱藍靳廖賴孫馬許韓張"
    # the other Traditional forms of the surnames above, as a Traditional copy writes
    # them (`杜一鳴羅　平`); 干 余 郁 栗 stay as they are
    "萬叢豐烏樂雲儲黨農況勞區厲國婁宮賓堯鞏帥師應強戰時晉樸權來欒樓湯塗溫遊滿蓋盤竇簡練繆羅"
    "蘆荊榮藺計諸談諶費車邊連遲鄺鄔銀門閆閉閔闕闞陽陰項鮮麥齊"
)
COMPOUND = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 令狐 夏侯 慕容 尉迟 长孙 宇文 司徒 端木 公孙 轩辕 南宫 独孤 "
    "澹台 呼延 百里 东郭 西门 歐陽 司馬 諸葛 東方 長孫 尉遲 西門 東郭 公孫 南宮 澹臺 "
    "軒轅 獨孤".split()
)


def has_surname(name: str) -> bool:
    """Whether a name begins with a Chinese surname.

    >>> [has_surname(n) for n in ("陈殊书", "令狐怡涛", "皇甫林", "韓靜", "羅平", "歐陽文華")]
    [True, True, True, True, True, True]
    >>> [has_surname(n) for n in ("倾听民声", "法苑漫步", "闲云野鹤")]
    [False, False, False]
    """
    return name[:2] in COMPOUND or name[:1] in SINGLE
