"""confidential.learned, case_handling.learned: a second opinion learned from labelled posts.

The token-pattern rules (data/confidential.jsonl, data/case_handling.jsonl) find what they have
words for. On blind sets written by people who never saw them they missed a quarter to a half of
the confidential posts and case-handling replies (tests/analysis/data/README.md): people say the
same thing in too many ways. A logistic regression over the post's lower-case words, word pairs
and the pieces of its compounds, trained by ``scripts/train_learned_flags.py`` on the labelled
sets, catches much of the rest. It speaks only where no rule of its category did
(registry.run_all), as a warning, on the sentence whose words weigh most.

A bag of words cannot tell "ditt bygglov är beviljat" from "när ditt bygglov är beviljat ..." or
"Hej! Vi har ändrat öppettiderna": so a guess is heard only when the rules' own context patterns
agree it can be one (a ``Gate``). For case_handling: a case word in the post, no refusal to
discuss cases anywhere in it, and no general advice, condition, private-channel referral,
moderation notice or staff matter in the marked sentence. For confidential: a person, employee,
investigation, tender, salary or care receiver in the post, no award decision already made, and no
disclaimer, figure for a whole group or public stage of a procurement in the marked sentence.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources

from ..report import Category, Finding
from ..rules import make_finding, rule
from . import case_handling, confidential
from .base import Context, TokenPatternRecognizer, sentence_spans, token_texts

MODEL_FILE = "learned_flags.json"
MIN_SENTENCE_WORDS = 3


#: Letters of the word pieces that are features too: Swedish compounds carry their meaning in
#: parts (rehabplanen, lönespecen, serverrummet, larmkoden), which whole words never share.
PIECE_LETTERS = 5


@functools.lru_cache(maxsize=100_000)
def _pieces(word: str) -> tuple[str, ...]:
    """The five-letter pieces ("#rehab") of a word of seven letters or more."""
    if len(word) < PIECE_LETTERS + 2:
        return ()
    return tuple("#" + word[i : i + PIECE_LETTERS] for i in range(len(word) - PIECE_LETTERS + 1))


def features(texts: Iterable[str]) -> set[str]:
    """The model's features of a run of token texts: distinct lower-case words (spaCy's
    is_alpha and lower_), word pairs and word pieces."""
    words = [text.lower() for text in texts if text.isalpha()]
    found = {*words, *(f"{first} {second}" for first, second in zip(words, words[1:]))}
    for word in set(words):
        found.update(_pieces(word))
    return found


@dataclass(frozen=True)
class FlagModel:
    """One flag's logistic regression; features are scaled by 1/sqrt(their number), as in training."""

    rule_id: str
    bias: float
    threshold: float
    weights: dict[str, float]

    def weight(self, some_features: set[str]) -> float:
        return sum(self.weights.get(feature, 0.0) for feature in some_features)

    def probability(self, post_features: set[str]) -> float:
        score = self.bias + self.weight(post_features) / math.sqrt(max(len(post_features), 1))
        return 1.0 / (1.0 + math.exp(-max(-500.0, min(500.0, score))))  # no overflow on huge posts

    def weightiest_sentence(self, ctx: Context) -> tuple[int, int] | None:
        """The sentence whose features weigh most; a greeting ("Hej Monica!") is no candidate."""
        sentences = sentence_spans(ctx.doc)
        texts = token_texts(ctx.doc)
        candidates = [s for s in sentences if sum(t.isalpha() for t in texts[s[2] : s[3]]) >= MIN_SENTENCE_WORDS]
        weightiest = max(
            candidates or sentences,
            key=lambda s: self.weight(features(texts[s[2] : s[3]])),
            default=None,
        )
        return (weightiest[0], weightiest[1]) if weightiest else None


@dataclass(frozen=True)
class Gate:
    """What the rules' context patterns must show before a learned guess is heard."""

    recognizer: TokenPatternRecognizer
    any_in_post: frozenset[str]
    unless_in_sentence: frozenset[str]
    unless_in_post: frozenset[str] = frozenset()

    def admits(self, ctx: Context, sentence: tuple[int, int]) -> bool:
        found = self.recognizer.context_spans(ctx, self.any_in_post | self.unless_in_sentence | self.unless_in_post)
        start, end = sentence
        return (
            any(name in found for name in self.any_in_post)
            and not any(name in found for name in self.unless_in_post)
            and not any(start <= s and e <= end for name in self.unless_in_sentence for s, e in found.get(name, ()))
        )


GATES = {
    "case_handling.learned": Gate(
        case_handling.RECOGNIZERS[0],
        any_in_post=frozenset({"case_in_post"}),
        unless_in_post=frozenset({"refusal"}),
        unless_in_sentence=frozenset({"conditional", "general", "private_channel", "moderation", "employment"}),
    ),
    "confidential.learned": Gate(
        confidential.RECOGNIZERS[0],
        any_in_post=frozenset({"person", "employment", "investigation", "tender", "salary", "care_receiver"}),
        unless_in_post=frozenset({"awarded"}),
        unless_in_sentence=frozenset({"disclaimer", "general_service", "general_advice", "aggregate", "process_notice"}),
    ),
}


@functools.cache
def models() -> tuple[FlagModel, ...]:
    path = resources.files(__package__.rpartition(".")[0]).joinpath("data", MODEL_FILE)
    data = json.loads(path.read_text("utf-8"))
    return tuple(
        FlagModel(rule_id=rule_id, bias=model["bias"], threshold=model["threshold"], weights=model["weights"])
        for rule_id, model in data["models"].items()
    )


def admitted_sentence(model: FlagModel, ctx: Context) -> tuple[int, int] | None:
    """The sentence a guess of ``model`` would mark, if its gate lets the guess be heard."""
    sentence = model.weightiest_sentence(ctx)
    return sentence if sentence and GATES[model.rule_id].admits(ctx, sentence) else None


class LearnedFlagRecognizer:
    rule_ids = tuple(GATES)

    def find(self, ctx: Context, spoken: frozenset[Category] = frozenset()) -> Iterator[Finding]:
        """The guesses of the models whose category is not among ``spoken`` (what the rules found)."""
        post_features = features(token_texts(ctx.doc))
        for model in models():
            if rule(model.rule_id).category in spoken:
                continue
            if model.probability(post_features) >= model.threshold and (sentence := admitted_sentence(model, ctx)):
                yield make_finding(model.rule_id, ctx.text, *sentence)


#: Run after the rules, and heard only on categories they left silent (registry.run_all).
SECOND_OPINION = LearnedFlagRecognizer()
