"""Tests for methods.normalization: the four schemes, cost handling, degenerate columns."""

from __future__ import annotations

import warnings
from collections.abc import Callable

import numpy as np
import pytest
from pymcdm import normalizations as pn

from clusterrank.errors import ConfigurationError, MethodInputError
from clusterrank.methods.normalization import NORMALIZATIONS, normalize
from tests.helpers.problems import DecisionProblem

PYMCDM = {
    "vector": pn.vector_normalization,
    "minmax": pn.minmax_normalization,
    "sum": pn.sum_normalization,
    "max": pn.max_normalization,
}


def test_vector_columns_have_unit_norm(make_problem: Callable[..., DecisionProblem]) -> None:
    """Vector normalisation: every column has Euclidean norm 1 and keeps its proportions."""
    p = make_problem(7, 5, seed=1)
    r, notes = normalize(p.matrix, "vector")
    np.testing.assert_allclose(np.linalg.norm(r, axis=0), 1.0, rtol=1e-12)
    np.testing.assert_allclose(r * np.linalg.norm(p.matrix, axis=0), p.matrix, rtol=1e-12)
    assert notes == []


def test_minmax_spans_zero_to_one(make_problem: Callable[..., DecisionProblem]) -> None:
    """Min-max: each column's minimum maps to 0 and maximum to 1 (benefit orientation)."""
    p = make_problem(6, 4, seed=2)
    r, _ = normalize(p.matrix, "minmax")
    np.testing.assert_allclose(r.min(axis=0), 0.0, atol=1e-15)
    np.testing.assert_allclose(r.max(axis=0), 1.0, rtol=1e-12)
    np.testing.assert_array_equal(np.argmax(r, axis=0), np.argmax(p.matrix, axis=0))


def test_sum_and_max_scales(make_problem: Callable[..., DecisionProblem]) -> None:
    """Sum: benefit columns sum to 1; max: benefit columns peak at exactly 1."""
    p = make_problem(5, 3, seed=3)
    r_sum, _ = normalize(p.matrix, "sum")
    r_max, _ = normalize(p.matrix, "max")
    np.testing.assert_allclose(r_sum.sum(axis=0), 1.0, rtol=1e-12)
    np.testing.assert_allclose(r_max.max(axis=0), 1.0, rtol=1e-12)


@pytest.mark.parametrize("method", NORMALIZATIONS)
def test_matches_pymcdm_with_directions(
    method: str, random_problems: list[DecisionProblem]
) -> None:
    """With directions, each scheme equals pymcdm's function of the same name, cost included."""
    for p in random_problems:
        ours, _ = normalize(p.matrix, method, p.directions)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            theirs = np.column_stack(
                [
                    PYMCDM[method](p.matrix[:, j], cost=bool(p.directions[j] < 0))
                    for j in range(p.shape[1])
                ]
            )
        np.testing.assert_allclose(ours, theirs, rtol=1e-12, atol=1e-14)


def test_cost_columns_turned_round_only_with_directions() -> None:
    """Min-max with directions puts 1 on the smallest cost value; without, on the largest."""
    x = np.array([[1.0, 10.0], [3.0, 30.0], [2.0, 20.0]])
    flipped, _ = normalize(x, "minmax", ["benefit", "cost"])
    plain, _ = normalize(x, "minmax")
    np.testing.assert_allclose(flipped[:, 1], [1.0, 0.0, 0.5])
    np.testing.assert_allclose(plain[:, 1], [0.0, 1.0, 0.5])


@pytest.mark.parametrize("method", ["vector", "sum", "max"])
def test_zero_column_is_zero_with_note(method: str) -> None:
    """An all-zero column cannot be scaled: it becomes 0 (never NaN) and a note names it."""
    x = np.array([[1.0, 0.0], [2.0, 0.0], [4.0, 0.0]])
    r, notes = normalize(x, method)
    assert np.all(np.isfinite(r))
    np.testing.assert_array_equal(r[:, 1], 0.0)
    assert len(notes) == 1
    assert "column 2" in notes[0]
    assert "all zero" in notes[0]


def test_constant_column_under_minmax_is_zero_with_note() -> None:
    """A constant column has no range: min-max gives 0 everywhere and a note naming it."""
    x = np.array([[1.0, 5.0], [2.0, 5.0], [4.0, 5.0]])
    r, notes = normalize(x, "minmax", [1, -1], labels=["gdp", "distance"])
    np.testing.assert_array_equal(r[:, 1], 0.0)
    assert len(notes) == 1
    assert "'distance'" in notes[0]
    assert "constant" in notes[0]


def test_unknown_method_lists_allowed() -> None:
    """An unknown scheme is a configuration error naming every allowed scheme."""
    with pytest.raises(ConfigurationError, match="vector, minmax, sum, max"):
        normalize(np.ones((2, 2)), "zscore")


def test_sum_cost_needs_positive_values() -> None:
    """Sum normalisation of a cost column uses 1/x: a zero value is an error naming the column."""
    x = np.array([[1.0, 0.0], [2.0, 3.0]])
    with pytest.raises(MethodInputError, match=r"column 2.*> 0"):
        normalize(x, "sum", ["max", "min"])


def test_wrong_number_of_directions() -> None:
    """Directions must match the number of columns."""
    with pytest.raises(MethodInputError, match="expected 2 directions"):
        normalize(np.ones((3, 2)), "vector", ["max"])
