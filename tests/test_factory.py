"""The app factory: defaults, instance folder, secret key, environment overrides."""
from pathlib import Path

from aledraft import create_app


def test_testing_flag_and_database_from_test_config(app, database_url):
    assert app.testing
    assert app.config["DATABASE_URL"] == database_url


def test_sqlite_in_instance_folder_by_default(tmp_path, monkeypatch):
    monkeypatch.setenv("ALEDRAFT_INSTANCE_PATH", str(tmp_path))
    monkeypatch.delenv("ALEDRAFT_DATABASE_URL", raising=False)
    app = create_app()
    assert app.instance_path == str(tmp_path)
    assert app.config["DATABASE_URL"] == f"sqlite:///{tmp_path / 'aledraft.sqlite'}"
    app.extensions["aledraft.engine"].dispose()


def test_secret_key_generated_once_into_instance(tmp_path, monkeypatch):
    monkeypatch.setenv("ALEDRAFT_INSTANCE_PATH", str(tmp_path))
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = create_app()
    second = create_app()
    key_file = Path(tmp_path) / "secret_key"
    assert key_file.exists() and oct(key_file.stat().st_mode & 0o777) == "0o600"
    assert first.secret_key == second.secret_key == key_file.read_text().strip()
    assert len(first.secret_key) >= 32
    for app in (first, second):
        app.extensions["aledraft.engine"].dispose()


def test_environment_overrides_defaults(tmp_path, monkeypatch):
    monkeypatch.setenv("ALEDRAFT_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("ALEDRAFT_DATABASE_URL", f"sqlite:///{tmp_path / 'other.sqlite'}")
    monkeypatch.setenv("ALEDRAFT_INACTIVE_ACCOUNT_DAYS", "30")
    monkeypatch.setenv("SECRET_KEY", "from-environment")
    app = create_app()
    assert app.config["DATABASE_URL"].endswith("other.sqlite")
    assert app.config["INACTIVE_ACCOUNT_DAYS"] == 30
    assert app.secret_key == "from-environment"
    app.extensions["aledraft.engine"].dispose()


def test_session_cookie_is_hardened_outside_development(tmp_path, monkeypatch):
    monkeypatch.setenv("ALEDRAFT_INSTANCE_PATH", str(tmp_path))
    app = create_app()
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    dev = create_app({"DEVELOPMENT": True})
    assert dev.config["SESSION_COOKIE_SECURE"] is False
    for a in (app, dev):
        a.extensions["aledraft.engine"].dispose()
