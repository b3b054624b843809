"""Text that looks like markup or plays tricks with direction shows as plain text everywhere and runs nothing."""
from playwright.sync_api import expect

from aledraft.access import Role
from aledraft.drafts.services import save_version
from aledraft.review.services import submit
from aledraft.models import DraftState
from tests.e2e.conftest import assert_not_pwned, login, logout
from tests.factories import make_draft

#: Every way the text could try to become markup or script, plus bidi and zero-width tricks.
HOSTILE = (
    '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">\n'
    '<a href="javascript:window.__pwned=1">klicka här</a> javascript:window.__pwned=1\n'
    "Omvänd \u202Etxet\u202C och noll\u200Bbredd. Fest \U0001F389! Personnummer 19811218-9876."
)


def text_of(page, selector: str) -> str:
    return page.eval_on_selector(selector, "node => node.textContent")


def test_hostile_text_is_shown_literally_and_runs_nothing(new_page, app, session, make_user, make_account):
    author = make_user(roles=[Role.AUTHOR])
    reviewer = make_user(roles=[Role.REVIEWER])
    account = make_account(name="Ale kulturskola")
    with app.app_context():  # services queue mail on flask.g
        draft = make_draft(session, author, account, "Första versionen.")
        save_version(session, draft, HOSTILE, draft.version, author)
        submit(session, draft, author)
        session.commit()
    assert draft.state == DraftState.IN_REVIEW.value

    page = new_page()
    login(page, author)

    # The editor: textarea, highlighting mirror, live list and preview.
    page.goto(f"/utkast/{draft.id}")
    expect(page.locator("#draft-text")).to_have_value(HOSTILE)
    # The emoji is one character for the analyzer and two for the browser: the mark still fits.
    expect(page.locator(".editor-highlights mark.hl-block")).to_have_text(["19811218-9876"])
    assert text_of(page, ".editor-highlights") == HOSTILE + " "
    assert text_of(page, "#preview") == HOSTILE
    page.locator("#draft-text").press("Control+End")
    page.keyboard.type(" <b>fet</b>")
    expect(page.locator("#preview")).to_have_text(HOSTILE + " <b>fet</b>")
    expect(page.locator("#editor-status")).to_contain_text("Kontrollen är klar")
    assert text_of(page, ".editor-highlights") == HOSTILE + " <b>fet</b> "
    assert page.locator("#preview b, .editor-highlights b").count() == 0
    assert_not_pwned(page)

    # The author's list of drafts shows the beginning of the text as text.
    page.goto("/utkast")
    expect(page.locator("main table")).to_contain_text("<script>window.__pwned=1</script><img src=x")
    assert_not_pwned(page)

    # The version history's diff.
    page.goto(f"/utkast/{draft.id}/versioner")
    expect(page.locator(".diff-text")).to_contain_text("<script>window.__pwned=1</script>")
    expect(page.locator(".diff-text ins")).to_contain_text(['<a href="javascript:window.__pwned=1">'])
    assert "\u202Etxet\u202C" in text_of(page, ".diff-text")
    assert "noll\u200Bbredd" in text_of(page, ".diff-text")
    assert_not_pwned(page)

    page.goto("/")
    assert_not_pwned(page)
    logout(page)

    # The reviewer's queue and review page.
    login(page, reviewer)
    assert_not_pwned(page)
    page.goto("/granskning")
    expect(page.locator("main table")).to_contain_text("<script>window.__pwned=1</script><img src=x")
    assert_not_pwned(page)
    page.goto(f"/utkast/{draft.id}/granskning")
    assert text_of(page, "#preview") == HOSTILE
    expect(page.locator("#findings")).to_contain_text("19811218-9876")
    assert_not_pwned(page)
    page.goto("/utkast?visa=alla")
    expect(page.locator("main table")).to_contain_text("<script>window.__pwned=1</script>")
    assert_not_pwned(page)
    assert page.js_errors == []
