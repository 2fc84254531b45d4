"""Missing judgments: Harker (1987) for the eigenvector, incomplete LLSM for the geometric mean."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterrank.errors import MethodInputError
from clusterrank.methods.ahp import (
    analyse,
    complete,
    harker_priorities,
    llsm_priorities,
    priorities,
)
from clusterrank.methods.ahp.incomplete import components, harker_matrix
from tests.methods.ahp.test_priorities import HOUSE_CRITERIA, consistent, random_saaty_matrix

FloatArray = npt.NDArray[np.float64]


def drop(a: FloatArray, pairs: list[tuple[int, int]]) -> FloatArray:
    b = a.copy()
    for i, j in pairs:
        b[i, j] = b[j, i] = np.nan
    return b


def test_chain_of_judgments_is_completed_transitively() -> None:
    """Hand-checkable case: a ≻ b by 2, b ≻ c by 3, a vs c missing. Both methods give the
    transitive completion a_13 = 6 and w = (6, 3, 1)/10, with CR = 0."""
    a = [[1, 2, None], ["1/2", 1, 3], [None, "1/3", 1]]
    for derivation in ("eigenvector", "geometric_mean"):
        r = analyse(a, ["a", "b", "c"], derivation=derivation)
        np.testing.assert_allclose(r.priorities, [0.6, 0.3, 0.1], rtol=1e-12)
        assert r.matrix[0, 2] == pytest.approx(6.0, rel=1e-12)
        assert r.cr == pytest.approx(0.0, abs=1e-12)
        assert r.missing == 1
        assert "1 of 3 judgments missing; completed by" in r.notes[0]


def test_harker_auxiliary_matrix() -> None:
    """Harker (1987): missing -> 0, diagonal 1 + number of missing entries in the row."""
    a = drop(np.asarray(random_saaty_matrix(4, 3)), [(0, 1), (0, 2)])
    c = harker_matrix(a)
    np.testing.assert_allclose(np.diag(c), [3, 2, 2, 1])
    assert c[0, 1] == c[1, 0] == c[0, 2] == 0.0
    assert c[2, 3] == a[2, 3]


@settings(max_examples=50, deadline=None)
@given(st.integers(1, 10), st.integers(0, 10_000))
def test_harker_on_complete_matrix_is_the_eigenvector(n: int, seed: int) -> None:
    """Invariant: with nothing missing, C = A and Harker's method is Saaty's eigenvector;
    the incomplete LLSM is the row geometric mean."""
    a = random_saaty_matrix(n, seed)
    w, _ = harker_priorities(a)
    np.testing.assert_allclose(w, priorities(a), rtol=1e-10)
    np.testing.assert_allclose(llsm_priorities(a), priorities(a, "geometric_mean"), rtol=1e-10)


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.floats(0.1, 10.0), min_size=3, max_size=9),
    st.integers(0, 10_000),
    st.sampled_from(["eigenvector", "geometric_mean"]),
)
def test_dropping_judgments_from_consistent_matrix_recovers_w(
    raw: list[float], seed: int, derivation: str
) -> None:
    """Invariant: removing judgments from a consistent matrix (keeping the comparison graph
    connected — here a spanning path is always kept) still recovers w exactly, CR = 0."""
    w = np.asarray(raw)
    n = w.size
    rng = np.random.default_rng(seed)
    path = {(k, k + 1) for k in range(n - 1)}
    others = [(i, j) for i in range(n) for j in range(i + 1, n) if (i, j) not in path]
    chosen = [others[k] for k in rng.permutation(len(others))[: rng.integers(1, len(others) + 1)]]
    a = drop(consistent(w), chosen)
    r = analyse(a, derivation=derivation, scale=None)
    np.testing.assert_allclose(r.priorities, w / w.sum(), rtol=1e-9)
    assert abs(r.cr) <= 1e-10
    assert r.missing == len(chosen)


@settings(max_examples=50, deadline=None)
@given(st.integers(4, 9), st.integers(0, 10_000))
def test_harker_lambda_is_lambda_of_completed_matrix(n: int, seed: int) -> None:
    """Invariant (Harker 1987): filling a_ij = w_i/w_j gives Ā w = C w = λ w, so the
    completed matrix has the same principal eigenvector and eigenvalue; the LLSM vector
    is likewise the geometric mean of its completed matrix."""
    a = drop(random_saaty_matrix(n, seed), [(0, 2), (1, 3)])
    w, lam = harker_priorities(a)
    _, filled = complete(a, "eigenvector")
    r = analyse(filled, scale=None)  # completed ratios may leave the 1-9 scale
    np.testing.assert_allclose(r.priorities, w, rtol=1e-9)
    assert r.lambda_max == pytest.approx(lam, rel=1e-10)
    g, filled_g = complete(a, "geometric_mean")
    np.testing.assert_allclose(priorities(filled_g, "geometric_mean"), g, rtol=1e-10)


def test_incomplete_house_matrix_is_close_to_complete() -> None:
    """Dropping two judgments of Saaty's (1990) house matrix keeps the leading criteria
    (financing first, then neighbourhood/size) and is reported with a note."""
    full = analyse(HOUSE_CRITERIA)
    part = analyse(drop(full.matrix, [(0, 7), (2, 5)]))
    assert part.missing == 2
    assert int(np.argmax(part.priorities)) == int(np.argmax(full.priorities)) == 7
    assert np.abs(part.priorities - full.priorities).max() < 0.05


def test_disconnected_judgments_name_the_groups() -> None:
    """Two groups never compared with each other: the error names both groups."""
    a = [
        [1, 2, None, None],
        [0.5, 1, None, None],
        [None, None, 1, 3],
        [None, None, 1 / 3, 1],
    ]
    with pytest.raises(MethodInputError, match=r"2 groups .*\{'a', 'b'\}; \{'c', 'd'\}"):
        analyse(a, ["a", "b", "c", "d"])
    with pytest.raises(MethodInputError, match=r"\{item 1, item 2\}; \{item 3, item 4\}"):
        llsm_priorities(np.array(a, dtype=float))
    assert components(np.array(a, dtype=float)) == [[0, 1], [2, 3]]


def test_isolated_item() -> None:
    """An item with no judgment at all is its own group."""
    a = [[1, 2, None], ["1/2", 1, None], [None, None, 1]]
    with pytest.raises(MethodInputError, match=r"\{'x', 'y'\}; \{'z'\}"):
        analyse(a, ["x", "y", "z"], derivation="geometric_mean")
