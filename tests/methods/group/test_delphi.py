"""Delphi helpers: items without consensus, stability between rounds."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterrank.errors import ConfigurationError, MethodInputError
from clusterrank.methods.group import (
    items_without_consensus,
    nodes_without_consensus,
    saaty_position,
    stability,
    summarize_scores,
)


def test_nodes_below_the_s_star_threshold_lowest_first() -> None:
    s = {"groups": 0.9, "economy": 0.55, "innovation": 0.74, "social": 0.75}
    assert nodes_without_consensus(s) == ["economy", "innovation"]
    assert nodes_without_consensus(s, threshold=0.6) == ["economy"]
    with pytest.raises(ConfigurationError, match="S\\* threshold"):
        nodes_without_consensus(s, threshold=75)


def test_scored_items_without_consensus_by_iqr_and_share() -> None:
    """Item 1: answers 4, 4, 4, 5 (IQR 0.5, all within one step): consensus. Item 2: 1, 2, 4,
    5 (IQR 3, half within one step of the median 3): none. Item 3: nobody answered: none
    (it must be asked again)."""
    x = np.array([[4, 1, np.nan], [4, 2, np.nan], [4, 4, np.nan], [5, 5, np.nan]], dtype=float)
    r = summarize_scores(x)
    flags = items_without_consensus(r.iqr, r.within_one_step, defined=r.defined)
    assert flags.tolist() == [False, True, True]
    only_share = items_without_consensus(r.iqr, r.within_one_step, max_iqr=None, min_share=0.5)
    assert only_share.tolist() == [False, False, True]
    with pytest.raises(ConfigurationError, match="at least one consensus rule"):
        items_without_consensus(r.iqr, r.within_one_step, max_iqr=None, min_share=None)


def test_stability_by_hand() -> None:
    """3 experts × 2 items. Item 1: 3→3, 4→5, 2→2: one of three moved (by 1). Item 2: 1→3,
    no answer→2, 5→4: two compared, both moved (by 2 and 1). Overall 3 of 5 moved, mean
    change (0 + 1 + 0 + 2 + 1)/5 = 0.8."""
    before = np.array([[3, 1], [4, np.nan], [2, 5]], dtype=float)
    after = np.array([[3, 3], [5, 2], [2, 4]], dtype=float)
    r = stability(before, after)
    assert r.compared.tolist() == [3, 2]
    assert r.moved.tolist() == [1, 2]
    np.testing.assert_allclose(r.moved_share, [1 / 3, 1.0])
    np.testing.assert_allclose(r.mean_change, [1 / 3, 1.5])
    np.testing.assert_allclose(r.max_change, [1.0, 2.0])
    assert (r.overall_compared, r.overall_moved) == (5, 3)
    assert r.overall_moved_share == pytest.approx(0.6)
    assert r.overall_mean_change == pytest.approx(0.8)
    assert stability(before, after, tolerance=1.0).overall_moved == 1


def test_judgments_move_in_saaty_steps() -> None:
    """1/3 → 3 is four steps (1/3, 1/2, 1, 2, 3); 5 → 7 two; 1 → 1 none."""
    np.testing.assert_allclose(saaty_position([1, 3, 1 / 3, 9, 1 / 9]), [0, 2, -2, 8, -8])
    r = stability(np.array([[1 / 3, 5, 1]]), np.array([[3, 7, 1]]), scale="saaty_steps")
    np.testing.assert_allclose(r.mean_change, [4, 2, 0])
    assert r.moved.tolist() == [1, 1, 0]


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 8), st.integers(1, 5), st.integers(0, 10**6))
def test_identical_rounds_are_perfectly_stable(k: int, items: int, seed: int) -> None:
    """Invariant: a round compared with itself moves nothing; swapping the rounds keeps
    every count and change."""
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 6, size=(k, items)).astype(float)
    b = rng.integers(1, 6, size=(k, items)).astype(float)
    assert stability(a, a).overall_moved == 0
    ab, ba = stability(a, b), stability(b, a)
    assert ab.moved.tolist() == ba.moved.tolist()
    np.testing.assert_allclose(ab.mean_change, ba.mean_change)


def test_stability_errors() -> None:
    with pytest.raises(MethodInputError, match="same experts and items"):
        stability(np.ones((2, 2)), np.ones((3, 2)))
    with pytest.raises(MethodInputError, match="nothing to compare"):
        stability(np.array([[np.nan]]), np.array([[1.0]]))
    with pytest.raises(ConfigurationError, match="scale must be one of"):
        stability(np.ones((1, 1)), np.ones((1, 1)), scale="log")
