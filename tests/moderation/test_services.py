"""Moderation register rules: recording, registering, suggesting a reason, culling (gallring)."""
import json
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from aledraft.access import Role
from aledraft.errors import NotPermitted, ValidationFailed
from aledraft.models import AuditEntry, ModerationEntry, RemovalReason, Screenshot
from aledraft.moderation import services
from tests.factories import make_moderation_entry

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc)
DAYS = 90


@pytest.fixture
def reviewer(make_user):
    return make_user(roles=[Role.REVIEWER], name="Greta Granskare")


@pytest.fixture
def account(make_account):
    return make_account(name="Ale kommun")


def _record(session, actor, account, **overrides):
    values = dict(account=account, removed_at=NOW - timedelta(hours=1), removed_text="Köp nu!",
                  reason=RemovalReason.SPAM, screenshot_max_bytes=1_000_000, now=NOW)
    values.update(overrides)
    return services.record_removal(session, actor, **values)


def test_record_removal_writes_entry_and_audit_without_content(session, reviewer, account):
    entry = _record(session, reviewer, account, removed_text="Hemlig kommentar", author_handle="@någon")
    session.commit()
    assert entry.removed_by_id == reviewer.id
    log = session.scalars(select(AuditEntry).where(AuditEntry.action == "moderation.record")).one()
    assert log.object_id == str(entry.id)
    assert "Hemlig kommentar" not in log.details and "@någon" not in log.details


def test_other_reason_requires_explanation(session, reviewer, account):
    with pytest.raises(ValidationFailed, match="Annat"):
        _record(session, reviewer, account, reason=RemovalReason.OTHER, reason_explanation="  ")
    entry = _record(session, reviewer, account, reason=RemovalReason.OTHER, reason_explanation="Fel tråd")
    assert entry.reason_explanation == "Fel tråd"


@pytest.mark.parametrize("overrides, message", [
    ({"removed_text": "   "}, "borttagna texten"),
    ({"removed_at": NOW + timedelta(hours=1)}, "framtiden"),
    ({"published_at": NOW}, "publicerats efter"),
])
def test_record_removal_refuses_impossible_values(session, reviewer, account, overrides, message):
    with pytest.raises(ValidationFailed, match=message):
        _record(session, reviewer, account, **overrides)


@pytest.mark.parametrize("role, admin_of_account, allowed", [
    (Role.AUTHOR, False, False),
    (Role.REVIEWER, False, True),
    (Role.COMMS_CHIEF, False, True),
    (Role.ACCOUNT_ADMIN, True, True),
    (Role.ACCOUNT_ADMIN, False, False),
    (Role.ADMIN, False, False),
])
def test_only_comms_unit_and_the_accounts_admins_may_record(session, make_user, make_account, role,
                                                             admin_of_account, allowed):
    user = make_user(roles=[role])
    account = make_account(admins=[user] if admin_of_account else [])
    if allowed:
        assert _record(session, user, account).id
    else:
        with pytest.raises(NotPermitted):
            _record(session, user, account)


def test_register_entry_keeps_previous_number_in_log(session, reviewer, account):
    entry = _record(session, reviewer, account)
    services.register_entry(session, reviewer, entry, " KS 2026/123 ", NOW)
    assert entry.diarienummer == "KS 2026/123" and entry.registered_at == NOW
    services.register_entry(session, reviewer, entry, "KS 2026/124", NOW + timedelta(days=1))
    assert entry.registered_at == NOW
    logs = session.scalars(select(AuditEntry).where(AuditEntry.action == "moderation.register")
                           .order_by(AuditEntry.id)).all()
    assert [json.loads(l.details) for l in logs] == [
        {"diarienummer": "KS 2026/123"}, {"diarienummer": "KS 2026/124", "previous": "KS 2026/123"}]
    with pytest.raises(ValidationFailed):
        services.register_entry(session, reviewer, entry, "  ", NOW)


def test_marking_led_to_action_is_one_way_and_logged_once(session, reviewer, account):
    entry = _record(session, reviewer, account)
    services.mark_led_to_action(session, reviewer, entry)
    services.mark_led_to_action(session, reviewer, entry)
    assert entry.led_to_action is True
    assert len(session.scalars(select(AuditEntry).where(AuditEntry.action == "moderation.led_to_action")).all()) == 1


# Suggesting a reason (the analyzer's categories → a reason; checked without the analyzer).

@pytest.mark.parametrize("categories, text, expected", [
    (["personnummer"], "", RemovalReason.PERSONAL_DATA),
    (["coordination_number"], "", RemovalReason.PERSONAL_DATA),
    (["phone", "plain_language"], "", RemovalReason.PERSONAL_DATA),
    (["sensitive_data"], "", RemovalReason.PERSONAL_DATA),
    (["confidential", "person_name"], "", RemovalReason.CONFIDENTIAL),  # sekretess weighs heaviest
    ([], "Rea! https://a.example https://b.example", RemovalReason.SPAM),
    (["plain_language", "tone"], "Dåligt skött!", None),
])
def test_suggested_reason_follows_findings(categories, text, expected):
    assert services.suggest_reason_from(categories, text).reason is expected


def test_suggest_reason_runs_the_checker_on_the_text():
    suggestion = services.suggest_reason("Mitt personnummer är 19811218-9876, ring mig.")
    assert suggestion.reason is RemovalReason.PERSONAL_DATA
    assert "personnummer" in suggestion.categories


# Culling (gallring): exactly what the decision allows, nothing else.

CULL_TABLE = [
    # (id, reason, age, led_to_action, registered, culled)
    ("spam-old", RemovalReason.SPAM, timedelta(days=DAYS, seconds=1), False, False, True),
    ("spam-very-old", RemovalReason.SPAM, timedelta(days=400), False, False, True),
    ("spam-exactly-at-boundary", RemovalReason.SPAM, timedelta(days=DAYS), False, False, False),
    ("spam-just-inside", RemovalReason.SPAM, timedelta(days=DAYS) - timedelta(seconds=1), False, False, False),
    ("spam-new", RemovalReason.SPAM, timedelta(days=1), False, False, False),
    ("spam-led-to-action", RemovalReason.SPAM, timedelta(days=400), True, False, False),
    ("spam-registered", RemovalReason.SPAM, timedelta(days=400), False, True, False),
    ("confidential-old", RemovalReason.CONFIDENTIAL, timedelta(days=400), False, False, False),
    ("unlawful-old", RemovalReason.UNLAWFUL, timedelta(days=400), False, False, False),
    ("offensive-old", RemovalReason.OFFENSIVE, timedelta(days=400), False, False, False),
    ("personal-data-old", RemovalReason.PERSONAL_DATA, timedelta(days=400), False, False, False),
    ("other-old", RemovalReason.OTHER, timedelta(days=400), False, False, False),
]


@pytest.fixture
def cull_table(session, reviewer, account):
    """Create one entry per CULL_TABLE row; return {row id: entry id}."""
    ids = {}
    for key, reason, age, action, registered, _ in CULL_TABLE:
        entry = make_moderation_entry(
            session, account=account, removed_by=reviewer, reason=reason, removed_at=NOW - age,
            removed_text=f"Innehåll {key}", led_to_action=action,
            diarienummer="KS 2026/1" if registered else "", registered_at=NOW - age if registered else None,
            reason_explanation="förklaring" if reason is RemovalReason.OTHER else "")
        ids[key] = entry.id
    return ids


def _expected_culled(ids):
    return {ids[row[0]] for row in CULL_TABLE if row[5]}


def test_cullable_is_exactly_old_spam_without_action_or_registration(session, cull_table):
    assert {e.id for e in services.cullable(session, NOW, DAYS)} == _expected_culled(cull_table)


@pytest.mark.parametrize("row", CULL_TABLE, ids=[row[0] for row in CULL_TABLE])
def test_cull_removes_only_what_the_policy_allows(session, cull_table, row):
    services.cull(session, NOW, DAYS)
    session.commit()
    still_there = session.get(ModerationEntry, cull_table[row[0]]) is not None
    assert still_there is (not row[5])


def test_dry_run_deletes_nothing_and_writes_no_audit(session, cull_table):
    result = services.cull(session, NOW, DAYS, dry_run=True)
    session.commit()
    assert result.count == len(_expected_culled(cull_table))
    assert {i.id for i in result.items} == _expected_culled(cull_table)
    assert len(session.scalars(select(ModerationEntry)).all()) == len(CULL_TABLE)
    assert session.scalars(select(AuditEntry).where(AuditEntry.action == "moderation.cull")).all() == []


def test_cull_writes_one_audit_entry_with_count_and_period_but_no_content(session, cull_table):
    result = services.cull(session, NOW, DAYS)
    session.commit()
    logs = session.scalars(select(AuditEntry).where(AuditEntry.action == "moderation.cull")).all()
    assert len(logs) == 1
    log = logs[0]
    details = json.loads(log.details)
    assert details == {
        "count": 2, "days": DAYS, "cutoff": (NOW - timedelta(days=DAYS)).isoformat(),
        "removed_from": (NOW - timedelta(days=400)).isoformat(),
        "removed_to": (NOW - timedelta(days=DAYS, seconds=1)).isoformat(),
    }
    assert result.count == 2
    assert log.actor_id is None and log.actor_name == "system"
    assert "Innehåll" not in log.details and "@solbutiken" not in log.details and "Köp" not in log.details


def test_cull_removes_the_screenshot_with_the_entry(session, reviewer, account):
    entry = make_moderation_entry(session, account=account, removed_by=reviewer,
                                  removed_at=NOW - timedelta(days=DAYS + 1))
    entry.screenshot = Screenshot(mime_type="image/png", width=1, height=1, data=b"x")
    session.commit()
    services.cull(session, NOW, DAYS)
    session.commit()
    assert session.scalars(select(Screenshot)).all() == []


def test_cull_with_nothing_to_cull_changes_nothing(session, reviewer, account):
    make_moderation_entry(session, account=account, removed_by=reviewer, removed_at=NOW)
    result = services.cull(session, NOW, DAYS)
    session.commit()
    assert result.count == 0
    assert session.scalars(select(AuditEntry).where(AuditEntry.action == "moderation.cull")).all() == []


def test_cull_moderation_command(runner, session, reviewer, account):
    """The cron command on the real clock: --dry-run lists without content, a real run deletes."""
    from aledraft.db import utcnow

    now = utcnow()
    rows = {
        "old spam": dict(removed_at=now - timedelta(days=400)),
        "new spam": dict(removed_at=now - timedelta(days=1)),
        "old registered spam": dict(removed_at=now - timedelta(days=400), diarienummer="KS 2026/9",
                                    registered_at=now - timedelta(days=399)),
        "old confidential": dict(removed_at=now - timedelta(days=400), reason=RemovalReason.CONFIDENTIAL),
    }
    ids = {key: make_moderation_entry(session, account=account, removed_by=reviewer,
                                      removed_text=f"Innehåll {key}", **values).id
           for key, values in rows.items()}
    dry = runner.invoke(args=["cull-moderation", "--dry-run", "--days", str(DAYS)])
    assert dry.exit_code == 0, dry.output
    assert "Provkörning: 1 poster skulle gallras" in dry.output
    assert dry.output.startswith(f"{ids['old spam']}\t")
    assert "Innehåll" not in dry.output
    session.commit()
    assert len(session.scalars(select(ModerationEntry)).all()) == 4
    real = runner.invoke(args=["cull-moderation"])
    assert real.exit_code == 0, real.output
    assert "1 poster gallrade" in real.output
    session.commit()
    remaining = {e.id for e in session.scalars(select(ModerationEntry))}
    assert remaining == set(ids.values()) - {ids["old spam"]}
    assert runner.invoke(args=["cull-moderation", "--days", "0"]).exit_code != 0


# Filters.

@pytest.mark.parametrize("args, message", [
    ({"from": "2026-13-01"}, "ÅÅÅÅ-MM-DD"),
    ({"to": "igår"}, "ÅÅÅÅ-MM-DD"),
    ({"from": "20261124"}, "ÅÅÅÅ-MM-DD"),
    ({"from": "2026-11-24", "to": "2026-11-01"}, "före till-datumet"),
    ({"account": "ett"}, "nummer"),
])
def test_parse_filters_refuses_bad_values_in_swedish(args, message):
    with pytest.raises(ValidationFailed, match=message):
        services.parse_filters(args, [])


def test_suggestion_names_the_personal_data_in_swedish():
    suggestion = services.suggest_reason_from(["phone", "coordination_number"])
    assert suggestion.explanation == "Texten innehåller personuppgifter (samordningsnummer, telefonnummer)."
