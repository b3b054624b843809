"""resolve_overlaps: the one place that decides which overlapping finding stays."""

from aledraft.analysis.registry import resolve_overlaps
from aledraft.analysis.rules import make_finding

TEXT = "Anna Berg är gravid, ring 19811218-9876 eller Storgatan 5."


def finding(rule_id, fragment, *, suggestion=None):
    start = TEXT.index(fragment)
    return make_finding(rule_id, TEXT, start, start + len(fragment), suggestion=suggestion)


def rules(findings):
    return [(f.rule, f.text) for f in findings]


def test_more_specific_identifier_wins():
    kept = resolve_overlaps([finding("pii.phone", "19811218-9876"), finding("pii.personnummer", "19811218-9876")])
    assert rules(kept) == [("pii.personnummer", "19811218-9876")]


def test_sensitive_statement_keeps_the_name_inside_it():
    kept = resolve_overlaps([finding("pii.sensitive_data", "Anna Berg är gravid"), finding("pii.person_name", "Anna Berg")])
    assert rules(kept) == [("pii.person_name", "Anna Berg"), ("pii.sensitive_data", "Anna Berg är gravid")]


def test_word_level_comment_gives_way_to_personal_data():
    kept = resolve_overlaps([finding("spelling", "Berg"), finding("pii.person_name", "Anna Berg")])
    assert rules(kept) == [("pii.person_name", "Anna Berg")]


def test_identical_findings_are_reported_once_and_in_text_order():
    address = finding("pii.address", "Storgatan 5")
    spelling = finding("spelling", "gravid")
    assert resolve_overlaps([address, spelling, spelling]) == [spelling, address]
