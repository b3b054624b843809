"""Account registry pages for staff, closing an account, and the public list of accounts."""
import csv
import io

from flask import Blueprint, Response, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from aledraft import access
from aledraft.access import ANY_ROLE, COMMS_UNIT, Role, allow, public
from aledraft.accounts import services
from aledraft.accounts.forms import AccountForm, DecisionForm, ReasonForm, StatusFilterForm
from aledraft.admin.services import ACTION_LABELS
from aledraft.db import get_session, utcnow
from aledraft.errors import InvalidTransition, NotFound, ValidationFailed
from aledraft.models import Account, AccountStatus, AuditEntry, User

bp = Blueprint("accounts", __name__)

#: The website embeds the list; an hour's caching spares the database.
PUBLIC_CACHE = "public, max-age=3600"
#: Who registers accounts and edits any of them (account admins edit their own: can_edit_account).
MANAGERS = (Role.ADMIN, *COMMS_UNIT)


def _get_account(account_id: int) -> Account:
    """Return the account or answer 404.

    :raise NotFound: no such account
    """
    account = get_session().get(Account, account_id)
    if account is None:
        raise NotFound("Kontot finns inte i registret.")
    return account


def _selectable_users(*keep: User) -> list[User]:
    """Return the active users, plus any given (possibly disabled) users already chosen."""
    users = {u.id: u for u in get_session().scalars(select(User).where(User.active.is_(True)))}
    users.update({u.id: u for u in keep if u is not None})
    return sorted(users.values(), key=lambda u: (u.name.lower(), u.id))


def _form_data(form: AccountForm) -> services.AccountData:
    session = get_session()
    responsible = session.get(User, int(form.responsible.data)) if form.responsible.data else None
    admin_ids = [int(i) for i in form.admins.data or []]
    admins = list(session.scalars(select(User).where(User.id.in_(admin_ids)))) if admin_ids else []
    return services.AccountData(
        platform=form.platform.data, name=form.name.data or "", url=form.url.data or "",
        purpose=form.purpose.data or "", unit=form.unit.data or "", responsible=responsible, admins=admins,
        is_open=form.is_open.data, logo_confirmed=form.logo_confirmed.data,
    )


@bp.route("/konton/register")
@allow(*ANY_ROLE)
def index():
    session = get_session()
    filters = StatusFilterForm(formdata=request.args)
    status = filters.status.data if filters.validate() else ""
    accounts = services.registry(session, status or None)
    inactive = []
    if access.is_comms_unit(current_user):
        inactive = services.inactive_accounts(session, utcnow(), current_app.config["INACTIVE_ACCOUNT_DAYS"])
    return render_template(
        "accounts/index.html", accounts=accounts, filters=filters, inactive=inactive,
        warnings={a.id: services.policy_warnings(a) for a in accounts},
        days=current_app.config["INACTIVE_ACCOUNT_DAYS"],
    )


@bp.route("/konton/inaktiva")
@allow(*COMMS_UNIT)
def inactive():
    days = current_app.config["INACTIVE_ACCOUNT_DAYS"]
    now = utcnow()
    accounts = services.inactive_accounts(get_session(), now, days)
    return render_template(
        "accounts/inactive.html", accounts=accounts, days=days,
        silent_days={a.id: (now - services.last_activity(a)).days for a in accounts},
        pending={a.id: services.open_closure(a) for a in accounts},
        closing=services.registry(get_session(), AccountStatus.CLOSING.value),
    )


@bp.route("/konton/nytt", methods=["GET", "POST"])
@allow(*MANAGERS)
def create():
    form = AccountForm()
    form.set_user_choices(_selectable_users())
    if form.validate_on_submit():
        try:
            account = services.create_account(get_session(), current_user, _form_data(form))
        except ValidationFailed as error:
            form.form_errors.append(error.message)
        else:
            flash(f"Kontot {account.name} är registrerat.", "success")
            return redirect(url_for("accounts.detail", account_id=account.id))
    status = 400 if request.method == "POST" else 200
    return render_template("accounts/form.html", form=form, account=None), status


@bp.route("/konton/<int:account_id>")
@allow(*ANY_ROLE)
def detail(account_id: int):
    return _render_detail(_get_account(account_id))


def _render_detail(account: Account, *, propose_form=None, decision_form=None, status: int = 200):
    session = get_session()
    history = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.object_type == "account", AuditEntry.object_id == str(account.id))
        .order_by(AuditEntry.id.desc())
    ).all()
    closure = services.open_closure(account)
    return render_template(
        "accounts/detail.html", account=account, warnings=services.policy_warnings(account),
        closure=closure, history=history,
        propose_form=propose_form or ReasonForm(formdata=None, prefix="propose"),
        decision_form=decision_form or DecisionForm(formdata=None, prefix="decision"),
        days=current_app.config["INACTIVE_ACCOUNT_DAYS"], action_labels=ACTION_LABELS,
    ), status


@bp.route("/konton/<int:account_id>/andra", methods=["GET", "POST"])
@allow(*MANAGERS, Role.ACCOUNT_ADMIN)
def edit(account_id: int):
    account = _get_account(account_id)
    access.require(access.can_edit_account(current_user, account), "Du får bara ändra konton som du administrerar.")
    if account.status == AccountStatus.CLOSED.value:
        flash("Kontot är stängt och kan inte längre ändras.", "error")
        return redirect(url_for("accounts.detail", account_id=account.id))
    form = AccountForm(obj=account if request.method == "GET" else None)
    form.set_user_choices(_selectable_users(account.responsible, *account.admins))
    if request.method == "GET":
        form.responsible.data = str(account.responsible_id) if account.responsible_id else ""
        form.admins.data = [str(u.id) for u in account.admins]
    if form.validate_on_submit():
        try:
            changes = services.update_account(get_session(), current_user, account, _form_data(form))
        except ValidationFailed as error:
            form.form_errors.append(error.message)
        else:
            flash("Ändringarna är sparade." if changes else "Inget ändrades.", "success" if changes else "info")
            return redirect(url_for("accounts.detail", account_id=account.id))
    status = 400 if request.method == "POST" else 200
    return render_template("accounts/form.html", form=form, account=account), status


@bp.route("/konton/<int:account_id>/aktivitet", methods=["POST"])
@allow(*MANAGERS, Role.ACCOUNT_ADMIN)
def record_activity(account_id: int):
    account = _get_account(account_id)
    services.record_activity(get_session(), current_user, account)
    flash("Kontot är markerat som aktivt i dag.", "success")
    return redirect(url_for("accounts.detail", account_id=account.id))


@bp.route("/konton/<int:account_id>/foresla-stangning", methods=["POST"])
@allow(*ANY_ROLE)
def propose_closure(account_id: int):
    # Any role may administer an account, so the object rule (can_propose_closure) decides.
    account = _get_account(account_id)
    access.require(access.can_propose_closure(current_user, account),
                   "Bara kommunikationsenheten och kontots administratörer kan föreslå att kontot stängs.")
    form = ReasonForm(prefix="propose")
    if form.validate_on_submit():
        try:
            services.propose_closure(get_session(), current_user, account, form.reason.data)
        except InvalidTransition as error:
            flash(error.message, "error")
            return _render_detail(account, status=error.status)
        except ValidationFailed as error:
            form.reason.errors.append(error.message)
        else:
            flash("Förslaget att stänga kontot är registrerat och väntar på kommunikationschefens beslut.",
                  "success")
            return redirect(url_for("accounts.detail", account_id=account.id))
    return _render_detail(account, propose_form=form, status=400)


@bp.route("/konton/<int:account_id>/besluta-stangning", methods=["POST"])
@allow(Role.COMMS_CHIEF)
def decide_closure(account_id: int):
    account = _get_account(account_id)
    form = DecisionForm(prefix="decision")
    if form.validate_on_submit():
        session = get_session()
        try:
            if form.decline.data:
                services.decline_closure(session, current_user, account, form.reason.data)
                message = "Förslaget är avslaget. Kontot fortsätter att vara aktivt."
            else:
                services.decide_closure(session, current_user, account, form.reason.data,
                                        shut_down=form.shut_down.data)
                message = ("Beslutet är registrerat och kontot är markerat som stängt."
                           if form.shut_down.data else
                           "Beslutet är registrerat. Kontot är under avveckling tills det är nedstängt "
                           "på plattformen.")
        except InvalidTransition as error:
            flash(error.message, "error")
            return _render_detail(account, status=error.status)
        except ValidationFailed as error:
            form.reason.errors.append(error.message)
        else:
            flash(message, "success")
            return redirect(url_for("accounts.detail", account_id=account.id))
    return _render_detail(account, decision_form=form, status=400)


@bp.route("/konton/<int:account_id>/markera-stangt", methods=["POST"])
@allow(*COMMS_UNIT)
def mark_closed(account_id: int):
    account = _get_account(account_id)
    try:
        services.mark_closed(get_session(), current_user, account)
    except InvalidTransition as error:
        flash(error.message, "error")
        return _render_detail(account, status=error.status)
    flash("Kontot är markerat som stängt och finns inte längre i den publika listan.", "success")
    return redirect(url_for("accounts.detail", account_id=account.id))


@bp.route("/konton")
@public
def public_list():
    response = Response(render_template("accounts/public_list.html",
                                        accounts=services.public_list(get_session())))
    response.headers["Cache-Control"] = PUBLIC_CACHE
    return response


@bp.route("/konton.json")
@public
def public_list_json():
    response = jsonify([a.to_dict() for a in services.public_list(get_session())])
    response.headers["Cache-Control"] = PUBLIC_CACHE
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def _csv_cell(value: str) -> str:
    """Return the value safe to open in a spreadsheet: a leading =, +, - or control character starts no formula."""
    # "@" is left alone: handles such as @alekommun begin with it.
    return "'" + value if value[:1] in ("=", "+", "-", "\t", "\r") else value


@bp.route("/konton.csv")
@public
def public_list_csv():
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Plattform", "Namn", "Länk", "Syfte", "Ansvarig enhet", "Status"])
    for a in services.public_list(get_session()):
        writer.writerow([_csv_cell(v) for v in (a.platform_label, a.name, a.link, a.purpose, a.unit, a.status_label)])
    # The BOM makes Swedish Excel read the file as UTF-8.
    response = Response("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response.headers["Content-Disposition"] = 'attachment; filename="ale-kommun-sociala-medier.csv"'
    response.headers["Cache-Control"] = PUBLIC_CACHE
    return response
