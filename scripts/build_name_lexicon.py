"""Build aledraft/analysis/data/first_names.txt and surnames.txt from names-dataset.

Run once, by hand, after `pip install -e .[lexicon]`; the outputs are committed and the app
never imports names-dataset (it needs ~2 GB and ~20 s to load).

    python scripts/build_name_lexicon.py

names-dataset ranks names per country (from a 2021 Facebook dump). A name is kept when it is
  * ranked in Sweden, or
  * ranked high in a country many people in Sweden come from, or
  * ranked high in any country (Thomas, Maria, Nguyen get no Swedish rank because the
    dataset keeps ranks only for the ten countries where a name is most frequent),
and, when its lower-case form is a Swedish word (hunspell-sv: "dag", "vi", "alla", "hej"),
only when it is clearly a name: a high Swedish rank (Dag, Klara, Berg, Strand) or a high rank
in several countries (Lisa, Linda, Rosa). Pronouns and prepositions (Vi, Man, Med, Om) need
the Swedish rank (Per).
"""

from __future__ import annotations

import datetime
import gzip
import importlib.metadata
import pickle
import re
import sys
from pathlib import Path

from spacy.lang.sv.stop_words import STOP_WORDS

from aledraft.analysis.hunspell import is_common_word, is_word

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "aledraft" / "analysis" / "data"

# Countries of birth of many people living in Sweden (SCB), as names-dataset has them:
# Finland, Norway, Denmark, Iceland, Germany, Poland, Iraq, Syria, Iran, Turkey, Afghanistan,
# Serbia and Croatia (for former Yugoslavia and Bosnia), Lebanon, Ethiopia and Djibouti
# (nearest to Eritrea and Somalia, which the dataset lacks), Egypt, Morocco, Chile, Great Britain.
ORIGIN_COUNTRIES = "FI NO DK IS DE PL IQ SY IR TR AF RS HR LB ET DJ EG MA CL GB".split()


class Selection:
    """Rank limits for one list (first names or surnames)."""

    def __init__(self, *, sweden: int, origin: int, world: int, word: int):
        self.sweden = sweden  #: keep names ranked at most this in Sweden,
        self.origin = origin  #: ... or at most this in an origin country,
        self.world = world  #: ... or at most this in any country.
        self.word = word  #: A name that is also a Swedish word needs this Swedish rank, or:

    def keep(self, ranks: dict[str, int], word: str | None) -> bool:
        """Decide whether a name with these per-country ranks belongs in the list.

        word is what the lower-case form is in hunspell-sv (see word_kind()): None, "bare",
        "word" or "function".
        """
        swedish = ranks.get("SE", self.sweden + 1)
        widely_ranked = sum(rank <= WIDELY for rank in ranks.values()) >= 3
        if word == "function":
            return swedish <= self.word
        if word == "word":
            return swedish <= self.word or widely_ranked
        if word == "bare":
            return swedish <= 2 * self.word or widely_ranked or any(
                ranks.get(country, WIDELY + 1) <= WIDELY for country in ORIGIN_COUNTRIES
            )
        return (
            swedish <= self.sweden
            or any(ranks.get(country, self.origin + 1) <= self.origin for country in ORIGIN_COUNTRIES)
            or min(ranks.values()) <= self.world
        )


#: A rank this high in three countries makes a word-like name (Lisa, Rosa) a name.
WIDELY = 200
FIRST_NAMES = Selection(sweden=3000, origin=1000, world=150, word=500)
SURNAMES = Selection(sweden=5000, origin=1000, world=200, word=1000)

# One name, letters only, capitalised: drops "A A", initials and noise from the dump.
NAME_SHAPE = re.compile(r"^[^\W\d_][^\W\d_]+$")


def load_ranks(filename: str) -> dict[str, dict[str, int]]:
    """Read names-dataset's pickle and keep only the per-country ranks."""
    import names_dataset  # the lexicon extra; only this script needs it

    path = Path(names_dataset.__file__).parent / "v3" / filename
    with gzip.open(path) as handle:
        names = pickle.load(handle)
    return {name: info["rank"] for name, info in names.items() if info.get("rank")}


def word_kind(name: str) -> str | None:
    """Classify a name's lower-case form in hunspell-sv.

    "function": a pronoun, preposition or the like (spaCy's stop words: vi, man, med, om);
    "word": an ordinary, inflecting word (dag, rosa, linda);
    "bare": listed without inflection, which hunspell-sv does for some names (daniel, zeynep)
    and for particles (ju, ej, ca, hejsan); None: not in the word list.
    """
    lower = name.lower()
    if lower in STOP_WORDS:
        return "function"
    if is_common_word(lower):
        return "word"
    return "bare" if is_word(lower) else None


def select(ranks: dict[str, dict[str, int]], selection: Selection) -> list[str]:
    """Return the names that pass the selection, sorted."""
    kept = []
    for name, name_ranks in ranks.items():
        if not NAME_SHAPE.match(name) or name != name.capitalize():
            continue
        # The word test is the slow part (~1 ms a lookup), so it runs only on names that pass
        # the limits for plain names, which are the looser ones.
        if selection.keep(name_ranks, None) and selection.keep(name_ranks, word_kind(name)):
            kept.append(name)
    return sorted(kept)


def header(what: str, selection: Selection, count: int) -> str:
    """Return the '#' header naming source, licence and how the file was made."""
    version = importlib.metadata.version("names-dataset")
    return "\n".join([
        f"# {what}: {count} names, one per line.",
        f"# Source: PyPI package names-dataset {version} (Philippe Remy), per-country name ranks.",
        "# Licence: Apache-2.0 (the LICENSE file in the package; PyPI metadata says MIT).",
        "# Generated by scripts/build_name_lexicon.py: names ranked <= "
        f"{selection.sweden} in Sweden, <= {selection.origin} in one of "
        f"{' '.join(ORIGIN_COUNTRIES)},",
        f"# or <= {selection.world} in any country. A name that is also a Swedish word "
        f"(hunspell-sv) needs rank <= {selection.word} in Sweden or <= {WIDELY} in 3+ countries;",
        "# see word_kind() and Selection.keep() in the script for the exact rules.",
        f"# Date: {datetime.date.today().isoformat()}. Do not edit by hand; rerun the script.",
    ]) + "\n"


def write(path: Path, names: list[str], text_header: str) -> None:
    """Write the list with its header."""
    path.write_text(text_header + "\n".join(names) + "\n", encoding="utf-8")


def main() -> int:
    """Build both lists and print their sizes."""
    for filename, out, what, selection in (
        ("first_names.pkl.gz", "first_names.txt", "First names", FIRST_NAMES),
        ("last_names.pkl.gz", "surnames.txt", "Surnames", SURNAMES),
    ):
        names = select(load_ranks(filename), selection)
        write(DATA / out, names, header(what, selection, len(names)))
        print(f"{out}: {len(names)} names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
