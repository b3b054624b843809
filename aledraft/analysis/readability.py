"""LIX readability: words and long words counted by textstat, sentences as Swedish LIX counts them."""

from __future__ import annotations

import re

import textstat

from .report import Readability

#: LIX ends a sentence at . ! ? : and at line breaks (a list item or a heading is a sentence);
#: textstat alone ignores line breaks and drops sentences of two words or fewer.
_SENTENCE_END = re.compile(r"[.!?:]+|\n+")

EASY_BELOW = 30.0
HARD_ABOVE = 45.0


def level(lix: float) -> str:
    """Swedish level name: lätt < 30 ≤ medel ≤ 45 < svår."""
    if lix < EASY_BELOW:
        return "lätt"
    if lix > HARD_ABOVE:
        return "svår"
    return "medel"


def readability(text: str) -> Readability:
    words = sentences = long_words = 0
    for sentence in _SENTENCE_END.split(text):
        count = textstat.lexicon_count(sentence)
        if count:
            words += count
            sentences += 1
            long_words += textstat.long_word_count(sentence)
    lix = round(words / sentences + 100 * long_words / words, 1) if words else 0.0
    return Readability(lix=lix, level=level(lix), words=words, sentences=sentences, long_words=long_words)
