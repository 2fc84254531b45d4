"""Tests for methods.sensitivity.sweep: one-at-a-time weight sweeps."""

from __future__ import annotations

import numpy as np
import pytest

from clusterrank.errors import MethodInputError
from clusterrank.methods.registry import get_batch_scorer, rank
from clusterrank.methods.sensitivity import sweep
from tests.helpers.problems import build_problem


@pytest.mark.parametrize("method", ["topsis", "wsm", "vikor"])
def test_sweep_at_the_current_weight_reproduces_the_ranking(method: str) -> None:
    """Invariant: the row of each sweep at the current weight is the ranking of
    ``methods.registry.rank`` with the current weights (scores to 1e-12, ranks exactly)."""
    p = build_problem(6, 3, seed=2)
    res = sweep(p.matrix, p.weights, p.directions, method, points=21)
    point = rank(p.matrix, p.weights, p.directions, method)
    for s in res.sweeps:
        i = s.current_index
        np.testing.assert_allclose(s.scores[i], point.scores, rtol=1e-12, atol=1e-12)
        np.testing.assert_array_equal(s.ranks[i], point.ranks)


def test_grid_holds_ends_current_weight_and_breakpoints() -> None:
    p = build_problem(5, 3, seed=4)
    res = sweep(p.matrix, p.weights, p.directions, "wsm", points=11)
    for s in res.sweeps:
        assert s.t[0] == 0.0
        assert s.t[-1] == 1.0
        assert np.all(np.diff(s.t) > 0)
        assert s.current in s.t
        assert {b[0] for b in s.breakpoints} <= set(s.t.tolist())
    assert len(res.to_frame()) == sum(len(s.t) for s in res.sweeps) * 5
    assert list(res.breakpoints_frame().columns) == ["criterion", "weight", "first", "second"]


def test_end_of_the_path_is_the_criterion_alone() -> None:
    """At weight 1 the swept criterion has all the weight: scores equal the unit vector's."""
    p = build_problem(5, 3, seed=6)
    res = sweep(p.matrix, p.weights, p.directions, "topsis", which=["C2"], points=5)
    scorer = get_batch_scorer("topsis", p.matrix, p.directions)
    np.testing.assert_allclose(res.get("C2").scores[-1], scorer.scores([0.0, 1.0, 0.0])[0])


def test_ranks_change_only_at_breakpoints() -> None:
    """Invariant: between consecutive breakpoints the ranking is constant (weighted sum,
    where breakpoints are exact)."""
    p = build_problem(6, 3, seed=9)
    res = sweep(p.matrix, p.weights, p.directions, "wsm", points=401)
    for s in res.sweeps:
        cuts = np.array(sorted({b[0] for b in s.breakpoints}))
        piece = np.searchsorted(cuts, s.t, side="left")
        interior = ~np.isin(s.t, cuts)
        for k in np.unique(piece[interior]):
            rows = s.ranks[interior & (piece == k)]
            assert np.all(rows == rows[0])


def test_sweep_errors() -> None:
    p = build_problem(4, 3, seed=0)
    with pytest.raises(MethodInputError, match="unknown criteria"):
        sweep(p.matrix, p.weights, p.directions, which=["nope"])
    with pytest.raises(MethodInputError, match="points"):
        sweep(p.matrix, p.weights, p.directions, points=1)
    with pytest.raises(MethodInputError, match="no sweep"):
        sweep(p.matrix, p.weights, p.directions, which=["C1"]).get("C3")
