"""The editor (works without JavaScript), version history with diffs, autosave and /api/analyze."""
from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from wtforms import SelectChoice

from aledraft.access import WRITERS, allow, can_edit_draft, can_publish, is_comms_unit
from aledraft.db import get_session, utcnow
from aledraft.drafts import services
from aledraft.drafts.services import active_consents
from aledraft.drafts.forms import DraftForm, to_local
from aledraft.errors import NotFound, StaleVersion, ValidationFailed
from aledraft.models import Account, AccountStatus, Draft, DraftState, Platform

bp = Blueprint("drafts", __name__)

SEVERITIES = (("block", "Måste åtgärdas"), ("warn", "Bör ses över"), ("info", "Tips"))


def _writable_accounts(session):
    return session.scalars(
        select(Account).where(Account.status == AccountStatus.ACTIVE.value).order_by(Account.name, Account.platform)
    ).all()


def _account_choices(accounts):
    """Each option carries its platform and limit, so the editor's checks follow a change of account."""
    return [
        SelectChoice(a.id, f"{a.name} ({Platform(a.platform).label})", render_kw={
            "data-platform": services.analyzer_platform(a) or "",
            "data-limit": services.platform_limit(a) or "",
        })
        for a in accounts
    ]


def _spokesperson_choices(session, draft=None):
    choices = [SelectChoice("", "Ingen")]
    current = services.active_spokespersons(session, utcnow().date())
    for s in current:
        choices.append(SelectChoice(str(s.id), f"{s.display_name}, {s.title}" if s.title else s.display_name))
    if draft is not None and draft.spokesperson is not None and all(s.id != draft.spokesperson_id for s in current):
        # A signature chosen earlier whose appointment has ended: shown so the author sees it must change.
        choices.append(SelectChoice(str(draft.spokesperson_id), f"{draft.spokesperson.display_name} (inte längre utsedd)"))
    return choices


def group_findings(findings: list[dict]) -> list[dict]:
    """Group finding dicts by severity, block first, for the templates."""
    return [{"severity": code, "label": label, "items": [f for f in findings if f.get("severity") == code]}
            for code, label in SEVERITIES]


def list_drafts(session, user, *, scope: str = "mine", state: str = "") -> list[Draft]:
    """Return the user's own drafts, or (scope "all") every draft the user may see, newest first."""
    statement = select(Draft).order_by(Draft.updated_at.desc(), Draft.id.desc())
    if state:
        statement = statement.where(Draft.state == state)
    if scope != "all":
        return list(session.scalars(statement.where(Draft.author_id == user.id)))
    from aledraft.access import can_view_draft

    return [d for d in session.scalars(statement) if can_view_draft(user, d)]


@bp.route("/utkast")
@allow(*WRITERS)
def index():
    session = get_session()
    scope = "all" if request.args.get("visa") == "alla" else "mine"
    state = request.args.get("status", "")
    if state and state not in {s.value for s in DraftState}:
        state = ""
    drafts = list_drafts(session, current_user, scope=scope, state=state)
    return render_template("drafts/index.html", drafts=drafts, scope=scope, state=state,
                           texts=services.current_texts(session, drafts),
                           states=list(DraftState), may_see_all=is_comms_unit(current_user)
                           or current_user.has_role("kontoansvarig"))


def _editor_context(session, draft, form, *, conflict=None):
    version = services.current_version(session, draft)
    findings = services.draft_findings(session, draft)
    report = services.version_report(version)
    text = version.text if version else ""
    return {
        "draft": draft, "form": form, "version": version, "findings": findings,
        "groups": group_findings(findings), "readability": report.get("readability"),
        "char_count": len(text), "limit": services.platform_limit(draft.account), "preview_text": text,
        "platform": services.analyzer_platform(draft.account) or "", "account": draft.account,
        "can_edit": can_edit_draft(current_user, draft) and draft.state != DraftState.PUBLISHED.value,
        "can_publish": can_publish(current_user, draft),
        "autosave": services.pending_autosave(session, current_user, draft=draft)
        if can_edit_draft(current_user, draft) else None,
        "consents": active_consents(session, draft),
        "comments": _comments(session, draft), "conflict": conflict,
        "blocking_count": sum(1 for f in findings if f["blocking"]),
        "autosave_url": url_for("drafts.autosave", draft_id=draft.id),
    }


def _comments(session, draft):
    from aledraft.review.services import comments

    return comments(session, draft)


@bp.route("/utkast/ny", methods=["GET", "POST"])
@allow(*WRITERS)
def new():
    session = get_session()
    accounts = _writable_accounts(session)
    form = DraftForm()
    form.account.choices = _account_choices(accounts)
    form.spokesperson.choices = _spokesperson_choices(session)
    status = 200
    if request.method == "GET":
        wanted = request.args.get("konto", type=int) or request.args.get("account", type=int)
        if wanted and any(a.id == wanted for a in accounts):
            form.account.data = wanted
    account = next((a for a in accounts if a.id == form.account.data), accounts[0] if accounts else None)
    autosave = services.pending_autosave(session, current_user, account=account) if account else None
    if request.method == "GET" and autosave is not None and request.args.get("aterstall"):
        form.text.data = autosave.text
    if form.validate_on_submit():
        try:
            draft = services.create_draft(session, current_user, account, form.text.data or "", **form.metadata())
        except ValidationFailed as error:
            flash(error.message, "error")
            status = 400
        else:
            flash("Utkastet är sparat som version 1. Se markeringarna nedan.", "success")
            return redirect(url_for("drafts.edit", draft_id=draft.id))
    elif request.method == "POST":
        status = 400
    return render_template(
        "drafts/new.html", form=form, accounts=accounts, account=account, autosave=autosave,
        platform=services.analyzer_platform(account) if account else "",
        limit=services.platform_limit(account) if account else None,
        autosave_url=url_for("drafts.autosave_new", account=account.id) if account else "",
    ), status


def _fill_form_from_draft(form, draft, version):
    form.text.data = version.text if version else ""
    form.base_version.data = str(draft.version)
    form.reply_to_text.data = draft.reply_to_text
    form.reply_to_url.data = draft.reply_to_url
    form.question_received_at.data = to_local(draft.question_received_at)
    form.spokesperson.data = str(draft.spokesperson_id) if draft.spokesperson_id else ""
    form.planned_at.data = to_local(draft.planned_at)


@bp.route("/utkast/<int:draft_id>", methods=["GET", "POST"])
@allow(*WRITERS)
def edit(draft_id: int):
    session = get_session()
    draft = services.get_draft(session, draft_id, current_user)
    form = DraftForm()
    form.account.choices = [SelectChoice(draft.account_id, draft.account.name)]
    form.spokesperson.choices = _spokesperson_choices(session, draft)
    if request.method == "GET":
        _fill_form_from_draft(form, draft, services.current_version(session, draft))
        autosave = services.pending_autosave(session, current_user, draft=draft) if can_edit_draft(current_user, draft) else None
        if autosave is not None and request.args.get("aterstall"):
            form.text.data = autosave.text
            form.base_version.data = str(autosave.base_version)
            flash("Den automatiskt sparade texten är återställd i rutan. Spara för att behålla den.", "info")
        return render_template("drafts/edit.html", **_editor_context(session, draft, form))
    if not form.validate_on_submit():
        return render_template("drafts/edit.html", **_editor_context(session, draft, form)), 400
    try:
        base_version = int(form.base_version.data or 0)
    except ValueError:
        base_version = -1
    try:
        before = draft.version
        was_approved = draft.state == DraftState.APPROVED.value
        version = services.save_version(session, draft, form.text.data or "", base_version, current_user,
                                        **form.metadata())
    except StaleVersion as error:
        # Nothing is lost: the page shows both texts and lets the writer save theirs on top.
        session.rollback()
        draft = services.get_draft(session, draft_id, current_user)
        current = services.current_version(session, draft)
        mine = services.normalize_text(form.text.data or "")
        form.base_version.data = str(draft.version)
        form.text.data = mine
        conflict = {"message": error.message, "mine": mine, "current": current.text if current else "",
                    "current_version": draft.version, "author": current.author.name if current else "",
                    "saved_at": current.created_at if current else None,
                    "diff": services.diff_versions(current.text if current else "", mine)}
        return render_template("drafts/edit.html", **_editor_context(session, draft, form, conflict=conflict)), 409
    except ValidationFailed as error:
        flash(error.message, "error")
        return render_template("drafts/edit.html", **_editor_context(session, draft, form)), 400
    if version.number == before:
        flash("Texten är oförändrad; uppgifterna är sparade.", "info")
    else:
        flash(f"Sparat som version {version.number}.", "success")
        if was_approved:
            flash("Texten ändrades efter godkännandet. Utkastet är nu ett utkast igen och måste granskas på nytt.",
                  "warning")
    return redirect(url_for("drafts.edit", draft_id=draft.id) + "#findings")


@bp.route("/utkast/<int:draft_id>/versioner")
@allow(*WRITERS)
def history(draft_id: int):
    session = get_session()
    draft = services.get_draft(session, draft_id, current_user)
    versions = list(reversed(draft.versions))
    newest = draft.version
    to_number = request.args.get("till", type=int) or newest
    from_number = request.args.get("fran", type=int) or max(to_number - 1, 1)
    try:
        old = services.get_version(session, draft, from_number)
        new = services.get_version(session, draft, to_number)
    except NotFound:
        abort(404)
    return render_template("drafts/history.html", draft=draft, versions=versions, old=old, new=new,
                           diff=services.diff_versions(old.text, new.text))


def _json_body() -> dict:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise ValidationFailed("Skicka ett JSON-objekt.")
    return data


def _autosave_answer(autosave):
    return jsonify({"saved_at": autosave.saved_at.isoformat(), "base_version": autosave.base_version,
                    "length": len(autosave.text)})


def _too_long(text) -> bool:
    return isinstance(text, str) and len(services.normalize_text(text)) > services.MAX_TEXT_LENGTH


def _text_too_long_response():
    return jsonify({"error": {"code": "text_too_long",
                              "message": f"Texten är för lång. Högst {services.MAX_TEXT_LENGTH} tecken kan sparas.",
                              "max_length": services.MAX_TEXT_LENGTH}}), 413


@bp.route("/utkast/<int:draft_id>/autosave", methods=["POST"])
@allow(*WRITERS)
def autosave(draft_id: int):
    session = get_session()
    draft = services.get_draft(session, draft_id, current_user)
    data = _json_body()
    text = data.get("text")
    if not isinstance(text, str):
        raise ValidationFailed("Fältet text saknas.")
    if _too_long(text):
        return _text_too_long_response()
    base_version = data.get("base_version", draft.version)
    if not isinstance(base_version, int) or isinstance(base_version, bool):
        raise ValidationFailed("base_version måste vara ett heltal.")
    return _autosave_answer(services.store_autosave(session, current_user, text, base_version, draft=draft))


@bp.route("/utkast/ny/autosave", methods=["POST"])
@allow(*WRITERS)
def autosave_new():
    session = get_session()
    account = session.get(Account, request.args.get("account", type=int) or 0)
    if account is None:
        raise NotFound("Kontot finns inte.")
    data = _json_body()
    text = data.get("text")
    if not isinstance(text, str):
        raise ValidationFailed("Fältet text saknas.")
    if _too_long(text):
        return _text_too_long_response()
    return _autosave_answer(services.store_autosave(session, current_user, text, 0, account=account))


@bp.route("/api/analyze", methods=["POST"])
@allow(*WRITERS)
def analyze():
    """Analyse the editor's text: {"text", "platform", optional "draft_id"} → the report."""
    data = _json_body()
    text = data.get("text")
    platform = data.get("platform") or None
    if not isinstance(text, str):
        raise ValidationFailed("Fältet text saknas eller är inte en sträng.")
    if platform is not None and platform not in services.ANALYZER_PLATFORMS:
        raise ValidationFailed("Okänd plattform. Använd facebook, instagram, x, linkedin eller null.")
    if len(text) > services.MAX_TEXT_LENGTH:
        return _text_too_long_response()
    report = services.analysis_report(text, platform)
    draft_id = data.get("draft_id")
    if isinstance(draft_id, int) and not isinstance(draft_id, bool):
        # With a draft, findings say whether a recorded consent covers them.
        session = get_session()
        draft = services.get_draft(session, draft_id, current_user)
        report["findings"] = services.findings_with_consent(report.get("findings", []),
                                                            active_consents(session, draft))
    return jsonify(report)
