"""clusterrank.analysis.ranking: one call for CLI and UI; cached inputs give the same answer."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from clusterrank.analysis.ranking import rank_scenario
from clusterrank.analysis.weights import resolve_weights, weights_from_sliders
from clusterrank.criteria.loading import load_scenario
from clusterrank.criteria.matrix import decision_matrix

REPO = Path(__file__).resolve().parents[2]
KEMEROVO = REPO / "configs" / "scenarios" / "kemerovo_clusters.yaml"


def test_cached_matrix_and_weights_give_the_same_ranking() -> None:
    scenario = load_scenario(KEMEROVO)
    fresh = rank_scenario(scenario)
    cached = rank_scenario(
        scenario, matrix=decision_matrix(scenario), weights=resolve_weights(scenario)
    )
    np.testing.assert_array_equal(fresh.result.scores, cached.result.scores)
    assert fresh.settings == cached.settings


def test_every_setting_and_note_reaches_the_report() -> None:
    report = rank_scenario(load_scenario(KEMEROVO))
    line = report.settings_line()
    assert "topsis (normalization=vector)" in line
    assert "missing_data=" in line
    assert any("impute" in n for n in report.notes)  # the policy's effect is reported


def test_weights_change_the_ranking() -> None:
    """Putting nearly all weight on SME share makes the agro cluster (92% SMEs) first."""
    scenario = load_scenario(KEMEROVO)
    groups = {g: 0.01 for g in scenario.criteria_set.group_ids}
    groups["sme_share"] = 100.0
    report = rank_scenario(scenario, weights=weights_from_sliders(scenario, groups, {}))
    assert report.to_frame()["id"].iloc[0] == "agro"


def test_method_override_drops_the_scenarios_settings() -> None:
    """The scenario sets TOPSIS with normalization=vector. Another method named instead gets
    its own defaults, not the scenario's TOPSIS settings: VIKOR has no normalisation at all,
    and WSM, which has one, keeps its own default (minmax), not the scenario's vector."""
    scenario = load_scenario(KEMEROVO)
    assert scenario.method.name == "topsis"
    assert dict(scenario.method.settings) == {"normalization": "vector"}
    vikor = rank_scenario(scenario, method="vikor")
    assert vikor.result.method == "vikor"
    assert dict(vikor.result.settings) == {"v": 0.5}
    assert vikor.settings["method"] == {"v": 0.5}
    assert np.all(np.isfinite(vikor.result.scores))
    wsm = rank_scenario(scenario, method="wsm")
    assert dict(wsm.result.settings) == {"normalization": "minmax"}
    assert "normalization=minmax" in wsm.settings_line()
