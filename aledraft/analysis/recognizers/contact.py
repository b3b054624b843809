"""Phone numbers and e-mail addresses that reach a person (published organisational ones excluded)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import phonenumbers

from ..report import Finding
from ..rules import make_finding, rule
from . import names
from .base import Context, PatternRecognizer, cue_regex, doc_string, load_configured, load_lines, window_before
from .tone import acronyms

PHONE = "pii.phone"
EMAIL = "pii.email"


#: A run of digits that could be a phone number; libphonenumber (slow, pure Python) only looks
#: around these runs instead of at the whole post.
_DIGIT_RUN = re.compile(r"[+(]?\d[\d \t\u00a0().\-–/]{4,30}\d")
#: The shortest personal number: 7 digits (a local number without area code); shorter runs
#: are times, dates' parts, prices or the short numbers 112 and 1177, which are official anyway.
MIN_DIGITS = 7
#: Characters kept on each side of a run, so libphonenumber still sees a number's neighbours.
_MARGIN = 3
#: Opening hours that libphonenumber reads as a number ("kl. 06.30–18.00").
_TIME_RANGE = re.compile(r"\d{1,2}[.:]\d{2}\s*[–-]\s*\d{1,2}[.:]\d{2}")


def _e164(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


#: Numbers no private person has: toll-free 020, premium 0900/0939/0944 and shared-cost 0771
#: (Kvinnofridslinjen 020-50 50 50, an authority's 0771 number).
SERVICE_NUMBER_TYPES = frozenset({
    phonenumbers.PhoneNumberType.TOLL_FREE, phonenumbers.PhoneNumberType.PREMIUM_RATE,
    phonenumbers.PhoneNumberType.SHARED_COST, phonenumbers.PhoneNumberType.UAN,
})


class PhoneRecognizer:
    """Every spelling libphonenumber accepts as a valid Swedish (or +country) number."""

    rule_ids = (PHONE,)

    def __init__(self) -> None:
        rule(PHONE)
        self.service_cues = cue_regex("service_line_cues.txt", word_start=False)
        self.official = {
            _e164(phonenumbers.parse(line, "SE"))
            for line in load_configured("official_numbers.txt", "ALEDRAFT_OFFICIAL_NUMBERS")
        }

    def find(self, ctx: Context) -> Iterator[Finding]:
        # The Doc's text has the same offsets as ctx.text and no lone surrogates.
        text = doc_string(ctx.doc)
        for run in _DIGIT_RUN.finditer(text):
            if sum(map(str.isdigit, run[0])) < MIN_DIGITS:
                continue
            offset = max(0, run.start() - _MARGIN)
            for match in phonenumbers.PhoneNumberMatcher(text[offset : run.end() + _MARGIN], "SE"):
                if _TIME_RANGE.fullmatch(match.raw_string):
                    continue
                if _e164(match.number) not in self.official and (
                    phonenumbers.number_type(match.number) not in SERVICE_NUMBER_TYPES
                ) and not self.service_cues.search(window_before(text, offset + match.start, 40)):
                    yield make_finding(PHONE, ctx.text, offset + match.start, offset + match.end)


class EmailRecognizer(PatternRecognizer):
    """Addresses of a person; role addresses (bibliotek@, foreningsbidrag@ale.se) pass.

    Personal: digits or an initial in the local part (kalle82@, m.ahmadi@), a part that is a name
    (linda.holm@), an address at a consumer provider (…@gmail.com), or several parts that are not
    all ordinary Swedish words (hodan.warsame@). A role: listed role words, one plain word
    (ascii-folded compounds such as foreningsbidrag are not in the dictionary), or ordinary words
    and acronyms (lss.bistand@).
    """

    def __init__(self) -> None:
        super().__init__(
            (EMAIL,), r"(?<![\w.+-])(?P<local>[\w.+-]+)@(?P<domain>[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,})(?!\w)"
        )
        self.functional = frozenset(
            entry.lower().partition("@")[0]  # "reception.nol@ale.se" or just "reception.nol"
            for entry in load_configured("functional_emails.txt", "ALEDRAFT_FUNCTIONAL_EMAILS")
        )
        self.consumer_domains = frozenset(load_lines("consumer_email_domains.txt"))

    def validate(self, match: re.Match[str]) -> str | None:
        return None if self.is_functional(match["local"].lower(), match["domain"].lower()) else EMAIL

    def is_functional(self, local: str, domain: str) -> bool:
        parts = [part for part in re.split(r"[._+-]", local) if part]
        if local in self.functional or all(part in self.functional for part in parts):
            return True
        if any(len(part) < 2 or not part.isalpha() for part in parts) or domain in self.consumer_domains:
            return False
        lexicon = names.lexicon()
        if any(map(lexicon.is_name, parts)):
            return False
        if len(parts) == 1:  # one word is a role unless it is a name run together (annasvensson@)
            return len(names.split_joined_name(parts[0].capitalize(), lexicon)) == 1
        return all(part.upper() in acronyms() or _is_word_unfolded(part) for part in parts)


#: Letters a, o tried as å/ä/ö in one address part at most (3 letters: 27 spellings).
MAX_UNFOLDED_LETTERS = 3


def _is_word_unfolded(part: str) -> bool:
    """Tell whether an address part is an ordinary word, perhaps written without å/ä/ö (bistand)."""
    if names.is_common_word(part):
        return True
    options = [("a", "å", "ä") if char == "a" else ("o", "ö") if char == "o" else (char,) for char in part]
    if sum(len(option) > 1 for option in options) > MAX_UNFOLDED_LETTERS:
        return False
    return any(names.is_common_word("".join(letters)) for letters in itertools.product(*options))

RECOGNIZERS = [PhoneRecognizer(), EmailRecognizer()]
