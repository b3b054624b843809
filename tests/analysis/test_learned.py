"""The learned second opinion on confidential content and case handling (recognizers/learned.py)."""

import pytest

from aledraft.analysis import analyze
from aledraft.analysis.recognizers.base import Context
from aledraft.analysis.recognizers.learned import GATES, FlagModel, admitted_sentence, features, models
from aledraft.analysis.rules import RULES


def _context(nlp, text):
    return Context(text, nlp(text), None)


def test_each_model_has_a_rule_a_gate_and_a_threshold_between_0_and_1():
    assert {model.rule_id for model in models()} == set(GATES)
    for model in models():
        assert RULES[model.rule_id].severity.value == "warn"
        assert 0 < model.threshold < 1
        assert model.weights


def test_it_speaks_only_where_no_rule_of_its_category_did():
    text = "Hej Mira! Ditt bygglov för friggeboden är beviljat och handläggaren skickar beslutet i veckan."
    rules = [f.rule for f in analyze(text).findings if f.category.value == "case_handling"]
    assert rules and not any(rule.endswith(".learned") for rule in rules)


def test_it_marks_the_weightiest_sentence_not_the_greeting():
    text = "Hej Omar! Handläggaren har fått alla papper nu, så ansökan om bostadsanpassning går till beslut nästa vecka."
    (finding,) = [f for f in analyze(text).findings if f.rule == "case_handling.learned"]
    assert finding.text.startswith("Handläggaren har fått alla papper")
    assert text[finding.start:finding.end] == finding.text


@pytest.mark.parametrize("text", [
    "Hej Eva! Om din ansökan är komplett får du beslut inom fyra veckor.",  # a condition
    "Hej Eva! Bygglov söker du i e-tjänsten på ale.se.",  # general advice
    "Hej Eva! Vi kan inte titta på enskilda ärenden här.",  # a refusal
    "Hej Eva! Vi har ändrat öppettiderna i simhallen.",  # no case word in the post
])
def test_the_gate_keeps_a_case_handling_guess_quiet(nlp, text):
    eager = FlagModel("case_handling.learned", bias=5.0, threshold=0.0, weights={})
    assert admitted_sentence(eager, _context(nlp, text)) is None


def test_the_gate_lets_a_report_on_a_persons_case_through(nlp):
    eager = FlagModel("case_handling.learned", bias=5.0, threshold=0.0, weights={})
    text = "Hej Eva! Handläggaren har fått alla papper och ansökan går till beslut nästa vecka."
    assert admitted_sentence(eager, _context(nlp, text)) == (9, len(text))


def test_a_confidential_guess_needs_a_person_an_employee_or_a_tender_in_the_post(nlp):
    eager = FlagModel("confidential.learned", bias=5.0, threshold=0.0, weights={})
    assert admitted_sentence(eager, _context(nlp, "Stämningen på enheten är usel sedan bråket.")) is None
    assert admitted_sentence(eager, _context(nlp, "Stämningen på enheten är usel sedan bråket med chefen.")) is not None


def test_probability_scales_the_summed_weights_by_the_number_of_features():
    model = FlagModel("case_handling.learned", bias=0.0, threshold=0.5, weights={"beviljat": 2.0})
    assert model.probability({"beviljat"}) == pytest.approx(1 / (1 + 2.718281828 ** -2.0))
    assert model.probability({"beviljat", "a", "b", "c"}) == pytest.approx(1 / (1 + 2.718281828 ** -1.0))


def test_an_extreme_score_gives_a_probability_not_an_overflow():
    model = FlagModel("case_handling.learned", bias=0.0, threshold=0.5, weights={"a": -1e6, "b": 1e6})
    assert model.probability({"a"}) == pytest.approx(0.0)
    assert model.probability({"b"}) == pytest.approx(1.0)


def test_features_are_words_word_pairs_and_pieces_of_long_words(nlp):
    found = features(token.text for token in nlp("Rehabplanen löper"))
    assert {"rehabplanen", "löper", "rehabplanen löper", "#rehab", "#lanen"} <= found
    assert not any(feature.startswith("#") and "löper" in feature for feature in found)  # six letters: no pieces
