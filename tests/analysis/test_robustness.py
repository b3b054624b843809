"""Junk input of the maximum length: analyze() must finish (bounded work) with valid offsets."""

from __future__ import annotations

import random

import pytest

from aledraft.analysis import MAX_TEXT_LENGTH, analyze, doc_text

_RNG = random.Random(20261124)

JUNK = {
    "one long word": "a" * 281,
    "one long mixed word": "".join(_RNG.choice("abcdefghijklmnopqrstuvwxyzåäö") for _ in range(300)),
    "no spaces at all": "".join(_RNG.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(70_000)),
    "random letters and spaces": "".join(_RNG.choice("abcdefghijklmnopqrstuvwxyz     ") for _ in range(MAX_TEXT_LENGTH)),
    "repeated emoji": "😀" * MAX_TEXT_LENGTH,
    "emoji and letters": "a😀" * (MAX_TEXT_LENGTH // 2),
    "closing brackets": "x" + ")" * (MAX_TEXT_LENGTH - 1),
    "many digits": "".join(_RNG.choice("0123456789") for _ in range(MAX_TEXT_LENGTH)),
    "digits and dashes": "".join(_RNG.choice("0123456789 -") for _ in range(MAX_TEXT_LENGTH)),
}


@pytest.mark.parametrize("text", JUNK.values(), ids=JUNK.keys())
def test_junk_of_maximum_length_is_analyzed_with_valid_offsets(text):
    report = analyze(text)
    for finding in report.findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text


def test_doc_text_keeps_length_and_ordinary_words():
    text = "Hej Anna! Läs mer på https://www.ale.se/kultur 😀 " + "😀" * 300
    prepared = doc_text(text)
    assert len(prepared) == len(text)
    assert prepared.startswith("Hej Anna! Läs mer på https://www.ale.se/kultur 😀 ")
    assert prepared.endswith(" " * 300)
