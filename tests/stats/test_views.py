"""The statistics page: rights, and charts whose bars match their data tables cell by cell."""
import re
import xml.etree.ElementTree as ET

import pytest

from aledraft.access import Role
from tests.helpers import login_as
from tests.stats import dataset

SVG = "{http://www.w3.org/2000/svg}"
PERIOD = {"from": "2026-11-02", "to": "2026-11-22"}


@pytest.mark.parametrize("role, status", [
    (Role.AUTHOR, 403),
    (Role.REVIEWER, 200),
    (Role.COMMS_CHIEF, 200),
    (Role.ACCOUNT_ADMIN, 403),
    (Role.ADMIN, 403),  # admin manages users and accounts; the figures are the communications unit's
])
def test_statistics_are_for_the_communications_unit(app, make_user, role, status):
    client = app.test_client()
    login_as(client, make_user(roles=[role]))
    assert client.get("/statistik").status_code == status


@pytest.fixture
def page(app, session):
    world = dataset.build(session)
    client = app.test_client()
    login_as(client, world["approver"])
    response = client.get("/statistik", query_string=PERIOD)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def svg(page: str, chart_id: str) -> ET.Element:
    match = re.search(rf'<svg[^>]*id="{chart_id}".*?</svg>', page, re.S)
    assert match, chart_id
    return ET.fromstring(match.group(0))


def bars(chart: ET.Element) -> list[tuple[str, str, str]]:
    """(data-label, data-value, printed value) of every bar."""
    return [(g.get("data-label"), g.get("data-value"), g.find(f"{SVG}text[@class='bar-value']").text)
            for g in chart.iter(f"{SVG}g") if g.get("class") == "bar"]


def table(page: str, table_id: str) -> list[list[str]]:
    match = re.search(rf'<table id="{table_id}">.*?</table>', page, re.S)
    assert match, table_id
    root = ET.fromstring(match.group(0))
    return [["".join(cell.itertext()).strip() for cell in row] for row in root.iter("tr")]


def test_every_chart_is_an_accessible_image(page):
    charts = re.findall(r'<svg[^>]*id="([^"]+)"', page)
    assert len(charts) == 1 + 2 + 1 + 1 + 2 + 1  # weekly total, 2 accounts, approval, categories, 2 LIX, late
    for chart_id in charts:
        chart = svg(page, chart_id)
        assert chart.get("role") == "img"
        title, desc = chart.find(f"{SVG}title"), chart.find(f"{SVG}desc")
        assert title.text and desc.text
        assert chart.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert "<script" not in page


def test_weekly_charts_match_the_table(page):
    rows = table(page, "table-weekly")
    assert rows == [
        ["Vecka", "Ale bibliotek (Instagram)", "Ale kommun (Facebook)", "Totalt"],
        ["2026-v45", "0", "2", "2"],
        ["2026-v46", "1", "0", "1"],
        ["2026-v47", "1", "2", "3"],
    ]
    assert bars(svg(page, "chart-weekly-total")) == [(r[0], r[3], r[3]) for r in rows[1:]]
    for chart in re.findall(r'id="(chart-weekly-\d+)"', page):
        title = svg(page, chart).find(f"{SVG}title").text
        column = rows[0].index(title.split(": ", 1)[1])
        assert bars(svg(page, chart)) == [(r[0], r[column], r[column]) for r in rows[1:]]


def test_approval_histogram_matches_the_table_and_summary(page):
    rows = table(page, "table-approval")[1:]
    assert rows == [["under 1 h", "0"], ["1–4 h", "2"], ["4–8 h", "1"], ["8–24 h", "1"], ["1–2 dygn", "0"],
                    ["2–3 dygn", "1"], ["över 3 dygn", "0"]]
    assert bars(svg(page, "chart-approval")) == [(label, n, n) for label, n in rows]
    assert re.search(r'id="approval-median">4<', page) and re.search(r'id="approval-p90">48<', page)
    assert "Median 4 timmar, 90:e percentilen 48 timmar" in svg(page, "chart-approval").find(f"{SVG}desc").text


def test_category_chart_matches_the_table(page):
    rows = table(page, "table-categories")[1:]
    assert rows == [["Klarspråk", "2", "3"], ["Personnummer", "2", "2"], ["Personnamn", "1", "1"]]
    assert bars(svg(page, "chart-categories")) == [(label, drafts, drafts) for label, drafts, _ in rows]


def test_lix_histograms_match_the_table(page):
    rows = table(page, "table-lix")
    assert rows == [
        ["Konto", "under 20", "20–30", "30–40", "40–50", "50–60", "60 och över", "Median"],
        ["Ale bibliotek (Instagram)", "0", "0", "0", "0", "1", "0", "55,5"],
        ["Ale kommun (Facebook)", "1", "0", "2", "1", "0", "0", "32,5"],
    ]
    for row in rows[1:]:
        chart_id = next(c for c in re.findall(r'id="(chart-lix-\d+)"', page)
                        if svg(page, c).find(f"{SVG}title").text.endswith(row[0]))
        assert bars(svg(page, chart_id)) == [(h, n, n) for h, n in zip(rows[0][1:7], row[1:7])]


def test_late_reply_chart_matches_the_table(page):
    rows = table(page, "table-late")
    assert rows == [["Konto", "Sena svar", "Svar", "Mediantid (timmar)"], ["Ale kommun (Facebook)", "1", "2", "19"]]
    assert bars(svg(page, "chart-late")) == [(r[0], r[1], r[1]) for r in rows[1:]]
    assert table(page, "table-late-list")[1][-1] == "26"


def test_default_period_is_shown_without_parameters(app, make_user):
    client = app.test_client()
    login_as(client, make_user(roles=[Role.REVIEWER]))
    page = client.get("/statistik").get_data(as_text=True)
    assert len(re.findall(r"<tr><th scope=\"row\">\d{4}-v\d\d</th>", page)) == 12


@pytest.mark.parametrize("query", [{"from": "2026-02-30"}, {"to": "nu"}, {"from": "2026-11-22", "to": "2026-11-02"}])
def test_invalid_period_answers_a_swedish_400(app, make_user, query):
    client = app.test_client()
    login_as(client, make_user(roles=[Role.REVIEWER]))
    response = client.get("/statistik", query_string=query)
    assert response.status_code == 400
    assert "datum" in response.get_data(as_text=True)
