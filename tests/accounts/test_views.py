"""Account registry pages, closing in the browser, and the public list in its three formats."""
import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from aledraft.access import Role
from aledraft.db import utcnow
from aledraft.models import Account, AccountStatus, AuditEntry, Platform
from tests.helpers import login_as



def test_registry_shows_each_warning_as_text_for_all_staff(logged_in, make_account, make_user):
    make_account(name="Fritidsgården Nödinge", purpose="", is_open=False, logo_confirmed=False)
    make_account(name="Ale kommun", responsible=make_user())
    client, _ = logged_in(Role.AUTHOR)
    html = client.get("/konton/register").get_data(as_text=True)
    assert "<h1>Kontoregister</h1>" in html
    assert "5 varningar" in html  # the count is written out, not shown by colour alone
    assert "Kontot saknar syfte" in html and "Kontot är inte öppet" in html
    assert "Följer riktlinjerna" in html


def test_registry_filters_by_status(logged_in, make_account, session):
    make_account(name="Ale öppen")
    closed = make_account(name="Ale gammal")
    closed.status = AccountStatus.CLOSED.value
    session.commit()
    client, _ = logged_in(Role.AUTHOR)
    html = client.get("/konton/register?status=stangd").get_data(as_text=True)
    assert "Ale gammal" in html and "Ale öppen" not in html


def test_account_page_shows_details_and_warnings(logged_in, make_account, make_user):
    responsible = make_user(name="Rut Ansvarig")
    account = make_account(name="Biblioteket", responsible=responsible, logo_confirmed=False)
    client, _ = logged_in(Role.AUTHOR)
    html = client.get(f"/konton/{account.id}").get_data(as_text=True)
    assert "Rut Ansvarig" in html
    assert "Varningar enligt riktlinjerna (2)" in html
    assert "Kontots namn visar inte tydligt" in html and "logotyp" in html
    assert f"/konton/{account.id}/andra" not in html  # an author may not edit


def test_missing_account_answers_404(logged_in, app, make_user):
    client, _ = logged_in(Role.REVIEWER)
    assert client.get("/konton/999").status_code == 404
    assert client.get("/konton/999/andra").status_code == 404


def _form(responsible_id, **overrides):
    data = {"platform": "instagram", "name": "Ale kulturskola", "url": "@alekulturskola",
            "purpose": "Elevkonserter och kurser.", "responsible": str(responsible_id), "unit": "Kulturskolan",
            "is_open": "y", "logo_confirmed": "y"}
    data.update(overrides)
    return data


def test_create_form_requires_purpose_and_responsible_person(logged_in, session):
    client, user = logged_in(Role.REVIEWER)
    response = client.post("/konton/nytt", data=_form(user.id, purpose="", responsible=""))
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Formuläret innehåller fel" in html
    assert "Ange kontots syfte" in html and "Välj en ansvarig person" in html
    assert session.scalars(select(Account)).first() is None


def test_communications_unit_registers_an_account_with_admins(logged_in, session, make_user):
    client, user = logged_in(Role.REVIEWER)
    admin_a, admin_b = make_user(name="Anna A"), make_user(name="Bo B")
    data = _form(user.id)
    data["admins"] = [str(admin_a.id), str(admin_b.id)]
    response = client.post("/konton/nytt", data=data)
    assert response.status_code == 302
    session.commit()
    account = session.scalars(select(Account)).one()
    assert (account.name, account.responsible_id, account.url) == ("Ale kulturskola", user.id, "@alekulturskola")
    assert [a.name for a in account.admins] == ["Anna A", "Bo B"]
    assert "är registrerat" in client.get(response.headers["Location"]).get_data(as_text=True)


def test_service_refusal_re_renders_the_form_with_the_message(logged_in, make_account):
    make_account(name="Ale kulturskola", platform=Platform.INSTAGRAM)
    client, user = logged_in(Role.COMMS_CHIEF)
    response = client.post("/konton/nytt", data=_form(user.id))
    assert response.status_code == 400
    assert "Det finns redan ett konto med namnet Ale kulturskola på Instagram" in response.get_data(as_text=True)


@pytest.mark.parametrize("role", [Role.AUTHOR, Role.ACCOUNT_ADMIN])
def test_others_may_not_register_accounts(logged_in, role):
    client, user = logged_in(role)
    assert client.get("/konton/nytt").status_code == 403
    assert client.post("/konton/nytt", data=_form(user.id)).status_code == 403


def test_account_admin_edits_an_account_they_administer_and_the_change_is_audited(logged_in, make_account, session):
    client, user = logged_in(Role.ACCOUNT_ADMIN, name="Karin Kontoansvarig")
    account = make_account(name="Ale bibliotek", responsible=user, admins=[user], purpose="Gammalt.")
    form = client.get(f"/konton/{account.id}/andra").get_data(as_text=True)
    assert "Gammalt." in form
    data = _form(user.id, platform="facebook", name="Ale bibliotek", url=account.url, unit=account.unit,
                 purpose="Tips och evenemang.")
    data["admins"] = [str(user.id)]
    assert client.post(f"/konton/{account.id}/andra", data=data).status_code == 302
    session.commit()
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "account.update")).one()
    assert json.loads(entry.details) == {"purpose": ["Gammalt.", "Tips och evenemang."]}
    assert entry.actor_name == "Karin Kontoansvarig"


def test_account_admin_may_not_edit_other_accounts(logged_in, make_account, make_user):
    client, user = logged_in(Role.ACCOUNT_ADMIN)
    account = make_account(responsible=make_user())
    assert client.get(f"/konton/{account.id}/andra").status_code == 403
    assert client.post(f"/konton/{account.id}/andra", data=_form(user.id)).status_code == 403


def test_chief_decides_closing_on_the_account_page(logged_in, make_account, session):
    client, chief = logged_in(Role.COMMS_CHIEF)
    account = make_account()
    html = client.get(f"/konton/{account.id}").get_data(as_text=True)
    assert "Besluta att stänga kontot" in html
    assert "Föreslå att kontot stängs" not in html  # the chief decides directly
    response = client.post(f"/konton/{account.id}/besluta-stangning",
                           data={"decision-reason": "Används inte längre."})
    assert response.status_code == 302
    session.commit()
    session.refresh(account)
    assert account.status == AccountStatus.CLOSING.value
    page = client.get(f"/konton/{account.id}").get_data(as_text=True)
    assert "Beslut: kontot ska stängas" in page and "Används inte längre." in page


@pytest.mark.parametrize("role, proposes", [(Role.REVIEWER, True), (Role.AUTHOR, False), (Role.ADMIN, False)])
def test_account_page_offers_only_the_closing_steps_the_user_may_take(logged_in, make_account, role, proposes):
    client, _ = logged_in(role)
    html = client.get(f"/konton/{make_account().id}").get_data(as_text=True)
    assert ("Föreslå att kontot stängs" in html) is proposes
    assert "Besluta att stänga kontot" not in html
    assert "markera som stängt" not in html


def test_decision_without_reason_re_renders_with_a_swedish_error(logged_in, make_account, session):
    client, _ = logged_in(Role.COMMS_CHIEF)
    account = make_account()
    response = client.post(f"/konton/{account.id}/besluta-stangning", data={"decision-reason": " "})
    assert response.status_code == 400
    assert "Skriv motiveringen till beslutet." in response.get_data(as_text=True)
    session.refresh(account)
    assert account.status == AccountStatus.ACTIVE.value


@pytest.mark.parametrize("role", [Role.REVIEWER, Role.ACCOUNT_ADMIN, Role.AUTHOR, Role.ADMIN])
def test_only_the_chief_may_post_a_closing_decision(logged_in, make_account, session, role):
    client, _ = logged_in(role)
    account = make_account()
    response = client.post(f"/konton/{account.id}/besluta-stangning", data={"decision-reason": "Stäng."})
    assert response.status_code == 403
    session.refresh(account)
    assert account.status == AccountStatus.ACTIVE.value


def test_account_admin_proposes_and_chief_turns_it_down(logged_in, make_account, session, make_user, app):
    proposer = make_user(roles=[Role.AUTHOR])
    account = make_account(admins=[proposer])
    url = f"/konton/{account.id}"
    client = app.test_client()
    login_as(client, proposer)
    session.commit()
    assert client.post(f"{url}/foresla-stangning", data={"propose-reason": "Vi slutar med kontot."}).status_code == 302
    chief_client, _ = logged_in(Role.COMMS_CHIEF)
    html = chief_client.get(url).get_data(as_text=True)
    assert "Väntar på beslut" in html and "Avslå förslaget" in html
    response = chief_client.post(f"{url}/besluta-stangning",
                                 data={"decision-reason": "Behövs till sommaren.", "decision-decline": "Avslå"})
    assert response.status_code == 302
    session.refresh(account)
    assert account.status == AccountStatus.ACTIVE.value
    assert "förslaget avslogs" in chief_client.get(url).get_data(as_text=True)


def test_author_who_is_not_an_account_admin_may_not_propose(logged_in, make_account):
    client, _ = logged_in(Role.AUTHOR)
    account = make_account()
    assert client.post(f"/konton/{account.id}/foresla-stangning", data={"propose-reason": "x"}).status_code == 403


def test_marking_closed_before_a_decision_is_refused_in_swedish(logged_in, make_account):
    client, _ = logged_in(Role.REVIEWER)
    account = make_account()
    response = client.post(f"/konton/{account.id}/markera-stangt")
    assert response.status_code == 409
    assert "först när kommunikationschefen har beslutat" in response.get_data(as_text=True)


def test_reviewer_marks_a_decided_account_closed_and_it_leaves_the_public_list(logged_in, app, make_account,
                                                                                session):
    account = make_account(name="Ale gamla sidan")
    url = f"/konton/{account.id}"
    chief_client, _ = logged_in(Role.COMMS_CHIEF)
    chief_client.post(f"{url}/besluta-stangning", data={"decision-reason": "Inaktivt."})
    assert "Ale gamla sidan" in app.test_client().get("/konton").get_data(as_text=True)  # under avveckling
    client, _ = logged_in(Role.REVIEWER)
    assert client.post(f"{url}/markera-stangt").status_code == 302
    session.refresh(account)
    assert account.status == AccountStatus.CLOSED.value and account.closed_at is not None
    assert "Ale gamla sidan" not in app.test_client().get("/konton").get_data(as_text=True)


def test_inactive_accounts_are_listed_for_the_communications_unit(logged_in, make_account, session):
    quiet, busy = make_account(name="Ale tyst"), make_account(name="Ale pratsam")
    quiet.created_at = utcnow() - timedelta(days=120)
    busy.created_at = utcnow() - timedelta(days=120)
    busy.last_activity_at = utcnow() - timedelta(days=3)
    session.commit()
    client, _ = logged_in(Role.REVIEWER)
    html = client.get("/konton/inaktiva").get_data(as_text=True)
    assert "Ale tyst" in html and "Ale pratsam" not in html
    assert "120" in html
    assert "inte publicerat något på minst 90 dagar" in client.get("/konton/register").get_data(as_text=True)


@pytest.mark.parametrize("role", [Role.AUTHOR, Role.ACCOUNT_ADMIN, Role.ADMIN])
def test_inactive_list_is_for_the_communications_unit_only(logged_in, role):
    client, _ = logged_in(role)
    assert client.get("/konton/inaktiva").status_code == 403


def test_inactive_period_comes_from_configuration(logged_in, make_account, session, app):
    app.config["INACTIVE_ACCOUNT_DAYS"] = 10
    account = make_account(name="Ale tio dagar")
    account.created_at = utcnow() - timedelta(days=11)
    session.commit()
    client, _ = logged_in(Role.COMMS_CHIEF)
    html = client.get("/konton/inaktiva").get_data(as_text=True)
    assert "Ale tio dagar" in html and "minst 10 dagar" in html


# The public list: page, JSON and CSV.


@pytest.fixture
def public_accounts(make_user, make_account, session):
    person = make_user(name="Karin Karlsson", email="karin.karlsson@ale.se")
    make_account(name="Ale kommun", purpose="Nyheter; service", unit="Kommunikationsenheten", responsible=person,
                 admins=[person])
    make_account(name="Ale bibliotek", platform=Platform.INSTAGRAM, url="@alebibliotek", unit="Biblioteken",
                 responsible=person)
    closing = make_account(name="Ale avvecklas", platform=Platform.X, responsible=person)
    closed = make_account(name="Ale stängd", platform=Platform.TIKTOK, responsible=person)
    closing.status = AccountStatus.CLOSING.value
    closed.status = AccountStatus.CLOSED.value
    session.commit()


def test_public_page_lists_accounts_without_personal_data(client, public_accounts):
    response = client.get("/konton")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "public, max-age=3600"
    assert "Ale kommun" in html and "Ale bibliotek (@alebibliotek)" in html and "Under avveckling" in html
    assert "Ale stängd" not in html
    assert "karin" not in html.lower()


def test_public_json_is_an_array_of_the_documented_fields(client, public_accounts):
    response = client.get("/konton.json")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "public, max-age=3600"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    rows = response.get_json()
    assert isinstance(rows, list)
    assert [set(r) for r in rows] == [{"plattform", "namn", "lank", "syfte", "ansvarig_enhet", "status"}] * 3
    assert {r["namn"] for r in rows} == {"Ale kommun", "Ale bibliotek", "Ale avvecklas"}
    assert next(r for r in rows if r["namn"] == "Ale bibliotek") == {
        "plattform": "Instagram", "namn": "Ale bibliotek", "lank": "@alebibliotek",
        "syfte": "Nyheter och service till invånarna.", "ansvarig_enhet": "Biblioteken", "status": "Aktiv"}
    assert "@ale.se" not in response.get_data(as_text=True)


def test_public_csv_has_a_bom_semicolons_and_no_closed_accounts(client, public_accounts):
    response = client.get("/konton.csv")
    body = response.get_data()
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Cache-Control"] == "public, max-age=3600"
    assert "attachment" in response.headers["Content-Disposition"]
    assert body.startswith(b"\xef\xbb\xbf")
    lines = body.decode("utf-8-sig").split("\r\n")
    assert lines[0] == "Plattform;Namn;Länk;Syfte;Ansvarig enhet;Status"
    assert len([line for line in lines if line]) == 4
    assert '"Nyheter; service"' in body.decode("utf-8-sig")  # a semicolon inside a field is quoted
    assert "Ale stängd" not in body.decode("utf-8-sig") and "@ale.se" not in body.decode("utf-8-sig")


def test_public_csv_cannot_start_a_spreadsheet_formula(client, make_account):
    make_account(name="Ale kommun", purpose="=HYPERLINK(\"http://evil.example\")")
    body = client.get("/konton.csv").get_data().decode("utf-8-sig")
    assert ";'=HYPERLINK" in body.replace('"', "")
