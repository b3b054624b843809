"""Review pages: queue with waiting times, the review page, approve/send back/publish through forms."""
from datetime import timedelta

from sqlalchemy import select

from aledraft.access import Role
from aledraft.db import utcnow
from aledraft.models import Account, Approval, Draft, DraftState
from tests.helpers import login_as



def test_submit_from_the_editor_warns_about_blocks(client, session, make_draft, author, account):
    draft = make_draft(author, account, "Grattis Anna Svensson!")
    login_as(client, author)
    response = client.post(f"/utkast/{draft.id}/skicka", follow_redirects=True)
    html = response.get_data(as_text=True)
    assert "skickat till granskning" in html and "1 blockerande markering(ar) återstår" in html
    session.commit()
    assert session.get(Draft, draft.id).state == DraftState.IN_REVIEW.value


def test_queue_shows_waiting_time_and_not_own_drafts(client, session, make_draft, author, reviewer, account):
    waiting = make_draft(author, account, "Väntar.", state=DraftState.IN_REVIEW)
    own = make_draft(reviewer, account, "Mitt eget.", state=DraftState.IN_REVIEW)
    waiting.submitted_at = utcnow() - timedelta(hours=3, minutes=5)
    session.commit()
    login_as(client, reviewer)
    html = client.get("/granskning").get_data(as_text=True)
    assert f"Granska utkast {waiting.id}" in html and f"Granska utkast {own.id}" not in html
    assert "3 tim 5 min" in html or "3 tim 4 min" in html


def test_author_sees_no_approve_form_on_own_draft(client, make_user, make_draft, account):
    author = make_user(roles=[Role.REVIEWER])
    draft = make_draft(author, account, state=DraftState.IN_REVIEW)
    login_as(client, author)
    html = client.get(f"/utkast/{draft.id}/granskning").get_data(as_text=True)
    assert "Godkänn version" not in html and "någon annan måste granska det" in html
    assert client.post(f"/utkast/{draft.id}/godkann", data={"version": "1"}).status_code == 403


def test_approve_with_override_reason_through_the_form(client, session, make_draft, author, reviewer, account):
    draft = make_draft(author, account, "Grattis Anna Svensson!", state=DraftState.IN_REVIEW)
    login_as(client, reviewer)
    html = client.get(f"/utkast/{draft.id}/granskning").get_data(as_text=True)
    assert 'name="override-1-reason"' in html and "Exakt text (version 1)" in html
    response = client.post(f"/utkast/{draft.id}/godkann", data={
        "version": "1", "override-1-rule": "pii.person_name", "override-1-start": "8", "override-1-reason": ""})
    assert response.status_code == 400
    assert "blockerande markeringar" in response.get_data(as_text=True)
    response = client.post(f"/utkast/{draft.id}/godkann", data={
        "version": "1", "override-1-rule": "pii.person_name", "override-1-start": "8",
        "override-1-reason": "Pristagaren har själv gått ut med nyheten."})
    assert response.status_code == 302
    session.commit()
    approval = session.scalars(select(Approval)).one()
    assert approval.overrides[0].reason == "Pristagaren har själv gått ut med nyheten."


def test_approving_an_old_version_tells_the_reviewer(client, session, make_draft, author, reviewer, account):
    draft = make_draft(author, account, "Ett.", state=DraftState.IN_REVIEW)
    login_as(client, author)
    client.post(f"/utkast/{draft.id}", data={"text": "Två.", "base_version": "1"})
    client.post("/logout")
    login_as(client, reviewer)
    response = client.post(f"/utkast/{draft.id}/godkann", data={"version": "1"}, follow_redirects=True)
    assert "Granska den nya versionen 2" in response.get_data(as_text=True)
    session.commit()
    assert session.get(Draft, draft.id).state == DraftState.IN_REVIEW.value


def test_send_back_requires_a_comment(client, session, make_draft, author, reviewer, account):
    draft = make_draft(author, account, state=DraftState.IN_REVIEW)
    login_as(client, reviewer)
    assert client.post(f"/utkast/{draft.id}/skicka-tillbaka", data={"sendback-body": " "}).status_code == 400
    response = client.post(f"/utkast/{draft.id}/skicka-tillbaka", data={"sendback-body": "Lägg till öppettider."})
    assert response.status_code == 302
    client.post("/logout")
    login_as(client, author)
    html = client.get(f"/utkast/{draft.id}").get_data(as_text=True)
    assert "Tillbakaskickat" in html and "Lägg till öppettider." in html


def test_publish_page_offers_the_exact_approved_text_and_marks_published(client, session, make_draft, author,
                                                                         reviewer, account):
    draft = make_draft(author, account, "Godkänd <text> & mer.", state=DraftState.IN_REVIEW)
    login_as(client, reviewer)
    client.post(f"/utkast/{draft.id}/godkann", data={"version": "1"})
    client.post("/logout")
    login_as(client, author)
    html = client.get(f"/utkast/{draft.id}/publicera").get_data(as_text=True)
    assert "Kopiera godkänd text" in html
    assert 'readonly rows="10" aria-describedby="approved-hint">Godkänd &lt;text&gt; &amp; mer.</textarea>' in html
    response = client.post(f"/utkast/{draft.id}/publicera", data={"url": "https://www.facebook.com/alekommun/posts/7"})
    assert response.status_code == 302
    session.commit()
    assert session.get(Draft, draft.id).state == DraftState.PUBLISHED.value
    assert session.get(Account, account.id).last_activity_at is not None


def test_dashboard_marks_overdue_replies_with_text_and_icon(app, client, session, make_draft, author, account):
    late = make_draft(author, account, "Svar.", question_received_at=utcnow() - timedelta(hours=30))
    fresh = make_draft(author, account, "Svar två.", question_received_at=utcnow() - timedelta(hours=1))
    login_as(client, author)
    html = client.get("/oversikt").get_data(as_text=True)
    assert "Svar på frågor som väntar" in html and "1 försenade" in html
    late_row = html.split(f"Utkast {late.id}</a>")[1].split("</tr>")[0]
    fresh_row = html.split(f"Utkast {fresh.id}</a>")[1].split("</tr>")[0]
    assert "⚠" in late_row and "Försenad" in late_row
    assert "Försenad" not in fresh_row


def test_dashboard_shows_queue_and_approved_unpublished(client, session, make_draft, author, reviewer, account):
    waiting = make_draft(author, account, state=DraftState.IN_REVIEW)
    approved = make_draft(author, account, state=DraftState.IN_REVIEW)
    login_as(client, reviewer)
    client.post(f"/utkast/{approved.id}/godkann", data={"version": "1"})
    html = client.get("/oversikt").get_data(as_text=True)
    assert f"Granska utkast {waiting.id}" in html
    assert f"Publicera utkast {approved.id}" in html
