"""The one way to write the audit log, and the check that it was not tampered with."""
import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from aledraft.db import utcnow
from aledraft.models import AuditEntry

GENESIS_HASH = "0" * 64
# An arbitrary constant: the PostgreSQL advisory lock that serialises appends to the chain.
_CHAIN_LOCK_ID = 7_351_001


def _canonical_details(details: dict | None) -> str:
    return json.dumps(details or {}, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def entry_hash(entry: AuditEntry) -> str:
    """Return the hash of an entry's content chained to its predecessor's hash."""
    payload = "|".join(
        [
            entry.prev_hash,
            entry.at.strftime("%Y-%m-%dT%H:%M:%S.%f"),
            str(entry.actor_id or ""),
            entry.actor_name,
            entry.action,
            entry.object_type,
            entry.object_id,
            entry.details,
        ]
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record(session: Session, actor, action: str, obj=None, details: dict | None = None, *,
           object_type: str | None = None, object_id=None) -> AuditEntry:
    """Append an entry to the audit log (flushed, committed with the caller's transaction).

    `actor` is a User or None for the system; `obj` is a model instance, or give
    object_type/object_id explicitly.
    """
    if session.get_bind().dialect.name == "postgresql":
        # Several app workers append at once: take the chain head one at a time.
        session.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _CHAIN_LOCK_ID})
    last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).first()
    entry = AuditEntry(
        at=utcnow(),
        actor_id=actor.id if actor is not None else None,
        actor_name=actor.name if actor is not None else "system",
        action=action,
        object_type=object_type or (type(obj).__name__.lower() if obj is not None else "system"),
        object_id=str(object_id if object_id is not None else getattr(obj, "id", "") or ""),
        details=_canonical_details(details),
        prev_hash=last.hash if last else GENESIS_HASH,
    )
    entry.hash = entry_hash(entry)
    session.add(entry)
    session.flush()
    return entry


@dataclass(frozen=True)
class ChainCheck:
    """The result of verifying the chain: ok, how many entries, and the first broken entry."""

    ok: bool
    checked: int
    broken_id: int | None = None
    problem: str = ""


def verify_chain(session: Session) -> ChainCheck:
    """Recompute every hash in order and report the first entry that does not match."""
    prev = GENESIS_HASH
    count = 0
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.id)):
        count += 1
        if entry.prev_hash != prev:
            return ChainCheck(False, count, entry.id, "föregående hash stämmer inte (en post har tagits bort eller lagts in)")
        if entry_hash(entry) != entry.hash:
            return ChainCheck(False, count, entry.id, "innehållet har ändrats")
        prev = entry.hash
    return ChainCheck(True, count)
