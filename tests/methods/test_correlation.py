"""Tests of rank correlations (Spearman, weighted Spearman, WS) and the correlation table."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.stats
from hypothesis import given, settings
from hypothesis import strategies as st
from pymcdm import correlations

from clusterrank.errors import ConfigurationError, MethodInputError
from clusterrank.methods.correlation import RANK_CORRELATIONS, correlation_matrix, rank_correlation


@pytest.mark.parametrize("method", RANK_CORRELATIONS)
def test_identical_rankings_score_one(method: str) -> None:
    """Any coefficient of a ranking with itself is 1 (WS: Sałabun & Urbaniak 2020, property
    WS(x, x) = 1)."""
    assert rank_correlation([3, 1, 2, 5, 4], [3, 1, 2, 5, 4], method) == pytest.approx(1.0)


def test_reversed_ranking() -> None:
    """Spearman and weighted Spearman of a ranking and its reverse are -1."""
    a, b = np.arange(1, 7), np.arange(6, 0, -1)
    assert rank_correlation(a, b, "spearman") == pytest.approx(-1.0, abs=1e-12)
    assert rank_correlation(a, b, "weighted_spearman") == pytest.approx(-1.0, abs=1e-12)


def test_ws_hand_computed() -> None:
    """WS = 1 - sum_i 2^-x_i |x_i - y_i| / max(|x_i - 1|, |x_i - N|) (Sałabun & Urbaniak 2020,
    ICCS, LNCS 12138, 632-645), by hand for N = 5 and reference x = (1, 2, 3, 4, 5):
    swapping ranks 1 and 2 gives 1 - (1/2 * 1/4 + 1/4 * 1/3) = 19/24 = 0.791667; swapping
    ranks 4 and 5 gives 1 - (1/16 * 1/3 + 1/32 * 1/4) = 1 - 11/384 = 0.971354."""
    ref = [1, 2, 3, 4, 5]
    np.testing.assert_allclose(rank_correlation(ref, [2, 1, 3, 4, 5], "ws"), 19 / 24, atol=1e-12)
    np.testing.assert_allclose(
        rank_correlation(ref, [1, 2, 3, 5, 4], "ws"), 1 - 11 / 384, atol=1e-12
    )


def test_weighted_spearman_hand_computed() -> None:
    """r_w = 1 - 6 sum (x-y)^2 ((N-x+1) + (N-y+1)) / (N^4 + N^3 - N^2 - N) (Pinto da Costa &
    Soares 2005), N = 5: a swap at the top gives 1 - 6*18/720 = 0.85, at the bottom
    1 - 6*6/720 = 0.95; plain Spearman cannot tell the two apart (both 0.9)."""
    ref = [1, 2, 3, 4, 5]
    top, bottom = [2, 1, 3, 4, 5], [1, 2, 3, 5, 4]
    np.testing.assert_allclose(rank_correlation(ref, top, "weighted_spearman"), 0.85, atol=1e-12)
    np.testing.assert_allclose(rank_correlation(ref, bottom, "weighted_spearman"), 0.95, atol=1e-12)
    np.testing.assert_allclose(rank_correlation(ref, top), 0.9, atol=1e-12)
    np.testing.assert_allclose(rank_correlation(ref, bottom), 0.9, atol=1e-12)


def test_competition_ranks_with_ties_match_scipy() -> None:
    """Competition ranks ("1224") are read as fractional ranks, so Spearman equals scipy's
    spearmanr (which ranks ties by their mean position)."""
    a, b = [1, 2, 2, 4, 5], [2, 1, 3, 5, 4]
    expected = scipy.stats.spearmanr(a, b).statistic
    np.testing.assert_allclose(rank_correlation(a, b), expected, rtol=1e-12)


@settings(max_examples=50, deadline=None)
@given(
    perm=st.permutations(list(range(1, 9))),
    other=st.permutations(list(range(1, 9))),
)
def test_permutations_agree_with_oracles(perm: list[int], other: list[int]) -> None:
    """Invariant, for rankings without ties: Spearman equals scipy's spearmanr and is
    symmetric; weighted Spearman is symmetric and in [-1, 1]; WS equals pymcdm's ws and lies
    in [0, 1]."""
    a, b = np.array(perm, dtype=float), np.array(other, dtype=float)
    rho = rank_correlation(a, b)
    np.testing.assert_allclose(rho, scipy.stats.spearmanr(a, b).statistic, atol=1e-12)
    assert rho == pytest.approx(rank_correlation(b, a), abs=1e-12)
    rw = rank_correlation(a, b, "weighted_spearman")
    assert -1.0 <= rw <= 1.0
    assert rw == pytest.approx(rank_correlation(b, a, "weighted_spearman"), abs=1e-12)
    ws = rank_correlation(a, b, "ws")
    assert ws == pytest.approx(float(correlations.ws(a, b)), abs=1e-12)
    assert 0.0 <= ws <= 1.0


@pytest.mark.parametrize(
    ("a", "b", "method", "error", "fragment"),
    [
        ([1, 2, 3], [1, 2], "spearman", MethodInputError, "same candidates"),
        ([1], [1], "ws", MethodInputError, "at least 2"),
        ([1, 1, 1], [1, 2, 3], "spearman", MethodInputError, "undefined"),
        ([1, np.nan, 3], [1, 2, 3], "ws", MethodInputError, "finite"),
        ([1, 2], [2, 1], "kendall", ConfigurationError, "must be one of"),
    ],
)
def test_bad_input(
    a: list[float], b: list[float], method: str, error: type[Exception], fragment: str
) -> None:
    """Mismatched, too short, undefined or unknown requests raise clear errors, never NaN."""
    with pytest.raises(error, match=fragment):
        rank_correlation(a, b, method)


def test_correlation_matrix_symmetric_with_unit_diagonal() -> None:
    """The table is labelled, symmetric for Spearman, 1 on the diagonal, and each cell is the
    pairwise coefficient."""
    rankings = {"topsis": [1, 2, 3, 4], "vikor": [2, 1, 3, 4], "spotis": [4, 3, 2, 1]}
    table = correlation_matrix(rankings, "spearman")
    assert list(table.index) == list(table.columns) == list(rankings)
    np.testing.assert_allclose(np.diag(table.to_numpy()), 1.0)
    np.testing.assert_allclose(table.to_numpy(), table.to_numpy().T)
    assert table.loc["topsis", "vikor"] == pytest.approx(
        rank_correlation(rankings["topsis"], rankings["vikor"])
    )
    assert table.loc["topsis", "spotis"] == pytest.approx(-1.0, abs=1e-12)


def test_ws_matrix_uses_row_as_reference() -> None:
    """For WS the row's ranking is the reference, so the table may be asymmetric."""
    rankings = {"a": [1, 2, 3, 4], "b": [3, 1, 2, 4]}
    table = correlation_matrix(rankings, "ws")
    assert table.loc["a", "b"] == pytest.approx(rank_correlation([1, 2, 3, 4], [3, 1, 2, 4], "ws"))
    assert table.loc["b", "a"] == pytest.approx(rank_correlation([3, 1, 2, 4], [1, 2, 3, 4], "ws"))
    assert table.loc["a", "b"] != pytest.approx(table.loc["b", "a"])


def test_correlation_matrix_rejects_mismatched_rankings() -> None:
    """Rankings of different lengths, or none at all, are input errors naming the culprit."""
    with pytest.raises(MethodInputError, match="'b' has 3 ranks"):
        correlation_matrix({"a": [1, 2, 3, 4], "b": [1, 2, 3]})
    with pytest.raises(MethodInputError, match="at least one ranking"):
        correlation_matrix({})
