"""The figures, worked out by hand for the known data set in tests/stats/dataset.py."""
from datetime import date

import pytest

from aledraft.errors import ValidationFailed
from aledraft.stats import services
from aledraft.stats.services import Period
from tests.stats import dataset

PERIOD = Period(date(2026, 11, 2), date(2026, 11, 22))
KOMMUN = "Ale kommun (Facebook)"
BIBLIOTEK = "Ale bibliotek (Instagram)"


@pytest.fixture
def data(session):
    world = dataset.build(session)
    return world, services.load_rows(session, PERIOD)


def test_drafts_per_week_and_account_count_local_weeks(data):
    world, rows = data
    weekly = services.drafts_per_week(rows, PERIOD)
    kommun, bibliotek = world["kommun"].id, world["bibliotek"].id
    assert weekly.weeks == ["2026-v45", "2026-v46", "2026-v47"]
    assert weekly.accounts == [(bibliotek, BIBLIOTEK), (kommun, KOMMUN)]
    assert [[weekly.count(w, a) for a in (kommun, bibliotek)] for w in weekly.weeks] == [[2, 0], [0, 1], [2, 1]]
    assert [weekly.week_total(w) for w in weekly.weeks] == [2, 1, 3]
    assert weekly.total == 6


def test_approval_time_median_and_90th_percentile(data):
    _, rows = data
    times = services.approval_times(rows, PERIOD)
    assert times.hours == [1, 2, 4, 10, 48]
    assert times.median == 4
    assert times.p90 == 48  # nearest rank: ceil(0.9 × 5) = 5th value
    assert times.bins == [("under 1 h", 0), ("1–4 h", 2), ("4–8 h", 1), ("8–24 h", 1), ("1–2 dygn", 0),
                          ("2–3 dygn", 1), ("över 3 dygn", 0)]


def test_finding_categories_come_from_latest_versions_once_per_draft(data):
    _, rows = data
    assert [(c.category, c.label, c.drafts, c.findings) for c in services.finding_categories(rows, PERIOD)] == [
        ("plain_language", "Klarspråk", 2, 3),
        ("personnummer", "Personnummer", 2, 2),
        ("person_name", "Personnamn", 1, 1),
    ]


def test_lix_distribution_per_account(data):
    _, rows = data
    lix = services.lix_by_account(rows, PERIOD)
    assert [(a.label, a.values, a.median) for a in lix] == [(BIBLIOTEK, [55.5], 55.5), (KOMMUN, [18, 30, 35, 42], 32.5)]
    assert [n for _, n in lix[1].bins] == [1, 0, 2, 1, 0, 0]  # 30 falls in 30–40
    assert [n for _, n in lix[0].bins] == [0, 0, 0, 0, 1, 0]


def test_late_replies_are_those_published_more_than_the_limit_after_the_question(data):
    _, rows = data
    replies = services.late_replies(rows, PERIOD, overdue_hours=24)
    assert [(a.label, a.replies, a.late, a.median_hours) for a in replies.accounts] == [(KOMMUN, 2, 1, 19)]
    assert [(r.hours) for r in replies.late] == [26]
    assert services.late_replies(rows, PERIOD, overdue_hours=26).accounts[0].late == 0  # 26 h is not over 26 h


@pytest.mark.parametrize("values, p, expected", [
    ([], 90, None), ([5], 90, 5), ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9), ([3, 1, 2], 50, 2),
    ([1, 2, 3, 4], 50, 2),
])
def test_percentile_is_nearest_rank(values, p, expected):
    assert services.percentile(values, p) == expected


def test_default_period_is_the_last_twelve_weeks():
    period = services.default_period(date(2026, 11, 24))
    assert (period.first_day, period.last_day) == (date(2026, 9, 7), date(2026, 11, 24))
    assert len(services.period_weeks(period)) == 12
    assert services.parse_period({}, date(2026, 11, 24)) == period


@pytest.mark.parametrize("args", [{"from": "2026-11-31"}, {"to": "igår"}, {"from": "2026-11-10", "to": "2026-11-01"},
                                  {"from": "2020-01-01", "to": "2026-01-01"}])
def test_bad_periods_are_refused(args):
    with pytest.raises(ValidationFailed):
        services.parse_period(args, date(2026, 11, 24))
