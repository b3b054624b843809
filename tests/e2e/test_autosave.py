"""Nothing typed is lost: autosave to the server, a local copy in the browser, a restore prompt."""
from playwright.sync_api import expect

from aledraft.access import Role
from tests.e2e.conftest import login
from tests.factories import make_draft

SAVED = "Välkommen till biblioteket!"
TYPED = " Vi har öppet till klockan 20 i kväll."

LOCAL_COPIES = "() => Object.keys(localStorage).filter(k => k.startsWith('aledraft.utkast.')).length"


def test_typed_text_is_autosaved_and_offered_back_after_a_reload(new_page, app, session, make_user, make_account):
    author = make_user(roles=[Role.AUTHOR])
    account = make_account()
    with app.app_context():
        draft = make_draft(session, author, account, SAVED)
    page = new_page()
    login(page, author)
    page.goto(f"/utkast/{draft.id}")
    textarea = page.locator("#draft-text")

    # The server copy: a POST to the autosave URL within a few seconds of typing.
    with page.expect_response(lambda r: r.url.endswith(f"/utkast/{draft.id}/autosave")
                              and r.request.method == "POST", timeout=15_000) as autosaved:
        textarea.press("Control+End")
        page.keyboard.type(TYPED)
    assert autosaved.value.status == 200
    assert autosaved.value.request.post_data_json == {"text": SAVED + TYPED, "base_version": 1}
    expect(page.locator("#editor-save-status")).to_contain_text("Sparat automatiskt")
    assert page.evaluate(LOCAL_COPIES) == 1

    # Reload without saving: the browser's copy is offered back.
    page.reload()
    expect(textarea).to_have_value(SAVED)
    prompt = page.locator("#editor-restore")
    expect(prompt).to_be_visible()
    expect(prompt).to_contain_text(SAVED + TYPED)
    prompt.get_by_role("button", name="Återställ").click()
    expect(prompt).to_have_count(0)
    expect(textarea).to_have_value(SAVED + TYPED)
    expect(page.locator("#preview")).to_have_text(SAVED + TYPED)

    # A normal save clears the local copy: no prompt after the reload.
    page.get_by_role("button", name="Spara och kontrollera").click()
    expect(page.locator(".flash-success")).to_contain_text("version 2")
    expect(textarea).to_have_value(SAVED + TYPED)
    expect(page.locator("#editor-restore")).to_have_count(0)
    assert page.evaluate(LOCAL_COPIES) == 0

    # Sending for review with unsaved changes is stopped once, with the reason.
    textarea.press("Control+End")
    page.keyboard.type(" Glöm inte lånekortet.")
    page.get_by_role("button", name="Skicka till granskning").click()
    expect(page.locator("#editor-unsaved")).to_contain_text("inte är sparade")
    expect(page.locator(".badge-state")).to_have_text("Utkast")

    # "Släng" throws the local copy away.
    page.reload()
    page.locator("#editor-restore").get_by_role("button", name="Släng").click()
    expect(page.locator("#editor-restore")).to_have_count(0)
    expect(textarea).to_have_value(SAVED + TYPED)
    assert page.evaluate(LOCAL_COPIES) == 0
    assert page.js_errors == []


def test_lost_connection_gives_a_calm_message_and_checking_resumes(new_page, app, session, make_user, make_account):
    author = make_user(roles=[Role.AUTHOR])
    account = make_account()
    with app.app_context():
        draft = make_draft(session, author, account, SAVED)
    page = new_page()
    login(page, author)
    page.goto(f"/utkast/{draft.id}")
    expect(page.locator("#editor-status")).to_contain_text("Kontrollen är klar")

    page.context.set_offline(True)
    page.locator("#draft-text").press("Control+End")
    page.keyboard.type(" Ring 0303-33 00 00.")
    connection = page.locator("#editor-connection")
    expect(connection).to_contain_text("Ingen kontakt med servern")
    expect(page.locator("#preview")).to_contain_text("Ring 0303-33 00 00.")  # the page keeps working

    page.context.set_offline(False)
    expect(connection).to_have_text("", timeout=15_000)
    expect(page.locator("#preview")).to_contain_text("Ring 0303-33 00 00.")
    assert page.evaluate(LOCAL_COPIES) == 1


def test_restored_text_saved_on_an_old_version_shows_both_texts(new_page, app, session, make_user, make_account):
    author = make_user(roles=[Role.AUTHOR])
    reviewer = make_user(roles=[Role.REVIEWER], name="Gustav Granskare")
    account = make_account()
    with app.app_context():
        draft = make_draft(session, author, account, SAVED)
    page = new_page()
    login(page, author)
    page.goto(f"/utkast/{draft.id}")
    page.locator("#draft-text").press("Control+End")
    page.keyboard.type(TYPED)

    # A reviewer saves version 2 in another browser before the author comes back.
    other = new_page()
    login(other, reviewer)
    other.goto(f"/utkast/{draft.id}")
    other.locator("#draft-text").fill(SAVED + " Stängt på fredag.")
    other.get_by_role("button", name="Spara och kontrollera").click()
    expect(other.locator(".flash-success")).to_contain_text("version 2")

    page.reload()
    expect(page.locator("#draft-text")).to_have_value(SAVED + " Stängt på fredag.")
    page.locator("#editor-restore").get_by_role("button", name="Återställ").click()
    expect(page.locator("#base-version")).to_have_value("1")
    page.get_by_role("button", name="Spara och kontrollera").click()

    # Nothing is overwritten silently: both texts are shown, and the author's is kept.
    conflict = page.locator("#conflict")
    expect(conflict).to_contain_text("Stängt på fredag.")
    expect(page.locator("#conflict-mine-text")).to_have_text(SAVED + TYPED)
    expect(page.locator("#draft-text")).to_have_value(SAVED + TYPED)
    assert page.evaluate(LOCAL_COPIES) == 1
