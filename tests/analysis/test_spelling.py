"""spelling: unknown words get an info finding with a correction; names, links and codes are left alone."""

import pytest

from aledraft.analysis import analyze


def spelling(text):
    return [(f.text, f.suggestion) for f in analyze(text).findings if f.rule == "spelling"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vällkommen till biblioteket!", [("Vällkommen", "Välkommen")]),
        ("Vi ses på kommunhusset i morgon.", [("kommunhusset", "kommunhuset")]),
        ("Läs mer om kulturskolann på hemsidan.", [("kulturskolann", "kulturskolan")]),
        ("Biblioteket har öppet som vanligt.", []),
    ],
)
def test_unknown_words_are_flagged_with_a_correction(text, expected):
    assert spelling(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Läs mer på ale.se/bibliotek eller mejla bibliotek@ale.se.",  # URL, e-mail
        "Följ #Sommarläsning och @alekommun på Instagram!",  # hashtag, handle, brand
        "Mötet med KS och SFI börjar kl. 18.30 i sal 3B. 🎉",  # abbreviations, numbers, emoji
        "Grattis Zeynep Yılmaz och Hodan Warsame från Älvängen!",  # names and places
        "Vi åkte till Jelgava och Kalisz med Interreg-projektet.",  # proper nouns inside a sentence
        "Welcome to our summer intern, who is studying civil engineering at Chalmers.",  # English
    ],
)
def test_names_links_codes_and_other_languages_are_not_spelling_errors(text):
    assert spelling(text) == []


def test_spelling_is_only_information():
    (finding,) = [f for f in analyze("Vällkommen!").findings if f.rule == "spelling"]
    assert (finding.severity.value, finding.category.value) == ("info", "spelling")
