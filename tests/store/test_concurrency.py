"""50 experts answering at once, in threads and in spawned processes, on both backends:
every committed answer is there afterwards, counted."""

from __future__ import annotations

import multiprocessing
import queue
import threading
from concurrent.futures import ThreadPoolExecutor

import sqlalchemy as sa

from clusterrank.store import Store, round_answers
from tests.store.factory import make_panel
from tests.store.workers import answer_batch, process_main

EXPERTS = 50


def _stored(db: Store, access: object) -> dict[str, int]:
    with db.reader() as s:
        answers = round_answers(s, access)  # type: ignore[arg-type]
    counts: dict[str, int] = {}
    for j in answers.judgments:
        counts[j.expert] = counts.get(j.expert, 0) + 1
    return counts


def test_fifty_threads_lose_no_committed_answer(db: Store) -> None:
    made = make_panel(db, EXPERTS)
    per_expert = 20
    barrier = threading.Barrier(EXPERTS)
    with ThreadPoolExecutor(EXPERTS) as pool:
        futures = [
            pool.submit(answer_batch, db.url, token, per_expert, barrier)
            for token in made.tokens.values()
        ]
        committed = sum(f.result() for f in futures)
    stored = _stored(db, made.access)
    total = sum(stored.values())
    assert committed == EXPERTS * per_expert, f"{committed} committed of {EXPERTS * per_expert}"
    assert total == committed, f"{db.backend}: {committed} committed, {total} stored"
    assert set(stored.values()) == {per_expert}, stored


def test_fifty_processes_lose_no_committed_answer(db: Store) -> None:
    made = make_panel(db, EXPERTS)
    per_expert = 10
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(EXPERTS)
    results = ctx.Queue()
    processes = [
        ctx.Process(target=process_main, args=(db.url, token, per_expert, barrier, results))
        for token in made.tokens.values()
    ]
    for p in processes:
        p.start()
    reports = []
    try:
        for _ in processes:
            reports.append(results.get(timeout=300))
    except queue.Empty:
        pass
    for p in processes:
        p.join(timeout=60)
    errors = [error for _, _, error in reports if error]
    committed = sum(n for _, n, error in reports if not error)
    with db.engine.connect() as conn:
        total = conn.execute(sa.text("SELECT count(*) FROM judgment")).scalar_one()
    assert not errors, errors[:3]
    assert len(reports) == EXPERTS, f"{len(reports)} of {EXPERTS} processes reported"
    assert committed == EXPERTS * per_expert, f"{committed} committed of {EXPERTS * per_expert}"
    assert total == committed, f"{db.backend}: {committed} committed, {total} stored"
    assert [p.exitcode for p in processes] == [0] * EXPERTS
