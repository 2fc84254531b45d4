"""Priorities and consistency of one pairwise matrix: published examples, pymcdm, properties."""

from __future__ import annotations

import warnings

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pymcdm.weights.subjective import AHP

from clusterrank.errors import ConfigurationError, MethodInputError
from clusterrank.methods.ahp import SAATY_SCALE, analyse, derive, priorities
from clusterrank.methods.ahp.consistency import consistency_index, consistency_ratio

FloatArray = npt.NDArray[np.float64]

# Saaty (1990), EJOR 48(1) 9-26, house-buying example, level-1 matrix (criteria: size of
# house, transportation, neighbourhood, age, yard, modern facilities, general condition,
# financing). Printed as fractions; here exactly.
HOUSE_CRITERIA = [
    [1, 5, 3, 7, 6, 6, "1/3", "1/4"],
    ["1/5", 1, "1/3", 5, 3, 3, "1/5", "1/7"],
    ["1/3", 3, 1, 6, 3, 4, 6, "1/5"],
    ["1/7", "1/5", "1/6", 1, "1/3", "1/4", "1/7", "1/8"],
    ["1/6", "1/3", "1/3", 3, 1, "1/2", "1/5", "1/6"],
    ["1/6", "1/3", "1/4", 4, 2, 1, "1/5", "1/6"],
    [3, 5, "1/6", 7, 5, 5, 1, "1/2"],
    [4, 7, 5, 8, 6, 6, 2, 1],
]

# Saaty (1977), J. Math. Psychol. 15(3) 234-281, "wealth of nations" example (after Saaty &
# Khouja 1976): US, USSR, China, France, UK, Japan, West Germany.
WEALTH = [
    [1, 4, 9, 6, 6, 5, 5],
    ["1/4", 1, 7, 5, 5, 3, 4],
    ["1/9", "1/7", 1, "1/5", "1/5", "1/7", "1/5"],
    ["1/6", "1/5", 5, 1, 1, "1/3", "1/3"],
    ["1/6", "1/5", 5, 1, 1, "1/3", "1/3"],
    ["1/5", "1/3", 7, 3, 3, 1, 2],
    ["1/5", "1/4", 5, 3, 3, "1/2", 1],
]


def power_method(a: FloatArray, iterations: int = 500) -> tuple[FloatArray, float]:
    """Independent recomputation: Saaty's normalised powers of A (no numpy.linalg)."""
    w = np.ones(a.shape[0]) / a.shape[0]
    for _ in range(iterations):
        v = a @ w
        w = v / v.sum()
    return w, float(np.mean((a @ w) / w))


def consistent(w: FloatArray) -> FloatArray:
    return np.asarray(w[:, None] / w[None, :], dtype=float)


def random_saaty_matrix(n: int, seed: int) -> FloatArray:
    rng = np.random.default_rng(seed)
    a = np.ones((n, n))
    scale = np.asarray(SAATY_SCALE)
    for i in range(n):
        for j in range(i + 1, n):
            a[i, j] = scale[rng.integers(scale.size)]
            a[j, i] = 1.0 / a[i, j]
    return a


def test_saaty_1990_house_criteria() -> None:
    """Saaty (1990), "How to make a decision: the analytic hierarchy process", EJOR 48(1),
    9-26, house example, the level-1 (criteria) matrix and its printed priority vector
    (.173 .054 .188 .018 .031 .036 .167 .333), λmax = 9.669, C.I. = .238, C.R. = .169.

    Printed figures have 3 decimals (atol 1e-3); the unrounded values agree with an
    independent power-method recomputation to 1e-9.
    """
    r = analyse(HOUSE_CRITERIA)
    published = [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333]
    np.testing.assert_allclose(r.priorities, published, atol=1e-3)
    np.testing.assert_allclose([r.lambda_max, r.ci, r.cr], [9.669, 0.238, 0.169], atol=1e-3)
    w, lam = power_method(r.matrix)
    np.testing.assert_allclose(r.priorities, w, atol=1e-9)
    assert r.lambda_max == pytest.approx(lam, abs=1e-9)
    assert r.random_index_table == "saaty"
    assert r.random_index_value == pytest.approx(1.41)
    assert not r.acceptable
    assert any("exceeds 0.1" in x for x in r.notes)


def test_saaty_1977_wealth_of_nations() -> None:
    """Saaty (1977), "A scaling method for priorities in hierarchical structures", J. Math.
    Psychol. 15(3), 234-281, wealth-of-nations example (also in Saaty 1980):
    eigenvector .427 .230 .021 .052 .052 .123 .094 (3 decimals, atol 1e-3) and λmax = 7.61
    (2 decimals, atol 5e-3); unrounded values match a power-method recomputation to 1e-9.
    """
    r = analyse(WEALTH, ["US", "USSR", "China", "France", "UK", "Japan", "W. Germany"])
    published = [0.427, 0.230, 0.021, 0.052, 0.052, 0.123, 0.094]
    np.testing.assert_allclose(r.priorities, published, atol=1e-3)
    assert r.lambda_max == pytest.approx(7.61, abs=5e-3)
    w, lam = power_method(r.matrix)
    np.testing.assert_allclose(r.priorities, w, atol=1e-9)
    assert r.lambda_max == pytest.approx(lam, abs=1e-9)
    assert r.cr == pytest.approx((lam - 7) / 6 / 1.32, abs=1e-9)
    assert r.weight_map["US"] == pytest.approx(r.priorities[0])
    assert list(r.to_frame()["item"][:2]) == ["US", "USSR"]


def test_geometric_mean_recomputed_by_hand() -> None:
    """Geometric-mean derivation of the house matrix equals the normalised row geometric
    means computed directly, and λmax is the mean of (Aw)_i / w_i (documented estimate)."""
    r = analyse(HOUSE_CRITERIA, derivation="geometric_mean")
    a = r.matrix
    g = np.prod(a, axis=1) ** (1 / 8)
    np.testing.assert_allclose(r.priorities, g / g.sum(), atol=1e-12)
    w = g / g.sum()
    assert r.lambda_max == pytest.approx(np.mean((a @ w) / w), abs=1e-12)
    assert r.derivation == "geometric_mean"


@pytest.mark.parametrize("n", [3, 4, 5, 6, 7, 9])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_pymcdm_oracle(n: int, seed: int) -> None:
    """pymcdm's AHP (eigenvector of exact Saaty-scale matrices) gives the same priorities,
    and its CR times its own RI (Tummala & Ling 1998 table) is the same CI."""
    a = random_saaty_matrix(n, seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = AHP(matrix=a)
        theirs = np.asarray(model(), dtype=float)
        their_ci = float(model.get_cr()) * AHP.RI_M[n - 1]
    r = analyse(a)
    np.testing.assert_allclose(r.priorities, theirs, atol=1e-10)
    assert r.ci == pytest.approx(their_ci, abs=1e-10)


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.floats(0.05, 20.0), min_size=1, max_size=12),
    st.sampled_from(["eigenvector", "geometric_mean"]),
)
def test_consistent_matrix_recovers_w(raw: list[float], derivation: str) -> None:
    """Invariant: for a_ij = w_i / w_j both derivations return w / Σw exactly, CR = 0."""
    w = np.asarray(raw)
    r = analyse(consistent(w), derivation=derivation, scale=None)
    np.testing.assert_allclose(r.priorities, w / w.sum(), rtol=1e-10, atol=1e-13)
    assert abs(r.cr) <= 1e-12
    assert r.acceptable


@settings(max_examples=50, deadline=None)
@given(
    st.integers(1, 12), st.integers(0, 10_000), st.sampled_from(["eigenvector", "geometric_mean"])
)
def test_priorities_positive_sum_one(n: int, seed: int, derivation: str) -> None:
    """Invariant: priorities of any reciprocal Saaty-scale matrix are > 0 and sum to 1;
    λmax >= n (up to round-off), so CI >= 0."""
    r = analyse(random_saaty_matrix(n, seed), derivation=derivation)
    assert np.all(r.priorities > 0)
    assert r.priorities.sum() == pytest.approx(1.0, abs=1e-12)
    assert r.ci >= 0.0
    assert r.lambda_max >= n - 1e-9


@settings(max_examples=50, deadline=None)
@given(st.integers(2, 10), st.integers(0, 10_000))
def test_inverting_judgments_reverses_geometric_mean(n: int, seed: int) -> None:
    """Invariant: inverting every judgment (Aᵀ) gives w'_i ∝ 1/w_i under the geometric mean,
    so the order is reversed exactly."""
    a = random_saaty_matrix(n, seed)
    w = priorities(a, "geometric_mean")
    wt = priorities(a.T, "geometric_mean")
    np.testing.assert_allclose(wt, (1 / w) / (1 / w).sum(), rtol=1e-10)


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 10_000))
def test_inverting_judgments_reverses_eigenvector_n3(seed: int) -> None:
    """Invariant: for n = 3 the eigenvector equals the geometric mean, so inverting all
    judgments gives w' ∝ 1/w. (For n >= 4 the right eigenvector of Aᵀ need not be 1/w —
    Johnson, Beine & Wang 1979 — so only n = 3 and consistent matrices are exact.)"""
    a = random_saaty_matrix(3, seed)
    w = priorities(a)
    np.testing.assert_allclose(priorities(a.T), (1 / w) / (1 / w).sum(), rtol=1e-9)
    np.testing.assert_allclose(w, priorities(a, "geometric_mean"), rtol=1e-9)


def test_small_matrices_are_consistent() -> None:
    """n = 1 and n = 2: CR is 0 by definition (RI = 0), and a note says why."""
    one = analyse([[1]], ["only"])
    assert one.priorities.tolist() == [1.0]
    assert one.cr == 0.0
    assert "single item" in one.notes[0]
    two = analyse([[1, 3], ["1/3", 1]], ["a", "b"])
    np.testing.assert_allclose(two.priorities, [0.75, 0.25], atol=1e-12)
    assert (two.cr, two.ci, two.random_index_value) == (0.0, 0.0, 0.0)
    assert two.acceptable
    assert "n = 2" in two.notes[0]
    assert consistency_index(5.0, 2) == 0.0
    assert consistency_ratio(2.0, 2) == 0.0


def test_random_index_table_is_named_and_used() -> None:
    """The CR uses the chosen table; the result names it and the summary shows it."""
    s = analyse(HOUSE_CRITERIA)
    a = analyse(HOUSE_CRITERIA, random_index="alonso_lamata")
    assert a.random_index_table == "alonso_lamata"
    assert a.random_index_value == pytest.approx(1.4056)
    assert a.cr == pytest.approx(s.ci / 1.4056, abs=1e-12)
    assert "Alonso & Lamata (2006)" in a.summary()
    assert a.settings == {
        "derivation": "eigenvector",
        "random_index": "alonso_lamata",
        "threshold": 0.1,
        "completion": "implied",
    }


def test_threshold_setting() -> None:
    """A CR of 0.169 passes a threshold of 0.2 and fails the default 0.10."""
    assert analyse(HOUSE_CRITERIA, threshold=0.2).acceptable
    assert not analyse(HOUSE_CRITERIA).acceptable


def test_bad_settings() -> None:
    """Unknown derivation, table or a non-positive threshold name the choices or the rule."""
    with pytest.raises(ConfigurationError, match="eigenvector, geometric_mean"):
        analyse(WEALTH, derivation="power")
    with pytest.raises(ConfigurationError, match="saaty, alonso_lamata"):
        analyse(WEALTH, random_index="tummala")
    with pytest.raises(ConfigurationError, match="threshold must be a number > 0"):
        analyse(WEALTH, threshold=0)


def test_derive_rejects_incomplete_and_nonpositive() -> None:
    """derive() works on complete positive matrices only; it says where to go otherwise."""
    with pytest.raises(MethodInputError, match=r"use clusterrank\.methods\.ahp\.consistency"):
        derive(np.array([[1, np.nan], [np.nan, 1]]))
    with pytest.raises(MethodInputError, match="must be > 0"):
        derive(np.array([[1, -2], [-0.5, 1]]))
    with pytest.raises(MethodInputError, match="square"):
        derive(np.array([[1, 2, 3]]))
