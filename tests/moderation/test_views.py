"""Moderation register pages: rights per role, the check step, uploads, exports, filters."""
import csv
import io
import json
from datetime import datetime, timezone

import pytest
from openpyxl import load_workbook
from PIL import Image
from sqlalchemy import select

from aledraft.access import Role
from aledraft.models import AuditEntry, ModerationEntry, RemovalReason
from aledraft.moderation.services import EXPORT_COLUMNS
from tests.factories import make_moderation_entry
from tests.helpers import login_as
from tests.moderation.images import GPS_IFD, jpeg_with_gps, png_bytes

READ_URLS = ["/moderering", "/moderering/ny", "/moderering/export.csv", "/moderering/export.xlsx"]


@pytest.fixture
def world(session, make_user, make_account):
    """Two accounts, an admin of the first, a reviewer, and one entry on each account."""
    reviewer = make_user(roles=[Role.REVIEWER], name="Greta Granskare")
    account_admin = make_user(roles=[Role.ACCOUNT_ADMIN], name="Kim Kontoansvarig")
    own = make_account(name="Ale bibliotek", admins=[account_admin])
    other = make_account(name="Ale fritid")
    own_entry = make_moderation_entry(session, account=own, removed_by=reviewer, removed_text="Spam på biblioteket",
                                      removed_at=datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc))
    other_entry = make_moderation_entry(session, account=other, removed_by=reviewer, removed_text="Spam på fritid",
                                        removed_at=datetime(2026, 11, 3, 9, 0, tzinfo=timezone.utc))
    return {"reviewer": reviewer, "account_admin": account_admin, "own": own, "other": other,
            "own_entry": own_entry, "other_entry": other_entry}


def _client(app, user):
    client = app.test_client()
    login_as(client, user)
    return client


@pytest.mark.parametrize("role, status", [
    (Role.AUTHOR, 403),
    (Role.REVIEWER, 200),
    (Role.COMMS_CHIEF, 200),
    (Role.ACCOUNT_ADMIN, 200),
    (Role.ADMIN, 403),  # admin manages users and accounts, not content
])
@pytest.mark.parametrize("url", READ_URLS)
def test_register_pages_admit_comms_unit_and_account_admins(app, make_user, role, status, url):
    response = _client(app, make_user(roles=[role])).get(url)
    assert response.status_code == status


@pytest.mark.parametrize("role, sees_own, sees_other", [
    (Role.REVIEWER, True, True),
    (Role.COMMS_CHIEF, True, True),
    ("admin of own", True, False),
    (Role.ACCOUNT_ADMIN, False, False),  # admin of no account
])
def test_each_role_sees_only_the_accounts_it_may_moderate(app, make_user, world, role, sees_own, sees_other):
    user = world["account_admin"] if role == "admin of own" else make_user(roles=[role])
    client = _client(app, user)
    page = client.get("/moderering").get_data(as_text=True)
    assert ("Spam på biblioteket" in page) is sees_own
    assert ("Spam på fritid" in page) is sees_other
    for key, allowed in (("own_entry", sees_own), ("other_entry", sees_other)):
        entry_id = world[key].id
        assert client.get(f"/moderering/{entry_id}").status_code == (200 if allowed else 403)
        assert client.get(f"/moderering/{entry_id}/skarmbild").status_code == (404 if allowed else 403)
        register = client.post(f"/moderering/{entry_id}/registrera", data={"diarienummer": "KS 1"})
        assert register.status_code == (302 if allowed else 403)
    csv_text = client.get("/moderering/export.csv").get_data(as_text=True)
    assert ("Spam på biblioteket" in csv_text) is sees_own
    assert ("Spam på fritid" in csv_text) is sees_other


def test_account_admin_cannot_filter_on_someone_elses_account(app, world):
    client = _client(app, world["account_admin"])
    for url in ("/moderering", "/moderering/export.csv", "/moderering/export.xlsx"):
        assert client.get(url, query_string={"account": world["other"].id}).status_code == 403


def test_account_admin_cannot_record_for_someone_elses_account(app, session, world):
    client = _client(app, world["account_admin"])
    response = client.post("/moderering/ny", data=_form(world["other"].id))
    assert response.status_code == 400  # not one of the offered accounts
    session.commit()
    assert len(session.scalars(select(ModerationEntry)).all()) == 2


def test_author_cannot_post_to_the_register(app, make_user, world):
    client = _client(app, make_user(roles=[Role.AUTHOR]))
    assert client.post("/moderering/ny", data=_form(world["own"].id)).status_code == 403
    assert client.post(f"/moderering/{world['own_entry'].id}/registrera", data={"diarienummer": "x"}).status_code == 403


def test_there_is_no_way_to_delete_an_entry(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("moderation."):
            assert rule.methods <= {"GET", "HEAD", "OPTIONS", "POST"}
            assert "ta-bort" not in rule.rule and "radera" not in rule.rule
    post_endpoints = {r.endpoint for r in app.url_map.iter_rules()
                      if r.endpoint.startswith("moderation.") and "POST" in r.methods}
    assert post_endpoints == {"moderation.new", "moderation.register", "moderation.led_to_action"}


def _form(account_id, **overrides):
    data = {"account": str(account_id), "removed_at": "2026-11-20T10:15", "published_at": "2026-11-20T09:00",
            "removed_text": "Köp billiga klockor!", "author_handle": "@klockor", "reason": "spam",
            "reason_explanation": "", "submit": "Spara i registret"}
    data.update(overrides)
    return data


def test_check_step_suggests_a_reason_and_saves_nothing(app, session, world):
    client = _client(app, world["reviewer"])
    text = "Rea! https://klockor.example/a och https://klockor.example/b"
    response = client.post("/moderering/ny", data={"account": str(world["own"].id), "removed_text": text,
                                                   "removed_at": "2026-11-20T10:15", "check": "Kontrollera text"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Kontrollens förslag" in page and "Spam/reklam" in page
    assert 'value="spam" checked' in page or 'checked id="reason-4"' in page or _checked(page) == "spam"
    assert text.split()[0] in page  # the text is kept
    session.commit()
    assert len(session.scalars(select(ModerationEntry)).all()) == 2


def _checked(page: str) -> str | None:
    import re

    match = re.search(r'<input[^>]*checked[^>]*name="reason"[^>]*value="(\w+)"|'
                      r'<input[^>]*name="reason"[^>]*value="(\w+)"[^>]*checked', page)
    return next((g for g in match.groups() if g), None) if match else None


def test_check_step_suggests_personal_data_for_a_personnummer(app, world):
    client = _client(app, world["reviewer"])
    page = client.post("/moderering/ny", data={"account": str(world["own"].id), "removed_at": "2026-11-20T10:15",
                                               "removed_text": "Hon har personnummer 19811218-9876.",
                                               "check": "Kontrollera text"}).get_data(as_text=True)
    assert _checked(page) == "personuppgifter"


def test_recording_with_a_gps_jpeg_stores_it_without_metadata_and_serves_it_inline(app, session, world):
    client = _client(app, world["reviewer"])
    data = _form(world["own"].id)
    data["screenshot"] = (io.BytesIO(jpeg_with_gps()), "bild.png", "text/plain")  # name and type lie
    response = client.post("/moderering/ny", data=data, content_type="multipart/form-data")
    assert response.status_code == 302, response.get_data(as_text=True)
    session.commit()
    entry = session.scalars(select(ModerationEntry).order_by(ModerationEntry.id.desc())).first()
    assert entry.removed_text == "Köp billiga klockor!" and entry.removed_by_id == world["reviewer"].id
    assert entry.removed_at == datetime(2026, 11, 20, 9, 15, tzinfo=timezone.utc)  # 10:15 Stockholm time
    assert entry.published_at == datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)
    stored = entry.screenshot.data
    image = Image.open(io.BytesIO(stored))
    assert entry.screenshot.mime_type == "image/jpeg" and image.format == "JPEG"
    assert len(image.getexif()) == 0 and not image.getexif().get_ifd(GPS_IFD)
    assert b"Exif" not in stored and b"Hemlig kamera" not in stored
    served = client.get(f"/moderering/{entry.id}/skarmbild")
    assert served.status_code == 200 and served.data == stored
    assert served.headers["Content-Type"] == "image/jpeg"
    assert served.headers["Content-Disposition"] == f'inline; filename="skarmbild-{entry.id}.jpg"'
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in served.headers["Cache-Control"]
    detail = client.get(f"/moderering/{entry.id}").get_data(as_text=True)
    assert f"/moderering/{entry.id}/skarmbild" in detail
    assert client.get("/moderering").status_code == 200
    rows = _csv_rows(client.get("/moderering/export.csv", query_string={"account": world["own"].id}))
    assert [r[12] for r in rows[1:] if r[0] == str(entry.id)] == ["Ja"]


def test_png_screenshot_is_served_as_png(app, session, world):
    client = _client(app, world["reviewer"])
    data = _form(world["own"].id)
    data["screenshot"] = (io.BytesIO(png_bytes()), "skarmbild.jpg", "image/jpeg")
    assert client.post("/moderering/ny", data=data, content_type="multipart/form-data").status_code == 302
    session.commit()
    entry = session.scalars(select(ModerationEntry).order_by(ModerationEntry.id.desc())).first()
    served = client.get(f"/moderering/{entry.id}/skarmbild")
    assert served.headers["Content-Type"] == "image/png"
    assert served.headers["Content-Disposition"] == f'inline; filename="skarmbild-{entry.id}.png"'
    assert Image.open(io.BytesIO(served.data)).size == (40, 30)


@pytest.mark.parametrize("changes, culled", [
    ({}, True), ({"led_to_action": True}, False), ({"diarienummer": "KS 2026/3"}, False),
    ({"reason": RemovalReason.UNLAWFUL}, False),
])
def test_detail_page_says_whether_the_entry_will_be_culled(app, session, world, changes, culled):
    entry = make_moderation_entry(session, account=world["own"], removed_by=world["reviewer"], **changes)
    page = _client(app, world["reviewer"]).get(f"/moderering/{entry.id}").get_data(as_text=True)
    assert ("Gallras efter 90 dagar" in page) is culled
    assert ("Gallras inte" in page) is (not culled)


@pytest.mark.parametrize("upload, message", [
    (b"bara text, inte en bild\n" * 10, "PNG- eller JPEG-bild"),
    (b"\x89PNG\r\n\x1a\n" + b"skrap" * 100, "skadad"),
])
def test_recording_refuses_files_that_are_not_images(app, session, world, upload, message):
    client = _client(app, world["reviewer"])
    data = _form(world["own"].id)
    data["screenshot"] = (io.BytesIO(upload), "skarmbild.png", "image/png")
    response = client.post("/moderering/ny", data=data, content_type="multipart/form-data")
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    session.commit()
    assert len(session.scalars(select(ModerationEntry)).all()) == 2


def test_recording_refuses_oversized_screenshot(app, session, world):
    app.config["SCREENSHOT_MAX_BYTES"] = 1000
    client = _client(app, world["reviewer"])
    data = _form(world["own"].id)
    data["screenshot"] = (io.BytesIO(png_bytes(size=(300, 300), color=None) + b"\x00" * 1000), "a.png", "image/png")
    response = client.post("/moderering/ny", data=data, content_type="multipart/form-data")
    assert response.status_code == 400 and "för stor" in response.get_data(as_text=True)


def test_other_reason_without_explanation_is_refused(app, session, world):
    client = _client(app, world["reviewer"])
    response = client.post("/moderering/ny", data=_form(world["own"].id, reason="annat"))
    assert response.status_code == 400
    assert "Förklara skälet" in response.get_data(as_text=True)


def test_registering_a_diarienummer_is_audited(app, session, world):
    client = _client(app, world["reviewer"])
    entry_id = world["own_entry"].id
    response = client.post(f"/moderering/{entry_id}/registrera", data={"diarienummer": "KS 2026/77"})
    assert response.status_code == 302
    session.commit()
    entry = session.get(ModerationEntry, entry_id)
    assert entry.diarienummer == "KS 2026/77" and entry.registered_at is not None
    log = session.scalars(select(AuditEntry).where(AuditEntry.action == "moderation.register")).one()
    assert json.loads(log.details) == {"diarienummer": "KS 2026/77"} and log.actor_id == world["reviewer"].id
    assert client.post(f"/moderering/{entry_id}/atgard").status_code == 302
    session.commit()
    session.refresh(entry)
    assert entry.led_to_action is True


# Exports: opened and checked cell by cell.

@pytest.fixture
def export_world(session, world):
    """Entries around local-day edges: 23:30 UTC on 23 Nov is 00:30 on 24 Nov in Stockholm."""
    reviewer, own, other = world["reviewer"], world["own"], world["other"]
    edge = make_moderation_entry(
        session, account=own, removed_by=reviewer, reason=RemovalReason.OTHER, reason_explanation="Fel tråd",
        removed_at=datetime(2026, 11, 23, 23, 30, tzinfo=timezone.utc),
        published_at=datetime(2026, 11, 23, 20, 0, tzinfo=timezone.utc),
        removed_text='=HYPERLINK("https://ond.example";"klicka")', author_handle="@ond",
        led_to_action=True, diarienummer="KS 2026/5",
        registered_at=datetime(2026, 11, 24, 8, 0, tzinfo=timezone.utc))
    late = make_moderation_entry(
        session, account=other, removed_by=reviewer, reason=RemovalReason.OFFENSIVE,
        removed_at=datetime(2026, 11, 30, 22, 59, tzinfo=timezone.utc), removed_text="Rad ett\nrad två; å ä ö")
    return {**world, "edge": edge, "late": late}


def _csv_rows(response):
    body = response.data.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:]), delimiter=";"))


def test_csv_export_cell_by_cell(app, export_world):
    """Cells a spreadsheet would run as formulas (=, +, -, @) get a leading apostrophe (OWASP CSV injection)."""
    client = _client(app, export_world["reviewer"])
    response = client.get("/moderering/export.csv", query_string={"from": "2026-11-24", "to": "2026-11-30"})
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="borttaget-innehall-fran-2026-11-24-till-2026-11-30.csv"')
    rows = _csv_rows(response)
    assert rows[0] == [heading for heading, _ in EXPORT_COLUMNS]
    late, edge = export_world["late"], export_world["edge"]
    assert rows[1:] == [
        [str(late.id), "Ale fritid", "Facebook", "", "2026-11-30 23:59", "'@solbutiken", "Kränkande/stötande", "",
         "Greta Granskare", "Nej", "", "", "Nej", "Rad ett\nrad två; å ä ö"],
        [str(edge.id), "Ale bibliotek", "Facebook", "2026-11-23 21:00", "2026-11-24 00:30", "'@ond", "Annat",
         "Fel tråd", "Greta Granskare", "Ja", "KS 2026/5", "2026-11-24 09:00", "Nej",
         "'=HYPERLINK(\"https://ond.example\";\"klicka\")"],
    ]


def test_csv_export_filters_by_account(app, export_world):
    client = _client(app, export_world["reviewer"])
    rows = _csv_rows(client.get("/moderering/export.csv", query_string={"account": export_world["own"].id}))
    assert [r[0] for r in rows[1:]] == [str(export_world["edge"].id), str(export_world["own_entry"].id)]


def test_xlsx_export_cell_by_cell(app, export_world):
    client = _client(app, export_world["reviewer"])
    response = client.get("/moderering/export.xlsx",
                          query_string={"from": "2026-11-24", "to": "2026-11-30", "account": export_world["own"].id})
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = load_workbook(io.BytesIO(response.data)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == [heading for heading, _ in EXPORT_COLUMNS]
    assert all(c.font.bold for c in sheet[1])
    edge = export_world["edge"]
    assert values[1:] == [[
        edge.id, "Ale bibliotek", "Facebook", datetime(2026, 11, 23, 21, 0), datetime(2026, 11, 24, 0, 30), "@ond",
        "Annat", "Fel tråd", "Greta Granskare", "Ja", "KS 2026/5", datetime(2026, 11, 24, 9, 0), "Nej",
        '=HYPERLINK("https://ond.example";"klicka")',
    ]]
    text_cell = sheet.cell(row=2, column=len(EXPORT_COLUMNS))
    assert text_cell.data_type == "s"  # stored as text, never as a formula
    for column in (4, 5, 12):
        assert sheet.cell(row=2, column=column).is_date
        assert sheet.cell(row=2, column=column).number_format == "yyyy-mm-dd hh:mm"
    assert sheet.freeze_panes == "A2"
    about = {row[0]: row[1] for row in load_workbook(io.BytesIO(response.data))["Om exporten"].iter_rows(values_only=True)}
    assert about["Från och med"] == "2026-11-24" and about["Till och med"] == "2026-11-30"
    assert about["Konto"] == "Ale bibliotek (Facebook)" and about["Exporterad av"] == "Greta Granskare"
    assert sheet.column_dimensions["N"].width == 80 and sheet.column_dimensions["B"].width == 28


@pytest.mark.parametrize("query, message", [
    ({"from": "2026-02-30"}, "ÅÅÅÅ-MM-DD"),
    ({"to": "i morgon"}, "ÅÅÅÅ-MM-DD"),
    ({"from": "2026-11-30", "to": "2026-11-01"}, "före till-datumet"),
    ({"account": "abc"}, "nummer"),
])
@pytest.mark.parametrize("url", ["/moderering", "/moderering/export.csv", "/moderering/export.xlsx"])
def test_invalid_query_parameters_answer_a_swedish_400(app, world, url, query, message):
    response = _client(app, world["reviewer"]).get(url, query_string=query)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert message in page and "Traceback" not in page


def test_unknown_account_filter_answers_400(app, world):
    response = _client(app, world["reviewer"]).get("/moderering", query_string={"account": 9999})
    assert response.status_code == 400
    assert "Det finns inget konto med nummer 9999" in response.get_data(as_text=True)
