"""The review workflow rules, tested on the services (DESIGN.md: Draft lifecycle)."""
import threading
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from aledraft.access import Role
from aledraft.db import make_engine, utcnow
from aledraft.drafts.consent import record_consent
from aledraft.drafts.services import save_version
from aledraft.errors import InvalidTransition, NotPermitted, StaleVersion, ValidationFailed
from aledraft.models import Account, Approval, AuditEntry, Draft, DraftState, ReviewComment
from aledraft.review.services import (
    add_comment, approve, blocking_findings, publish, review_queue, send_back, submit,
)

pytestmark = pytest.mark.usefixtures("app_context")

NAMED = "Vi gratulerar Anna Svensson till priset!"



def _actions(session, draft):
    return [e.action for e in session.scalars(
        select(AuditEntry).where(AuditEntry.object_type == "draft", AuditEntry.object_id == str(draft.id))
        .order_by(AuditEntry.id))]


def test_submit_moves_draft_to_review_and_is_audited(session, make_draft, author, account):
    draft = make_draft(author, account)
    submit(session, draft, author)
    assert draft.state == DraftState.IN_REVIEW.value
    assert draft.submitted_at is not None
    assert _actions(session, draft)[-1] == "draft.submit"


def test_submit_with_block_findings_is_allowed(session, make_draft, author, account):
    draft = make_draft(author, account, NAMED)
    submit(session, draft, author)
    assert [f["rule"] for f in blocking_findings(session, draft)] == ["pii.person_name"]


def test_submit_twice_is_refused(session, make_draft, author, account):
    draft = make_draft(author, account, state=DraftState.IN_REVIEW)
    with pytest.raises(InvalidTransition):
        submit(session, draft, author)


def test_author_cannot_approve_own_draft(session, make_draft, make_user, account):
    author = make_user(roles=[Role.REVIEWER, Role.AUTHOR])
    draft = make_draft(author, account, state=DraftState.IN_REVIEW)
    with pytest.raises(NotPermitted, match="eget utkast"):
        approve(session, draft, draft.version, author, [])
    assert draft.state == DraftState.IN_REVIEW.value


def test_reviewer_cannot_approve_a_version_they_wrote(session, make_draft, author, reviewer, account):
    draft = make_draft(author, account, state=DraftState.IN_REVIEW)
    save_version(session, draft, "Granskarens omskrivna text.", draft.version, reviewer)
    with pytest.raises(NotPermitted, match="själv skrivit"):
        approve(session, draft, draft.version, reviewer, [])


def test_approval_needs_every_block_fixed_consented_or_overridden(session, make_draft, author, reviewer, account):
    draft = make_draft(author, account, "Anna Svensson och Erik Berg, 19811218-9876.", state=DraftState.IN_REVIEW)
    assert len(blocking_findings(session, draft)) == 3
    with pytest.raises(ValidationFailed, match="blockerande"):
        approve(session, draft, draft.version, reviewer, [])
    # consent covers Anna, an override covers Erik; the personnummer is still unhandled
    record_consent(session, draft, author, person_name="Anna Svensson", method="skriftligt", given_on=date.today())
    erik = {"rule": "pii.person_name", "start": 18, "reason": "Erik Berg är kommunalråd och uttalar sig i tjänsten."}
    with pytest.raises(ValidationFailed, match="19811218-9876"):
        approve(session, draft, draft.version, reviewer, [erik])
    assert draft.state == DraftState.IN_REVIEW.value
    pnr = {"rule": "pii.personnummer", "start": 29, "reason": "Testnummer från Skatteverket, inte en verklig person."}
    approval = approve(session, draft, draft.version, reviewer, [erik, pnr])
    assert draft.state == DraftState.APPROVED.value
    assert sorted((o.rule, o.start) for o in approval.overrides) == [("pii.person_name", 18), ("pii.personnummer", 29)]
    assert _actions(session, draft)[-3:] == ["draft.override", "draft.override", "draft.approve"]


def test_fixed_text_needs_no_override(session, make_draft, author, reviewer, account):
    draft = make_draft(author, account, NAMED)
    save_version(session, draft, "Vi gratulerar pristagaren!", draft.version, author)
    submit(session, draft, author)
    approval = approve(session, draft, draft.version, reviewer, [])
    assert approval.overrides == []


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_override_needs_a_written_reason(session, make_draft, author, reviewer, account, reason):
    draft = make_draft(author, account, NAMED, state=DraftState.IN_REVIEW)
    with pytest.raises(ValidationFailed):
        approve(session, draft, draft.version, reviewer, [{"rule": "pii.person_name", "start": 14, "reason": reason}])
    assert draft.state == DraftState.IN_REVIEW.value


def test_override_of_a_finding_that_does_not_exist_is_refused(session, make_draft, author, reviewer, account):
    draft = make_draft(author, account, state=DraftState.IN_REVIEW)
    with pytest.raises(ValidationFailed, match="ingen blockerande"):
        approve(session, draft, draft.version, reviewer, [{"rule": "pii.person_name", "start": 3, "reason": "x"}])


def test_approval_names_the_version_and_its_hash(session, make_draft, author, reviewer, account):
    draft = make_draft(author, account, state=DraftState.IN_REVIEW)
    approval = approve(session, draft, 1, reviewer, [])
    assert approval.version.number == 1
    assert approval.content_hash == approval.version.content_hash


def test_approving_a_stale_version_is_refused(session, make_draft, author, reviewer, account):
    draft = make_draft(author, account, state=DraftState.IN_REVIEW)
    save_version(session, draft, "Ny text under granskningen.", 1, author)
    with pytest.raises(StaleVersion) as raised:
        approve(session, draft, 1, reviewer, [])
    assert raised.value.extra["current_version"] == 2
    assert draft.state == DraftState.IN_REVIEW.value


def test_approving_twice_is_an_invalid_transition(session, make_draft, author, reviewer, make_user, account):
    draft = make_draft(author, account, state=DraftState.IN_REVIEW)
    approve(session, draft, 1, reviewer, [])
    with pytest.raises(InvalidTransition):
        approve(session, draft, 1, make_user(roles=[Role.COMMS_CHIEF]), [])
    assert session.scalar(select(func.count(Approval.id)).where(Approval.draft_id == draft.id)) == 1


def test_edit_after_approval_returns_draft_to_utkast(session, make_draft, author, reviewer, account):
    draft = make_draft(author, account, state=DraftState.IN_REVIEW)
    approval = approve(session, draft, 1, reviewer, [])
    save_version(session, draft, "Ändrad efter godkännandet.", 1, author)
    assert draft.state == DraftState.DRAFT.value
    assert approval.invalidated_at is not None
    assert "draft.approval_invalidated" in _actions(session, draft)
    with pytest.raises(InvalidTransition):
        publish(session, draft, author, url="https://www.facebook.com/alekommun/posts/1")


def test_publish_refused_if_text_changed_since_approval(session, make_draft, author, reviewer, account):
    draft = make_draft(author, account, state=DraftState.IN_REVIEW)
    approval = approve(session, draft, 1, reviewer, [])
    # A text change that bypassed save_version (e.g. a direct database edit) must still be caught.
    approval.content_hash = "0" * 64
    session.flush()
    with pytest.raises(InvalidTransition, match="ändrats sedan den godkändes"):
        publish(session, draft, author, url="https://www.facebook.com/alekommun/posts/1")
    assert draft.state == DraftState.APPROVED.value


def test_publish_marks_draft_published_and_updates_account_activity(session, make_draft, author, reviewer, account):
    draft = make_draft(author, account, state=DraftState.IN_REVIEW)
    approve(session, draft, 1, reviewer, [])
    when = utcnow() - timedelta(minutes=5)
    publish(session, draft, author, url="https://www.facebook.com/alekommun/posts/1", published_at=when)
    assert draft.state == DraftState.PUBLISHED.value
    assert draft.published_url == "https://www.facebook.com/alekommun/posts/1"
    assert session.get(Account, account.id).last_activity_at == when
    assert _actions(session, draft)[-1] == "draft.publish"
    with pytest.raises(InvalidTransition):
        save_version(session, draft, "Efter publicering.", draft.version, author)


@pytest.mark.parametrize("url", ["", "javascript:alert(1)", "ftp://x", "inte en länk"])
def test_publish_needs_a_web_address(session, make_draft, author, reviewer, account, url):
    draft = make_draft(author, account, state=DraftState.IN_REVIEW)
    approve(session, draft, 1, reviewer, [])
    with pytest.raises(ValidationFailed):
        publish(session, draft, author, url=url)


def test_publish_needs_an_approved_draft(session, make_draft, author, account):
    draft = make_draft(author, account)
    with pytest.raises(InvalidTransition):
        publish(session, draft, author, url="https://x.com/alekommun/status/1")


@pytest.mark.parametrize("who, allowed", [
    ("author", True), ("reviewer", True), ("chief", True), ("account_admin", True),
    ("other_account_admin", False), ("other_author", False),
])
def test_who_may_publish(session, make_draft, make_user, make_account, author, reviewer, who, allowed):
    admin = make_user(roles=[Role.ACCOUNT_ADMIN])
    account = make_account(admins=[admin])
    users = {"author": author, "reviewer": reviewer, "chief": make_user(roles=[Role.COMMS_CHIEF]),
             "account_admin": admin, "other_account_admin": make_user(roles=[Role.ACCOUNT_ADMIN]),
             "other_author": make_user(roles=[Role.AUTHOR])}
    draft = make_draft(author, account, state=DraftState.IN_REVIEW)
    approve(session, draft, 1, reviewer, [])
    if allowed:
        publish(session, draft, users[who], url="https://www.facebook.com/alekommun/posts/2")
        assert draft.state == DraftState.PUBLISHED.value
    else:
        with pytest.raises(NotPermitted):
            publish(session, draft, users[who], url="https://www.facebook.com/alekommun/posts/2")


def test_kontoansvarig_approves_only_their_accounts(session, make_draft, make_user, make_account, author):
    admin = make_user(roles=[Role.ACCOUNT_ADMIN])
    theirs = make_account(name="Ale bibliotek", admins=[admin])
    other = make_account(name="Ale kommun")
    own = make_draft(author, theirs, state=DraftState.IN_REVIEW)
    foreign = make_draft(author, other, state=DraftState.IN_REVIEW)
    assert [d.id for d in review_queue(session, admin)] == [own.id]
    with pytest.raises(NotPermitted):
        approve(session, foreign, 1, admin, [])
    approve(session, own, 1, admin, [])
    assert own.state == DraftState.APPROVED.value


@pytest.mark.parametrize("role, sees", [
    (Role.REVIEWER, {"a", "b"}), (Role.COMMS_CHIEF, {"a", "b"}), (Role.ACCOUNT_ADMIN, {"a"}),
    (Role.AUTHOR, set()), (Role.ADMIN, set()),
])
def test_review_queue_uses_the_approval_predicate(session, make_draft, make_user, make_account, author, role, sees):
    user = make_user(roles=[role])
    account_a = make_account(name="A", admins=[user])
    account_b = make_account(name="B")
    drafts = {"a": make_draft(author, account_a, state=DraftState.IN_REVIEW),
              "b": make_draft(author, account_b, state=DraftState.IN_REVIEW)}
    make_draft(user, account_a, state=DraftState.IN_REVIEW)  # never one's own
    make_draft(author, account_a)  # not submitted
    ids = {d.id for d in review_queue(session, user)}
    assert ids == {drafts[k].id for k in sees}


def test_review_queue_shows_longest_waiting_first(session, make_draft, author, reviewer, account):
    first = make_draft(author, account, state=DraftState.IN_REVIEW)
    second = make_draft(author, account, state=DraftState.IN_REVIEW)
    first.submitted_at = utcnow() - timedelta(hours=3)
    second.submitted_at = utcnow() - timedelta(hours=5)
    session.commit()
    assert [d.id for d in review_queue(session, reviewer)] == [second.id, first.id]


def test_send_back_needs_a_comment_and_returns_to_utkast(session, make_draft, author, reviewer, account):
    draft = make_draft(author, account, state=DraftState.IN_REVIEW)
    with pytest.raises(ValidationFailed):
        send_back(session, draft, reviewer, "  ")
    comment = send_back(session, draft, reviewer, "Skriv mer om öppettiderna.")
    assert draft.state == DraftState.DRAFT.value
    assert comment.kind == "send_back" and comment.version.number == 1
    assert _actions(session, draft)[-1] == "draft.send_back"


def test_author_cannot_send_back_own_draft(session, make_draft, make_user, account):
    author = make_user(roles=[Role.REVIEWER])
    draft = make_draft(author, account, state=DraftState.IN_REVIEW)
    with pytest.raises(NotPermitted):
        send_back(session, draft, author, "Nej.")


def test_comment_is_tied_to_the_current_version(session, make_draft, author, reviewer, account):
    draft = make_draft(author, account, state=DraftState.IN_REVIEW)
    save_version(session, draft, "Version två.", 1, author)
    comment = add_comment(session, draft, reviewer, "Bra!")
    assert comment.version.number == 2
    assert session.scalar(select(func.count(ReviewComment.id))) == 1


def test_stranger_cannot_comment(session, make_draft, make_user, author, account):
    draft = make_draft(author, account)
    with pytest.raises(NotPermitted):
        add_comment(session, draft, make_user(roles=[Role.AUTHOR]), "Hej")


def test_concurrent_approve_leaves_exactly_one_approval(app, database_url, make_draft, make_user, author, account):
    """Two reviewers approve the same draft at the same moment: one wins, the other is told."""
    draft = make_draft(author, account, state=DraftState.IN_REVIEW)
    reviewers = [make_user(roles=[Role.REVIEWER]), make_user(roles=[Role.COMMS_CHIEF])]
    engine = make_engine(database_url)
    factory = sessionmaker(bind=engine, expire_on_commit=False)
    postgres = engine.dialect.name == "postgresql"
    # On PostgreSQL both threads load the draft before either approves (a real race); on SQLite the
    # first read already takes the write lock, so a barrier there would deadlock.
    barrier = threading.Barrier(2, timeout=30)
    outcomes = []

    def run(reviewer_id):
        with app.app_context():
            session = factory()
            try:
                if not postgres:
                    barrier.wait()
                reviewer = session.get(type(author), reviewer_id)
                loaded = session.get(Draft, draft.id)
                if postgres:
                    barrier.wait()
                approve(session, loaded, 1, reviewer, [])
                session.commit()
                outcomes.append("approved")
            except InvalidTransition:
                session.rollback()
                outcomes.append("invalid_transition")
            except Exception as error:  # pragma: no cover - reported by the assertion below
                session.rollback()
                outcomes.append(repr(error))
            finally:
                session.close()

    threads = [threading.Thread(target=run, args=(r.id,)) for r in reviewers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    with factory() as check:
        approvals = check.scalar(select(func.count(Approval.id)).where(Approval.draft_id == draft.id))
        state = check.get(Draft, draft.id).state
    engine.dispose()
    assert sorted(outcomes) == ["approved", "invalid_transition"]
    assert approvals == 1
    assert state == DraftState.APPROVED.value
