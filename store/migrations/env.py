"""Alembic environment: runs on the connection :mod:`store.migrate` hands over.

Run by hand (``alembic -x db=URL upgrade head`` with a config whose script_location is this
folder) it opens the database itself, with the same engine settings as the application.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from clusterrank.store.models import Base


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    """Run the migrations on the store's connection, else on the URL of ``-x db=URL``."""
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from clusterrank.store.engine import engine_for, resolve_url

    url = resolve_url(context.get_x_argument(as_dictionary=True).get("db"))
    with engine_for(url).begin() as conn:
        _run(conn)


if context.is_offline_mode():
    msg = "offline (SQL script) migrations are not supported: run them against a database"
    raise SystemExit(msg)
run_online()
