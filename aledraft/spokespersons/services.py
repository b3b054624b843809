"""The spokesperson registry (talespersoner): appoint, change and end appointments.

A spokesperson speaks on the municipality's behalf on some topics; a draft may be signed by one
who is current on the day (active, and within valid_from–valid_to).
"""
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from aledraft import audit
from aledraft.access import can_manage_spokespersons, require
from aledraft.errors import InvalidTransition, ValidationFailed
from aledraft.models import Spokesperson, User


@dataclass
class SpokespersonData:
    """What the registry form says about an appointment: a user, or a named external person."""

    user: User | None
    external_name: str
    title: str
    topics: str
    valid_from: date | None
    valid_to: date | None
    active: bool = True


def _clean_topics(topics: str) -> str:
    seen = []
    for line in topics.splitlines():
        topic = line.strip()
        if topic and topic.casefold() not in (t.casefold() for t in seen):
            seen.append(topic)
    return "\n".join(seen)


def _validate(data: SpokespersonData) -> SpokespersonData:
    """Return the data trimmed, or refuse it.

    :raise ValidationFailed: neither or both of user and external name, no title or start date, end before start
    """
    external_name = data.external_name.strip()
    if data.user is None and not external_name:
        raise ValidationFailed("Välj en medarbetare eller skriv namnet på en extern person.")
    if data.user is not None and external_name:
        raise ValidationFailed("Välj antingen en medarbetare eller en extern person, inte båda.")
    title = data.title.strip()
    if not title:
        raise ValidationFailed("Ange titel, till exempel ”kommunstyrelsens ordförande”.")
    if data.valid_from is None:
        raise ValidationFailed("Ange från vilket datum uppdraget gäller.")
    if data.valid_to is not None and data.valid_to < data.valid_from:
        raise ValidationFailed("Slutdatumet kan inte vara före startdatumet.")
    return SpokespersonData(data.user, external_name, title, _clean_topics(data.topics), data.valid_from,
                            data.valid_to, bool(data.active))


def _snapshot(sp: Spokesperson) -> dict:
    return {
        "name": sp.display_name,
        "user_id": sp.user_id,
        "title": sp.title,
        "topics": sp.topic_list,
        "valid_from": sp.valid_from.isoformat() if sp.valid_from else None,
        "valid_to": sp.valid_to.isoformat() if sp.valid_to else None,
        "active": sp.active,
    }


def appoint(session: Session, actor: User, data: SpokespersonData) -> Spokesperson:
    """Appoint a spokesperson; the actor is recorded as the one who appointed.

    :raise NotPermitted: the actor is not an admin
    :raise ValidationFailed: see SpokespersonData's rules
    """
    require(can_manage_spokespersons(actor), "Bara administratörer kan utse talespersoner.")
    data = _validate(data)
    sp = Spokesperson(user=data.user, external_name=data.external_name, title=data.title, topics=data.topics,
                      valid_from=data.valid_from, valid_to=data.valid_to, active=data.active, appointed_by=actor)
    session.add(sp)
    session.flush()
    audit.record(session, actor, "spokesperson.appoint", sp, _snapshot(sp))
    return sp


def update(session: Session, actor: User, sp: Spokesperson, data: SpokespersonData) -> dict:
    """Change an appointment; return the changes as {field: [before, after]}.

    :raise NotPermitted: the actor is not an admin
    :raise ValidationFailed: see SpokespersonData's rules
    """
    require(can_manage_spokespersons(actor), "Bara administratörer kan ändra talespersoner.")
    data = _validate(data)
    before = _snapshot(sp)
    sp.user = data.user
    sp.external_name = data.external_name
    sp.title = data.title
    sp.topics = data.topics
    sp.valid_from = data.valid_from
    sp.valid_to = data.valid_to
    sp.active = data.active
    session.flush()
    after = _snapshot(sp)
    changes = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
    if changes:
        audit.record(session, actor, "spokesperson.update", sp, changes)
    return changes


def end(session: Session, actor: User, sp: Spokesperson, today: date) -> Spokesperson:
    """End an appointment today: it stops being active and is valid no later than today.

    :raise NotPermitted: the actor is not an admin
    :raise InvalidTransition: the appointment has already ended
    """
    require(can_manage_spokespersons(actor), "Bara administratörer kan avsluta uppdrag som talesperson.")
    if not sp.active:
        raise InvalidTransition("Uppdraget som talesperson är redan avslutat.")
    sp.active = False
    if sp.valid_to is None or sp.valid_to > today:
        # An appointment that has not started yet ends before it begins.
        sp.valid_to = max(today, sp.valid_from)
    session.flush()
    audit.record(session, actor, "spokesperson.end", sp,
                 {"name": sp.display_name, "valid_to": sp.valid_to.isoformat()})
    return sp


def active_for(session: Session, today: date, topic: str | None = None) -> list[Spokesperson]:
    """Return the spokespersons current on the day, by name; with a topic, only those covering it."""
    candidates = session.scalars(
        select(Spokesperson).where(
            Spokesperson.active.is_(True),
            Spokesperson.valid_from <= today,
            (Spokesperson.valid_to.is_(None)) | (Spokesperson.valid_to >= today),
        )
    ).all()
    if topic:
        wanted = topic.strip().casefold()
        candidates = [sp for sp in candidates if wanted in (t.casefold() for t in sp.topic_list)]
    return sorted(candidates, key=lambda sp: (sp.display_name.casefold(), sp.id))


def registry(session: Session) -> list[Spokesperson]:
    """Return every appointment, newest start first."""
    return list(session.scalars(select(Spokesperson).order_by(Spokesperson.valid_from.desc(), Spokesperson.id.desc())))
