"""The policy checker: ``analyze(text, platform)`` is the only public entry point."""

from __future__ import annotations

import gc
import re

from .pipeline import build_nlp
from .readability import readability
from .recognizers.base import Context, TokenPatternRecognizer
from .registry import RECOGNIZERS, run_all
from .report import PERSONAL_DATA, Category, Finding, Readability, Report, Severity

__all__ = ["MAX_TEXT_LENGTH", "PLATFORMS", "AnalysisInputError", "Category", "Finding", "Readability",
           "Report", "Severity", "analyze", "warm_up"]

MAX_TEXT_LENGTH = 100_000
PLATFORMS = ("facebook", "instagram", "x", "linkedin")


#: Lone surrogates cannot be encoded, and spaCy hashes every token as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")
#: A run of non-space characters too long to be a word, a number or a link.
_LONG_RUN = re.compile(r"\S{200,}")
#: What the tokenizer splits off one at a time: in a long run that costs time that grows with
#: the square of its length (100,000 emoji took minutes), so the Doc sees spaces there instead.
_NOT_WORD_CHAR = re.compile(r"[^\w]")


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


def doc_text(text: str) -> str:
    """The text the Doc is built from: same length, so token offsets are offsets into ``text``.

    Lone surrogates become U+FFFD, and the punctuation and symbols inside runs of 200 or more
    non-space characters (no word or link is that long) become spaces.
    """
    text = _SURROGATE.sub("\ufffd", text)
    return _LONG_RUN.sub(lambda run: _NOT_WORD_CHAR.sub(" ", run[0]), text)


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
    # The Doc is built from a copy of the same length (doc_text), so the offsets of its
    # tokens are offsets into the original text.
    ctx = Context(text=text, doc=build_nlp()(doc_text(text)), platform=platform)
    findings = run_all(ctx)
    return Report(findings=tuple(findings), readability=readability(text), doc_flags=doc_flags(findings))


#: Touches every lazily loaded part: names, a place, a phone number, an e-mail, a misspelling,
#: jargon, a hashtag.
_WARM_UP_TEXT = ("Hej Anna Svensson! Välkommen till biblioteket i Nödinge. Ring 0303-33 00 00 eller mejla "
                 "info@ale.se. Ärendet är beviljat, vi återkommer med besked. Kommunhusett har öppet. "
                 "#AleKommun")


def warm_up() -> None:
    """Load everything analyze() needs (pipeline, lemma table, name lexicons, learned weights, hunspell-sv,
    the pattern files' Matchers) now.

    Call it once at start-up (wsgi.py does, before gunicorn forks its workers): the first
    analyze() then takes milliseconds rather than seconds. Then the loaded objects, some
    million of them, are moved out of the garbage collector's sight (gc.freeze): they are never
    garbage, and walking them took ~0.5 s in each full collection, in the middle of a request,
    and wrote to memory pages that forked workers otherwise share.
    """
    from . import hunspell
    from .pipeline import lemma_lookup
    from .recognizers import learned, names, spelling

    build_nlp()
    lemma_lookup()
    names.lexicon()
    learned.models()
    hunspell.warm_up()
    spelling.warm_up()
    for recognizer in RECOGNIZERS:
        if isinstance(recognizer, TokenPatternRecognizer):
            recognizer.warm_up()
    for platform in (None, *PLATFORMS):
        analyze(_WARM_UP_TEXT, platform=platform)
    gc.collect()
    gc.freeze()
