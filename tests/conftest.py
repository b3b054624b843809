"""Fixtures: one database per test session (SQLite file or PostgreSQL), emptied after each test."""
import os

import pytest
from hypothesis import settings
from sqlalchemy import text
from sqlalchemy.orm import sessionmaker

from aledraft import create_app
from aledraft.db import Base, create_schema, make_engine
from tests import factories
from aledraft.access import Role
from tests.helpers import CsrfClient, login_as


# In CI (.ci/run sets CI=true) the property tests draw the same examples on every run, so a
# submission never passes or fails by chance; run locally, each run draws new ones and explores.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_addoption(parser):
    parser.addoption("--db", choices=["sqlite", "postgresql"], default=None,
                     help="database engine for the tests (default: ALEDRAFT_TEST_DATABASE_URL or sqlite)")


@pytest.fixture(scope="session")
def database_url(request, tmp_path_factory):
    """Return the test database URL: PostgreSQL from the environment, else a SQLite file."""
    choice = request.config.getoption("--db")
    url = os.environ.get("ALEDRAFT_TEST_DATABASE_URL")
    if choice == "postgresql" and not url:
        pytest.exit("--db=postgresql needs ALEDRAFT_TEST_DATABASE_URL (see .ci/run)", returncode=2)
    if choice == "sqlite" or not url:
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"
    engine = make_engine(url)
    with engine.begin() as conn:
        Base.metadata.drop_all(conn)
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    create_schema(engine)
    engine.dispose()
    return url


def _empty_all_tables(engine):
    tables = list(reversed(Base.metadata.sorted_tables))
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                conn.execute(table.delete())


@pytest.fixture
def app(database_url, tmp_path):
    """An app on the test database; every table is emptied afterwards."""
    app = create_app({
        "TESTING": True,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "test-secret",
        "SESSION_COOKIE_SECURE": False,
        "LOGIN_MAX_FAILURES": 5,
    })
    app.test_client_class = CsrfClient
    # No app context stays pushed: each test request gets its own, as in production
    # (a pushed context would share flask.g, and so the logged-in user, between requests).
    yield app
    engine = app.extensions["aledraft.engine"]
    _empty_all_tables(engine)
    engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def session(app, database_url):
    """A database session of the test's own.

    Its transactions read without taking SQLite's write lock, so requests made meanwhile
    are not blocked; call session.commit() (or rollback()) to see what they changed.
    """
    engine = make_engine(database_url, immediate=False)
    session = sessionmaker(bind=engine)()
    yield session
    session.rollback()
    session.close()
    engine.dispose()


@pytest.fixture
def make_user(session):
    def make(**kwargs):
        return factories.make_user(session, **kwargs)
    return make


@pytest.fixture
def make_account(session):
    def make(**kwargs):
        return factories.make_account(session, **kwargs)
    return make


@pytest.fixture
def logged_in(app, session, make_user):
    """Return a function that logs a new client in as a new user with the given roles.

    It ends the test session's transaction first: on SQLite a transaction that read before
    a request wrote could not write afterwards.
    """
    def log_in(*roles, **kwargs):
        session.commit()
        user = make_user(roles=list(roles), **kwargs)
        client = app.test_client()
        login_as(client, user)
        session.commit()
        return client, user
    return log_in


@pytest.fixture
def author(make_user):
    return make_user(roles=[Role.AUTHOR], name="Sara Skribent")


@pytest.fixture
def reviewer(make_user):
    return make_user(roles=[Role.REVIEWER], name="Gustav Granskare")


@pytest.fixture
def account(make_account):
    return make_account()
