"""Direct weights: group × local, normalised, every normalisation noted."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterrank.criteria import CriteriaSet, Scenario, ahp_request, compose_weights, direct_weights
from clusterrank.errors import ConfigurationError
from tests.helpers.criteria import CRITERIA_YAML


def _set(**changes: Any) -> CriteriaSet:
    data = yaml.safe_load(CRITERIA_YAML)
    data.update(changes)
    return CriteriaSet.model_validate(data)


def _scenario(weights: dict[str, Any]) -> Scenario:
    return Scenario.model_validate(
        {
            "id": "s",
            "criteria_set": yaml.safe_load(CRITERIA_YAML),
            "candidates": [{"id": "a"}],
            "weights": weights,
        }
    )


def test_criteria_set_defaults() -> None:
    """Groups 2 : 3 -> 0.4, 0.6; locals 1 : 1 and 3 : 1 -> global 0.2, 0.2, 0.45, 0.15."""
    w = direct_weights(_set())
    np.testing.assert_allclose(w.group_weights, [0.4, 0.6], rtol=1e-12)
    np.testing.assert_allclose(w.local_weights, [0.5, 0.5, 0.75, 0.25], rtol=1e-12)
    np.testing.assert_allclose(w.global_weights, [0.2, 0.2, 0.45, 0.15], rtol=1e-12)
    assert w.criteria == ("participants", "distance", "mass", "strategy")
    assert w.groups == ("infrastructure", "infrastructure", "critical_mass", "critical_mass")
    assert w.mode == "criteria_set"
    assert w.notes == (
        "the criteria set publishes no official weights; its default weights are used",
        "relative weights normalised to sum to 1: group weights (sum 5); "
        "weights in group infrastructure (sum 2); weights in group critical_mass (sum 4)",
    )
    frame = w.to_frame()
    assert frame.loc["mass", "group_weight"] == pytest.approx(0.6)


def test_weights_note_is_echoed() -> None:
    w = direct_weights(_set(weights_note="Равные веса: официальных весов нет."))
    assert w.notes[0] == "Равные веса: официальных весов нет."


def test_scenario_in_criteria_set_mode_equals_the_set() -> None:
    np.testing.assert_allclose(
        direct_weights(_scenario({"mode": "criteria_set"})).global_weights,
        direct_weights(_set()).global_weights,
    )


def test_direct_overrides_keep_the_rest() -> None:
    """groups 1 : 3 -> 0.25, 0.75; distance local 3 -> 1 : 3 -> global 0.0625, 0.1875, ..."""
    w = direct_weights(_scenario({"groups": {"infrastructure": 1}, "criteria": {"distance": 3}}))
    assert w.mode == "direct"
    np.testing.assert_allclose(w.global_weights, [0.0625, 0.1875, 0.5625, 0.1875], rtol=1e-12)
    assert "groups not weighted in the scenario keep the set's weights: critical_mass" in w.notes
    assert (
        "criteria not weighted in the scenario keep the set's weights: participants, mass, strategy"
        in w.notes
    )


def test_zero_weight_group_is_noted() -> None:
    w = direct_weights(_scenario({"groups": {"infrastructure": 0}}))
    np.testing.assert_allclose(w.global_weights, [0, 0, 0.75, 0.25], rtol=1e-12)
    assert "group infrastructure has weight 0: its criteria do not count" in w.notes


def test_ahp_mode_exposes_judgments() -> None:
    sc = _scenario(
        {
            "mode": "ahp",
            "derivation": "geometric_mean",
            "groups": {"judgments": [["infrastructure", "critical_mass", "1/3"]]},
            "criteria": {
                "infrastructure": {"judgments": [["participants", "distance", 2]]},
                "critical_mass": {"items": ["mass", "strategy"], "matrix": [[1, 4], ["1/4", 1]]},
            },
        }
    )
    with pytest.raises(ConfigurationError, match=r"weights\.mode is ahp"):
        direct_weights(sc)
    req = ahp_request(sc)
    assert req.derivation == "geometric_mean"
    assert req.random_index == "saaty"
    assert req.criteria_by_group == {
        "infrastructure": ("participants", "distance"),
        "critical_mass": ("mass", "strategy"),
    }
    assert req.group_block is not None
    np.testing.assert_allclose(
        req.group_block.pairwise(req.group_ids), np.array([[1, 1 / 3], [3, 1]])
    )
    with pytest.raises(ConfigurationError, match="not ahp"):
        ahp_request(_scenario({"mode": "criteria_set"}))


def test_compose_weights_from_priorities() -> None:
    w = compose_weights(
        _set(),
        {"infrastructure": 0.25, "critical_mass": 0.75},
        {"participants": 2 / 3, "distance": 1 / 3, "mass": 0.8, "strategy": 0.2},
        "ahp",
        ("CR = 0.00 (Saaty's random index)",),
    )
    np.testing.assert_allclose(w.global_weights, [1 / 6, 1 / 12, 0.6, 0.15], rtol=1e-12)
    assert w.notes == ("CR = 0.00 (Saaty's random index)",)


@settings(max_examples=50, deadline=None)
@given(
    g=st.lists(st.floats(0.01, 100), min_size=2, max_size=2),
    c=st.lists(st.floats(0.01, 100), min_size=4, max_size=4),
    k=st.floats(0.01, 100),
)
def test_global_weights_sum_to_one_and_ignore_scale(
    g: list[float], c: list[float], k: float
) -> None:
    """Invariant: global weights sum to 1, and scaling every weight by k changes none of them."""
    ids = ("participants", "distance", "mass", "strategy")
    cs = _set()
    w1 = compose_weights(
        cs, dict(zip(cs.group_ids, g, strict=True)), dict(zip(ids, c, strict=True)), "direct"
    )
    w2 = compose_weights(
        cs,
        {gid: k * x for gid, x in zip(cs.group_ids, g, strict=True)},
        {cid: k * x for cid, x in zip(ids, c, strict=True)},
        "direct",
    )
    assert w1.global_weights.sum() == pytest.approx(1.0)
    np.testing.assert_allclose(w1.global_weights, w2.global_weights, rtol=1e-9)
