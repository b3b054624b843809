"""Alembic environment: runs against the connection handed over by aledraft.migrate."""
from alembic import context

import aledraft.models  # noqa: F401  (registers every table)
from aledraft.db import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: copy-and-move tables instead
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
