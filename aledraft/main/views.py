"""Start page and the user's own profile (API tokens)."""
from flask import Blueprint, current_app, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select

from aledraft.access import ANY_ROLE, allow, public
from aledraft.auth.services import create_api_token, revoke_api_token
from aledraft.db import get_session, utcnow
from aledraft.main.forms import TokenForm
from aledraft.models import ApiToken
from aledraft.review.services import dashboard as dashboard_data

bp = Blueprint("main", __name__)


@bp.route("/")
@public
def index():
    if current_user.is_authenticated:
        return redirect(url_for("main.dashboard"))
    return redirect(url_for("auth.login"))


@bp.route("/oversikt")
@allow(*ANY_ROLE)
def dashboard():
    now = utcnow()
    data = dashboard_data(get_session(), current_user, now, current_app.config["REPLY_OVERDUE_HOURS"])
    return render_template("main/dashboard.html", now=now, overdue_hours=current_app.config["REPLY_OVERDUE_HOURS"],
                           **data)


@bp.route("/profil", methods=["GET", "POST"])
@allow(*ANY_ROLE)
def profile():
    session = get_session()
    form = TokenForm()
    new_token = None
    if form.validate_on_submit():
        _, new_token = create_api_token(session, current_user, form.name.data or "")
        form = TokenForm(formdata=None)
    tokens = session.scalars(
        select(ApiToken).where(ApiToken.user_id == current_user.id).order_by(ApiToken.created_at.desc())
    ).all()
    return render_template("main/profile.html", form=form, tokens=tokens, new_token=new_token)


@bp.route("/profil/api-nycklar/<int:token_id>/aterkalla", methods=["POST"])
@allow(*ANY_ROLE)
def revoke_token(token_id: int):
    revoke_api_token(get_session(), current_user, token_id, current_user)
    flash("API-nyckeln är återkallad och fungerar inte längre.", "success")
    return redirect(url_for("main.profile"))
