"""Spearman's footrule and the Kendall distance between rankings."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterrank.methods.group import footrule, kendall_distance
from clusterrank.methods.group.rank_distance import max_footrule, max_kendall_distance


def test_reversal_reaches_the_maxima() -> None:
    """Diaconis & Graham (1977): the reverse of a ranking of m has footrule ⌊m²/2⌋ and
    Kendall distance m(m − 1)/2."""
    for m in range(1, 8):
        a = np.arange(1, m + 1)
        assert footrule(a, a[::-1])[0] == max_footrule(m)
        assert kendall_distance(a, a[::-1])[0] == max_kendall_distance(m)


def test_ties_by_hand() -> None:
    """(1, 1, 3) against (1, 2, 3): bucket positions 1.5, 1.5, 3 vs 1, 2, 3, footrule 1;
    one pair tied on one side only, Kendall distance 1/2 (Fagin et al. 2006)."""
    assert footrule([1, 2, 3], [[1, 1, 3]])[0] == 1.0
    assert kendall_distance([1, 2, 3], [[1, 1, 3]])[0] == 0.5


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 12), st.integers(0, 10**6))
def test_diaconis_graham_inequality(m: int, seed: int) -> None:
    """Invariant (Diaconis & Graham 1977): K <= F <= 2K for permutations; both are 0 only for
    the same ranking and are symmetric."""
    rng = np.random.default_rng(seed)
    a, b = rng.permutation(m) + 1, rng.permutation(m) + 1
    f, k = footrule(a, b)[0], kendall_distance(a, b)[0]
    assert k <= f <= 2 * k
    assert (f == 0) == (k == 0) == bool(np.all(a == b))
    assert footrule(b, a)[0] == f
    assert kendall_distance(b, a)[0] == k
