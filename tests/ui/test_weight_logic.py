"""Slider normalisation with locks (ui.widgets.weight_logic)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterrank.ui.widgets.weight_logic import TOTAL, max_allowed, rebalance, to_percent

KEYS = ("a", "b", "c", "d")
weights_st = st.lists(
    st.floats(min_value=0.0, max_value=10.0, allow_nan=False), min_size=4, max_size=4
).filter(lambda xs: sum(xs) > 1e-6)


def test_to_percent_scales_relative_weights_to_100() -> None:
    """Relative weights 1:3 read as 25 % and 75 %; all-zero weights read as equal shares."""
    assert to_percent({"a": 1, "b": 3}) == {"a": 25.0, "b": 75.0}
    assert to_percent({"a": 0, "b": 0}) == {"a": 50.0, "b": 50.0}
    assert to_percent({}) == {}


def test_rebalance_spreads_the_difference_in_proportion() -> None:
    """Moving a to 80 takes the 30 points from b and c in their 25:25 proportion."""
    assert rebalance({"a": 50, "b": 25, "c": 25}, "a", 80) == {"a": 80.0, "b": 10.0, "c": 10.0}
    out = rebalance({"a": 40, "b": 40, "c": 20}, "c", 60)
    assert out == pytest.approx({"a": 20.0, "b": 20.0, "c": 60.0})


def test_rebalance_respects_locks_and_clamps() -> None:
    """A locked weight keeps its value and the moved one cannot exceed what is left over."""
    out = rebalance({"a": 50, "b": 25, "c": 25}, "a", 90, locked={"c"})
    assert out == {"a": 75.0, "b": 0.0, "c": 25.0}
    assert max_allowed({"a": 50, "b": 25, "c": 25}, "a", {"c"}) == 75.0


def test_rebalance_with_every_other_weight_locked_cannot_move() -> None:
    """With b and c locked, a takes the only value that keeps the sum at 100."""
    out = rebalance({"a": 50, "b": 25, "c": 25}, "a", 10, locked={"b", "c"})
    assert out == {"a": 50.0, "b": 25.0, "c": 25.0}


def test_rebalance_from_zero_others_shares_equally() -> None:
    """When the free weights are all zero, the remainder is shared equally among them."""
    out = rebalance({"a": 100, "b": 0, "c": 0}, "a", 40)
    assert out == {"a": 40.0, "b": 30.0, "c": 30.0}


def test_rebalance_unknown_key_names_the_block() -> None:
    with pytest.raises(KeyError, match="'z' is not in this block"):
        rebalance({"a": 100}, "z", 3)


@settings(max_examples=50, deadline=None)
@given(
    weights=weights_st,
    changed=st.sampled_from(KEYS),
    new=st.floats(min_value=-10, max_value=120, allow_nan=False),
    locked=st.sets(st.sampled_from(KEYS), max_size=3),
)
def test_rebalance_invariants(
    weights: list[float], changed: str, new: float, locked: set[str]
) -> None:
    """Invariant: after any move the block sums to 100, every weight is in [0, 100], and every
    locked weight (other than the one moved) keeps its value."""
    before = to_percent(dict(zip(KEYS, weights, strict=True)))
    after = rebalance(before, changed, new, locked)
    assert math.isclose(sum(after.values()), TOTAL, abs_tol=1e-9)
    assert all(-1e-12 <= v <= TOTAL + 1e-9 for v in after.values())
    for k in locked - {changed}:
        assert after[k] == pytest.approx(before[k], abs=1e-12)
