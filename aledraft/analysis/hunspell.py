"""The Swedish word list (hunspell-sv through spylls), loaded once and shared.

Loading takes a few seconds, so it happens on first use or in warm_up(); lookups and
suggestions are cached per word form.
"""

from __future__ import annotations

import functools
import importlib.metadata
import itertools
from pathlib import Path

from spylls.hunspell import Dictionary
from spylls.hunspell.algo.lookup import AffixForm

#: Edit candidates tried per suggestion; each costs a dictionary lookup (~0.1 ms), so this
#: bounds a suggestion to a few tens of milliseconds.
MAX_EDIT_CANDIDATES = 300


def dictionary_path() -> Path:
    """Return the path of sv_SE (without suffix) installed by the hunspell-sv package.

    :raise FileNotFoundError: if hunspell-sv is not installed with its data files.
    """
    dist = importlib.metadata.distribution("hunspell-sv")
    for file in dist.files or ():
        if file.name == "sv_SE.dic":
            return Path(dist.locate_file(file)).with_suffix("")
    raise FileNotFoundError("hunspell-sv is installed without sv_SE.dic")


@functools.cache
def dictionary() -> Dictionary:
    """Load the Swedish hunspell dictionary once per process."""
    return Dictionary.from_files(str(dictionary_path()))


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


@functools.lru_cache(maxsize=20_000)
def suggest(form: str) -> str | None:
    """Return the first cheap correction for a misspelt form, or None.

    Only single-word edits (swapped, missing, extra or wrong letters) are tried, and at most
    MAX_EDIT_CANDIDATES of them: hunspell's compound and n-gram searches scan the whole
    dictionary and take up to seconds per word.
    """
    if form[:1].isupper() and form[1:].islower():
        lower = suggest(form.lower())
        return lower.capitalize() if lower else None
    lookuper = dictionary().lookuper
    for candidate in itertools.islice(dictionary().suggester.edits(form), MAX_EDIT_CANDIDATES):
        text = getattr(candidate, "text", None)  # multi-word edits have no single text
        if text and text != form and " " not in text and any(
            lookuper.good_forms(text, capitalization=False, allow_nosuggest=False, compound_forms=False)
        ):
            return text
    return None
