"""Kendall's W with the tie correction and its χ² test."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from clusterrank.errors import MethodInputError
from clusterrank.methods.group import average_ranks, kendall_w


def test_hand_example_without_ties() -> None:
    """Constructed, hand-computable (no published figures were verifiable here): 3 raters
    rank 4 objects as (1,2,3,4), (2,1,3,4), (1,2,4,3). Rank sums 4, 5, 10, 11, mean 7.5,
    S = 12.25 + 6.25 + 6.25 + 12.25 = 37; W = 12·37 / (3²(4³ − 4)) = 444/540 = 0.8222;
    χ² = m(n − 1)W = 7.4 with 3 d.f., whose tail is erfc(√3.7) + √(14.8/π) e^(−3.7)."""
    r = kendall_w([[1, 2, 3, 4], [2, 1, 3, 4], [1, 2, 4, 3]])
    assert r.s == 37.0
    assert r.w == pytest.approx(444 / 540, rel=1e-12)
    assert r.chi2 == pytest.approx(7.4, rel=1e-12)
    assert r.df == 3
    p = math.erfc(math.sqrt(3.7)) + math.sqrt(14.8 / math.pi) * math.exp(-3.7)
    assert r.p_value == pytest.approx(p, rel=1e-10)
    np.testing.assert_allclose(r.rank_sums, [4, 5, 10, 11])
    assert any("rough" in note for note in r.notes)


def test_hand_example_with_ties() -> None:
    """Rater 1 ties objects 2 and 3: ranks (1, 2.5, 2.5, 4), T_1 = 2³ − 2 = 6; raters 2 and 3
    give (1,2,3,4) and (2,1,3,4). Rank sums 4, 5.5, 8.5, 12; S = 37.5;
    W = 12·37.5 / (9·60 − 3·6) = 450/522 = 25/29 (0.8333 without the correction)."""
    r = kendall_w([[1, 2, 2, 4], [1, 2, 3, 4], [2, 1, 3, 4]])  # competition ranks "1224"
    assert r.tie_correction == 6.0
    assert r.w == pytest.approx(25 / 29, rel=1e-12)
    assert any("tie-corrected" in note for note in r.notes)


def test_identical_rankings_give_1_and_balanced_ones_give_0() -> None:
    assert kendall_w([[3, 1, 2, 4, 5]] * 6).w == pytest.approx(1.0)
    balanced = kendall_w([[1, 2, 3], [3, 2, 1]])
    assert (balanced.s, balanced.w, balanced.p_value) == (0.0, 0.0, 1.0)


def test_scores_are_ranked_with_higher_is_better() -> None:
    scores = np.array([[0.9, 0.5, 0.1], [0.8, 0.6, 0.2]])
    assert kendall_w(scores, higher_is_better=True).w == pytest.approx(1.0)
    np.testing.assert_allclose(average_ranks(scores, higher_is_better=True), [[1, 2, 3]] * 2)


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 9), st.integers(3, 12), st.integers(1, 5), st.integers(0, 10**6))
def test_chi2_equals_scipy_friedman_with_ties(m: int, n: int, levels: int, seed: int) -> None:
    """Invariant: χ² = m(n − 1)W is the tie-corrected Friedman statistic (raters = blocks);
    scipy.stats.friedmanchisquare gives the same statistic and p-value."""
    rng = np.random.default_rng(seed)
    x = rng.integers(0, levels + 1, size=(m, n)).astype(float)
    if np.all(x == x[:, :1]):
        x[0, 0] += 1  # every rater tying every object has no W; scipy divides by zero
    r = kendall_w(x)
    stat, p = stats.friedmanchisquare(*x.T)
    assert r.chi2 == pytest.approx(stat, rel=1e-9, abs=1e-12)
    assert r.p_value == pytest.approx(p, rel=1e-8, abs=1e-15)
    assert 0.0 <= r.w <= 1.0


@settings(max_examples=40, deadline=None)
@given(st.integers(3, 15), st.integers(0, 10**6))
def test_two_raters_w_is_spearman_rescaled(n: int, seed: int) -> None:
    """Invariant (Kendall): for m = 2 rankings without ties, W = (1 + ρ_Spearman)/2."""
    rng = np.random.default_rng(seed)
    a, b = rng.permutation(n) + 1, rng.permutation(n) + 1
    rho = stats.spearmanr(a, b).statistic
    assert kendall_w(np.vstack([a, b])).w == pytest.approx((1 + rho) / 2, abs=1e-12)


@settings(max_examples=30, deadline=None)
@given(st.integers(2, 6), st.integers(2, 8), st.integers(0, 10**6))
def test_w_ignores_the_order_of_raters_and_objects(m: int, n: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    x = rng.integers(1, 4, size=(m, n)).astype(float)
    x[:, 0] = np.arange(m) + 10.0  # never all tied
    base = kendall_w(x).w
    moved = x[rng.permutation(m)][:, rng.permutation(n)]
    assert kendall_w(moved).w == pytest.approx(base, abs=1e-12)


def test_errors_name_the_problem() -> None:
    with pytest.raises(MethodInputError, match="m >= 2 raters"):
        kendall_w([[1, 2, 3]])
    with pytest.raises(MethodInputError, match="rater 2 has no value for object 3"):
        kendall_w(np.array([[1, 2, 3], [1, 2, np.nan]]))
    with pytest.raises(MethodInputError, match="every rater ties every object"):
        kendall_w([[1, 1, 1], [2, 2, 2]])
