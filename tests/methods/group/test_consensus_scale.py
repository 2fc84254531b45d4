"""Goepel's word scale for S* and S* per node."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterrank.errors import MethodInputError
from clusterrank.methods.ahp.group import consensus
from clusterrank.methods.group import CONSENSUS_LEVELS, consensus_word, node_consensus


@pytest.mark.parametrize(
    ("s", "word"),
    [
        (0.0, "very low"),
        (0.4999, "very low"),
        (0.5, "low"),
        (0.6249, "low"),
        (0.625, "moderate"),
        (0.7499, "moderate"),
        (0.75, "high"),
        (0.8749, "high"),
        (0.875, "very high"),
        (1.0, "very high"),
    ],
)
def test_goepel_word_scale_boundaries(s: float, word: str) -> None:
    """Goepel (2018), IJAHP 10(3): < 50 % very low, 50-62.5 low, 62.5-75 moderate, 75-87.5
    high, above very high; a boundary takes the upper word."""
    assert consensus_word(s) == word


@settings(max_examples=60, deadline=None)
@given(st.floats(0, 1), st.floats(0, 1))
def test_word_scale_is_monotone(a: float, b: float) -> None:
    """Invariant: a higher S* never gets a lower word."""
    order = [w for _, w in CONSENSUS_LEVELS]
    lo, hi = sorted((a, b))
    assert order.index(consensus_word(lo)) <= order.index(consensus_word(hi))


@pytest.mark.parametrize("bad", [-0.01, 1.01, float("nan")])
def test_word_scale_refuses_values_outside_0_1(bad: float) -> None:
    with pytest.raises(MethodInputError, match=r"S\* must be a number in \[0, 1\]"):
        consensus_word(bad)


def test_node_consensus_wraps_goepel_s_star() -> None:
    """Identical experts: S* = 1, 'very high'; the value is methods.ahp.group.consensus's."""
    same = node_consensus([[0.5, 0.3, 0.2]] * 4)
    assert (same.s_star, same.word, same.experts, same.items) == (1.0, "very high", 4, 3)
    p = np.array([[0.7, 0.2, 0.1], [0.1, 0.2, 0.7], [0.3, 0.4, 0.3]])
    r = node_consensus(p)
    assert r.s_star == pytest.approx(consensus(p))
    assert r.word == consensus_word(consensus(p))
