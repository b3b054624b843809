"""The policy checker: ``analyze(text, platform)`` is the only public entry point."""

from __future__ import annotations

import re

from .pipeline import build_nlp
from .readability import readability
from .recognizers.base import Context
from .registry import run_all
from .report import PERSONAL_DATA, Category, Finding, Readability, Report, Severity

__all__ = ["MAX_TEXT_LENGTH", "PLATFORMS", "AnalysisInputError", "Category", "Finding", "Readability",
           "Report", "Severity", "analyze"]

MAX_TEXT_LENGTH = 100_000
PLATFORMS = ("facebook", "instagram", "x", "linkedin")


#: Lone surrogates cannot be encoded, and spaCy hashes every token as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")


class AnalysisInputError(ValueError):
    """Input the checker refuses; ``str()`` is a Swedish message for the writer."""


def doc_flags(findings: list[Finding]) -> tuple[str, ...]:
    """The post-level flags of DESIGN.md, in contract order."""
    categories = {finding.category for finding in findings}
    flags = {
        "personal_data": bool(categories & PERSONAL_DATA),
        "sensitive_data": Category.SENSITIVE_DATA in categories,
        "confidential": Category.CONFIDENTIAL in categories,
        "case_handling": Category.CASE_HANDLING in categories,
    }
    return tuple(flag for flag, applies in flags.items() if applies)


def analyze(text: str, platform: str | None = None) -> Report:
    """Check a draft post against the social-media policy.

    :raise AnalysisInputError: text longer than MAX_TEXT_LENGTH, not a str, or an unknown platform.
    """
    if not isinstance(text, str):
        raise AnalysisInputError("Texten måste vara en textsträng.")
    if len(text) > MAX_TEXT_LENGTH:
        raise AnalysisInputError(
            f"Texten är för lång ({len(text)} tecken). Högst {MAX_TEXT_LENGTH} tecken kan granskas."
        )
    if platform is not None and platform not in PLATFORMS:
        raise AnalysisInputError(
            f"Okänd plattform: {platform!r}. Välj en av {', '.join(PLATFORMS)} eller ingen."
        )
    # The Doc is built from a copy with U+FFFD for each surrogate: same length, so the
    # offsets of its tokens are offsets into the original text.
    ctx = Context(text=text, doc=build_nlp()(_SURROGATE.sub("\ufffd", text)), platform=platform)
    findings = run_all(ctx)
    return Report(findings=tuple(findings), readability=readability(text), doc_flags=doc_flags(findings))
