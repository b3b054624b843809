"""Pages of the moderation register (borttaget innehåll), its exports and screenshots."""
from datetime import datetime

from flask import Blueprint, Response, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import SelectChoice

from aledraft.access import Role, allow
from aledraft.db import get_session, utcnow
from aledraft.errors import NotFound, ValidationFailed
from aledraft.models import RemovalReason
from aledraft.moderation import services
from aledraft.moderation.forms import RegisterForm, RemovalForm
from aledraft.web import LOCAL_TZ

bp = Blueprint("moderation", __name__, url_prefix="/moderering")

#: The communications unit and account admins (the latter for their own accounts only).
MODERATORS = (Role.REVIEWER, Role.COMMS_CHIEF, Role.ACCOUNT_ADMIN)


def _filtered_entries():
    session = get_session()
    accounts = services.moderated_accounts(session, current_user)
    filters = services.parse_filters(request.args, accounts, services.account_ids(session))
    return accounts, filters, services.list_entries(session, current_user, filters)


@bp.route("")
@allow(*MODERATORS)
def index():
    accounts, filters, entries = _filtered_entries()
    return render_template("moderation/index.html", accounts=accounts, filters=filters, entries=entries,
                           export_query=filters.as_query(), RemovalReason=RemovalReason)


def _local(value: datetime | None) -> datetime | None:
    """Turn a naive datetime typed in local time into an aware one."""
    return value.replace(tzinfo=LOCAL_TZ) if value is not None else None


@bp.route("/ny", methods=["GET", "POST"])
@allow(*MODERATORS)
def new():
    session = get_session()
    accounts = services.moderated_accounts(session, current_user)
    form = RemovalForm()
    form.account.choices = [SelectChoice(a.id, f"{a.name} ({a.platform_enum.label})") for a in accounts]
    if request.method == "GET":
        form.removed_at.data = utcnow().astimezone(LOCAL_TZ).replace(second=0, microsecond=0, tzinfo=None)
    suggestion = None
    if form.is_submitted() and form.check.data:
        # "Kontrollera text": run the checker and show the form again with its suggestion.
        form.validate()  # fill in field errors, but this step never saves
        suggestion = services.suggest_reason(form.removed_text.data or "")
        if suggestion.reason is not None and not form.reason.data:
            form.reason.data = suggestion.reason.value
        for field in form:
            if field.name not in ("removed_text",):
                field.errors = []
    elif form.validate_on_submit():
        account = next(a for a in accounts if a.id == form.account.data)
        upload = request.files.get(form.screenshot.name)
        data = upload.read() if upload is not None and upload.filename else None
        try:
            entry = services.record_removal(
                session, current_user, account=account, removed_at=_local(form.removed_at.data),
                published_at=_local(form.published_at.data), removed_text=form.removed_text.data,
                reason=RemovalReason(form.reason.data), reason_explanation=form.reason_explanation.data,
                author_handle=form.author_handle.data, led_to_action=form.led_to_action.data,
                screenshot=data, screenshot_max_bytes=current_app.config["SCREENSHOT_MAX_BYTES"], now=utcnow())
        except ValidationFailed as error:
            flash(error.message, "error")
            return render_template("moderation/new.html", form=form, accounts=accounts, suggestion=None), 400
        flash("Det borttagna innehållet är dokumenterat i registret.", "success")
        return redirect(url_for("moderation.show", entry_id=entry.id))
    status = 400 if form.is_submitted() and not form.check.data else 200
    return render_template("moderation/new.html", form=form, accounts=accounts, suggestion=suggestion), status


@bp.route("/<int:entry_id>")
@allow(*MODERATORS)
def show(entry_id: int):
    entry = services.get_entry(get_session(), current_user, entry_id)
    form = RegisterForm(formdata=None, diarienummer=entry.diarienummer)
    return render_template("moderation/show.html", entry=entry, form=form, RemovalReason=RemovalReason)


@bp.route("/<int:entry_id>/registrera", methods=["POST"])
@allow(*MODERATORS)
def register(entry_id: int):
    session = get_session()
    entry = services.get_entry(session, current_user, entry_id)
    form = RegisterForm()
    if not form.validate_on_submit():
        return render_template("moderation/show.html", entry=entry, form=form, RemovalReason=RemovalReason), 400
    services.register_entry(session, current_user, entry, form.diarienummer.data, utcnow())
    flash(f"Posten är registrerad med diarienummer {entry.diarienummer}.", "success")
    return redirect(url_for("moderation.show", entry_id=entry.id))


@bp.route("/<int:entry_id>/atgard", methods=["POST"])
@allow(*MODERATORS)
def led_to_action(entry_id: int):
    session = get_session()
    entry = services.get_entry(session, current_user, entry_id)
    services.mark_led_to_action(session, current_user, entry)
    flash("Posten är markerad som att den ledde till en åtgärd. Den gallras aldrig.", "success")
    return redirect(url_for("moderation.show", entry_id=entry.id))


@bp.route("/<int:entry_id>/skarmbild")
@allow(*MODERATORS)
def screenshot(entry_id: int):
    entry = services.get_entry(get_session(), current_user, entry_id)
    if entry.screenshot is None:
        raise NotFound("Posten har ingen skärmbild.")
    shot = entry.screenshot
    extension = "png" if shot.mime_type == "image/png" else "jpg"
    # Stored images are re-encoded PNG or JPEG only; the type comes from our own sniffing.
    response = Response(shot.data, mimetype=shot.mime_type)
    response.headers["Content-Disposition"] = f'inline; filename="skarmbild-{entry.id}.{extension}"'
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    return response


def _export_name(filters: services.Filters, extension: str) -> str:
    parts = ["borttaget-innehall"]
    if filters.date_from:
        parts.append(f"fran-{filters.date_from.isoformat()}")
    if filters.date_to:
        parts.append(f"till-{filters.date_to.isoformat()}")
    if filters.account_id:
        parts.append(f"konto-{filters.account_id}")
    return "-".join(parts) + "." + extension


def _no_store(response: Response, filename: str) -> Response:
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.route("/export.csv")
@allow(*MODERATORS)
def export_csv():
    _, filters, entries = _filtered_entries()
    body = services.export_csv(services.export_rows(entries))
    return _no_store(Response(body, content_type="text/csv; charset=utf-8"), _export_name(filters, "csv"))


@bp.route("/export.xlsx")
@allow(*MODERATORS)
def export_xlsx():
    accounts, filters, entries = _filtered_entries()
    about = services.export_about(filters, accounts, current_user, utcnow())
    body = services.export_xlsx(services.export_rows(entries), about)
    return _no_store(
        Response(body, mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        _export_name(filters, "xlsx"))
