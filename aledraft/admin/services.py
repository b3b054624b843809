"""User administration: create, change roles, disable, reset password. Users are never deleted."""
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from aledraft import audit
from aledraft.access import Role
from aledraft.auth.services import hash_password, normalize_email
from aledraft.errors import ValidationFailed
from aledraft.models import User, UserRole

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
