"""Consent pages: record from a finding, the register, withdrawal."""
from datetime import date

import pytest
from sqlalchemy import select

from aledraft.access import Role
from aledraft.models import Consent
from tests.helpers import login_as


@pytest.fixture
def author(make_user):
    return make_user(roles=[Role.AUTHOR])


@pytest.fixture
def account(make_account):
    return make_account()


def test_record_consent_from_the_editor_link(client, session, make_draft, author, account):
    draft = make_draft(author, account, "Grattis Anna Svensson!")
    login_as(client, author)
    html = client.get(f"/utkast/{draft.id}/samtycke?namn=Anna+Svensson").get_data(as_text=True)
    assert 'value="Anna Svensson"' in html
    response = client.post(f"/utkast/{draft.id}/samtycke", data={
        "person_name": "Anna Svensson", "method": "blankett", "given_on": date.today().isoformat(), "reference": "D-12"})
    assert response.status_code == 302
    html = client.get(f"/utkast/{draft.id}").get_data(as_text=True)
    assert "Täcks av registrerat samtycke" in html
    assert "blockerande markering(ar) måste" not in html


def test_record_consent_with_a_future_date_is_refused(client, make_draft, author, account):
    draft = make_draft(author, account, "Grattis Anna Svensson!")
    login_as(client, author)
    response = client.post(f"/utkast/{draft.id}/samtycke", data={
        "person_name": "Anna Svensson", "method": "blankett", "given_on": "2999-01-01"})
    assert response.status_code == 400
    assert "framtiden" in response.get_data(as_text=True)


def test_register_lists_and_withdraws(client, session, make_draft, author, account):
    draft = make_draft(author, account, "Grattis <script>x</script> Anna Svensson!")
    login_as(client, author)
    client.post(f"/utkast/{draft.id}/samtycke", data={
        "person_name": "Anna Svensson <script>", "method": "muntligt", "given_on": date.today().isoformat()})
    session.commit()
    consent = session.scalars(select(Consent)).one()
    html = client.get("/samtycken").get_data(as_text=True)
    assert "Anna Svensson &lt;script&gt;" in html and "<script>" not in html.split("<main")[1]
    assert client.get("/samtycken?status=withdrawn").get_data(as_text=True).count("Anna Svensson") == 0
    response = client.post(f"/samtycken/{consent.id}/aterkalla", data={"note": "Ringde"})
    assert response.status_code == 302
    session.commit()
    session.refresh(consent)
    assert consent.withdrawn_at is not None and consent.withdrawal_note == "Ringde"


def test_stranger_cannot_withdraw(client, session, make_user, make_draft, author, account):
    draft = make_draft(author, account, "Grattis Anna Svensson!")
    login_as(client, author)
    client.post(f"/utkast/{draft.id}/samtycke", data={
        "person_name": "Anna Svensson", "method": "muntligt", "given_on": date.today().isoformat()})
    session.commit()
    consent = session.scalars(select(Consent)).one()
    client.post("/logout")
    login_as(client, make_user(roles=[Role.AUTHOR]))
    assert client.post(f"/samtycken/{consent.id}/aterkalla").status_code == 403
