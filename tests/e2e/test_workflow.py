"""A new post from first keystroke to publication, in a real browser, as the users would do it."""
import re

from personnummer import personnummer
from playwright.sync_api import expect

from aledraft.access import Role
from aledraft.models import Platform
from tests.e2e.conftest import assert_not_pwned, login, logout, screenshot

#: A personnummer with a valid check digit (checked below), and a bureaucratic word.
PERSONNUMMER = "19811218-9876"
DRAFT_TEXT = (
    "Hej! Nu kan du erhålla hjälp med läxorna på biblioteket i Nödinge varje tisdag.\n"
    f"Frågor? Mitt personnummer är {PERSONNUMMER}."
)


def test_personnummer_in_the_scenario_is_valid():
    assert personnummer.valid(PERSONNUMMER)


def test_author_writes_fixes_and_submits_reviewer_approves_and_post_is_published(new_page, make_user, make_account):
    author = make_user(roles=[Role.AUTHOR], name="Sara Skribent")
    reviewer = make_user(roles=[Role.REVIEWER], name="Gustav Granskare")
    make_account(name="Ale bibliotek")

    page = new_page()
    login(page, author)
    page.get_by_role("link", name="Nytt utkast").first.click()
    textarea = page.locator("#draft-text")
    textarea.click()
    page.keyboard.type(DRAFT_TEXT)

    # Both findings are highlighted in place and listed beside the text.
    number_mark = page.locator(".editor-highlights mark.hl-block", has_text=PERSONNUMMER)
    word_mark = page.locator(".editor-highlights mark", has_text="erhålla")
    expect(number_mark).to_have_count(1)
    expect(word_mark).to_have_count(1)
    status = page.locator("#editor-status")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_contain_text(re.compile(r"Kontrollen är klar: \d+ markeringar \(1 blockerande"))
    expect(page.locator("#findings")).to_contain_text("Blockerande")
    expect(page.locator("#char-count")).to_have_text(str(len(DRAFT_TEXT)))
    expect(page.locator("#preview")).to_have_text(DRAFT_TEXT)
    expect(page.locator("#lix")).not_to_have_text("–")
    screenshot(page, "editor.png", full_page=True)

    # One click (here: the keyboard) applies the plainer word; the text is checked again.
    apply = page.locator(".finding", has_text="erhålla").get_by_role("button", name=re.compile("^Byt till"))
    replacement = apply.locator("bdi").inner_text()
    apply.focus()
    page.keyboard.press("Enter")
    expect(textarea).not_to_have_value(re.compile("erhålla"))
    expect(textarea).to_have_value(re.compile(f"kan du {re.escape(replacement)} hjälp"))
    expect(word_mark).to_have_count(0)

    # Selecting the finding in the list selects the number in the text; delete it.
    page.locator(".finding", has_text=PERSONNUMMER).locator(".finding-jump").focus()
    page.keyboard.press("Enter")
    selected = page.evaluate("() => { const t = document.getElementById('draft-text');"
                             " return t.value.slice(t.selectionStart, t.selectionEnd); }")
    assert selected == PERSONNUMMER
    page.keyboard.press("Delete")
    expect(number_mark).to_have_count(0)
    expect(page.locator(".editor-highlights mark.hl-block")).to_have_count(0)

    page.get_by_role("button", name="Spara och kontrollera").click()
    expect(page.locator(".flash-success")).to_contain_text("sparat")
    draft_url = page.url.split("#")[0]
    draft_id = int(re.search(r"/utkast/(\d+)", draft_url).group(1))
    expect(textarea).not_to_have_value(re.compile(PERSONNUMMER))
    # Saved: the browser keeps no local copy of the new draft's text.
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('aledraft.utkast.'))") == []
    page.get_by_role("button", name="Skicka till granskning").click()
    expect(page.locator(".flash-success")).to_contain_text("skickat till granskning")
    assert page.js_errors == []

    # The author may not approve: no approve button, and a forged POST is refused.
    page.goto(f"/utkast/{draft_id}/granskning")
    expect(page.get_by_role("button", name=re.compile("^Godkänn"))).to_have_count(0)
    token = page.locator("input[name=csrf_token]").first.input_value()
    forged = page.request.post(f"/utkast/{draft_id}/godkann", form={"csrf_token": token, "version": "1"},
                               max_redirects=0)
    assert forged.status == 403
    logout(page)

    login(page, reviewer)
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Granskning", exact=True).click()
    page.get_by_role("link", name=f"Granska utkast {draft_id}").click()
    expect(page.locator("#preview")).to_contain_text("biblioteket i Nödinge")
    page.get_by_role("button", name=re.compile("^Godkänn version")).click()
    expect(page.locator(".flash-success")).to_contain_text("godkänt")

    page.goto(f"/utkast/{draft_id}/publicera")
    page.get_by_label("Länk till det publicerade inlägget").fill("https://www.facebook.com/alebibliotek/posts/1")
    page.get_by_role("button", name="Markera som publicerat").click()
    expect(page.locator(".flash-success")).to_contain_text("publicerat")
    expect(page.locator(".badge-state")).to_have_text("Publicerad")
    assert_not_pwned(page)
    assert page.js_errors == []


def test_editor_says_in_words_when_the_post_is_over_the_platform_limit(new_page, make_user, make_account):
    author = make_user(roles=[Role.AUTHOR])
    make_account(name="Ale kommun på X", platform=Platform.X, url="https://x.com/alekommun")
    facebook = make_account(name="Ale kommun på Facebook", platform=Platform.FACEBOOK)
    page = new_page()
    login(page, author)
    page.goto("/utkast/ny")
    expect(page.locator("#account")).to_have_value(str(facebook.id))  # accounts are listed by name
    page.locator("#account").select_option(label="Ale kommun på X (X)")
    page.locator("#draft-text").fill("Välkommen till Ale! " * 15)  # 300 characters, X allows 280
    count = page.locator("#char-count").locator("xpath=..")
    expect(count).to_contain_text("300 av högst 280")
    expect(count).to_contain_text("20 tecken för mycket")
    page.locator("#draft-text").fill("Välkommen till Ale!")
    expect(count).to_contain_text("261 tecken kvar")

    # Choosing another account changes the limit at once, without a save.
    page.locator("#account").select_option(str(facebook.id))
    expect(count).to_contain_text("av högst 63")
    expect(count).not_to_contain_text("280")
