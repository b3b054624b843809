"""The account registry follows the policy: purpose, responsible person, open account, clear sender,
logo; closing is decided by the communications chief (Riktlinjer för sociala medier, "Ansvar",
"Utseende och tonalitet", "Nedstängning av konto")."""
from datetime import timedelta

import pytest
from sqlalchemy import select

from aledraft.access import Role
from aledraft.accounts import services
from aledraft.accounts.services import (WARN_NO_LOGO, WARN_NO_PURPOSE, WARN_NO_RESPONSIBLE, WARN_NOT_OPEN,
                                        WARN_RESPONSIBLE_DISABLED, WARN_SENDER, AccountData, policy_warnings)
from aledraft.audit import verify_chain
from aledraft.db import utcnow
from aledraft.errors import InvalidTransition, NotPermitted, ValidationFailed
from aledraft.models import Account, AccountStatus, AuditEntry, Platform, User


def compliant_account(**overrides) -> Account:
    """An account that meets every rule of the policy, with the given fields changed."""
    values = dict(platform="facebook", name="Ale bibliotek", purpose="Tips och evenemang från biblioteken.",
                  responsible=User(name="Karin", email="karin@ale.se", active=True), is_open=True,
                  logo_confirmed=True)
    values.update(overrides)
    return Account(**values)


def test_compliant_account_has_no_warnings():
    assert policy_warnings(compliant_account()) == []


@pytest.mark.parametrize("overrides, warning", [
    # "Dessa konton ska ha ett klart definierat syfte"
    ({"purpose": ""}, WARN_NO_PURPOSE),
    ({"purpose": "   "}, WARN_NO_PURPOSE),
    # "Det ska finnas en utsedd ansvarig person för alla deltaganden i sociala medier"
    ({"responsible": None}, WARN_NO_RESPONSIBLE),
    ({"responsible": User(name="Slutat", email="s@ale.se", active=False)}, WARN_RESPONSIBLE_DISABLED),
    # "Alla verksamheter ska använda öppna konton"
    ({"is_open": False}, WARN_NOT_OPEN),
    # "Kontots namn ska vara utformat så att det tydligt framgår vem som är avsändare"
    ({"name": "Fritidsgården Nödinge"}, WARN_SENDER),
    ({"name": "Biblioteket i Nol"}, WARN_SENDER),
    # "Alla konton ska ha en profilbild med Ale kommuns logotyp"
    ({"logo_confirmed": False}, WARN_NO_LOGO),
])
def test_each_warning_appears_exactly_when_its_rule_is_unmet(overrides, warning):
    assert policy_warnings(compliant_account(**overrides)) == [warning]


@pytest.mark.parametrize("name", ["Ale kommun", "ALE bibliotek", "Fritid i ale", "Ale kommun – arbetsgivare"])
def test_name_showing_ale_as_sender_passes(name):
    assert WARN_SENDER not in policy_warnings(compliant_account(name=name))


def test_every_rule_unmet_gives_every_warning_in_swedish():
    account = compliant_account(purpose="", responsible=None, is_open=False, name="Fritidsgården", logo_confirmed=False)
    assert policy_warnings(account) == [WARN_NO_PURPOSE, WARN_NO_RESPONSIBLE, WARN_NOT_OPEN, WARN_SENDER, WARN_NO_LOGO]


def _data(person, **overrides) -> AccountData:
    values = dict(platform="instagram", name="Ale kulturskola", url="https://www.instagram.com/alekulturskola",
                  purpose="Elevkonserter och kurser.", unit="Kulturskolan", responsible=person, admins=[],
                  is_open=True, logo_confirmed=True)
    values.update(overrides)
    return AccountData(**values)


@pytest.mark.parametrize("role", [Role.ADMIN, Role.REVIEWER, Role.COMMS_CHIEF])
def test_admin_and_communications_unit_register_accounts(session, make_user, role):
    actor, responsible = make_user(roles=[role]), make_user()
    account = services.create_account(session, actor, _data(responsible, admins=[responsible]))
    session.commit()
    assert account.status == AccountStatus.ACTIVE.value
    assert account.admins == [responsible]
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "account.create")).one()
    assert entry.actor_id == actor.id and entry.object_id == str(account.id)


@pytest.mark.parametrize("role", [Role.AUTHOR, Role.ACCOUNT_ADMIN])
def test_others_cannot_register_accounts(session, make_user, role):
    actor = make_user(roles=[role])
    with pytest.raises(NotPermitted):
        services.create_account(session, actor, _data(actor))


@pytest.mark.parametrize("overrides, message", [
    ({"purpose": " "}, "syfte"),
    ({"responsible": None}, "ansvarig person"),
    ({"name": ""}, "namn"),
    ({"platform": "myspace"}, "plattform"),
    ({"url": "javascript:alert(1)"}, "https://"),
    ({"unit": "karin.k@ale.se"}, "e-postadress"),
])
def test_registration_refuses_missing_or_bad_fields(session, make_user, overrides, message):
    actor = make_user(roles=[Role.REVIEWER])
    with pytest.raises(ValidationFailed, match=message):
        services.create_account(session, actor, _data(actor, **overrides))


def test_same_name_on_same_platform_is_refused(session, make_user, make_account):
    make_account(name="Ale kommun", platform=Platform.FACEBOOK)
    actor = make_user(roles=[Role.REVIEWER])
    with pytest.raises(ValidationFailed, match="finns redan"):
        services.create_account(session, actor, _data(actor, platform="facebook", name="ale kommun"))


def test_update_records_a_diff_of_changed_fields(session, make_user, make_account):
    chief, new_admin = make_user(roles=[Role.COMMS_CHIEF]), make_user(name="Nils Ny")
    account = make_account(responsible=chief, purpose="Gammalt syfte.")
    account = session.get(Account, account.id)
    changes = services.update_account(session, chief, account, AccountData(
        platform=account.platform, name=account.name, url=account.url, purpose="Nytt syfte.", unit=account.unit,
        responsible=chief, admins=[new_admin], is_open=False, logo_confirmed=True))
    session.commit()
    assert changes == {"purpose": ["Gammalt syfte.", "Nytt syfte."], "admins": [[], ["Nils Ny"]],
                       "is_open": [True, False]}
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "account.update")).one()
    assert '"purpose":["Gammalt syfte.","Nytt syfte."]' in entry.details


def test_update_without_changes_writes_no_entry(session, make_user, make_account):
    chief = make_user(roles=[Role.COMMS_CHIEF])
    account = session.get(Account, make_account(responsible=chief).id)
    data = AccountData(account.platform, account.name, account.url, account.purpose, account.unit, chief, [],
                       account.is_open, account.logo_confirmed)
    assert services.update_account(session, chief, account, data) == {}
    assert session.scalars(select(AuditEntry).where(AuditEntry.action == "account.update")).first() is None


@pytest.mark.parametrize("roles, administers, allowed", [
    ([Role.ACCOUNT_ADMIN], True, True),     # kontoansvarig edits the accounts they administer
    ([Role.ACCOUNT_ADMIN], False, False),   # ... but no others
    ([Role.AUTHOR], True, False),           # an author listed as admin does not edit the registry
    ([Role.REVIEWER], False, True),
    ([Role.COMMS_CHIEF], False, True),
    ([Role.ADMIN], False, True),
])
def test_who_may_edit_an_account(session, make_user, make_account, roles, administers, allowed):
    from aledraft.access import can_edit_account

    user = make_user(roles=roles)
    account = make_account(responsible=user, admins=[user] if administers else [])
    assert can_edit_account(user, account) is allowed


# Closing: proposed → decided by the communications chief → closed.


@pytest.fixture
def people(make_user):
    """The cast of the closing procedure."""
    return {
        "chief": make_user(roles=[Role.COMMS_CHIEF], name="Kim Chef"),
        "reviewer": make_user(roles=[Role.REVIEWER], name="Greta Granskare"),
        "account_admin": make_user(roles=[Role.AUTHOR], name="Ada Administratör"),
        "author": make_user(roles=[Role.AUTHOR], name="Sam Skribent"),
        "kontoansvarig": make_user(roles=[Role.ACCOUNT_ADMIN], name="Kalle Kontoansvarig"),
        "admin": make_user(roles=[Role.ADMIN], name="Alex Admin"),
    }


@pytest.fixture
def account(session, make_account, people):
    created = make_account(name="Ale fritid", responsible=people["account_admin"], admins=[people["account_admin"]])
    return session.get(Account, created.id)


def _actions(session):
    return [e.action for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))]


@pytest.mark.parametrize("who, allowed", [
    ("reviewer", True), ("chief", True), ("account_admin", True),
    ("author", False), ("kontoansvarig", False), ("admin", False),
])
def test_communications_unit_and_account_admins_may_propose_closing(session, people, account, who, allowed):
    if allowed:
        closure = services.propose_closure(session, people[who], account, "Inget publicerat sedan i våras.")
        assert closure.is_pending and closure.proposed_by == people[who]
        assert account.status == AccountStatus.ACTIVE.value
        assert _actions(session)[-1] == "account.closure_propose"
    else:
        with pytest.raises(NotPermitted, match="föreslå"):
            services.propose_closure(session, people[who], account, "Inget publicerat.")


@pytest.mark.parametrize("who", ["reviewer", "account_admin", "author", "kontoansvarig", "admin"])
def test_only_the_communications_chief_decides_that_an_account_is_closed(session, people, account, who):
    services.propose_closure(session, people["reviewer"], account, "Inaktivt.")
    with pytest.raises(NotPermitted, match="kommunikationschefen"):
        services.decide_closure(session, people[who], account, "Beslutat.")
    assert account.status == AccountStatus.ACTIVE.value


def test_chief_decides_on_a_proposal_with_reason_recorded_with_who_and_when(session, people, account):
    services.propose_closure(session, people["reviewer"], account, "Inget publicerat på ett år.")
    now = utcnow()
    closure = services.decide_closure(session, people["chief"], account, "Verksamheten har flyttat.", now=now)
    session.commit()
    assert account.status == AccountStatus.CLOSING.value
    assert (closure.decided_by, closure.decided_at, closure.decision, closure.decision_reason) == (
        people["chief"], now, "close", "Verksamheten har flyttat.")
    assert closure.proposed_by == people["reviewer"]
    assert _actions(session)[-2:] == ["account.closure_propose", "account.closure_decide"]


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_decision_needs_a_written_reason(session, people, account, reason):
    with pytest.raises(ValidationFailed, match="motivering"):
        services.decide_closure(session, people["chief"], account, reason)
    assert account.status == AccountStatus.ACTIVE.value


@pytest.mark.parametrize("reason", ["", "  "])
def test_proposal_needs_a_reason(session, people, account, reason):
    with pytest.raises(ValidationFailed):
        services.propose_closure(session, people["reviewer"], account, reason)


def test_chief_may_decide_without_a_proposal(session, people, account):
    closure = services.decide_closure(session, people["chief"], account, "Följer inte riktlinjerna.")
    assert closure.proposed_at is None and closure.proposed_by is None
    assert account.status == AccountStatus.CLOSING.value


def test_chief_may_decide_and_record_the_shutdown_at_once(session, people, account):
    services.decide_closure(session, people["chief"], account, "Redan nedstängt.", shut_down=True)
    assert account.status == AccountStatus.CLOSED.value and account.closed_at is not None
    assert _actions(session)[-2:] == ["account.closure_decide", "account.close"]


def test_a_second_proposal_waits_for_the_first(session, people, account):
    services.propose_closure(session, people["reviewer"], account, "Inaktivt.")
    with pytest.raises(InvalidTransition, match="redan ett förslag"):
        services.propose_closure(session, people["account_admin"], account, "Vi slutar.")


def test_chief_may_turn_a_proposal_down_and_the_account_stays_active(session, people, account):
    services.propose_closure(session, people["reviewer"], account, "Inaktivt.")
    closure = services.decline_closure(session, people["chief"], account, "Kontot behövs inför valet.")
    assert closure.decision == "keep" and not closure.is_open
    assert account.status == AccountStatus.ACTIVE.value
    assert services.open_closure(account) is None
    services.propose_closure(session, people["reviewer"], account, "Fortfarande inaktivt.")  # a new round
    assert _actions(session)[-2:] == ["account.closure_decline", "account.closure_propose"]


def test_only_the_chief_turns_a_proposal_down(session, people, account):
    services.propose_closure(session, people["reviewer"], account, "Inaktivt.")
    with pytest.raises(NotPermitted):
        services.decline_closure(session, people["reviewer"], account, "Nej.")


def test_account_cannot_be_marked_closed_before_the_decision(session, people, account):
    services.propose_closure(session, people["reviewer"], account, "Inaktivt.")
    with pytest.raises(InvalidTransition, match="kommunikationschefen har beslutat"):
        services.mark_closed(session, people["reviewer"], account)


@pytest.mark.parametrize("who, allowed", [
    ("reviewer", True), ("chief", True), ("account_admin", False), ("author", False), ("admin", False),
])
def test_communications_unit_marks_a_decided_account_closed(session, people, account, who, allowed):
    services.decide_closure(session, people["chief"], account, "Ska stängas.")
    if allowed:
        now = utcnow()
        closure = services.mark_closed(session, people[who], account, now=now)
        assert account.status == AccountStatus.CLOSED.value
        assert account.closed_at == now and closure.closed_at == now and closure.closed_by == people[who]
        assert _actions(session)[-1] == "account.close"
    else:
        with pytest.raises(NotPermitted):
            services.mark_closed(session, people[who], account)


def test_closed_account_cannot_be_closed_again_or_edited(session, people, account):
    services.decide_closure(session, people["chief"], account, "Ska stängas.", shut_down=True)
    with pytest.raises(InvalidTransition):
        services.mark_closed(session, people["reviewer"], account)
    with pytest.raises(InvalidTransition):
        services.decide_closure(session, people["chief"], account, "Igen.")
    with pytest.raises(InvalidTransition):
        services.propose_closure(session, people["reviewer"], account, "Igen.")
    data = AccountData(account.platform, account.name, account.url, "Nytt.", account.unit,
                       account.responsible, [], True, True)
    with pytest.raises(InvalidTransition, match="stängt"):
        services.update_account(session, people["chief"], account, data)


def test_whole_closing_leaves_an_unbroken_audit_chain(session, people, account):
    services.propose_closure(session, people["account_admin"], account, "Vi har slutat använda kontot.")
    services.decide_closure(session, people["chief"], account, "Enligt förslaget.")
    services.mark_closed(session, people["reviewer"], account)
    session.commit()
    assert _actions(session)[-3:] == ["account.closure_propose", "account.closure_decide", "account.close"]
    assert verify_chain(session).ok


# Inactive accounts (issue 5): no publication for INACTIVE_ACCOUNT_DAYS.

DAYS = 90


@pytest.mark.parametrize("silent_for, inactive", [
    (timedelta(days=89, hours=23, minutes=59), False),
    (timedelta(days=90), True),                    # exactly the period: inactive
    (timedelta(days=90, seconds=1), True),
    (timedelta(days=400), True),
    (timedelta(days=1), False),
])
def test_account_without_publication_for_the_period_is_inactive(session, make_account, silent_for, inactive):
    now = utcnow()
    account = make_account()
    account.created_at = now - timedelta(days=1000)
    account.last_activity_at = now - silent_for
    session.commit()
    assert (account in services.inactive_accounts(session, now, DAYS)) is inactive


@pytest.mark.parametrize("registered_ago, inactive", [(timedelta(days=89), False), (timedelta(days=90), True)])
def test_account_that_never_published_counts_from_registration(session, make_account, registered_ago, inactive):
    now = utcnow()
    account = make_account()
    account.created_at = now - registered_ago
    session.commit()
    assert (account in services.inactive_accounts(session, now, DAYS)) is inactive


def test_only_active_accounts_are_listed_as_inactive_longest_silent_first(session, make_account, people):
    now = utcnow()
    older, newer, closing = make_account(name="Ale A"), make_account(name="Ale B"), make_account(name="Ale C")
    for account, days in ((older, 300), (newer, 120), (closing, 500)):
        account.created_at = now - timedelta(days=days)
    closing.status = AccountStatus.CLOSING.value
    session.commit()
    assert services.inactive_accounts(session, now, DAYS) == [older, newer]


def test_recorded_activity_takes_an_account_off_the_inactive_list(session, make_account, people):
    now = utcnow()
    account = session.get(Account, make_account(admins=[people["kontoansvarig"]]).id)
    account.created_at = now - timedelta(days=200)
    session.commit()
    services.record_activity(session, people["kontoansvarig"], account, now=now)
    assert services.inactive_accounts(session, now, DAYS) == []
    assert _actions(session)[-1] == "account.activity"


# The public list.


def test_public_list_keeps_accounts_under_avveckling_until_closed(session, make_account):
    active, closing, closed = (make_account(name=n) for n in ("Ale aktiv", "Ale avvecklas", "Ale stängd"))
    closing.status = AccountStatus.CLOSING.value
    closed.status = AccountStatus.CLOSED.value
    session.commit()
    rows = services.public_list(session)
    assert [(r.name, r.status_label) for r in rows] == [("Ale aktiv", "Aktiv"), ("Ale avvecklas", "Under avveckling")]


def test_public_list_holds_nothing_personal(session, make_user, make_account):
    person = make_user(name="Karin Karlsson", email="karin.karlsson@ale.se")
    make_account(responsible=person, admins=[person])
    row = services.public_list(session)[0].to_dict()
    assert set(row) == {"plattform", "namn", "lank", "syfte", "ansvarig_enhet", "status"}
    assert "karin" not in repr(row).lower()
