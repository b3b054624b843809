"""pii.sensitive_data: GDPR art. 9/10 facts about a person who is named or pointed out.

The patterns in data/sensitive.jsonl state a fact ("som har Downs syndrom", "som röstade på
Miljöpartiet"); a fact counts only next to a person in the same sentence, never in a sentence
that speaks to a group ("för dig som har diabetes") or, for party politics, about an elected
politician's public role.
"""

from __future__ import annotations

from .individuals import IndividualPatternRecognizer

RECOGNIZERS = [IndividualPatternRecognizer("sensitive.jsonl")]
