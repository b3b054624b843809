"""Administration in the browser: users, roles, passwords, disabling, and the audit log."""
import pytest
from sqlalchemy import select, update

from aledraft.access import Role
from aledraft.models import AuditEntry, User
from tests.factories import PASSWORD
from tests.helpers import login_as



@pytest.fixture
def admin_client(logged_in):
    return logged_in(Role.ADMIN, name="Alex Admin")


def test_users_list_shows_roles_and_status(admin_client, make_user, session):
    client, _ = admin_client
    make_user(roles=[Role.REVIEWER, Role.AUTHOR], name="Greta Granskare")
    gone = make_user(name="Sara Slutat")
    gone.active = False
    session.commit()
    html = client.get("/admin/anvandare").get_data(as_text=True)
    assert "Greta Granskare" in html and "Granskare, Skribent" in html
    assert "Sara Slutat" in html and "Avstängd" in html


def test_admin_creates_a_user_with_several_roles(admin_client, session):
    client, admin = admin_client
    response = client.post("/admin/anvandare/ny", data={
        "name": "Nora Ny", "email": "Nora.Ny@ale.se", "unit": "Biblioteken", "password": "ett-långt-lösenord",
        "password_again": "ett-långt-lösenord", "roles": ["skribent", "kontoansvarig"]})
    assert response.status_code == 302
    session.commit()
    user = session.scalars(select(User).where(User.email == "nora.ny@ale.se")).one()
    assert user.role_codes == {"skribent", "kontoansvarig"} and user.unit == "Biblioteken"
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "user.create",
                                                     AuditEntry.object_id == str(user.id))).one()
    assert entry.actor_id == admin.id


@pytest.mark.parametrize("overrides, message", [
    ({"roles": []}, "Välj minst en roll."),
    ({"password": "kort", "password_again": "kort"}, "minst 10 tecken"),
    ({"password_again": "något-annat-lösenord"}, "Lösenorden är inte lika."),
    ({"name": ""}, "Ange användarens namn."),
    ({"email": "inte-en-adress"}, "Ange en giltig e-postadress."),
    ({"roles": ["superanvändare"]}, "är inte ett giltigt val"),
])
def test_create_user_form_re_renders_with_swedish_errors(admin_client, overrides, message):
    client, _ = admin_client
    data = {"name": "Nora Ny", "email": "nora@ale.se", "password": "ett-långt-lösenord",
            "password_again": "ett-långt-lösenord", "roles": ["skribent"]}
    data.update(overrides)
    response = client.post("/admin/anvandare/ny", data=data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


def test_taken_email_is_refused(admin_client, make_user):
    client, _ = admin_client
    make_user(email="tagen@ale.se")
    response = client.post("/admin/anvandare/ny", data={
        "name": "X", "email": "tagen@ale.se", "password": "ett-långt-lösenord",
        "password_again": "ett-långt-lösenord", "roles": ["skribent"]})
    assert response.status_code == 400 and "finns redan en användare" in response.get_data(as_text=True)


def test_admin_edits_name_and_unit(admin_client, make_user, session):
    client, _ = admin_client
    user = make_user(name="Gammalt Namn")
    url = f"/admin/anvandare/{user.id}"
    assert client.post(url, data={"user-name": "Nytt Namn", "user-unit": "Kulturskolan"}).status_code == 302
    session.commit()
    session.refresh(user)
    assert (user.name, user.unit) == ("Nytt Namn", "Kulturskolan")


def test_admin_sets_roles_with_checkboxes(admin_client, make_user, session):
    client, _ = admin_client
    user = make_user(roles=[Role.AUTHOR])
    url = f"/admin/anvandare/{user.id}"
    assert '<input checked id="roles-roles-0" name="roles-roles" type="checkbox" value="skribent">' in \
        client.get(url).get_data(as_text=True)
    assert client.post(f"{url}/roller", data={"roles-roles": ["granskare", "kommunikationschef"]}).status_code == 302
    session.commit()
    session.refresh(user)
    assert user.role_codes == {"granskare", "kommunikationschef"}


def test_admin_cannot_remove_their_own_admin_role(admin_client, session):
    client, admin = admin_client
    response = client.post(f"/admin/anvandare/{admin.id}/roller", data={"roles-roles": ["granskare"]})
    assert response.status_code == 400
    assert "Du kan inte ta bort din egen administratörsroll." in response.get_data(as_text=True)
    session.commit()
    session.refresh(admin)
    assert admin.has_role(Role.ADMIN)


def test_disabled_user_is_logged_out_and_cannot_log_in_again(admin_client, app, make_user, session):
    client, _ = admin_client
    user = make_user(roles=[Role.AUTHOR], name="Sara Slutar")
    user_id, email = user.id, user.email
    user_client = app.test_client()
    login_as(user_client, user)
    session.commit()
    assert user_client.get("/oversikt").status_code == 200
    assert client.post(f"/admin/anvandare/{user_id}/stang-av").status_code == 302
    assert user_client.get("/oversikt").status_code == 302  # the running session ends
    response = app.test_client().post("/login", data={"email": email, "password": PASSWORD})
    assert response.status_code == 401
    html = client.get("/admin/anvandare").get_data(as_text=True)
    assert "Sara Slutar" in html  # never deleted
    assert client.post(f"/admin/anvandare/{user_id}/aktivera").status_code == 302
    assert app.test_client().post("/login", data={"email": email, "password": PASSWORD}).status_code == 302


def test_admin_cannot_disable_themselves_in_the_browser(admin_client):
    client, admin = admin_client
    response = client.post(f"/admin/anvandare/{admin.id}/stang-av")
    assert response.status_code == 400
    assert "Du kan inte stänga av ditt eget konto." in response.get_data(as_text=True)


def test_admin_resets_a_password(admin_client, app, make_user):
    client, _ = admin_client
    user = make_user()
    user_id, email = user.id, user.email
    mismatch = client.post(f"/admin/anvandare/{user_id}/losenord",
                           data={"password-password": "ett-nytt-lösenord", "password-password_again": "annat"})
    assert mismatch.status_code == 400 and "Lösenorden är inte lika." in mismatch.get_data(as_text=True)
    ok = client.post(f"/admin/anvandare/{user_id}/losenord",
                     data={"password-password": "ett-nytt-lösenord", "password-password_again": "ett-nytt-lösenord"})
    assert ok.status_code == 302
    assert app.test_client().post("/login", data={"email": email, "password": "ett-nytt-lösenord"}).status_code == 302


def test_missing_user_answers_404(admin_client):
    client, _ = admin_client
    assert client.get("/admin/anvandare/999").status_code == 404


@pytest.mark.parametrize("role", [Role.AUTHOR, Role.REVIEWER, Role.ACCOUNT_ADMIN, Role.COMMS_CHIEF])
def test_administration_is_for_admins_only(logged_in, role):
    client, user = logged_in(role)
    for url in ("/admin/anvandare", "/admin/anvandare/ny", f"/admin/anvandare/{user.id}", "/admin/logg"):
        assert client.get(url).status_code == 403, url
    assert client.post(f"/admin/anvandare/{user.id}/roller", data={"roles-roles": ["admin"]}).status_code == 403


def test_audit_log_shows_unbroken_chain_and_filters(admin_client, make_user, session):
    client, admin = admin_client
    make_user(name="Greta Granskare")
    html = client.get("/admin/logg").get_data(as_text=True)
    assert "Loggen är obruten." in html
    assert "Användare skapad" in html and "Inloggning" in html
    filtered = client.get("/admin/logg?action=user.login").get_data(as_text=True)
    assert "Inloggning" in filtered and "Användare skapad <" not in filtered
    by_actor = client.get(f"/admin/logg?actor={admin.id}").get_data(as_text=True)
    assert "Alex Admin" in by_actor


def test_audit_log_reports_a_broken_chain(admin_client, session):
    client, _ = admin_client
    session.execute(update(AuditEntry).where(AuditEntry.id == 1).values(details='{"name":"ändrat"}'))
    session.commit()
    html = client.get("/admin/logg").get_data(as_text=True)
    assert "Loggen är bruten vid post 1" in html


@pytest.mark.parametrize("query", ["date_from=inte-ett-datum", "date_from=2026-03-05&date_to=2026-03-01",
                                   "actor=okänd"])
def test_bad_audit_filter_answers_400_in_swedish(admin_client, query):
    client, _ = admin_client
    response = client.get(f"/admin/logg?{query}")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Inte ett giltigt" in html or "Slutdatumet kan inte vara före startdatumet." in html


def test_audit_log_pages(admin_client, make_user, session):
    client, _ = admin_client
    for _ in range(55):
        make_user()
    first = client.get("/admin/logg").get_data(as_text=True)
    assert "Sida 1 av 2" in first and "Nästa sida" in first
    second = client.get("/admin/logg?sida=2").get_data(as_text=True)
    assert "Sida 2 av 2" in second and "Föregående sida" in second
