"""clusterrank.analysis.weights: every way to set weights gives one consistent WeightReport."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from clusterrank.analysis.weights import (
    resolve_weights,
    weights_from_ahp,
    weights_from_data,
    weights_from_sliders,
)
from clusterrank.criteria.loading import load_scenario
from clusterrank.criteria.matrix import decision_matrix
from clusterrank.criteria.models.ahp_file import JudgmentBlock

REPO = Path(__file__).resolve().parents[2]
KEMEROVO = REPO / "configs" / "scenarios" / "kemerovo_clusters.yaml"
KEMEROVO_AHP = REPO / "configs" / "scenarios" / "kemerovo_clusters_ahp.yaml"


def test_default_weights_follow_group_times_local() -> None:
    """Equal group weights (5 groups) and equal local weights: global = 1/5 × 1/k."""
    report = resolve_weights(load_scenario(KEMEROVO))
    frame = report.to_frame()
    np.testing.assert_allclose(
        frame["global_weight"], frame["group_weight"] * frame["local_weight"], atol=1e-12
    )
    assert report.global_weights.sum() == pytest.approx(1.0)
    assert report.settings["mode"] == "criteria_set"


def test_ahp_scenario_weights_carry_consistency() -> None:
    report = resolve_weights(load_scenario(KEMEROVO_AHP))
    assert report.mode == "ahp"
    assert report.settings["random_index"] == "saaty"
    assert "groups" in report.ahp
    assert report.ahp["groups"].result.cr < 0.10
    assert report.global_weights.sum() == pytest.approx(1.0)


def test_sliders_rescale_and_keep_unnamed_weights() -> None:
    scenario = load_scenario(KEMEROVO)
    groups = {g.id: 1.0 for g in scenario.criteria_set.groups}
    groups["strategy"] = 6.0  # 6 of 10
    report = weights_from_sliders(scenario, groups, {})
    by_group = report.to_frame().groupby("group")["global_weight"].sum()
    assert by_group["strategy"] == pytest.approx(0.6)
    assert any("normalised" in n for n in report.notes)


def test_consistent_ahp_judgments_recover_the_weights() -> None:
    """Perfectly consistent group judgments a_ij = w_i/w_j give back w exactly."""
    scenario = load_scenario(KEMEROVO)
    ids = scenario.criteria_set.group_ids
    w = np.array([5.0, 4.0, 3.0, 2.0, 1.0][: len(ids)])
    w /= w.sum()
    judgments = tuple(
        (ids[i], ids[j], float(w[i] / w[j]))
        for i in range(len(ids))
        for j in range(i + 1, len(ids))
    )
    block = JudgmentBlock(judgments=judgments)
    report = weights_from_ahp(scenario, block, {})
    got = report.to_frame().groupby("group", sort=False)["global_weight"].sum()
    np.testing.assert_allclose([got[g] for g in ids], w, atol=1e-10)
    assert report.ahp["groups"].result.cr == pytest.approx(0.0, abs=1e-10)


def test_inconsistent_ahp_judgments_are_noted() -> None:
    scenario = load_scenario(KEMEROVO)
    a, b, c, d, e = scenario.criteria_set.group_ids
    block = JudgmentBlock(
        judgments=((a, b, 9.0), (b, c, 9.0), (a, c, 1 / 9), (c, d, 1.0), (d, e, 1.0))
    )
    report = weights_from_ahp(scenario, block, {})
    assert not report.ahp["groups"].result.acceptable
    assert any("inconsistent" in n for n in report.notes)
    assert report.ahp["groups"].fixes


@pytest.mark.parametrize("method", ["entropy", "critic", "standard_deviation"])
def test_objective_weights_roll_up_into_groups(method: str) -> None:
    scenario = load_scenario(KEMEROVO)
    dm = decision_matrix(scenario)
    report = weights_from_data(scenario, dm, method)
    assert report.global_weights.sum() == pytest.approx(1.0)
    assert np.all(report.global_weights >= 0)
    assert report.settings["method"] == method
    frame = report.to_frame()
    np.testing.assert_allclose(
        frame["global_weight"], frame["group_weight"] * frame["local_weight"], atol=1e-12
    )


def test_slider_percentages_are_normalised_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sliders at 50/50 groups and 25/75 inside a group give global 0.5 × 0.25 = 0.125: the
    percentages are normalised once per block (one division, no note when each block sums
    to 100) and reach the ranking method as they are, without being rescaled again."""
    import clusterrank.criteria.weights
    from clusterrank.analysis.ranking import rank_scenario

    scenario = load_scenario(KEMEROVO)
    cs = scenario.criteria_set
    groups = {g.id: 100.0 / len(cs.groups) for g in cs.groups}
    local = {
        c.id: (25.0 if k == 0 else 75.0 / (len(g.criteria) - 1)) if len(g.criteria) > 1 else 100.0
        for g in cs.groups
        for k, c in enumerate(g.criteria)
    }
    calls: list[str] = []
    real = clusterrank.criteria.weights._normalise

    def counting(values: list[float], ids: list[str], what: str, *rest: object) -> object:
        calls.append(what)
        return real(values, ids, what, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(clusterrank.criteria.weights, "_normalise", counting)
    report = weights_from_sliders(scenario, groups, local)
    assert len(calls) == 1 + len(cs.groups)  # one per block of sliders, no more
    assert not any("normalised" in n for n in report.notes)
    first = cs.groups[0]
    if len(first.criteria) > 1:
        expected = (1 / len(cs.groups)) * 0.25
        assert report.as_map()[first.criteria[0].id] == pytest.approx(expected, rel=1e-15)
    ranked = rank_scenario(scenario, weights=report)
    np.testing.assert_array_equal(ranked.result.weights, report.global_weights)
    assert not any("rescaled" in n for n in ranked.notes)
