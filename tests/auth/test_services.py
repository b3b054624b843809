"""Login: hashed passwords, throttling after repeated failures, API tokens."""
from datetime import timedelta

import pytest

from aledraft.auth.services import authenticate, create_api_token, revoke_api_token, user_for_token
from aledraft.db import utcnow
from aledraft.errors import Throttled
from tests.factories import PASSWORD

LIMIT = dict(max_failures=5, window=900)


def test_password_is_stored_hashed_with_scrypt(make_user):
    user = make_user()
    assert PASSWORD not in user.password_hash
    assert user.password_hash.startswith("scrypt:")


def test_correct_password_logs_in(session, make_user):
    user = make_user(email="Anna.Svensson@ale.se")
    assert authenticate(session, "anna.svensson@ale.se ", PASSWORD, "10.0.0.1", **LIMIT) == user


def test_disabled_user_cannot_log_in(session, make_user):
    user = make_user()
    user.active = False
    session.commit()
    assert authenticate(session, user.email, PASSWORD, "10.0.0.1", **LIMIT) is None


def test_five_failures_for_one_account_make_further_attempts_wait(session, make_user):
    user = make_user()
    now = utcnow()
    for i in range(5):
        assert authenticate(session, user.email, "fel", f"10.0.0.{i}", now=now, **LIMIT) is None
    with pytest.raises(Throttled) as refused:
        authenticate(session, user.email, PASSWORD, "10.0.0.99", now=now, **LIMIT)
    assert "Vänta" in refused.value.message
    # After the window the right password works again.
    later = now + timedelta(seconds=901)
    assert authenticate(session, user.email, PASSWORD, "10.0.0.99", now=later, **LIMIT) == user


def test_five_failures_from_one_address_make_further_attempts_wait(session, make_user):
    victim = make_user()
    now = utcnow()
    for i in range(5):
        authenticate(session, f"gissning{i}@ale.se", "fel", "192.0.2.7", now=now, **LIMIT)
    with pytest.raises(Throttled):
        authenticate(session, victim.email, PASSWORD, "192.0.2.7", now=now, **LIMIT)
    assert authenticate(session, victim.email, PASSWORD, "192.0.2.8", now=now, **LIMIT) == victim


def test_api_token_is_stored_hashed_and_can_be_revoked(session, make_user):
    user = make_user()
    row, token = create_api_token(session, user, "Testskript")
    assert token not in row.token_hash and row.prefix == token[:10]
    assert user_for_token(session, token) == user
    assert user_for_token(session, token + "x") is None
    revoke_api_token(session, user, row.id, user)
    assert user_for_token(session, token) is None
