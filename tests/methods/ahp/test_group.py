"""Group AHP: AIJ, AIP and Goepel's consensus indicator."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterrank.errors import ConfigurationError, MethodInputError
from clusterrank.methods.ahp import aggregate_judgments, aggregate_priorities, analyse, consensus
from clusterrank.methods.ahp.group import min_alpha_diversity
from tests.methods.ahp.test_priorities import random_saaty_matrix


def test_aij_by_hand() -> None:
    """Two experts say 3 and 1/3 (equal weights): the geometric mean is 1; with weights
    (3, 1) it is 3^(3/4 − 1/4) = √3. The result stays reciprocal."""
    e1 = [[1, 3], ["1/3", 1]]
    e2 = [[1, "1/3"], [3, 1]]
    np.testing.assert_allclose(aggregate_judgments([e1, e2]), np.ones((2, 2)), rtol=1e-12)
    g = aggregate_judgments([e1, e2], expert_weights=[3, 1])
    np.testing.assert_allclose(g, [[1, np.sqrt(3)], [1 / np.sqrt(3), 1]], rtol=1e-12)


@settings(max_examples=50, deadline=None)
@given(st.integers(2, 8), st.integers(1, 6), st.integers(0, 10_000))
def test_aij_keeps_reciprocity_and_identity(n: int, k: int, seed: int) -> None:
    """Invariants (Aczél & Saaty 1983): the weighted geometric mean of reciprocal matrices is
    reciprocal; K copies of one matrix aggregate to that matrix."""
    rng = np.random.default_rng(seed)
    mats = [random_saaty_matrix(n, seed + e) for e in range(k)]
    g = aggregate_judgments(mats, expert_weights=rng.uniform(0.1, 1, size=k))
    np.testing.assert_allclose(g * g.T, np.ones((n, n)), rtol=1e-12)
    np.testing.assert_allclose(aggregate_judgments([mats[0]] * k), mats[0], rtol=1e-12)


def test_aij_with_missing_judgments() -> None:
    """A pair judged by one expert only takes that expert's value; a pair nobody judged stays
    missing and analyse() completes it."""
    e1 = [[1, 2, None], ["1/2", 1, 3], [None, "1/3", 1]]
    e2 = [[1, 8, None], ["1/8", 1, None], [None, None, 1]]
    g = aggregate_judgments([e1, e2])
    assert g[0, 1] == pytest.approx(4.0, rel=1e-12)
    assert g[1, 2] == pytest.approx(3.0, rel=1e-12)
    assert np.isnan(g[0, 2])
    r = analyse(g, ["a", "b", "c"])
    assert r.missing == 1
    assert r.matrix[0, 2] == pytest.approx(12.0, rel=1e-9)


def test_aij_errors_name_the_expert() -> None:
    """A bad matrix names the expert; different sizes are rejected."""
    with pytest.raises(MethodInputError, match=r"expert 2: item 1 vs item 2 is 3 but"):
        aggregate_judgments([[[1, 3], ["1/3", 1]], [[1, 3], [3, 1]]])
    with pytest.raises(MethodInputError, match="same items"):
        aggregate_judgments([[[1, 3], ["1/3", 1]], [[1]]])
    with pytest.raises(MethodInputError, match="at least one expert"):
        aggregate_judgments([])
    with pytest.raises(MethodInputError, match="weights must be >= 0"):
        aggregate_judgments([[[1]], [[1]]], expert_weights=[1, -1])


def test_aip_by_hand() -> None:
    """AIP of (.6, .4) and (.2, .8): arithmetic (.4, .6); geometric √(.12), √(.32)
    renormalised."""
    p = [[0.6, 0.4], [0.2, 0.8]]
    np.testing.assert_allclose(aggregate_priorities(p, method="arithmetic"), [0.4, 0.6])
    g = np.sqrt([0.12, 0.32])
    np.testing.assert_allclose(aggregate_priorities(p), g / g.sum(), rtol=1e-12)
    np.testing.assert_allclose(aggregate_priorities(p, [1, 0], "arithmetic"), [0.6, 0.4])


def test_aij_geometric_equals_aip_geometric_for_geometric_mean() -> None:
    """Invariant: with the geometric-mean derivation, AIJ then derive equals derive then
    geometric AIP (both are weighted geometric means of geometric means)."""
    mats = [random_saaty_matrix(5, s) for s in range(4)]
    w = [0.1, 0.2, 0.3, 0.4]
    aij = analyse(aggregate_judgments(mats, w), derivation="geometric_mean").priorities
    each = [analyse(m, derivation="geometric_mean").priorities for m in mats]
    np.testing.assert_allclose(aggregate_priorities(each, w), aij, rtol=1e-10)


def test_aip_errors() -> None:
    """Unknown AIP method lists choices; non-positive priorities name the expert and item."""
    with pytest.raises(ConfigurationError, match="geometric, arithmetic"):
        aggregate_priorities([[0.5, 0.5]], method="median")
    with pytest.raises(MethodInputError, match=r"expert 2, item 1: got 0"):
        aggregate_priorities([[0.5, 0.5], [0.0, 1.0]])
    with pytest.raises(MethodInputError, match="K×n"):
        aggregate_priorities([0.5, 0.5])


@settings(max_examples=50, deadline=None)
@given(st.integers(2, 9), st.integers(1, 8), st.integers(0, 10_000))
def test_consensus_identical_experts_is_one(n: int, k: int, seed: int) -> None:
    """Goepel (2018): identical priorities have H_β = 0, so S = 1 and S* = 1 (100 %)."""
    p = np.random.default_rng(seed).dirichlet(np.ones(n))
    assert consensus(np.tile(p, (k, 1))) == pytest.approx(1.0, abs=1e-12)


@pytest.mark.parametrize("n", [2, 3, 5, 9])
def test_consensus_lower_bound_is_zero(n: int) -> None:
    """Goepel (2018): n experts each rating a different item 9 times as important as every
    other one reach D_α = D_α,min and D_γ = n, so S = D_α,min / n and S* = 0."""
    p = np.ones((n, n)) + 8 * np.eye(n)
    assert consensus(p) == pytest.approx(0.0, abs=1e-12)
    # the general relative homogeneity (no scale bound) is above 0 here
    assert consensus(p, scale_max=None) > 0


def test_consensus_by_hand_and_bounds() -> None:
    """Two experts, (.5, .3, .2) and (.2, .3, .5): recomputed from the entropy formulas;
    S* lies in [0, 1] and rises as the experts move closer."""
    p = np.array([[0.5, 0.3, 0.2], [0.2, 0.3, 0.5]])
    h = lambda q: -(q * np.log(q)).sum(axis=-1)  # noqa: E731
    s = np.exp(-(h(p.mean(axis=0)) - h(p).mean()))
    h_min = np.log(3 + 8) - 9 * np.log(9) / 11
    floor = np.exp(h_min) / 3
    expected = (s - floor) / (1 - floor)
    assert consensus(p) == pytest.approx(expected, rel=1e-12)
    assert min_alpha_diversity(3) == pytest.approx(np.exp(h_min), rel=1e-12)
    closer = np.array([[0.4, 0.3, 0.3], [0.3, 0.3, 0.4]])
    assert 0 < consensus(p) < consensus(closer) < 1
    assert consensus([[0.2, 0.8]]) == 1.0


def test_consensus_clipped_for_extreme_vectors() -> None:
    """Vectors beyond what the 1-9 scale allows could give S* < 0; it is reported as 0."""
    p = np.array([[0.999, 0.0005, 0.0005], [0.0005, 0.999, 0.0005], [0.0005, 0.0005, 0.999]])
    assert consensus(p) == 0.0
