"""Pages a site sends instead of the one asked for: captchas, JavaScript
challenges, empty pages. Such a page is never an article."""

from __future__ import annotations

import re

_CAPTCHA = re.compile(
    r"请输入验证码|請輸入驗證碼|输入验证码|安全验证|人机验证|滑动验证|拖动滑块|访问过于频繁|访问频率过高"
    r"|异常访问|您的访问出现异常|captcha|are you a robot|unusual traffic",
    re.I,
)
_CHALLENGE = re.compile(
    r"正在验证您的浏览器|checking your browser|please enable javascript|请开启JavaScript"
    r"|__jsl_clearance|cf-browser-verification|challenge-platform|jschl",
    re.I,
)
_SCRIPT_REDIRECT = re.compile(
    r"document\.cookie\s*=.*?(?:location\.(?:reload|href|replace)|window\.location)", re.S | re.I
)
_TAGS = re.compile(r"<script\b.*?</script>|<style\b.*?</style>|<[^>]+>", re.S | re.I)


def visible_text(html: str) -> str:
    """The page's text without markup, scripts or styles.

    >>> visible_text("<p>正文<script>x=1</script></p>")
    '正文'
    """
    return re.sub(r"\s+", " ", _TAGS.sub(" ", html)).strip()


def antibot_kind(html: str) -> str | None:
    """`captcha`, `challenge` or `empty` for a page that stands in for the one
    asked for; None for a real page.

    >>> antibot_kind("<html><body><p>请输入验证码后继续访问</p><img src=/c.png></body></html>")
    'captcha'
    >>> antibot_kind("<script>document.cookie='k=1';location.reload()</script>")
    'challenge'
    >>> antibot_kind("<html><body>  </body></html>")
    'empty'
    >>> page = "<h1>人大代表如何开展验证工作</h1><p>" + "代表们认真履职。" * 40 + "</p>"
    >>> antibot_kind(page) is None
    True
    """
    text = visible_text(html)
    if not text:
        return "empty" if not _SCRIPT_REDIRECT.search(html) else "challenge"
    # A real article page is long; these stand-ins are short.
    if len(text) < 600:
        if _CAPTCHA.search(text):
            return "captcha"
        if _CHALLENGE.search(html) or _SCRIPT_REDIRECT.search(html):
            return "challenge"
    return None
