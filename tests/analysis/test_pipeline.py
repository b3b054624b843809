"""The shared pipeline: lemmas as spaCy's lookup lemmatizer gives them."""

import pytest

from aledraft.analysis.pipeline import lemma_lookup


def test_lemmas(nlp):
    doc = nlp("Barnen gick till skolorna och åt äpplen.")
    assert [token.lemma_ for token in doc] == ["Barnen", "gå", "till", "skola", "och", "äta", "äpple", "."]


@pytest.mark.parametrize(
    ("form", "lemma"),
    [("A-bombens", "A-bomb"), ("roll-on/roll-off-fartygen", "roll-on/roll-off-fartyg"), ("skolorna", "skola")],
)
def test_lemma_table_entries(form, lemma):
    table = lemma_lookup()
    assert table.get(form) == lemma
    assert form in table


@pytest.mark.parametrize("form", ["", "zzzzq", "A-bombensx", '"', "\ud800", "ö" * 40])
def test_lemma_table_misses(form):
    assert lemma_lookup().get(form, "default") == "default"
    assert form not in lemma_lookup()
