"""Administration pages: users and roles, and the audit log browser (admin role only)."""
import json

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import SelectChoice

from aledraft.access import Role, allow
from aledraft.admin import services
from aledraft.admin.forms import AuditFilterForm, CreateUserForm, EditUserForm, PasswordForm, RolesForm
from aledraft.audit import verify_chain
from aledraft.db import get_session
from aledraft.errors import NotFound, ValidationFailed
from aledraft.models import User

bp = Blueprint("admin", __name__, url_prefix="/admin")

#: Audit entries per page.
PER_PAGE = 50


def _get_user(user_id: int) -> User:
    """Return the user or answer 404.

    :raise NotFound: no such user
    """
    user = get_session().get(User, user_id)
    if user is None:
        raise NotFound("Användaren finns inte.")
    return user


@bp.route("/anvandare")
@allow(Role.ADMIN)
def users():
    return render_template("admin/users.html", users=services.list_users(get_session()))


@bp.route("/anvandare/ny", methods=["GET", "POST"])
@allow(Role.ADMIN)
def create_user():
    form = CreateUserForm()
    if form.validate_on_submit():
        try:
            user = services.create_user(
                get_session(), current_user, email=form.email.data, name=form.name.data,
                password=form.password.data, roles=[Role(r) for r in form.roles.data], unit=form.unit.data or "",
            )
        except ValidationFailed as error:
            form.form_errors.append(error.message)
        else:
            flash(f"Användaren {user.name} är skapad.", "success")
            return redirect(url_for("admin.edit_user", user_id=user.id))
    return render_template("admin/create_user.html", form=form), 400 if request.method == "POST" else 200


def _render_user(user: User, *, edit_form=None, roles_form=None, password_form=None, status: int = 200):
    return render_template(
        "admin/edit_user.html", user=user,
        edit_form=edit_form or EditUserForm(formdata=None, obj=user, prefix="user"),
        roles_form=roles_form or RolesForm(formdata=None, roles=sorted(user.role_codes), prefix="roles"),
        password_form=password_form or PasswordForm(formdata=None, prefix="password"),
    ), status


@bp.route("/anvandare/<int:user_id>", methods=["GET", "POST"])
@allow(Role.ADMIN)
def edit_user(user_id: int):
    user = _get_user(user_id)
    if request.method == "GET":
        return _render_user(user)
    form = EditUserForm(prefix="user")
    if form.validate_on_submit():
        try:
            services.update_user(get_session(), current_user, user, name=form.name.data, unit=form.unit.data or "")
        except ValidationFailed as error:
            form.name.errors.append(error.message)
        else:
            flash("Namn och enhet är sparade.", "success")
            return redirect(url_for("admin.edit_user", user_id=user.id))
    return _render_user(user, edit_form=form, status=400)


@bp.route("/anvandare/<int:user_id>/roller", methods=["POST"])
@allow(Role.ADMIN)
def set_roles(user_id: int):
    user = _get_user(user_id)
    form = RolesForm(prefix="roles")
    if form.validate_on_submit():
        try:
            services.set_roles(get_session(), current_user, user, [Role(r) for r in form.roles.data])
        except ValidationFailed as error:
            form.roles.errors.append(error.message)
        else:
            flash("Rollerna är sparade.", "success")
            return redirect(url_for("admin.edit_user", user_id=user.id))
    return _render_user(user, roles_form=form, status=400)


@bp.route("/anvandare/<int:user_id>/losenord", methods=["POST"])
@allow(Role.ADMIN)
def reset_password(user_id: int):
    user = _get_user(user_id)
    form = PasswordForm(prefix="password")
    if form.validate_on_submit():
        try:
            services.reset_password(get_session(), current_user, user, form.password.data)
        except ValidationFailed as error:
            form.password.errors.append(error.message)
        else:
            flash(f"Lösenordet för {user.name} är återställt. Lämna det nya lösenordet till användaren "
                  "på ett säkert sätt.", "success")
            return redirect(url_for("admin.edit_user", user_id=user.id))
    return _render_user(user, password_form=form, status=400)


@bp.route("/anvandare/<int:user_id>/stang-av", methods=["POST"])
@allow(Role.ADMIN)
def disable_user(user_id: int):
    return _set_active(_get_user(user_id), False)


@bp.route("/anvandare/<int:user_id>/aktivera", methods=["POST"])
@allow(Role.ADMIN)
def enable_user(user_id: int):
    return _set_active(_get_user(user_id), True)


def _set_active(user: User, active: bool):
    try:
        services.set_active(get_session(), current_user, user, active)
    except ValidationFailed as error:
        flash(error.message, "error")
        return _render_user(user, status=400)
    flash(f"{user.name} kan logga in igen." if active else
          f"{user.name} är avstängd och kan inte logga in. Historiken finns kvar.", "success")
    return redirect(url_for("admin.edit_user", user_id=user.id))


def _value_text(value) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, list):
        return ", ".join(_value_text(v) for v in value) or "–"
    return str(value)


def format_details(action: str, details_json: str) -> list[tuple[str, str]]:
    """Return an entry's details as (key, text) pairs; a change diff reads "before → after"."""
    details = json.loads(details_json or "{}")
    changes = action.endswith(".update")
    return [
        (key, f"{_value_text(value[0])} → {_value_text(value[1])}"
         if changes and isinstance(value, list) and len(value) == 2 else _value_text(value))
        for key, value in sorted(details.items())
    ]


@bp.route("/logg")
@allow(Role.ADMIN)
def audit_log():
    session = get_session()
    actions, types, actors = services.audit_filter_choices(session)
    form = AuditFilterForm(formdata=request.args)
    form.action.choices = [SelectChoice("", "Alla"),
                           *(SelectChoice(a, services.ACTION_LABELS.get(a, a)) for a in actions)]
    form.object_type.choices = [SelectChoice("", "Alla"),
                               *(SelectChoice(t, services.OBJECT_TYPE_LABELS.get(t, t)) for t in types)]
    form.actor.choices = [SelectChoice("", "Alla"), SelectChoice(services.SYSTEM_ACTOR, "Systemet"),
                          *(SelectChoice(str(i), n) for i, n in actors)]
    page_number = request.args.get("sida", "1")
    page_number = int(page_number) if page_number.isdigit() else 1
    if request.args and not form.validate():
        result = services.AuditPage([], 0, 1, PER_PAGE)
        status = 400
    else:
        result = services.audit_entries(
            session, action=form.action.data or "", object_type=form.object_type.data or "",
            actor=form.actor.data or "", date_from=form.date_from.data, date_to=form.date_to.data,
            page=page_number, per_page=PER_PAGE,
        )
        status = 200
    args = {k: v for k, v in request.args.items() if k != "sida" and v}
    return render_template(
        "admin/audit_log.html", form=form, result=result, chain=verify_chain(session),
        details={e.id: format_details(e.action, e.details) for e in result.entries},
        action_labels=services.ACTION_LABELS, type_labels=services.OBJECT_TYPE_LABELS, filter_args=args,
    ), status
