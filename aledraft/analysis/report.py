"""The analyzer's result types: findings, readability and the report (DESIGN.md contract)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import Enum


class Severity(str, Enum):
    BLOCK = "block"
    WARN = "warn"
    INFO = "info"


class Category(str, Enum):
    PERSONNUMMER = "personnummer"
    COORDINATION_NUMBER = "coordination_number"
    PHONE = "phone"
    EMAIL = "email"
    PERSON_NAME = "person_name"
    ADDRESS = "address"
    POSTAL_CODE = "postal_code"
    VEHICLE_REG = "vehicle_reg"
    BANK_ACCOUNT = "bank_account"
    SENSITIVE_DATA = "sensitive_data"
    CONFIDENTIAL = "confidential"
    CASE_HANDLING = "case_handling"
    PLAIN_LANGUAGE = "plain_language"
    LONG_SENTENCE = "long_sentence"
    SPELLING = "spelling"
    TONE = "tone"
    PLATFORM = "platform"
    ACCESSIBILITY = "accessibility"


#: Categories that are personal data; any finding in them sets the doc flag personal_data.
PERSONAL_DATA = frozenset(
    {
        Category.PERSONNUMMER,
        Category.COORDINATION_NUMBER,
        Category.PHONE,
        Category.EMAIL,
        Category.PERSON_NAME,
        Category.ADDRESS,
        Category.POSTAL_CODE,
        Category.VEHICLE_REG,
        Category.BANK_ACCOUNT,
        Category.SENSITIVE_DATA,
    }
)


@dataclass(frozen=True)
class Finding:
    rule: str
    category: Category
    severity: Severity
    start: int
    end: int
    text: str
    message: str
    suggestion: str | None = None

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "category": self.category.value,
            "severity": self.severity.value,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True)
class Readability:
    lix: float
    level: str
    words: int
    sentences: int
    long_words: int

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]
    readability: Readability
    doc_flags: tuple[str, ...]

    def to_dict(self) -> dict:
        return {
            "findings": [finding.to_dict() for finding in self.findings],
            "readability": self.readability.to_dict(),
            "doc_flags": list(self.doc_flags),
        }
