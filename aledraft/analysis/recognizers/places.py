"""Street addresses of homes and their postal codes (venues, road works and the municipality's own excluded)."""

from __future__ import annotations

import re

from .base import Context, PatternRecognizer, alternatives, cue_regex, load_lines
from .names import is_common_word

ADDRESS = "pii.address"
POSTAL_CODE = "pii.postal_code"

_UPPER = "A-ZÅÄÖÉÜ"
_LOWER = "a-zåäöéüø"


_SUFFIXES = alternatives("street_suffixes.txt")

#: First words that belong to a street name before a compound street word (Lilla Nolvägen 2).
_DIRECTION_WORDS = "Lilla|Stora|Norra|Södra|Östra|Västra|Gamla|Nya|Övre|Nedre|Yttre|Inre"

# A street: one compound word ending in a street ending (Storgatan, Ekebacken), after an
# optional first word such as Lilla or Norra (Lilla Nolvägen), or a known first word or a
# genitive and a street word (Ale torg, Gamla vägen, Solsidans väg). Then a house number with an
# optional letter and flat number (5B, 3 lgh 1102) that is not a range, a list of houses
# (Storgatan 1–15, 1 och 3) or a quantity (leden 2 km).
ADDRESS_PATTERN = rf"""
    (?<![\w-])
    (?P<value>
        (?P<street>(?:(?:{_DIRECTION_WORDS})\ )?[{_UPPER}][{_LOWER}-]*(?:{_SUFFIXES})
            |(?:{alternatives("street_name_first_words.txt")}|[{_UPPER}][{_LOWER}]{{2,}}s)\ (?i:{_SUFFIXES}))
        \ (?P<number>\d{{1,3}})(?!\d|[.,:]\d|\ ?(?:{alternatives("number_units.txt")})(?!\w))
        (?:\ ?[A-Ha-h](?!\w))?
        (?:,?\ (?:lgh|lägenhet)\.?\ ?\d{{3,4}}\b)?
    )
    (?!\ ?(?:[–-]|,|och|till)\ ?\d{{1,3}}\b(?!\ \d{{2}}\b))
"""


def _same_sentence_before(text: str, start: int, width: int = 60) -> str:
    """Up to ``width`` characters before ``start``, cut at the last sentence end or line break."""
    window = text[max(0, start - width) : start]
    return _SENTENCE_END.split(window)[-1]


#: A flat number in an address.
_FLAT = re.compile(r"\b(?:lgh|lägenhet)\b")
#: A sentence end, but not the full stop of "kl." or "ca." ("öppet kl. 10–15 på Ekbacksvägen 4").
_SENTENCE_END = re.compile(r"(?<!\bkl)(?<!\bca)[.!?\n]\s")


def _gazetteer() -> frozenset[str]:
    """Names of places and organisations (owned by the names recognizer); empty if not there yet."""
    try:
        return frozenset(entry.lower() for entry in load_lines("gazetteer.txt"))
    except FileNotFoundError:
        return frozenset()


class AddressRecognizer(PatternRecognizer):
    def __init__(self) -> None:
        super().__init__((ADDRESS,), ADDRESS_PATTERN, re.VERBOSE)
        self.venue_cues = cue_regex("venue_cues.txt", word_start=False)
        self.home_cues = cue_regex("home_cues.txt")
        self.gazetteer = _gazetteer()
        self.official_codes = frozenset(code.replace(" ", "") for code in load_lines("official_postal_codes.txt"))

    def invalidate(self, match: re.Match[str], ctx: Context) -> bool:
        if match["street"].lower() in self.gazetteer:
            return True  # Ale Torg 7 is the square's shops, not a home
        if _FLAT.search(match["value"]):
            return False  # a flat number (lgh 1204) is a home's, whatever the sentence says
        before = _same_sentence_before(ctx.text, match.start())
        return bool(self.venue_cues.search(before)) and not self.home_cues.search(before)


#: A street name without a street ending (Skogsbrynet 8, Lyckhem 12): one capitalised word and a
#: house number. Only an address when a postal code follows it, or when a word before it in the
#: sentence says someone lives or is met there (BARE_HOME_CUES) and the word is a definite noun.
BARE_ADDRESS_PATTERN = rf"""
    (?<![\w-])
    (?P<value>(?P<street>[{_UPPER}][{_LOWER}]{{3,}})\ (?P<number>\d{{1,3}})(?![\d.,:]\d|\d)(?:\ ?[A-Ha-h](?!\w))?
        (?:,?\ (?:lgh|lägenhet)\.?\ ?\d{{3,4}}\b)?)
    (?P<postal>\ *,?\ *\d{{3}}\ ?\d{{2}}\ +[{_UPPER}])?
"""
BARE_HOME_CUES = re.compile(
    r"(?<!\w)(?:hos|bor|bodde|hemma|hämtar|hämtas|lämnar|utanför|grannen|grannarna|villabrand|lägenhetsbrand"
    r"|villan|huset|hembesök)(?!\w)", re.IGNORECASE
)


class BareAddressRecognizer(PatternRecognizer):
    def __init__(self, address: AddressRecognizer) -> None:
        super().__init__((ADDRESS,), BARE_ADDRESS_PATTERN, re.VERBOSE)
        self.address = address

    def invalidate(self, match: re.Match[str], ctx: Context) -> bool:
        street = match["street"]
        if street.lower() in self.address.gazetteer or re.fullmatch(ADDRESS_PATTERN, match["value"], re.VERBOSE):
            return True  # a known place, or a street the main pattern already finds
        before = _same_sentence_before(ctx.text, match.start())
        if self.address.venue_cues.search(before) and not self.address.home_cues.search(before):
            return True
        if match["postal"]:
            return match["postal"].strip(" ,")[:6].replace(" ", "") in self.address.official_codes
        # After a home cue a definite noun (Skogsbrynet) or a word no dictionary knows (Grönbacka).
        return not (BARE_HOME_CUES.search(before) and (
            street.endswith(("et", "en", "an")) or not is_common_word(street.lower())
        ))


class PostalCodeRecognizer(PatternRecognizer):
    """NNN NN and a locality, right after a home address or a word saying someone lives there."""

    def __init__(self, address: AddressRecognizer) -> None:
        super().__init__(
            (POSTAL_CODE,), rf"(?<![\w+-])(?<!\d\ )(?P<value>\d{{3}}\ ?\d{{2}})\ +[{_UPPER}][^\W\d_]+", re.VERBOSE
        )
        self.official = frozenset(code.replace(" ", "") for code in load_lines("official_postal_codes.txt"))
        self.address = address
        self.after_address = re.compile(rf"(?:{ADDRESS_PATTERN})\ *,?\ *$", re.VERBOSE)
        self.after_bare = re.compile(rf"(?<![\w-])[{_UPPER}][{_LOWER}]{{3,}}\ \d{{1,3}}(?:\ ?[A-Ha-h])?\ *,?\ *$")

    def validate(self, match: re.Match[str]) -> str | None:
        return None if match["value"].replace(" ", "") in self.official else POSTAL_CODE

    def invalidate(self, match: re.Match[str], ctx: Context) -> bool:
        before = ctx.text[max(0, match.start() - 80) : match.start()]
        address = self.after_address.search(before)
        if address:
            return self.address.invalidate(address, Context(before, ctx.doc, ctx.platform))
        if self.after_bare.search(before):
            sentence = _same_sentence_before(ctx.text, match.start())
            return bool(self.address.venue_cues.search(sentence)) and not self.address.home_cues.search(sentence)
        return not self.address.home_cues.search(_same_sentence_before(ctx.text, match.start()))


_ADDRESS = AddressRecognizer()
RECOGNIZERS = [_ADDRESS, BareAddressRecognizer(_ADDRESS), PostalCodeRecognizer(_ADDRESS)]
