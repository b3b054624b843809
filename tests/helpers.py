"""Test helpers: a CSRF-aware client and logging in."""
import secrets

from flask.testing import FlaskClient
from itsdangerous import URLSafeTimedSerializer

from tests.factories import PASSWORD


class CsrfClient(FlaskClient):
    """A test client that sends a valid CSRF token with every state-changing request.

    Pass csrf=False to send none (to test that CSRF is enforced).
    """

    def csrf_token(self) -> str:
        app = self.application
        with self.session_transaction() as sess:
            raw = sess.setdefault("csrf_token", secrets.token_hex(20))
        return URLSafeTimedSerializer(app.secret_key, salt="wtf-csrf-token").dumps(raw)

    def open(self, *args, csrf=True, **kwargs):
        method = (kwargs.get("method") or "GET").upper()
        if csrf and method in {"POST", "PUT", "PATCH", "DELETE"}:
            token = self.csrf_token()
            headers = dict(kwargs.pop("headers", None) or {})
            headers.setdefault("X-CSRFToken", token)
            kwargs["headers"] = headers
        return super().open(*args, **kwargs)


def login_as(client, user, password: str = PASSWORD):
    """Log the client in as the user through the login form; return the response."""
    response = client.post("/login", data={"email": user.email, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)
    return response
