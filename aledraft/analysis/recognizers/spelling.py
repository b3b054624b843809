"""spelling: words the Swedish word list (hunspell-sv) does not know, with a correction.

Names, places and organisations, capitalised words inside a sentence (proper nouns),
abbreviations in capitals, URLs, e-mail addresses, hashtags, @handles, numbers and emoji are
not checked, and neither is a post mostly in another language.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterator, Sequence

from spacy.lang.sv.stop_words import STOP_WORDS
from spacy.tokens import Token

from .. import hunspell
from ..report import Finding
from ..rules import make_finding, rule
from .base import Context
from . import names
from .names import lemma_table, starts_sentence

RULE_ID = "spelling"

#: Letters, optionally joined by hyphens (e-tjänst); no digits, no inner capitals.
CHECKED_WORD = re.compile(r"[^\W\d_][^\W\d_A-ZÅÄÖ]*(?:-[^\W\d_]+)*")
#: Edits tried per suggestion (a long word has a few thousand); each is a set lookup. They are
#: made and looked up in batches, the first of FIRST_EDITS.
MAX_EDITS = 5000
FIRST_EDITS = 100
#: Shortest misspelling whose correction may be a compound, and shortest part of a compound
#: (shorter parts make odd words, Meröppet -> Mär+öppet, and pass misspellings, väll+kommen).
MIN_COMPOUND = 10
MIN_PART = 5
#: Compound corrections hunspell checks per word (~1 ms each).
MAX_COMPOUND_CHECKS = 5
#: Edits (likeliest first) tried as compound corrections: each costs a dozen lookups, and on the
#: labelled sets every compound correction found was among the first 250.
MAX_COMPOUND_EDITS = 500
#: A post where more than this share of checked words is unknown is not in Swedish.
MAX_UNKNOWN_SHARE = 0.25
MIN_WORDS_FOR_LANGUAGE_TEST = 8
#: Longer tokens are not words (the longest Swedish compounds in use have ~35 letters) and are
#: not checked: hunspell's compound lookup and the edit search grow faster than linearly with
#: length, so one 300-letter "word" took seconds.
MAX_CHECKED_LENGTH = 40
#: Words hunspell (≈2 ms a new word) checks for the language test; beyond this, an evenly
#: spaced sample of the words the lists do not know stands for all of them.
MAX_LANGUAGE_SAMPLE = 100
#: Unknown words per post that get a suggested correction (a few ms each); the rest are still flagged.
MAX_SUGGESTIONS = 100


@functools.cache
def _known_forms() -> frozenset[str]:
    """Return lemmas and stop words: a set lookup is far cheaper than asking hunspell."""
    return frozenset(lemma_table().values()) | STOP_WORDS


def warm_up() -> None:
    """Load the word lists now, so the first analysis does not pay for them."""
    hunspell.warm_up()
    _known_forms()


@functools.lru_cache(maxsize=100_000)
def is_listed_form(form: str) -> bool:
    """Tell whether a word form is listed or a compound of two listed words (set lookups only)."""
    lower = form.lower()
    return len(lower) <= MAX_CHECKED_LENGTH and (_is_listed(lower) or _is_listed_compound(lower))


def _is_listed(lower: str) -> bool:
    return lower in _known_forms() or lower in lemma_table()


@functools.lru_cache(maxsize=20_000)
def suggest(form: str) -> str | None:
    """Return the likeliest correction of a misspelt form, or None.

    hunspell's own suggest() checks each edit with a full lookup and then scans the whole
    dictionary (up to seconds a word); here an edit counts only if the lemmatizer's table
    lists it, which takes a few milliseconds a word.
    """
    if len(form) > MAX_CHECKED_LENGTH:
        return None
    lower = form.lower()
    if form[:1].isupper() and form[1:].islower() and lower.islower():  # not ℂ: no lower case of its own
        corrected = suggest(lower)
        return corrected.capitalize() if corrected else None
    edits = itertools.islice(hunspell.edits(form), MAX_EDITS)
    candidates: list[str] = []
    # The likeliest edits first, in growing batches: half the corrections are among the first
    # forty, and a word with none still has all MAX_EDITS tried.
    batch_size = FIRST_EDITS
    while batch := list(itertools.islice(edits, batch_size)):
        listed = _known_forms().intersection(batch) | lemma_table().listed_among(batch)
        first = next((edit for edit in batch if edit in listed), None)
        if first:
            return first
        candidates += batch
        batch_size *= 4
    if len(form) < MIN_COMPOUND:
        return None
    # Long words are mostly compounds the table lacks: kulturskolann -> kultur+skolan. Two
    # listed halves can still make a non-word (kommunhysset), so hunspell has the last say on
    # the first few. The edits share most of their halves: each is looked up once.
    is_part = functools.cache(_is_listed)
    compounds = itertools.islice(
        (edit for edit in candidates[:MAX_COMPOUND_EDITS] if _is_listed_compound(edit, is_part)), MAX_COMPOUND_CHECKS
    )
    return next((edit for edit in compounds if hunspell.is_word(edit)), None)


def _is_listed_compound(word: str, is_listed: Callable[[str], bool] = _is_listed) -> bool:
    """Tell whether a word is two listed words, possibly with a linking s (samråds+handlingar)."""
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head, tail = word[:cut], word[cut:]
        if is_listed(tail) and (is_listed(head) or head.endswith("s") and is_listed(head[:-1])):
            return True
    return False


def _checked(tokens: Sequence[Token], i: int, skipped: frozenset[int]) -> bool:
    """Tell whether token i is a word to spell-check."""
    text = tokens[i].text
    if i in skipped or len(text) > MAX_CHECKED_LENGTH or not CHECKED_WORD.fullmatch(text):
        return False
    if i > 0 and tokens[i - 1].text in ("#", "@") and not tokens[i - 1].whitespace_:
        return False  # hashtag or handle split by the tokenizer
    # A capital inside a sentence marks a proper noun the word list cannot know.
    return not (text[0].isupper() and not starts_sentence(tokens, i))


class SpellingRecognizer:
    """Flag unknown words, with a suggested correction where one is found."""

    rule_ids = (RULE_ID,)

    def __init__(self) -> None:
        rule(RULE_ID)  # fail at import on an unknown id

    def find(self, ctx: Context) -> Iterator[Finding]:
        """Yield one finding per unknown word."""
        skipped = names.analyse(ctx.doc).proper_nouns
        tokens = ctx.tokens
        checked = [token for token in tokens if _checked(tokens, token.i, skipped)]
        suspects = [token for token in checked if not is_listed_form(token.text)]
        limit = MAX_UNKNOWN_SHARE * len(checked)
        if len(checked) >= MIN_WORDS_FOR_LANGUAGE_TEST and len(suspects) > limit:
            # Junk or another language: judge on a bounded sample, so 100,000 letters of
            # noise do not cost thousands of hunspell lookups.
            step = -(-len(suspects) // MAX_LANGUAGE_SAMPLE)
            sample = suspects[::step]
            unknown_share = sum(not hunspell.is_word(token.text) for token in sample) / len(sample)
            if unknown_share * len(suspects) > limit:
                return
        unknown = [token for token in suspects if not hunspell.is_word(token.text)]
        for n, token in enumerate(unknown):
            suggestion = suggest(token.text) if n < MAX_SUGGESTIONS else None
            yield make_finding(RULE_ID, ctx.text, token.idx, token.idx + len(token), suggestion=suggestion)


RECOGNIZERS = [SpellingRecognizer()]
