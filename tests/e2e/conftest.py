"""End-to-end fixtures: the app on a live server in a thread, and a real headless Chromium.

The browser is Debian's chromium (Playwright's own download is not used). Without it the
tests are skipped, except in CI (CI=true), where a missing browser is a failure.
"""
import gc
import logging
import os
import threading
import warnings
from pathlib import Path

import pytest
from playwright.sync_api import expect
from werkzeug.serving import make_server
from werkzeug.wsgi import ClosingIterator

from aledraft import create_app
from tests.factories import PASSWORD

CHROMIUM = os.environ.get("ALEDRAFT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
#: A loaded machine answers slowly; the assertions wait this long (ms) before failing.
expect.set_options(timeout=10_000)
AXE_JS = Path(__file__).parent / "vendor" / "axe.min.js"
#: Where the page fetches axe from during a scan: same origin, so the CSP (script-src 'self') admits it.
AXE_URL_PATH = "/__e2e__/axe.min.js"
#: Set to a folder (e.g. docs) to have the workflow test write its screenshots there.
SCREENSHOT_DIR = os.environ.get("ALEDRAFT_SCREENSHOTS", "")


def _require_chromium():
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"Chromium is missing at {CHROMIUM}; the browser tests must run in CI.")
    pytest.skip(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium); "
                "browser tests skipped outside CI.")


class LiveServer:
    """The app served by werkzeug on 127.0.0.1 in a background thread."""

    def __init__(self, app):
        self.app = app
        self.active = 0
        self.idle = threading.Condition()
        self.server = make_server("127.0.0.1", 0, self.counting, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, name="e2e-live-server", daemon=True)

    def counting(self, environ, start_response):
        """Serve a request, counting those in flight so tests can wait for quiet."""
        with self.idle:
            self.active += 1
        try:
            return ClosingIterator(self.app(environ, start_response), [self._done])
        except BaseException:
            self._done()
            raise

    def _done(self):
        with self.idle:
            self.active -= 1
            self.idle.notify_all()

    def wait_until_idle(self, timeout: float = 10) -> None:
        """Wait until no request is being served (the tables are emptied after each test)."""
        with self.idle:
            self.idle.wait_for(lambda: self.active == 0, timeout=timeout)

    def start(self):
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)


def _warm_up_analyzer():
    """Load the analyzer before the browser waits on it (its first use takes seconds).

    spylls leaves the hunspell files it reads unclosed; that ResourceWarning is the library's,
    so it is silenced here, where the files are read, rather than for the whole suite.
    """
    from aledraft.analysis import analyze, hunspell

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        hunspell.warm_up()
        analyze("Hej! Välkommen till biblioteket i Nödinge.", platform="facebook")
        gc.collect()


@pytest.fixture(scope="session")
def live_server(database_url):
    """Serve an app on the test database for the whole session (tests empty the tables themselves)."""
    _require_chromium()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    app = create_app({
        "TESTING": True,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "e2e-secret",
        "SESSION_COOKIE_SECURE": False,
        "LOGIN_MAX_FAILURES": 50,
    })
    _warm_up_analyzer()
    server = LiveServer(app)
    server.start()
    yield server
    server.stop()
    app.extensions["aledraft.engine"].dispose()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session."""
    _require_chromium()
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def new_page(browser, live_server, app):
    """Return a factory of pages, each in a fresh browser context (own cookies and localStorage).

    Depends on `app` so that every table is emptied after the test.
    """
    contexts = []

    def make():
        context = browser.new_context(base_url=live_server.url, locale="sv-SE", timezone_id="Europe/Stockholm",
                                      viewport={"width": 1280, "height": 900})
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.js_errors = errors
        return page

    yield make
    # A closing editor sends its last autosave: cut the network first, and let requests already
    # under way finish, so nothing touches the tables while they are emptied.
    for context in contexts:
        context.set_offline(True)
        context.close()
    live_server.wait_until_idle()


@pytest.fixture
def page(new_page):
    return new_page()


def login(page, user, password: str = PASSWORD):
    """Log in through the login form as a new user would."""
    page.goto("/login")
    page.get_by_label("E-postadress").fill(user.email)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_load_state()
    assert "/login" not in page.url, page.content()


def logout(page):
    page.get_by_role("button", name="Logga ut").click()
    page.wait_for_load_state()


def assert_not_pwned(page):
    """Nothing the hostile text tried to run has run, and none of it became markup.

    The CSP alone would stop inline scripts, so the page is also checked for the elements
    the text would have created had it been inserted as HTML.
    """
    assert page.evaluate("typeof window.__pwned") == "undefined", page.url
    created = page.evaluate("""() => document.querySelectorAll(
        'img[src="x"], [onerror], a[href^="javascript:" i]').length""")
    assert created == 0, page.url
    scripts = page.evaluate("() => [...document.scripts].filter(s => s.textContent.includes('__pwned')).length")
    assert scripts == 0, page.url


def run_axe(page) -> list[dict]:
    """Run axe-core in the page (WCAG 2.x A/AA rules and best practices) and return its violations."""
    body = AXE_JS.read_text(encoding="utf-8")

    def serve_axe(route):
        route.fulfill(status=200, content_type="application/javascript", body=body)

    page.route(f"**{AXE_URL_PATH}", serve_axe)
    page.add_script_tag(url=AXE_URL_PATH)
    result = page.evaluate(
        """() => axe.run(document, {runOnly: {type: "tag",
             values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}})"""
    )
    page.unroute(f"**{AXE_URL_PATH}")
    print(f"axe {page.url}: {len(result['passes'])} rules passed, {len(result['violations'])} violated, "
          f"{len(result['incomplete'])} need a human check "
          f"{[(i['id'], [n['target'] for n in i['nodes'][:3]]) for i in result['incomplete']]}")
    return result["violations"]


def screenshot(page, name: str, **kwargs):
    """Write a screenshot into SCREENSHOT_DIR (only when that is set)."""
    if SCREENSHOT_DIR:
        folder = Path(SCREENSHOT_DIR)
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / name), **kwargs)

