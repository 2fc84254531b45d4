"""`clusterrank panel results` with 30 experts, as a ratio to 1 expert in the same run.

Run by hand: ``python -m bench.bench_panel_results [--quick]``. Prints a markdown table and
writes it to ``bench/results/panel_results.md``. Issue 10 asks for the time of ``panel
results`` with 30 experts as a ratio to one expert.

Two panels, each created on a fresh SQLite file and filled with made-up answers (a fixed
seed; never shown as real): the shipped Kemerovo scenario (judgments at ``groups``, 5 × 5,
and ``critical_mass``, 2 × 2) and the five Kemerovo clusters on the MED 2012 groups
(judgments among 4 groups and 20 scores on 0..10). One timed call is the whole command run
in-process (``cli.main``): read the panel and every answer, aggregate (AIJ), consensus (S*,
GCI, Kendall's W), leave-one-out, a bootstrap of 500 resamples, the equal-weights result
when weighted, record the snapshot, render. One expert has no leave-one-out, bootstrap or
Kendall's W (each needs two experts), so part of the ratio is that work appearing at all.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import itertools
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from clusterrank.cli import main as cli_main
from clusterrank.panel.service import create, facilitator, import_file
from clusterrank.store import open_store
from clusterrank.store.engine import dispose_all

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results" / "panel_results.md"
KEMEROVO = ROOT / "configs" / "scenarios" / "kemerovo_clusters.yaml"
MED = ROOT / "configs" / "criteria" / "russia_2012_pilot_clusters.yaml"
CANDIDATES = ("coal", "biomedical", "sheregesh", "agro", "light")
SAATY = np.array([1 / 9, 1 / 7, 1 / 5, 1 / 3, 1 / 2, 1, 2, 3, 5, 7, 9])


def _fraction(v: float) -> str:
    return f"1/{round(1 / v)}" if v < 1 else f"{round(v)}"


def _judgments(rng: np.random.Generator, experts: int, nodes: dict[str, tuple[str, ...]]) -> str:
    rows = ["expert,node,row,column,value"]
    for k in range(1, experts + 1):
        for node, items in nodes.items():
            for a, b in itertools.combinations(items, 2):
                rows.append(f"e{k},{node},{a},{b},{_fraction(float(rng.choice(SAATY)))}")
    return "\n".join(rows) + "\n"


def _scores(rng: np.random.Generator, experts: int, criteria: tuple[str, ...]) -> str:
    rows = ["expert,criterion,candidate,score"]
    for k in range(1, experts + 1):
        for crit in criteria:
            for cand in CANDIDATES:
                rows.append(f"e{k},{crit},{cand},{int(rng.integers(0, 11))}")
    return "\n".join(rows) + "\n"


def _med_scenario(folder: Path) -> Path:
    path = folder / "med.yaml"
    path.write_text(
        f"id: med_kemerovo\ncriteria_set: {MED}\ncandidates:\n"
        + "".join(f"  - id: {c}\n" for c in CANDIDATES)
        + "data:\n  values: {}\n",
        encoding="utf-8",
    )
    return path


def _panel(folder: Path, name: str, experts: int, scored: bool) -> tuple[str, str, str]:
    """A filled panel: (database URL, panel id, facilitator key)."""
    rng = np.random.default_rng(experts)
    url = f"sqlite:///{folder / f'{name}_{experts}.db'}"
    db = open_store(url)
    people = folder / f"experts_{experts}.csv"
    people.write_text(
        "id,name\n" + "".join(f"e{k},Expert {k}\n" for k in range(1, experts + 1)),
        encoding="utf-8",
    )
    scenario = _med_scenario(folder) if scored else KEMEROVO
    made = create(db, scenario, people)
    access = facilitator(db, made.panel.panel_id, made.panel.facilitator_key)
    nodes = {n.id: n.items for n in made.questionnaire.nodes}
    answers = folder / f"{name}_{experts}_judgments.csv"
    answers.write_text(_judgments(rng, experts, nodes), encoding="utf-8")
    import_file(db, access, answers)
    if scored:
        crits = tuple(c.id for c in made.questionnaire.scored)
        scores = folder / f"{name}_{experts}_scores.csv"
        scores.write_text(_scores(rng, experts, crits), encoding="utf-8")
        import_file(db, access, scores)
    return url, made.panel.panel_id, made.panel.facilitator_key


def _time(url: str, panel: str, key: str, repeats: int) -> float:
    """Median seconds of one in-process `panel results` call."""
    times = []
    for _ in range(repeats):
        sink = io.StringIO()
        start = time.perf_counter()
        with contextlib.redirect_stdout(sink):
            code = cli_main(["panel", "results", panel, "--db", url, "--key", key])
        times.append(time.perf_counter() - start)
        if code != 0:
            msg = f"panel results exited {code}"
            raise RuntimeError(msg)
    return statistics.median(times)


def run(quick: bool) -> str:
    repeats = 1 if quick else 5
    folder = Path(tempfile.mkdtemp(prefix="bench-panel-results-"))
    rows = []
    for name, scored in (("kemerovo", False), ("med2012", True)):
        base = None
        for experts in (1, 30):
            url, panel, key = _panel(folder, name, experts, scored)
            _time(url, panel, key, 1)  # warm-up: imports, engine, first migration check
            seconds = _time(url, panel, key, repeats)
            base = base or seconds
            rows.append((name, experts, seconds, seconds / base))
    dispose_all()
    lines = [
        f"# `panel results`: 30 experts against 1 expert{' (QUICK)' if quick else ''}",
        "",
        "| scenario | experts | median s | ratio to 1 expert |",
        "|---|---|---|---|",
        *(f"| {n} | {k} | {s:.3f} | {r:.1f}x |" for n, k, s, r in rows),
        "",
        f"Median of {repeats} in-process calls after one warm-up; bootstrap 500 resamples; "
        "AIJ, eigenvector, equal expert weights; SQLite file. kemerovo = the shipped scenario "
        "(judgments at 2 nodes, 11 pairs per expert); med2012 = Kemerovo clusters on the MED "
        "2012 groups (6 pairs and 20 scores per expert). Answers are random (seeded), only "
        "for timing.",
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.bench_panel_results", description=__doc__
    )
    parser.add_argument("--quick", action="store_true", help="one call each, a smoke test")
    args = parser.parse_args(argv)
    table = run(args.quick)
    print(table)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    target = RESULTS.with_name("panel_results_quick.md") if args.quick else RESULTS
    target.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
