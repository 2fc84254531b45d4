"""Tests for methods.sensitivity.sampling: weight schemes and uncertain data."""

from __future__ import annotations

import numpy as np
import pytest

from clusterrank.errors import MethodInputError
from clusterrank.methods.sensitivity.common import block_generator
from clusterrank.methods.sensitivity.sampling import DataUncertainty, WeightSampling, draw_matrix

N = 20_000


def within(estimate: float, truth: float, sd: float, count: int) -> bool:
    """|estimate - truth| within 4 Monte Carlo standard errors."""
    return abs(estimate - truth) <= 4 * sd / np.sqrt(count)


def test_uniform_simplex_moments() -> None:
    """Dirichlet(1,...,1): each weight is Beta(1, n - 1), mean 1/n, variance
    (n - 1) / (n² (n + 1)) (Rubinstein and Kroese 2016, sec. 2.5.4)."""
    n = 4
    w = WeightSampling.uniform().prepare(n).draw(np.random.default_rng(0), N)
    assert w.shape == (N, n)
    np.testing.assert_allclose(w.sum(axis=1), 1.0, rtol=0, atol=1e-12)
    assert np.all(w >= 0)
    var = (n - 1) / (n**2 * (n + 1))
    for j in range(n):
        assert within(float(w[:, j].mean()), 1 / n, np.sqrt(var), N)
        assert abs(float(w[:, j].var()) - var) < 0.1 * var


def test_bounded_respects_bounds_and_is_uniform_on_the_box_slice() -> None:
    """Invariant: draws satisfy the bounds and sum to 1. With lower bounds only, the shifted
    sampler's mean is lower_j + (1 - sum(lower)) / n (uniform on the shifted simplex)."""
    lower = np.array([0.1, 0.2, 0.0])
    spec = WeightSampling.bounded(lower, [1.0, 1.0, 1.0])
    w = spec.prepare(3).draw(np.random.default_rng(1), N)
    assert np.all(w >= lower - 1e-15)
    np.testing.assert_allclose(w.sum(axis=1), 1.0, atol=1e-12)
    free = 1 - lower.sum()
    sd = free * np.sqrt(2 / (9 * 4))  # Beta(1, 2) scaled by the free mass
    for j in range(3):
        assert within(float(w[:, j].mean()), lower[j] + free / 3, sd, N)
    upper = np.array([0.5, 0.6, 0.7])
    w = (
        WeightSampling.bounded([0.05, 0.1, 0.0], upper)
        .prepare(3)
        .draw(np.random.default_rng(2), 2000)
    )
    assert np.all(w <= upper + 1e-15)
    assert np.all(w >= np.array([0.05, 0.1, 0.0]) - 1e-15)


def test_bounded_errors_name_the_problem() -> None:
    with pytest.raises(MethodInputError, match="sum\\(lower\\)"):
        WeightSampling.bounded([0.6, 0.6], [1, 1]).prepare(2)
    with pytest.raises(MethodInputError, match="criterion 2"):
        WeightSampling.bounded([0.1, 0.5], [0.9, 0.4]).prepare(2)
    with pytest.raises(MethodInputError, match="acceptance"):
        WeightSampling.bounded(np.zeros(8), np.full(8, 0.1251)).prepare(8)


def test_lower_bounds_summing_to_one_give_that_single_point() -> None:
    sampler = WeightSampling.bounded([0.2, 0.8], [1, 1]).prepare(2)
    np.testing.assert_array_equal(sampler.draw(np.random.default_rng(0), 3), [[0.2, 0.8]] * 3)
    assert "sum to 1" in sampler.notes[0]


def test_dirichlet_around_weights_moments() -> None:
    """Dirichlet(c w): mean w_j, variance w_j (1 - w_j) / (c + 1); a zero weight stays 0."""
    center = np.array([0.5, 0.3, 0.2, 0.0])
    c = 40.0
    sampler = WeightSampling.around(center, c).prepare(4)
    w = sampler.draw(np.random.default_rng(3), N)
    np.testing.assert_array_equal(w[:, 3], 0.0)
    np.testing.assert_allclose(w.sum(axis=1), 1.0, atol=1e-12)
    for j in range(3):
        sd = np.sqrt(center[j] * (1 - center[j]) / (c + 1))
        assert within(float(w[:, j].mean()), center[j], sd, N)
    assert any("weight 0" in note for note in sampler.notes)


def test_dirichlet_needs_positive_concentration() -> None:
    with pytest.raises(MethodInputError, match="concentration"):
        WeightSampling.around([0.5, 0.5], 0).prepare(2)


def test_block_generators_are_reproducible_and_distinct() -> None:
    """Same (seed, stream, block) -> same draws; another block or stream -> other draws."""
    a = block_generator(7, 0, 3).random(5)
    np.testing.assert_array_equal(a, block_generator(7, 0, 3).random(5))
    assert not np.array_equal(a, block_generator(7, 0, 4).random(5))
    assert not np.array_equal(a, block_generator(7, 1, 3).random(5))


def test_settings_echo_every_parameter() -> None:
    spec = WeightSampling.around([0.2, 0.8], 25)
    assert spec.settings() == {"sampling": "dirichlet", "center": (0.2, 0.8), "concentration": 25}
    assert WeightSampling.bounded([0, 0], [1, 1]).settings()["lower"] == (0.0, 0.0)


def test_percent_uncertainty_draws_stay_in_their_intervals() -> None:
    x = np.array([[10.0, -4.0], [20.0, 8.0]])
    lo, hi = DataUncertainty.plus_minus_percent([10, 50]).bounds(x)
    np.testing.assert_allclose(lo, [[9.0, -6.0], [18.0, 4.0]])
    np.testing.assert_allclose(hi, [[11.0, -2.0], [22.0, 12.0]])
    draws = np.array([draw_matrix(np.random.default_rng(k), lo, hi) for k in range(200)])
    assert np.all((draws >= lo) & (draws <= hi))


def test_interval_uncertainty_must_contain_the_values() -> None:
    x = np.array([[1.0, 2.0]])
    unc = DataUncertainty.interval([[0.5, 2.5]], [[1.5, 3.0]])
    with pytest.raises(MethodInputError, match="row 1, column 2"):
        unc.bounds(x)
    with pytest.raises(MethodInputError, match="percent"):
        DataUncertainty.plus_minus_percent(-5).bounds(x)
