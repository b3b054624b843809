"""case_handling.*: public replies that decide or report on a person's own case, or ask for its details.

The patterns are in data/case_handling.jsonl. A decision or status verb counts only with a case
word (ansökan, bygglov, avgift ...) and the person it concerns (du, ditt, a name) in the same
sentence; conditional sentences ("när ditt bygglov är beviljat ...") are general advice, and
service errands (tömning, felanmälan) have no case word.
"""

from __future__ import annotations

from .individuals import IndividualPatternRecognizer

RECOGNIZERS = [IndividualPatternRecognizer("case_handling.jsonl")]
