"""Property-based run of the whole API against its own OpenAPI document (Schemathesis).

Every operation gets a bounded, deterministic set of generated requests, valid and invalid,
sent with the token of a user who holds every role. Checks: no server error, every status
and content type documented, every response matching its schema, invalid input refused.
"""
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from aledraft.access import Role
from aledraft.api.openapi import build_document
from aledraft.api.schemas import MAX_INT
from aledraft.drafts import services as draft_services
from aledraft.models import DraftState
from tests.factories import make_draft

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
          response_headers_conformance, negative_data_rejection]

#: How many drafts exist (ids 1–3, tables are emptied with their sequences after each test);
#: generated draft ids are folded onto them so most requests find one.
DRAFTS = 3


@pytest.fixture
def api_token(app, session, make_user, make_account, token_for):
    """Seed a few drafts and return the token of a user holding every role."""
    everyone = make_user(roles=list(Role), name="Alla Roller")
    author = make_user(roles=[Role.AUTHOR], name="Sara Skribent")
    account = make_account(admins=[everyone])
    with app.app_context():
        make_draft(session, author, account, "Välkommen till biblioteket!", state=DraftState.IN_REVIEW)
        make_draft(session, author, account, "Grattis Anna Svensson till priset!", state=DraftState.IN_REVIEW)
        make_draft(session, everyone, account, "Öppet hus på lördag.")
    return token_for(everyone)


# The document is built from the route table without an app (tests/api/test_openapi.py checks that
# the app serves the same); loading it through a fixture (schemathesis.pytest.from_fixture) fails
# under pytest 9, whose nodes no longer have the _nodeid that Schemathesis 4.32 rewrites.
schema = schemathesis.openapi.from_dict(build_document(), config=schemathesis.Config.from_dict({
    "generation": {"mode": "all", "max-examples": 20, "deterministic": True},
    "phases": {"stateful": {"enabled": False}},
    # A text over maxLength can also be over API_MAX_BODY: refusing it with 413 is right too.
    "checks": {"negative_data_rejection": {"expected-statuses": [400, 401, 403, 404, 409, 413, 415]}},
}))


@schema.parametrize()
@settings(max_examples=20, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                 HealthCheck.function_scoped_fixture])
def test_api_matches_its_document(case, app, api_token, real_analyzer, monkeypatch):
    # The real checker, not tests/workflow.py's stand-in: its reports must match the document too.
    monkeypatch.setattr(draft_services, "analysis_report", real_analyzer)
    draft_id = (case.path_parameters or {}).get("draft_id")
    if type(draft_id) is int and 1 <= draft_id <= MAX_INT:  # out-of-range ids stay: they must answer 404
        case.path_parameters["draft_id"] = 1 + draft_id % DRAFTS
    account_id = case.body.get("account_id") if isinstance(case.body, dict) else None
    if type(account_id) is int and 1 <= account_id <= MAX_INT:
        case.body["account_id"] = 1  # the one account, so that valid drafts get created
    case.call_and_validate(app=app, headers={"Authorization": f"Bearer {api_token}"}, checks=CHECKS)
