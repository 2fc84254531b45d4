"""Saving one panel answer on SQLite: latency with 50 concurrent writers against one writer.

Run by hand: ``python -m bench.bench_panel_store [--quick]``. Prints a markdown table and writes
it to ``bench/results/panel_store.md``. Issue 10 asks for the p50/p95 latency of saving one
answer with 50 concurrent writers on SQLite, as a ratio to a single writer in the same run.

One "save" is what a page does when an expert changes an answer: open a session, check the
token, check the round, read the stored version, write the answer and its audit entry, commit
(``BEGIN IMMEDIATE``, WAL, ``synchronous=FULL``), close. Writers are threads of one process
(as Streamlit serves every session) and, separately, spawned processes (several app instances
on one file). Each writer saves its answers back to back, with no think time: a worst case,
far above what 50 experts clicking produce.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import sqlite3
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import sqlalchemy

from clusterrank.store import NewExpert, create_panel, open_store, resolve_token, save_judgment
from clusterrank.store.engine import BUSY_TIMEOUT_MS, dispose_all

RESULTS = Path(__file__).resolve().parent / "results" / "panel_store.md"
WRITERS = 50


def make_panel(url: str, experts: int) -> list[str]:
    """A panel with ``experts`` experts on ``url``; their tokens."""
    db = open_store(url)
    invited = [NewExpert(ref=f"e{i:02d}", name=f"Expert {i}") for i in range(experts)]
    with db.session() as s:
        made = create_panel(
            s, title="bench", scenario_yaml="x: 1\n", asked={}, aggregation={}, experts=invited
        )
    return [t.token for t in made.experts]


def writer(url: str, token: str, answers: int, wait: Any = None) -> list[float]:
    """Save ``answers`` judgments of one expert; the seconds each save took."""
    db = open_store(url)
    with db.session() as s:
        me = resolve_token(s, token)
    if wait is not None:
        wait.wait(timeout=300)
    times = []
    for i in range(answers):
        start = time.perf_counter()
        with db.session() as s:
            save_judgment(
                s, me, round_number=1, node="g", row=f"r{i}", column="c", value=2.0, version=0
            )
        times.append(time.perf_counter() - start)
    return times


def with_threads(url: str, tokens: list[str], answers: int) -> list[float]:
    barrier = threading.Barrier(len(tokens))
    with ThreadPoolExecutor(len(tokens)) as pool:
        futures = [pool.submit(writer, url, t, answers, barrier) for t in tokens]
        return [x for f in futures for x in f.result()]


def with_processes(url: str, tokens: list[str], answers: int) -> list[float]:
    ctx = multiprocessing.get_context("spawn")
    with ctx.Manager() as manager:
        barrier = manager.Barrier(len(tokens))
        with ctx.Pool(len(tokens)) as pool:
            parts = pool.starmap(writer, [(url, t, answers, barrier) for t in tokens])
    return [x for part in parts for x in part]


def percentiles(times: list[float]) -> tuple[float, float]:
    """p50 and p95 in milliseconds."""
    p50, p95 = np.percentile(np.asarray(times) * 1e3, [50, 95])
    return float(p50), float(p95)


def run(quick: bool) -> str:
    answers = 10 if quick else 40
    single_answers = 100 if quick else 400
    folder = Path(tempfile.mkdtemp(prefix="bench-panel-"))
    rows = []
    base: tuple[float, float] | None = None
    for label, how in (
        ("1 writer", None),
        ("50 threads", with_threads),
        ("50 processes", with_processes),
    ):
        url = f"sqlite:///{folder / (label.replace(' ', '_') + '.db')}"
        tokens = make_panel(url, 1 if how is None else WRITERS)
        times = writer(url, tokens[0], single_answers) if how is None else how(url, tokens, answers)
        p50, p95 = percentiles(times)
        base = base or (p50, p95)
        rows.append((label, len(times), p50, p95, p50 / base[0], p95 / base[1]))
    dispose_all()
    lines = [
        f"# Panel store benchmark: saving one answer on SQLite{' (QUICK)' if quick else ''}",
        "",
        "| writers | saves | p50 ms | p95 ms | p50 / 1 writer | p95 / 1 writer |",
        "|---|---|---|---|---|---|",
        *(
            f"| {w} | {n} | {a:.2f} | {b:.2f} | {ra:.1f}x | {rb:.1f}x |"
            for w, n, a, b, ra, rb in rows
        ),
        "",
        f"Each concurrent writer saves {answers} answers back to back after a common start "
        f"barrier; the single writer saves {single_answers}. SQLite {sqlite3.sqlite_version} in "
        f"WAL mode, synchronous=FULL, busy_timeout {BUSY_TIMEOUT_MS} ms, BEGIN IMMEDIATE per "
        f"save; SQLAlchemy {sqlalchemy.__version__}.",
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}. Latency includes waiting for the write lock: with "
        "every writer saving without pause, p95 is dominated by SQLite's busy handler, which "
        "polls for the lock (sleeps of up to 100 ms) rather than queueing writers in order.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_panel_store", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer answers, a smoke test")
    args = parser.parse_args(argv)
    table = run(args.quick)
    print(table)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    target = RESULTS.with_name("panel_store_quick.md") if args.quick else RESULTS
    target.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
