"""Login and logout."""
from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_user, logout_user

from aledraft import audit
from aledraft.access import ANY_ROLE, allow, public
from aledraft.auth.forms import LoginForm
from aledraft.auth.services import authenticate
from aledraft.db import get_session
from aledraft.errors import Throttled

bp = Blueprint("auth", __name__)


def _safe_next(target: str | None) -> str:
    """Return target if it is a path on this site, else the start page (no open redirects)."""
    if target and target.startswith("/") and not target.startswith("//") and not urlsplit(target).netloc:
        return target
    return url_for("main.dashboard")


@bp.route("/login", methods=["GET", "POST"])
@public
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.dashboard"))
    form = LoginForm()
    status = 200
    if form.validate_on_submit():
        session = get_session()
        try:
            user = authenticate(
                session, form.email.data, form.password.data, request.remote_addr or "",
                max_failures=current_app.config["LOGIN_MAX_FAILURES"],
                window=current_app.config["LOGIN_THROTTLE_SECONDS"],
            )
        except Throttled as error:
            flash(error.message, "error")
            status = 429
        else:
            # The attempt is recorded whatever the outcome, so commit before answering.
            session.commit()
            if user is None:
                flash("Fel e-postadress eller lösenord, eller så är kontot avstängt.", "error")
                status = 401
            else:
                login_user(user)
                audit.record(session, user, "user.login", user)
                return redirect(_safe_next(request.args.get("next")))
    elif request.method == "POST":
        status = 400
    return render_template("auth/login.html", form=form), status


@bp.route("/logout", methods=["POST"])
@allow(*ANY_ROLE)
def logout():
    logout_user()
    flash("Du är utloggad.", "info")
    return redirect(url_for("auth.login"))
