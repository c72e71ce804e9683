"""The keyword vocabulary: every keyword stored as a separate tag, with the
number of articles that carry it, and what it settles.

A page that gives its keywords as separate elements (the aggregator's own
links, a `；`-separated line) teaches the vocabulary; a copy that ran them
together (`人代会人民代表大会代表`) is split with it
(pipelines/cleaning/keywords.py), flagged `keywords_split`, its line kept in
`articles.keywords_line` so that `journals rekey` can split it again when
the vocabulary has grown. A split never teaches the vocabulary.

The segmenter for what neither tags nor text explain is jieba, with the
vocabulary as its dictionary, loaded only when first needed.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pipelines.cleaning.keywords import clean_tag, run_together, split_keywords
from pipelines.db import models

# The flag of keywords that came from splitting a run-together line, and of
# a split no tag or text supports.
KEYWORDS_SPLIT = "keywords_split"
KEYWORDS_UNCERTAIN = "keywords_uncertain"
SPLIT_FLAGS = frozenset({KEYWORDS_SPLIT, KEYWORDS_UNCERTAIN})


class Vocabulary:
    """Keyword → number of articles carrying it as a separate tag."""

    def __init__(self, counts: dict[str, int] | None = None) -> None:
        self.counts: Counter[str] = Counter(counts or {})
        self._segmenter: Any = None

    @classmethod
    def load(cls, session: Session) -> Vocabulary:
        """The vocabulary of the stored articles whose keywords were not split."""
        rows = session.execute(
            select(models.Keyword.word, func.count())
            .join(models.ArticleKeyword, models.ArticleKeyword.keyword_id == models.Keyword.id)
            .join(models.Article, models.Article.id == models.ArticleKeyword.article_id)
            .where(models.Article.keywords_line.is_(None))
            .group_by(models.Keyword.word)
        )
        return cls({word: count for word, count in rows})

    def learn(self, words: Iterable[str]) -> None:
        fresh = [word for word in dict.fromkeys(words) if word]
        self.counts.update(fresh)
        if self._segmenter is not None:
            for word in fresh:
                self._segmenter.add_word(word, freq=max(self.counts[word], 2) * 100)

    def segment(self, text: str) -> Sequence[str]:
        """jieba's cut of a piece, with every known tag in its dictionary."""
        if self._segmenter is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            self._segmenter = jieba.Tokenizer()
            for word, count in self.counts.items():
                self._segmenter.add_word(word, freq=max(count, 2) * 100)
        return self._segmenter.lcut(text, HMM=False)

    def split(self, line: str, context: str) -> tuple[list[str], bool]:
        """The tags of a run-together line, and whether the split is a guess."""
        found = split_keywords(line, self.counts, context, self.segment)
        return found.words, found.uncertain


def settle_keywords(item: dict[str, Any], vocabulary: Vocabulary) -> dict[str, Any]:
    """The item with its keyword tags cleaned of leaked markup and, where
    they are one run-together line, split on the vocabulary and the
    article's text (flag `keywords_split`, the line in `keywords_line`);
    separate tags teach the vocabulary.

    >>> vocabulary = Vocabulary({"人民代表大会": 3, "代表": 5})
    >>> item = settle_keywords({"title": "", "body": "", "flags": [],
    ...                         "keywords": ["人代会人民代表大会代表"]}, vocabulary)
    >>> item["keywords"], item["keywords_line"], item["flags"]
    (['人代会', '人民代表大会', '代表'], '人代会人民代表大会代表', ['keywords_split'])
    >>> item = settle_keywords({"keywords": ["???/a>人代会", "代表"], "flags": []}, vocabulary)
    >>> item["keywords"], item["keywords_line"], vocabulary.counts["人代会"]
    (['人代会', '代表'], None, 1)
    """
    words = [word for word in map(clean_tag, item.get("keywords") or []) if word]
    flags = [flag for flag in item.get("flags") or [] if flag not in SPLIT_FLAGS]
    line = None
    if run_together(words):
        line = words[0]
        context = (item.get("title") or "") + "\n" + (item.get("body") or "")
        words, uncertain = vocabulary.split(line, context)
        flags += [KEYWORDS_SPLIT] + ([KEYWORDS_UNCERTAIN] if uncertain else [])
    else:
        vocabulary.learn(words)
    return {**item, "keywords": words, "keywords_line": line, "flags": flags}
