"""The shortcuts that keep the checker fast must never change what it finds.

A regex that stands for a few texts becomes a list of them; the pattern screen searches another only
in words that can start or end the way it demands or that hold a text every match contains, and
hunspell looks its suffixes up by flag; all are checked here against the plain way of doing
the same thing.
"""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spylls.hunspell.algo.lookup import Lookup

from aledraft.analysis import hunspell
from aledraft.analysis.recognizers.base import (
    DIGIT,
    TokenPatternRecognizer,
    edge_chars,
    ending_texts,
    finite_texts,
    required_texts,
)
from aledraft.analysis.registry import RECOGNIZERS

PATTERN_RECOGNIZERS = [r for r in RECOGNIZERS if isinstance(r, TokenPatternRecognizer)]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"^(kod|pin)", ("first", {"k", "p"})),
        (r"^((port|dörr)?kod(en)?|pinkod)$", ("first", {"p", "d", "k"})),
        (r"(sk|ska)$", ("last", {"k", "a"})),
        (r"(avgift|faktura)(en|n)?$", ("last", {"t", "a", "n"})),
        (r"^\d{1,2}$", ("first", {DIGIT})),
        (r"^(?!felanmäl).*(ansökan)", None),  # .* may start with anything
        (r"^\w*larm$", ("last", {"m"})),
        (r"^(a|)", None),  # matches the empty string
        (r"(?i)^abc", None),  # case-folding
        (r"anbud", None),  # not anchored
    ],
)
def test_a_regex_says_which_characters_a_matching_word_must_start_or_end_with(pattern, expected):
    edge = edge_chars(pattern)
    assert (edge and (edge[0], set(edge[1]))) == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"^anbud(et|en)?$", {"anbud", "anbudet", "anbuden"}),
        (r"^(kl\.?|\d{1,2})$", None),  # \d is a class
        (r"^[ab]x{1,2}$", {"ax", "axx", "bx", "bxx"}),
        (r"^anbud", None),  # open at the end
        (r"^\w*larm$", None),
    ],
)
def test_a_regex_anchored_at_both_ends_stands_for_its_few_texts(pattern, expected):
    texts = finite_texts(pattern)
    assert (set(texts) if texts is not None else None) == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"^(?!.*(team|enhet)).*(diagnos|cancer)", {"diagnos", "cancer"}),
        (r"(sk|ska)$|^etnisk", {"sk", "ska", "etnisk"}),
        (r"^\w*larm$", {"larm"}),
        (r"^a?b", None),  # no text of two letters or more must occur
    ],
)
def test_a_regex_says_which_texts_every_match_contains(pattern, expected):
    texts = required_texts(pattern)
    assert (set(texts) if texts is not None else None) == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(avgift|faktura)(en)?$", {"avgift", "avgiften", "faktura", "fakturaen"}),
        (r"\w*(kö|kön)$", {"kö", "kön"}),
        (r"(a|b)?$", None),  # may end with nothing
        (r"^anbud", None),  # not anchored at the end
    ],
)
def test_a_regex_anchored_at_the_end_says_how_matching_texts_end(pattern, expected):
    texts = ending_texts(pattern)
    assert (set(texts) if texts is not None else None) == expected


def _plain_triggers(index, text):
    """What the screen must answer: every test of the file, tried on the text."""
    found = set()
    for lower, folded in ((True, text.lower()), (False, text)):
        found.update(index.exact[lower].get(folded, ()))
        for regex, places in index.regexes[lower].values():
            if regex.search(folded):
                found.update(places)
    return found


def _pattern_words(draw_from):
    """Words that some regex of the pattern files matches, and slight changes of them."""
    regexes = sorted({regex.pattern for r in PATTERN_RECOGNIZERS
                      for tests in r.triggers.__wrapped__.regexes.values() for regex, _ in tests.values()})
    matching = st.sampled_from(regexes).flatmap(lambda pattern: st.from_regex(pattern))
    return st.one_of(matching, matching.map(str.upper), matching.map(lambda w: w[1:] + w[:1]),
                     matching.map(lambda w: w + "\n"), draw_from)


@settings(max_examples=400, deadline=None)
@given(text=_pattern_words(st.text(max_size=12)))
def test_the_screen_finds_every_pattern_token_a_word_can_fill(text):
    for recognizer in PATTERN_RECOGNIZERS:
        index = recognizer.triggers.__wrapped__
        assert set(index(text)) == _plain_triggers(index, text)


def _regexes_made_sets():
    return sorted({(regex, tuple(texts)) for r in PATTERN_RECOGNIZERS for regex, texts in r.regexes_as_sets.items()})


@settings(max_examples=400, deadline=None)
@given(data=st.data(), regex_and_texts=st.sampled_from(_regexes_made_sets()))
def test_a_regex_made_a_set_of_texts_matches_exactly_the_words_in_the_set(data, regex_and_texts):
    regex, texts = regex_and_texts
    word = data.draw(st.from_regex(regex, fullmatch=True))
    for variant in (word, word.upper(), word[1:], word + "s", "x" + word, word[:-1]):
        assert (re.search(regex, variant) is not None) == (variant in texts), (regex, variant)


# Compounds, inflected forms and misspellings of both: hunspell's slowest paths.
WORDS = [
    "barnomsorgsförvaltningen", "kommunstyrelseordföranden", "trafiksäkerhetsåtgärder",
    "snöröjningsentreprenören", "återvinningscentralens", "biblioteksfilialerna",
    "barnomsorgsförvaltningex", "kommunstyrelseordförandem", "trafiksäkerhetsåtgärdr",
    "skolor", "skolorna", "skolornas", "sprang", "springande", "vackraste", "Ale", "ALE",
    "Kommunfullmäktige", "KOMMUNHUSET", "e-tjänsten", "Göteborgs", "sjuksköterskorna", "sjuksköterskornax",
]


def test_hunspell_with_suffixes_looked_up_by_flag_accepts_the_same_words_as_spylls():
    dictionary = hunspell.dictionary()
    plain = Lookup(dictionary.aff, dictionary.dic)
    for word in WORDS:
        assert dictionary.lookuper(word) == plain(word), word
        assert [str(form) for form in dictionary.lookuper.good_forms(word, capitalization=False)] == [
            str(form) for form in plain.good_forms(word, capitalization=False)
        ], word


def test_a_capitalised_word_is_accepted_as_spylls_accepts_it():
    # is_word answers "Skolan" from "skolan" where hunspell would look both up.
    dictionary = hunspell.dictionary()
    plain = Lookup(dictionary.aff, dictionary.dic)
    # ℂ is upper case with no lower case of its own: "ℂx".lower() is "ℂx" again.
    for word in [*WORDS, "Nödinge", "Anna", "Sverige", "Bil", "Bilar", "Xyzzy", "E-tjänsten", "Fest-och", "ℂx", "ℂ"]:
        for form in (word, word.capitalize()):
            assert hunspell.is_word(form) == bool(plain(form)), form


def test_a_pattern_spacy_would_reject_stops_the_checker_at_load(monkeypatch):
    # The Matcher built for each pattern line skips spaCy's own validation.
    from aledraft.analysis.recognizers import base

    lines = ['{"id": "confidential.marker", "pattern": [{"LOWR": "sekretess"}]}']
    monkeypatch.setattr(base, "load_lines", lambda name: lines)
    with pytest.raises(ValueError, match="LOWR"):
        TokenPatternRecognizer("broken.jsonl")
