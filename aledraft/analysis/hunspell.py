"""The Swedish word list (hunspell-sv through spylls), loaded once and shared.

Loading takes a few seconds, so it happens on first use or in warm_up(); lookups are cached
per word form.
"""

from __future__ import annotations

import functools
import importlib.metadata
from collections.abc import Iterator
from pathlib import Path

from spylls.hunspell import Dictionary, readers
from spylls.hunspell.algo.lookup import AffixForm
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


@functools.cache
def dictionary() -> Dictionary:
    """Load the Swedish hunspell dictionary once per process."""
    # Dictionary.from_files() does the same but leaves both files open (a ResourceWarning).
    path = str(dictionary_path())
    aff_reader = _FileReader(path + ".aff")
    aff, context = readers.read_aff(aff_reader)
    dic_reader = _FileReader(path + ".dic", encoding=context.encoding)
    dic = readers.read_dic(dic_reader, aff=aff, context=context)
    aff_reader.io.close()
    dic_reader.io.close()
    return Dictionary(aff, dic)


def warm_up() -> None:
    """Load the dictionary now, so the first analysis does not pay for it."""
    dictionary()


@functools.lru_cache(maxsize=200_000)
def is_word(form: str) -> bool:
    """Tell whether hunspell-sv accepts this exact form (case matters: 'anna' is not a word)."""
    return bool(dictionary().lookup(form))


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
