"""Where the database is, and how SQLite is set up: WAL, busy timeout, foreign keys, IMMEDIATE."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from clusterrank.errors import StoreError
from clusterrank.store import open_store, resolve_url
from clusterrank.store.engine import BUSY_TIMEOUT_MS, close_engine, engine_for


def test_url_comes_from_db_then_environment_then_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    env = {"CLUSTERRANK_DB": "postgresql://u@h/d"}
    assert resolve_url("given.db", env) == f"sqlite:///{tmp_path / 'given.db'}"
    assert resolve_url(None, env) == "postgresql+psycopg://u@h/d"
    assert resolve_url(None, {}) == f"sqlite:///{tmp_path / 'clusterrank.db'}"
    assert resolve_url("postgres://u:p@h:5433/d", {}) == "postgresql+psycopg://u:p@h:5433/d"
    assert resolve_url("sqlite:///rel.db", {}) == f"sqlite:///{tmp_path / 'rel.db'}"


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("sqlite://", "in-memory"),
        ("sqlite:///:memory:", "in-memory"),
        ("mysql://u@h/d", "'mysql' is not supported"),
        ("  ", "the database is empty"),
    ],
)
def test_unusable_urls_are_refused_with_the_fix(given: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        resolve_url(given, {})


def test_sqlite_runs_in_wal_with_busy_timeout_and_foreign_keys(tmp_path: Path) -> None:
    db = open_store(str(tmp_path / "p.db"))
    with db.engine.connect() as conn:
        pragmas = [
            conn.exec_driver_sql(f"PRAGMA {p}").scalar()
            for p in ("journal_mode", "busy_timeout", "foreign_keys", "synchronous")
        ]
    assert pragmas == ["wal", BUSY_TIMEOUT_MS, 1, 2]
    close_engine(db.url)


def test_write_sessions_take_the_write_lock_at_begin_and_readers_do_not(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    db = open_store(str(path))
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    with db.session() as s:
        s.execute(sa.text("SELECT 1"))
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    with db.reader() as s:
        s.execute(sa.text("SELECT count(*) FROM panel"))
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    other.close()
    close_engine(db.url)


def test_one_engine_per_url_even_from_many_threads(tmp_path: Path) -> None:
    url = resolve_url(str(tmp_path / "p.db"), {})
    seen: list[sa.Engine] = []
    threads = [threading.Thread(target=lambda: seen.append(engine_for(url))) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(seen) == 20
    assert len({id(e) for e in seen}) == 1
    close_engine(url)


def test_unreachable_server_is_a_store_error_without_password() -> None:
    with pytest.raises(StoreError, match="cannot open the panel database") as caught:
        open_store("postgresql://u:secretpw@127.0.0.1:1/none")
    assert "secretpw" not in str(caught.value)
    close_engine("postgresql://u:secretpw@127.0.0.1:1/none")
