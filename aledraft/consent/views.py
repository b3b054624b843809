"""The consent register (samtycken): record, list and withdraw consents."""
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user

from aledraft.access import WRITERS, allow
from aledraft.db import get_session, utcnow
from aledraft.drafts import services as drafts
from aledraft.drafts.consent import can_withdraw, consent_register, record_consent, withdraw_consent
from aledraft.drafts.forms import ConsentForm, WithdrawConsentForm
from aledraft.errors import DomainError, NotFound, NotPermitted
from aledraft.models import Account, Consent, ConsentMethod, DraftState

bp = Blueprint("consent", __name__)


@bp.route("/samtycken")
@allow(*WRITERS)
def register():
    session = get_session()
    filters = {
        "person": request.args.get("namn", "").strip(),
        "status": request.args.get("status", "") if request.args.get("status") in ("active", "withdrawn") else "",
        "method": request.args.get("metod", "") if request.args.get("metod") in {m.value for m in ConsentMethod} else "",
        "account_id": request.args.get("konto", type=int),
    }
    consents = consent_register(session, current_user, **filters)
    accounts = session.query(Account).order_by(Account.name).all()
    return render_template("consent/register.html", consents=consents, filters=filters, accounts=accounts,
                           methods=list(ConsentMethod), withdraw_form=WithdrawConsentForm(),
                           can_withdraw=lambda c: can_withdraw(current_user, c), DraftState=DraftState)


@bp.route("/utkast/<int:draft_id>/samtycke", methods=["GET", "POST"])
@allow(*WRITERS)
def record(draft_id: int):
    session = get_session()
    draft = drafts.get_draft(session, draft_id, current_user)
    form = ConsentForm()
    status = 200
    if request.method == "GET":
        form.person_name.data = request.args.get("namn", "")[:200]
        form.given_on.data = utcnow().date()
    elif form.validate_on_submit():
        try:
            consent = record_consent(session, draft, current_user, person_name=form.person_name.data,
                                     method=form.method.data, given_on=form.given_on.data,
                                     reference=form.reference.data or "")
        except DomainError as error:
            session.rollback()
            flash(error.message, "error")
            draft = drafts.get_draft(session, draft_id, current_user)
            status = error.status
        else:
            flash(f"Samtycket från {consent.person_name} är registrerat.", "success")
            return redirect(url_for("drafts.edit", draft_id=draft_id) + "#findings")
    else:
        status = 400
    person_findings = [f for f in drafts.draft_findings(session, draft) if f.get("category") in drafts.CONSENT_CATEGORIES]
    return render_template("consent/record.html", draft=draft, form=form, person_findings=person_findings), status


@bp.route("/samtycken/<int:consent_id>/aterkalla", methods=["POST"])
@allow(*WRITERS)
def withdraw(consent_id: int):
    session = get_session()
    consent = session.get(Consent, consent_id)
    if consent is None:
        raise NotFound("Samtycket finns inte.")
    drafts.get_draft(session, consent.draft_id, current_user)  # NotPermitted unless the user may see it
    form = WithdrawConsentForm()
    try:
        withdraw_consent(session, consent, current_user, form.note.data or "")
    except NotPermitted:
        raise
    except DomainError as error:
        session.rollback()
        flash(error.message, "error")
        return redirect(url_for("consent.register"))
    draft = consent.draft
    flash(f"Samtycket från {consent.person_name} är återkallat.", "success")
    if draft.state == DraftState.PUBLISHED.value:
        flash("Inlägget är redan publicerat. Ta bort det från kontot och registrera borttagningen "
              "i modereringsregistret.", "warning")
    elif draft.state == DraftState.DRAFT.value:
        flash("Utkastet blockeras igen för namnet tills nytt samtycke eller ett motiverat undantag finns.", "warning")
    return redirect(url_for("consent.register"))
