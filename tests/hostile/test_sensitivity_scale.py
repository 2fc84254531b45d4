"""Hostile scale for `clusterrank sensitivity`: large scenarios in bounded time and memory,
requests beyond the named limits refused, and the small cases that used to break.

The large scenarios (2,000 × 60 and 500 × 60) are generated into ``tmp_path`` by
:mod:`bench.scaling_data`, never committed. Before the fix, 2,000 × 60 reached 24 GB (here:
MemoryError under the 2 GB limit after 20 s) and 500 × 60 ran past 600 s (here: killed at
the CPU limit); the stability-interval bisection scored every candidate for every crossing
of every pair.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.scaling_data import write_scenario
from clusterrank.methods.sensitivity.limits import MAX_AHP_DRAWS, MAX_SMAA_SAMPLES
from tests.hostile.limits import run_bounded

GB = 1024**3


def _sensitivity_json(tmp_path: Path, m: int, n: int, cpu: int) -> dict:
    scenario = write_scenario(tmp_path / f"s{m}x{n}", m, n)
    out = tmp_path / "out.json"
    run = run_bounded(
        "sensitivity",
        scenario,
        "--samples",
        "2000",
        "--ahp-draws",
        "200",
        "--format",
        "json",
        "-o",
        out,
        cpu_seconds=cpu,
        memory_bytes=2 * GB,
    )
    assert run.code == 0, run.err[-2000:]
    return dict(json.loads(out.read_text(encoding="utf-8")))


def _check_document(doc: dict, m: int, n: int) -> None:
    intervals = doc["stability"]["intervals"]
    assert len(intervals) == 3 * n  # winner, top 3, ranking for every criterion
    for iv in intervals:
        assert 0.0 <= iv["lower"] <= iv["weight"] <= iv["upper"] <= 1.0, iv
    assert doc["smaa"]["settings"]["n_samples"] == 2000
    rows = doc["smaa"]["rank_acceptability"]
    assert len(rows) == m
    assert list(rows[0])[-1] == "rank 21+"  # 20 ranks shown, the rest summed
    assert all(abs(sum(v for k, v in r.items() if k != "id") - 1.0) < 1e-9 for r in rows)
    assert len(doc["method_agreement"]["ranks"]) == m


def test_sensitivity_on_2000_candidates_by_60_criteria_is_bounded(tmp_path: Path) -> None:
    """2,000 × 60 finishes under 2 GB of address space and 120 CPU seconds (load included);
    PROMETHEE II, whose preference matrices would take 1.8 GB, is skipped with the estimate
    and the limit named."""
    doc = _sensitivity_json(tmp_path, 2000, 60, cpu=120)
    _check_document(doc, 2000, 60)
    skipped = {s["method"]: s["reason"] for s in doc["method_agreement"]["skipped"]}
    assert "1.8 GB" in skipped["PROMETHEE II"]
    assert "limit 256 MB" in skipped["PROMETHEE II"]


def test_sensitivity_on_500_candidates_by_60_criteria_is_bounded(tmp_path: Path) -> None:
    """500 × 60 (past 600 s before the fix) finishes within 60 CPU seconds and 2 GB, every
    method of the agreement included."""
    doc = _sensitivity_json(tmp_path, 500, 60, cpu=60)
    _check_document(doc, 500, 60)
    assert "PROMETHEE II" in doc["method_agreement"]["ranks"][0]


@pytest.mark.parametrize(
    ("flag", "value", "maximum"),
    [
        ("--samples", MAX_SMAA_SAMPLES + 1, MAX_SMAA_SAMPLES),
        ("--samples", 0, MAX_SMAA_SAMPLES),
        ("--ahp-draws", MAX_AHP_DRAWS + 1, MAX_AHP_DRAWS),
        ("--ahp-draws", -5, MAX_AHP_DRAWS),
    ],
)
def test_samples_and_ahp_draws_beyond_the_named_maximum_are_refused(
    tmp_path: Path, flag: str, value: int, maximum: int
) -> None:
    """A request beyond the maximum is refused before any work: exit 2, the flag, the
    limit and the value named, in a few CPU seconds and little memory."""
    scenario = write_scenario(tmp_path / "s", 5, 6)
    run = run_bounded("sensitivity", scenario, f"{flag}={value}", cpu_seconds=20, memory_bytes=GB)
    assert run.code == 2, run.err
    assert f"{flag} must be between 1 and {maximum:,} (got {value:,})" in run.err
    assert "Traceback" not in run.err


def test_sensitivity_on_a_one_candidate_scenario_says_it_needs_two(tmp_path: Path) -> None:
    """One candidate used to end in KeyError 'spearman'; now: exit 2, the file, why and the
    fix."""
    scenario = write_scenario(tmp_path / "one", 1, 6)
    run = run_bounded("sensitivity", scenario, "--samples", "100", cpu_seconds=30)
    assert run.code == 2, run.err
    assert str(scenario) in run.err
    assert "sensitivity needs at least two candidates" in run.err
    assert "Add candidates under `candidates:`" in run.err
    assert "KeyError" not in run.err
    assert "internal error" not in run.err


@pytest.mark.parametrize("k", ["0", "99", "5"])
def test_top_k_0_or_99_is_refused(tmp_path: Path, k: str) -> None:
    """--top-k 0 and 99 (and 5 of 5 candidates) used to become 1 and 3 silently."""
    scenario = write_scenario(tmp_path / "s", 5, 6)
    run = run_bounded("sensitivity", scenario, "--top-k", k, cpu_seconds=30)
    assert run.code == 2, run.err
    assert f"--top-k must be between 1 and 4 (got {k})" in run.err
    assert "the scenario ranks 5 candidates" in run.err


def test_top_k_default_fits_a_small_scenario(tmp_path: Path) -> None:
    """Without --top-k, three candidates get k = 2 (the default 3 would leave no one out)."""
    scenario = write_scenario(tmp_path / "s", 3, 4)
    run = run_bounded(
        "sensitivity", scenario, "--samples", "200", "--ahp-draws", "50", cpu_seconds=30
    )
    assert run.code == 0, run.err
    assert "top_k=2" in run.out
    assert " top 2 " in run.out
