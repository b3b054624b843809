"""Token-pattern rules that need to know where a person is named (sensitive, confidential, case_handling)."""

from __future__ import annotations

import re

from .base import Context, TokenPatternRecognizer, sentence_spans
from .names import find_names

#: A post that opens by addressing someone: "Hej Katarzyna!", "@Sara Lind", "Sara, vi ser ...".
_GREETING = re.compile(r"\s*(?:(?:hej|hejsan|hallå|tjena|tack|kära|käre|god morgon)\s+|@)?", re.IGNORECASE)


def addressed_person(text: str, names: list[tuple[int, int]]) -> bool:
    """Tell whether the post is a reply to one named person (its first words greet a name)."""
    if not names:
        return False
    start, end = names[0]
    greeting = _GREETING.match(text)
    return greeting is not None and greeting.end() == start and text[end:end + 1] in ("!", ",", ".", ":", " ", "\n")


class IndividualPatternRecognizer(TokenPatternRecognizer):
    """A TokenPatternRecognizer whose context "person" also holds the names found in the post.

    In a reply to a named person ("Hej Katarzyna! Vi betalar tillbaka ...") every sentence is about
    that person, so each sentence counts as pointing one out, and "du som ..." is that person, not
    an audience (the context "audience_you" is waived).
    """

    def contexts(self, ctx: Context) -> dict[str, list[tuple[int, int]]]:
        # find_names keeps its result on the Doc, so the name check and these rules share one run.
        names = find_names(ctx.doc)
        if addressed_person(ctx.text, names):
            return {"person": names + [(start, end) for start, end, _, _ in sentence_spans(ctx)]}
        return {"person": names}

    def waived(self, ctx: Context) -> frozenset[str]:
        return frozenset({"audience_you"}) if addressed_person(ctx.text, find_names(ctx.doc)) else frozenset()
