"""confidential.*: markers (sekretess, internt, embargo), case details, bids, personnel matters, codes.

The patterns are in data/confidential.jsonl. A general reply that cases "kan omfattas av
sekretess" vetoes the marker in its sentence, and case and personnel terms count only next to a
person; a procurement notice ("sista dag att lämna anbud") matches no bid pattern.
"""

from __future__ import annotations

from .individuals import IndividualPatternRecognizer

RECOGNIZERS = [IndividualPatternRecognizer("confidential.jsonl")]
