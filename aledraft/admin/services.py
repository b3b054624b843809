"""User administration (create, roles, disable, reset password; users are never deleted) and the audit log browser."""
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from aledraft import audit
from aledraft.access import Role
from aledraft.auth.services import hash_password, normalize_email
from aledraft.errors import ValidationFailed
from aledraft.models import AuditEntry, User, UserRole

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def create_user(session: Session, actor: User | None, *, email: str, name: str, password: str,
                roles: list[Role], unit: str = "") -> User:
    """Create a user with the given roles.

    :raise ValidationFailed: bad e-mail, empty name, short password, no role, or e-mail taken
    """
    email = normalize_email(email)
    name = name.strip()
    if not _EMAIL.match(email):
        raise ValidationFailed("Ange en giltig e-postadress.")
    if not name:
        raise ValidationFailed("Ange användarens namn.")
    if not roles:
        raise ValidationFailed("Välj minst en roll.")
    if session.scalars(select(User).where(User.email == email)).first() is not None:
        raise ValidationFailed(f"Det finns redan en användare med e-postadressen {email}.")
    user = User(email=email, name=name, unit=unit.strip(), password_hash=hash_password(password))
    user.roles = [UserRole(role=Role(r).value) for r in roles]
    session.add(user)
    session.flush()
    audit.record(session, actor, "user.create", user,
                 {"email": email, "name": name, "roles": sorted(Role(r).value for r in roles)})
    return user


def update_user(session: Session, actor: User, user: User, *, name: str, unit: str) -> User:
    """Change a user's name and unit.

    :raise ValidationFailed: empty name
    """
    name = name.strip()
    if not name:
        raise ValidationFailed("Ange användarens namn.")
    changes = {}
    if name != user.name:
        changes["name"] = [user.name, name]
        user.name = name
    if unit.strip() != user.unit:
        changes["unit"] = [user.unit, unit.strip()]
        user.unit = unit.strip()
    if changes:
        audit.record(session, actor, "user.update", user, changes)
    return user


def set_roles(session: Session, actor: User, user: User, roles: list[Role]) -> User:
    """Replace the user's roles.

    :raise ValidationFailed: no role given, or an admin removing their own admin role
    """
    wanted = {Role(r).value for r in roles}
    if not wanted:
        raise ValidationFailed("Välj minst en roll.")
    if actor is not None and actor.id == user.id and Role.ADMIN.value not in wanted:
        raise ValidationFailed("Du kan inte ta bort din egen administratörsroll.")
    before = user.role_codes
    if wanted != before:
        user.roles = [r for r in user.roles if r.role in wanted] + [
            UserRole(role=code) for code in sorted(wanted - before)
        ]
        session.flush()
        audit.record(session, actor, "user.roles", user, {"before": sorted(before), "after": sorted(wanted)})
    return user


def set_active(session: Session, actor: User, user: User, active: bool) -> User:
    """Disable or re-enable a user; a disabled user cannot log in.

    :raise ValidationFailed: an admin disabling themselves
    """
    if actor is not None and actor.id == user.id and not active:
        raise ValidationFailed("Du kan inte stänga av ditt eget konto.")
    if user.active != active:
        user.active = active
        audit.record(session, actor, "user.enable" if active else "user.disable", user)
    return user


def reset_password(session: Session, actor: User, user: User, password: str) -> User:
    """Give the user a new password.

    :raise ValidationFailed: the password is too short
    """
    user.password_hash = hash_password(password)
    audit.record(session, actor, "user.reset_password", user)
    return user


def list_users(session: Session) -> list[User]:
    """Return every user, active ones first, by name."""
    return list(session.scalars(select(User).order_by(User.active.desc(), User.name, User.id)))


# The audit log browser.

#: Swedish labels of the audit actions; an action missing here is shown by its code.
ACTION_LABELS = {
    "user.create": "Användare skapad",
    "user.update": "Användare ändrad",
    "user.roles": "Roller ändrade",
    "user.disable": "Användare avstängd",
    "user.enable": "Användare aktiverad",
    "user.reset_password": "Lösenord återställt",
    "user.login": "Inloggning",
    "api_token.create": "API-nyckel skapad",
    "api_token.revoke": "API-nyckel återkallad",
    "account.create": "Konto registrerat",
    "account.update": "Konto ändrat",
    "account.activity": "Aktivitet registrerad",
    "account.closure_propose": "Stängning föreslagen",
    "account.closure_decide": "Beslut: kontot ska stängas",
    "account.closure_decline": "Beslut: förslag om stängning avslaget",
    "account.close": "Konto stängt",
    "spokesperson.appoint": "Talesperson utsedd",
    "spokesperson.update": "Talesperson ändrad",
    "spokesperson.end": "Uppdrag som talesperson avslutat",
    "draft.create": "Utkast skapat",
    "draft.save": "Ny version sparad",
    "draft.update_details": "Utkastets uppgifter ändrade",
    "draft.submit": "Skickat till granskning",
    "draft.approve": "Godkänt",
    "draft.override": "Undantag från blockerande markering",
    "draft.send_back": "Skickat tillbaka",
    "draft.comment": "Granskningskommentar",
    "draft.approval_invalidated": "Godkännande upphävt",
    "draft.publish": "Publicerat",
    "consent.record": "Samtycke registrerat",
    "consent.withdraw": "Samtycke återkallat",
    "moderation.record": "Borttaget innehåll registrerat",
    "moderation.register": "Diarienummer registrerat",
    "moderation.led_to_action": "Ledde till åtgärd",
    "moderation.cull": "Gallring",
}

#: Swedish names of the logged object types.
OBJECT_TYPE_LABELS = {
    "user": "Användare",
    "account": "Konto",
    "spokesperson": "Talesperson",
    "apitoken": "API-nyckel",
    "draft": "Utkast",
    "consent": "Samtycke",
    "moderationentry": "Moderering",
    "system": "System",
}

#: Dates in the filter are calendar days in Swedish local time.
LOCAL_TZ = ZoneInfo("Europe/Stockholm")
#: The actor filter's value for actions of the system itself (CLI, scheduled jobs).
SYSTEM_ACTOR = "system"


@dataclass(frozen=True)
class AuditPage:
    """One page of audit entries, newest first, and where it lies among all matches."""

    entries: list[AuditEntry]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=LOCAL_TZ).astimezone(timezone.utc)


def audit_entries(session: Session, *, action: str = "", object_type: str = "", actor: str = "",
                  date_from: date | None = None, date_to: date | None = None, page: int = 1,
                  per_page: int = 50) -> AuditPage:
    """Return one page of the audit log, newest first, filtered by action, object type, actor and days.

    `actor` is a user id, SYSTEM_ACTOR for the system's own actions, or "" for everyone;
    `date_from` and `date_to` are local calendar days, both included.
    """
    conditions = []
    if action:
        conditions.append(AuditEntry.action == action)
    if object_type:
        conditions.append(AuditEntry.object_type == object_type)
    if actor == SYSTEM_ACTOR:
        conditions.append(AuditEntry.actor_id.is_(None))
    elif actor:
        conditions.append(AuditEntry.actor_id == int(actor))
    if date_from:
        conditions.append(AuditEntry.at >= _local_midnight(date_from))
    if date_to:
        conditions.append(AuditEntry.at < _local_midnight(date_to + timedelta(days=1)))
    total = session.scalar(select(func.count()).select_from(AuditEntry).where(*conditions))
    pages = max(1, -(-total // per_page))
    page = min(max(1, page), pages)
    entries = session.scalars(
        select(AuditEntry).where(*conditions).order_by(AuditEntry.id.desc())
        .offset((page - 1) * per_page).limit(per_page)
    ).all()
    return AuditPage(list(entries), total, page, per_page)


def audit_filter_choices(session: Session) -> tuple[list[str], list[str], list[tuple[int, str]]]:
    """Return the actions, object types and actors (id, name) that occur in the log."""
    actions = list(session.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action)))
    types = list(session.scalars(select(AuditEntry.object_type).distinct().order_by(AuditEntry.object_type)))
    actors = session.execute(
        select(User.id, User.name).where(User.id.in_(select(AuditEntry.actor_id).distinct()))
        .order_by(User.name, User.id)
    ).all()
    return actions, types, [(row.id, row.name) for row in actors]
