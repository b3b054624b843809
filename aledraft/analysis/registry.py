"""Which recognizers run, in order, and the one place that settles overlapping findings."""

from __future__ import annotations

from .recognizers import contact, finance_vehicle, identity_numbers, names, places, spelling
from .recognizers import case_handling, confidential, language, platform, sensitive, tone
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


def _overlaps(a: Finding, b: Finding) -> bool:
    return a.start < b.end and b.start < a.end


def resolve_overlaps(findings: list[Finding]) -> list[Finding]:
    """Keep one personal-data finding per overlapping group of its kind; drop word-level comments on it.

    Among identifiers the higher-priority category wins, then the longer span, then the earlier;
    overlapping sensitive_data findings keep the longest.
    Other findings may overlap each other; exact duplicates are removed. Result is in text order.
    """
    kept_pii: list[Finding] = []
    for group in (Category.SENSITIVE_DATA,), PII_PRIORITY:
        kept_in_group: list[Finding] = []
        candidates = sorted(
            (f for f in findings if f.category in group),
            key=lambda f: (group.index(f.category), -(f.end - f.start), f.start),
        )
        for finding in candidates:
            if not any(_overlaps(finding, other) for other in kept_in_group):
                kept_in_group.append(finding)
        kept_pii += kept_in_group
    others = [
        f
        for f in dict.fromkeys(f for f in findings if f.category not in PERSONAL_DATA)
        if f.category not in YIELDS_TO_PII or not any(_overlaps(f, p) for p in kept_pii)
    ]
    return sorted(kept_pii + others, key=lambda f: (f.start, f.end, f.rule))


def run_all(ctx: Context) -> list[Finding]:
    """Every recognizer's findings, overlaps resolved."""
    return resolve_overlaps([finding for recognizer in RECOGNIZERS for finding in recognizer.find(ctx)])
