"""Drafts and accounts as the API's JSON (the shapes are declared in openapi.COMPONENTS)."""
from sqlalchemy.orm import Session

from aledraft.drafts.services import current_version, draft_findings, valid_approval
from aledraft.models import Account, Draft, DraftState


def _time(value) -> str | None:
    return value.isoformat() if value is not None else None


def _user(user) -> dict | None:
    return {"id": user.id, "name": user.name} if user is not None else None


def account_dict(account: Account) -> dict:
    """Return an account as JSON."""
    return {
        "id": account.id,
        "platform": account.platform,
        "platform_label": account.platform_enum.label,
        "name": account.name,
        "url": account.url,
        "purpose": account.purpose,
        "unit": account.unit,
        "status": account.status,
        "is_open": account.is_open,
        "logo_confirmed": account.logo_confirmed,
        "responsible": _user(account.responsible),
        "admins": [_user(admin) for admin in account.admins],
        "last_activity_at": _time(account.last_activity_at),
    }


def draft_dict(session: Session, draft: Draft) -> dict:
    """Return a draft with its current text, findings and, when approved, the approved version."""
    current = current_version(session, draft)
    approval = valid_approval(session, draft) if draft.state in (
        DraftState.APPROVED.value, DraftState.PUBLISHED.value) else None
    return {
        "id": draft.id,
        "account_id": draft.account_id,
        "account_name": draft.account.name,
        "author": _user(draft.author),
        "text": current.text if current else "",
        "state": draft.state,
        "state_label": draft.state_enum.label,
        "version": draft.version,
        "content_hash": current.content_hash if current else "",
        "findings": draft_findings(session, draft),
        "reply_to_text": draft.reply_to_text,
        "reply_to_url": draft.reply_to_url,
        "question_received_at": _time(draft.question_received_at),
        "spokesperson_id": draft.spokesperson_id,
        "planned_at": _time(draft.planned_at),
        "created_at": _time(draft.created_at),
        "updated_at": _time(draft.updated_at),
        "submitted_at": _time(draft.submitted_at),
        "approved_content_hash": approval.content_hash if approval else None,
        "approval": {
            "version": approval.version.number,
            "content_hash": approval.content_hash,
            "approved_by": _user(approval.approver),
            "approved_at": _time(approval.approved_at),
            "overrides": [{"rule": o.rule, "start": o.start, "text": o.text, "reason": o.reason}
                          for o in approval.overrides],
        } if approval else None,
        "published_url": draft.published_url,
        "published_at": _time(draft.published_at),
    }
