"""Open the panel database: URL resolution, one engine per URL, migrations on open.

``open_store(url)`` returns a :class:`Store` (thread-safe: an engine and two session makers,
nothing per-request), safe to keep in ``st.cache_resource``. Sessions are not thread-safe: make
one per request or per thread with ``store.session()``.

SQLite (the embedded default) runs in WAL mode with a busy timeout, foreign keys on and
``synchronous=FULL``; every transaction of ``store.session()`` starts with ``BEGIN IMMEDIATE``
so writers queue for the write lock at the start instead of failing with SQLITE_BUSY when a
read transaction tries to become a write one. ``store.reader()`` starts plain deferred ``BEGIN``
transactions for pages that only read. PostgreSQL goes through psycopg 3.

The busy timeout is 30 s, not the usual 5 s: SQLite's busy handler polls rather than queues, so
with 50 writers saving back to back an unlucky one waited over 5 s in the tests and its answer
was refused; a slow save is better than a lost one (``bench/bench_panel_store.py`` measures it).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from clusterrank.errors import StoreError
from clusterrank.i18n import _
from clusterrank.store import migrate
from clusterrank.store.migrate import READ_ONLY

ENV_VAR = "CLUSTERRANK_DB"
DEFAULT_FILE = "clusterrank.db"
BUSY_TIMEOUT_MS = 30_000
_DRIVERS = {"postgresql": "postgresql+psycopg", "postgres": "postgresql+psycopg"}

_engines: dict[tuple[int, str], Engine] = {}
_lock = threading.Lock()


def resolve_url(db: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The database URL from ``--db``, else ``CLUSTERRANK_DB``, else ``clusterrank.db`` here.

    A plain path (no ``://``) means a SQLite file; it is made absolute so the same file keeps
    the same URL when the working directory changes. ``postgresql://`` and ``postgres://`` use
    psycopg 3. An in-memory SQLite database is refused: it would lose every answer.

    Raises
    ------
    StoreError
        For an empty value, an in-memory database or a backend clusterrank does not support.
    """
    env = os.environ if environ is None else environ
    raw = db if db is not None else env.get(ENV_VAR) or DEFAULT_FILE
    raw = raw.strip()
    if not raw:
        msg = _("the database is empty: give --db a file path or a URL, or set {variable}").format(
            variable=ENV_VAR
        )
        raise StoreError(msg)
    if "://" not in raw:
        return "sqlite:///" + str(Path(raw).expanduser().resolve())
    scheme, rest = raw.split("://", 1)
    base = scheme.split("+")[0].lower()
    if base in _DRIVERS:
        return f"{_DRIVERS[base]}://{rest}"
    if base != "sqlite":
        msg = _(
            "database URL scheme {scheme} is not supported: use a file path, "
            "sqlite:///PATH or postgresql://USER@HOST/DB"
        ).format(scheme=repr(scheme))
        raise StoreError(msg)
    path = rest[1:] if rest.startswith("/") else rest
    if path in ("", ":memory:") or "mode=memory" in path:
        msg = _("an in-memory SQLite database would lose every answer: give --db a file path")
        raise StoreError(msg)
    return "sqlite:///" + str(Path(path.split("?")[0]).expanduser().resolve())


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # the driver must not BEGIN on its own
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


def _on_sqlite_begin(conn: Connection) -> None:
    read_only = conn.get_execution_options().get(READ_ONLY, False)
    conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def engine_for(url: str) -> Engine:
    """The one engine of this process for ``url`` (an already resolved URL), created once."""
    key = (os.getpid(), url)
    with _lock:
        engine = _engines.get(key)
        if engine is None:
            engine = _create_engine(url)
            _engines[key] = engine
        return engine


def _create_engine(url: str) -> Engine:
    try:
        if url.startswith("sqlite"):
            engine = sa.create_engine(url, pool_size=10, max_overflow=40, pool_timeout=60)
            sa.event.listen(engine, "connect", _on_sqlite_connect)
            sa.event.listen(engine, "begin", _on_sqlite_begin)
            return engine
        return sa.create_engine(url, pool_size=5, max_overflow=20, pool_pre_ping=True)
    except (ArgumentError, ImportError) as exc:
        msg = _("cannot use database URL {url}: {reason}").format(url=safe_url(url), reason=exc)
        raise StoreError(msg) from None


def safe_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return sa.make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparseable URL>"


@dataclass(frozen=True)
class Store:
    """An open panel database: the engine and its session makers (all thread-safe)."""

    url: str
    engine: Engine = field(repr=False)
    session: sessionmaker[Session] = field(repr=False)
    reader: sessionmaker[Session] = field(repr=False)

    @property
    def backend(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.engine.dialect.name


def open_store(db: str | None = None, *, upgrade: bool = True) -> Store:
    """Open (creating or upgrading as needed) the panel database named by ``db``.

    Parameters
    ----------
    db
        ``--db`` as typed: a URL or a plain SQLite path; ``None`` uses ``CLUSTERRANK_DB`` or
        ``clusterrank.db`` in the working directory (see :func:`resolve_url`).
    upgrade
        Migrate the schema to the newest revision (the default). With ``False`` a database
        that is not at the newest revision is refused with a message instead.

    Raises
    ------
    StoreError
        Bad URL, unreachable server, or a schema this version of clusterrank cannot use.
    """
    url = resolve_url(db)
    engine = engine_for(url)
    try:
        if upgrade:
            migrate.upgrade(engine)
        else:
            migrate.check_current(engine)
    except OperationalError as exc:
        msg = _("cannot open the panel database {url}: {reason}").format(
            url=safe_url(url), reason=exc.orig or exc
        )
        raise StoreError(msg) from None
    writer = sessionmaker(engine, expire_on_commit=False)
    read_engine = engine.execution_options(**{READ_ONLY: True})
    reader = sessionmaker(read_engine, expire_on_commit=False)
    return Store(url=url, engine=engine, session=writer, reader=reader)


def dispose_all() -> None:
    """Close every engine this process made (tests; a server shutting down)."""
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()


def close_engine(db: str) -> None:
    """Dispose of this process's engine for ``db`` and forget it (tests; a removed database)."""
    key = (os.getpid(), resolve_url(db))
    with _lock:
        engine = _engines.pop(key, None)
    if engine is not None:
        engine.dispose()
