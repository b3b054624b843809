"""Which recognizers run, in order, and the one place that settles overlapping findings."""

from __future__ import annotations

import bisect
import itertools

from .recognizers import contact, finance_vehicle, identity_numbers, names, places, spelling
from .recognizers import case_handling, confidential, language, learned, platform, sensitive, tone
from .recognizers.base import Context, Recognizer
from .report import PERSONAL_DATA, Category, Finding

RECOGNIZERS: list[Recognizer] = [
    *identity_numbers.RECOGNIZERS,
    *contact.RECOGNIZERS,
    *places.RECOGNIZERS,
    *finance_vehicle.RECOGNIZERS,
    *names.RECOGNIZERS,
    *spelling.RECOGNIZERS,
    *sensitive.RECOGNIZERS,
    *confidential.RECOGNIZERS,
    *case_handling.RECOGNIZERS,
    *language.RECOGNIZERS,
    *tone.RECOGNIZERS,
    *platform.RECOGNIZERS,
]

#: When identifiers overlap, the more specific category wins (earlier = stronger): a personnummer
#: is not also a phone number, a postal code inside an address stays a postal code.
#: sensitive_data is a statement about a person, not an identifier: the name or number inside
#: "Anna är gravid" is reported as well.
PII_PRIORITY = (
    Category.PERSONNUMMER,
    Category.COORDINATION_NUMBER,
    Category.BANK_ACCOUNT,
    Category.EMAIL,
    Category.PHONE,
    Category.VEHICLE_REG,
    Category.POSTAL_CODE,
    Category.ADDRESS,
    Category.PERSON_NAME,
)

#: Word-level comments that give way to personal data on the same characters (a name is not a
#: spelling error); sentence- and post-level categories (long_sentence, confidential ...) stay.
YIELDS_TO_PII = frozenset({Category.SPELLING, Category.PLAIN_LANGUAGE, Category.TONE})


def resolve_overlaps(findings: list[Finding]) -> list[Finding]:
    """Keep one personal-data finding per overlapping group of its kind; drop word-level comments on it.

    Among identifiers the higher-priority category wins, then the longer span, then the earlier;
    overlapping sensitive_data findings keep the longest.
    Other findings may overlap each other; exact duplicates are removed. Result is in text order.
    """
    # Overlap tests search sorted spans (bisect), not every kept finding: a 100,000-character
    # post has thousands of findings.
    kept_pii: list[Finding] = []
    for group in (Category.SENSITIVE_DATA,), PII_PRIORITY:
        kept_in_group: list[Finding] = []
        # The kept spans do not overlap each other, so in (start, end) order their ends rise too:
        # a span overlaps one of them iff the last one starting before its end ends after its start.
        kept_spans: list[tuple[int, int]] = []
        candidates = sorted(
            (f for f in findings if f.category in group),
            key=lambda f: (group.index(f.category), -(f.end - f.start), f.start),
        )
        for finding in candidates:
            before = bisect.bisect_left(kept_spans, (finding.end,))
            if not (before and kept_spans[before - 1][1] > finding.start):
                kept_in_group.append(finding)
                bisect.insort(kept_spans, (finding.start, finding.end))
        kept_pii += kept_in_group
    # For any spans: one overlaps [start, end) iff the greatest end among those starting before
    # ``end`` lies after ``start``.
    pii_spans = sorted((p.start, p.end) for p in kept_pii)
    pii_starts = [start for start, _ in pii_spans]
    max_ends = list(itertools.accumulate((end for _, end in pii_spans), max))

    def overlaps_pii(f: Finding) -> bool:
        before = bisect.bisect_left(pii_starts, f.end)
        return bool(before) and max_ends[before - 1] > f.start

    others = [
        f
        for f in dict.fromkeys(f for f in findings if f.category not in PERSONAL_DATA)
        if f.category not in YIELDS_TO_PII or not overlaps_pii(f)
    ]
    return sorted(kept_pii + others, key=lambda f: (f.start, f.end, f.rule))


def run_all(ctx: Context) -> list[Finding]:
    """Every recognizer's findings, then the learned second opinion where no rule spoke, overlaps resolved."""
    findings = [finding for recognizer in RECOGNIZERS for finding in recognizer.find(ctx)]
    spoken = frozenset(finding.category for finding in findings)
    return resolve_overlaps(findings + list(learned.SECOND_OPINION.find(ctx, spoken)))
