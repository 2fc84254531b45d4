"""Weighted median, quantiles, mean and trimmed mean (Hyndman & Fan definition 2)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from clusterrank.errors import ConfigurationError, MethodInputError
from clusterrank.methods.group import aggregate_batch, weighted_quantile


def test_quartiles_of_1_2_3_4_by_definition() -> None:
    """Hyndman & Fan (1996): for 1, 2, 3, 4 definition 2 gives Q1 = 1.5, Q3 = 3.5 (IQR 2);
    numpy's default (definition 7) gives IQR 1.5 and definition 6 (SPSS) 2.5 — the module
    docstring's warning, checked."""
    x = np.array([[1.0], [2.0], [3.0], [4.0]])
    assert (weighted_quantile(x, 0.25)[0], weighted_quantile(x, 0.75)[0]) == (1.5, 3.5)
    iqr7 = np.subtract(*np.quantile(x[:, 0], [0.75, 0.25]))
    iqr6 = np.subtract(*np.quantile(x[:, 0], [0.75, 0.25], method="weibull"))
    assert (iqr7, iqr6) == (1.5, 2.5)


def test_weighted_median_by_hand() -> None:
    """Answers 1, 2, 10. Weights (0.2, 0.2, 0.6): the answer 10 holds more than half the
    weight, median 10. Weights (0.25, 0.25, 0.5): exactly half lies at or below 2, so the
    median is (2 + 10)/2 = 6."""
    x = np.array([[1.0], [2.0], [10.0]])
    assert aggregate_batch(x, [0.2, 0.2, 0.6])[0, 0] == 10.0
    assert aggregate_batch(x, [0.25, 0.25, 0.5])[0, 0] == 6.0
    assert aggregate_batch(x, None, "mean")[0, 0] == pytest.approx(13 / 3)


def answers(draw: Callable[..., Any], k: int, items: int) -> np.ndarray:
    values = draw(st.lists(st.integers(1, 9), min_size=k * items, max_size=k * items))
    return np.asarray(values, dtype=float).reshape(k, items)


@settings(max_examples=60, deadline=None)
@given(st.data(), st.integers(1, 12), st.integers(1, 4))
def test_equal_weights_match_numpy(data: st.DataObject, k: int, items: int) -> None:
    """Invariant: with equal weights the median is numpy's median and every quantile is
    numpy's ``averaged_inverted_cdf``; NaN answers are left out (as nanquantile does)."""
    x = answers(data.draw, k, items)
    holes = np.asarray(data.draw(st.lists(st.booleans(), min_size=x.size, max_size=x.size)))
    x[holes.reshape(x.shape) & (np.arange(k) > 0)[:, None]] = np.nan  # expert 1 always answers
    np.testing.assert_allclose(aggregate_batch(x)[0], np.nanmedian(x, axis=0))
    for p in (0.25, 0.5, 0.75, 0.9):
        expected = np.nanquantile(x, p, axis=0, method="averaged_inverted_cdf")
        np.testing.assert_allclose(weighted_quantile(x, p), expected)


@settings(max_examples=60, deadline=None)
@given(st.data(), st.integers(1, 8), st.sampled_from(["median", "mean", "trimmed_mean"]))
def test_integer_weights_are_repetitions(data: st.DataObject, k: int, method: str) -> None:
    """Invariant behind the bootstrap: weight c_k (a whole number) gives the same aggregate
    as expert k's answers repeated c_k times with equal weights."""
    x = answers(data.draw, k, 3)
    c = np.asarray(data.draw(st.lists(st.integers(0, 3), min_size=k, max_size=k)))
    if c.sum() == 0:
        c[0] = 1
    repeated = np.repeat(x, c, axis=0)
    got = aggregate_batch(x, c.astype(float), method, 0.2)[0]
    np.testing.assert_allclose(got, aggregate_batch(repeated, None, method, 0.2)[0], atol=1e-12)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 6), st.integers(0, 10**6))
def test_trimmed_mean_matches_scipy_when_the_cut_is_whole(cut: int, seed: int) -> None:
    """With equal weights and τK whole, the mass-trimmed mean is scipy.stats.trim_mean."""
    k = 5 * cut
    x = np.random.default_rng(seed).normal(size=(k, 3))
    got = aggregate_batch(x, None, "trimmed_mean", 0.2)[0]
    np.testing.assert_allclose(got, stats.trim_mean(x, 0.2, axis=0), rtol=1e-12, atol=1e-12)


@settings(max_examples=30, deadline=None)
@given(st.integers(2, 10), st.floats(0.01, 100), st.integers(0, 10**6))
def test_batch_rows_and_weight_scale(k: int, factor: float, seed: int) -> None:
    """Invariants: a batch of B weight vectors equals B single calls; scaling the weights
    changes nothing."""
    rng = np.random.default_rng(seed)
    x = rng.integers(1, 6, size=(k, 4)).astype(float)
    w = rng.uniform(0, 1, size=(3, k))
    for method in ("median", "mean", "trimmed_mean"):
        batch = aggregate_batch(x, w, method)
        for b in range(3):
            np.testing.assert_allclose(batch[b], aggregate_batch(x, w[b], method)[0])
            np.testing.assert_allclose(batch[b], aggregate_batch(x, factor * w[b], method)[0])


def test_items_without_answers_are_nan_and_bad_input_refused() -> None:
    x = np.array([[1.0, np.nan], [3.0, np.nan]])
    out = aggregate_batch(x)
    assert out[0, 0] == 2.0
    assert np.isnan(out[0, 1])
    with pytest.raises(ConfigurationError, match="must be one of median, mean, trimmed_mean"):
        aggregate_batch(x, None, "mode")
    with pytest.raises(ConfigurationError, match=r"trimming share .* \[0, 0.5\)"):
        aggregate_batch(x, None, "trimmed_mean", 0.5)
    with pytest.raises(MethodInputError, match=">= 0"):
        aggregate_batch(x, [-1.0, 1.0])
