"""The editor without JavaScript, history, autosave and /api/analyze through the test client."""
import json

import pytest
from sqlalchemy import select

from aledraft.access import Role
from aledraft.models import Autosave, Draft, DraftState, DraftVersion
from tests.helpers import login_as

HOSTILE = ('<script>alert("x")</script> <img src=x onerror=alert(1)> '
           '<a href="javascript:alert(2)">klicka</a> \u202eevil\u202c zero\u200bwidth Anna Svensson')


@pytest.fixture
def author(make_user):
    return make_user(roles=[Role.AUTHOR], name="Sara Skribent")


@pytest.fixture
def account(make_account):
    return make_account()


@pytest.fixture
def logged_in(client, session, author):
    login_as(client, author)
    session.commit()  # end the test session's read snapshot so it can write after the request
    return client


def test_new_draft_page_offers_active_accounts_and_editor_ids(logged_in, account, make_account):
    from aledraft.models import AccountStatus

    closed = make_account(name="Nedlagt konto")
    closed.status = AccountStatus.CLOSED.value
    response = logged_in.get("/utkast/ny")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    for marker in ('id="draft-form"', 'id="draft-text"', 'name="text"', 'id="base-version"', 'name="base_version"',
                   'id="findings"', 'id="lix"', 'id="char-count"', 'id="preview"', 'data-analyze-url="/api/analyze"',
                   "data-autosave-url=", "data-platform=", "data-limit=", "data-draft-id=", "js/editor.js"):
        assert marker in html, marker
    assert "Ale kommun" in html


def test_create_then_edit_shows_findings_grouped_with_lix_count_and_preview(logged_in, session, account):
    response = logged_in.post("/utkast/ny", data={"account": account.id, "text": "Hej Anna Svensson!\r\nVi ses ASAP."})
    assert response.status_code == 302
    session.commit()
    draft = session.scalars(select(Draft)).one()
    assert draft.versions[0].text == "Hej Anna Svensson!\nVi ses ASAP."
    html = logged_in.get(response.headers["Location"]).get_data(as_text=True)
    assert "Måste åtgärdas (1)" in html and "Bör ses över (1)" in html
    assert "Namn på en person kräver samtycke." in html and "så snart som möjligt" in html
    assert 'id="lix">30.0 (medel)' in html
    assert 'id="char-count">31<' in html and "av högst 63206" in html
    assert 'id="preview" class="preview"' in html and "Hej Anna Svensson!\nVi ses ASAP." in html
    assert f'data-draft-id="{draft.id}"' in html and 'data-platform="facebook"' in html
    assert f"/utkast/{draft.id}/samtycke?namn=Anna+Svensson" in html


def test_save_makes_a_new_version_and_redirects(logged_in, session, make_draft, author, account):
    draft = make_draft(author, account, "Första texten.")
    response = logged_in.post(f"/utkast/{draft.id}", data={"text": "Andra texten.", "base_version": "1"})
    assert response.status_code == 302
    session.commit()
    assert [v.text for v in session.scalars(select(DraftVersion).order_by(DraftVersion.number))] == [
        "Första texten.", "Andra texten."]


def test_stale_save_answers_409_and_keeps_both_texts(logged_in, session, make_draft, author, account):
    draft = make_draft(author, account, "Original.")
    assert logged_in.post(f"/utkast/{draft.id}", data={"text": "Kollegans text.", "base_version": "1"}).status_code == 302
    response = logged_in.post(f"/utkast/{draft.id}", data={"text": "Min <b>egen</b> text.", "base_version": "1"})
    html = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "Kollegans text." in html
    assert "Min &lt;b&gt;egen&lt;/b&gt; text." in html
    assert 'name="base_version" value="2"' in html
    assert "<ins>" in html and "<del>" in html
    # Saving on top of the current version now works.
    response = logged_in.post(f"/utkast/{draft.id}", data={"text": "Min egen text.", "base_version": "2"})
    assert response.status_code == 302
    session.commit()
    assert session.get(Draft, draft.id).version == 3


def test_empty_text_is_refused_with_the_form_kept(logged_in, account):
    response = logged_in.post("/utkast/ny", data={"account": account.id, "text": "   ", "reply_to_text": "Frågan?"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Skriv en text" in html and "Frågan?" in html


def test_inactive_spokesperson_is_not_accepted(logged_in, session, account):
    from datetime import date

    from aledraft.models import Spokesperson

    ended = Spokesperson(external_name="Före Detta", valid_from=date(2020, 1, 1), valid_to=date(2021, 1, 1))
    current = Spokesperson(external_name="Maja Lindqvist", title="KSO", valid_from=date(2020, 1, 1))
    session.add_all([ended, current])
    session.commit()
    html = logged_in.get("/utkast/ny").get_data(as_text=True)
    assert "Maja Lindqvist" in html and "Före Detta" not in html
    response = logged_in.post("/utkast/ny", data={"account": account.id, "text": "Hej", "spokesperson": str(ended.id)})
    assert response.status_code == 400
    response = logged_in.post("/utkast/ny", data={"account": account.id, "text": "Hej", "spokesperson": str(current.id)})
    assert response.status_code == 302


def test_other_author_cannot_open_a_draft(client, make_user, make_draft, author, account):
    draft = make_draft(author, account)
    login_as(client, make_user(roles=[Role.AUTHOR]))
    assert client.get(f"/utkast/{draft.id}").status_code == 403
    assert client.post(f"/utkast/{draft.id}", data={"text": "x", "base_version": "1"}).status_code == 403


def test_history_diffs_any_two_versions(logged_in, session, make_draft, author, account):
    draft = make_draft(author, account, "Biblioteket öppnar klockan nio.")
    logged_in.post(f"/utkast/{draft.id}", data={"text": "Biblioteket öppnar klockan tio.", "base_version": "1"})
    logged_in.post(f"/utkast/{draft.id}", data={"text": "Biblioteket stänger klockan tio.", "base_version": "2"})
    html = logged_in.get(f"/utkast/{draft.id}/versioner?fran=1&till=3").get_data(as_text=True)
    assert "<del>öppnar</del><ins>stänger</ins>" in html
    assert "<del>nio</del><ins>tio</ins>" in html
    assert logged_in.get(f"/utkast/{draft.id}/versioner?fran=1&till=9").status_code == 404


def test_hostile_text_is_shown_as_plain_text_everywhere(client, session, make_user, make_draft, author, account):
    reviewer = make_user(roles=[Role.REVIEWER])
    draft = make_draft(author, account, "Snällt.", state=DraftState.IN_REVIEW)
    login_as(client, author)
    client.post(f"/utkast/{draft.id}", data={"text": HOSTILE, "base_version": "1",
                                              "reply_to_text": "<script>fråga()</script>"})
    pages = [f"/utkast/{draft.id}", f"/utkast/{draft.id}/versioner?fran=1&till=2", "/utkast", "/oversikt",
             f"/utkast/{draft.id}/granskning"]
    for url in pages:
        html = client.get(url).get_data(as_text=True)
        assert "<script>alert" not in html and "<img src=x" not in html and 'href="javascript:' not in html, url
        assert "<script>fråga" not in html, url
    html = client.get(f"/utkast/{draft.id}").get_data(as_text=True)
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    client.post("/logout")
    login_as(client, reviewer)
    for url in ("/granskning", f"/utkast/{draft.id}/granskning"):
        html = client.get(url).get_data(as_text=True)
        assert "<script>alert" not in html and "<img src=x" not in html, url


def test_autosave_stores_and_overwrites_and_editor_offers_restore(logged_in, session, make_draft, author, account):
    draft = make_draft(author, account, "Sparad text.")
    url = f"/utkast/{draft.id}/autosave"
    assert logged_in.post(url, json={"text": "Halvfärdig", "base_version": 1}).status_code == 200
    response = logged_in.post(url, json={"text": "Halvfärdig text", "base_version": 1})
    assert response.status_code == 200 and response.get_json()["base_version"] == 1
    session.commit()
    assert [a.text for a in session.scalars(select(Autosave))] == ["Halvfärdig text"]
    html = logged_in.get(f"/utkast/{draft.id}").get_data(as_text=True)
    assert 'id="autosave-notice"' in html
    html = logged_in.get(f"/utkast/{draft.id}?aterstall=1").get_data(as_text=True)
    assert ">Halvfärdig text</textarea>" in html
    # Saving clears the autosave.
    logged_in.post(f"/utkast/{draft.id}", data={"text": "Halvfärdig text", "base_version": "1"})
    session.commit()
    assert session.scalars(select(Autosave)).all() == []


def test_autosave_for_a_new_draft(logged_in, session, account):
    response = logged_in.post(f"/utkast/ny/autosave?account={account.id}", json={"text": "Början", "base_version": 0})
    assert response.status_code == 200
    html = logged_in.get(f"/utkast/ny?konto={account.id}").get_data(as_text=True)
    assert 'id="autosave-notice"' in html


def test_autosave_needs_csrf_header(logged_in, make_draft, author, account):
    draft = make_draft(author, account)
    response = logged_in.post(f"/utkast/{draft.id}/autosave", json={"text": "x", "base_version": 1}, csrf=False)
    assert response.status_code == 400


def test_autosave_refuses_oversized_text_with_413(logged_in, make_draft, author, account):
    from aledraft.drafts.services import MAX_TEXT_LENGTH

    draft = make_draft(author, account)
    response = logged_in.post(f"/utkast/{draft.id}/autosave", json={"text": "a" * (MAX_TEXT_LENGTH + 1), "base_version": 1})
    assert response.status_code == 413
    assert "för lång" in response.get_json()["error"]["message"]


def test_api_analyze_returns_the_report(logged_in):
    response = logged_in.post("/api/analyze", json={"text": "Hej Anna Svensson", "platform": "facebook"})
    assert response.status_code == 200
    body = response.get_json()
    assert body["findings"][0]["rule"] == "pii.person_name"


def test_api_analyze_marks_consent_when_given_a_draft(logged_in, session, make_draft, author, account):
    from datetime import date

    from aledraft.drafts.consent import record_consent

    draft = make_draft(author, account, "Hej Anna Svensson")
    with logged_in.application.app_context():
        record_consent(session, draft, author, person_name="Anna Svensson", method="muntligt", given_on=date.today())
    session.commit()
    body = logged_in.post("/api/analyze", json={"text": "Hej Anna Svensson", "platform": "facebook",
                                                 "draft_id": draft.id}).get_json()
    assert body["findings"][0]["covered_by_consent"] is True and body["findings"][0]["blocking"] is False


@pytest.mark.parametrize("payload, status", [
    ({"text": "a" * 100_001, "platform": "x"}, 413),
    ({"text": 5}, 400),
    ({"text": "hej", "platform": "myspace"}, 400),
])
def test_api_analyze_refuses_bad_input(logged_in, payload, status):
    response = logged_in.post("/api/analyze", json=payload)
    assert response.status_code == status
    assert response.get_json()["error"]["message"]


def test_api_analyze_needs_login_and_csrf(client, author):
    assert client.post("/api/analyze", json={"text": "x"}).status_code == 401
    login_as(client, author)
    assert client.post("/api/analyze", json={"text": "x"}, csrf=False).status_code == 400
