"""Alembic, driven from code: the migration scripts live in ``store/migrations`` (package data).

Every migration runs inside one write transaction on a connection we hand to Alembic (on SQLite
a ``BEGIN IMMEDIATE`` one), so two processes opening a fresh database at the same time queue
instead of both trying to create the tables.
"""

from __future__ import annotations

import functools
import threading
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

from clusterrank.errors import StoreError
from clusterrank.i18n import _

SCRIPTS = Path(__file__).resolve().parent / "migrations"
_ADVISORY_KEY = 0x636C7573  # "clus": PostgreSQL advisory lock held while migrating
_in_process = threading.Lock()
READ_ONLY = "clusterrank_read_only"  # execution option: SQLite begins with plain BEGIN


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration pointing at our scripts, optionally bound to ``connection``."""
    config = Config()
    config.set_main_option("script_location", str(SCRIPTS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@functools.cache
def head() -> str:
    """The newest revision this version of clusterrank knows."""
    revision = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if revision is None:  # pragma: no cover - the scripts ship with the package
        msg = f"no migration scripts found in {SCRIPTS}"
        raise StoreError(msg)
    return revision


def current(engine: Engine) -> str | None:
    """The revision the database is at (``None`` for an empty database)."""
    with engine.execution_options(**{READ_ONLY: True}).connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


@functools.cache
def _known() -> frozenset[str]:
    return frozenset(
        s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()
    )


def _refuse_unknown(engine: Engine) -> str | None:
    revision = current(engine)
    if revision is not None and revision not in _known():
        msg = _newer(revision)
        raise StoreError(msg)
    return revision


def _newer(revision: str) -> str:
    return _(
        "the panel database is at schema revision {revision}, which this version of "
        "clusterrank does not know: it was written by a newer clusterrank; upgrade "
        "clusterrank to open it"
    ).format(revision=repr(revision))


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database up to ``revision`` (default: the newest) in one transaction.

    Alembic's runtime context is process-global, so migrations in one process run one at a time;
    across processes the transaction serialises them (SQLite: ``BEGIN IMMEDIATE``; PostgreSQL:
    a transaction-scoped advisory lock), and whoever comes second finds nothing to do.
    """
    if _refuse_unknown(engine) == head() and revision == "head":
        return  # the usual case: nothing to do, no Alembic machinery
    with _in_process, engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_ADVISORY_KEY})")
        command.upgrade(alembic_config(conn), revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Migrate the database down to ``revision`` (``"base"`` empties it) in one transaction."""
    with _in_process, engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_ADVISORY_KEY})")
        command.downgrade(alembic_config(conn), revision)


def check_current(engine: Engine) -> None:
    """Refuse a database that is not at the newest revision (used when upgrades are off)."""
    _refuse_unknown(engine)
    revision = current(engine)
    if revision != head():
        if revision is None:
            msg = _(
                "the panel database is empty, this clusterrank needs revision {head}: "
                "open it with upgrades enabled (the default) to migrate it"
            )
        else:
            msg = _(
                "the panel database is at revision {revision}, this clusterrank needs "
                "revision {head}: open it with upgrades enabled (the default) to migrate it"
            )
        msg = msg.format(revision=repr(revision), head=repr(head()))
        raise StoreError(msg)
