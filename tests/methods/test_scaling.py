"""Exact power-of-two column scaling (methods.scaling) and the weight checks built on it."""

from __future__ import annotations

import numpy as np
import pytest

from clusterrank.errors import MethodInputError
from clusterrank.methods.scaling import column_exponents, from_unit_scale, scaled_sum, unit_columns
from clusterrank.methods.validation import check_weight_batch, check_weights


def test_unit_columns_bring_each_column_to_a_largest_magnitude_in_half_to_one() -> None:
    x = np.array([[1.7e308, -3e-320, 0.0], [1e308, 1e-320, 0.0], [-2.0, 0.0, 0.0]])
    y = unit_columns(x)
    peak = np.abs(y).max(axis=0)
    assert np.all((peak[:2] >= 0.5) & (peak[:2] < 1))
    assert peak[2] == 0  # an all-zero column stays zero (exponent 0)
    assert np.all(np.sign(y) == np.sign(x))


def test_scaling_is_exact_and_reversible() -> None:
    """Powers of two only move the exponent: back-and-forth gives the very same bits."""
    x = np.random.default_rng(0).uniform(-1e6, 1e6, size=(7, 3)) * [1e-300, 1.0, 1e300]
    e = column_exponents(x)
    np.testing.assert_array_equal(from_unit_scale(unit_columns(x), e), x)


def test_scaled_sum_of_huge_values_does_not_overflow() -> None:
    parts, total = scaled_sum(np.array([1e308, 1e308, 1.0]))
    np.testing.assert_allclose(parts / total, [0.5, 0.5, 0.0], atol=1e-300)


def test_weights_of_1e308_sum_to_one_with_the_true_sum_noted() -> None:
    w, notes = check_weights([1e308, 1e308, 1], 3)
    np.testing.assert_allclose(w, [0.5, 0.5, 0.0], atol=1e-300)
    assert notes == ["weights summed to 2e+308; rescaled to sum to 1"]
    np.testing.assert_allclose(
        check_weight_batch([[1e308, 1e308], [1.0, 3.0]], 2), [[0.5, 0.5], [0.25, 0.75]]
    )


def test_weights_already_summing_to_one_are_unchanged_and_not_noted() -> None:
    given = np.array([0.2, 0.3, 0.5])
    w, notes = check_weights(given, 3)
    np.testing.assert_array_equal(w, given / given.sum())
    assert notes == []


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ([1.0, float("inf"), 1.0], "weights must be finite numbers; criterion 'b' is inf"),
        ([1.0, 1.0, float("nan")], "weights must be finite numbers; criterion 'c' is nan"),
        ([1.0, -0.5, 1.0], "weights must be >= 0; criterion 'b' is -0.5"),
        ([0.0, 0.0, 0.0], "weights must not all be zero"),
    ],
)
def test_bad_weights_are_refused_naming_the_criterion(weights: list[float], message: str) -> None:
    with pytest.raises(MethodInputError, match=message):
        check_weights(weights, 3, ["a", "b", "c"])
