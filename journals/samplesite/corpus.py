"""Content of the sample site: journals, issues and articles of local people's congresses.

Everything is synthetic, written for this project. The prose lives in
`texts/*.txt` (sentences, headings, title templates, names and places; see
`texts/README.md`); the corpus is composed from it with one seeded
`random.Random`, so `build_corpus()` returns the same data in every process.

Five journals, three consecutive years each. An article is one of:

* a report on one topic (立法, 备案审查, 监督, 预算, 代表工作, 基层民主, 选举,
  理论), with section headings once it is longer than about 1,700 characters;
* a long survey (8,000–15,000 characters) whose sections each take a topic;
* an interview (`记者：…` / `王建华：…`);
* a question of the Q&A column, a news brief: short texts written out whole.

The seed article (上海人大月刊 2018年9期, id 5108306) is not here: the mirror
host serves it. Its issue is, with two other articles posted seconds around it.

This module is where the corpus is had from. Its parts: `samples` (the
records), `textbank` (reading `texts/`), `issueplan` (the journals, their
issues, posting times and ids), `prose` (an article's text), `builder` (each
article's kind, topic, title, authors and keywords).
"""

from __future__ import annotations

import functools
import random

from journals.samplesite.builder import Builder
from journals.samplesite.issueplan import JOURNALS, issue_month
from journals.samplesite.prose import NUMERALS
from journals.samplesite.samples import Block, SampleArticle, SampleIssue, SampleJournal
from journals.samplesite.textbank import TEXTS, Bank

__all__ = [
    "JOURNALS",
    "NUMERALS",
    "Block",
    "SampleArticle",
    "SampleIssue",
    "SampleJournal",
    "all_articles",
    "build_corpus",
    "issue_month",
]

SEED = 3612018


@functools.cache
def build_corpus() -> tuple[SampleJournal, ...]:
    """The journals of the sample site, always the same."""
    return Builder(Bank(TEXTS), random.Random(SEED)).build()


def all_articles() -> list[tuple[SampleJournal, SampleIssue, SampleArticle]]:
    """Every article with its journal and issue, journals in order, issues newest first."""
    return [(j, i, a) for j in build_corpus() for i in j.issues for a in i.articles]
