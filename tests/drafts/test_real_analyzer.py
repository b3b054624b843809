"""The editor's saves run the real analyzer (the other tests use a deterministic stand-in)."""
import json

import pytest

from aledraft.access import Role
from aledraft.drafts.services import create_draft, draft_findings

pytest.importorskip("aledraft.analysis", reason="the analyzer package is not importable")
pytestmark = pytest.mark.usefixtures("app_context")


@pytest.fixture
def fake_analyzer():
    """Override the package's stand-in: these tests use the real analyzer."""


def test_save_stores_the_real_report(session, make_user, make_account):
    author = make_user(roles=[Role.AUTHOR])
    draft = create_draft(session, author, make_account(), "Mitt personnummer är 19811218-9876.")
    report = json.loads(draft.versions[0].report_json)
    assert set(report) >= {"findings", "readability", "doc_flags"}
    assert any(f["category"] == "personnummer" and f["blocking"] for f in draft_findings(session, draft))
