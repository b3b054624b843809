"""Drafts: create, save immutable versions, findings with consent, diffs and autosaves."""
import difflib
import hashlib
import json
import re
import unicodedata
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from aledraft import audit
from aledraft.access import can_edit_draft, can_view_draft
from aledraft.db import utcnow
from aledraft.errors import InvalidTransition, NotFound, NotPermitted, StaleVersion, ValidationFailed
from aledraft.models import (
    Account, AccountStatus, Approval, Autosave, Consent, Draft, DraftState, DraftVersion, Spokesperson,
)

#: Largest text a draft may hold; the analyzer refuses longer input.
try:
    from aledraft.analysis import MAX_TEXT_LENGTH
except ImportError:  # the analyzer package is being built in parallel
    MAX_TEXT_LENGTH = 100_000

#: Platforms the analyzer knows; other accounts' drafts are checked without platform rules.
ANALYZER_PLATFORMS = {"facebook", "instagram", "x", "linkedin"}

#: Character limits of a post per platform (the editor's counter; the analyzer warns on its own).
PLATFORM_LIMITS = {
    "facebook": 63_206,
    "instagram": 2_200,
    "x": 280,
    "linkedin": 3_000,
    "youtube": 5_000,
    "tiktok": 2_200,
}

#: Finding categories a recorded consent can cover: a person's consent to appear by name.
CONSENT_CATEGORIES = {"person_name"}

#: Draft fields save_version(**metadata) may change.
METADATA_FIELDS = ("reply_to_text", "reply_to_url", "question_received_at", "spokesperson", "planned_at")


def content_hash(text: str) -> str:
    """Return the SHA-256 hex digest of the text's UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def normalize_text(text: str) -> str:
    """Return the text with browser line endings (CRLF, CR) turned into LF."""
    return (text or "").replace("\r\n", "\n").replace("\r", "\n")


def analyzer_platform(account: Account) -> str | None:
    """Return the analyzer's platform code for an account, or None when it has no rules for it."""
    return account.platform if account.platform in ANALYZER_PLATFORMS else None


def platform_limit(account: Account) -> int | None:
    """Return the character limit of a post on the account's platform, or None if it has none."""
    return PLATFORM_LIMITS.get(account.platform)


def analysis_report(text: str, platform: str | None) -> dict:
    """Analyse the text and return the report as a contract dict.

    :raise ValidationFailed: the analyzer refuses the input (too long, unknown platform)
    """
    from aledraft.analysis import AnalysisInputError, analyze

    try:
        return analyze(text, platform).to_dict()
    except AnalysisInputError as error:
        raise ValidationFailed(str(error)) from None


def _check_text(text: str) -> str:
    text = normalize_text(text)
    if not text.strip():
        raise ValidationFailed("Skriv en text innan du sparar.")
    if len(text) > MAX_TEXT_LENGTH:
        raise ValidationFailed(
            f"Texten är för lång ({len(text)} tecken). Högst {MAX_TEXT_LENGTH} tecken kan sparas.")
    return text


def active_spokespersons(session: Session, today: date, topic: str | None = None) -> list[Spokesperson]:
    """Return the spokespersons appointed and valid on the given day."""
    try:
        from aledraft.spokespersons.services import active_for
    except ImportError:
        candidates = session.scalars(select(Spokesperson).where(Spokesperson.active.is_(True))).all()
        return sorted((s for s in candidates if s.is_current(today)), key=lambda s: s.display_name)
    return list(active_for(session, today, topic=topic))


def _check_spokesperson(session: Session, spokesperson) -> Spokesperson | None:
    if spokesperson is None or spokesperson == "":
        return None
    spokesperson_id = getattr(spokesperson, "id", spokesperson)
    today = utcnow().date()
    for candidate in active_spokespersons(session, today):
        if candidate.id == int(spokesperson_id):
            return candidate
    raise ValidationFailed("Talespersonen är inte utsedd just nu. Välj en aktiv talesperson eller ingen.")


def check_url(url: str, label: str) -> str:
    url = (url or "").strip()
    if url and not re.match(r"^https?://[^\s/$.?#][^\s]*$", url, re.IGNORECASE):
        raise ValidationFailed(f"{label} måste vara en webbadress som börjar med https:// eller http://.")
    if len(url) > 500:
        raise ValidationFailed(f"{label} är för lång (högst 500 tecken).")
    return url


def _check_time(value, label: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise ValidationFailed(f"{label} har ett ogiltigt tidsformat.")
    return value


def _apply_metadata(session: Session, draft: Draft, metadata: dict) -> dict:
    """Validate and set the given metadata fields; return {field: new value} for those that changed."""
    unknown = set(metadata) - set(METADATA_FIELDS)
    if unknown:
        raise ValidationFailed(f"Okända fält: {', '.join(sorted(unknown))}.")
    changed = {}
    if "reply_to_text" in metadata:
        value = normalize_text(metadata["reply_to_text"] or "")
        if len(value) > MAX_TEXT_LENGTH:
            raise ValidationFailed("Frågan som besvaras är för lång.")
        if value != draft.reply_to_text:
            draft.reply_to_text = value
            changed["reply_to_text"] = True
    if "reply_to_url" in metadata:
        value = check_url(metadata["reply_to_url"], "Länken till frågan")
        if value != draft.reply_to_url:
            draft.reply_to_url = value
            changed["reply_to_url"] = value
    if "question_received_at" in metadata:
        value = _check_time(metadata["question_received_at"], "Tiden då frågan kom in")
        if value is not None and value > utcnow():
            raise ValidationFailed("Tiden då frågan kom in kan inte ligga i framtiden.")
        if value != draft.question_received_at:
            draft.question_received_at = value
            changed["question_received_at"] = value.isoformat() if value else None
    if "spokesperson" in metadata:
        value = _check_spokesperson(session, metadata["spokesperson"])
        if (value.id if value else None) != draft.spokesperson_id:
            draft.spokesperson = value
            changed["spokesperson_id"] = value.id if value else None
    if "planned_at" in metadata:
        value = _check_time(metadata["planned_at"], "Planerad publicering")
        if value != draft.planned_at:
            draft.planned_at = value
            changed["planned_at"] = value.isoformat() if value else None
    return changed


def lock_draft(session: Session, draft: Draft) -> Draft:
    """Lock the draft's row for the rest of the transaction and reload its columns.

    On PostgreSQL this is SELECT ... FOR UPDATE; SQLite transactions already hold the write
    lock (BEGIN IMMEDIATE). Either way the state is re-read, so checks made after this call
    see what a concurrent transaction committed.
    """
    locked = session.scalars(
        select(Draft).where(Draft.id == draft.id).with_for_update().execution_options(populate_existing=True)
    ).one()
    return locked


def _new_version(session: Session, draft: Draft, text: str, actor) -> DraftVersion:
    report = analysis_report(text, analyzer_platform(draft.account))
    draft.version += 1
    version = DraftVersion(draft=draft, number=draft.version, text=text, content_hash=content_hash(text),
                           author_id=actor.id, created_at=utcnow(),
                           report_json=json.dumps(report, ensure_ascii=False))
    session.add(version)
    draft.updated_at = version.created_at
    return version


def create_draft(session: Session, actor, account: Account, text: str, *, reply_to_text: str = "",
                 reply_to_url: str = "", question_received_at=None, spokesperson=None,
                 planned_at=None) -> Draft:
    """Create a draft for an account with its first version (version 1).

    :raise ValidationFailed: empty or too long text, closed account, bad link or time, inactive spokesperson
    """
    if account is None or account.status != AccountStatus.ACTIVE.value:
        raise ValidationFailed("Välj ett aktivt konto att skriva för.")
    text = _check_text(text)
    draft = Draft(account=account, author_id=actor.id, state=DraftState.DRAFT.value, version=0,
                  created_at=utcnow())
    session.add(draft)
    _apply_metadata(session, draft, {
        "reply_to_text": reply_to_text, "reply_to_url": reply_to_url,
        "question_received_at": question_received_at, "spokesperson": spokesperson, "planned_at": planned_at,
    })
    version = _new_version(session, draft, text, actor)
    session.flush()
    audit.record(session, actor, "draft.create", draft,
                 {"account_id": account.id, "version": version.number, "hash": version.content_hash})
    _delete_autosave(session, actor, account=account)
    return draft


def current_version(session: Session, draft: Draft) -> DraftVersion | None:
    """Return the draft's current (latest) version."""
    return session.scalars(
        select(DraftVersion).where(DraftVersion.draft_id == draft.id, DraftVersion.number == draft.version)
    ).first()


def current_texts(session: Session, drafts) -> dict[int, str]:
    """Return {draft id: current text} for many drafts in one query (for lists)."""
    ids = [d.id for d in drafts]
    if not ids:
        return {}
    rows = session.execute(
        select(DraftVersion.draft_id, DraftVersion.text).join(Draft, Draft.id == DraftVersion.draft_id)
        .where(DraftVersion.draft_id.in_(ids), DraftVersion.number == Draft.version)
    )
    return {draft_id: text for draft_id, text in rows}


def get_version(session: Session, draft: Draft, number: int) -> DraftVersion:
    """Return one version of a draft.

    :raise NotFound: the draft has no such version
    """
    version = session.scalars(
        select(DraftVersion).where(DraftVersion.draft_id == draft.id, DraftVersion.number == number)
    ).first()
    if version is None:
        raise NotFound(f"Version {number} finns inte.")
    return version


def valid_approval(session: Session, draft: Draft) -> Approval | None:
    """Return the approval that still counts (not invalidated by a later edit), if any."""
    return session.scalars(
        select(Approval).where(Approval.draft_id == draft.id, Approval.invalidated_at.is_(None))
        .order_by(Approval.id.desc())
    ).first()


def invalidate_approval(session: Session, draft: Draft, actor, reason: str) -> None:
    """Return an approved draft to utkast: its approval no longer counts (audited)."""
    approval = valid_approval(session, draft)
    if approval is not None:
        approval.invalidated_at = utcnow()
    previous = draft.state
    draft.state = DraftState.DRAFT.value
    session.flush()
    audit.record(session, actor, "draft.approval_invalidated", draft,
                 {"reason": reason, "from_state": previous,
                  "approval_id": approval.id if approval else None})


def save_version(session: Session, draft: Draft, text: str, base_version: int, actor, **metadata) -> DraftVersion:
    """Save a new version of the draft's text (and any metadata given).

    Identical text makes no new version (metadata changes are still saved). Editing an
    approved draft returns it to utkast and its approval stops counting.

    :raise NotPermitted: the actor may not edit the draft
    :raise InvalidTransition: the draft is published
    :raise StaleVersion: someone saved since base_version (extra: current_version, current_text)
    :raise ValidationFailed: empty or too long text, bad metadata
    """
    if not can_edit_draft(actor, draft):
        raise NotPermitted("Du kan bara ändra dina egna utkast.")
    draft = lock_draft(session, draft)
    if draft.state == DraftState.PUBLISHED.value:
        raise InvalidTransition("Utkastet är redan publicerat och kan inte ändras. Skriv ett nytt utkast.")
    text = _check_text(text)
    current = current_version(session, draft)
    if int(base_version) != draft.version:
        raise StaleVersion(current_version=draft.version, current_text=current.text if current else "")
    changed = _apply_metadata(session, draft, metadata)
    if current is not None and current.text == text:
        if changed:
            draft.updated_at = utcnow()
            session.flush()
            audit.record(session, actor, "draft.update_details", draft, changed)
        _delete_autosave(session, actor, draft=draft)
        return current
    version = _new_version(session, draft, text, actor)
    session.flush()
    audit.record(session, actor, "draft.save", draft,
                 {"version": version.number, "hash": version.content_hash, **changed})
    if draft.state == DraftState.APPROVED.value:
        invalidate_approval(session, draft, actor, "edited_after_approval")
    _delete_autosave(session, actor, draft=draft)
    return version


def get_draft(session: Session, draft_id: int, actor, *, for_update: bool = False) -> Draft:
    """Return a draft the actor may see.

    :raise NotFound: no such draft
    :raise NotPermitted: the actor may not see it
    """
    statement = select(Draft).where(Draft.id == draft_id)
    if for_update:
        statement = statement.with_for_update().execution_options(populate_existing=True)
    draft = session.scalars(statement).first()
    if draft is None:
        raise NotFound("Utkastet finns inte.")
    if not can_view_draft(actor, draft):
        raise NotPermitted("Du har inte behörighet att se det här utkastet.")
    return draft


def version_report(version: DraftVersion | None) -> dict:
    """Return the analyzer report stored with a version ({} when there is none)."""
    if version is None:
        return {}
    try:
        return json.loads(version.report_json or "{}")
    except ValueError:
        return {}


def normalize_name(name: str) -> str:
    """Return a name folded for comparison: NFKC, case-folded, single spaces, no invisible characters."""
    name = unicodedata.normalize("NFKC", name or "")
    name = "".join(ch for ch in name if unicodedata.category(ch) not in ("Cf", "Cc"))
    return " ".join(name.split()).casefold()


def active_consents(session: Session, draft: Draft) -> list[Consent]:
    """Return the draft's consents that are not withdrawn."""
    return list(session.scalars(
        select(Consent).where(Consent.draft_id == draft.id, Consent.withdrawn_at.is_(None)).order_by(Consent.id)
    ))


def findings_with_consent(findings: list[dict], consents: list[Consent]) -> list[dict]:
    """Add "covered_by_consent" and "blocking" to each finding dict."""
    consented = {normalize_name(c.person_name) for c in consents}
    result = []
    for finding in findings:
        covered = finding.get("category") in CONSENT_CATEGORIES and normalize_name(finding.get("text", "")) in consented
        result.append({**finding, "covered_by_consent": covered,
                       "blocking": finding.get("severity") == "block" and not covered})
    return result


def draft_findings(session: Session, draft: Draft) -> list[dict]:
    """Return the current version's findings as contract dicts plus covered_by_consent and blocking."""
    report = version_report(current_version(session, draft))
    return findings_with_consent(report.get("findings", []), active_consents(session, draft))


_TOKEN = re.compile(r"\n|[^\S\n]+|\w+|[^\w\s]", re.UNICODE)


def diff_versions(old_text: str, new_text: str) -> list[dict]:
    """Return a word diff as segments {"op": "equal"|"insert"|"delete", "text": str}.

    Line breaks are tokens of their own, so changed lines show as such. The segments hold
    plain text: templates render them escaped inside <ins>/<del>.
    """
    old_tokens = _TOKEN.findall(old_text or "")
    new_tokens = _TOKEN.findall(new_text or "")
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    segments: list[dict] = []

    def add(op: str, tokens: list[str]) -> None:
        if not tokens:
            return
        text = "".join(tokens)
        if segments and segments[-1]["op"] == op:
            segments[-1]["text"] += text
        else:
            segments.append({"op": op, "text": text})

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add("equal", old_tokens[i1:i2])
        else:
            add("delete", old_tokens[i1:i2])
            add("insert", new_tokens[j1:j2])
    return segments


# Autosaves: the editor's JavaScript stores what is typed between saves.


def _autosave_query(actor, *, draft: Draft | None = None, account: Account | None = None):
    statement = select(Autosave).where(Autosave.user_id == actor.id)
    if draft is not None:
        return statement.where(Autosave.draft_id == draft.id)
    return statement.where(Autosave.draft_id.is_(None), Autosave.account_id == account.id)


def store_autosave(session: Session, actor, text: str, base_version: int, *, draft: Draft | None = None,
                   account: Account | None = None) -> Autosave:
    """Store (or overwrite) the actor's autosaved text for a draft, or for a new draft of an account.

    :raise NotPermitted: the actor may not edit the draft
    :raise ValidationFailed: the text is too long, or the account is not active
    """
    text = normalize_text(text)
    if len(text) > MAX_TEXT_LENGTH:
        raise ValidationFailed(f"Texten är för lång. Högst {MAX_TEXT_LENGTH} tecken kan sparas.")
    if draft is not None:
        if not can_edit_draft(actor, draft):
            raise NotPermitted("Du kan bara ändra dina egna utkast.")
        account = None
    elif account is None or account.status != AccountStatus.ACTIVE.value:
        raise ValidationFailed("Välj ett aktivt konto att skriva för.")
    autosave = session.scalars(_autosave_query(actor, draft=draft, account=account)).first()
    if autosave is None:
        autosave = Autosave(user_id=actor.id, draft_id=draft.id if draft else None,
                            account_id=account.id if account else None, text=text)
        session.add(autosave)
    autosave.text = text
    autosave.base_version = int(base_version or 0)
    autosave.saved_at = utcnow()
    session.flush()
    return autosave


def pending_autosave(session: Session, actor, *, draft: Draft | None = None,
                     account: Account | None = None) -> Autosave | None:
    """Return the actor's autosave if it is newer than the draft's last save and differs from it."""
    autosave = session.scalars(_autosave_query(actor, draft=draft, account=account)).first()
    if autosave is None or not autosave.text.strip():
        return None
    if draft is not None:
        current = current_version(session, draft)
        if current is not None and (autosave.saved_at <= current.created_at or autosave.text == current.text):
            return None
    return autosave


def _delete_autosave(session: Session, actor, *, draft: Draft | None = None, account: Account | None = None) -> None:
    for autosave in session.scalars(_autosave_query(actor, draft=draft, account=account)):
        session.delete(autosave)
    session.flush()
