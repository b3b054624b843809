"""The Swedish word list (hunspell-sv through spylls), loaded once and shared.

Loading takes a few seconds, so it happens on first use or in warm_up(); lookups are cached
per word form.

Licence note: `_read_dic` is adapted from spylls' `spylls/hunspell/readers/dic.py` (read_dic)
and `_Lookup.desuffix` from `spylls/hunspell/algo/lookup.py` (Lookup.desuffix), Copyright Victor
Shepelev, under the Mozilla Public License 2.0; those two stay under the MPL-2.0
(https://mozilla.org/MPL/2.0/). The rest of this module is aledraft's own.
"""

from __future__ import annotations

import functools
import gc
import importlib.metadata
import itertools
import sys
from collections.abc import Iterator
from pathlib import Path

from spylls.hunspell import Dictionary, readers
from spylls.hunspell.algo.capitalization import Type as CapType
from spylls.hunspell.algo.lookup import AffixForm, Lookup
from spylls.hunspell.algo.suggest import Suggest
from spylls.hunspell.data.aff import Aff, RepPattern, Suffix
from spylls.hunspell.data.dic import Dic, Word
from spylls.hunspell.readers import dic as dic_reader
from spylls.hunspell.readers.aff import Context
from spylls.hunspell.readers.file_reader import FileReader

def dictionary_path() -> Path:
    """Return the path of sv_SE (without suffix) installed by the hunspell-sv package.

    :raise FileNotFoundError: if hunspell-sv is not installed with its data files.
    """
    dist = importlib.metadata.distribution("hunspell-sv")
    for file in dist.files or ():
        if file.name == "sv_SE.dic":
            return Path(dist.locate_file(file)).with_suffix("")
    raise FileNotFoundError("hunspell-sv is installed without sv_SE.dic")


class _FileReader(FileReader):
    """spylls' FileReader, but closing the file it replaces when it reopens it in another encoding."""

    def reset_io(self, obj) -> None:
        if hasattr(self, "io"):
            self.io.close()
        super().reset_io(obj)


def _read_dic(source: FileReader, *, aff: Aff, context: Context) -> Dic:
    """spylls' readers.read_dic, sharing what entries have in common (a third less memory).

    Entries with the same flags share one frozenset, and entries without data tags or
    alternative spellings one empty dict and one empty tuple (spylls only reads them); stems
    are interned. The entries, and the order and content of the indexes, are those of read_dic.
    """
    result = Dic(words=[])
    flag_sets: dict[str, frozenset[str]] = {}
    no_data: dict[str, list[str]] = {}
    for num, line in source:
        if num == 1 and dic_reader.COUNT_REGEXP.match(line):
            continue
        tags_match = dic_reader.TAG_REGEXP.search(line)
        tags_start = tags_match.start() if tags_match else None
        old_tags_start = line.find("\t")
        if old_tags_start != -1 and (not tags_start or tags_start > old_tags_start):
            tags_start = old_tags_start
        if tags_start:
            word = line[:tags_start]
            data = dic_reader.parse_data(line[tags_start:], aff.AM)
        else:
            word = line
            data = no_data
        if word.startswith("/"):
            flags = ""
        else:
            word_with_flags = dic_reader.SLASH_REGEXP.split(word, 2)
            if len(word_with_flags) == 2:
                word, flags = word_with_flags
            else:
                flags = ""
        if r"\/" in word:
            word = word.replace(r"\/", "/")
        if context.ignore:
            word = word.translate(context.ignore.tr)
        word = sys.intern(word)
        captype = aff.casing.guess(word)
        lower = aff.casing.lower(word) if captype != CapType.NO else word
        alt_spellings: list[str] | tuple[()] = ()
        if "ph" in data:
            alt_spellings = []
            for pattern in data["ph"]:
                if pattern.endswith("*"):
                    aff.REP.append(RepPattern(pattern[:-2], word[:-1]))
                elif "->" in pattern:
                    fro, _, to = pattern.partition("->")
                    aff.REP.append(RepPattern(fro, to))
                else:
                    aff.REP.append(RepPattern(pattern, word))
                    alt_spellings.append(pattern)
        flag_set = flag_sets.get(flags)
        if flag_set is None:
            flag_set = flag_sets[flags] = frozenset(context.parse_flags(flags))
        result.append(
            Word(stem=word, flags=flag_set, data=data, captype=captype, alt_spellings=alt_spellings),
            lower=lower,
        )
    return result


class _Lookup(Lookup):
    """spylls' Lookup, with the suffixes it may strip looked up by their flags in one dict.

    Checking a compound tries every split point, and for every part spylls walks its suffix
    trie and tests each of the ~450 suffixes' flags against the compound flags: three quarters
    of the time of a compound. Here the suffixes that pass a given flag test are listed once,
    per ending, so a part costs a few dict lookups. Same forms, in the same order.
    """

    def __init__(self, aff: Aff, dic: Dic):
        super().__init__(aff, dic)
        self._suffix_tables: dict[tuple, tuple[dict[str, list[Suffix]], list[int]]] = {}

    def _suffixes_by_ending(self, required: list[str], forbidden: list[str], crossproduct: bool):
        """Return {ending: suffixes adding it} for the suffixes that pass this flag test, and
        the lengths of those endings, shortest first (the order of spylls' trie walk)."""
        key = (tuple(required), tuple(forbidden), crossproduct)
        found = self._suffix_tables.get(key)
        if found is None:
            table: dict[str, list[Suffix]] = {}
            for suffix in itertools.chain.from_iterable(self.aff.SFX.values()):
                if (
                    (not crossproduct or suffix.crossproduct)
                    and all(flag in suffix.flags for flag in required)
                    and all(flag not in suffix.flags for flag in forbidden)
                ):
                    table.setdefault(suffix.add, []).append(suffix)
            found = self._suffix_tables[key] = (table, sorted({len(ending) for ending in table}))
        return found

    def desuffix(self, word, required_flags, forbidden_flags, nested=False, crossproduct=False):
        table, lengths = self._suffixes_by_ending(required_flags, forbidden_flags, crossproduct)
        for length in lengths:
            if length > len(word):
                break
            for suffix in table.get(word[len(word) - length:], ()):
                stem = suffix.replace_regexp.sub(suffix.strip, word)
                if not suffix.cond_regexp.search(stem):
                    continue
                yield AffixForm(word, stem, suffix=suffix)
                # hunspell strips at most two suffixes
                if not nested:
                    for form2 in self.desuffix(
                        stem,
                        required_flags=[suffix.flag, *required_flags],
                        forbidden_flags=forbidden_flags,
                        nested=True,
                        crossproduct=crossproduct,
                    ):
                        yield form2.replace(suffix2=suffix, text=word)


@functools.cache
def dictionary() -> Dictionary:
    """Load the Swedish hunspell dictionary once per process."""
    # Dictionary.from_files() does the same but leaves both files open (a ResourceWarning).
    path = str(dictionary_path())
    aff_reader = _FileReader(path + ".aff")
    aff, context = readers.read_aff(aff_reader)
    dic_reader = _FileReader(path + ".dic", encoding=context.encoding)
    # Hundreds of thousands of new objects: the cyclic garbage collector would walk them all
    # again and again while they are read (a second or more); none of them is garbage.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        dic = _read_dic(dic_reader, aff=aff, context=context)
    finally:
        if was_enabled:
            gc.enable()
    aff_reader.io.close()
    dic_reader.io.close()
    result = Dictionary(aff, dic)
    result.lookuper = _Lookup(aff, dic)
    result.suggester = Suggest(aff, dic, result.lookuper)
    return result


def warm_up() -> None:
    """Load the dictionary now, so the first analysis does not pay for it."""
    dictionary()


@functools.lru_cache(maxsize=200_000)
def is_word(form: str) -> bool:
    """Tell whether hunspell-sv accepts this exact form (case matters: 'anna' is not a word)."""
    lower = form.lower()
    if form[:1].isupper() and form[1:].islower() and lower.islower() and _capitalised_as_lower_case(form) and (
        is_word(lower)  # the lower-case form's answer, often known: "Skolan" at a sentence start, "skolan" inside
    ):
        return True
    return bool(dictionary().lookup(form))


def _capitalised_as_lower_case(form: str) -> bool:
    """Tell whether hunspell accepts this capitalised form if it accepts its lower case.

    It looks the lower case up too, unless a dictionary entry keeps its case (KEEPCASE), the
    input is converted first (ICONV, IGNORE, CHECKSHARPS) or the capitalised entry is forbidden.
    """
    aff = dictionary().aff
    return not (aff.KEEPCASE or aff.ICONV or aff.IGNORE or aff.CHECKSHARPS) and not (
        aff.FORBIDDENWORD and dictionary().dic.has_flag(form, aff.FORBIDDENWORD, for_all=True)
    )


@functools.lru_cache(maxsize=200_000)
def is_common_word(form: str) -> bool:
    """Tell whether a form is an ordinary Swedish word: inflected, compound or an inflecting stem.

    hunspell-sv also lists some names in lower case with no inflection ("daniel", "zeynep");
    those bare entries do not count as words here.
    """
    return any(
        not isinstance(good, AffixForm) or good.has_affixes() or bool(good.in_dictionary.flags)
        for good in dictionary().lookuper.good_forms(form, capitalization=False)
    )


def edits(form: str) -> Iterator[str]:
    """Yield single-word edits of a form (swapped, missing, extra or wrong letters), likeliest first."""
    for candidate in dictionary().suggester.edits(form):
        text = getattr(candidate, "text", None)  # multi-word edits have no single text
        if text and text != form and " " not in text:
            yield text
