"""Writers run in threads, spawned processes and a killable subprocess by the storage tests.

``python -m tests.store.workers crash URL TOKEN N`` saves N judgments, one per committed
transaction, and prints the count of committed answers after each commit (flushed), so the
test that kills it knows what was committed.
"""

from __future__ import annotations

import sys
from typing import Any

from clusterrank.store import open_store, resolve_token, save_judgment


def answer_batch(url: str, token: str, count: int, wait: Any = None) -> int:
    """Save ``count`` judgments of one expert, one committed transaction each; how many."""
    db = open_store(url)
    with db.session() as s:
        me = resolve_token(s, token)
    if wait is not None:
        wait.wait(timeout=120)
    done = 0
    for i in range(count):
        with db.session() as s:
            save_judgment(
                s, me, round_number=1, node="g", row=f"r{i}", column="c", value=i + 1.0, version=0
            )
        done += 1
    return done


def process_main(url: str, token: str, count: int, barrier: Any, results: Any) -> None:
    """Spawned-process entry: report ``(token, committed, error)`` on ``results``."""
    try:
        results.put((token, answer_batch(url, token, count, barrier), ""))
    except Exception as exc:  # reported to the parent, which fails the test with it
        results.put((token, -1, f"{type(exc).__name__}: {exc}"))


def crash_writer(url: str, token: str, count: int) -> None:
    db = open_store(url)
    with db.session() as s:
        me = resolve_token(s, token)
    for i in range(count):
        with db.session() as s:
            save_judgment(
                s, me, round_number=1, node="g", row=f"r{i}", column="c", value=1.5, version=0
            )
        print(i + 1, flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["crash"]:
        crash_writer(sys.argv[2], sys.argv[3], int(sys.argv[4]))
