"""Saved rankings and SMAA runs: recomputed from the stored settings alone; a change is noticed."""

from __future__ import annotations

from clusterrank.analysis.saved import compute, ranking_settings, reproduce, result_record
from clusterrank.analysis.saved_sensitivity import compute as smaa_compute
from clusterrank.analysis.saved_sensitivity import reproduce as smaa_reproduce
from clusterrank.analysis.saved_sensitivity import result_record as smaa_record
from clusterrank.analysis.saved_sensitivity import smaa_settings
from clusterrank.criteria.loading import load_scenario
from tests.helpers.ui import ROOT

KEMEROVO = ROOT / "configs" / "scenarios" / "kemerovo_clusters.yaml"


def _saved() -> tuple[dict[str, object], dict[str, object]]:
    scenario = load_scenario(KEMEROVO)
    groups = {g.id: 100.0 / len(scenario.criteria_set.groups) for g in scenario.criteria_set.groups}
    local = {
        g.id: {c.id: 100.0 / len(g.criteria) for c in g.criteria}
        for g in scenario.criteria_set.groups
    }
    stored = ranking_settings("vikor", {"v": 0.3}, {"groups": groups, "local": local}, "sha")
    return stored, result_record(compute(scenario, stored))


def test_a_saved_ranking_reproduces_identically() -> None:
    stored, result = _saved()
    again = reproduce(load_scenario(KEMEROVO), stored, result)
    assert again.identical
    assert again.text == "Reproduced: identical ranks and scores."


def test_a_changed_result_is_not_called_identical() -> None:
    stored, result = _saved()
    scores = list(result["scores"])  # type: ignore[call-overload]
    scores[0] += 1e-9
    nudged = reproduce(load_scenario(KEMEROVO), stored, {**result, "scores": scores})
    assert not nudged.identical
    assert nudged.same_ranks
    assert "scores differ by up to 1e-09" in nudged.text
    ranks = list(reversed(result["ranks"]))  # type: ignore[call-overload]
    swapped = reproduce(load_scenario(KEMEROVO), stored, {**result, "ranks": ranks})
    assert not swapped.same_ranks
    assert swapped.text.startswith("Not identical")


def _saved_smaa(sampling: str = "uniform") -> tuple[dict[str, object], dict[str, object]]:
    scenario = load_scenario(KEMEROVO)
    groups = {g.id: 100.0 / len(scenario.criteria_set.groups) for g in scenario.criteria_set.groups}
    local = {
        g.id: {c.id: 100.0 / len(g.criteria) for c in g.criteria}
        for g in scenario.criteria_set.groups
    }
    first = scenario.criteria_set.groups[0].criteria[0].id
    smaa = {
        "n_samples": 500,
        "seed": 7,
        "sampling": sampling,
        "concentration": 100.0,
        "bounds": ((first, 0.05, 0.5),) if sampling == "bounded" else (),
        "data_uncertainty_pct": 0.0,
    }
    stored = smaa_settings("topsis", {}, {"groups": groups, "local": local}, smaa, "sha")
    return stored, smaa_record(smaa_compute(scenario, stored))


def test_a_saved_smaa_run_reproduces_identically_with_its_seed() -> None:
    for sampling in ("uniform", "around", "bounded"):
        stored, result = _saved_smaa(sampling)
        assert result["n_samples"] == 500
        again = smaa_reproduce(load_scenario(KEMEROVO), stored, result)
        assert again.identical, sampling
        assert again.text == "Reproduced: identical rank acceptabilities."


def test_a_changed_smaa_result_or_seed_is_not_called_identical() -> None:
    stored, result = _saved_smaa()
    table = [list(row) for row in result["acceptability"]]  # type: ignore[attr-defined]
    table[0][0] += 0.002
    nudged = smaa_reproduce(load_scenario(KEMEROVO), stored, {**result, "acceptability": table})
    assert not nudged.identical
    assert "differ by up to 0.002" in nudged.text
    smaa = dict(stored["smaa"])  # type: ignore[call-overload]
    other_seed = {**stored, "smaa": {**smaa, "seed": 8}}
    assert not smaa_reproduce(load_scenario(KEMEROVO), other_seed, result).identical
