"""Any Unicode in, no crash out, and every finding's offsets point at its text."""

from hypothesis import example, given, settings
from hypothesis import strategies as st

from aledraft.analysis import analyze

# Everything; lone surrogates (Cs) and control characters such as NUL (Cc) drawn often on purpose,
# since st.text() leaves out surrogates and a uniform draw seldom hits them.
ANY_CHARACTER = st.characters(codec=None, categories=None) | st.characters(categories=["Cs", "Cc"])
# Text that looks like a post with numbers, so the PII recognizers get real candidates.
POSTY = st.lists(
    st.sampled_from(
        ["Ring", "070-174 06 35", "19811218-9876", "\u0000", "\ud800", "Storgatan 5B,", "449 30 Nödinge",
         "konto 6153-214 587 398", "DXN 904", "anna.b@gmail.com", "\u202e", "e\u0301", " ", "\n", "!!!", "Anna"]
    )
    | st.text(ANY_CHARACTER, max_size=12)
).map(" ".join)


def check(text):
    report = analyze(text)
    for finding in report.findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text
    report.to_dict()


@settings(max_examples=200, deadline=None)
@given(st.text(ANY_CHARACTER, max_size=300))
@example("ℂx är bra. Hej. ℂxyzabc är bra.")  # upper case with no lower case of its own: "ℂx".lower() == "ℂx"
def test_any_text(text):
    check(text)


@settings(max_examples=200, deadline=None)
@given(POSTY)
def test_post_like_text(text):
    check(text)
