"""Consent (samtycke) of persons named in a draft: record, withdraw, list.

A consent covers person-name findings whose text is the consenting person's name, in that
draft only. Withdrawing a consent makes those findings block again. An approved draft whose
approval relied on the consent is returned to utkast (audited) so it cannot be published;
publish() also re-checks. A published draft cannot be recalled by software: the withdrawal
is audited with published=True so the post can be taken down and registered as removed.
"""
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from aledraft import audit, mail
from aledraft.access import can_edit_draft, can_view_draft, is_comms_unit
from aledraft.db import utcnow
from aledraft.drafts.services import (
    CONSENT_CATEGORIES, current_version, invalidate_approval, lock_draft, normalize_name, valid_approval,
    version_report,
)
from aledraft.errors import InvalidTransition, NotPermitted, ValidationFailed
from aledraft.models import Consent, ConsentMethod, Draft, DraftState


def record_consent(session: Session, draft: Draft, actor, *, person_name: str, method, given_on: date,
                   reference: str = "") -> Consent:
    """Record a person's consent to appear by name in the draft (audited).

    :raise NotPermitted: the actor may not edit the draft
    :raise InvalidTransition: the draft is already published
    :raise ValidationFailed: missing name, unknown method, date in the future, duplicate consent
    """
    if not can_edit_draft(actor, draft):
        raise NotPermitted("Bara utkastets skribent och kommunikationsenheten kan registrera samtycke.")
    draft = lock_draft(session, draft)
    if draft.state == DraftState.PUBLISHED.value:
        raise InvalidTransition("Utkastet är redan publicerat. Samtycke ska registreras före publicering.")
    person_name = " ".join((person_name or "").split())
    if not person_name:
        raise ValidationFailed("Ange namnet på personen som har gett sitt samtycke.")
    if len(person_name) > 200:
        raise ValidationFailed("Namnet är för långt (högst 200 tecken).")
    try:
        method = ConsentMethod(getattr(method, "value", method))
    except ValueError:
        raise ValidationFailed("Välj hur samtycket gavs: skriftligt, muntligt eller blankett.") from None
    if not isinstance(given_on, date):
        raise ValidationFailed("Ange datum för samtycket.")
    if given_on > utcnow().date():
        raise ValidationFailed("Datum för samtycket kan inte ligga i framtiden.")
    reference = (reference or "").strip()
    if len(reference) > 200:
        raise ValidationFailed("Referensen är för lång (högst 200 tecken).")
    wanted = normalize_name(person_name)
    for existing in session.scalars(select(Consent).where(Consent.draft_id == draft.id,
                                                          Consent.withdrawn_at.is_(None))):
        if normalize_name(existing.person_name) == wanted:
            raise ValidationFailed(f"Samtycke för {existing.person_name} är redan registrerat för utkastet.")
    consent = Consent(draft=draft, person_name=person_name, method=method.value, given_on=given_on,
                      reference=reference, recorded_by_id=actor.id, recorded_at=utcnow())
    session.add(consent)
    session.flush()
    audit.record(session, actor, "consent.record", consent,
                 {"draft_id": draft.id, "person_name": person_name, "method": method.value,
                  "given_on": given_on.isoformat(), "reference": reference})
    return consent


def can_withdraw(user, consent: Consent) -> bool:
    """The draft's editors (author, communications unit) may record a withdrawal."""
    return can_edit_draft(user, consent.draft)


def withdraw_consent(session: Session, consent: Consent, actor, note: str = "") -> Consent:
    """Mark a consent withdrawn (audited); an approval that relied on it stops counting.

    :raise NotPermitted: the actor may not edit the consent's draft
    :raise InvalidTransition: the consent is already withdrawn
    """
    if not can_withdraw(actor, consent):
        raise NotPermitted("Bara utkastets skribent och kommunikationsenheten kan återkalla samtycket.")
    draft = lock_draft(session, consent.draft)
    session.refresh(consent)
    if consent.withdrawn_at is not None:
        raise InvalidTransition("Samtycket är redan återkallat.")
    consent.withdrawn_at = utcnow()
    consent.withdrawn_by_id = actor.id
    consent.withdrawal_note = (note or "").strip()
    session.flush()
    audit.record(session, actor, "consent.withdraw", consent,
                 {"draft_id": draft.id, "person_name": consent.person_name, "note": consent.withdrawal_note,
                  "draft_state": draft.state, "published": draft.state == DraftState.PUBLISHED.value})
    if draft.state == DraftState.APPROVED.value and _approval_relied_on(session, draft, consent):
        invalidate_approval(session, draft, actor, "consent_withdrawn")
        mail.queue([draft.author.email], f"Samtycke återkallat – utkast {draft.id} behöver granskas igen",
                   f"Samtycket från {consent.person_name} har återkallats. Utkast {draft.id} för kontot "
                   f"{draft.account.name} är därför inte längre godkänt och har blivit ett utkast igen.\n")
    return consent


def _approval_relied_on(session: Session, draft: Draft, consent: Consent) -> bool:
    """Return True if the approved text names the person and the approver did not override that finding."""
    approval = valid_approval(session, draft)
    if approval is None:
        return False
    findings = version_report(current_version(session, draft)).get("findings", [])
    overridden = {(o.rule, o.start) for o in approval.overrides}
    name = normalize_name(consent.person_name)
    return any(
        f.get("severity") == "block" and f.get("category") in CONSENT_CATEGORIES
        and normalize_name(f.get("text", "")) == name and (f.get("rule"), f.get("start")) not in overridden
        for f in findings
    )


def consent_register(session: Session, user, *, person: str = "", status: str = "",
                     method: str = "", account_id: int | None = None) -> list[Consent]:
    """Return the consents the user may see, newest first, filtered.

    status: "" (all), "active" or "withdrawn"; person: part of the name (case-insensitive).
    """
    statement = select(Consent).order_by(Consent.recorded_at.desc(), Consent.id.desc())
    if status == "active":
        statement = statement.where(Consent.withdrawn_at.is_(None))
    elif status == "withdrawn":
        statement = statement.where(Consent.withdrawn_at.is_not(None))
    if method:
        statement = statement.where(Consent.method == method)
    if account_id:
        statement = statement.join(Draft, Draft.id == Consent.draft_id).where(Draft.account_id == account_id)
    wanted = normalize_name(person)
    consents = [c for c in session.scalars(statement)
                if (is_comms_unit(user) or can_view_draft(user, c.draft))
                and (not wanted or wanted in normalize_name(c.person_name))]
    return consents
