"""The spokesperson registry in the browser: everyone reads it, admins keep it."""
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from aledraft.access import Role
from aledraft.models import Spokesperson
from aledraft.spokespersons import services
from aledraft.spokespersons.services import SpokespersonData



def _appoint(session, admin, name, **overrides):
    values = dict(user=None, external_name=name, title="Kommunalråd", topics="Budget",
                  valid_from=date.today() - timedelta(days=30), valid_to=None, active=True)
    values.update(overrides)
    sp = services.appoint(session, admin, SpokespersonData(**values))
    session.commit()
    return sp


@pytest.mark.parametrize("role", list(Role))
def test_every_staff_member_reads_the_registry(logged_in, session, make_user, role):
    admin = make_user(roles=[Role.ADMIN])
    _appoint(session, admin, "Maja Lindqvist")
    _appoint(session, admin, "Olle Gammal", valid_from=date(2020, 1, 1), valid_to=date(2021, 1, 1))
    client, _ = logged_in(role)
    html = client.get("/talespersoner").get_data(as_text=True)
    assert "<h1>Talespersoner</h1>" in html
    current, ended = html.split("Avslutade och utgångna")
    assert "Maja Lindqvist" in current and "Olle Gammal" in ended
    assert ("Utse talesperson" in html) is (role == Role.ADMIN)


def test_admin_appoints_an_external_person(logged_in, session):
    client, admin = logged_in(Role.ADMIN)
    response = client.post("/talespersoner/ny", data={
        "kind": "extern", "external_name": "Maja Lindqvist", "title": "Kommunstyrelsens ordförande",
        "topics": "Budget\nPolitiska beslut", "valid_from": "2026-01-01", "valid_to": "", "active": "y"})
    assert response.status_code == 302
    session.commit()
    sp = session.scalars(select(Spokesperson)).one()
    assert (sp.display_name, sp.topic_list, sp.appointed_by_id, sp.valid_to) == (
        "Maja Lindqvist", ["Budget", "Politiska beslut"], admin.id, None)


def test_admin_appoints_a_staff_member(logged_in, session, make_user):
    colleague = make_user(roles=[Role.COMMS_CHIEF], name="Kim Chef")
    client, _ = logged_in(Role.ADMIN)
    response = client.post("/talespersoner/ny", data={
        "kind": "medarbetare", "user": str(colleague.id), "title": "Kommunikationschef",
        "topics": "Kriskommunikation", "valid_from": "2026-01-01", "active": "y"})
    assert response.status_code == 302
    session.commit()
    assert session.scalars(select(Spokesperson)).one().user_id == colleague.id


@pytest.mark.parametrize("data, message", [
    ({"kind": "extern", "external_name": "", "title": "Titel", "valid_from": "2026-01-01"}, "Skriv den externa personens namn."),
    ({"kind": "medarbetare", "user": "", "title": "Titel", "valid_from": "2026-01-01"}, "Välj vilken medarbetare"),
    ({"kind": "extern", "external_name": "Maja", "title": "", "valid_from": "2026-01-01"}, "Ange titel."),
    ({"kind": "extern", "external_name": "Maja", "title": "Titel", "valid_from": "inte ett datum"}, "Inte ett giltigt datum"),
    ({"kind": "extern", "external_name": "Maja", "title": "Titel", "valid_from": "2026-02-01",
      "valid_to": "2026-01-01"}, "Slutdatumet kan inte vara före startdatumet."),
])
def test_form_re_renders_with_swedish_field_errors(logged_in, session, data, message):
    client, _ = logged_in(Role.ADMIN)
    response = client.post("/talespersoner/ny", data=data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert session.scalars(select(Spokesperson)).first() is None


def test_admin_edits_and_ends_an_appointment(logged_in, session, make_user):
    client, admin = logged_in(Role.ADMIN)
    sp = _appoint(session, admin, "Maja Lindqvist")
    url = f"/talespersoner/{sp.id}"
    form = client.get(f"{url}/andra").get_data(as_text=True)
    assert 'value="Maja Lindqvist"' in form
    response = client.post(f"{url}/andra", data={
        "kind": "extern", "external_name": "Maja Lindqvist", "title": "Kommunalråd", "topics": "Budget\nSkola",
        "valid_from": sp.valid_from.isoformat(), "active": "y"})
    assert response.status_code == 302
    assert client.post(f"{url}/avsluta").status_code == 302
    session.commit()  # a new transaction sees what the requests wrote
    sp = session.get(Spokesperson, sp.id)
    assert sp.topic_list == ["Budget", "Skola"] and sp.active is False


@pytest.mark.parametrize("role", [Role.AUTHOR, Role.REVIEWER, Role.COMMS_CHIEF, Role.ACCOUNT_ADMIN])
def test_only_admins_keep_the_registry(logged_in, session, make_user, role):
    sp = _appoint(session, make_user(roles=[Role.ADMIN]), "Maja Lindqvist")
    client, _ = logged_in(role)
    assert client.get("/talespersoner/ny").status_code == 403
    assert client.get(f"/talespersoner/{sp.id}/andra").status_code == 403
    assert client.post(f"/talespersoner/{sp.id}/avsluta").status_code == 403


def test_missing_appointment_answers_404(logged_in):
    client, _ = logged_in(Role.ADMIN)
    assert client.get("/talespersoner/999/andra").status_code == 404
    assert client.post("/talespersoner/999/avsluta").status_code == 404
