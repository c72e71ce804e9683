"""Pure text-cleaning functions for the articles of copy sites.

The pipeline applies them in this order:

1. spam (`drop_spam_lines`, `strip_spam`): injected lines go first, so no
   later step sees them;
2. pinyin (`strip_pinyin`): the bracketed readings after characters;
3. garble detection (`find_garbled`, `is_garbled`): before any conversion,
   because its test re-encodes the very characters the copy site produced;
4. Traditional → Simplified (`to_simplified`), only where `is_traditional`;
5. normalisation (`normalize_title`, `normalize_text`, `split_lines`);
6. the body's structure (`drop_related_block`, `drop_author_line`): lines
   that repeat the page around the article.

Every function takes a string (or lines) and returns a new value; nothing
reads settings or keeps state beyond OpenCC's dictionaries, loaded once.
"""

from __future__ import annotations

from pipelines.cleaning.body import drop_author_line, drop_related_block
from pipelines.cleaning.garble import find_garbled, is_garbled
from pipelines.cleaning.pinyin import is_pinyin_syllable, strip_pinyin
from pipelines.cleaning.script import is_traditional, normalize_script, to_simplified
from pipelines.cleaning.spam import drop_spam_lines, is_spam_line, strip_spam
from pipelines.cleaning.text import normalize_text, normalize_title, split_lines

__all__ = [
    "drop_author_line",
    "drop_related_block",
    "drop_spam_lines",
    "find_garbled",
    "is_garbled",
    "is_pinyin_syllable",
    "is_spam_line",
    "is_traditional",
    "normalize_script",
    "normalize_text",
    "normalize_title",
    "split_lines",
    "strip_pinyin",
    "strip_spam",
    "to_simplified",
]
