"""Bank accounts of private persons (clearing and account number, IBAN) and vehicle registration numbers."""

from __future__ import annotations

import re

import bankkonto
from bankkonto.account import expected_account_length

from .base import Context, PatternRecognizer, alternatives, cue_regex, load_lines, window_before
from .spelling import is_listed_form

BANK_ACCOUNT = "pii.bank_account"
BANK_ACCOUNT_SUSPECT = "pii.bank_account_suspect"
VEHICLE_REG = "pii.vehicle_reg"

#: A clearing number (four digits; Swedbank's five, often written 8327-9) and the account number
#: after it, in digit groups, its control digit perhaps after a hyphen (914 253 671-4).
CLEARING_AND_ACCOUNT = r"(?P<clearing>8\d{3}-\d(?=,?\ )|\d{4})(?:-|,?\ )(?P<account>\d{1,4}(?:\ \d{1,4}){0,4}(?:-\d)?)"
#: The shortest account number (a type 1 account, Bankgirot's "Bankernas kontonummeruppbyggnad").
MIN_ACCOUNT_DIGITS = 7


def has_account_number(account: str) -> bool:
    return len(re.sub(r"\D", "", account)) >= MIN_ACCOUNT_DIGITS


def is_valid_account(clearing: str, account: str) -> bool:
    """Tell whether a clearing and account number make an account by Bankgirot's rules (bankkonto):
    the clearing number belongs to a bank and the account number has that bank's length and
    control digit. Leading zeros of a longer account number may be left out, as people do."""
    if not has_account_number(account):
        return False
    clearing, account = re.sub(r"\D", "", clearing), re.sub(r"\D", "", account)
    if len(clearing) == 4 and clearing.startswith("8"):
        clearing += "0"  # Swedbank's fifth digit checks only the clearing number itself
    try:
        length = expected_account_length(clearing)
        return len(account) <= length and bankkonto.validate(clearing, account.zfill(length))
    except bankkonto.BankkontoValidationError:
        return False


_AMOUNT_UNIT = re.compile(r"\s*(?:kr|kronor|sek|:-)(?!\w)", re.IGNORECASE)


class BankAccountRecognizer(PatternRecognizer):
    """A digit run of a clearing number (4–5 digits), an account number or both, after an account word.

    A bare digit run is too common (order numbers, amounts) to report without the word before it.
    A clearing and account number together are checked: with a wrong control digit they are only
    a possible account (a mistyped one is still someone's); alone, neither can be checked.
    """

    def __init__(self) -> None:
        super().__init__(
            (BANK_ACCOUNT, BANK_ACCOUNT_SUSPECT),
            rf"""(?<!\w)(?:{alternatives("bank_account_cues.txt")})\b
                 (?:[\ :]+(?:är|nr|nummer|i|hos|på|till)\b|[\ :]+[{'A-ZÅÄÖ'}]\w*banken|\ [a-zåäö]+(?=[\ \w]{{0,30}},\ \d)
                    |\ den\ \d{{1,2}}(?::[ae])?(?:\ [a-zåäö]+)?(?=\ till\b))*
                 (?:\ (?:du|ni)\ (?:uppgav|angav|skickade|lämnade|gav\ oss))?
                 (?:[\ :]+\(?|,\ )
                 (?P<value>\d(?:[\d\ -]*\d)?(?:,\ ?\d[\d\ -]{{4,}}\d)?)(?![\d,.]\d)""",
            re.VERBOSE | re.IGNORECASE,
        )
        self.organisation_cues = cue_regex("organisation_account_cues.txt")
        self.both_numbers = re.compile(CLEARING_AND_ACCOUNT, re.VERBOSE)

    def validate(self, match: re.Match[str]) -> str | None:
        digits = re.sub(r"\D", "", match["value"])
        if not (len(digits) in (4, 5) or 7 <= len(digits) <= 16):
            return None
        both = self.both_numbers.fullmatch(match["value"])
        if both and has_account_number(both["account"]) and not is_valid_account(both["clearing"], both["account"]):
            return BANK_ACCOUNT_SUSPECT
        return BANK_ACCOUNT

    def invalidate(self, match: re.Match[str], ctx: Context) -> bool:
        if _AMOUNT_UNIT.match(ctx.text, match.end("value")):
            return True  # "sätter in 1 688 kr": an amount, not an account
        return bool(self.organisation_cues.search(window_before(ctx.text, match.end("value"), 60)))


class CheckedAccountRecognizer(PatternRecognizer):
    """A clearing and account number with no account word before them ("Vi ser att 8327-9,
    914 253 671-4 ligger ute"), reported only when the control digit is right: without the word,
    only the check tells an account from an order number or a figure."""

    def __init__(self) -> None:
        super().__init__(
            (BANK_ACCOUNT,), rf"(?<![\w+\-/.,:])(?P<value>{CLEARING_AND_ACCOUNT})(?![\w-]|[,.:/]\d)", re.VERBOSE
        )

    def validate(self, match: re.Match[str]) -> str | None:
        return BANK_ACCOUNT if is_valid_account(match["clearing"], match["account"]) else None

    def invalidate(self, match: re.Match[str], ctx: Context) -> bool:
        return bool(_AMOUNT_UNIT.match(ctx.text, match.end("value")))


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


RECOGNIZERS = [BankAccountRecognizer(), CheckedAccountRecognizer(), IbanRecognizer(), VehicleRegRecognizer()]
