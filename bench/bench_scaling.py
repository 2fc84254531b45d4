"""Scaling of loading and sensitivity with the problem size, as ratios to ``pandas.read_csv``.

Run by hand: ``python -m bench.bench_scaling [--quick]``. Prints a markdown table and writes
it to ``bench/results/scaling.md``. For m = 5, 50, 500, 2,000 candidates and n = 6, 20, 60
criteria a synthetic scenario is written to a temporary folder (:mod:`bench.scaling_data`:
criteria set, data CSV, scenario) and three things are timed in this process:

* **read_csv**: ``pandas.read_csv`` of the scenario's data file, the floor any loader pays;
* **load**: ``criteria.load_scenario`` + ``criteria.decision_matrix`` (parse and validate the
  YAML files, read and check every cell of the CSV, build the matrix);
* **sensitivity**: weight stability intervals (TOPSIS, every criterion, winner / top 3 /
  ranking) plus a small SMAA-2 run (1,000 samples, pairwise winning indices off above 200
  candidates as the app does).

Each is the best of a few runs; ratios are to read_csv of the same file in the same run, so
they compare across machines better than seconds do. The issue's figures before the fixes:
loading 2,000 × 60 took 45-56 s, sensitivity on it reached 24 GB and was killed.
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from bench.scaling_data import write_scenario
from clusterrank.analysis.sensitivity import run_smaa, run_stability, sensitivity_inputs
from clusterrank.criteria.loading import load_scenario
from clusterrank.criteria.matrix import decision_matrix

RESULTS = Path(__file__).resolve().parent / "results" / "scaling.md"
SIZES_M = (5, 50, 500, 2000)
SIZES_N = (6, 20, 60)
SMAA_SAMPLES = 1_000


def best_of(repeats: int, func: Callable[[], Any]) -> tuple[float, Any]:
    """Shortest wall time of ``repeats`` calls, and the last call's value."""
    times = []
    value = None
    for _ in range(repeats):
        start = time.perf_counter()
        value = func()
        times.append(time.perf_counter() - start)
    return min(times), value


def measure(folder: Path, m: int, n: int) -> dict[str, float]:
    """Seconds for read_csv, load and sensitivity on one synthetic m × n scenario."""
    path = write_scenario(folder / f"s{m}x{n}", m, n)
    data = path.parent / "data.csv"
    repeats = 5 if m * n <= 10_000 else 2
    t_csv, _ = best_of(repeats, lambda: pd.read_csv(data))

    def load() -> Any:
        scenario = load_scenario(path)
        return scenario, decision_matrix(scenario)

    t_load, (scenario, dm) = best_of(repeats, load)
    inp = sensitivity_inputs(scenario, matrix=dm)

    def analyse() -> None:
        run_stability(inp, top_k=3)
        run_smaa(inp, n_samples=SMAA_SAMPLES, seed=0)

    t_sens, _ = best_of(1 if m >= 500 else 2, analyse)
    return {"csv": t_csv, "load": t_load, "sensitivity": t_sens}


def run(quick: bool) -> str:
    sizes_m = SIZES_M[:2] if quick else SIZES_M
    sizes_n = SIZES_N[:2] if quick else SIZES_N
    rows = []
    with tempfile.TemporaryDirectory(prefix="clusterrank-bench-") as tmp:
        for m in sizes_m:
            for n in sizes_n:
                r = measure(Path(tmp), m, n)
                rows.append((m, n, r))
                print(f"  m={m} n={n}: " + ", ".join(f"{k} {v:.3f} s" for k, v in r.items()))
    lines = [
        f"# Scaling benchmark: load and sensitivity against pandas.read_csv"
        f"{' (QUICK)' if quick else ''}",
        "",
        "| m | n | read_csv (s) | load (s) | load / read_csv | sensitivity (s) "
        "| sensitivity / read_csv |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for m, n, r in rows:
        lines.append(
            f"| {m:,} | {n} | {r['csv']:.4f} | {r['load']:.3f} | {r['load'] / r['csv']:.0f}x "
            f"| {r['sensitivity']:.3f} | {r['sensitivity'] / r['csv']:.0f}x |"
        )
    lines += [
        "",
        "load = criteria.load_scenario + criteria.decision_matrix (YAML parsed and validated, "
        "every CSV cell checked); sensitivity = stability intervals (TOPSIS, winner / top 3 / "
        f"ranking, every criterion) + SMAA-2 with {SMAA_SAMPLES:,} samples. Best of 5 runs "
        "(2 for m × n > 10,000; sensitivity: 2, 1 from m = 500). Synthetic data from "
        "bench.scaling_data (seeded, values 1..1000, every fourth criterion a cost).",
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, numpy {np.__version__}, pandas {pd.__version__}, "
        f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_scaling", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, a smoke test")
    args = parser.parse_args(argv)
    table = run(args.quick)
    print(table)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    target = RESULTS.with_name("scaling_quick.md") if args.quick else RESULTS
    target.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
