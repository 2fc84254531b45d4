"""How long one full rerun of the app takes after a weight change, relative to an empty page.

Measured in-process with Streamlit's AppTest (no browser, no network), so the figure is the
Python work of a rerun: reading session state, re-weighting, re-ranking, building tables and
charts. Each case is reported as the median of several reruns and as a ratio to the median
rerun of a one-line page measured in the same process, so machines of different speed give
comparable numbers.

Cases: the shipped Kemerovo scenario (5 candidates) and a generated scenario of 500
candidates on the same criteria set (SYNTHETIC: seeded random figures, written to a temporary
folder), each on the Weights page (a group slider moved) and on the Ranking page reached after
that change (ranking, chart, profile and the comparison of six methods: the two sections a
visitor opens with their toggles are opened here, so the rerun does all the page's work).

Run: ``python -m bench.bench_ui_rerun [--quick]``.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "streamlit_app.py"
CRITERIA = ROOT / "configs" / "criteria" / "five_groups.yaml"
KEMEROVO = ROOT / "configs" / "scenarios" / "kemerovo_clusters.yaml"
RESULTS = ROOT / "bench" / "results"
TIMEOUT = 120.0
COLUMNS = (
    "investment_2016_mln_rub",
    "participants",
    "employees",
    "sme_share_pct",
    "research_education_orgs",
    "declared_strategy",
)


@dataclass(frozen=True)
class Row:
    case: str
    candidates: int
    page: str
    median_ms: float
    ratio: float


def synthetic_scenario(folder: Path, m: int = 500, seed: int = 20240601) -> Path:
    """Write a SYNTHETIC scenario of ``m`` candidates on the five-groups set; return its path."""
    rng = np.random.default_rng(seed)
    data = np.column_stack(
        [
            rng.uniform(100, 10_000, m),
            rng.integers(5, 300, m),
            rng.integers(100, 30_000, m),
            rng.uniform(20, 95, m),
            rng.integers(0, 20, m),
            rng.integers(0, 2, m),
        ]
    )
    lines = ["candidate_id," + ",".join(COLUMNS)]
    lines += [f"c{i:03d}," + ",".join(f"{v:g}" for v in row) for i, row in enumerate(data)]
    (folder / "synthetic.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    candidates = "\n".join(f"  - {{id: c{i:03d}, name: Synthetic cluster {i}}}" for i in range(m))
    provenance = "\n".join(
        f"    {c}: {{source: synthetic (seeded random), illustrative: true}}" for c in COLUMNS
    )
    text = (
        f"id: synthetic_{m}\ntitle: SYNTHETIC {m} candidates (seeded random data)\n"
        f"criteria_set: {CRITERIA}\ncandidates:\n{candidates}\n"
        f"data:\n  file: synthetic.csv\n  provenance:\n{provenance}\n"
        "missing_data: reject\nmethod: {name: topsis, settings: {normalization: vector}}\n"
    )
    path = folder / "synthetic.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _median_ms(step: Callable[[int], None], repeats: int) -> float:
    times = []
    for k in range(repeats):
        start = time.perf_counter()
        step(k)
        times.append(time.perf_counter() - start)
    return 1000.0 * statistics.median(times)


def empty_page(repeats: int) -> float:
    """Median rerun of a one-line page (the unit every ratio is expressed in)."""
    at = AppTest.from_string("import streamlit as st\nst.write('empty')", default_timeout=TIMEOUT)
    at.run()

    def rerun(_k: int) -> None:
        at.run()

    return _median_ms(rerun, repeats)


def app_case(scenario: Path, repeats: int) -> tuple[float, float]:
    """Median rerun after a slider move on the Weights page, and of the Ranking page after
    such a move."""
    previous = os.environ.get("CLUSTERRANK_SCENARIO")
    os.environ["CLUSTERRANK_SCENARIO"] = str(scenario)
    try:
        at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
        at.run()
        at.session_state["open_sections"] = {"profile__show": True, "compare__show": True}
        at.switch_page("ui/pages/weights.py").run()
        _check(at)

        def move(k: int) -> None:
            at.slider(key="w_group__sme_share").set_value(30.0 + 10.0 * (k % 2)).run()

        weights_ms = _median_ms(move, repeats)
        _check(at)

        def rank_page(k: int) -> None:
            at.switch_page("ui/pages/weights.py").run()
            move(k + 1)
            at.switch_page("ui/pages/ranking.py")
            start = time.perf_counter()
            at.run()
            durations.append(time.perf_counter() - start)

        durations: list[float] = []
        for k in range(repeats):
            rank_page(k)
        _check(at)
        return weights_ms, 1000.0 * statistics.median(durations)
    finally:
        if previous is None:
            os.environ.pop("CLUSTERRANK_SCENARIO", None)
        else:
            os.environ["CLUSTERRANK_SCENARIO"] = previous


def _check(at: AppTest) -> None:
    if at.exception or at.error:
        problems = [e.value for e in at.exception] + [e.value for e in at.error]
        msg = f"the app showed an error during the benchmark: {problems}"
        raise RuntimeError(msg)


def run(quick: bool = False) -> list[Row]:
    repeats = 3 if quick else 9
    m = 100 if quick else 500
    unit = empty_page(repeats * 3)
    rows: list[Row] = [Row("empty page", 0, "one st.write", unit, 1.0)]
    cases = [("Kemerovo (shipped)", KEMEROVO, 5)]
    with tempfile.TemporaryDirectory(prefix="clusterrank-bench-") as folder:
        cases.append((f"SYNTHETIC {m} (seeded random)", synthetic_scenario(Path(folder), m), m))
        for label, path, count in cases:
            weights_ms, ranking_ms = app_case(path, repeats)
            rows.append(Row(label, count, "Weights, slider moved", weights_ms, weights_ms / unit))
            rows.append(Row(label, count, "Ranking, after the move", ranking_ms, ranking_ms / unit))
    return rows


def table(rows: list[Row]) -> str:
    lines = [
        "| case | candidates | page and action | median rerun (ms) | × empty-page rerun |",
        "|---|---:|---|---:|---:|",
    ]
    lines += [
        f"| {r.case} | {r.candidates} | {r.page} | {r.median_ms:.1f} | {r.ratio:.1f} |"
        for r in rows
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    quick = "--quick" in args
    text = "### UI rerun after a weight change (AppTest, in-process)\n\n" + table(run(quick))
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "ui_rerun.md").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
