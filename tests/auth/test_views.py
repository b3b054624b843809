"""The login page."""
from aledraft.access import Role
from tests.helpers import login_as


def test_login_page_is_swedish_and_has_labels(client):
    html = client.get("/login").get_data(as_text=True)
    assert '<html lang="sv">' in html
    assert '<label for="email">E-postadress</label>' in html


def test_wrong_password_shows_message_and_keeps_user_out(client, make_user):
    user = make_user()
    response = client.post("/login", data={"email": user.email, "password": "fel"})
    assert response.status_code == 401
    assert "Fel e-postadress eller lösenord" in response.get_data(as_text=True)
    assert client.get("/oversikt").status_code == 302


def test_sixth_attempt_is_throttled_with_a_swedish_message(client, make_user):
    user = make_user()
    for _ in range(5):
        client.post("/login", data={"email": user.email, "password": "fel"})
    response = client.post("/login", data={"email": user.email, "password": "rätt-lösenord-123"})
    assert response.status_code == 429
    assert "För många misslyckade inloggningar" in response.get_data(as_text=True)


def test_login_and_logout(client, make_user):
    login_as(client, make_user(roles=[Role.REVIEWER], name="Greta Granskare"))
    assert "Greta Granskare" in client.get("/oversikt").get_data(as_text=True)
    assert client.post("/logout").status_code == 302
    assert client.get("/oversikt").status_code == 302


def test_login_redirect_stays_on_site(client, make_user):
    user = make_user()
    response = client.post("/login?next=https://evil.example/", data={"email": user.email, "password": "rätt-lösenord-123"})
    assert response.headers["Location"].endswith("/oversikt")


def test_session_cookie_flags(app, make_user):
    app.config["SESSION_COOKIE_SECURE"] = True
    client = app.test_client()
    user = make_user()
    response = client.post("/login", data={"email": user.email, "password": "rätt-lösenord-123"},
                           base_url="https://localhost")
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("session="))
    assert "HttpOnly" in cookie and "Secure" in cookie and "SameSite=Lax" in cookie
