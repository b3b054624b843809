"""Deny by default: every route declares its roles, and the guard enforces them for every role."""
import pytest

from aledraft.access import Role, required_roles
from tests.helpers import login_as

ANONYMOUS = None
ROLES = [ANONYMOUS, *Role]


def _url_for_rule(rule) -> str:
    """Build a URL for a rule, filling every argument with a harmless value."""
    values = {arg: 1 if rule._converters[arg].__class__.__name__ == "IntegerConverter" else "x"
              for arg in rule.arguments}
    return rule.build(values, append_unknown=False)[1]


def _rules(app):
    return [r for r in app.url_map.iter_rules() if r.endpoint != "static"]


def test_every_route_declares_who_may_use_it(app):
    undeclared = sorted(r.endpoint for r in _rules(app) if required_roles_for(app, r.endpoint) is None)
    assert undeclared == [], f"routes without @allow/@public: {undeclared}"


def required_roles_for(app, endpoint):
    with app.test_request_context():
        return required_roles(endpoint)


def test_route_without_declaration_is_refused(app, client):
    app.add_url_rule("/odeklarerad", "undeclared", lambda: "hemligt")
    response = client.get("/odeklarerad")
    assert response.status_code == 403
    assert "hemligt" not in response.get_data(as_text=True)


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r.value if r else "anonym")
def test_every_route_admits_exactly_its_roles(app, make_user, role):
    client = app.test_client()
    if role is not None:
        login_as(client, make_user(roles=[role]))
    checked = 0
    for rule in _rules(app):
        declared = required_roles_for(app, rule.endpoint)
        url = _url_for_rule(rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            admitted = declared == "public" or (role is not None and role in declared)
            if admitted and method != "GET":
                continue  # an admitted POST would change state (or log out); only refusals are probed
            response = client.open(url, method=method)
            checked += 1
            if declared == "public":
                assert response.status_code not in (401, 403), (method, url)
            elif role is None:
                assert response.status_code in (302, 401), (method, url, response.status_code)
                if response.status_code == 302:
                    assert "/login" in response.headers["Location"]
            elif role in declared:
                assert response.status_code != 403, (method, url, role)
            else:
                assert response.status_code == 403, (method, url, role, response.status_code)
    assert checked > 0


def test_state_changing_form_without_csrf_token_is_refused(app, make_user):
    client = app.test_client()
    login_as(client, make_user(roles=[Role.AUTHOR]))
    response = client.post("/logout", csrf=False)
    assert response.status_code == 400
    assert "Formuläret hade gått ut" in response.get_data(as_text=True)
