"""pii.person_name: names of persons, from lexicons, capitalisation, context and a gazetteer.

A word is a name when it is in the first-name lexicon and
  * is capitalised and is not also a Swedish word (Hodan, Zeynep, Mohammed), or
  * is capitalised inside a sentence (Klara, Dag, Sten are words too), or
  * stands after a greeting, thanks or title, or before a verb like "fyller" (Hej Dag!, tack
    anders, rektor Berg), or is followed by a surname (Per Ek).
Surnames alone count only after a title or a word like "familjen". A name then takes in the
capitalised words that follow it (Linnea Strand, Daniel Okafor), and once a name is found,
its other mentions in the post count too. Words in the gazetteer (places, organisations,
holidays, fictional characters) are never names.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH_STOP_WORDS
from spacy.lang.sv.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from .. import hunspell
from ..pipeline import LemmaTable, build_nlp
from ..report import Finding
from ..rules import make_finding, rule
from .base import Context, load_lines, sentence_spans, token_texts

RULE_ID = "pii.person_name"

#: A word, hyphenated words (Ann-Sofie) and a genitive (Annas, Agnes', Daniel's).
WORD_SHAPE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*(?:['’]s?)?")
#: Parts of an @handle such as karin_olsson_ale or anna.svensson82.
HANDLE_PART = re.compile(r"[^\W\d_]+")
#: Tokens after which a capitalised word is still inside the sentence.
INSIDE_SENTENCE = {",", ")", "–", "—", "-", "&", "+"}
#: A word joined by a colon or hyphen ("Sms:a", "e-posta"): a word inside the sentence too.
JOINED_WORD = re.compile(r"[^\W\d_]+[:-][^\W\d_]+")
#: Lower-case words that may stand inside a name (Ludwig van Beethoven, Omar al Hassan).
PARTICLES = {"von", "van", "af", "de", "der", "di", "del", "bin", "ibn", "al", "el"}
#: Small words inside a fictional character's name (Emil i Lönneberga, Karlsson på taket).
CHARACTER_LINKS = {"i", "på", "och", "från"}
#: Tokens allowed between a title and the name ("Kontaktperson är Johan", "Rektor: Berg").
TITLE_LINKS = {"är", ":", "blir"}
#: Words that join two names ("Ebba och Noah").
COORDINATION = {"och", "&", "eller"}
MAX_NAME_WORDS = 4
#: Endings of names of parks, schools, farms, halls and the like ("Välkommen till Vikaparken").
PLACE_ENDINGS = ("parken", "skolan", "gården", "hallen", "badet", "kyrkan", "huset", "biblioteket",
                 "torget", "vägen", "gatan", "backen", "dalen", "ängen", "hagen", "lunden", "viken")
#: A gazetteer entry's last word this long may begin a compound (himmelsfärd → himmelsfärdshelgen).
MIN_COMPOUND_HEAD = 6
USER_DATA_KEY = "aledraft.names.names_and_places"
#: A post is English when it has this many English function words, and this share of its words.
ENGLISH_MIN_WORDS = 3
ENGLISH_MIN_SHARE = 0.15
#: In a post written all in lower case, words around a lower-case first name that show it is
#: one ("tack till sara och ahmed", "lisa-marie som bakade").
LOWER_CASE_BEFORE = frozenset({"till", "och", "&", ",", "med", "av", "från", "för", "hej", "tack", "grattis",
                               "ring", "kontakta", "fråga", "mejla"})
LOWER_CASE_AFTER = frozenset({"som", "och", "&", ",", "!", "har", "hade", "är", "var", "ska", "fick"})
#: Letters folded in @handles and e-mail addresses (wahlstrom for Wahlström).
ASCII_FOLD = str.maketrans("åäöéüÅÄÖÉÜ", "aaoeuAAOEU")


@dataclass(frozen=True)
class Lexicon:
    """The word lists the check uses, loaded once."""

    first_names: frozenset[str]
    surnames: frozenset[str]
    titles: frozenset[str]
    cues_before: frozenset[str]
    cues_after: frozenset[str]
    blockers: frozenset[str]
    place_prepositions: frozenset[str]
    #: English function and calendar words (spaCy's English stop words and name_cues "english")
    english_words: frozenset[str]
    organisation_nouns: frozenset[str]
    thing_nouns: frozenset[str]
    #: lower-case abbreviations that are never names (tis, tors, okt)
    abbreviations: frozenset[str]
    #: gazetteer entries as lower-case token tuples, keyed by their first token
    gazetteer: dict[str, tuple[tuple[str, ...], ...]]
    #: first words of the gazetteer's fictional characters (Pippi Långstrump, Emil i Lönneberga):
    #: entries whose second word is capitalised or a small joining word, not "Rosa bandet"
    character_names: frozenset[str]

    @functools.cached_property
    def folded_surnames(self) -> frozenset[str]:
        """Surnames without Swedish letters, as @handles write them (Wahlstrom)."""
        return frozenset(name.translate(ASCII_FOLD) for name in self.surnames)

    def is_first_name(self, base: str) -> bool:
        """Tell whether every hyphen part of a word is a first name (Ann-Sofie, Per-Olof)."""
        if "-" not in base:  # nearly every word: no split
            return base.capitalize() in self.first_names
        return all(part.capitalize() in self.first_names for part in base.split("-"))

    def is_surname(self, base: str) -> bool:
        """Tell whether every hyphen part of a word is a surname (Ström, Svensson-Berg)."""
        if "-" not in base:
            return base.capitalize() in self.surnames
        return all(part.capitalize() in self.surnames for part in base.split("-"))

    def is_name(self, base: str) -> bool:
        """Tell whether a word is in either name lexicon."""
        return self.is_first_name(base) or self.is_surname(base)

    def is_title(self, lower: str) -> bool:
        """Tell whether a lower-case word is a title, also in the definite forms (rektorn,
        rektorerna, tränarna: "Tränarna Berg och Åkesson")."""
        return lower in self.titles or any(
            lower.endswith(ending) and lower[: -len(ending)] + stem_end in self.titles
            for ending, stem_end in (("n", ""), ("en", ""), ("et", ""), ("erna", ""), ("arna", "are"))
        )


@functools.cache
def lexicon() -> Lexicon:
    """Load the name lists, titles, cue words and the gazetteer."""
    cues: dict[str, set[str]] = {
        kind: set() for kind in ("before", "after", "block", "place", "org", "thing", "english", "abbrev")
    }
    for line in load_lines("name_cues.txt"):
        kind, word = line.split("\t")
        cues[kind].add(word)
    tokenizer = build_nlp().tokenizer
    gazetteer: dict[str, list[tuple[str, ...]]] = {}
    character_names: set[str] = set()
    for entry in load_lines("gazetteer.txt"):
        tokens = tokenizer(entry)
        words = tuple(token.lower_ for token in tokens)
        gazetteer.setdefault(words[0], []).append(words)
        if len(tokens) > 1 and (tokens[1].text[:1].isupper() or words[1] in CHARACTER_LINKS):
            character_names.add(words[0])
    return Lexicon(
        first_names=frozenset(load_lines("first_names.txt") + load_lines("first_names_extra.txt")),
        surnames=frozenset(load_lines("surnames.txt")),
        titles=frozenset(load_lines("titles.txt")),
        cues_before=frozenset(cues["before"]),
        cues_after=frozenset(cues["after"]),
        blockers=frozenset(cues["block"]),
        place_prepositions=frozenset(cues["place"]),
        organisation_nouns=frozenset(cues["org"]),
        thing_nouns=frozenset(cues["thing"]),
        abbreviations=frozenset(cues["abbrev"]),
        english_words=frozenset(cues["english"]) | ENGLISH_STOP_WORDS,
        gazetteer={key: tuple(entries) for key, entries in gazetteer.items()},
        character_names=frozenset(character_names),
    )


@functools.cache
def lemma_table() -> LemmaTable:
    """Return the lookup lemmatizer's table: inflected form -> lemma (lower case)."""
    return build_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_lookup")


@functools.lru_cache(maxsize=100_000)
def is_common_word(lower: str) -> bool:
    """Tell whether a lower-case form is an ordinary Swedish word (rosa, björnar, berget)."""
    # The lemmatizer knows inflected forms hunspell may miss; hunspell knows the rest.
    return lemma_table().get(lower, lower) != lower or hunspell.is_common_word(lower)


@dataclass
class Word:
    """A token seen as a possible part of a name."""

    token: Token
    start: int  #: offset of the name in the text (after a leading / or @)
    end: int
    base: str  #: the word without a genitive ending

    @property
    def capitalised(self) -> bool:
        return self.base[:1].isupper() and not self.base.isupper()

    @property
    def lower_case(self) -> bool:
        return self.base.islower()


def _word(tokens: Sequence[Token], i: int, lex: Lexicon) -> Word | None:
    """Return the name-shaped core of token i, or None for URLs, e-mail, hashtags, numbers."""
    token = tokens[i]
    text = token.text
    skip = 1 if text[:1] in "/@" else 0  # sign-off "/Linda", tag "@Anna"
    core = text[skip:]
    if not WORD_SHAPE.fullmatch(core):
        return None  # also rules out URLs and e-mail addresses (dots, @)
    if i > 0 and tokens[i - 1].text == "#" and not tokens[i - 1].whitespace_:
        return None
    if skip and text[0] == "@" and _is_organisation_handle(core, lex):
        return None  # @Vasttrafik, @AleKommun: an organisation's or a brand's handle
    base = core
    if core[-2:] in ("'s", "’s"):
        base = core[:-2]  # Daniel's
    elif core[-1:] in "'’":
        base = core[:-1]  # Agnes'
    # A name ending in s takes no genitive s of its own ("Klas bil"): "klass" is no Klas.
    if base.endswith("s") and not base.endswith("ss") and not lex.is_name(base) and lex.is_name(base[:-1]):
        base = base[:-1]  # Annas, Mohammeds
    return Word(token, token.idx + skip, token.idx + len(text), base)


@functools.cache
def _folded_gazetteer() -> frozenset[str]:
    """Gazetteer entries folded as handles write them: no spaces, å/ä/ö as a/a/o, lower case."""
    return frozenset(
        re.sub(r"[\s\-_.&]", "", entry).translate(ASCII_FOLD).lower() for entry in load_lines("gazetteer.txt")
    )


def _is_organisation_handle(core: str, lex: Lexicon) -> bool:
    """Tell whether an @handle names a known organisation (gazetteer, also without å/ä/ö) or a brand.

    CamelCase inside the handle (AleKommun, VastTrafik) is a brand's style, not a person's name.
    """
    folded = core.translate(ASCII_FOLD).lower()
    if folded in _folded_gazetteer():
        return True
    parts = re.findall(r"[A-ZÅÄÖ][a-zåäöéü]+", core)
    if len(parts) >= 2 and lex.is_first_name(parts[0]) and lex.is_surname(parts[-1]):
        return False  # @SaraBlom is a person's handle
    # A capital after a hyphen is a hyphenated name's (@Lars-Erik), not a brand's CamelCase.
    return re.search(r"(?<!-)[A-ZÅÄÖ]", core[1:]) is not None and not any(sep in core for sep in "_.")


def _gazetteer_tokens(tokens: Sequence[Token], lex: Lexicon) -> set[int]:
    """Return indices of tokens inside a gazetteer entry, or after a saint's prefix.

    The last word of a several-word entry may begin a compound ("Kristi himmelsfärdshelgen").
    When a fictional character's full name is in the post (Emil i Lönneberga), its first name
    alone is that character too, wherever it stands in the post.
    """
    covered: set[int] = set()
    characters: set[str] = set()  # first names of multi-word entries found (emil, pippi)
    lowers = [token.lower_ for token in tokens]
    for i, lower in enumerate(lowers):
        if lower in lex.blockers:
            j = i + 1
            while j < len(tokens) and (tokens[j].text[:1].isupper() or lowers[j] in PARTICLES):
                j += 1
            covered.update(range(i, j))
        # A one-word entry may be this token with a genitive s or a hyphenated compound; a
        # signature ("/Ale fritid") starts with a slash.
        lower = lower.removeprefix("/")
        for key in {lower, lower.removesuffix("s"), lower.partition("-")[0]}:
            for entry in lex.gazetteer.get(key, ()):
                n = len(entry)
                words = [lower, *lowers[i + 1:i + n]]
                if len(words) == n and words[:-1] == list(entry[:-1]) and (
                    words[-1] in (entry[-1], entry[-1] + "s") or words[-1].startswith(entry[-1] + "-")
                    or n > 1 and len(entry[-1]) >= MIN_COMPOUND_HEAD and words[-1].startswith(entry[-1])
                ):
                    covered.update(range(i, i + n))
                    if n > 1 and entry[0] in lex.character_names and lex.is_first_name(entry[0].capitalize()):
                        characters.add(entry[0])
    covered.update(i for i, lower in enumerate(lowers) if lower.removesuffix("s") in characters)
    return covered


def _previous(tokens: Sequence[Token], i: int) -> Token | None:
    """Return the nearest non-space token before token i."""
    j = i - 1
    while j >= 0 and tokens[j].is_space:
        j -= 1
    return tokens[j] if j >= 0 else None


def _next(tokens: Sequence[Token], i: int) -> Token | None:
    """Return the nearest non-space token after token i."""
    j = i + 1
    while j < len(tokens) and tokens[j].is_space:
        j += 1
    return tokens[j] if j < len(tokens) else None


def starts_sentence(tokens: Sequence[Token], i: int) -> bool:
    """Tell whether token i opens a sentence, a line or a quote (where every word is capitalised)."""
    previous = _previous(tokens, i)
    if previous is None or any("\n" in tokens[j].text for j in range(previous.i + 1, i)):
        return True  # the space tokens between hold a line break
    return not (previous.is_alpha or previous.like_num or previous.text in INSIDE_SENTENCE
                or JOINED_WORD.fullmatch(previous.text))


def _cue_before(tokens: Sequence[Token], i: int, lex: Lexicon) -> bool:
    """Tell whether a greeting or thanks stands before token i ("Hej Dag", "Tack, Klara", "tack till sven")."""
    previous = _previous(tokens, i)
    if previous is not None and previous.lower_ in (",", "till"):  # "Tack, Klara", "tack till sven"
        previous = _previous(tokens, previous.i)
    return previous is not None and previous.lower_.lstrip("/") in lex.cues_before


def _title_before(tokens: Sequence[Token], i: int, lex: Lexicon) -> bool:
    """Tell whether a title stands before token i ("rektor Berg", "Kontaktperson är Johan"),
    also before a list of capitalised words that token i ends ("Tränarna Berg och Åkesson")."""
    previous = _previous(tokens, i)
    for _ in range(MAX_NAME_WORDS):
        if previous is None or previous.lower_ not in COORDINATION and previous.text != ",":
            break
        listed = _previous(tokens, previous.i)
        if listed is None or not listed.text[:1].isupper():
            return False
        previous = _previous(tokens, listed.i)
    if previous is not None and previous.lower_ in TITLE_LINKS:
        previous = _previous(tokens, previous.i)
    return previous is not None and lex.is_title(previous.lower_)


def _same_line_neighbour(tokens: Sequence[Token], token: Token) -> Token | None:
    """Return the token right after this one if at most one space separates them."""
    i = token.i + 1
    if i >= len(tokens) or token.whitespace_ not in (" ", ""):
        return None
    return tokens[i]


class PersonNameRecognizer:
    """Find names of persons."""

    rule_ids = (RULE_ID,)

    def __init__(self) -> None:
        rule(RULE_ID)  # fail at import on an unknown id

    def find(self, ctx: Context) -> Iterable[Finding]:
        """Yield one finding per name."""
        for start, end in find_names(ctx.doc):
            yield make_finding(RULE_ID, ctx.text, start, end)


@dataclass(frozen=True)
class Names:
    """What the check found in one Doc."""

    spans: list[tuple[int, int]]  #: character offsets of each name
    proper_nouns: frozenset[int]  #: tokens of names, lexicon names, places and organisations


def find_names(doc: Doc) -> list[tuple[int, int]]:
    """Return (start, end) character offsets of the names of persons in a document."""
    return analyse(doc).spans


def analyse(doc: Doc) -> Names:
    """Find the names in a Doc, once: the Doc keeps the result for the other checks."""
    if USER_DATA_KEY not in doc.user_data:
        doc.user_data[USER_DATA_KEY] = _find(list(doc))
    return doc.user_data[USER_DATA_KEY]


def _find(tokens: list[Token]) -> Names:
    # Token objects are created on each Doc access; one list of them is much faster to walk.
    lex = lexicon()
    blocked = _gazetteer_tokens(tokens, lex)
    words = {
        i: word for i in range(len(tokens))
        if i not in blocked and (word := _word(tokens, i, lex)) is not None
    }
    english = _is_english(tokens, lex)
    if english:  # May, Will, Hope are names only in Swedish text
        words = {i: word for i, word in words.items() if word.base.lower() not in lex.english_words}
    lower_lines = _lower_case_sentences(tokens, blocked)
    starts = [i for i, word in words.items()
              if _is_name_start(tokens, word, lex, words, english, i in lower_lines)]
    found = {words[i].base for i in starts}
    started = set(starts)  # a set: a list made this loop quadratic on long posts
    starts += [
        i for i, word in words.items()
        if i not in started and word.capitalised
        # "Rosas bild" after "Rosa Lindholm": the genitive of a name already in the post
        and (word.base in found or word.base.endswith("s") and word.base[:-1] in found)
    ]
    spans: list[tuple[int, int]] = []
    consumed: set[int] = set()
    for i in sorted(starts):
        if i in consumed:
            continue
        first = _name_beginning(tokens, i, lex, words)
        last = i
        for j in _name_continuation(tokens, words[i], lex, words):
            last = j
        if _names_an_organisation(tokens, first, last, lex):
            continue  # "Jönköpings kommun", "Berg & Sten Maskin AB", "Kungälvs Mark & Bygg"
        consumed.update(range(first, last + 1))
        spans.append((words[first].start, words[last].end))
    handles = _handles(tokens, lex)
    consumed.update(handles)
    named = {i for i, word in words.items() if lex.is_name(word.base)}
    return Names(
        spans=sorted(spans + [(tokens[i].idx + 1, tokens[i].idx + len(tokens[i])) for i in handles]),
        proper_nouns=frozenset(consumed | named | blocked),
    )


def _names_an_organisation(tokens: Sequence[Token], first: int, last: int, lex: Lexicon) -> bool:
    """Tell whether the name at tokens ``first``..``last`` is part of an organisation's or company's name.

    It is when an organisation noun follows, perhaps after a few capitalised words
    ("Bröderna Anderssons Plåt AB"), or when "&" joins it to an ordinary capitalised word
    ("Mark & Bygg", "Bygg & Mark"; "Anna & Per" are two persons).
    """

    def ordinary_capitalised(other: Token | None) -> bool:
        return other is not None and other.text[:1].isupper() and not lex.is_name(other.text) and (
            is_common_word(other.lower_)
        )

    joined = _previous(tokens, first)
    if joined is not None and joined.text == "&" and ordinary_capitalised(_previous(tokens, joined.i)):
        return True
    if any(_is_brand_word(tokens, i, lex) for i in range(first, last + 1)):
        return True
    token = tokens[last]
    for _ in range(MAX_NAME_WORDS):
        token = _same_line_neighbour(tokens, token)
        if token is None:
            return False
        if token.lower_ in lex.organisation_nouns:
            return True
        if token.text == "&":
            partner = _same_line_neighbour(tokens, token)
            if partner is None or ordinary_capitalised(partner):
                return partner is not None
            token = partner  # "Lind & Holm Måleri": look on past the partner's name
            continue
        if not token.text[:1].isupper():
            return False
    return False


def _is_brand_word(tokens: Sequence[Token], i: int, lex: Lexicon) -> bool:
    """Tell whether token i is a company-name word that is also in the name lists ("Tryggvakt
    Nordic", "Nordic Sourcing"): an organisation noun that is no Swedish word (so not Stig),
    next to a capitalised word on the same line that is neither a name nor a greeting or title
    (so not "Grattis Nordic")."""
    if tokens[i].lower_ not in lex.organisation_nouns or is_common_word(tokens[i].lower_):
        return False
    before = tokens[i - 1] if i > 0 and tokens[i - 1].whitespace_ == " " else None
    return any(
        other is not None and other.text[:1].isupper() and other.is_alpha and not lex.is_name(other.text)
        and other.lower_ not in lex.cues_before and not lex.is_title(other.lower_)
        for other in (before, _same_line_neighbour(tokens, tokens[i]))
    )


def _is_english(tokens: Sequence[Token], lex: Lexicon) -> bool:
    """Tell whether a post is mostly in English (by its share of English function words)."""
    alphabetic = [token.lower_ for token in tokens if token.is_alpha]
    english = sum(lower in lex.english_words and lower not in STOP_WORDS for lower in alphabetic)
    return english >= ENGLISH_MIN_WORDS and english >= ENGLISH_MIN_SHARE * len(alphabetic)


def _lower_case_sentences(tokens: Sequence[Token], places: set[int]) -> set[int]:
    """Return the indices of the tokens in sentences written without capitals.

    A caption is often lower case while a hashtag (#aleBibliotek), a signature or an emoji's
    text elsewhere in the post has capitals: the sentence, not the whole post, decides.
    Hashtags, @handles and the gazetteer's places and organisations (token indices ``places``;
    "fritidsgården i Nol") do not count.
    """
    if not tokens:
        return set()
    doc = tokens[0].doc
    texts = token_texts(doc)
    found: set[int] = set()
    for _, _, first, last in sentence_spans(doc):
        alphabetic = [texts[i] for i in range(first, last)  # text.isalpha() is spaCy's is_alpha
                      if texts[i].isalpha() and i not in places and not (i > 0 and texts[i - 1] in ("#", "@"))]
        capitalised = sum(any(char.isupper() for char in text) for text in alphabetic)
        # No capitals at all, or a sentence that starts in lower case and keeps capitals for a
        # few words the gazetteer lacks ("stort tack till maja på Nolbäckens fritids").
        if len(alphabetic) >= 3 and (
            not capitalised or alphabetic[0].islower() and capitalised * 5 <= len(alphabetic)
        ):
            found.update(range(first, last))
    return found


def _lower_case_context(tokens: Sequence[Token], i: int, lex: Lexicon) -> bool:
    """Tell whether the words around token i show a lower-case word is a name ("till sara och ...")."""
    previous, following = _previous(tokens, i), _next(tokens, i)
    return (previous is not None and (previous.lower_ in LOWER_CASE_BEFORE or previous.lower_ in lex.cues_before)) or (
        following is not None and (following.lower_ in LOWER_CASE_AFTER or following.lower_ in lex.cues_after)
    )


def _is_name_start(
    tokens: Sequence[Token], word: Word, lex: Lexicon, words: dict[int, Word], english: bool,
    lower_post: bool = False,
) -> bool:
    """Decide whether a word is (the first part of) a name.

    In English every sentence-initial word counts as possibly an ordinary word. In a post
    without capitals, a first name that is not also a word counts in a name's context.
    """
    first_name = lex.is_first_name(word.base)
    if not (first_name or word.capitalised):
        return False
    i = word.token.i
    if word.token.lower_ in lex.abbreviations and (after := _next(tokens, i)) is not None and (
        after.text[:1].isdigit() or after.text == ":"
    ):
        return False  # a day in a programme or a menu: "Tis 28/10: teater", "Tors: Ärtsoppa"
    lower = word.base.lower()
    previous = _previous(tokens, i)
    genitive = word.base != word.token.text.lstrip("/@")
    if not genitive and (following := _same_line_neighbour(tokens, word.token)) is not None:
        after = words.get(following.i)  # "på Lars Öbergs konto": the name ends in the genitive
        genitive = after is not None and after.capitalised and after.base != after.token.text
    if previous is not None and (
        previous.lower_ in lex.thing_nouns or previous.lower_ in lex.place_prepositions and not genitive
    ):
        return False  # "Café Linnea", "i Stockholm", "vid Paris"
    signed = word.token.text.startswith("/")  # "/Linda" under a post
    greeted = signed or _cue_before(tokens, i, lex)
    titled = _title_before(tokens, i, lex)
    cued = greeted or titled
    if first_name:
        if word.lower_case:
            if lower in STOP_WORDS or word.token.lower_ in lex.abbreviations:
                return False  # "tack alla", "tis och tors"
            if greeted or _joined_to_greeted_name(tokens, i, lex):
                return True  # "tack sten och ebba"
            if is_common_word(lower):
                return False  # "medarbetare hos oss"
            return titled or lower_post and _lower_case_context(tokens, i, lex)
        if not word.capitalised:
            return False
        if not starts_sentence(tokens, i) or not (english or is_common_word(lower)):
            return True
        # A sentence-initial Rosa, Dag, Klara: a name only with more evidence around it.
        following = _next(tokens, i)
        if following is None:
            return cued
        if following.lower_ in COORDINATION or following.text == ",":  # "Ebba och Noah", "Björn, Viola"
            following = _next(tokens, following.i)
            return cued or following is not None and _is_capitalised_name(words.get(following.i), lex)
        after = words.get(following.i)
        return cued or following.lower_ in lex.cues_after or _is_capitalised_name(after, lex, surname=True) or (
            after is not None and after.capitalised and not is_common_word(after.base.lower())
        )  # "Emir Hadžić": a surname the lexicon lacks is still no ordinary word
    if not word.capitalised or lower.endswith(PLACE_ENDINGS):
        return False  # Vikaparken, Kvarnbacksskolan: a place named by its ending
    if _unknown_pair(tokens, word, words, lex):
        return True  # "Shirin Rahimi", "Dženana Kovačević": two capitalised words no dictionary knows
    # After a title or greeting, a surname or any capitalised non-word is a name (Hej Vera),
    # and so is a word before a surname or an unknown capitalised word (enhetschef Emir Mujić).
    after = _next(tokens, i)
    if after is not None and after.text == "," and (
        (relative := _next(tokens, after.i)) is not None and relative.lower_ == "som"
    ) and not is_common_word(lower):
        return True  # "även Elvin, som har celiaki": a relative clause about an unknown capitalised word
    following = words.get(after.i) if after is not None else None
    return cued and (lex.is_surname(word.base) or not is_common_word(lower) or (
        following is not None and following.capitalised and (
            lex.is_surname(following.base) or not is_common_word(following.base.lower())
        )
    ))


def _unknown_pair(tokens: Sequence[Token], word: Word, words: dict[int, Word], lex: Lexicon) -> bool:
    """Tell whether a capitalised word and the next form a name the lexicons lack.

    Both are capitalised, neither is an ordinary word (hunspell, lemma table) nor an acronym,
    the first is a known first name or the second a known surname, and no organisation noun
    follows ("Compass Group", "Lions Club").
    """
    following = _same_line_neighbour(tokens, word.token)
    second = words.get(following.i) if following is not None else None
    if second is None or not second.capitalised or word.base != word.token.text:
        return False
    if not (lex.is_first_name(word.base) or lex.is_surname(second.base)):
        return False
    if any(part.base.isupper() or is_common_word(part.base.lower()) for part in (word, second)):
        return False
    return not _names_an_organisation(tokens, word.token.i, second.token.i, lex)


def _joined_to_greeted_name(tokens: Sequence[Token], i: int, lex: Lexicon) -> bool:
    """Tell whether token i ends a list of first names that a greeting opens ("tack sten och ebba")."""
    for _ in range(MAX_NAME_WORDS):
        joint = _previous(tokens, i)
        if joint is None or joint.lower_ not in COORDINATION and joint.text != ",":
            return False
        before = _previous(tokens, joint.i)
        if before is None or not lex.is_first_name(before.text.capitalize()):
            return False
        if _cue_before(tokens, before.i, lex):
            return True
        i = before.i
    return False


def _is_capitalised_name(word: Word | None, lex: Lexicon, surname: bool = False) -> bool:
    """Tell whether a word is a capitalised first name (or surname, when asked)."""
    if word is None or not word.capitalised:
        return False
    return lex.is_surname(word.base) if surname else lex.is_first_name(word.base)


def _name_beginning(tokens: Sequence[Token], i: int, lex: Lexicon, words: dict[int, Word]) -> int:
    """Return the index of the first word of the name found at token i.

    A capitalised word right before a name inside a sentence belongs to it ("till Tran Nguyen");
    at the start of a sentence only a first name does.
    """
    while i > 0 and (before := words.get(i - 1)) is not None and before.token.whitespace_ == " ":
        if not before.capitalised or before.base != before.token.text or not (
            lex.is_first_name(before.base) or not starts_sentence(tokens, i - 1)
        ) or lex.is_title(before.base.lower().rpartition("-")[2]):
            break
        i -= 1
    return i


def _name_continuation(
    tokens: Sequence[Token], word: Word, lex: Lexicon, words: dict[int, Word]
) -> Iterator[int]:
    """Yield indices of the words that continue a name (surnames, middle names, particles)."""
    current = word
    for _ in range(MAX_NAME_WORDS - 1):
        token = _same_line_neighbour(tokens, current.token)
        if token is None:
            return
        if token.lower_ in PARTICLES:
            after = _same_line_neighbour(tokens, token)
            if after is None or after.i not in words or not words[after.i].capitalised:
                return
            yield token.i
            token = after
        following = words.get(token.i)
        if following is None or not _continues_name(following, current, lex):
            return
        yield token.i
        current = following


def _continues_name(word: Word, previous: Word, lex: Lexicon) -> bool:
    """Tell whether a word after a name is part of it (Strand in 'Linnea Strand')."""
    if previous.base != previous.token.text.lstrip("/@"):
        return False  # a genitive ends the name: "Annas bok"
    if previous.lower_case:
        return word.lower_case and lex.is_name(word.base) and not is_common_word(word.base)
    return word.capitalised and (lex.is_name(word.base) or not is_common_word(word.base.lower()))


def _handles(tokens: Sequence[Token], lex: Lexicon) -> list[int]:
    """Return indices of @handles made of a first name and a surname (karin_olsson_ale)."""
    found = []
    for token in tokens:
        if not token.text.startswith("@"):
            continue
        parts = [part.capitalize() for part in HANDLE_PART.findall(token.text[1:])]
        if len(parts) == 1:
            parts = split_joined_name(parts[0], lex)
        if any(_is_handle_name(first, last, lex) for first, last in zip(parts, parts[1:])):
            found.append(token.i)
    return found


def _is_handle_name(first: str, last: str, lex: Lexicon) -> bool:
    """Tell whether two parts of a handle are a first name and a surname (karin.wahlstrom).

    The surname may be written without å, ä, ö; a surname the lexicon lacks counts when neither
    part is an ordinary word (so ale_naturvanner and anna_bibliotek stay organisations' handles).
    """
    if first not in lex.first_names:
        return False
    if last in lex.surnames or last in lex.folded_surnames:
        return True  # also a short one: @Milo_Ek
    return len(last) >= 3 and not (
        is_common_word(first.lower()) or is_common_word(last.lower()) or last in lex.first_names
    )


def split_joined_name(joined: str, lex: Lexicon) -> list[str]:
    """Split "Annasvensson" into ["Anna", "Svensson"] when both halves are names."""
    for cut in range(3, len(joined) - 2):
        first, last = joined[:cut], joined[cut:].capitalize()
        if first in lex.first_names and (last in lex.surnames or last in lex.folded_surnames):
            return [first, last]
    return [joined]


RECOGNIZERS = [PersonNameRecognizer()]
