"""The review queue, the review page, and the submit/approve/send back/comment/publish actions."""
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user

from aledraft.access import WRITERS, Role, allow, can_approve, can_edit_draft, can_publish
from aledraft.db import get_session, utcnow
from aledraft.drafts import services as drafts
from aledraft.drafts.services import active_consents
from aledraft.drafts.forms import to_utc
from aledraft.drafts.views import group_findings
from aledraft.errors import DomainError, InvalidTransition, NotPermitted, StaleVersion
from aledraft.models import DraftState
from aledraft.review import services
from aledraft.review.forms import ApproveForm, CommentForm, PublishForm

bp = Blueprint("review", __name__)

APPROVERS = (Role.REVIEWER, Role.COMMS_CHIEF, Role.ACCOUNT_ADMIN)


@bp.app_template_filter("waited")
def waited(since, now=None) -> str:
    """Format how long ago `since` was, in Swedish: "45 min", "3 tim 20 min", "2 dygn 4 tim"."""
    minutes = max(int(((now or utcnow()) - since).total_seconds() // 60), 0)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return f"{days} dygn {hours} tim"
    if hours:
        return f"{hours} tim {minutes} min"
    return f"{minutes} min"


@bp.route("/granskning")
@allow(*APPROVERS)
def queue():
    session = get_session()
    drafts_waiting = services.review_queue(session, current_user)
    return render_template("review/queue.html", drafts=drafts_waiting, now=utcnow(),
                           texts=drafts.current_texts(session, drafts_waiting))


def _review_context(session, draft, *, approve_form=None, comment_form=None, send_back_form=None):
    version = drafts.current_version(session, draft)
    findings = drafts.draft_findings(session, draft)
    report = drafts.version_report(version)
    return {
        "draft": draft, "version": version, "findings": findings, "groups": group_findings(findings),
        "blocking": [f for f in findings if f["blocking"]], "readability": report.get("readability"),
        "limit": drafts.platform_limit(draft.account), "consents": active_consents(session, draft),
        "comments": services.comments(session, draft), "approval": drafts.valid_approval(session, draft),
        "may_approve": can_approve(current_user, draft) and draft.state == DraftState.IN_REVIEW.value,
        "approve_form": approve_form or ApproveForm(version=str(draft.version)),
        "comment_form": comment_form or CommentForm(prefix="comment"),
        "send_back_form": send_back_form or CommentForm(prefix="sendback"),
        "now": utcnow(),
    }


def _refused(session, draft_id: int, error, **forms):
    """Undo the refused action and show the review page again with the message and the forms as sent."""
    session.rollback()
    flash(error.message, "error")
    draft = drafts.get_draft(session, draft_id, current_user)
    return render_template("review/show.html", **_review_context(session, draft, **forms)), error.status


@bp.route("/utkast/<int:draft_id>/granskning")
@allow(*WRITERS)
def show(draft_id: int):
    session = get_session()
    draft = drafts.get_draft(session, draft_id, current_user)
    return render_template("review/show.html", **_review_context(session, draft))


@bp.route("/utkast/<int:draft_id>/skicka", methods=["POST"])
@allow(*WRITERS)
def submit(draft_id: int):
    session = get_session()
    draft = drafts.get_draft(session, draft_id, current_user)
    try:
        services.submit(session, draft, current_user)
    except (InvalidTransition, NotPermitted) as error:
        flash(error.message, "error")
        return redirect(url_for("drafts.edit", draft_id=draft_id))
    blocks = services.blocking_findings(session, draft)
    flash("Utkastet är skickat till granskning.", "success")
    if blocks:
        flash(f"Obs! {len(blocks)} blockerande markering(ar) återstår. Granskaren ser dem, och de måste "
              "åtgärdas, täckas av samtycke eller få ett motiverat undantag innan utkastet kan godkännas.",
              "warning")
    return redirect(url_for("drafts.edit", draft_id=draft_id))


def _overrides_from_form(form) -> list[dict]:
    """Read override-<n>-rule/-start/-reason fields; only those with a reason are overrides."""
    overrides = []
    for key in form:
        if key.startswith("override-") and key.endswith("-reason"):
            prefix = key[: -len("reason")]
            reason = form.get(key, "").strip()
            if reason:
                overrides.append({"rule": form.get(prefix + "rule", ""), "start": form.get(prefix + "start", ""),
                                  "reason": reason})
    return overrides


@bp.route("/utkast/<int:draft_id>/godkann", methods=["POST"])
@allow(*APPROVERS)
def approve(draft_id: int):
    session = get_session()
    draft = drafts.get_draft(session, draft_id, current_user)
    form = ApproveForm()
    try:
        version = int(form.version.data or 0)
    except ValueError:
        version = -1
    try:
        services.approve(session, draft, version, current_user, _overrides_from_form(request.form))
    except StaleVersion as error:
        session.rollback()
        flash(error.message, "error")
        return redirect(url_for("review.show", draft_id=draft_id))
    except DomainError as error:
        return _refused(session, draft_id, error, approve_form=form)
    flash("Utkastet är godkänt. Skribenten har fått besked.", "success")
    return redirect(url_for("review.queue"))


@bp.route("/utkast/<int:draft_id>/skicka-tillbaka", methods=["POST"])
@allow(*APPROVERS)
def send_back(draft_id: int):
    session = get_session()
    draft = drafts.get_draft(session, draft_id, current_user)
    form = CommentForm(prefix="sendback")
    try:
        services.send_back(session, draft, current_user, form.body.data or "")
    except DomainError as error:
        return _refused(session, draft_id, error, send_back_form=form)
    flash("Utkastet är skickat tillbaka till skribenten med din kommentar.", "success")
    return redirect(url_for("review.queue"))


@bp.route("/utkast/<int:draft_id>/kommentarer", methods=["POST"])
@allow(*WRITERS)
def comment(draft_id: int):
    session = get_session()
    draft = drafts.get_draft(session, draft_id, current_user)
    form = CommentForm(prefix="comment")
    try:
        services.add_comment(session, draft, current_user, form.body.data or "")
    except DomainError as error:
        return _refused(session, draft_id, error, comment_form=form)
    flash("Kommentaren är sparad.", "success")
    back = "drafts.edit" if request.form.get("tillbaka") == "editor" else "review.show"
    return redirect(url_for(back, draft_id=draft_id) + "#kommentarer")


@bp.route("/utkast/<int:draft_id>/publicera", methods=["GET", "POST"])
@allow(*WRITERS)
def publish(draft_id: int):
    session = get_session()
    draft = drafts.get_draft(session, draft_id, current_user)
    form = PublishForm()
    approval = drafts.valid_approval(session, draft)
    status = 200
    if form.validate_on_submit():
        try:
            services.publish(session, draft, current_user, url=form.url.data,
                             published_at=to_utc(form.published_at.data))
        except DomainError as error:
            session.rollback()
            flash(error.message, "error")
            draft = drafts.get_draft(session, draft_id, current_user)
            approval = drafts.valid_approval(session, draft)
            status = error.status
        else:
            flash("Utkastet är markerat som publicerat.", "success")
            return redirect(url_for("drafts.edit", draft_id=draft_id))
    elif request.method == "POST":
        status = 400
    return render_template("review/publish.html", draft=draft, form=form, approval=approval,
                           version=drafts.current_version(session, draft),
                           may_publish=can_publish(current_user, draft),
                           can_edit=can_edit_draft(current_user, draft)), status
