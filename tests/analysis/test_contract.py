"""Report.to_dict() is exactly DESIGN.md's analyzer contract."""

import pytest

from aledraft.analysis import MAX_TEXT_LENGTH, AnalysisInputError, analyze
from aledraft.analysis.report import Category

FINDING_KEYS = ["rule", "category", "severity", "start", "end", "text", "message", "suggestion"]
CONTRACT_CATEGORIES = {
    "personnummer", "coordination_number", "phone", "email", "person_name", "address", "postal_code",
    "vehicle_reg", "bank_account", "sensitive_data", "confidential", "case_handling", "plain_language",
    "long_sentence", "spelling", "tone", "platform", "accessibility",
}


def test_report_shape():
    text = "Hej! Lisas personnummer 19811218-9876 ska inte stå här. Ring 070-174 06 35."
    report = analyze(text, platform="facebook").to_dict()
    assert list(report) == ["findings", "readability", "doc_flags"]
    assert list(report["readability"]) == ["lix", "level", "words", "sentences", "long_words"]
    assert isinstance(report["readability"]["lix"], float)
    assert report["readability"]["level"] in {"lätt", "medel", "svår"}
    assert all(isinstance(report["readability"][key], int) for key in ("words", "sentences", "long_words"))
    assert "personal_data" in report["doc_flags"]
    assert set(report["doc_flags"]) <= {"personal_data", "sensitive_data", "confidential", "case_handling"}
    for finding in report["findings"]:
        assert list(finding) == FINDING_KEYS
        assert finding["category"] in CONTRACT_CATEGORIES
        assert finding["severity"] in {"block", "warn", "info"}
        assert isinstance(finding["start"], int) and isinstance(finding["end"], int)
        assert text[finding["start"] : finding["end"]] == finding["text"]
        assert isinstance(finding["message"], str) and finding["message"]
        assert finding["suggestion"] is None or isinstance(finding["suggestion"], str)
    pnr = next(f for f in report["findings"] if f["rule"] == "pii.personnummer")
    assert (pnr["category"], pnr["severity"], pnr["text"]) == ("personnummer", "block", "19811218-9876")


def test_categories_are_the_contract_list():
    assert {category.value for category in Category} == CONTRACT_CATEGORIES


def test_max_length_is_analysed():
    sentence = "Biblioteket i Nödinge har öppet till klockan 19 i kväll. "
    text = (sentence * (MAX_TEXT_LENGTH // len(sentence) + 1))[:MAX_TEXT_LENGTH]
    assert analyze(text).readability.sentences > 1000


def test_longer_text_is_refused_in_swedish():
    with pytest.raises(AnalysisInputError, match="för lång"):
        analyze("a" * (MAX_TEXT_LENGTH + 1))
    assert issubclass(AnalysisInputError, ValueError)


@pytest.mark.parametrize("platform", ["facebook", "instagram", "x", "linkedin", None])
def test_platforms(platform):
    analyze("Hej", platform=platform)


def test_unknown_platform_is_refused():
    with pytest.raises(AnalysisInputError):
        analyze("Hej", platform="tiktok")


@pytest.mark.parametrize(
    ("text", "level"),
    [("Vi ses i dag. Det blir kul.", "lätt"), ("Verksamhetsområdets resursfördelningsmodell kommer att implementeras "
     "successivt under innevarande budgetår i enlighet med kommunfullmäktiges beslut.", "svår")],
)
def test_readability_level(text, level):
    assert analyze(text).readability.level == level


def test_lix_counts_line_breaks_as_sentence_ends():
    readability = analyze("Meny\nMåndag: korv\nTisdag: fisk").readability
    assert (readability.words, readability.sentences) == (5, 5)
