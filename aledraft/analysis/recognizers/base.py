"""What every recognizer shares (Presidio's recognizer shapes over one spaCy Doc)."""

from __future__ import annotations

import collections
import functools
import itertools
import json
import os
import re
import re._constants as re_constants
import re._parser as re_parser
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Protocol

from spacy.matcher import Matcher, PhraseMatcher
from spacy.schemas import validate_token_pattern
from spacy.tokens import Doc, Span, Token

from ..pipeline import build_nlp
from ..report import Finding, Severity
from ..rules import make_finding, rule


@dataclass(frozen=True)
class Context:
    text: str
    doc: Doc
    platform: str | None

    @functools.cached_property
    def tokens(self) -> list[Token]:
        """The Doc's tokens, made once: spaCy makes new Token objects on every pass over a Doc.

        Kept here, not in ``doc.user_data``: a Token there would make a reference cycle."""
        return list(self.doc)


class Recognizer(Protocol):
    rule_ids: tuple[str, ...]

    def find(self, ctx: Context) -> Iterable[Finding]: ...


def load_lines(name: str) -> list[str]:
    """Lines of data/<name>, stripped; '#' comment lines and blank lines skipped."""
    text = resources.files(__package__.rpartition(".")[0]).joinpath("data", name).read_text("utf-8")
    return [line for line in (raw.strip() for raw in text.splitlines()) if line and not line.startswith("#")]


def load_configured(list_name: str, variable: str) -> list[str]:
    """Lines of data/<list_name> plus the comma-separated entries of environment ``variable``.

    A municipality lists its own published numbers or role addresses there without editing
    the package (ALEDRAFT_OFFICIAL_NUMBERS="0303-33 01 00, 0303-33 02 00").
    """
    extra = (entry.strip() for entry in os.environ.get(variable, "").split(","))
    return load_lines(list_name) + [entry for entry in extra if entry]


def alternatives(list_name: str) -> str:
    """A regex alternation of the escaped lines of data/<list_name>, longest first."""
    return "|".join(sorted(map(re.escape, load_lines(list_name)), key=len, reverse=True))


def cue_regex(list_name: str, *, word_start: bool = True) -> re.Pattern[str]:
    """Case-insensitive search for any cue of the list, at a word beginning or anywhere in a word.

    At a word beginning 'ärende' also finds 'ärendenummer'; anywhere, 'skola' finds 'Kyrkbyskolan'.
    """
    return re.compile(("(?<!\\w)" if word_start else "") + f"(?:{alternatives(list_name)})", re.IGNORECASE)


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


#: LIX-style sentence ends: line breaks, and . ! ? : before a word that does not go on in lower
#: case or digits (so "kl. 21" and "ca 15.30" stay inside their sentence). Writers in a hurry
#: start sentences in lower case too ("… så den makuleras. du behöver inte betala"): that counts
#: after ! or ?, and after a full stop ending a word of five letters or more (not kl. or t.ex.)
#: or a bracket or quote. An emoji before a capital ends a sentence too ("… kulturstipendiet 🎸 Vi har").
_SENTENCE_BREAK = re.compile(
    r"\n+|(?<=[.!?:])\s+(?=[^\sa-zåäöéü0-9])|(?<=[!?])\s+(?=[a-zåäö])|(?<=[a-zåäö]{5}\.)\s+(?=[a-zåäö])"
    r"|(?<=[)”\"]\.)\s+(?=[a-zåäö])|(?<=[\u2600-\u27bf\ufe0f\U0001f300-\U0001faff])\s+(?=[A-ZÅÄÖ])"
)
#: Where a clause ends when a finding is grown to cover the whole statement.
_CLAUSE_END = re.compile(r"[,;!?\n()–—]|\.(?=\s|$)| och | men ")
MAX_CLAUSE_CHARS = 80
#: Characters that may stand before a heading-like marker ("• Internt", "## UTKAST") or after it.
_LEADERS = " \t*•-–—#:"


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Return (start, end) character ranges of the sentences of ``text``."""
    bounds, start = [], 0
    for brk in _SENTENCE_BREAK.finditer(text):
        bounds.append((start, brk.start()))
        start = brk.end()
    bounds.append((start, len(text)))
    return bounds


def clause_end(text: str, end: int, limit: int) -> int:
    """Return where the clause that goes on at ``end`` stops (at most ``limit``)."""
    brk = _CLAUSE_END.search(text, end, min(limit, end + MAX_CLAUSE_CHARS))
    return brk.start() if brk else min(limit, end + MAX_CLAUSE_CHARS)


#: The key of a text starting (or ending) with a decimal digit, which \\d matches.
DIGIT = "\\d"


def edge_chars(pattern: str) -> tuple[str, frozenset[str]] | None:
    """Where texts must fit ``pattern`` for it to match them: ("first", chars) if they must start
    with one of ``chars``, ("last", chars) if they must end with one; None if it cannot say.

    Only an anchored pattern can say: ^(kod|pin) gives ("first", {"k", "p"}) and (sk|ska)$
    ("last", {"a", "k"}); ^\\d… gives {DIGIT}. Other classes, like \\w or ., make it None.
    """
    parsed = re_parser.parse(pattern)
    items = list(parsed)
    if parsed.state.flags & re.IGNORECASE or not items:
        return None
    anchors = {"first": (0, (re_constants.AT_BEGINNING, re_constants.AT_BEGINNING_STRING)),
               "last": (-1, (re_constants.AT_END, re_constants.AT_END_STRING))}
    for edge, (position, kinds) in anchors.items():
        op, arg = items[position]
        if op is re_constants.AT and arg in kinds:
            rest = items[1:] if edge == "first" else items[-2::-1]
            chars, nullable = _edge_of_sequence(rest, reverse=edge == "last")
            if chars is not None and not nullable:
                return edge, frozenset(chars)
    return None


def _edge_of_sequence(items, reverse: bool) -> tuple[set[str] | None, bool]:
    """(first characters, or last if ``reverse``, and whether the items can match nothing);
    None for the characters if any may come first."""
    chars: set[str] = set()
    for op, arg in items:
        if op in (re_constants.AT, re_constants.ASSERT, re_constants.ASSERT_NOT):
            continue  # consume nothing; a lookaround only narrows what matches
        if op is re_constants.LITERAL:
            return chars | {chr(arg)}, False
        if op is re_constants.IN:
            found = {chr(value) if kind is re_constants.LITERAL else DIGIT
                     if (kind, value) == (re_constants.CATEGORY, re_constants.CATEGORY_DIGIT) else None
                     for kind, value in arg}
            return (None, False) if None in found else (chars | found, False)
        if op is re_constants.SUBPATTERN:
            _, add_flags, del_flags, sub = arg
            if add_flags or del_flags:
                return None, False
            found, nullable = _edge_of_sequence(_ordered(sub, reverse), reverse)
        elif op is re_constants.BRANCH:
            found, nullable = set(), False
            for branch in arg[1]:
                branch_chars, branch_nullable = _edge_of_sequence(_ordered(branch, reverse), reverse)
                if branch_chars is None:
                    return None, False
                found |= branch_chars
                nullable = nullable or branch_nullable
        elif op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT):
            low, _, sub = arg
            found, nullable = _edge_of_sequence(_ordered(sub, reverse), reverse)
            nullable = nullable or low == 0
        else:
            return None, False
        if found is None:
            return None, False
        chars |= found
        if not nullable:
            return chars, False
    return chars, True


def _ordered(items, reverse: bool) -> list:
    return list(items)[::-1] if reverse else list(items)


#: Most texts a regex may stand for before it stays a regex.
MAX_FINITE_TEXTS = 5_000


def finite_texts(pattern: str) -> frozenset[str] | None:
    """The texts a regex anchored at both ends matches, if they are few: ^anbud(et|en)?$ gives
    {"anbud", "anbudet", "anbuden"}. None for classes like \\w, unbounded repeats and the like.

    (Like $, the set leaves out the match before a final line break: "anbud\\n".)
    """
    parsed = re_parser.parse(pattern)
    items = list(parsed)
    if parsed.state.flags & re.IGNORECASE or len(items) < 2:
        return None
    if items[0] != (re_constants.AT, re_constants.AT_BEGINNING) or items[-1] != (re_constants.AT, re_constants.AT_END):
        return None
    texts = _finite_texts(items[1:-1])
    return frozenset(texts) if texts is not None else None


def _finite_texts(items, skip_anchors: bool = False) -> set[str] | None:
    """The texts a run of parsed regex items matches, if few; ``skip_anchors`` reads ^ and $
    inside as matching nothing (they only narrow where a text may stand)."""
    texts = {""}
    for op, arg in items:
        if op is re_constants.AT and skip_anchors:
            continue
        if op is re_constants.LITERAL:
            parts: set[str] | None = {chr(arg)}
        elif op is re_constants.IN:
            if not all(kind is re_constants.LITERAL for kind, _ in arg):
                return None
            parts = {chr(code) for _, code in arg}
        elif op is re_constants.SUBPATTERN:
            parts = None if arg[1] or arg[2] else _finite_texts(arg[3], skip_anchors)
        elif op is re_constants.BRANCH:
            branches = [_finite_texts(branch, skip_anchors) for branch in arg[1]]
            parts = None if None in branches else set().union(*branches)
        elif op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT) and arg[1] <= 3:
            low, high, sub = arg
            repeated = _finite_texts(sub, skip_anchors)
            parts = None if repeated is None else {
                "".join(combo) for count in range(low, high + 1) for combo in itertools.product(repeated, repeat=count)
            }
        else:
            return None
        if parts is None:
            return None
        texts = {text + part for text in texts for part in parts}
        if len(texts) > MAX_FINITE_TEXTS:
            return None
    return texts


#: Most literals a required-text pre-test may list, and the shortest it may use.
MAX_REQUIRED_TEXTS = 500
MIN_REQUIRED_LENGTH = 2


def required_texts(pattern: str) -> frozenset[str] | None:
    """Texts one of which every match of ``pattern`` contains, or None if it cannot say:
    ^(?!.*(team|enhet)).*(diagnos|cancer) gives {"diagnos", "cancer"}."""
    parsed = re_parser.parse(pattern)
    if parsed.state.flags & re.IGNORECASE:
        return None
    texts = _required_texts(list(parsed))
    return frozenset(texts) if texts is not None else None


def _required_texts(items) -> set[str] | None:
    # A run of literals is one text: "larm" in ^\w*larm$.
    groups: list[list] = []
    for is_literal, run in itertools.groupby(items, key=lambda item: item[0] is re_constants.LITERAL):
        groups += [list(run)] if is_literal else [[item] for item in run]
    for group in groups:
        op, arg = group[0]
        if op in (re_constants.AT, re_constants.ASSERT, re_constants.ASSERT_NOT):
            continue
        if op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT) and arg[0] == 0:
            continue  # optional: a match need not contain it
        texts = _finite_texts(group, skip_anchors=True)
        if texts is None and op is re_constants.BRANCH:
            branches = [_required_texts(branch) for branch in arg[1]]
            texts = None if None in branches else set().union(*branches)
        elif texts is None and op is re_constants.SUBPATTERN and not (arg[1] or arg[2]):
            texts = _required_texts(arg[3])
        if texts and len(texts) <= MAX_REQUIRED_TEXTS and min(map(len, texts)) >= MIN_REQUIRED_LENGTH:
            return texts
    return None


def ending_texts(pattern: str) -> frozenset[str] | None:
    """Texts one of which a text must end with for ``pattern``, anchored with $, to match it:
    (avgift|faktura)(en)?$ gives {"avgift", "avgiften", "faktura", "fakturaen"}; None if it
    cannot say (no $, or nothing finite before it)."""
    parsed = re_parser.parse(pattern)
    items = list(parsed)
    if parsed.state.flags & re.IGNORECASE or not items or items[-1] != (re_constants.AT, re_constants.AT_END):
        return None
    best = None
    for start in range(len(items) - 2, -1, -1):  # the longest finite tail before the $
        texts = _finite_texts(items[start:-1])
        if texts is None or len(texts) > MAX_REQUIRED_TEXTS:
            break
        best = texts
    return frozenset(best) if best and "" not in best else None


class _EndTested:
    """A regex anchored at the end, searched only in texts ending as it can end: str.endswith
    is far cheaper than the search, which tries the regex at every position of the word."""

    __slots__ = ("endings", "regex")

    def __init__(self, regex: re.Pattern[str], endings: frozenset[str]) -> None:
        self.regex = regex
        self.endings = tuple(endings)

    def search(self, text: str) -> bool:
        return text.endswith(self.endings) and self.regex.search(text) is not None


#: Pairs of first and last characters whose regexes TriggerIndex keeps listed; beyond this it starts over.
MAX_EDGE_PAIRS = 20_000


class TriggerIndex:
    """Which screened pattern tokens a token text can fill, for every text test of a pattern file.

    A test is a token spec's LOWER, TEXT or ORTH value: a string, an IN list or a REGEX. Strings
    and lists go into dicts (a regex that stands for a few texts is already a list: ``_expand``).
    A regex anchored at the start (or end) is searched only in
    texts starting (or ending) with a character it can start (or end) with, one anchored at the
    end only in texts with an ending it can match; of the rest, those whose matches all contain
    one of some texts (the look-aheads over health words) wait for one pre-test that finds such
    a text, and the others are searched in every text. (One alternation of all the regexes as a
    pre-test is slower: it loses each regex's own literal and anchor shortcuts.)
    """

    def __init__(self) -> None:
        # keyed by whether the test is on the lower-case text (LOWER) or the text as written
        self.exact: dict[bool, dict[str, list[tuple[int, int]]]] = {True: {}, False: {}}
        self.regexes: dict[bool, dict[str, tuple[re.Pattern[str], list[tuple[int, int]]]]] = {True: {}, False: {}}
        #: the regexes searched in every text, and those by the first or last character of a text
        self.unanchored: dict[bool, list[tuple[re.Pattern[str], list[tuple[int, int]]]]] = {True: [], False: []}
        self.by_edge: dict[bool, dict[tuple[str, str], list[tuple[re.Pattern[str], list[tuple[int, int]]]]]] = {
            True: {}, False: {}
        }
        #: the other regexes with texts one of which every match contains (required_texts): searched
        #: only in texts where one pre-test, an alternation of all those texts, finds one
        self.pre_tested: dict[bool, list[tuple[re.Pattern[str], list[tuple[int, int]]]]] = {True: [], False: []}
        self.required: dict[bool, set[str]] = {True: set(), False: set()}
        self.pre_test: dict[bool, re.Pattern[str] | None] = {True: None, False: None}
        #: (lower, first character, last character) -> the regexes a text with those edges may match
        self._by_edges: dict[tuple[bool, str, str], tuple[tuple[re.Pattern[str], list[tuple[int, int]]], ...]] = {}

    def add(self, n: int, k: int, spec: dict) -> None:
        """Index token ``k`` of pattern line ``n`` (a spec ``_screenable`` accepts)."""
        attr = next(attr for attr in ("LOWER", "TEXT", "ORTH") if attr in spec)
        value, lower = spec[attr], attr == "LOWER"
        if isinstance(value, str) or "IN" in value:
            for word in [value] if isinstance(value, str) else value["IN"]:
                self.exact[lower].setdefault(word, []).append((n, k))
            return
        entry = self.regexes[lower].get(value["REGEX"])
        if entry is None:
            entry = self.regexes[lower][value["REGEX"]] = (re.compile(value["REGEX"]), [])
            edge = edge_chars(value["REGEX"])
            if edge is None and (required := required_texts(value["REGEX"])) is not None:
                self.pre_tested[lower].append(entry)
                self.required[lower] |= required
                self.pre_test[lower] = re.compile(
                    "|".join(map(re.escape, sorted(self.required[lower], key=len, reverse=True)))
                )
            elif edge is None:
                self.unanchored[lower].append(entry)
            else:
                endings = ending_texts(value["REGEX"]) if edge[0] == "last" else None
                tested = entry if endings is None else (_EndTested(entry[0], endings), entry[1])
                for char in edge[1]:
                    self.by_edge[lower].setdefault((edge[0], char), []).append(tested)
        entry[1].append((n, k))

    def _regexes_for(self, lower: bool, folded: str) -> Iterable[tuple[re.Pattern[str], list[tuple[int, int]]]]:
        if "\n" in folded:  # $ matches before a final line break too: search them all
            return self.regexes[lower].values()
        edges = (lower, folded[:1], folded[-1:])
        listed = self._by_edges.get(edges)
        if listed is None:
            if len(self._by_edges) >= MAX_EDGE_PAIRS:
                self._by_edges.clear()
            listed = self._by_edges[edges] = self._edge_regexes(*edges)
        pre_test = self.pre_test[lower]
        return itertools.chain(listed, self.pre_tested[lower]) if pre_test and pre_test.search(folded) else listed

    def _edge_regexes(self, lower: bool, first: str, last: str) -> tuple[tuple[re.Pattern[str], list[tuple[int, int]]], ...]:
        """The regexes to search in texts that start with ``first`` and end with ``last``
        (before the pre-tested ones), listed once per pair of characters."""
        by_edge = self.by_edge[lower]
        return (
            *self.unanchored[lower], *by_edge.get(("first", first), ()), *by_edge.get(("last", last), ()),
            *(by_edge.get(("first", DIGIT), ()) if first.isdecimal() else ()),
            *(by_edge.get(("last", DIGIT), ()) if last.isdecimal() else ()),
        )

    def __call__(self, text: str) -> tuple[tuple[int, int], ...]:
        found: list[tuple[int, int]] = []
        for lower, folded in ((True, text.lower()), (False, text)):
            found += self.exact[lower].get(folded, ())
            for regex, places in self._regexes_for(lower, folded):
                if regex.search(folded):
                    found += places
        return tuple(found)


def _expand(line: dict, defines: dict[str, str], as_sets: dict[str, list[str]]) -> dict:
    """Return a pattern line with every @name@ in its REGEX values replaced by the named alternation,
    and each REGEX that stands for a few texts (finite_texts: two thirds of them) made an IN list,
    noted in ``as_sets``.

    spaCy compiles a regex predicate anew for each Matcher and calls it in Python at every
    token; a set predicate is a hash lookup. Text new to the process builds new Matchers.
    """
    def expand(value):
        if isinstance(value, dict):
            value = {key: (re.sub(r"@(\w+)@", lambda m: defines[m[1]], item) if key == "REGEX" else expand(item))
                     for key, item in value.items()}
            texts = finite_texts(value["REGEX"]) if value.keys() == {"REGEX"} else None
            if texts is None:
                return value
            as_sets[value["REGEX"]] = sorted(texts)
            return {"IN": as_sets[value["REGEX"]]}
        if isinstance(value, list):
            return [expand(item) for item in value]
        return value

    return expand(line)


def _screenable(spec: dict) -> bool:
    """Tell whether every match of a pattern has a token whose text ``spec`` can test in Python."""
    value = next((spec[attr] for attr in ("LOWER", "TEXT", "ORTH") if attr in spec), None)
    return spec.get("OP") in (None, "+") and (
        isinstance(value, str) or isinstance(value, dict) and (
            # A regex that matches the empty string ("^(?!…)": any word but these) screens nothing.
            "IN" in value or "REGEX" in value and re.search(value["REGEX"], "") is None
        )
    )


def token_texts(doc: Doc) -> list[str]:
    """Return the text of each token, computed once per Doc (Token objects are made on each access)."""
    texts = doc.user_data.get(TOKEN_TEXTS_KEY)
    if texts is None:
        texts = doc.user_data[TOKEN_TEXTS_KEY] = [token.text for token in doc]
    return texts


TOKEN_TEXTS_KEY = "aledraft.base.token_texts"


def doc_string(doc: Doc) -> str:
    """Return ``doc.text``, joined once per Doc (spaCy joins every token's text on each access)."""
    text = doc.user_data.get(DOC_STRING_KEY)
    if text is None:
        text = doc.user_data[DOC_STRING_KEY] = doc.text
    return text


DOC_STRING_KEY = "aledraft.base.doc_string"


def doc_sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Return ``sentence_bounds`` of the Doc's text, computed once per Doc."""
    bounds = doc.user_data.get(SENTENCE_BOUNDS_KEY)
    if bounds is None:
        bounds = doc.user_data[SENTENCE_BOUNDS_KEY] = sentence_bounds(doc_string(doc))
    return bounds


def sentence_spans(doc: Doc) -> list[tuple[int, int, int, int]]:
    """Return (start, end, first token, end token) of each sentence of ``sentence_bounds``, once per Doc.

    Token indices, not Spans: a Span kept in ``doc.user_data`` would make a reference cycle.
    """
    spans = doc.user_data.get(SENTENCE_SPANS_KEY)
    if spans is None:
        spans = doc.user_data[SENTENCE_SPANS_KEY] = [
            (start, end, span.start, span.end) for start, end in doc_sentence_bounds(doc)
            if (span := doc.char_span(start, end, alignment_mode="expand")) is not None
        ]
    return spans


SENTENCE_BOUNDS_KEY = "aledraft.base.sentence_bounds"
SENTENCE_SPANS_KEY = "aledraft.base.sentence_spans"


class TokenPatternRecognizer:
    """spaCy Matcher token patterns from a JSONL file, EntityRuler-style ("id" = rule id).

    A line with "context" instead of "id" names a context pattern; a line {"define": name,
    "regex": alternation} lets REGEX values say @name@ for a list they share. A rule line may list
    contexts it "requires" (each must occur in the same sentence), contexts it
    "requires_in_post" (anywhere in the post: "Anbuden har kommit in. Lägst ligger ...") and contexts that veto it
    ("unless"; "unless_before" vetoes only from before the match's end: "för dig som har ...";
    "unless_in_post" anywhere in the post: a procurement whose award is announced),
    a "severity" that overrides the rule's, "sentence_start": true, "alone": true (nothing but
    punctuation follows in the sentence, as in a heading "UTKAST"), and "extend": "clause" to
    grow the span to the clause end. Subclasses add computed contexts
    (person names ...) in ``contexts()``.

    The Matcher runs only on sentences holding, for some rule pattern, a word for each of its
    obligatory text-tested tokens (the screen): spaCy
    calls set and regex predicates in Python for every token, which costs milliseconds a post,
    while this screen is one cached lookup per token.
    """

    def __init__(self, pattern_file: str) -> None:
        self.pattern_file = pattern_file
        lines = [json.loads(line) for line in load_lines(pattern_file)]
        defines = {line["define"]: line["regex"] for line in lines if "define" in line}
        #: the regexes of the file that stand for a few texts, and those texts (IN lists in ``lines``)
        self.regexes_as_sets: dict[str, list[str]] = {}
        self.lines = [_expand(line, defines, self.regexes_as_sets) for line in lines if "define" not in line]
        self.rule_ids = tuple(dict.fromkeys(line["id"] for line in self.lines if "id" in line))
        for rule_id in self.rule_ids:
            rule(rule_id)
        # Checked here once: the Matcher built for each line skips spaCy's validation.
        for line in self.lines:
            if errors := validate_token_pattern(line["pattern"]):
                raise ValueError(f"{pattern_file}: {errors[0]}: {line['pattern']}")
        index = TriggerIndex()
        #: line -> how many of its tokens are screened; a sentence must have a word for each
        self.screened: collections.Counter[int] = collections.Counter()
        for n, line in enumerate(self.lines):
            for k, spec in enumerate(line["pattern"]):
                if _screenable(spec):
                    index.add(n, k, spec)
                    self.screened[n] += 1
        unscreened = [line["pattern"] for n, line in enumerate(self.lines) if "id" in line and n not in self.screened]
        if unscreened:
            raise ValueError(f"a rule pattern needs an obligatory LOWER, TEXT or ORTH token: {unscreened[0]}")
        #: token text -> the (line, token position) pairs it can fill (usually none)
        self.triggers = functools.lru_cache(maxsize=100_000)(index)
        self._matchers: dict[int, Matcher] = {}

    def matches(self, span: Span, lines: Iterable[int]) -> list[Span]:
        """The matches in ``span`` of just these pattern lines, line by line in the order given.

        spaCy evaluates every pattern's first token at every token, so a sentence is matched only
        against the rule patterns its words can trigger (and the context patterns only when a
        rule matched there): the same matches, a fraction of the work. Each line has a Matcher
        of its own, built once: one per combination of lines would be built anew for text new
        to the process.
        """
        return [match for n in lines for match in self._matcher(n)(span, as_spans=True)]

    def warm_up(self) -> None:
        """Build every line's Matcher now, before warm_up() freezes what it loaded."""
        for n in range(len(self.lines)):
            self._matcher(n)

    def _matcher(self, n: int) -> Matcher:
        matcher = self._matchers.get(n)
        if matcher is None:
            matcher = self._matchers[n] = Matcher(build_nlp().vocab, validate=False)
            matcher.add(str(n), [self.lines[n]["pattern"]])
        return matcher

    @functools.cached_property
    def context_lines(self) -> tuple[int, ...]:
        return tuple(n for n, line in enumerate(self.lines) if "context" in line)

    def _sentence_screens(self, ctx: Context) -> list[collections.Counter[int]]:
        """What the screen sees in each sentence of ``sentence_spans``, once per Doc: pattern
        line -> how many of its screened tokens the sentence's words fill."""
        key = f"aledraft.base.screens.{self.pattern_file}"
        screens = ctx.doc.user_data.get(key)
        if screens is None:
            triggered = list(map(self.triggers, token_texts(ctx.doc)))
            screens = ctx.doc.user_data[key] = []
            for _, _, first, last in sentence_spans(ctx.doc):
                # Most sentences trigger nothing: skip the set and the count for them.
                places = [found for found in triggered[first:last] if found]
                filled = set(itertools.chain.from_iterable(places)) if places else ()
                screens.append(collections.Counter(n for n, _ in filled))
        return screens

    def _add_contexts(self, span: Span, names: set[str], filled: collections.Counter[int],
                      found: dict[str, list[tuple[int, int]]]) -> None:
        """Add the matches inside ``span`` of the context patterns called ``names`` to ``found``.

        Only the patterns the screen (``filled``, what it saw in the span) lets through run.
        """
        lines = tuple(n for n in self.context_lines
                      if self.lines[n]["context"] in names and filled[n] == self.screened[n])
        if lines:
            for match in self.matches(span, lines):
                found.setdefault(self.lines[int(match.label_)]["context"], []).append((match.start_char, match.end_char))

    def _add_contexts_in_post(self, ctx: Context, names: set[str], found: dict[str, list[tuple[int, int]]]) -> None:
        """Add the matches of the context patterns called ``names`` in every sentence to ``found``."""
        for (_, _, first, last), filled in zip(sentence_spans(ctx.doc), self._sentence_screens(ctx)):
            self._add_contexts(ctx.doc[first:last], names, filled, found)

    def contexts(self, ctx: Context) -> dict[str, list[tuple[int, int]]]:
        """Computed contexts as character spans; called only when a rule pattern matched."""
        return {}

    def context_spans(self, ctx: Context, names: set[str]) -> dict[str, list[tuple[int, int]]]:
        """Where in the post the contexts called ``names`` occur, computed ones included."""
        found: dict[str, list[tuple[int, int]]] = {}
        self._add_contexts_in_post(ctx, names, found)
        for name, spans in self.contexts(ctx).items():
            if name in names and spans:
                found.setdefault(name, []).extend(spans)
        return found

    def waived(self, ctx: Context) -> frozenset[str]:
        """Context patterns that do not count in this post; called only when a rule pattern matched."""
        return frozenset()

    def find(self, ctx: Context) -> Iterator[Finding]:
        found: dict[str, list[tuple[int, int]]] = {}
        candidates = []
        for (sent_start, sent_end, first, last), filled in zip(sentence_spans(ctx.doc), self._sentence_screens(ctx)):
            lines = sorted(n for n, count in filled.items() if "id" in self.lines[n] and count == self.screened[n])
            if not lines:
                continue
            sentence = ctx.doc[first:last]
            matched = [
                (self.lines[int(span.label_)], span.start_char, span.end_char)
                for span in self.matches(sentence, lines)
            ]
            wanted = {name for line, _, _ in matched for key in ("requires", "unless", "unless_before")
                      for name in line.get(key, ())}
            if wanted:
                self._add_contexts(sentence, wanted, filled, found)
            candidates += [(line, start, end, sent_start, sent_end) for line, start, end in matched]
        if not candidates:
            return
        in_post: dict[str, list[tuple[int, int]]] = {}
        in_post_wanted = {name for line, *_ in candidates
                          for key in ("requires_in_post", "unless_in_post") for name in line.get(key, ())}
        if in_post_wanted:
            self._add_contexts_in_post(ctx, in_post_wanted, in_post)
        for name, spans in self.contexts(ctx).items():
            found.setdefault(name, []).extend(spans)
            if name in in_post_wanted and spans:
                in_post.setdefault(name, []).extend(spans)
        for name in self.waived(ctx):
            found.pop(name, None)
        kept: list[tuple[int, int, dict]] = []
        for line, start, end, sent_start, sent_end in candidates:

            def occurs(name: str, lo: int = sent_start, hi: int = sent_end) -> bool:
                return any(lo <= s and e <= hi for s, e in found.get(name, ()))

            if not all(map(occurs, line.get("requires", ()))) or any(map(occurs, line.get("unless", ()))):
                continue
            if not all(name in in_post for name in line.get("requires_in_post", ())) or any(
                name in in_post for name in line.get("unless_in_post", ())
            ):
                continue
            if any(occurs(name, sent_start, end) for name in line.get("unless_before", ())):
                continue  # a veto that counts only before the match ("för dig som har ...")
            if line.get("sentence_start") and ctx.text[sent_start:start].strip(_LEADERS):
                continue
            if line.get("alone") and ctx.text[end:sent_end].strip(_LEADERS + "!."):
                continue
            if line.get("extend") == "clause":
                end = clause_end(ctx.text, end, sent_end)
            kept.append((start, end, line))
        # The longest match wins where a rule's patterns overlap (spaCy filter_spans).
        chosen: list[tuple[int, int, dict]] = []
        for start, end, line in sorted(kept, key=lambda k: (k[0] - k[1], k[0])):
            if not any(s < end and start < e and line["id"] == other["id"] for s, e, other in chosen):
                chosen.append((start, end, line))
        for start, end, line in sorted(chosen, key=lambda k: k[0]):
            severity = Severity(line["severity"]) if "severity" in line else None
            yield make_finding(line["id"], ctx.text, start, end, severity=severity)
