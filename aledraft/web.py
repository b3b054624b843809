"""Request lifecycle: who the user is, the access guard, one transaction per request, headers."""
from zoneinfo import ZoneInfo

from flask import current_app, g, request, url_for
from flask_login import AnonymousUserMixin, current_user

from aledraft import access, mail
from aledraft.db import get_session
from aledraft.extensions import login_manager
from aledraft.models import User


class Anonymous(AnonymousUserMixin):
    """The visitor who has not logged in: holds no role."""

    id = None
    name = ""

    def has_role(self, *roles) -> bool:
        return False


def init_app(app):
    """Wire user loading, the guard, the commit boundary and template helpers into the app."""
    login_manager.anonymous_user = Anonymous
    login_manager.session_protection = "strong"
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Logga in för att fortsätta."

    @login_manager.user_loader
    def load_user(user_id: str):
        user = get_session().get(User, int(user_id)) if user_id.isdigit() else None
        return user if user is not None and user.active else None

    app.before_request(access.guard)

    @app.after_request
    def commit_and_secure(response):
        session = g.get("db_session")
        if session is not None:
            if response.status_code < 400:
                session.commit()
                mail.send_outbox()
            else:
                session.rollback()
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
        )
        return response

    app.jinja_env.filters["datetime"] = format_datetime
    app.jinja_env.filters["date"] = format_date

    @app.context_processor
    def template_helpers():
        return {"Role": access.Role, "access": access, "main_menu": main_menu}


LOCAL_TZ = ZoneInfo("Europe/Stockholm")


def format_datetime(value) -> str:
    """Format an aware datetime in Swedish local time, e.g. 2026-11-24 09:15."""
    return value.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M") if value else ""


def format_date(value) -> str:
    """Format a date (or the date of a datetime, in local time) as 2026-11-24."""
    if not value:
        return ""
    if hasattr(value, "astimezone"):
        value = value.astimezone(LOCAL_TZ)
    return value.strftime("%Y-%m-%d")


#: The main menu: (endpoint, label). An item shows only when the endpoint exists and admits the user.
MENU = [
    ("main.dashboard", "Översikt"),
    ("drafts.index", "Utkast"),
    ("review.queue", "Granskning"),
    ("consent.register", "Samtycken"),
    ("accounts.index", "Konton"),
    ("spokespersons.index", "Talespersoner"),
    ("moderation.index", "Moderering"),
    ("stats.index", "Statistik"),
    ("admin.users", "Användare"),
    ("admin.audit_log", "Logg"),
]


def main_menu() -> list[dict]:
    """Return the menu items the current user may open."""
    items = []
    for endpoint, label in MENU:
        roles = access.required_roles(endpoint) if endpoint in current_app.view_functions else None
        if roles is None or (roles != "public" and not current_user.has_role(*roles)):
            continue
        items.append({"url": url_for(endpoint), "label": label,
                      "active": request.endpoint == endpoint})
    return items
