"""User administration keeps history (users are never deleted) and the audit browser finds entries."""
from datetime import date, datetime, timezone

import pytest
from sqlalchemy import select

from aledraft import audit
from aledraft.access import Role
from aledraft.admin import services
from aledraft.auth.services import authenticate
from aledraft.errors import ValidationFailed
from aledraft.models import AuditEntry, User
from tests.factories import PASSWORD

LIMIT = dict(max_failures=5, window=900)


@pytest.fixture
def admin(make_user):
    return make_user(roles=[Role.ADMIN], name="Alex Admin")


def test_disabled_user_cannot_log_in_and_keeps_history(session, admin, make_user, make_account):
    user = make_user(name="Sara Slutar")
    account = make_account(responsible=user)
    services.set_active(session, admin, user, False)
    session.commit()
    assert authenticate(session, user.email, PASSWORD, "10.0.0.1", **LIMIT) is None
    assert session.get(User, user.id).name == "Sara Slutar"  # still there
    assert account.responsible == user
    assert [e.action for e in session.scalars(select(AuditEntry).where(AuditEntry.object_id == str(user.id),
                                                                        AuditEntry.object_type == "user"))] == [
        "user.create", "user.disable"]
    services.set_active(session, admin, user, True)
    assert authenticate(session, user.email, PASSWORD, "10.0.0.1", **LIMIT) == user


def test_admin_cannot_disable_themselves(session, admin):
    with pytest.raises(ValidationFailed, match="eget konto"):
        services.set_active(session, admin, admin, False)


@pytest.mark.parametrize("before, after", [
    ([Role.AUTHOR], [Role.AUTHOR, Role.REVIEWER]),
    ([Role.AUTHOR, Role.ACCOUNT_ADMIN], [Role.ACCOUNT_ADMIN]),
    ([Role.REVIEWER], [Role.COMMS_CHIEF]),
])
def test_roles_change_and_are_audited(session, admin, make_user, before, after):
    user = make_user(roles=before)
    services.set_roles(session, admin, user, after)
    session.commit()
    assert user.role_codes == {r.value for r in after}
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "user.roles")).one()
    assert entry.actor_id == admin.id


def test_admin_cannot_remove_their_own_admin_role(session, admin):
    with pytest.raises(ValidationFailed, match="egen administratörsroll"):
        services.set_roles(session, admin, admin, [Role.REVIEWER])
    assert admin.has_role(Role.ADMIN)


def test_user_needs_at_least_one_role(session, admin, make_user):
    with pytest.raises(ValidationFailed, match="minst en roll"):
        services.set_roles(session, admin, make_user(), [])


def test_reset_password_replaces_the_old_one(session, admin, make_user):
    user = make_user()
    services.reset_password(session, admin, user, "ett-helt-nytt-lösenord")
    session.commit()
    assert authenticate(session, user.email, PASSWORD, "10.0.0.2", **LIMIT) is None
    assert authenticate(session, user.email, "ett-helt-nytt-lösenord", "10.0.0.2", **LIMIT) == user


# The audit browser.


@pytest.fixture
def log(session, admin, make_user, monkeypatch):
    """A small log: (local day, actor, action, object type)."""
    other = make_user(name="Greta Granskare")
    rows = [
        (datetime(2026, 3, 1, 10, 0, tzinfo=timezone.utc), admin, "user.update", "user"),
        (datetime(2026, 3, 2, 23, 30, tzinfo=timezone.utc), other, "account.update", "account"),  # 3 March local
        (datetime(2026, 3, 5, 9, 0, tzinfo=timezone.utc), None, "moderation.cull", "system"),
        (datetime(2026, 3, 9, 9, 0, tzinfo=timezone.utc), other, "account.create", "account"),
    ]
    for at, actor, action, object_type in rows:
        monkeypatch.setattr(audit, "utcnow", lambda at=at: at)
        audit.record(session, actor, action, object_type=object_type, object_id=1)
    session.commit()
    return {"admin": admin, "other": other}


def _actions(page):
    return [e.action for e in page.entries]


@pytest.mark.parametrize("filters, expected", [
    ({"action": "account.update"}, ["account.update"]),
    ({"object_type": "account"}, ["account.create", "account.update"]),
    ({"actor": "system"}, ["moderation.cull"]),
    ({"date_from": date(2026, 3, 3), "date_to": date(2026, 3, 5)}, ["moderation.cull", "account.update"]),
    ({"date_to": date(2026, 3, 2)}, ["user.update"]),      # 23:30 UTC on 2 March is 3 March in Sweden
    ({"date_from": date(2026, 3, 9)}, ["account.create"]),
    ({"object_type": "account", "date_to": date(2026, 3, 4)}, ["account.update"]),
])
def test_audit_browser_filters_newest_first(session, log, filters, expected):
    page = services.audit_entries(session, **filters)
    # The fixture's users were created "now" (user.create); the table is about the four entries above.
    assert [a for a in _actions(page) if a != "user.create"] == expected


def test_audit_browser_filters_by_actor(session, log):
    page = services.audit_entries(session, actor=str(log["other"].id))
    assert _actions(page) == ["account.create", "account.update"]


def test_audit_browser_pages_through_the_log(session, log):
    total = session.query(AuditEntry).count()
    first = services.audit_entries(session, per_page=2)
    last = services.audit_entries(session, per_page=2, page=99)  # past the end: the last page
    assert (first.total, first.pages, first.page, first.has_prev, first.has_next) == (total, -(-total // 2), 1, False, True)
    assert last.page == last.pages and not last.has_next
    assert first.entries[0].id > first.entries[1].id


def test_every_audited_action_has_a_swedish_label():
    import re
    from pathlib import Path

    from aledraft.admin.services import ACTION_LABELS

    package = Path(__file__).parents[2] / "aledraft"
    used = {m for path in package.rglob("*.py")
            for m in re.findall(r'audit\.record\(\s*[^,]+,\s*[^,]+,\s*"([a-z_.]+)"', path.read_text())}
    assert used and used <= set(ACTION_LABELS), sorted(used - set(ACTION_LABELS))
