"""The spokesperson registry: the list for all staff; appointing, changing and ending for admins."""
from datetime import datetime

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from wtforms import SelectChoice

from aledraft.access import ANY_ROLE, Role, allow, can_manage_spokespersons
from aledraft.accounts.forms import user_choices
from aledraft.db import get_session
from aledraft.errors import InvalidTransition, NotFound, ValidationFailed
from aledraft.models import Spokesperson, User
from aledraft.spokespersons import services
from aledraft.spokespersons.forms import KIND_EXTERNAL, KIND_USER, SpokespersonForm
from aledraft.web import LOCAL_TZ

bp = Blueprint("spokespersons", __name__)


def _today():
    """Return today's date in Swedish local time (appointments are calendar days)."""
    return datetime.now(LOCAL_TZ).date()


def _get_spokesperson(spokesperson_id: int) -> Spokesperson:
    """Return the appointment or answer 404.

    :raise NotFound: no such appointment
    """
    sp = get_session().get(Spokesperson, spokesperson_id)
    if sp is None:
        raise NotFound("Talespersonen finns inte i registret.")
    return sp


def _prepare(form: SpokespersonForm, current: User | None = None) -> None:
    users = {u.id: u for u in get_session().scalars(select(User).where(User.active.is_(True)))}
    if current is not None:
        users[current.id] = current
    ordered = sorted(users.values(), key=lambda u: (u.name.casefold(), u.id))
    form.user.choices = [SelectChoice("", "– Välj medarbetare –"), *user_choices(ordered)]


def _form_data(form: SpokespersonForm) -> services.SpokespersonData:
    user = None
    if form.kind.data == KIND_USER and form.user.data:
        user = get_session().get(User, int(form.user.data))
    return services.SpokespersonData(
        user=user, external_name=(form.external_name.data or "") if form.kind.data == KIND_EXTERNAL else "",
        title=form.title.data or "", topics=form.topics.data or "", valid_from=form.valid_from.data,
        valid_to=form.valid_to.data, active=form.active.data,
    )


@bp.route("/talespersoner")
@allow(*ANY_ROLE)
def index():
    today = _today()
    everyone = services.registry(get_session())
    current = [sp for sp in everyone if sp.is_current(today)]
    upcoming = [sp for sp in everyone if sp.active and sp.valid_from > today]
    ended = [sp for sp in everyone if sp not in current and sp not in upcoming]
    return render_template("spokespersons/index.html", current=current, upcoming=upcoming, ended=ended,
                           today=today, may_manage=can_manage_spokespersons(current_user))


@bp.route("/talespersoner/ny", methods=["GET", "POST"])
@allow(Role.ADMIN)
def create():
    form = SpokespersonForm()
    _prepare(form)
    if request.method == "GET":
        form.valid_from.data = _today()
    if form.validate_on_submit():
        try:
            sp = services.appoint(get_session(), current_user, _form_data(form))
        except ValidationFailed as error:
            form.form_errors.append(error.message)
        else:
            flash(f"{sp.display_name} är utsedd till talesperson.", "success")
            return redirect(url_for("spokespersons.index"))
    return render_template("spokespersons/form.html", form=form, spokesperson=None), \
        400 if request.method == "POST" else 200


@bp.route("/talespersoner/<int:spokesperson_id>/andra", methods=["GET", "POST"])
@allow(Role.ADMIN)
def edit(spokesperson_id: int):
    sp = _get_spokesperson(spokesperson_id)
    form = SpokespersonForm(obj=sp if request.method == "GET" else None)
    _prepare(form, sp.user)
    if request.method == "GET":
        form.kind.data = KIND_USER if sp.user_id else KIND_EXTERNAL
        form.user.data = str(sp.user_id) if sp.user_id else ""
    if form.validate_on_submit():
        try:
            changes = services.update(get_session(), current_user, sp, _form_data(form))
        except ValidationFailed as error:
            form.form_errors.append(error.message)
        else:
            flash("Ändringarna är sparade." if changes else "Inget ändrades.", "success" if changes else "info")
            return redirect(url_for("spokespersons.index"))
    return render_template("spokespersons/form.html", form=form, spokesperson=sp), \
        400 if request.method == "POST" else 200


@bp.route("/talespersoner/<int:spokesperson_id>/avsluta", methods=["POST"])
@allow(Role.ADMIN)
def end(spokesperson_id: int):
    sp = _get_spokesperson(spokesperson_id)
    try:
        services.end(get_session(), current_user, sp, _today())
    except InvalidTransition as error:
        flash(error.message, "error")
    else:
        flash(f"Uppdraget som talesperson för {sp.display_name} är avslutat.", "success")
    return redirect(url_for("spokespersons.index"))
