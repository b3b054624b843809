"""Database engine and per-request session (flaskr's get_db shape, SQLAlchemy 2)."""
from datetime import datetime, timezone

from flask import current_app, g
from sqlalchemy import DateTime, create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.types import TypeDecorator


class Base(DeclarativeBase):
    """Declarative base of every model."""


class UTCDateTime(TypeDecorator):
    """Store naive UTC, hand back aware UTC: the same on SQLite and PostgreSQL."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use utcnow()")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc)


def utcnow() -> datetime:
    """Return the current time, aware, in UTC."""
    return datetime.now(timezone.utc)


def make_engine(url: str, *, immediate: bool = True) -> Engine:
    """Create an engine; SQLite gets WAL, a busy timeout, foreign keys and (by default)
    transactions that take the write lock when they begin."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 15, "isolation_level": None})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=15000")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn):
            # IMMEDIATE takes the write lock up front: a read-then-write transaction
            # then waits for the busy timeout instead of failing on a stale snapshot.
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    return create_engine(url, pool_pre_ping=True)


def init_app(app):
    """Create the engine and session factory for this app and close sessions after each request."""
    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["aledraft.engine"] = engine
    app.extensions["aledraft.sessionmaker"] = sessionmaker(bind=engine, expire_on_commit=False)
    app.teardown_appcontext(close_session)


def get_engine() -> Engine:
    """Return the current app's engine."""
    return current_app.extensions["aledraft.engine"]


def get_session() -> Session:
    """Return the session of the current app context, opening one on first use."""
    if "db_session" not in g:
        g.db_session = current_app.extensions["aledraft.sessionmaker"]()
    return g.db_session


def close_session(exc=None):
    """Roll back anything uncommitted and close the session of this app context."""
    session = g.pop("db_session", None)
    if session is not None:
        if exc is not None:
            session.rollback()
        session.close()


def create_schema(engine: Engine) -> None:
    """Create every table directly from the models (tests); operators use init-db (Alembic)."""
    import aledraft.models  # noqa: F401  (registers every table on Base.metadata)

    Base.metadata.create_all(engine)
