"""A writer killed with SIGKILL mid-batch loses nothing it committed; the database stays sound."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa

from clusterrank.store import Store, my_answers, open_store
from tests.store.factory import make_panel

ROOT = Path(__file__).resolve().parents[2]
KILL_AFTER = 40


def test_killed_writer_loses_nothing_it_committed(db: Store) -> None:
    made = make_panel(db, 1)
    token = made.tokens["e00"]
    command = [sys.executable, "-m", "tests.store.workers", "crash", db.url, token, "5000"]
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    reported = 0
    for line in child.stdout:
        reported = int(line)
        if reported >= KILL_AFTER:
            os.kill(child.pid, signal.SIGKILL)
            break
    child.wait(timeout=60)
    # Counts the child printed after the one we acted on are still in the pipe (it keeps
    # committing until the signal lands): the last printed count is the committed floor.
    for line in child.stdout:
        reported = int(line)
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL, f"writer ended on its own ({child.returncode})"
    again = open_store(db.url)
    with again.engine.connect() as conn:
        stored = conn.execute(sa.text("SELECT count(*) FROM judgment")).scalar_one()
        if again.backend == "sqlite":
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    assert reported >= KILL_AFTER
    # the writer may have committed one more answer after its last printed count, never fewer
    assert reported <= stored <= reported + 1, f"{reported} reported committed, {stored} stored"
    with again.reader() as s:
        assert len(my_answers(s, made.identity(again, "e00")).judgments) == stored
