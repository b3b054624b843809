"""The JSON API: the same roles and workflow rules as the pages, JSON errors in Swedish."""
import hashlib

import pytest

from aledraft.access import Role
from aledraft.auth.services import revoke_api_token
from aledraft.drafts import services as draft_services
from aledraft.models import ApiToken, Draft, DraftState
from tests.helpers import login_as

#: Stands for the test's account id in parameter tables.
ACCOUNT = object()
TEXT = "Välkommen till biblioteket i Nödinge på lördag!"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()



def create(api, token, account, text=TEXT, **fields):
    response = api("POST", "/drafts", token, json={"account_id": account.id, "text": text, **fields})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def submitted(api, token, account, text=TEXT):
    draft = create(api, token, account, text)
    response = api("POST", f"/drafts/{draft['id']}/submit", token)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def assert_error(response, status, code):
    assert response.status_code == status, response.get_data(as_text=True)
    body = response.get_json()
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    return body["error"]


# Authentication


def test_request_without_token_answers_401(api):
    for method, path in (("GET", "/drafts"), ("POST", "/drafts"), ("GET", "/accounts")):
        response = api(method, path, json={} if method == "POST" else None)
        assert_error(response, 401, "login_required")
        assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_invalid_token_answers_401(api):
    error = assert_error(api("GET", "/drafts", "ald_not-a-real-token"), 401, "login_required")
    assert "API-nyckeln" in error["message"]


def test_revoked_token_is_refused(api, author, token_for, session):
    token = token_for(author)
    assert api("GET", "/drafts", token).status_code == 200
    row = session.query(ApiToken).filter_by(user_id=author.id).one()
    revoke_api_token(session, author, row.id, author)
    session.commit()
    assert_error(api("GET", "/drafts", token), 401, "login_required")


def test_token_of_disabled_user_is_refused(api, author, token_for, session):
    token = token_for(author)
    author.active = False
    session.commit()
    assert_error(api("GET", "/drafts", token), 401, "login_required")


def test_session_cookie_request_must_carry_csrf_header(client, author, account):
    login_as(client, author)
    body = {"account_id": account.id, "text": TEXT}
    refused = client.post("/api/v1/drafts", json=body, csrf=False)
    assert_error(refused, 400, "csrf_failed")
    accepted = client.post("/api/v1/drafts", json=body)  # the CsrfClient sends X-CSRFToken
    assert accepted.status_code == 201


def test_token_request_needs_no_csrf_header(api, author, token_for, account):
    create(api, token_for(author), account)  # api() never sends X-CSRFToken


def test_admin_without_writer_role_cannot_use_drafts(api, make_user, token_for, account):
    token = token_for(make_user(roles=[Role.ADMIN]))
    assert_error(api("GET", "/drafts", token), 403, "forbidden")
    assert_error(api("POST", "/drafts", token, json={"account_id": account.id, "text": TEXT}), 403, "forbidden")
    assert api("GET", "/accounts", token).status_code == 200


# Drafts: create, read, save


def test_create_draft_answers_201_with_version_1(api, author, token_for, account):
    response = api("POST", "/drafts", token_for(author),
                   json={"account_id": account.id, "text": TEXT, "reply_to_text": "När öppnar ni?",
                         "reply_to_url": "https://www.facebook.com/alekommun/posts/1",
                         "question_received_at": "2026-11-23T18:00:00+01:00"})
    assert response.status_code == 201
    draft = response.get_json()
    assert response.headers["Location"].endswith(f"/api/v1/drafts/{draft['id']}")
    assert draft["state"] == "utkast"
    assert draft["version"] == 1
    assert draft["text"] == TEXT
    assert draft["content_hash"] == sha256(TEXT)
    assert draft["author"] == {"id": author.id, "name": "Sara Skribent"}
    assert draft["account_id"] == account.id
    assert draft["reply_to_text"] == "När öppnar ni?"
    assert draft["question_received_at"] == "2026-11-23T17:00:00+00:00"
    assert draft["findings"] == []
    assert draft["approval"] is None and draft["approved_content_hash"] is None


def test_draft_carries_current_findings(api, author, token_for, account):
    draft = create(api, token_for(author), account, "Grattis Anna Svensson till priset!")
    assert [(f["rule"], f["start"], f["blocking"]) for f in draft["findings"]] == [("pii.person_name", 8, True)]


def test_get_draft(api, author, token_for, account):
    token = token_for(author)
    draft = create(api, token, account)
    response = api("GET", f"/drafts/{draft['id']}", token)
    assert response.status_code == 200
    assert response.get_json() == draft


def test_save_makes_a_new_version(api, author, token_for, account):
    token = token_for(author)
    draft = create(api, token, account)
    response = api("PUT", f"/drafts/{draft['id']}", token, json={"text": TEXT + " Välkomna!", "base_version": 1})
    assert response.status_code == 200, response.get_json()
    saved = response.get_json()
    assert saved["version"] == 2
    assert saved["text"] == TEXT + " Välkomna!"
    assert saved["content_hash"] == sha256(TEXT + " Välkomna!")


def test_stale_base_version_answers_409_with_the_current_version(api, author, reviewer, token_for, account):
    author_token, reviewer_token = token_for(author), token_for(reviewer)
    draft = create(api, author_token, account)
    newer = TEXT + " Granskarens rättelse."
    assert api("PUT", f"/drafts/{draft['id']}", reviewer_token, json={"text": newer, "base_version": 1}).status_code == 200
    response = api("PUT", f"/drafts/{draft['id']}", author_token, json={"text": TEXT + " Min ändring.", "base_version": 1})
    error = assert_error(response, 409, "stale_version")
    assert error["current_version"] == 2
    assert error["current_text"] == newer
    assert api("GET", f"/drafts/{draft['id']}", author_token).get_json()["text"] == newer


def test_list_shows_only_drafts_the_user_may_see(api, author, make_user, reviewer, token_for, account, make_account):
    other = make_user(roles=[Role.AUTHOR])
    library = make_account(name="Ale bibliotek")
    author_token, other_token, reviewer_token = token_for(author), token_for(other), token_for(reviewer)
    mine = create(api, author_token, account)
    theirs = create(api, other_token, library)
    ids = lambda token, query="": [d["id"] for d in api("GET", f"/drafts{query}", token).get_json()["drafts"]]  # noqa: E731
    assert ids(author_token) == [mine["id"]]
    assert sorted(ids(reviewer_token)) == sorted([mine["id"], theirs["id"]])
    assert ids(reviewer_token, f"?account_id={library.id}") == [theirs["id"]]
    assert ids(reviewer_token, "?state=granskas") == []
    assert_error(api("GET", f"/drafts/{theirs['id']}", author_token), 403, "forbidden")


def test_list_pages_with_limit_and_offset(api, author, token_for, account):
    token = token_for(author)
    created = [create(api, token, account, f"{TEXT} Nummer {n}.")["id"] for n in range(3)]
    first = api("GET", "/drafts?limit=2", token).get_json()
    assert first["has_more"] is True and len(first["drafts"]) == 2
    rest = api("GET", "/drafts?limit=2&offset=2", token).get_json()
    assert rest["has_more"] is False
    assert sorted(d["id"] for d in first["drafts"] + rest["drafts"]) == sorted(created)


@pytest.mark.parametrize("query", ["?state=okänt", "?limit=0", "?limit=abc", "?account_id=-1", "?färg=blå"])
def test_bad_list_parameters_answer_400(api, author, token_for, query):
    assert_error(api("GET", f"/drafts{query}", token_for(author)), 400, "validation_failed")


def test_unknown_draft_answers_404(api, author, token_for):
    token = token_for(author)
    assert_error(api("GET", "/drafts/999", token), 404, "not_found")
    assert api("GET", "/drafts/99999999999999999999", token).status_code == 404


# Request bodies


@pytest.mark.parametrize("body, field", [
    ({"text": TEXT}, "account_id"),
    ({"account_id": "1", "text": TEXT}, "account_id"),
    ({"account_id": True, "text": TEXT}, "account_id"),
    ({"account_id": 2**40, "text": TEXT}, "account_id"),
    ({"account_id": ACCOUNT, "text": 5}, "text"),
    ({"account_id": ACCOUNT, "text": "noll\x00tecken"}, "text"),
    ({"account_id": ACCOUNT, "text": TEXT, "planned_at": "i morgon"}, "planned_at"),
    ({"account_id": ACCOUNT, "text": TEXT, "planned_at": "2026-11-25T10:00:00"}, "planned_at"),
    ({"account_id": ACCOUNT, "text": TEXT, "colour": "blå"}, "colour"),
])
def test_invalid_fields_answer_400_naming_the_field(api, author, token_for, account, body, field):
    body = {**body, "account_id": account.id} if body.get("account_id") is ACCOUNT else body
    error = assert_error(api("POST", "/drafts", token_for(author), json=body), 400, "validation_failed")
    assert error["field"] == field


def test_lone_surrogate_in_text_answers_400(api, author, token_for, account):
    body = '{"account_id": %d, "text": "tr\\ud800asig"}' % account.id
    response = api("POST", "/drafts", token_for(author), data=body, content_type="application/json")
    assert assert_error(response, 400, "validation_failed")["field"] == "text"


@pytest.mark.parametrize("data", ["", "{", "[1, 2]", "null", "[" * 100_000])
def test_invalid_json_answers_400(api, author, token_for, data):
    response = api("POST", "/drafts", token_for(author), data=data, content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] in ("invalid_json", "validation_failed")


def test_non_json_content_type_answers_415(api, author, token_for, account):
    response = api("POST", "/drafts", token_for(author), data={"account_id": account.id, "text": TEXT})
    assert_error(response, 415, "unsupported_media_type")


def test_body_over_api_max_body_answers_413(app, api, author, token_for, account):
    token = token_for(author)
    limit = app.config["API_MAX_BODY"]
    response = api("POST", "/drafts", token, json={"account_id": account.id, "text": "a" * limit})
    assert_error(response, 413, "payload_too_large")


def test_body_over_api_max_body_without_content_length_answers_413(app, api, author, token_for, account):
    """A chunked body carries no Content-Length: the bytes actually sent are counted."""
    import io

    body = b'{"account_id": %d, "text": "%s"}' % (account.id, b"a" * app.config["API_MAX_BODY"])
    response = api("POST", "/drafts", token_for(author), input_stream=io.BytesIO(body),
                   content_type="application/json", environ_overrides={"wsgi.input_terminated": True})
    assert_error(response, 413, "payload_too_large")


def test_small_chunked_body_is_read(app, api, author, token_for, account):
    import io

    body = b'{"account_id": %d, "text": "Hej"}' % account.id
    response = api("POST", "/drafts", token_for(author), input_stream=io.BytesIO(body),
                   content_type="application/json", environ_overrides={"wsgi.input_terminated": True})
    assert response.status_code == 201, response.get_json()


# Review workflow


def test_author_cannot_approve(api, author, make_user, token_for, account):
    other_author = make_user(roles=[Role.AUTHOR])
    draft = submitted(api, token_for(author), account)
    response = api("POST", f"/drafts/{draft['id']}/approve", token_for(other_author), json={"version": 1})
    assert_error(response, 403, "forbidden")


def test_nobody_approves_their_own_draft(api, reviewer, token_for, account):
    token = token_for(reviewer)
    draft = submitted(api, token, account)
    error = assert_error(api("POST", f"/drafts/{draft['id']}/approve", token, json={"version": 1}), 403, "forbidden")
    assert "eget" in error["message"]


def test_account_admin_approves_only_their_accounts(api, author, make_user, token_for, make_account):
    admin_user = make_user(roles=[Role.ACCOUNT_ADMIN])
    theirs = make_account(name="Ale bibliotek", admins=[admin_user])
    other = make_account(name="Ale kommun")
    author_token, admin_token = token_for(author), token_for(admin_user)
    on_theirs, on_other = submitted(api, author_token, theirs), submitted(api, author_token, other)
    assert api("POST", f"/drafts/{on_theirs['id']}/approve", admin_token, json={"version": 1}).status_code == 200
    assert api("POST", f"/drafts/{on_other['id']}/approve", admin_token, json={"version": 1}).status_code == 403


def test_approval_needs_an_override_for_each_block_finding(api, author, reviewer, token_for, account):
    draft = submitted(api, token_for(author), account, "Grattis Anna Svensson till priset!")
    token = token_for(reviewer)
    refused = api("POST", f"/drafts/{draft['id']}/approve", token, json={"version": 1})
    assert_error(refused, 400, "validation_failed")
    no_reason = api("POST", f"/drafts/{draft['id']}/approve", token,
                    json={"version": 1, "overrides": [{"rule": "pii.person_name", "start": 8, "reason": " "}]})
    assert_error(no_reason, 400, "validation_failed")
    response = api("POST", f"/drafts/{draft['id']}/approve", token, json={
        "version": 1,
        "overrides": [{"rule": "pii.person_name", "start": 8, "reason": "Pristagaren har själv gått ut med nyheten."}],
    })
    assert response.status_code == 200, response.get_json()
    approved = response.get_json()
    assert approved["state"] == "godkand"
    assert approved["approved_content_hash"] == approved["content_hash"]
    assert approved["approval"]["version"] == 1
    assert approved["approval"]["approved_by"]["id"] == reviewer.id
    assert approved["approval"]["overrides"] == [{"rule": "pii.person_name", "start": 8, "text": "Anna Svensson",
                                                  "reason": "Pristagaren har själv gått ut med nyheten."}]


def test_approving_an_older_version_answers_409(api, author, reviewer, token_for, account):
    author_token = token_for(author)
    draft = submitted(api, author_token, account)
    assert api("PUT", f"/drafts/{draft['id']}", author_token, json={"text": TEXT + "!", "base_version": 1}).status_code == 200
    error = assert_error(api("POST", f"/drafts/{draft['id']}/approve", token_for(reviewer), json={"version": 1}),
                         409, "stale_version")
    assert error["current_version"] == 2


def test_send_back_needs_a_comment(api, author, reviewer, token_for, account):
    draft = submitted(api, token_for(author), account)
    token = token_for(reviewer)
    assert_error(api("POST", f"/drafts/{draft['id']}/send-back", token, json={"comment": "  "}), 400, "validation_failed")
    response = api("POST", f"/drafts/{draft['id']}/send-back", token, json={"comment": "Lägg till öppettiderna."})
    assert response.status_code == 200
    assert response.get_json()["state"] == "utkast"


def test_submit_twice_answers_409(api, author, token_for, account):
    token = token_for(author)
    draft = submitted(api, token, account)
    assert_error(api("POST", f"/drafts/{draft['id']}/submit", token), 409, "invalid_transition")


def test_publish_approved_draft(api, author, reviewer, token_for, account, session):
    author_token = token_for(author)
    draft = submitted(api, author_token, account)
    assert api("POST", f"/drafts/{draft['id']}/approve", token_for(reviewer), json={"version": 1}).status_code == 200
    response = api("POST", f"/drafts/{draft['id']}/publish", author_token, json={
        "url": "https://www.facebook.com/alekommun/posts/42", "published_at": "2026-11-24T09:15:00+01:00"})
    assert response.status_code == 200, response.get_json()
    published = response.get_json()
    assert published["state"] == "publicerad"
    assert published["published_url"] == "https://www.facebook.com/alekommun/posts/42"
    assert published["published_at"] == "2026-11-24T08:15:00+00:00"
    session.commit()
    assert session.get(Draft, draft["id"]).state == DraftState.PUBLISHED.value


def test_publish_is_refused_after_the_text_changed(api, author, reviewer, token_for, account):
    author_token = token_for(author)
    draft = submitted(api, author_token, account)
    assert api("POST", f"/drafts/{draft['id']}/approve", token_for(reviewer), json={"version": 1}).status_code == 200
    edited = api("PUT", f"/drafts/{draft['id']}", author_token, json={"text": TEXT + " Ändrat.", "base_version": 1})
    assert edited.get_json()["state"] == "utkast"
    assert edited.get_json()["approval"] is None
    response = api("POST", f"/drafts/{draft['id']}/publish", author_token,
                   json={"url": "https://www.facebook.com/alekommun/posts/42"})
    assert_error(response, 409, "invalid_transition")


# Accounts and the analyzer


def test_account_list(api, author, token_for, make_account, make_user):
    responsible = make_user(roles=[Role.ACCOUNT_ADMIN], name="Karin Kontoansvarig")
    make_account(name="Ale bibliotek", responsible=responsible, admins=[responsible])
    accounts = api("GET", "/accounts", token_for(author)).get_json()["accounts"]
    assert [(a["name"], a["platform"], a["responsible"]["name"]) for a in accounts] == [
        ("Ale bibliotek", "facebook", "Karin Kontoansvarig")]
    assert accounts[0]["admins"] == [{"id": responsible.id, "name": "Karin Kontoansvarig"}]


def test_analyze_returns_the_report_and_saves_nothing(api, author, token_for, session):
    response = api("POST", "/analyze", token_for(author), json={"text": "Hej Anna Svensson!", "platform": "facebook"})
    assert response.status_code == 200
    report = response.get_json()
    assert set(report) == {"findings", "readability", "doc_flags"}
    assert report["findings"][0]["text"] == "Anna Svensson"
    assert session.query(Draft).count() == 0


def test_analyze_refuses_an_unknown_platform(api, author, token_for):
    response = api("POST", "/analyze", token_for(author), json={"text": "Hej", "platform": "myspace"})
    assert assert_error(response, 400, "validation_failed")["field"] == "platform"


def test_analyze_with_the_real_checker_follows_the_contract(api, author, token_for, real_analyzer, monkeypatch):
    monkeypatch.setattr(draft_services, "analysis_report", real_analyzer)
    text = "Grattis Anna Svensson! Ring 070-123 45 67 eller skicka personnummer 19811218-9876 ASAP!!!"
    response = api("POST", "/analyze", token_for(author), json={"text": text, "platform": "x"})
    assert response.status_code == 200
    report = response.get_json()
    assert set(report) == {"findings", "readability", "doc_flags"}
    for finding in report["findings"]:
        assert set(finding) == {"rule", "category", "severity", "start", "end", "text", "message", "suggestion"}
        assert text[finding["start"]:finding["end"]] == finding["text"]
    assert report["readability"]["level"] in ("lätt", "medel", "svår")


def test_token_use_is_recorded(api, author, token_for, session):
    token = token_for(author)
    assert api("GET", "/accounts", token).status_code == 200
    session.commit()
    assert session.query(ApiToken).filter_by(user_id=author.id).one().last_used_at is not None
