"""Saved rankings: recomputed from the stored settings alone, and a changed result is noticed."""

from __future__ import annotations

from clusterrank.analysis.saved import compute, ranking_settings, reproduce, result_record
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
