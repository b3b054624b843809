"""The review workflow: submit, approve, send back, comment, publish. Every workflow rule lives here.

Each state change locks the draft's row (drafts.services.lock_draft) and re-checks the state
inside the lock, so a double click or two reviewers at once leave one consistent state.
"""
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from aledraft import audit, mail
from aledraft.access import Role, can_approve, can_edit_draft, can_publish, can_view_draft
from aledraft.db import utcnow
from aledraft.drafts.services import (
    check_url, content_hash, current_version, draft_findings, lock_draft, valid_approval,
)
from aledraft.errors import InvalidTransition, NotPermitted, StaleVersion, ValidationFailed
from aledraft.models import Account, Approval, Draft, DraftState, Override, ReviewComment, User, UserRole

#: Longest comment or override reason accepted.
MAX_COMMENT_LENGTH = 10_000


def _link(draft: Draft, path: str = "") -> str:
    from flask import current_app

    return f"{current_app.config['PUBLIC_BASE_URL'].rstrip('/')}/utkast/{draft.id}{path}"


def blocking_findings(session: Session, draft: Draft) -> list[dict]:
    """Return the current version's block findings that no consent covers."""
    return [f for f in draft_findings(session, draft) if f["blocking"]]


def approvers_for(session: Session, draft: Draft) -> list[User]:
    """Return the active users who may approve the draft (the same predicate as the queue)."""
    candidates = session.scalars(
        select(User).join(UserRole).where(
            User.active.is_(True),
            UserRole.role.in_([Role.REVIEWER.value, Role.COMMS_CHIEF.value, Role.ACCOUNT_ADMIN.value]),
        ).distinct()
    ).all()
    return sorted((u for u in candidates if can_approve(u, draft)), key=lambda u: u.name)


def submit(session: Session, draft: Draft, actor) -> Draft:
    """Send a draft for review; reviewers who may approve it are told by e-mail.

    Remaining block findings do not stop a submission: they must be handled before approval.

    :raise NotPermitted: the actor may not edit the draft
    :raise InvalidTransition: the draft is not an utkast
    """
    if not can_edit_draft(actor, draft):
        raise NotPermitted("Bara utkastets skribent och kommunikationsenheten kan skicka det till granskning.")
    draft = lock_draft(session, draft)
    if draft.state != DraftState.DRAFT.value:
        raise InvalidTransition(f"Utkastet är redan {DraftState(draft.state).label.lower()} och kan inte skickas till granskning igen.")
    if draft.version < 1:
        raise InvalidTransition("Spara utkastet innan du skickar det till granskning.")
    draft.state = DraftState.IN_REVIEW.value
    draft.submitted_at = utcnow()
    blocks = blocking_findings(session, draft)
    session.flush()
    audit.record(session, actor, "draft.submit", draft,
                 {"version": draft.version, "blocking_findings": [f["rule"] for f in blocks]})
    recipients = [u.email for u in approvers_for(session, draft) if u.id != actor.id]
    mail.queue(recipients, f"Att granska: utkast {draft.id} för {draft.account.name}",
               f"{actor.name} har skickat utkast {draft.id} för kontot {draft.account.name} till granskning.\n"
               f"Öppna granskningen: {_link(draft, '/granskning')}\n")
    return draft


def approve(session: Session, draft: Draft, version: int, actor, overrides: list[dict]) -> Approval:
    """Approve one version of a draft in review.

    Every block finding must be fixed, covered by consent, or overridden here: overrides are
    {"rule", "start", "reason"} with a written reason. Nobody approves their own draft, nor a
    version they wrote themselves.

    :raise NotPermitted: the actor may not approve this draft
    :raise InvalidTransition: the draft is not in review (e.g. someone approved it a moment ago)
    :raise StaleVersion: the draft was saved again after the version the actor reviewed
    :raise ValidationFailed: a block finding is not handled, or an override lacks a reason
    """
    if not can_approve(actor, draft):
        if draft.author_id == actor.id:
            raise NotPermitted("Du kan inte godkänna ditt eget utkast. Någon annan måste granska det.")
        raise NotPermitted("Du har inte behörighet att godkänna utkast för det här kontot.")
    draft = lock_draft(session, draft)
    if draft.state != DraftState.IN_REVIEW.value:
        raise InvalidTransition(
            "Utkastet väntar inte på granskning längre"
            + (" – det har redan godkänts." if draft.state == DraftState.APPROVED.value else ".")
        )
    current = current_version(session, draft)
    if int(version) != draft.version:
        raise StaleVersion(
            f"Utkastet har ändrats efter version {version}. Granska den nya versionen {draft.version} innan du godkänner.",
            current_version=draft.version, current_text=current.text if current else "",
        )
    if current.author_id == actor.id:
        raise NotPermitted("Du har själv skrivit den senaste versionen. Någon annan måste godkänna den.")
    findings = draft_findings(session, draft)
    accepted = _check_overrides(findings, overrides or [])
    approval = Approval(draft_id=draft.id, version_id=current.id, content_hash=current.content_hash,
                        approver_id=actor.id, approved_at=utcnow())
    for finding, reason in accepted:
        approval.overrides.append(Override(rule=finding["rule"], start=finding["start"],
                                           text=finding.get("text", ""), reason=reason))
    session.add(approval)
    draft.state = DraftState.APPROVED.value
    session.flush()
    for override in approval.overrides:
        audit.record(session, actor, "draft.override", draft,
                     {"approval_id": approval.id, "rule": override.rule, "start": override.start,
                      "text": override.text, "reason": override.reason})
    audit.record(session, actor, "draft.approve", draft,
                 {"approval_id": approval.id, "version": current.number, "hash": current.content_hash,
                  "overrides": len(approval.overrides)})
    mail.queue([draft.author.email], f"Godkänt: utkast {draft.id} för {draft.account.name}",
               f"{actor.name} har godkänt version {current.number} av ditt utkast {draft.id} "
               f"för kontot {draft.account.name}.\nPublicera: {_link(draft, '/publicera')}\n")
    return approval


def _check_overrides(findings: list[dict], overrides: list[dict]) -> list[tuple[dict, str]]:
    """Match overrides to findings; every blocking finding needs one with a written reason."""
    by_key = {(f["rule"], f["start"]): f for f in findings if f.get("severity") == "block"}
    given: dict[tuple, str] = {}
    for item in overrides:
        try:
            key = (str(item["rule"]), int(item["start"]))
        except (KeyError, TypeError, ValueError):
            raise ValidationFailed("Varje undantag måste ange markeringens regel och position.") from None
        reason = " ".join(str(item.get("reason") or "").split())
        if key not in by_key:
            raise ValidationFailed(f"Undantaget för {key[0]} vid position {key[1]} avser ingen blockerande markering i texten.")
        if not reason:
            raise ValidationFailed(f"Skriv en motivering till undantaget för ”{by_key[key].get('text', key[0])}”.")
        if len(reason) > MAX_COMMENT_LENGTH:
            raise ValidationFailed("Motiveringen är för lång.")
        given[key] = reason
    missing = [f for key, f in by_key.items() if f["blocking"] and key not in given]
    if missing:
        listed = "; ".join(f"{f.get('message', f['rule'])} (”{f.get('text', '')}”)" for f in missing)
        raise ValidationFailed(
            "Utkastet har blockerande markeringar som måste åtgärdas, täckas av samtycke eller "
            f"få ett motiverat undantag innan det kan godkännas: {listed}"
        )
    # An override of a finding that consent now covers is kept out: the consent is the reason.
    return [(by_key[key], reason) for key, reason in given.items() if by_key[key]["blocking"]]


def _check_comment(body: str, required_message: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationFailed(required_message)
    if len(body) > MAX_COMMENT_LENGTH:
        raise ValidationFailed(f"Kommentaren är för lång (högst {MAX_COMMENT_LENGTH} tecken).")
    return body


def send_back(session: Session, draft: Draft, actor, comment: str) -> ReviewComment:
    """Send a draft in review back to its author with a comment (required).

    :raise NotPermitted: the actor may not approve this draft
    :raise InvalidTransition: the draft is not in review
    :raise ValidationFailed: the comment is empty
    """
    if not can_approve(actor, draft):
        raise NotPermitted("Du har inte behörighet att granska det här utkastet.")
    body = _check_comment(comment, "Skriv en kommentar som förklarar vad som behöver ändras.")
    draft = lock_draft(session, draft)
    if draft.state != DraftState.IN_REVIEW.value:
        raise InvalidTransition("Utkastet väntar inte på granskning och kan inte skickas tillbaka.")
    current = current_version(session, draft)
    review_comment = ReviewComment(draft_id=draft.id, version_id=current.id if current else None,
                                   author_id=actor.id, body=body, kind="send_back", created_at=utcnow())
    session.add(review_comment)
    draft.state = DraftState.DRAFT.value
    session.flush()
    audit.record(session, actor, "draft.send_back", draft,
                 {"version": draft.version, "comment_id": review_comment.id})
    mail.queue([draft.author.email], f"Tillbakaskickat: utkast {draft.id} för {draft.account.name}",
               f"{actor.name} har skickat tillbaka ditt utkast {draft.id} med kommentaren:\n\n{body}\n\n"
               f"Öppna utkastet: {_link(draft)}\n")
    return review_comment


def add_comment(session: Session, draft: Draft, actor, body: str) -> ReviewComment:
    """Add a comment tied to the draft's current version.

    :raise NotPermitted: the actor may not see the draft
    :raise ValidationFailed: the comment is empty
    """
    if not can_view_draft(actor, draft):
        raise NotPermitted("Du har inte behörighet att kommentera det här utkastet.")
    body = _check_comment(body, "Skriv en kommentar.")
    current = current_version(session, draft)
    review_comment = ReviewComment(draft_id=draft.id, version_id=current.id if current else None,
                                   author_id=actor.id, body=body, kind="comment", created_at=utcnow())
    session.add(review_comment)
    session.flush()
    audit.record(session, actor, "draft.comment", draft, {"version": draft.version, "comment_id": review_comment.id})
    return review_comment


def comments(session: Session, draft: Draft) -> list[ReviewComment]:
    """Return the draft's review comments, oldest first."""
    return list(session.scalars(
        select(ReviewComment).where(ReviewComment.draft_id == draft.id).order_by(ReviewComment.created_at, ReviewComment.id)
    ))


def publish(session: Session, draft: Draft, actor, *, url: str, published_at: datetime | None = None) -> Draft:
    """Mark an approved draft published with its post's address and time.

    :raise NotPermitted: the actor may not publish for this account
    :raise InvalidTransition: the draft is not approved, or its text is not the approved text
    :raise ValidationFailed: missing or bad address, time in the future
    """
    if not can_publish(actor, draft):
        raise NotPermitted("Bara skribenten, kommunikationsenheten och kontots administratörer kan publicera.")
    url = check_url(url, "Länken till inlägget")
    if not url:
        raise ValidationFailed("Ange länken till det publicerade inlägget.")
    now = utcnow()
    if published_at is not None and (published_at.tzinfo is None or published_at > now):
        raise ValidationFailed("Publiceringstiden kan inte ligga i framtiden.")
    draft = lock_draft(session, draft)
    if draft.state != DraftState.APPROVED.value:
        raise InvalidTransition("Bara godkända utkast kan publiceras.")
    approval = valid_approval(session, draft)
    current = current_version(session, draft)
    if approval is None or current is None or approval.content_hash != content_hash(current.text):
        raise InvalidTransition("Texten har ändrats sedan den godkändes. Den måste granskas och godkännas igen.")
    overridden = {(o.rule, o.start) for o in approval.overrides}
    if any((f["rule"], f["start"]) not in overridden for f in blocking_findings(session, draft)):
        raise InvalidTransition("Ett samtycke som godkännandet byggde på har återkallats. Utkastet måste godkännas igen.")
    draft.state = DraftState.PUBLISHED.value
    draft.published_url = url
    draft.published_at = published_at or now
    account = session.get(Account, draft.account_id)
    if account.last_activity_at is None or account.last_activity_at < draft.published_at:
        account.last_activity_at = draft.published_at
    session.flush()
    audit.record(session, actor, "draft.publish", draft,
                 {"url": url, "published_at": draft.published_at.isoformat(), "hash": approval.content_hash,
                  "approval_id": approval.id})
    return draft


def review_queue(session: Session, user) -> list[Draft]:
    """Return the drafts in review the user may approve, longest waiting first."""
    drafts = session.scalars(
        select(Draft).where(Draft.state == DraftState.IN_REVIEW.value)
        .options(selectinload(Draft.account).selectinload(Account.admins), selectinload(Draft.author))
        .order_by(Draft.submitted_at, Draft.id)
    ).all()
    return [d for d in drafts if can_approve(user, d)]


def waiting_replies(session: Session, user, now: datetime, overdue_hours: int) -> list[dict]:
    """Return unpublished replies to questions the user may see, oldest question first.

    Each item is {"draft", "waited_hours", "overdue"}; overdue when the question came in more
    than overdue_hours ago (serviceskyldighet: answer as soon as possible).
    """
    drafts = session.scalars(
        select(Draft).where(Draft.question_received_at.is_not(None), Draft.state != DraftState.PUBLISHED.value)
        .order_by(Draft.question_received_at)
    ).all()
    result = []
    for draft in drafts:
        if draft.author_id != user.id and not can_approve(user, draft) and not can_view_draft(user, draft):
            continue
        hours = (now - draft.question_received_at).total_seconds() / 3600
        result.append({"draft": draft, "waited_hours": hours, "overdue": hours > overdue_hours})
    return result


def dashboard(session: Session, user, now: datetime, overdue_hours: int) -> dict:
    """Return what the start page shows the user: own drafts by state, the review queue,
    waiting replies to questions and approved drafts not yet published."""
    own = session.scalars(
        select(Draft).where(Draft.author_id == user.id).order_by(Draft.updated_at.desc(), Draft.id.desc())
    ).all()
    by_state = {state.value: [d for d in own if d.state == state.value] for state in DraftState}
    approved = session.scalars(
        select(Draft).where(Draft.state == DraftState.APPROVED.value).order_by(Draft.updated_at)
    ).all()
    may_approve = user.has_role(Role.REVIEWER, Role.COMMS_CHIEF, Role.ACCOUNT_ADMIN)
    return {
        "by_state": by_state,
        "queue": review_queue(session, user) if may_approve else None,
        "replies": waiting_replies(session, user, now, overdue_hours),
        "approved_unpublished": [d for d in approved if can_publish(user, d)],
    }
