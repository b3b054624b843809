"""Migrations: an empty database upgraded step by step ends up exactly like the models."""
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from aledraft import migrate
from aledraft.db import Base, make_engine


@pytest.fixture
def empty_engine(database_url, tmp_path):
    """An engine on an empty database: a new SQLite file, or a fresh PostgreSQL schema."""
    if database_url.startswith("sqlite"):
        engine = make_engine(f"sqlite:///{tmp_path / 'migrations.sqlite'}")
        yield engine
        engine.dispose()
        return
    admin = make_engine(database_url)
    with admin.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS migration_test CASCADE"))
        conn.execute(text("CREATE SCHEMA migration_test"))
    url = make_url(database_url).update_query_dict({"options": "-csearch_path=migration_test"})
    engine = make_engine(url.render_as_string(hide_password=False))
    yield engine
    engine.dispose()
    with admin.begin() as conn:
        conn.execute(text("DROP SCHEMA migration_test CASCADE"))
    admin.dispose()


def _revisions_in_order():
    script = ScriptDirectory.from_config(migrate.alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def test_upgrade_step_by_step_matches_the_models(empty_engine):
    for revision in _revisions_in_order():
        migrate.upgrade(empty_engine, revision)
    with empty_engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert differences == []


def test_init_db_twice_is_harmless(empty_engine):
    migrate.upgrade(empty_engine)
    migrate.upgrade(empty_engine)
    tables = set(inspect(empty_engine).get_table_names())
    assert set(Base.metadata.tables) <= tables


def test_migration_files_are_tidied(app):
    for path in migrate.MIGRATIONS_DIR.joinpath("versions").glob("*.py"):
        source = path.read_text()
        assert "please adjust" not in source, path.name
        assert path.name[:8].isdigit(), f"{path.name} lacks the date prefix"
