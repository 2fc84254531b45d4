"""Tests for methods.weighted_sum: the batch kernel, pymcdm cross-checks, edge cases."""

from __future__ import annotations

import warnings
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pymcdm import normalizations as pn
from pymcdm.methods import WSM

from clusterrank.errors import ConfigurationError, MethodInputError
from clusterrank.methods.weighted_sum import prepare_wsm, weighted_sum_batch, wsm
from tests.helpers.problems import DecisionProblem, build_problem

FloatArray = npt.NDArray[np.float64]
PYMCDM = {
    "vector": pn.vector_normalization,
    "minmax": pn.minmax_normalization,
    "sum": pn.sum_normalization,
    "max": pn.max_normalization,
}


def test_kernel_shapes_and_batch_equals_single(
    make_problem: Callable[..., DecisionProblem],
    weight_batch: Callable[[int, int, int], FloatArray],
) -> None:
    """(n,) -> (m,), (N, n) -> (N, m); each batch row equals the one-vector call."""
    p = make_problem(7, 4, seed=5)
    r = prepare_wsm(p.matrix, p.directions).normalized
    w = weight_batch(100, 4, 1)
    batch = weighted_sum_batch(r, w)
    assert weighted_sum_batch(r, w[0]).shape == (7,)
    assert batch.shape == (100, 7)
    np.testing.assert_allclose(batch, np.array([weighted_sum_batch(r, row) for row in w]))
    np.testing.assert_allclose(batch[0], (r * w[0]).sum(axis=1), rtol=1e-12)


@pytest.mark.parametrize("normalization", ["minmax", "max", "sum", "vector"])
def test_matches_pymcdm(normalization: str, random_problems: list[DecisionProblem]) -> None:
    """Same scores as pymcdm's WSM given the same normalisation function (20 problems)."""
    for p in random_problems:
        ours = wsm(p.matrix, p.weights, p.directions, normalization).scores
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            method = WSM(normalization_function=PYMCDM[normalization])
            theirs = np.asarray(method(p.matrix, p.weights, p.directions), dtype=float)
        np.testing.assert_allclose(ours, theirs, rtol=1e-10, atol=1e-12)


@settings(max_examples=50, deadline=None)
@given(
    p=st.builds(build_problem, m=st.integers(2, 8), n=st.integers(1, 5), seed=st.integers(0, 9999)),
    k=st.floats(0.01, 100.0),
)
def test_weight_scaling_keeps_ranks(p: DecisionProblem, k: float) -> None:
    """Invariant: weights are rescaled to sum 1, so multiplying them by k > 0 changes nothing."""
    base = wsm(p.matrix, p.weights, p.directions)
    scaled = wsm(p.matrix, p.weights * k, p.directions)
    np.testing.assert_array_equal(base.ranks, scaled.ranks)
    np.testing.assert_allclose(base.scores, scaled.scores, rtol=1e-9)


@settings(max_examples=50, deadline=None)
@given(
    p=st.builds(build_problem, m=st.integers(2, 8), n=st.integers(1, 5), seed=st.integers(0, 9999)),
    seed=st.integers(0, 1000),
)
def test_kernel_is_linear_in_weights(p: DecisionProblem, seed: int) -> None:
    """Invariant: scores(a*w1 + b*w2) = a*scores(w1) + b*scores(w2) (what AHP relies on)."""
    rng = np.random.default_rng(seed)
    r = prepare_wsm(p.matrix, p.directions).normalized
    w1, w2 = rng.random((2, p.shape[1]))
    a, b = rng.uniform(0.1, 3.0, size=2)
    np.testing.assert_allclose(
        weighted_sum_batch(r, a * w1 + b * w2),
        a * weighted_sum_batch(r, w1) + b * weighted_sum_batch(r, w2),
        rtol=1e-10,
        atol=1e-12,
    )


def test_dominating_candidate_ranks_first() -> None:
    """A candidate best on every criterion (cost ones included) ranks first under every scheme."""
    x = np.array([[10.0, 1.0], [5.0, 4.0], [7.0, 2.0]])
    for normalization in ("minmax", "max", "sum", "vector"):
        res = wsm(x, [0.5, 0.5], ["max", "min"], normalization)
        assert res.ranks[0] == 1


def test_constant_column_single_candidate_and_ties() -> None:
    """Constant column -> 0 with a note; one candidate -> rank 1 with a note; ties noted."""
    res = wsm([[1.0, 5.0], [2.0, 5.0]], None, ["max", "max"], criteria=["a", "b"])
    assert any("'b'" in note and "constant" in note for note in res.notes)
    np.testing.assert_allclose(res.scores, [0.0, 0.5])
    one = wsm([[3.0, 4.0]], [1.0, 1.0], ["max", "min"])
    np.testing.assert_array_equal(one.ranks, [1])
    assert np.all(np.isfinite(one.scores))
    assert any("only one candidate" in note for note in one.notes)
    tied = wsm([[1.0, 2.0], [1.0, 2.0], [0.0, 3.0]], None, ["max", "min"])
    np.testing.assert_array_equal(tied.ranks, [1, 1, 3])
    assert any("tie: A1, A2" in note for note in tied.notes)


def test_settings_and_errors() -> None:
    """The normalisation is echoed; unknown schemes and negative weights are rejected."""
    res = wsm([[1.0, 2.0], [2.0, 1.0]], [1, 1], ["max", "max"], "max")
    assert dict(res.settings) == {"normalization": "max"}
    assert res.method == "wsm"
    with pytest.raises(ConfigurationError, match="minmax"):
        wsm([[1.0]], None, ["max"], "zscore")
    with pytest.raises(MethodInputError, match=">= 0"):
        wsm([[1.0, 2.0]], [-1.0, 2.0], ["max", "max"])
