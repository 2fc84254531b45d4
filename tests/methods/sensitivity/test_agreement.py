"""Tests for methods.sensitivity.agreement: several methods, correlations, Copeland consensus."""

from __future__ import annotations

import numpy as np
import pytest

from clusterrank.errors import MethodInputError
from clusterrank.methods.registry import rank
from clusterrank.methods.sensitivity import (
    DEFAULT_METHODS,
    MethodSpec,
    copeland_consensus,
    method_agreement,
)
from tests.helpers.problems import build_problem


def test_copeland_by_hand() -> None:
    """Copeland (1951) by hand. Rankings of (A, B, C): m1 = (1, 2, 3), m2 = (2, 1, 3),
    m3 = (1, 3, 2). A is above B in m1 and m3 (2 of 3): A beats B; A beats C 3-0; B is above C
    in m1 and m2: B beats C. Scores: A = 2 - 0 = 2, B = 1 - 1 = 0, C = 0 - 2 = -2."""
    score, consensus = copeland_consensus([[1, 2, 3], [2, 1, 3], [1, 3, 2]])
    np.testing.assert_array_equal(score, [2, 0, -2])
    np.testing.assert_array_equal(consensus, [1, 2, 3])


def test_copeland_cycle_ties() -> None:
    """A Condorcet cycle (A > B > C > A, each 2-1) gives every candidate score 0: all tie."""
    score, consensus = copeland_consensus([[1, 2, 3], [3, 1, 2], [2, 3, 1]])
    np.testing.assert_array_equal(score, [0, 0, 0])
    np.testing.assert_array_equal(consensus, [1, 1, 1])


def test_all_default_methods_on_positive_data() -> None:
    """Seven default rankings, each equal to the registry's own; correlation tables 7×7 with
    unit diagonal; Spearman symmetric."""
    p = build_problem(6, 4, seed=3)
    res = method_agreement(p.matrix, p.weights, p.directions)
    assert res.labels == [spec.label for spec in DEFAULT_METHODS]
    assert not res.skipped
    for spec in DEFAULT_METHODS:
        own = rank(p.matrix, p.weights, p.directions, spec.method, settings=dict(spec.settings))
        np.testing.assert_array_equal(res.rankings[spec.label].ranks, own.ranks)
    for name in ("spearman", "ws"):
        table = res.correlations[name].to_numpy()
        assert table.shape == (7, 7)
        np.testing.assert_allclose(np.diag(table), 1.0)
    sp = res.correlations["spearman"].to_numpy()
    np.testing.assert_allclose(sp, sp.T)
    frame = res.to_frame()
    assert frame["consensus"].is_monotonic_increasing
    dis = res.disagreement_frame()
    assert dis["range"].is_monotonic_decreasing
    assert res.settings["TOPSIS (min-max)"]["normalization"] == "minmax"


def test_a_method_that_cannot_rank_is_skipped_with_its_reason() -> None:
    """AHP synthesis and COPRAS need positive values: reported as skipped, others still run."""
    p = build_problem(5, 3, seed=1, low=-50.0, high=50.0)
    x = p.matrix.copy()
    x[0, 0] = -10.0
    res = method_agreement(x, p.weights, p.directions)
    skipped = dict(res.skipped)
    assert {"AHP synthesis", "COPRAS"} <= set(skipped)
    assert all(reason for reason in skipped.values())
    assert "TOPSIS (vector)" in res.rankings
    assert any("AHP synthesis skipped" in note for note in res.notes)


def test_no_method_left_is_an_error() -> None:
    x = np.array([[1.0, -2.0], [3.0, 4.0]])
    with pytest.raises(MethodInputError, match="no method could rank"):
        method_agreement(x, None, [1, 1], methods=[MethodSpec("AHP", "ahp")])
