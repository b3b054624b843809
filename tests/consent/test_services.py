"""Consent (samtycke): it covers a person's name in one draft; withdrawn, the name blocks again."""
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from aledraft.access import Role
from aledraft.drafts.consent import consent_register, record_consent, withdraw_consent
from aledraft.drafts.services import draft_findings
from aledraft.errors import InvalidTransition, NotPermitted, ValidationFailed
from aledraft.models import AuditEntry, DraftState
from aledraft.review.services import approve, blocking_findings, publish

pytestmark = pytest.mark.usefixtures("app_context")

NAMED = "Grattis Anna Svensson och Erik Berg!"


@pytest.fixture
def author(make_user):
    return make_user(roles=[Role.AUTHOR])


@pytest.fixture
def reviewer(make_user):
    return make_user(roles=[Role.REVIEWER])


@pytest.fixture
def account(make_account):
    return make_account()


def _record(session, draft, actor, name="Anna Svensson", **kwargs):
    values = {"method": "skriftligt", "given_on": date.today(), "reference": "Blankett i pärm 3"} | kwargs
    return record_consent(session, draft, actor, person_name=name, **values)


def test_consent_clears_the_block_for_that_name_only(session, make_draft, author, account):
    draft = make_draft(author, account, NAMED)
    _record(session, draft, author, name="  anna   SVENSSON ")
    findings = {f["text"]: f for f in draft_findings(session, draft)}
    assert findings["Anna Svensson"]["covered_by_consent"] is True
    assert findings["Anna Svensson"]["blocking"] is False
    assert findings["Erik Berg"]["blocking"] is True
    assert [f["text"] for f in blocking_findings(session, draft)] == ["Erik Berg"]


def test_consent_applies_to_its_own_draft_only(session, make_draft, author, account):
    first = make_draft(author, account, NAMED)
    second = make_draft(author, account, NAMED)
    _record(session, first, author)
    assert len(blocking_findings(session, second)) == 2


def test_consent_is_written_to_the_audit_log(session, make_draft, author, account):
    draft = make_draft(author, account, NAMED)
    consent = _record(session, draft, author)
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "consent.record")).one()
    assert entry.object_id == str(consent.id) and "Anna Svensson" in entry.details and "skriftligt" in entry.details
    withdraw_consent(session, consent, author, "Ångrade sig i telefon.")
    assert session.scalars(select(AuditEntry).where(AuditEntry.action == "consent.withdraw")).one()


@pytest.mark.parametrize("values, message", [
    ({"name": ""}, "namnet"),
    ({"method": "telepatiskt"}, "skriftligt, muntligt eller blankett"),
    ({"given_on": date.today() + timedelta(days=1)}, "framtiden"),
    ({"given_on": None}, "datum"),
])
def test_consent_needs_name_method_and_a_past_date(session, make_draft, author, account, values, message):
    draft = make_draft(author, account, NAMED)
    with pytest.raises(ValidationFailed, match=message):
        _record(session, draft, author, **values)


def test_same_person_twice_is_refused(session, make_draft, author, account):
    draft = make_draft(author, account, NAMED)
    _record(session, draft, author)
    with pytest.raises(ValidationFailed, match="redan"):
        _record(session, draft, author)


def test_only_the_drafts_editors_record_consent(session, make_draft, make_user, author, reviewer, account):
    draft = make_draft(author, account, NAMED)
    with pytest.raises(NotPermitted):
        _record(session, draft, make_user(roles=[Role.AUTHOR]))
    assert _record(session, draft, reviewer).recorded_by_id == reviewer.id


def test_withdrawn_consent_blocks_again(session, make_draft, author, account):
    draft = make_draft(author, account, NAMED)
    consent = _record(session, draft, author)
    withdraw_consent(session, consent, author)
    assert sorted(f["text"] for f in blocking_findings(session, draft)) == ["Anna Svensson", "Erik Berg"]
    with pytest.raises(InvalidTransition):
        withdraw_consent(session, consent, author)


def test_withdrawn_consent_returns_an_approved_draft_to_utkast(session, make_draft, author, reviewer, account):
    draft = make_draft(author, account, NAMED)
    consent = _record(session, draft, author)
    from aledraft.review.services import submit

    submit(session, draft, author)
    approval = approve(session, draft, 1, reviewer,
                       [{"rule": "pii.person_name", "start": 26, "reason": "Erik Berg är kommunalråd."}])
    withdraw_consent(session, consent, author, "Återkallat per telefon.")
    assert draft.state == DraftState.DRAFT.value
    assert approval.invalidated_at is not None
    with pytest.raises(InvalidTransition):
        publish(session, draft, author, url="https://www.facebook.com/alekommun/posts/3")
    actions = [e.action for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions[-2:] == ["consent.withdraw", "draft.approval_invalidated"]


def test_withdrawal_does_not_touch_an_approval_that_overrode_the_name(session, make_draft, author, reviewer, account):
    draft = make_draft(author, account, "Grattis Anna Svensson!")
    consent = _record(session, draft, author)
    from aledraft.review.services import submit

    submit(session, draft, author)
    # Consent covered the name, so approval needed no override; withdrawing it un-approves.
    approve(session, draft, 1, reviewer, [])
    withdraw_consent(session, consent, author)
    assert draft.state == DraftState.DRAFT.value


def test_withdrawal_after_publication_is_recorded_for_takedown(session, make_draft, author, reviewer, account):
    draft = make_draft(author, account, "Grattis Anna Svensson!")
    consent = _record(session, draft, author)
    from aledraft.review.services import submit

    submit(session, draft, author)
    approve(session, draft, 1, reviewer, [])
    publish(session, draft, author, url="https://www.facebook.com/alekommun/posts/4")
    withdraw_consent(session, consent, author)
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "consent.withdraw")).one()
    assert '"published":true' in entry.details
    assert draft.state == DraftState.PUBLISHED.value


def test_register_lists_what_the_user_may_see_with_filters(session, make_draft, make_user, make_account, author, reviewer):
    admin = make_user(roles=[Role.ACCOUNT_ADMIN])
    library = make_account(name="Ale bibliotek", admins=[admin])
    town = make_account(name="Ale kommun")
    in_library = make_draft(author, library, NAMED)
    in_town = make_draft(author, town, NAMED)
    anna = _record(session, in_library, author)
    erik = _record(session, in_town, author, name="Erik Berg", method="muntligt")
    withdraw_consent(session, erik, author)
    assert {c.id for c in consent_register(session, reviewer)} == {anna.id, erik.id}
    assert {c.id for c in consent_register(session, admin)} == {anna.id}
    assert consent_register(session, make_user(roles=[Role.AUTHOR])) == []
    assert [c.id for c in consent_register(session, reviewer, status="withdrawn")] == [erik.id]
    assert [c.id for c in consent_register(session, reviewer, person="anna")] == [anna.id]
    assert [c.id for c in consent_register(session, reviewer, method="muntligt")] == [erik.id]
    assert [c.id for c in consent_register(session, reviewer, account_id=library.id)] == [anna.id]
