"""Accessibility scan with axe-core: no serious or critical violations on the main pages."""
from playwright.sync_api import expect

from aledraft.access import Role
from aledraft.models import DraftState
from tests.e2e.conftest import login, run_axe, screenshot
from tests.factories import make_draft

BLOCKING_IMPACTS = {"serious", "critical"}


def check_page(page, label: str):
    violations = run_axe(page)
    for v in violations:
        targets = ", ".join(str(node["target"]) for node in v["nodes"][:5])
        print(f"axe {label}: {v['impact']} {v['id']} – {v['help']} ({len(v['nodes'])}: {targets})")
    serious = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
    assert not serious, [(v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in serious]


def test_login_page_has_no_serious_accessibility_violations(page):
    page.goto("/login")
    check_page(page, "login")


def test_editor_with_live_findings_has_no_serious_accessibility_violations(new_page, make_user, make_account):
    author = make_user(roles=[Role.AUTHOR])
    make_account()
    page = new_page()
    login(page, author)
    check_page(page, "dashboard (skribent)")
    page.goto("/utkast/ny")
    page.locator("#draft-text").fill("Du kan erhålla hjälp. Mitt personnummer är 19811218-9876.")
    expect(page.locator(".editor-highlights mark")).not_to_have_count(0)
    check_page(page, "editor (new draft)")
    page.get_by_role("button", name="Spara och kontrollera").click()
    expect(page.locator("#editor-status")).to_contain_text("Kontrollen är klar")
    check_page(page, "editor (saved draft)")


def test_review_pages_have_no_serious_accessibility_violations(new_page, app, session, make_user, make_account):
    author = make_user(roles=[Role.AUTHOR], name="Sara Skribent")
    reviewer = make_user(roles=[Role.REVIEWER], name="Gustav Granskare")
    account = make_account(name="Ale bibliotek")
    with app.app_context():
        draft = make_draft(session, author, account, "Nu kan du erhålla hjälp med läxorna. Ring 19811218-9876.",
                           state=DraftState.IN_REVIEW)
    page = new_page()
    login(page, reviewer)
    check_page(page, "dashboard (granskare)")
    page.goto("/granskning")
    expect(page.get_by_role("link", name=f"Granska utkast {draft.id}")).to_be_visible()
    check_page(page, "review queue")
    page.goto(f"/utkast/{draft.id}/granskning")
    check_page(page, "review page")
    screenshot(page, "review.png", full_page=True)


def test_moderation_register_and_statistics_have_no_serious_accessibility_violations(new_page, session):
    from datetime import timedelta

    from aledraft.db import utcnow
    from aledraft.models import RemovalReason
    from tests.factories import make_moderation_entry
    from tests.stats import dataset

    data = dataset.build(session)
    reviewer = data["approver"]
    for days, reason, text, handle in (
        (3, RemovalReason.SPAM, "Köp billiga solglasögon på www.example.com!!!", "@solbutiken"),
        (10, RemovalReason.PERSONAL_DATA, "Min granne heter Anna och bor på Storgatan 5B.", "@grannen77"),
    ):
        make_moderation_entry(session, account=data["kommun"], removed_by=reviewer, reason=reason,
                              removed_text=text, author_handle=handle, removed_at=utcnow() - timedelta(days=days))
    page = new_page()
    login(page, reviewer)
    page.goto("/moderering")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    check_page(page, "moderation register")
    screenshot(page, "moderation.png", full_page=True)
    page.goto("/statistik?from=2026-11-02&to=2026-11-22")
    expect(page.locator("svg[role=img]").first).to_be_visible()
    check_page(page, "statistics")
    screenshot(page, "statistics.png", full_page=True)
