import pytest

from aledraft.analysis import analyze
from aledraft.analysis.rules import RULES

from .examples import EXAMPLE_PLATFORM, EXAMPLES

CASES = [
    pytest.param(rule_id, text, should_flag, id=f"{rule_id}-{'flag' if should_flag else 'pass'}-{n}")
    for rule_id, (flagged, passed) in EXAMPLES.items()
    for should_flag, texts in ((True, flagged), (False, passed))
    for n, text in enumerate(texts)
]


@pytest.mark.parametrize(("rule_id", "text", "should_flag"), CASES)
def test_example(rule_id, text, should_flag):
    rules = {finding.rule for finding in analyze(text, EXAMPLE_PLATFORM.get(rule_id)).findings}
    assert (rule_id in rules) is should_flag, rules


def test_every_rule_has_examples():
    missing = [rule_id for rule_id in RULES if not all(EXAMPLES.get(rule_id, ((), ())))]
    assert not missing, f"rules without a flagged and a passing example: {missing}"
