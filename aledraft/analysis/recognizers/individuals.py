"""Token-pattern rules that need to know where a person is named (sensitive, confidential, case_handling)."""

from __future__ import annotations

import re

from .base import Context, TokenPatternRecognizer, sentence_spans
from .identity_numbers import COORDINATION_NUMBER, PERSONNUMMER
from .identity_numbers import RECOGNIZERS as IDENTITY_NUMBER_RECOGNIZERS
from .names import find_names

#: How a post that addresses someone begins, up to the name: "Hej Katarzyna!", "@Sara Lind",
#: "Sara, vi ser ...", "Tack för din synpunkt, @goran.lilja.", "haha nej du Lennart, ...",
#: "Välkommen tillbaka Maria!", "Grattis Sophie, du vann ...", "Svar till Lena Persson om ..."
_GREETING = re.compile(
    r"\s*@?|\s*(?:(?:haha|hehe|oj|åh|hmm)\w*[\s,!.]+)?"
    r"(?:hej|hejsan|hallå|tjena|tack|kära|käre|god morgon|nej|ja|jo|japp|välkommen tillbaka|grattis|svar till)"
    r"\b[^.!?\n]{0,40}?[\s,]@?",
    re.IGNORECASE,
)


#: A comment reply that greets without a name ("Hej! Vi har makulerat ...") is this short at most.
MAX_UNNAMED_REPLY_CHARS = 600
_BARE_GREETING = re.compile(r"\s*(?:hej|hejsan|hallå)\s*[!,.]\s", re.IGNORECASE)
#: ... or opens with the @handle of the person or firm it answers ("@BistroNolGbg Det tillfälliga ..."),
_HANDLE = re.compile(r"\s*@[\w.]+\s")
#: ... or opens by answering a question ("japp, godkänt nu", "Nej, tyvärr ...", "Tyvärr inte än.").
_ANSWER = re.compile(r"\s*(?:ja|japp|jajamen|jo|nej|nä|nope|yes|absolut|tyvärr|precis|stämmer|okej|ok)\b\s*[!,.:]", re.IGNORECASE)


def addressed_person(text: str, names: list[tuple[int, int]]) -> bool:
    """Tell whether the post is a reply to one person.

    It is when it opens with an @handle, when its first words greet a name ("Hej Katarzyna!"), or
    when a short post opens with a bare "Hej!" ("Hej! Vi har makulerat din faktura."; posts for
    everyone greet "Hej alla!") or with an answer ("japp, godkänt nu").
    """
    if _HANDLE.match(text):
        return True
    if names:
        start, end = names[0]
        if _GREETING.fullmatch(text, 0, start) is not None and text[end:end + 1] in ("!", ",", ".", ":", " ", "\n"):
            return True
    return len(text) <= MAX_UNNAMED_REPLY_CHARS and (
        _BARE_GREETING.match(text) is not None or _ANSWER.match(text) is not None
    )


def identity_numbers(ctx: Context) -> list[tuple[int, int]]:
    """Where the post has a valid personnummer or samordningsnummer.

    Numbers of the same shape that fail the check (an organisationsnummer, a register number)
    point out nobody. Found once per Doc: the three pattern files and the learned gates ask.
    """
    key = "aledraft.individuals.identity_numbers"
    if key not in ctx.doc.user_data:
        ctx.doc.user_data[key] = [
            (finding.start, finding.end)
            for recognizer in IDENTITY_NUMBER_RECOGNIZERS
            for finding in recognizer.find(ctx)
            if finding.rule in (PERSONNUMMER, COORDINATION_NUMBER)
        ]
    return ctx.doc.user_data[key]


class IndividualPatternRecognizer(TokenPatternRecognizer):
    """A TokenPatternRecognizer whose contexts "person" and "addressee" also hold the names found,
    "person" and "identity_number" the valid identity numbers.

    "person" also matches pronouns (du, hon, eleven ...) in the pattern files; "addressee" only
    named persons and relatives ("din mamma"), for wording that general advice uses too
    ("du behöver inte söka bygglov för en friggebod"); "reply" only the sentences of a reply to a
    named person, for news about a case that concerns the person replied to ("rektor har startat
    en utredning").

    In a reply to a named person ("Hej Katarzyna! Vi betalar tillbaka ...") every sentence is about
    that person, so each sentence counts as pointing one out, and "du som ..." is that person, not
    an audience (the context "audience_you" is waived).
    """

    def contexts(self, ctx: Context) -> dict[str, list[tuple[int, int]]]:
        # find_names keeps its result on the Doc, so the name check and these rules share one run.
        names = find_names(ctx.doc)
        numbers = identity_numbers(ctx)
        if addressed_person(ctx.text, names):
            sentences = [(start, end) for start, end, _, _ in sentence_spans(ctx.doc)]
            return {"person": names + numbers + sentences, "addressee": names + sentences, "reply": sentences,
                    "identity_number": numbers}
        return {"person": names + numbers, "addressee": names, "identity_number": numbers}

    def waived(self, ctx: Context) -> frozenset[str]:
        return frozenset({"audience_you"}) if addressed_person(ctx.text, find_names(ctx.doc)) else frozenset()
