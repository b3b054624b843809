"""The one spaCy pipeline every recognizer shares."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language


@functools.cache
def build_nlp() -> Language:
    """Return spacy.blank("sv") with the lookup lemmatizer (tables from spacy-lookups-data).

    Built once per process; a blank pipeline keeps tokenising fast and needs no model download.
    """
    nlp = spacy.blank("sv")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp
