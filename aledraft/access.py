"""Roles, per-view access declarations and the deny-by-default guard."""
import enum

from flask import current_app, g, request
from flask_login import current_user

from aledraft.db import get_session
from aledraft.errors import LoginRequired, NotPermitted
from aledraft.extensions import csrf


class Role(str, enum.Enum):
    """The roles of DESIGN.md; the values are the Swedish codes used on the command line."""

    AUTHOR = "skribent"
    REVIEWER = "granskare"
    ACCOUNT_ADMIN = "kontoansvarig"
    COMMS_CHIEF = "kommunikationschef"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.AUTHOR: "Skribent",
    Role.REVIEWER: "Granskare",
    Role.ACCOUNT_ADMIN: "Kontoansvarig",
    Role.COMMS_CHIEF: "Kommunikationschef",
    Role.ADMIN: "Admin",
}

#: Everyone who may write drafts: every role but admin writes posts.
WRITERS = (Role.AUTHOR, Role.REVIEWER, Role.ACCOUNT_ADMIN, Role.COMMS_CHIEF)
#: The communications unit: sees every account's drafts and registers.
COMMS_UNIT = (Role.REVIEWER, Role.COMMS_CHIEF)
#: Any signed-in user.
ANY_ROLE = tuple(Role)

_PUBLIC = "public"


def allow(*roles: Role):
    """Admit signed-in users holding any of the given roles to the decorated view."""
    if not roles:
        raise ValueError("allow() needs at least one role")

    def decorate(view):
        view.allowed_roles = frozenset(roles)
        return view

    return decorate


def public(view):
    """Admit everyone, signed in or not, to the decorated view."""
    view.allowed_roles = _PUBLIC
    return view


def required_roles(endpoint: str):
    """Return the declared roles of an endpoint, 'public', or None when it declares nothing."""
    if endpoint == "static":
        return _PUBLIC
    view = current_app.view_functions.get(endpoint)
    return getattr(view, "allowed_roles", None)


def guard():
    """Check CSRF (unless the request carries an API token) and the endpoint's declared roles.

    :raise NotPermitted: the endpoint declares no roles, or the user holds none of them
    :raise LoginRequired: the endpoint needs a signed-in user and there is none
    """
    if request.endpoint is None:  # 404/405: let Flask answer
        return
    authorization = request.headers.get("Authorization", "")
    if authorization.startswith("Bearer "):
        from aledraft.auth.services import user_for_token  # auth's views import this module

        user = user_for_token(get_session(), authorization[len("Bearer "):].strip())
        if user is None:
            raise LoginRequired("API-nyckeln är ogiltig eller återkallad.")
        # Token requests carry no session cookie: the user is this request's alone.
        g._login_user = user
        g.api_token_auth = True
    elif current_user.is_authenticated or required_roles(request.endpoint) == _PUBLIC:
        # CSRF protects a signed-in session and public forms (/login). A visitor with neither
        # token nor session is answered by the role check below: 401 on the API, else the login page.
        csrf.protect()
    declared = required_roles(request.endpoint)
    if declared is None:
        raise NotPermitted("Sidan saknar behörighetsregel och är därför stängd.")
    if declared == _PUBLIC:
        return
    if not current_user.is_authenticated:
        raise LoginRequired()
    if not current_user.has_role(*declared):
        raise NotPermitted()


# Object rules: one predicate per question, used by views, queues and services alike.


def is_comms_unit(user) -> bool:
    """Return True if the user belongs to the communications unit (granskare or kommunikationschef)."""
    return user.has_role(*COMMS_UNIT)


def can_edit_draft(user, draft) -> bool:
    """Authors edit their own drafts; the communications unit may edit any draft."""
    return draft.author_id == user.id or is_comms_unit(user)


def can_view_draft(user, draft) -> bool:
    """The author, the communications unit and the account's admins see a draft."""
    return can_edit_draft(user, draft) or (
        user.has_role(Role.ACCOUNT_ADMIN) and draft.account.is_admin(user)
    )


def can_approve(user, draft) -> bool:
    """Reviewers and the chief approve any draft, account admins their accounts'; never one's own."""
    if draft.author_id == user.id:
        return False
    if is_comms_unit(user):
        return True
    return user.has_role(Role.ACCOUNT_ADMIN) and draft.account.is_admin(user)


def can_manage_accounts(user) -> bool:
    """Admins and the communications unit register and edit any account."""
    return user.has_role(Role.ADMIN, *COMMS_UNIT)


def can_edit_account(user, account) -> bool:
    """Admins and the communications unit edit any account; account admins the accounts they administer."""
    return can_manage_accounts(user) or (user.has_role(Role.ACCOUNT_ADMIN) and account.is_admin(user))


def can_propose_closure(user, account) -> bool:
    """The communications unit and the account's own admins may propose that an account is closed."""
    return is_comms_unit(user) or account.is_admin(user)


def can_publish(user, draft) -> bool:
    """The author, the communications unit and the account's admins mark a draft published."""
    return draft.author_id == user.id or is_comms_unit(user) or (
        user.has_role(Role.ACCOUNT_ADMIN) and draft.account.is_admin(user)
    )


def can_close_account(user) -> bool:
    """Only the communications chief decides that an account is closed."""
    return user.has_role(Role.COMMS_CHIEF)


def can_mark_closed(user) -> bool:
    """The communications unit records that a decided account has been shut down on the platform."""
    return is_comms_unit(user)


def can_manage_spokespersons(user) -> bool:
    """Admins appoint, change and end spokespersons."""
    return user.has_role(Role.ADMIN)


def can_moderate(user, account) -> bool:
    """The communications unit and the account's admins record and read removed content."""
    return is_comms_unit(user) or (user.has_role(Role.ACCOUNT_ADMIN) and account.is_admin(user))


def require(allowed: bool, message: str | None = None) -> None:
    """Raise NotPermitted unless allowed.

    :raise NotPermitted: when allowed is false
    """
    if not allowed:
        raise NotPermitted(message) if message else NotPermitted()

