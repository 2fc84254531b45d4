"""Expert weights: equal, per expert, by stakeholder group."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterrank.errors import MethodInputError
from clusterrank.methods.ahp import aggregate_priorities
from clusterrank.methods.group import expert_weights


def test_equal_by_default_with_the_equal_alternative() -> None:
    r = expert_weights(["a", "b", "c", "d"])
    assert r.scheme == "equal"
    assert r.is_equal
    np.testing.assert_allclose(r.weights, 0.25)


def test_per_expert_weights_are_normalised() -> None:
    r = expert_weights(["a", "b"], weights={"a": 3, "b": 1})
    assert r.scheme == "expert"
    assert not r.is_equal
    assert r.weight_map == pytest.approx({"a": 0.75, "b": 0.25})
    np.testing.assert_allclose(r.equal, [0.5, 0.5])


def test_groups_share_their_weight_among_members() -> None:
    """Three professors and one official, groups weighted 1 : 1: each professor 1/6, the
    official 1/2 (a big group does not win by its size). With per-expert weights 2, 1, 1
    inside the professors' group they split their half 1/4, 1/8, 1/8."""
    groups = {"p1": "academia", "p2": "academia", "p3": "academia", "o1": "government"}
    gw = {"academia": 1, "government": 1}
    r = expert_weights(["p1", "p2", "p3", "o1"], groups=groups, group_weights=gw)
    np.testing.assert_allclose(r.weights, [1 / 6, 1 / 6, 1 / 6, 1 / 2])
    own = {"p1": 2, "p2": 1, "p3": 1, "o1": 5}
    r2 = expert_weights(["p1", "p2", "p3", "o1"], weights=own, groups=groups, group_weights=gw)
    np.testing.assert_allclose(r2.weights, [1 / 4, 1 / 8, 1 / 8, 1 / 2])
    r3 = expert_weights(["p1", "o1"], groups=groups, group_weights={**gw, "business": 2})
    assert any("'business'" in n for n in r3.notes)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 10), st.integers(0, 10**6))
def test_weights_sum_to_one_and_feed_aip(k: int, seed: int) -> None:
    """Invariant: any scheme sums to 1; AIP with them is a priority vector."""
    rng = np.random.default_rng(seed)
    ids = [f"e{i}" for i in range(k)]
    groups = {e: f"g{rng.integers(3)}" for e in ids}
    r = expert_weights(
        ids, groups=groups, group_weights={f"g{i}": rng.uniform(0.1, 1) for i in range(3)}
    )
    assert r.weights.sum() == pytest.approx(1.0)
    agg = aggregate_priorities(rng.dirichlet(np.ones(4), size=k), expert_weights=r.weights)
    assert agg.sum() == pytest.approx(1.0)


def test_errors_name_the_expert_or_group() -> None:
    with pytest.raises(MethodInputError, match="no weight for 'b'"):
        expert_weights(["a", "b"], weights={"a": 1})
    with pytest.raises(MethodInputError, match="expert 'b' has no stakeholder group"):
        expert_weights(["a", "b"], groups={"a": "x"}, group_weights={"x": 1})
    with pytest.raises(MethodInputError, match="group 'y' has no weight"):
        expert_weights(["a", "b"], groups={"a": "x", "b": "y"}, group_weights={"x": 1})
    with pytest.raises(MethodInputError, match="finite number >= 0"):
        expert_weights(["a"], weights={"a": -1})
    with pytest.raises(MethodInputError, match="must not all be zero"):
        expert_weights(["a", "b"], weights={"a": 0, "b": 0})
    with pytest.raises(MethodInputError, match="unique"):
        expert_weights(["a", "a"])
