"""Token-pattern rules that need to know where a person is named (sensitive, confidential, case_handling)."""

from __future__ import annotations

from .base import Context, TokenPatternRecognizer
from .names import find_names


class IndividualPatternRecognizer(TokenPatternRecognizer):
    """A TokenPatternRecognizer whose context "person" also holds the names found in the post."""

    def contexts(self, ctx: Context) -> dict[str, list[tuple[int, int]]]:
        # find_names keeps its result on the Doc, so the name check and these rules share one run.
        return {"person": find_names(ctx.doc)}
