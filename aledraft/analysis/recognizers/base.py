"""What every recognizer shares (Presidio's recognizer shapes over one spaCy Doc)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Protocol

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..pipeline import build_nlp
from ..report import Finding
from ..rules import make_finding, rule


@dataclass(frozen=True)
class Context:
    text: str
    doc: Doc
    platform: str | None


class Recognizer(Protocol):
    rule_ids: tuple[str, ...]

    def find(self, ctx: Context) -> Iterable[Finding]: ...


def load_lines(name: str) -> list[str]:
    """Lines of data/<name>, stripped; '#' comment lines and blank lines skipped."""
    text = resources.files(__package__.rpartition(".")[0]).joinpath("data", name).read_text("utf-8")
    return [line for line in (raw.strip() for raw in text.splitlines()) if line and not line.startswith("#")]


def window_before(text: str, start: int, width: int = 40) -> str:
    """Lower-cased text just before ``start``: where Swedish puts the words that say what a number is."""
    return text[max(0, start - width) : start].lower()


class PatternRecognizer:
    """Regex candidates, then ``validate`` (is it well-formed?) and ``invalidate`` (does the context rule it out?).

    The span reported is the regex group "value" when the pattern has one, else the whole match.
    """

    def __init__(self, rule_ids: tuple[str, ...], pattern: str, flags: int = 0) -> None:
        for rule_id in rule_ids:
            rule(rule_id)  # fail at import on an unknown id
        self.rule_ids = rule_ids
        self.regex = re.compile(pattern, flags)

    def validate(self, match: re.Match[str]) -> str | None:
        """Return the rule id this candidate is a finding of, or None when it is not one."""
        return self.rule_ids[0]

    def invalidate(self, match: re.Match[str], ctx: Context) -> bool:
        """True when the surrounding text shows the candidate is something else."""
        return False

    def find(self, ctx: Context) -> Iterator[Finding]:
        for match in self.regex.finditer(ctx.text):
            rule_id = self.validate(match)
            if rule_id is None or self.invalidate(match, ctx):
                continue
            group = "value" if "value" in self.regex.groupindex else 0
            yield make_finding(rule_id, ctx.text, match.start(group), match.end(group))


class LexiconRecognizer:
    """Whole-phrase matches of a word list (one phrase a line) on LOWER or LEMMA."""

    def __init__(self, rule_id: str, list_name: str, attr: str = "LOWER") -> None:
        rule(rule_id)
        self.rule_ids = (rule_id,)
        self.list_name = list_name
        self.attr = attr

    @functools.cached_property
    def matcher(self) -> PhraseMatcher:
        nlp = build_nlp()
        matcher = PhraseMatcher(nlp.vocab, attr=self.attr)
        phrases = load_lines(self.list_name)
        # LEMMA patterns need the lemmatizer to run on the phrases, LOWER ones only tokenising.
        docs = nlp.pipe(phrases) if self.attr == "LEMMA" else (nlp.make_doc(p) for p in phrases)
        matcher.add(self.rule_ids[0], list(docs))
        return matcher

    def accept(self, span: Span, ctx: Context) -> bool:
        """Hook for subclasses: False drops a match the context rules out."""
        return True

    def find(self, ctx: Context) -> Iterator[Finding]:
        for span in self.matcher(ctx.doc, as_spans=True):
            if self.accept(span, ctx):
                yield make_finding(self.rule_ids[0], ctx.text, span.start_char, span.end_char)


class SubstitutionRecognizer:
    """(bureaucratic → plain) pairs from a TSV file; the suggestion is the plain wording."""

    def __init__(self, rule_id: str, tsv_name: str, attr: str = "LOWER") -> None:
        rule(rule_id)
        self.rule_ids = (rule_id,)
        self.tsv_name = tsv_name
        self.attr = attr

    @functools.cached_property
    def _compiled(self) -> tuple[PhraseMatcher, dict[str, str]]:
        nlp = build_nlp()
        matcher = PhraseMatcher(nlp.vocab, attr=self.attr)
        replacements: dict[str, str] = {}
        for line in load_lines(self.tsv_name):
            phrase, plain = line.split("\t")[:2]
            key = f"{self.rule_ids[0]}:{len(replacements)}"
            doc = nlp(phrase) if self.attr == "LEMMA" else nlp.make_doc(phrase)
            matcher.add(key, [doc])
            replacements[key] = plain
        return matcher, replacements

    def find(self, ctx: Context) -> Iterator[Finding]:
        matcher, replacements = self._compiled
        for match_id, start, end in matcher(ctx.doc):
            span = ctx.doc[start:end]
            plain = replacements[ctx.doc.vocab.strings[match_id]]
            yield make_finding(self.rule_ids[0], ctx.text, span.start_char, span.end_char, suggestion=plain)
