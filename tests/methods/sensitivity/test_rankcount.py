"""Tests for the fast ranks and the SMAA rank accumulator (methods.sensitivity.common,
methods.sensitivity.rankcount, methods.sensitivity.rankkey)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterrank.errors import MethodInputError
from clusterrank.methods.registry import get_batch_scorer
from clusterrank.methods.result import ranks_from_scores
from clusterrank.methods.sensitivity.common import competition_ranks
from clusterrank.methods.sensitivity.rankcount import RankAccumulator
from clusterrank.methods.sensitivity.rankkey import topsis_key
from tests.helpers.problems import build_problem

FloatArray = npt.NDArray[np.float64]


def brute_counts(
    weights: FloatArray, scores: FloatArray, higher: bool
) -> tuple[npt.NDArray[np.int64], FloatArray, npt.NDArray[np.int64]]:
    """Rank counts, first-rank weight sums and pairwise wins, sample by sample."""
    c, m = scores.shape
    counts = np.zeros((m, m), dtype=np.int64)
    central = np.zeros((m, weights.shape[1]))
    wins = np.zeros((m, m), dtype=np.int64)
    for s in range(c):
        r = ranks_from_scores(scores[s], higher_is_better=higher)
        counts[np.arange(m), r - 1] += 1
        central[r == 1] += weights[s]
        wins += r[:, None] < r[None, :]
    return counts, central, wins


tie_prone = st.lists(
    st.sampled_from([-2.5, -1.0, -0.0, 0.0, 1e-30, 0.3, 0.3 + 1e-14, 1.0, 7.25]),
    min_size=1,
    max_size=9,
)


@settings(max_examples=50, deadline=None)
@given(values=tie_prone, higher=st.booleans())
def test_competition_ranks_equal_ranks_from_scores(values: list[float], higher: bool) -> None:
    """Invariant: the O(m log m) ranks equal ``ranks_from_scores`` exactly, ties included
    (values equal to 12 significant digits, -0.0 and 0.0, tiny values)."""
    s = np.array(values)
    np.testing.assert_array_equal(
        competition_ranks(s, higher), ranks_from_scores(s, higher_is_better=higher)
    )


@settings(max_examples=30, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    m=st.integers(1, 12),
    higher=st.booleans(),
    pairwise=st.booleans(),
    ties=st.booleans(),
)
def test_accumulator_equals_sample_by_sample(
    seed: int, m: int, higher: bool, pairwise: bool, ties: bool
) -> None:
    """Invariant: chunked counts (packed-key sort, near-tie fallback) equal the counts from
    ``ranks_from_scores`` row by row, for negative scores and forced ties alike."""
    rng = np.random.default_rng(seed)
    c, n = 40, 3
    scores = rng.normal(size=(c, m))
    if ties:
        scores = np.round(scores, 1)  # many exact ties
    weights = rng.dirichlet(np.ones(n), size=c)
    acc = RankAccumulator(m, n, higher_is_better=higher, pairwise=pairwise)
    acc.add(weights[:25], scores[:25])
    acc.add(weights[25:], scores[25:])
    counts, central, wins = brute_counts(weights, scores, higher)
    np.testing.assert_array_equal(acc.counts, counts)
    np.testing.assert_allclose(acc.central_sum, central, rtol=1e-12, atol=1e-12)
    if pairwise:
        assert acc.wins is not None
        np.testing.assert_array_equal(acc.wins, wins)


def test_accumulator_counts_a_tie_as_shared_better_rank() -> None:
    """Known answer by hand: scores (3, 5, 5, 1), higher better -> ranks 3, 1, 1, 4 ("1134"):
    nobody holds rank 2, candidates 2 and 3 both count as first."""
    acc = RankAccumulator(4, 2, higher_is_better=True, pairwise=False)
    acc.add(np.array([[0.5, 0.5]]), np.array([[3.0, 5.0, 5.0, 1.0]]))
    expected = np.zeros((4, 4), dtype=np.int64)
    expected[[0, 1, 2, 3], [2, 0, 0, 3]] = 1
    np.testing.assert_array_equal(acc.counts, expected)
    assert acc.tied_samples == 1
    np.testing.assert_allclose(acc.central_sum[[1, 2]], [[0.5, 0.5], [0.5, 0.5]])


def test_accumulator_rejects_non_finite_scores() -> None:
    acc = RankAccumulator(2, 2, higher_is_better=True, pairwise=False)
    with pytest.raises(MethodInputError, match="non-finite"):
        acc.add(np.array([[0.5, 0.5]]), np.array([[np.nan, 1.0]]))


@pytest.mark.parametrize("normalization", ["vector", "minmax"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_topsis_key_orders_like_closeness(normalization: str, seed: int) -> None:
    """Invariant: counting on the key M/(P+M) gives exactly the counts of the closeness
    coefficient itself (the key is a strictly increasing transform of it)."""
    p = build_problem(9, 4, seed=seed)
    scorer = get_batch_scorer("topsis", p.matrix, p.directions, {"normalization": normalization})
    key = topsis_key(p.matrix, p.directions, scorer.settings)
    w = np.random.default_rng(seed).dirichlet(np.ones(4), size=500)
    by_key = RankAccumulator(9, 4, higher_is_better=True, pairwise=True)
    by_key.add(w, key(w).copy(), lambda rows: scorer.scores(w[rows]))
    by_score = RankAccumulator(9, 4, higher_is_better=True, pairwise=True)
    by_score.add(w, scorer.scores(w))
    np.testing.assert_array_equal(by_key.counts, by_score.counts)
    assert by_key.wins is not None
    assert by_score.wins is not None
    np.testing.assert_array_equal(by_key.wins, by_score.wins)


def test_topsis_key_constant_problem_is_one_half() -> None:
    """Every criterion constant: the closeness convention C = 1/2 holds for the key too."""
    x = np.ones((3, 2))
    key = topsis_key(x, [1, -1], {"normalization": "vector"})
    np.testing.assert_array_equal(key(np.array([[0.3, 0.7]])), np.full((1, 3), 0.5))
