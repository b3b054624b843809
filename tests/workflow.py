"""Shared fixtures for the draft, review and consent tests: a small deterministic analyzer.

The workflow rules must not depend on how well the real analyzer finds names; this stand-in
flags a few fixed names and personnummer-shaped numbers the way the contract describes.
"""
import re

import pytest

from aledraft.drafts import services as draft_services

#: Names the stand-in analyzer flags as person names (block).
FAKE_NAMES = ("Anna Svensson", "Erik Berg", "Lisa Ek")
_PNR = re.compile(r"\b\d{8}-\d{4}\b")


def fake_report(text: str, platform: str | None) -> dict:
    """Return a contract-shaped report: names and personnummer block, 'ASAP' warns."""
    findings = []
    for name in FAKE_NAMES:
        for match in re.finditer(re.escape(name), text):
            findings.append({"rule": "pii.person_name", "category": "person_name", "severity": "block",
                             "start": match.start(), "end": match.end(), "text": match.group(),
                             "message": "Namn på en person kräver samtycke.", "suggestion": "Registrera samtycke."})
    for match in _PNR.finditer(text):
        findings.append({"rule": "pii.personnummer", "category": "personnummer", "severity": "block",
                         "start": match.start(), "end": match.end(), "text": match.group(),
                         "message": "Personnummer får inte publiceras.", "suggestion": None})
    for match in re.finditer("ASAP", text):
        findings.append({"rule": "plain_language.english", "category": "plain_language", "severity": "warn",
                         "start": match.start(), "end": match.end(), "text": match.group(),
                         "message": "Skriv på svenska.", "suggestion": "så snart som möjligt"})
    findings.sort(key=lambda f: f["start"])
    words = len(text.split())
    return {"findings": findings,
            "readability": {"lix": 30.0, "level": "medel", "words": words, "sentences": 1, "long_words": 0},
            "doc_flags": ["personal_data"] if any(f["severity"] == "block" for f in findings) else []}


@pytest.fixture(autouse=True)
def fake_analyzer(monkeypatch):
    """Replace the analyzer with the deterministic stand-in for every test in the package."""
    monkeypatch.setattr(draft_services, "analysis_report", fake_report)


@pytest.fixture
def app_context(app):
    """Push an app context for service calls (mail.queue keeps its outbox on flask.g)."""
    with app.app_context():
        yield


@pytest.fixture
def make_draft(app, session):
    def make(author, account, text="Välkommen till biblioteket!", **kwargs):
        from tests.factories import make_draft as factory

        with app.app_context():
            return factory(session, author, account, text, **kwargs)
    return make
