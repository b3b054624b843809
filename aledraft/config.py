"""Configuration: class defaults → instance/config.py → ALEDRAFT_* environment → test mapping."""
import os
import secrets
from pathlib import Path


class DefaultConfig:
    """Laptop defaults; every production deployment overrides some through ALEDRAFT_*."""

    #: Development on a laptop over plain http: session cookies are then not marked Secure.
    DEVELOPMENT = False
    #: SQLAlchemy URL; None means a SQLite file in the instance folder.
    DATABASE_URL = None
    #: Session cookies are sent over HTTPS only outside development.
    SESSION_COOKIE_SECURE = True
    #: JavaScript never reads the session cookie.
    SESSION_COOKIE_HTTPONLY = True
    #: Cookies follow top-level navigation but not cross-site POSTs.
    SESSION_COOKIE_SAMESITE = "Lax"
    #: A draft written for hours must still save: the CSRF token lives as long as the session.
    WTF_CSRF_TIME_LIMIT = None
    #: CSRF is checked in access.guard() so that bearer-token API calls can be exempted.
    WTF_CSRF_CHECK_DEFAULT = False
    #: Largest accepted request body (bytes); larger answers 413.
    MAX_CONTENT_LENGTH = 6 * 1024 * 1024
    #: Largest JSON body accepted by the API (bytes).
    API_MAX_BODY = 256 * 1024
    #: Failed logins per account or address within the window before further attempts wait.
    LOGIN_MAX_FAILURES = 5
    #: Window (seconds) in which failed logins are counted, and how long the wait lasts.
    LOGIN_THROTTLE_SECONDS = 15 * 60
    #: Replies to questions older than this (hours) are shown as overdue.
    REPLY_OVERDUE_HOURS = 24
    #: Accounts without a publication for this many days are listed as inactive.
    INACTIVE_ACCOUNT_DAYS = 90
    #: Spam/advertising moderation entries that led to no action may be culled after this many days.
    MODERATION_CULL_DAYS = 90
    #: Largest screenshot accepted in the moderation register (bytes).
    SCREENSHOT_MAX_BYTES = 5 * 1024 * 1024
    #: Outgoing mail; MAIL_ENABLED False (the demo) sends nothing.
    MAIL_ENABLED = False
    MAIL_SERVER = "localhost"
    MAIL_PORT = 25
    MAIL_USE_TLS = False
    MAIL_USERNAME = None
    MAIL_PASSWORD = None
    MAIL_SENDER = "aledraft@ale.se"
    #: Base URL used in links inside e-mails.
    PUBLIC_BASE_URL = "http://localhost:5000"
    #: Phone numbers the municipality publishes itself (not personal data), beside the built-in list.
    OFFICIAL_NUMBERS: list[str] = []
    #: Functional e-mail local parts (info@, ...) beside the built-in list.
    FUNCTIONAL_EMAILS: list[str] = []


def load_config(app, test_config=None):
    """Load configuration in the documented order and make sure a secret key exists."""
    app.config.from_object(DefaultConfig)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("ALEDRAFT")
    if test_config is not None:
        app.config.from_mapping(test_config)
    if app.config["DEVELOPMENT"]:
        app.config["SESSION_COOKIE_SECURE"] = False
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY") or _instance_secret(app)
    if not app.config.get("DATABASE_URL"):
        db_path = Path(app.instance_path) / "aledraft.sqlite"
        app.config["DATABASE_URL"] = f"sqlite:///{db_path}"


def _instance_secret(app):
    """Return the secret key stored in the instance folder, generating it on first start."""
    path = Path(app.instance_path) / "secret_key"
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    # Create with owner-only permissions before writing the secret.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key
