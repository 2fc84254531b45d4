"""A scenario's ``weights: {mode: objective, method: ...}``: computed from the decision matrix
after the missing-data policy, used for the ranking and echoed in the result."""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml

from clusterrank.analysis.ranking import rank_scenario
from clusterrank.analysis.weights import objective_methods, resolve_weights
from clusterrank.criteria.loading import scenario_from_text
from clusterrank.criteria.matrix import decision_matrix
from clusterrank.criteria.models.scenario import ObjectiveMethod, ObjectiveWeights, Scenario
from clusterrank.criteria.weights import direct_weights
from clusterrank.errors import ConfigurationError, MethodInputError, ValidationFailed
from clusterrank.methods.objective_weights import objective_weights
from clusterrank.methods.registry import rank

SCENARIO = """\
id: objective_demo
title: Objective weights demo
criteria_set:
  id: demo_set
  title: Demo
  source: written for the tests
  groups:
    - id: size
      criteria:
        - {id: staff, direction: benefit, indicators: [{id: staff}]}
        - {id: output, direction: benefit, indicators: [{id: output}]}
    - id: burden
      criteria:
        - {id: cost, direction: cost, indicators: [{id: cost}]}
candidates: [{id: a}, {id: b}, {id: c}, {id: d}]
data:
  values:
    a: {staff: 10, output: 3, cost: 5}
    b: {staff: 20, output: 1, cost: 2}
    c: {staff: 15, output: 2, cost: 9}
    d: {staff: null, output: 40, cost: 4}
missing_data: drop_candidate
weights: {mode: objective, method: critic}
"""


def _scenario(**changes: Any) -> Scenario:
    data = yaml.safe_load(SCENARIO)
    data.update(changes)
    return scenario_from_text(yaml.safe_dump(data, sort_keys=False), "demo.yaml", Path.cwd())


def test_model_literal_lists_exactly_the_objective_methods() -> None:
    """criteria may not import methods, so the model spells the names out; they must stay
    the ones methods.objective_weights offers."""
    assert list(typing.get_args(ObjectiveMethod)) == objective_methods()


@pytest.mark.parametrize("method", ["entropy", "critic", "standard_deviation", "merec"])
def test_weights_come_from_the_matrix_after_the_policy(method: str) -> None:
    """Candidate d (missing staff) is dropped first, so its outlying output (40) does not
    enter the weights: they equal the method's weights on the three remaining rows."""
    sc = _scenario(weights={"mode": "objective", "method": method})
    dm = decision_matrix(sc)
    assert dm.candidates == ("a", "b", "c")
    expected = objective_weights(
        [[10, 3, 5], [20, 1, 2], [15, 2, 9]], ["benefit", "benefit", "cost"], method
    ).weights
    report = resolve_weights(sc)
    np.testing.assert_allclose(report.global_weights, expected, rtol=1e-12)
    assert report.settings["mode"] == "objective"
    assert report.settings["method"] == method
    with_d = objective_weights(
        [[10, 3, 5], [20, 1, 2], [15, 2, 9], [15, 40, 4]], ["+", "+", "-"], method
    ).weights
    assert not np.allclose(report.global_weights, with_d)


def test_ranking_uses_and_echoes_the_objective_weights() -> None:
    """rank_scenario ranks with the CRITIC weights, shows them as the weights used and names
    the method in the settings."""
    sc = _scenario()
    report = rank_scenario(sc)
    dm = decision_matrix(sc)
    w = objective_weights(dm.values, dm.directions, "critic").weights
    expected = rank(dm.values, w, dm.directions, "topsis", candidates=dm.candidates)
    np.testing.assert_allclose(report.result.scores, expected.scores, rtol=1e-12)
    np.testing.assert_allclose(list(report.weights.values()), w, rtol=1e-12)
    assert list(report.weights) == ["staff", "output", "cost"]
    assert report.settings["weights"]["mode"] == "objective"
    assert report.settings["weights"]["method"] == "critic"
    assert "method=critic" in report.settings_line()
    payload = report.to_payload()
    assert payload["settings"]["weights"]["method"] == "critic"
    assert payload["weights"]["cost"] == pytest.approx(w[2], rel=1e-12)


def test_group_weights_are_the_sums_of_their_criteria() -> None:
    report = resolve_weights(_scenario())
    frame = report.to_frame()
    by_group = frame.groupby("group")["global_weight"].sum()
    np.testing.assert_allclose(frame["group_weight"], by_group[frame["group"]].to_numpy())
    assert report.global_weights.sum() == pytest.approx(1.0)


def test_entropy_on_negative_data_names_the_criterion() -> None:
    data = yaml.safe_load(SCENARIO)
    data["data"]["values"]["b"]["output"] = -1
    sc = _scenario(data=data["data"], weights={"mode": "objective", "method": "entropy"})
    with pytest.raises(MethodInputError, match=r"criterion 'output' \(column 2\) has -1"):
        rank_scenario(sc)


@pytest.mark.parametrize(
    ("weights", "fragment"),
    [
        ({"mode": "objective"}, "weights.method: required key 'method' is missing"),
        ({"mode": "objective", "method": "entropi"}, "did you mean 'entropy'"),
        ({"mode": "objective", "method": "critic", "extra": 1}, "weights.extra"),
    ],
)
def test_bad_objective_spec_is_named(weights: dict[str, Any], fragment: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        _scenario(weights=weights)
    assert fragment in caught.value.render()


def test_direct_weights_refuses_objective_mode() -> None:
    """clusterrank.criteria.weights cannot compute data-driven weights; it says so instead
    of silently falling back to the criteria set's weights."""
    sc = _scenario()
    assert isinstance(sc.weights, ObjectiveWeights)
    with pytest.raises(ConfigurationError, match="objective"):
        direct_weights(sc)
