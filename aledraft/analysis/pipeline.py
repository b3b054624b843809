"""The one spaCy pipeline every recognizer shares."""

from __future__ import annotations

import bisect
import functools
import gzip
import re
from array import array
from collections.abc import Iterator, Sequence
from importlib import resources

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

#: Entries of the lemma table per block of its in-memory index.
BLOCK = 32
#: Distinct word forms whose lemma is remembered; beyond this the memo starts over.
MAX_CACHED_FORMS = 200_000


class LemmaTable:
    """spacy-lookups-data's Swedish "lemma_lookup" (word form → lemma), searched where it lies.

    Read-only mapping: ``get(form, default)``, ``form in table``, ``values()``.

    The file is one JSON object with one sorted entry per line; keeping its 23 MB of text and a
    line index takes a sixth of the memory of a dict of 660,000 strings and loads faster.
    """

    def __init__(self, raw: bytes) -> None:
        self.raw = raw
        # Entry lines look like `    "form": "lemma",`; the first line is "{".
        self.lines = array("I", (match.end() for match in re.finditer(rb"\n(?=    \")", raw)))
        # Every BLOCK-th key in memory: a C-speed bisect there leaves a few steps in the text.
        self.block_keys = [self._key(line) for line in self.lines[::BLOCK]]
        # The sorted hashes of every key (as the file spells it) answer "not listed", the usual
        # answer for a misspelling's candidate corrections, with one C-speed bisect.
        hashes = numpy.fromiter((hash(key[1]) for key in re.finditer(rb'\n    "([^"]*)": ', raw)), numpy.int64)
        self.key_hashes = numpy.sort(hashes)
        # bisect on a memoryview of it: for one form, faster than numpy's call overhead
        self.key_hash_view = memoryview(self.key_hashes)

    def _key(self, line_start: int) -> bytes:
        return self._string_at(line_start + 5)

    def _string_at(self, start: int) -> bytes:
        # The file escapes only "/" (as "\\/"); it holds no escaped quotes.
        return self.raw[start : self.raw.index(b'"', start)].replace(b"\\/", b"/")

    def _value(self, line_start: int) -> str:
        key_end = self.raw.index(b'"', line_start + 5)
        return self._string_at(key_end + 4).decode("utf-8")  # past `": "`

    @staticmethod
    def _spelt_hash(key: bytes) -> int:
        return hash(key.replace(b"/", b"\\/"))

    def get(self, form: str, default: str | None = None) -> str | None:
        key = form.encode("utf-8", "surrogatepass")
        spelt = self._spelt_hash(key)
        i = bisect.bisect_left(self.key_hash_view, spelt)
        if i == len(self.key_hash_view) or self.key_hash_view[i] != spelt:
            return default
        return self._get_listed(key, default)

    def listed_among(self, forms: Sequence[str]) -> set[str]:
        """Return the forms that are keys: one numpy search for all, then a check of the few
        whose hash is there (a misspelling's few thousand candidate corrections)."""
        keys = [form.encode("utf-8", "surrogatepass") for form in forms]
        hashes = numpy.fromiter(map(self._spelt_hash, keys), numpy.int64, len(keys))
        places = numpy.searchsorted(self.key_hashes, hashes).clip(max=len(self.key_hashes) - 1)
        return {forms[i] for i in numpy.flatnonzero(self.key_hashes[places] == hashes).tolist()
                if self._get_listed(keys[i], None) is not None}

    def _get_listed(self, key: bytes, default: str | None) -> str | None:
        """The lemma of a UTF-8 key whose hash is listed, or ``default`` (hashes can collide)."""
        # UTF-8 byte order is code point order, the order the file is sorted in.
        lo = max(0, bisect.bisect_right(self.block_keys, key) - 1) * BLOCK
        i = bisect.bisect_left(self.lines, key, lo, min(lo + BLOCK, len(self.lines)), key=self._key)
        if i == len(self.lines) or self._key(self.lines[i]) != key:
            return default
        return self._value(self.lines[i])

    def __contains__(self, form: object) -> bool:
        return isinstance(form, str) and self.get(form) is not None

    def values(self) -> Iterator[str]:
        """Every lemma, once per form (as dict.values())."""
        return map(self._value, self.lines)


@functools.cache
def lemma_lookup() -> LemmaTable:
    """The Swedish lemma table of spacy-lookups-data, loaded once."""
    data = resources.files("spacy_lookups_data").joinpath("data", "sv_lemma_lookup.json.gz")
    return LemmaTable(gzip.decompress(data.read_bytes()))


class _Tables:
    """Stands in for spaCy's Lookups where callers only ``get_table("lemma_lookup").get(form)``."""

    def get_table(self, name: str) -> LemmaTable:
        if name != "lemma_lookup":
            raise KeyError(name)
        return lemma_lookup()


class LookupLemmatizer:
    """spaCy's lookup lemmatizer with the same table and the same lemmas, made cheaper.

    spaCy's component loads the table into a hashed spaCy Table (≈1 s and ≈150 MB for 660,000
    forms) and fetches it and builds a list for every token; LemmaTable and a memo of
    form → lemma hash make start-up and lemmatising a post ≈3× faster.
    """

    lookups = _Tables()

    def __init__(self, vocab: Vocab) -> None:
        self.table = lemma_lookup()
        self.strings = vocab.strings
        self.memo: dict[int, int] = {}

    def __call__(self, doc: Doc) -> Doc:
        memo = self.memo
        for token in doc:
            lemma = memo.get(token.orth)
            if lemma is None:
                if len(memo) >= MAX_CACHED_FORMS:
                    memo.clear()
                text = self.table.get(token.text)
                lemma = memo[token.orth] = self.strings.add(text) if text is not None else token.orth
            token.lemma = lemma
        return doc


@Language.factory("aledraft_lookup_lemmatizer")
def _make_lemmatizer(nlp: Language, name: str) -> LookupLemmatizer:
    return LookupLemmatizer(nlp.vocab)


@functools.cache
def build_nlp() -> Language:
    """Return spacy.blank("sv") with the lookup lemmatizer; built once per process.

    A blank pipeline keeps tokenising fast and needs no model download.
    """
    nlp = spacy.blank("sv")
    nlp.add_pipe("aledraft_lookup_lemmatizer", name="lemmatizer")
    return nlp
