"""plain_language.jargon, long_sentence and language.passive: språklagen 11 § (vårdat, enkelt, begripligt).

Jargon pairs are in data/plain_language.tsv. A single base-form word there ("erhålla") also
matches its inflected forms, found through the lemma lookup table on the lower-cased token, so a
sentence-initial "Erhölls" matches as well as "erhålles". Passive verbs are counted by shape:
an -s form whose lemma is the same verb ("debiteras" → debitera), minus the deponent verbs in
data/not_passive.txt ("finns", "hoppas", "i våras").
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator

from spacy.tokens import Token

from ..pipeline import build_nlp
from ..report import Finding, Severity
from ..rules import make_finding, rule
from .base import Context, doc_sentence_bounds, load_lines, token_texts

JARGON = "plain_language.jargon"
LONG_SENTENCE = "long_sentence"
PASSIVE = "language.passive"

#: Words in a sentence before long_sentence speaks up (Klarspråk's usual advice), and the length
#: at which it warns instead of informs.
MAX_SENTENCE_WORDS = 25
WARN_SENTENCE_WORDS = 40
#: Passive voice is normal Swedish; only a post that leans on it is commented: at least this many
#: -s passives, and at least one in every PASSIVE_WORDS_PER_VERB words.
MIN_PASSIVES = 3
PASSIVE_WORDS_PER_VERB = 30
#: Verbs in -e are ge/se and their short compounds (inge, medge, tillse); longer -e words are nouns.
MAX_GE_SE_VERB = 6


@functools.cache
def _lemmas():
    return build_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_lookup")


@functools.lru_cache(maxsize=100_000)
def lemma(lower: str) -> str:
    """Return the lookup lemma of a lower-case form (the form itself when unknown)."""
    return _lemmas().get(lower, lower)


@functools.cache
def _jargon() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Map a first word to the entries starting with it, longest first: (words, plain)."""
    entries: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for line in load_lines("plain_language.tsv"):
        phrase, plain = line.split("\t")[:2]
        words = tuple(token.lower_ for token in build_nlp().make_doc(phrase))
        entries.setdefault(words[0], []).append((words, plain))
    return {first: sorted(found, key=lambda entry: -len(entry[0])) for first, found in entries.items()}


#: Present, past and supine of the plain verbs the jargon list suggests (first word of the plain phrase).
PLAIN_VERB_FORMS = {
    "få": ("får", "fick", "fått"), "ge": ("ger", "gav", "gett"), "kräva": ("kräver", "krävde", "krävt"),
    "ta": ("tar", "tog", "tagit"), "bli": ("blir", "blev", "blivit"), "ha": ("har", "hade", "haft"),
    "skicka": ("skickar", "skickade", "skickat"), "be": ("ber", "bad", "bett"),
    "finnas": ("finns", "fanns", "funnits"), "säga": ("säger", "sa", "sagt"),
    "hänvisa": ("hänvisar", "hänvisade", "hänvisat"), "genomföra": ("genomför", "genomförde", "genomfört"),
    "meddela": ("meddelar", "meddelade", "meddelat"), "betala": ("betalar", "betalade", "betalat"),
    "göra": ("gör", "gjorde", "gjort"), "vidta": ("vidtar", "vidtog", "vidtagit"),
    "ordna": ("ordnar", "ordnade", "ordnat"), "leda": ("leder", "ledde", "lett"),
    "använda": ("använder", "använde", "använt"), "omfatta": ("omfattar", "omfattade", "omfattat"),
    "sälja": ("säljer", "sålde", "sålt"), "köpa": ("köper", "köpte", "köpt"),
    "driva": ("driver", "drev", "drivit"), "komma": ("kommer", "kom", "kommit"),
    "vara": ("är", "var", "varit"), "visa": ("visar", "visade", "visat"),
}


def inflect_plain(plain: str, form: str, base: str) -> str | None:
    """Return ``plain`` in the tense of ``form`` (an inflection of the jargon verb ``base``), or None.

    Present (-r), supine (-t) and past (-de/-te or a strong past: erhöll) are recognised; passives,
    participles and anything else give None, as do plain words without known forms.
    """
    first, _, rest = plain.partition(" ")
    forms = PLAIN_VERB_FORMS.get(first)
    if forms is None or not base.endswith("a") or form.endswith("s") or form == base[:-1]:
        return None
    if form.endswith("r"):
        tense = 0
    elif form.endswith("t"):
        tense = 2
    elif form.endswith(("de", "te")) or form[-1:] not in tuple("aen"):
        tense = 1
    else:
        return None  # a participle (erhållna, erhållen)
    return " ".join(filter(None, (forms[tense], rest)))


class JargonRecognizer:
    """Bureaucratic words and phrases with a plainer alternative as the suggestion."""

    rule_ids = (JARGON,)

    def __init__(self) -> None:
        rule(JARGON)

    def find(self, ctx: Context) -> Iterator[Finding]:
        doc, entries = ctx.doc, _jargon()
        lowers = [text.lower() for text in token_texts(doc)]  # spaCy's lower_
        lemmas = [lemma(lower) for lower in lowers]

        def matches(i: int, word: str) -> bool:
            # A word in its base form also matches its inflections (erhålla: erhölls).
            return lowers[i] == word or (lemmas[i] == word and lemma(word) == word)

        taken = -1
        for i, (lower, base) in enumerate(zip(lowers, lemmas)):
            if i <= taken or (lower not in entries and base not in entries):
                continue
            candidates = entries.get(lower, []) + (entries.get(base, []) if base != lower else [])
            for words, plain in candidates:  # the longest entry first: "inkomma med" before "inkomma"
                end = i + len(words)
                if end <= len(doc) and all(matches(i + k, word) for k, word in enumerate(words)):
                    span = doc[i:end]
                    if len(words) == 1 and lower != words[0]:  # an inflected form: inflect the plain word too
                        inflected = inflect_plain(plain, lower, words[0])
                        if inflected is None:
                            # A base form would give broken Swedish when applied ("Vi ge ..."): no suggestion.
                            message = f"Krångligt ord. Skriv hellre: {plain} (i rätt böjning)."
                            yield make_finding(JARGON, ctx.text, span.start_char, span.end_char, message=message)
                            taken = end - 1
                            break
                        plain = inflected
                    if span.text[:1].isupper():
                        plain = plain[:1].upper() + plain[1:]
                    yield make_finding(JARGON, ctx.text, span.start_char, span.end_char, suggestion=plain)
                    taken = end - 1
                    break


def _sentence_words(ctx: Context) -> list[tuple[int, int, list[Token]]]:
    """Return each sentence's (start, end, words); a word is a token with a letter or a digit."""
    bounds = doc_sentence_bounds(ctx.doc)
    grouped: list[list[Token]] = [[] for _ in bounds]
    starts = [start for start, _ in bounds]
    for token in ctx.tokens:
        if token.is_alpha or token.like_num or any(c.isalnum() for c in token.text):
            grouped[bisect.bisect_right(starts, token.idx) - 1].append(token)
    return [(start, end, words) for (start, end), words in zip(bounds, grouped)]


class LongSentenceRecognizer:
    """Sentences of more than MAX_SENTENCE_WORDS words."""

    rule_ids = (LONG_SENTENCE,)

    def __init__(self) -> None:
        rule(LONG_SENTENCE)

    def find(self, ctx: Context) -> Iterator[Finding]:
        for start, end, words in _sentence_words(ctx):
            if len(words) > MAX_SENTENCE_WORDS:
                yield make_finding(
                    LONG_SENTENCE, ctx.text, words[0].idx, words[-1].idx + len(words[-1].text),
                    severity=Severity.WARN if len(words) > WARN_SENTENCE_WORDS else None,
                    message=f"Lång mening ({len(words)} ord). Sikta på högst {MAX_SENTENCE_WORDS} ord per mening.",
                )


@functools.cache
def _deponents() -> frozenset[str]:
    return frozenset(load_lines("not_passive.txt"))


def is_s_passive(token: Token) -> bool:
    """Tell whether a token is an -s passive of a verb ("skickas", "verkställs", "erhölls")."""
    lower = token.lower_
    if not (lower.endswith("s") and token.is_alpha and token.is_lower) or lower in _deponents():
        return False
    base = lemma(lower)
    if base == lower or base[-1:] not in ("a", "e", "å", "o"):
        return False  # unknown form, or a noun's genitive ("kommunens" → kommun)
    if base.endswith("e") and not (base.endswith(("ge", "se")) and len(base) <= MAX_GE_SE_VERB):
        return False  # a noun's genitive ("ärendes", "kommunfullmäktiges"), not inge/medge/utse
    stem = lower[:-1]
    if stem in (base, base[:-1]) or lower[:-2] == base[:-1]:
        return True  # present and infinitive: skickas, verkställs, inges, erhålles
    # Past and supine (skickades, skickats) come through the active form's lemma; only -a verbs,
    # since a noun's definite genitive looks the same ("ärendets" → ärendet → ärende).
    return base.endswith("a") and stem.endswith(("t", "d", "de", "te")) and lemma(stem) == base


class PassiveRecognizer:
    """Every -s passive verb, when the post uses many of them."""

    rule_ids = (PASSIVE,)

    def __init__(self) -> None:
        rule(PASSIVE)

    def find(self, ctx: Context) -> Iterator[Finding]:
        words = [t for t in ctx.tokens if t.is_alpha]
        passives = [t for t in words if is_s_passive(t)]
        if len(passives) >= MIN_PASSIVES and len(passives) * PASSIVE_WORDS_PER_VERB >= len(words):
            for token in passives:
                yield make_finding(PASSIVE, ctx.text, token.idx, token.idx + len(token.text))


RECOGNIZERS = [JargonRecognizer(), LongSentenceRecognizer(), PassiveRecognizer()]
