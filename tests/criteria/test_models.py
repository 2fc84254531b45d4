"""The pydantic models: parsing, derived properties and their cross-field rules."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from clusterrank.criteria.models import (
    DIRECTION_ALIASES,
    CriteriaSet,
    Criterion,
    ExpertScale,
    JudgmentBlock,
    Scenario,
    direction_sign,
)
from clusterrank.methods.directions import parse_direction
from tests.helpers.criteria import CRITERIA_YAML


def _criterion(**kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"id": "c", "direction": "benefit", "indicators": [{"id": "i"}]}
    return {**base, **kw}


def _cross_messages(exc: ValidationError) -> list[str]:
    return [m for e in exc.errors() if e["type"] == "cross_field" for _, m in e["ctx"]["problems"]]


def test_direction_aliases_match_methods() -> None:
    """criteria parses directions without importing methods; both alias sets must agree."""
    for alias, word in DIRECTION_ALIASES.items():
        assert parse_direction(alias) == direction_sign(word), alias


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("max", "benefit"),
        ("+", "benefit"),
        (1, "benefit"),
        ("Cost", "cost"),
        ("-", "cost"),
        (-1, "cost"),
    ],
)
def test_direction_alias_is_stored_as_word(written: object, stored: str) -> None:
    assert Criterion.model_validate(_criterion(direction=written)).direction == stored


def test_set_properties_follow_file_order() -> None:
    cs = CriteriaSet.model_validate(yaml.safe_load(CRITERIA_YAML))
    assert cs.criterion_ids == ("participants", "distance", "mass", "strategy")
    assert cs.group_ids == ("infrastructure", "critical_mass")
    assert cs.data_keys == ("participants", "distance_km", "employees", "gap", "strategy")
    assert cs.key_direction("gap") == "cost"
    assert cs.key_direction("employees") == "benefit"  # inherited from the criterion
    assert cs.group_of("mass").id == "critical_mass"
    assert [c.combine_rule for c in cs.criteria] == ["single", "single", "weighted_mean", "expert"]


def test_models_are_frozen() -> None:
    crit = Criterion.model_validate(_criterion())
    with pytest.raises(ValidationError, match="frozen"):
        crit.weight = 2.0  # type: ignore[misc]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"indicators": [{"id": "a"}, {"id": "b"}]},
            "combine: single needs exactly one indicator (got 2)",
        ),
        (
            {"combine": "sum", "indicators": [{"id": "a", "unit": "t"}, {"id": "b", "unit": "kg"}]},
            "combine: sum needs indicators in one unit (got 'kg', 't')",
        ),
        (
            {"combine": "sum", "indicators": [{"id": "a"}, {"id": "b", "direction": "cost"}]},
            "combine: sum needs every indicator in the criterion's direction 'benefit' "
            "(got 'cost')",
        ),
        (
            {"combine": "weighted_mean", "direction": "cost", "indicators": [{"id": "a"}]},
            "the criterion's direction must be benefit (got 'cost')",
        ),
        (
            {"combine": "weighted_mean", "indicators": [{"id": "a", "weight": 0}]},
            "all indicator weights are zero",
        ),
        ({"indicators": None}, "give either 'indicators' or 'expert_scale'"),
        (
            {"expert_scale": {"min": 0, "max": 5}},
            "give either 'indicators' or 'expert_scale', not both",
        ),
        (
            {"indicators": [{"id": "a", "direction": "cost"}]},
            "indicator direction 'cost' contradicts the criterion's 'benefit'",
        ),
    ],
)
def test_criterion_rules(fields: dict[str, Any], expected: str) -> None:
    with pytest.raises(ValidationError) as info:
        Criterion.model_validate(_criterion(**fields))
    assert any(expected in m for m in _cross_messages(info.value)), _cross_messages(info.value)


def test_expert_scale_rules() -> None:
    with pytest.raises(ValidationError) as info:
        ExpertScale.model_validate({"min": 10, "max": 0})
    assert _cross_messages(info.value) == ["'max' must be greater than 'min' (got min 10, max 0)"]
    with pytest.raises(ValidationError) as info:
        ExpertScale.model_validate({"min": 0, "max": 10, "anchors": {0: "a", 12: "b"}})
    assert _cross_messages(info.value) == ["anchor 12 lies outside the scale 0..10"]


@settings(max_examples=50, deadline=None)
@given(
    lo=st.integers(-20, 20),
    width=st.integers(1, 20),
    point=st.floats(-50, 50, allow_nan=False),
)
def test_anchor_accepted_iff_inside_scale(lo: int, width: int, point: float) -> None:
    """Invariant: an anchor validates exactly when min <= anchor <= max."""
    data = {"min": lo, "max": lo + width, "anchors": {point: "x"}}
    inside = lo <= point <= lo + width
    try:
        ExpertScale.model_validate(data)
        accepted = True
    except ValidationError:
        accepted = False
    assert accepted == inside


def test_judgment_block_forms_agree() -> None:
    """The list form and the matrix form of the same judgments give the same matrix."""
    listed = JudgmentBlock.model_validate(
        {"judgments": [["a", "b", 3], ["a", "c", "5"], ["b", "c", "1/2"]]}
    )
    matrix = JudgmentBlock.model_validate(
        {"items": ["a", "b", "c"], "matrix": [[1, 3, 5], ["1/3", 1, 0.5], ["1/5", 2, 1]]}
    )
    expected = np.array([[1, 3, 5], [1 / 3, 1, 0.5], [0.2, 2, 1]])
    np.testing.assert_allclose(listed.pairwise(["a", "b", "c"]), expected, rtol=1e-12)
    np.testing.assert_allclose(matrix.pairwise(["a", "b", "c"]), expected, rtol=1e-12)
    assert matrix.triples() == (("a", "b", 3.0), ("a", "c", 5.0), ("b", "c", 0.5))


def test_missing_judgment_is_nan_in_pairwise() -> None:
    block = JudgmentBlock.model_validate({"judgments": [["a", "b", 2], ["b", "c", 4]]})
    m = block.pairwise(["a", "b", "c"])
    assert np.isnan(m[0, 2])
    assert np.isnan(m[2, 0])
    assert m[2, 1] == pytest.approx(0.25)


@settings(max_examples=50, deadline=None)
@given(a=st.integers(1, 9), b=st.integers(1, 9))
def test_fraction_judgment_equals_its_value(a: int, b: int) -> None:
    """Invariant: the string "a/b" parses to a/b whenever a/b lies on the 1/9..9 scale."""
    block = JudgmentBlock.model_validate({"judgments": [["x", "y", f"{a}/{b}"]]})
    assert block.triples()[0][2] == pytest.approx(a / b)


def test_scenario_needs_inline_criteria_set() -> None:
    with pytest.raises(ValidationError, match=r"resolved by criteria\.load_scenario"):
        Scenario.model_validate({"id": "s", "criteria_set": "x.yaml", "candidates": [{"id": "a"}]})


def test_scenario_weights_without_mode_are_direct() -> None:
    cs = yaml.safe_load(CRITERIA_YAML)
    sc = Scenario.model_validate(
        {
            "id": "s",
            "criteria_set": cs,
            "candidates": [{"id": "a"}],
            "weights": {"groups": {"infrastructure": 1}},
        }
    )
    assert sc.weights.mode == "direct"
    assert sc.missing_data == "reject"
    assert sc.method.name == "topsis"


def test_matrix_without_items_takes_the_context_order() -> None:
    """``matrix`` alone (as in the spec's AHP example) follows the listed order of items."""
    block = JudgmentBlock.model_validate({"matrix": [[1, "1/3"], [3, 1]]})
    np.testing.assert_allclose(block.pairwise(["x", "y"]), np.array([[1, 1 / 3], [3, 1]]))
    assert block.check_names(["x", "y"], "alternative") == []
    (problem,) = block.check_names(["x", "y", "z"], "alternative")
    assert problem[1] == (
        "matrix must be 3×3, one row and column per alternative in the order listed "
        "(x, y, z); got 2 rows"
    )
