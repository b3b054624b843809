"""API test fixtures: bearer tokens, a JSON caller, and the deterministic analyzer of tests/workflow.py."""
import gc
import warnings

import pytest

from aledraft.auth.services import create_api_token
from aledraft.drafts import services as draft_services
from tests.workflow import fake_analyzer  # noqa: F401  (autouse: the deterministic stand-in checker)

#: The real checker's report function, taken before any fixture swaps in the stand-in.
REAL_ANALYSIS_REPORT = draft_services.analysis_report


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


@pytest.fixture(scope="session")
def real_analyzer():
    """Load the real checker once; return its report function (not tests/workflow.py's stand-in).

    spylls leaves the hunspell files it reads unclosed; that ResourceWarning is the library's,
    so it is silenced here, where the files are read (as in tests/e2e/conftest.py).
    """
    from aledraft.analysis import hunspell

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        hunspell.warm_up()
        REAL_ANALYSIS_REPORT("Hej! Välkommen till biblioteket i Nödinge.", "facebook")
        gc.collect()
    return REAL_ANALYSIS_REPORT
