"""Bank accounts of private persons (clearing and account number, IBAN) and vehicle registration numbers."""

from __future__ import annotations

import re

from .base import Context, PatternRecognizer, alternatives, cue_regex, load_lines, window_before
from .spelling import is_listed_form

BANK_ACCOUNT = "pii.bank_account"
VEHICLE_REG = "pii.vehicle_reg"


_AMOUNT_UNIT = re.compile(r"\s*(?:kr|kronor|sek|:-)(?!\w)", re.IGNORECASE)


class BankAccountRecognizer(PatternRecognizer):
    """A digit run of a clearing number (4–5 digits), an account number or both, after an account word.

    A bare digit run is too common (order numbers, amounts) to report without the word before it.
    """

    def __init__(self) -> None:
        super().__init__(
            (BANK_ACCOUNT,),
            rf"""(?<!\w)(?:{alternatives("bank_account_cues.txt")})\b
                 (?:[\ :]+(?:är|nr|nummer|i|hos|på|till)\b|[\ :]+[{'A-ZÅÄÖ'}]\w*banken|\ [a-zåäö]+(?=[\ \w]{{0,30}},\ \d)
                    |\ den\ \d{{1,2}}(?::[ae])?(?:\ [a-zåäö]+)?(?=\ till\b))*
                 (?:\ (?:du|ni)\ (?:uppgav|angav|skickade|lämnade|gav\ oss))?
                 (?:[\ :]+\(?|,\ )
                 (?P<value>\d(?:[\d\ -]*\d)?(?:,\ ?\d[\d\ -]{{4,}}\d)?)(?![\d,.]\d)""",
            re.VERBOSE | re.IGNORECASE,
        )
        self.organisation_cues = cue_regex("organisation_account_cues.txt")

    def validate(self, match: re.Match[str]) -> str | None:
        digits = re.sub(r"\D", "", match["value"])
        return BANK_ACCOUNT if len(digits) in (4, 5) or 7 <= len(digits) <= 16 else None

    def invalidate(self, match: re.Match[str], ctx: Context) -> bool:
        if _AMOUNT_UNIT.match(ctx.text, match.end("value")):
            return True  # "sätter in 1 688 kr": an amount, not an account
        return bool(self.organisation_cues.search(window_before(ctx.text, match.end("value"), 60)))


class IbanRecognizer(PatternRecognizer):
    """Swedish IBAN (SE + 22 digits, spaced in fours or not), valid by ISO 13616 mod 97."""

    def __init__(self) -> None:
        super().__init__((BANK_ACCOUNT,), r"(?<!\w)SE\d{2}(?:\ ?\d{4}){5}(?!\w)", re.VERBOSE)

    def validate(self, match: re.Match[str]) -> str | None:
        iban = match[0].replace(" ", "")
        rearranged = iban[4:] + iban[:4]
        numeric = "".join(str(int(char, 36)) for char in rearranged)
        return BANK_ACCOUNT if int(numeric) % 97 == 1 else None


class VehicleRegRecognizer(PatternRecognizer):
    """ABC 123, ABC123, ABC 12A: letters as on Swedish plates (no I, Q, V; no O last)."""

    def __init__(self) -> None:
        super().__init__(
            (VEHICLE_REG,), r"(?<![\w-])(?P<letters>[A-HJ-PR-UW-Z]{3})\ ?\d{2}[0-9A-HJ-NPR-UW-Z](?![\w-])", re.VERBOSE
        )
        self.stoplist = frozenset(load_lines("not_vehicle_regs.txt"))
        self.shouting = re.compile(r"\b[A-ZÅÄÖ]{2,}\W*$|^\W*[A-ZÅÄÖ]{2,}\b")

    def validate(self, match: re.Match[str]) -> str | None:
        return None if match["letters"] in self.stoplist else VEHICLE_REG

    def invalidate(self, match: re.Match[str], ctx: Context) -> bool:
        # In a run of capitals ("RING OSS 123") three letters that make a word are a word, not a
        # plate; "VOLVON KLM 47P" still has one. Another plate next to this one ("GPR 318 och
        # XUW90A") is no run of capitals.
        if not is_listed_form(match["letters"]):
            return False
        before = self.regex.sub("", ctx.text[max(0, match.start() - 12) : match.start()])
        after = self.regex.sub("", ctx.text[match.end() : match.end() + 12])
        return bool(self.shouting.search(before)) or bool(re.match(r"\W*[A-ZÅÄÖ]{2,}\b", after))


RECOGNIZERS = [BankAccountRecognizer(), IbanRecognizer(), VehicleRegRecognizer()]
