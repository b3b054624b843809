"""API test fixtures: bearer tokens, a JSON caller, and the deterministic analyzer of tests/workflow.py."""
import pytest

from aledraft.auth.services import create_api_token
from tests.workflow import app_context, fake_analyzer, make_draft  # noqa: F401  (fixtures)


@pytest.fixture
def token_for(session):
    """Return a function that creates an API token for a user and returns the token."""
    def make(user, name="test"):
        session.commit()  # end any read transaction begun before the requests wrote (SQLite)
        _, token = create_api_token(session, user, name)
        session.commit()
        return token
    return make


@pytest.fixture
def api(client):
    """Return a function calling the API with a bearer token and no CSRF header."""
    def call(method, path, token=None, json=None, **kwargs):
        headers = dict(kwargs.pop("headers", None) or {})
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        return client.open(f"/api/v1{path}", method=method, json=json, headers=headers, csrf=False, **kwargs)
    return call
