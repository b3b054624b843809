"""tone.*: shouting in capitals, piled-up !!! and ?!, blaming or sarcastic words, private opinions.

Policy: "lättsam, omtänksam, positiv, hjälpsam och personlig (men ej privat) tonalitet".
Acronyms in data/acronyms.txt (LSS, OSL, ADHD) and words before a number (a plate, "KS 2024")
are not shouting.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from spacy.tokens import Token

from ..report import Finding
from ..rules import make_finding, rule
from .base import Context, LexiconRecognizer, PatternRecognizer, load_lines

SHOUTING = "tone.shouting"
#: A single word in capitals this long is shouting ("INTE"); shorter ones are likely acronyms.
MIN_SHOUTED_WORD = 4


@functools.cache
def acronyms() -> frozenset[str]:
    return frozenset(load_lines("acronyms.txt"))


def _is_capitals(token: Token) -> bool:
    """Tell whether a token is a word in capitals that is not a known acronym."""
    text = token.text
    if not (len(text) >= 2 and text.isupper() and text.isalpha()) or text in acronyms():
        return False
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return not (following is not None and following.like_num)


class ShoutingRecognizer:
    """Runs of two or more words in capitals, or one long word in capitals."""

    rule_ids = (SHOUTING,)

    def __init__(self) -> None:
        rule(SHOUTING)

    def find(self, ctx: Context) -> Iterator[Finding]:
        run: list[Token] = []
        for token in [*ctx.tokens, None]:
            if token is not None and _is_capitals(token):
                run.append(token)
            elif token is not None and run and (token.is_punct or token.is_space) and "\n" not in token.text:
                continue  # "TILL ER, ALLA" is one run; punctuation does not end it
            else:
                if len(run) >= 2 or (run and len(run[0]) >= MIN_SHOUTED_WORD):
                    yield make_finding(SHOUTING, ctx.text, run[0].idx, run[-1].idx + len(run[-1].text))
                run = []


RECOGNIZERS = [
    ShoutingRecognizer(),
    PatternRecognizer(("tone.exclamations",), r"!(?:\s?!)+|[!?]*(?:\?!|!\?)[!?]*"),
    LexiconRecognizer("tone.blame", "tone.txt"),
    LexiconRecognizer("tone.private_opinion", "private_opinion.txt"),
]
