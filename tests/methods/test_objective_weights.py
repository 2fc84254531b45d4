"""Tests of objective weights (entropy, CRITIC, standard deviation, MEREC)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import scipy.stats
from hypothesis import given, settings
from hypothesis import strategies as st
from pymcdm import weights as pw

from clusterrank.errors import ConfigurationError, MethodInputError
from clusterrank.methods.objective_weights import (
    WeightsResult,
    objective_weight_names,
    objective_weights,
)
from clusterrank.methods.pymcdm_adapter import objective_weight_methods

METHODS = ["entropy", "critic", "standard_deviation", "merec"]

# Hwang & Yoon (1981), fighter-aircraft example: max speed (Mach), ferry range (NM), maximum
# payload (lb), acquisition cost (10^6 $), reliability, manoeuvrability (scores).
FIGHTERS = np.array(
    [
        [2.0, 1500, 20000, 5.5, 5, 9],
        [2.5, 2700, 18000, 6.5, 3, 5],
        [1.8, 2000, 21000, 4.5, 7, 7],
        [2.2, 1800, 20000, 5.0, 5, 5],
    ]
)
FIGHTER_DIRECTIONS = ["benefit", "benefit", "benefit", "cost", "benefit", "benefit"]

# Diakoulaki, Mavrotas & Papayannakis (1995), illustrative example: 8 alternatives, 3 criteria,
# all maximised (data as transcribed in scikit-criteria, tests/preprocessing/test_weighters.py).
DIAKOULAKI = np.array(
    [
        [61.0, 1.08, 4.33],
        [20.7, 0.26, 4.34],
        [16.3, 1.98, 2.53],
        [9.0, 3.29, 1.65],
        [5.4, 2.77, 2.33],
        [4.0, 4.12, 1.21],
        [-6.1, 3.52, 2.10],
        [-34.6, 3.31, 0.98],
    ]
)


def test_entropy_hand_computed_two_candidates() -> None:
    """Entropy weights by hand (Hwang & Yoon 1981 formulas, k = 1/ln m) for [[1, 1], [3, 2]]:
    p = (1/4, 3/4) and (1/3, 2/3); E = (0.811278, 0.918296); 1 - E = (0.188722, 0.081704);
    w = (0.697869, 0.302131)."""
    result = objective_weights([[1, 1], [3, 2]], ["benefit", "benefit"], "entropy")
    np.testing.assert_allclose(result.weights, [0.697869, 0.302131], atol=1e-6)


def test_entropy_fighter_example_matches_scipy() -> None:
    """Entropy weights on the fighter-aircraft matrix of Hwang & Yoon (1981) equal an
    independent recomputation with scipy.stats.entropy (natural log, k = 1/ln m). The book's
    printed figures could not be consulted here, so the reference is the unrounded
    recomputation. Reliability, the most unevenly spread column, gets the largest weight."""
    result = objective_weights(FIGHTERS, FIGHTER_DIRECTIONS, "entropy")
    divergence = 1.0 - scipy.stats.entropy(FIGHTERS, axis=0) / np.log(len(FIGHTERS))
    np.testing.assert_allclose(result.weights, divergence / divergence.sum(), rtol=1e-12)
    assert int(np.argmax(result.weights)) == 4


def test_critic_diakoulaki_example() -> None:
    """CRITIC on the illustrative data of Diakoulaki, Mavrotas & Papayannakis (1995),
    Computers & Operations Research 22(7), 763-770. Reference weights: 0.20222554,
    0.48090173, 0.31687273 (scikit-criteria's independent implementation, test
    test_CRITIC_diakoulaki1995determining) and an in-test recomputation of the paper's
    equations: min-max scaling, C_j = sigma_j * sum_k (1 - r_jk), w_j = C_j / sum C."""
    result = objective_weights(DIAKOULAKI, [1, 1, 1], "critic")
    np.testing.assert_allclose(result.weights, [0.20222554, 0.48090173, 0.31687273], atol=1e-8)
    z = (DIAKOULAKI - DIAKOULAKI.min(0)) / np.ptp(DIAKOULAKI, axis=0)
    c = z.std(axis=0, ddof=1) * (1 - np.corrcoef(z, rowvar=False)).sum(axis=0)
    np.testing.assert_allclose(result.weights, c / c.sum(), rtol=1e-12)


def test_critic_respects_cost_direction() -> None:
    """A cost column is scaled so 1 is best: the same weights as negating it as a benefit."""
    rng = np.random.default_rng(7)
    x = rng.uniform(1, 9, size=(6, 3))
    flipped = x * np.array([1, -1, 1])
    a = objective_weights(x, [1, -1, 1], "critic").weights
    b = objective_weights(flipped, [1, 1, 1], "critic").weights
    np.testing.assert_allclose(a, b, rtol=1e-12)
    assert not np.allclose(a, objective_weights(x, [1, 1, 1], "critic").weights)


@pytest.mark.parametrize("method", ["entropy", "critic", "merec"])
def test_equals_pymcdm_on_benefit_data(method: str) -> None:
    """Without constant columns or cost criteria the weights are pymcdm's own."""
    x = np.random.default_rng(3).uniform(1, 50, size=(7, 4))
    oracle = {
        "entropy": pw.entropy_weights,
        "critic": pw.critic_weights,
        "merec": lambda m: pw.merec_weights(m, np.ones(4, dtype=int)),
    }[method]
    np.testing.assert_allclose(objective_weights(x, [1] * 4, method).weights, oracle(x), rtol=1e-12)


def test_standard_deviation_uses_normalised_columns() -> None:
    """Standard-deviation weights are those of min-max scaled columns (unit-free)."""
    x = np.array([[1.0, 100.0], [2.0, 300.0], [4.0, 200.0]])
    z = (x - x.min(0)) / np.ptp(x, axis=0)
    s = z.std(axis=0, ddof=1)
    np.testing.assert_allclose(
        objective_weights(x, [1, 1], "standard_deviation").weights, s / s.sum(), rtol=1e-12
    )


@pytest.mark.parametrize("method", METHODS)
def test_constant_criterion_gets_zero_weight_with_note(method: str) -> None:
    """A constant column gets weight 0 and a note; the others still sum to 1, no NaN."""
    x = np.array([[1.0, 5.0, 3.0], [2.0, 5.0, 1.0], [4.0, 5.0, 2.0], [3.0, 5.0, 5.0]])
    result = objective_weights(x, [1, 1, -1], method)
    assert result.weights[1] == 0.0
    assert np.all(np.isfinite(result.weights))
    assert result.weights.sum() == pytest.approx(1.0)
    assert any("column(s) 2" in note for note in result.notes)


@pytest.mark.parametrize("method", METHODS)
def test_all_constant_gives_equal_weights(method: str) -> None:
    """Identical candidates carry no information: equal weights, with a note."""
    result = objective_weights(np.full((3, 4), 2.0), [1, 1, -1, 1], method)
    np.testing.assert_allclose(result.weights, np.full(4, 0.25))
    assert any("equal weights" in note for note in result.notes)


def test_critic_perfectly_correlated_criteria_fall_back_to_equal() -> None:
    """Two perfectly correlated criteria leave CRITIC with 0/0: equal weights and a note."""
    result = objective_weights([[1, 2], [2, 4], [3, 6]], [1, 1], "critic")
    np.testing.assert_allclose(result.weights, [0.5, 0.5])
    assert any("equal weights" in note for note in result.notes)


@pytest.mark.parametrize(("method", "value"), [("entropy", -1.0), ("merec", 0.0)])
def test_non_positive_values_are_refused(method: str, value: float) -> None:
    """Entropy needs values >= 0 and MEREC > 0; the error names the column and alternatives."""
    x = np.array([[1.0, 2.0], [value, 3.0], [2.0, 1.0]])
    with pytest.raises(MethodInputError, match=r"column 1 .*critic"):
        objective_weights(x, [1, 1], method)


def test_bad_arguments() -> None:
    """Unknown methods list the choices; one candidate or bad directions are input errors."""
    with pytest.raises(ConfigurationError, match="entropy"):
        objective_weights([[1, 2], [3, 4]], [1, 1], "gini_magic")
    with pytest.raises(MethodInputError, match="at least 2 candidates"):
        objective_weights([[1, 2]], [1, 1], "critic")
    with pytest.raises(MethodInputError, match="directions"):
        objective_weights([[1, 2], [3, 4]], [1], "critic")


def test_result_is_frozen_and_echoes_settings() -> None:
    """WeightsResult is immutable, its weights read-only, its settings name the preparation."""
    result = objective_weights(DIAKOULAKI, [1, 1, 1], "critic")
    assert isinstance(result, WeightsResult)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.method = "entropy"  # type: ignore[misc]
    with pytest.raises(ValueError, match="read-only"):
        result.weights[0] = 1.0
    assert "min-max" in result.settings["preparation"]
    assert objective_weight_names() == [info.name for info in objective_weight_methods()]
    assert set(METHODS) <= set(objective_weight_names())
    assert all(info.kind == "weighting" for info in objective_weight_methods())


@settings(max_examples=50, deadline=None)
@given(
    method=st.sampled_from(METHODS),
    seed=st.integers(0, 10_000),
    m=st.integers(2, 7),
    n=st.integers(1, 5),
    factor=st.floats(0.01, 1000.0),
)
def test_weights_are_unit_free(method: str, seed: int, m: int, n: int, factor: float) -> None:
    """Invariant: multiplying one column by a positive factor (a change of unit) leaves the
    weights unchanged; they are finite, >= 0 and sum to 1."""
    rng = np.random.default_rng(seed)
    x = rng.integers(1, 6, size=(m, n)).astype(float)
    d = np.where(rng.random(n) < 0.5, -1, 1)
    base = objective_weights(x, d, method)
    scaled = x.copy()
    scaled[:, 0] *= factor
    other = objective_weights(scaled, d, method)
    assert np.all(np.isfinite(base.weights))
    assert np.all(base.weights >= 0)
    assert base.weights.sum() == pytest.approx(1.0)
    np.testing.assert_allclose(other.weights, base.weights, rtol=1e-7, atol=1e-9)


def test_entropy_admits_zeros_with_the_0_log_0_convention() -> None:
    """Invariant: with p ln p = 0 at p = 0, a 0/1 column's entropy is that of its ones.

    Column 1 = (0, 1, 1): p = (0, 1/2, 1/2), E = ln 2 / ln 3; column 2 = (1, 2, 3):
    p = (1/6, 2/6, 3/6). Weights are (1 - E_j) / sum(1 - E); scipy.stats.entropy (which uses
    the same convention) is the oracle.
    """
    x = np.array([[0.0, 1.0], [1.0, 2.0], [1.0, 3.0]])
    result = objective_weights(x, [1, 1], "entropy")
    e = np.array([scipy.stats.entropy(col) for col in x.T]) / np.log(3)
    np.testing.assert_allclose(result.weights, (1 - e) / (1 - e).sum(), atol=1e-12)
    assert any("0·ln 0" in note for note in result.notes)
