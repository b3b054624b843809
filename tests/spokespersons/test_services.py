"""Spokespersons (talespersoner): "Kommunen kan utse talespersoner som yttrar sig på kommunens uppdrag."
Only appointments current on the day may sign a draft."""
from datetime import date

import pytest
from sqlalchemy import select

from aledraft.access import Role
from aledraft.errors import InvalidTransition, NotPermitted, ValidationFailed
from aledraft.models import AuditEntry, Spokesperson
from aledraft.spokespersons import services
from aledraft.spokespersons.services import SpokespersonData, active_for

TODAY = date(2026, 11, 24)


def _data(user=None, external_name="", **overrides) -> SpokespersonData:
    values = dict(user=user, external_name=external_name, title="Kommunstyrelsens ordförande",
                  topics="Budget\nPolitiska beslut", valid_from=date(2026, 1, 1), valid_to=None, active=True)
    values.update(overrides)
    return SpokespersonData(**values)


@pytest.fixture
def admin(make_user):
    return make_user(roles=[Role.ADMIN], name="Alex Admin")


@pytest.mark.parametrize("valid_from, valid_to, active, current", [
    (date(2026, 1, 1), None, True, True),             # open-ended
    (TODAY, None, True, True),                         # starts today
    (date(2026, 11, 25), None, True, False),           # starts tomorrow
    (date(2026, 1, 1), TODAY, True, True),             # last day today
    (date(2026, 1, 1), date(2026, 11, 23), True, False),  # ended yesterday
    (date(2026, 1, 1), None, False, False),            # ended by an admin
])
def test_active_for_offers_only_appointments_current_on_the_day(session, admin, valid_from, valid_to, active, current):
    sp = services.appoint(session, admin, _data(external_name="Maja Lindqvist", valid_from=valid_from,
                                                valid_to=valid_to, active=active))
    session.commit()
    assert (sp in active_for(session, TODAY)) is current


@pytest.mark.parametrize("topic, expected", [
    (None, ["Bo Berg", "Maja Lindqvist"]),
    ("Budget", ["Maja Lindqvist"]),
    ("budget", ["Maja Lindqvist"]),          # topics match regardless of case
    ("Kriskommunikation", ["Bo Berg"]),
    ("Skola", []),
])
def test_active_for_filters_by_topic(session, admin, topic, expected):
    services.appoint(session, admin, _data(external_name="Maja Lindqvist", topics="Budget\nPolitiska beslut"))
    services.appoint(session, admin, _data(external_name="Bo Berg", topics="Kriskommunikation"))
    session.commit()
    assert [sp.display_name for sp in active_for(session, TODAY, topic=topic)] == expected


def test_staff_member_is_appointed_by_the_acting_admin_and_audited(session, admin, make_user):
    chief = make_user(roles=[Role.COMMS_CHIEF], name="Kim Chef")
    sp = services.appoint(session, admin, _data(user=chief, title="Kommunikationschef"))
    session.commit()
    assert (sp.display_name, sp.appointed_by, sp.active) == ("Kim Chef", admin, True)
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "spokesperson.appoint")).one()
    assert entry.actor_id == admin.id and entry.object_id == str(sp.id)


@pytest.mark.parametrize("overrides, message", [
    ({}, "medarbetare eller skriv namnet"),                             # neither user nor name
    ({"external_name": "Maja", "with_user": True}, "inte båda"),         # both
    ({"external_name": "Maja", "title": " "}, "titel"),
    ({"external_name": "Maja", "valid_from": None}, "från vilket datum"),
    ({"external_name": "Maja", "valid_to": date(2025, 12, 31)}, "före startdatumet"),
])
def test_appointment_refuses_incomplete_data(session, admin, overrides, message):
    user = admin if overrides.pop("with_user", False) else None
    with pytest.raises(ValidationFailed, match=message):
        services.appoint(session, admin, _data(user=user, **overrides))


@pytest.mark.parametrize("role", [Role.AUTHOR, Role.REVIEWER, Role.COMMS_CHIEF, Role.ACCOUNT_ADMIN])
def test_only_admins_appoint_spokespersons(session, make_user, role):
    with pytest.raises(NotPermitted):
        services.appoint(session, make_user(roles=[role]), _data(external_name="Maja"))


def test_update_records_the_changes(session, admin):
    sp = services.appoint(session, admin, _data(external_name="Maja Lindqvist"))
    changes = services.update(session, admin, sp, _data(external_name="Maja Lindqvist", title="Kommunalråd",
                                                        topics="Budget\n budget \nSkola"))
    session.commit()
    assert changes == {"title": ["Kommunstyrelsens ordförande", "Kommunalråd"],
                       "topics": [["Budget", "Politiska beslut"], ["Budget", "Skola"]]}
    assert session.scalars(select(AuditEntry).where(AuditEntry.action == "spokesperson.update")).one()


def test_ending_an_appointment_makes_it_inactive_from_today_and_keeps_it(session, admin):
    sp = services.appoint(session, admin, _data(external_name="Maja Lindqvist", valid_to=date(2026, 12, 31)))
    services.end(session, admin, sp, TODAY)
    session.commit()
    assert (sp.active, sp.valid_to) == (False, TODAY)
    assert active_for(session, TODAY) == []
    assert session.scalars(select(Spokesperson)).one() == sp  # never deleted: drafts keep their signature
    assert session.scalars(select(AuditEntry).where(AuditEntry.action == "spokesperson.end")).one()
    with pytest.raises(InvalidTransition):
        services.end(session, admin, sp, TODAY)


def test_ending_keeps_an_earlier_end_date(session, admin):
    sp = services.appoint(session, admin, _data(external_name="Maja", valid_to=date(2026, 6, 30)))
    services.end(session, admin, sp, TODAY)
    assert sp.valid_to == date(2026, 6, 30)
