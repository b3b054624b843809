"""Personnummer and samordningsnummer in every spelling, validated by the personnummer package."""

from __future__ import annotations

import functools
import re

import phonenumbers
from personnummer.personnummer import Personnummer, PersonnummerException

from .base import Context, PatternRecognizer, cue_regex, window_before

PERSONNUMMER = "pii.personnummer"
COORDINATION_NUMBER = "pii.coordination_number"
SUSPECT = "pii.personnummer_suspect"

# (YY)YYMMDD, then '-', '+', a space (not valid, but a person's way of writing it) or nothing,
# then the serial and check digit. Not inside a longer number, a decimal, a date range or +46...
_PATTERN = r"""
    (?<![\w+\-/.,])
    (?P<value>(?:1[89]|20)?\d{6}[-+\ ]?\d{4})
    (?![\w]|[-+/.,]\d)
"""
#: A word naming some other kind of number (tillståndsnummer, bokningsnr, "fick nummer") earlier in the sentence.
_OTHER_NUMBER_WORD = re.compile(r"(?<!\w)(?!person|samordning)\w*(?:nummer|numret|numren|nr)\b(?![^.!?\n]*[.!?\n])")


def _plausible_date(digits: str) -> bool:
    """True when YYMMDD (last ten digits) is a date, samordningsnummer days (+60) included."""
    month, day = int(digits[-8:-6]), int(digits[-6:-4])
    day -= 60 if day > 60 else 0
    return 1 <= month <= 12 and 1 <= day <= 31


@functools.lru_cache(maxsize=1024)
def classify(value: str) -> str | None:
    """The rule a personnummer-shaped string is a finding of: valid, samordningsnummer, suspect or none."""
    if " " not in value:
        try:
            number = Personnummer(value)
        except PersonnummerException:
            pass
        else:
            return COORDINATION_NUMBER if number.is_coordination_number() else PERSONNUMMER
    # Organisationsnummer (month 20 or more) and most reference numbers are not dates.
    return SUSPECT if _plausible_date(re.sub(r"\D", "", value)) else None


class IdentityNumberRecognizer(PatternRecognizer):
    def __init__(self) -> None:
        super().__init__((PERSONNUMMER, COORDINATION_NUMBER, SUSPECT), _PATTERN, re.VERBOSE)
        self.personal_cues = cue_regex("personnummer_cues.txt")
        self.reference_cues = cue_regex("reference_number_cues.txt")

    def validate(self, match: re.Match[str]) -> str | None:
        return classify(match["value"])

    def invalidate(self, match: re.Match[str], ctx: Context) -> bool:
        value = match["value"]
        before = window_before(ctx.text, match.start())
        if self.personal_cues.search(before):
            return False
        compact = value.isdigit()
        if classify(value) != SUSPECT:
            # A compact 07... number is as likely a mobile number (070-174 06 13) as the
            # identity number of someone born in 2007; without a cue it is left to pii.phone.
            return compact and len(value) == 10 and value.startswith("07") and _is_phone(value)
        # A wrong check digit: a person's number mistyped, or a reference of some other thing.
        # Only the separated spelling is personnummer-like enough to point out without a cue.
        return (
            compact
            or bool(self.reference_cues.search(before))
            or bool(_OTHER_NUMBER_WORD.search(window_before(ctx.text, match.start(), 100)))
        )


def _is_phone(value: str) -> bool:
    return phonenumbers.is_valid_number(phonenumbers.parse(value, "SE"))


RECOGNIZERS = [IdentityNumberRecognizer()]
