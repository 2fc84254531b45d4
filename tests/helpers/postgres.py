"""A throwaway PostgreSQL server for the storage and panel tests (Debian's binaries).

``postgres_server`` (session scope) runs ``initdb`` and ``pg_ctl`` from
``/usr/lib/postgresql/*/bin`` in a fresh temporary folder (as the ``postgres`` user when the
tests run as root), listening on 127.0.0.1 on a free port with trust authentication; it is
stopped and its folder removed after the session. ``store_url`` gives each test a database of
its own: a SQLite file in ``tmp_path``, or a fresh database on that server.

Missing binaries are a failure under CI (``make test`` installs postgresql) and a skip
elsewhere, saying how to get them.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

BIN_GLOB = "/usr/lib/postgresql/*/bin"
MISSING = (
    f"PostgreSQL server binaries not found ({BIN_GLOB}/initdb): `make test` installs "
    "postgresql (Debian's package; `make postgres` alone does it)"
)


def postgres_bin() -> Path | None:
    """The newest Debian PostgreSQL bin folder that has initdb, if any."""
    found = [Path(p) for p in glob.glob(BIN_GLOB) if (Path(p) / "initdb").is_file()]
    return max(found, key=lambda p: int(p.parent.name), default=None)


def _missing() -> None:
    if os.environ.get("CI"):
        pytest.fail(MISSING)
    pytest.skip(MISSING)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class PostgresServer:
    port: int

    def new_database(self) -> str:
        """Create an empty database and return its SQLAlchemy URL."""
        import psycopg  # only when PostgreSQL is used

        name = f"t_{uuid.uuid4().hex[:16]}"
        dsn = f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres"
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"


def _run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    if done.returncode != 0:
        pytest.fail(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}{done.stdout}")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A private PostgreSQL server for this test session."""
    bindir = postgres_bin()
    if bindir is None:
        _missing()
        raise AssertionError  # unreachable: _missing fails or skips
    as_user: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="clusterrank-pg-"))
    if os.geteuid() == 0:
        as_user = ["runuser", "-u", "postgres", "--"]
        shutil.chown(folder, "postgres", "postgres")
    data, port = folder / "data", _free_port()
    try:
        initdb = [*as_user, str(bindir / "initdb"), "-D", str(data), "-A", "trust"]
        _run([*initdb, "-U", "postgres", "-E", "UTF8", "--no-locale", "--no-sync"])
        options = (
            f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off "
            "-c max_connections=300"
        )
        pg_ctl = [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-w", "-t", "60"]
        _run([*pg_ctl, "-l", str(folder / "server.log"), "-o", options, "start"])
        try:
            yield PostgresServer(port=port)
        finally:
            _run([*pg_ctl, "-m", "fast", "stop"])
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL on each backend: a SQLite file, or a PostgreSQL database."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'panel.db'}"
    else:
        server: PostgresServer = request.getfixturevalue("postgres_server")
        url = server.new_database()
    yield url
    from clusterrank.store.engine import close_engine

    close_engine(url)
