"""Tests for methods.sensitivity.stability (and the crossings it is built on)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest

from clusterrank.errors import MethodInputError
from clusterrank.methods.registry import get_batch_scorer
from clusterrank.methods.sensitivity import stability_intervals
from clusterrank.methods.sensitivity.common import competition_ranks, path_weights
from clusterrank.methods.sensitivity.crossings import path_crossings
from tests.helpers.problems import DecisionProblem, build_problem

STEP = 1e-4


def brute_interval(p: DecisionProblem, method: str, j: int, k: int) -> tuple[float, float]:
    """The interval read off a fine sweep (grid 1e-4 plus the current weight): the extreme
    grid weights of the contiguous run around w_j whose winner / top-k set / ranking equals
    the current one (k = m means the whole ranking)."""
    scorer = get_batch_scorer(method, p.matrix, p.directions)
    w = p.weights / p.weights.sum()
    t0 = float(w[j])
    t = np.unique(np.concatenate([np.arange(0, 1 + STEP / 2, STEP), [t0]]))
    ranks = competition_ranks(scorer.scores(path_weights(w, j, t)), scorer.higher_is_better)
    m = p.matrix.shape[0]
    sig: npt.NDArray[np.int_] = ranks if k == m else (ranks <= k).astype(int)
    here = int(np.flatnonzero(t == t0)[0])
    same = np.all(sig == sig[here], axis=1)
    lo = here
    while lo > 0 and same[lo - 1]:
        lo -= 1
    hi = here
    while hi < len(t) - 1 and same[hi + 1]:
        hi += 1
    return float(t[lo]), float(t[hi])


@pytest.mark.parametrize("method", ["topsis", "wsm"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_intervals_equal_a_brute_force_fine_sweep(method: str, seed: int) -> None:
    """Every bound lies within one grid step (1e-4, plus the 1e-6 bisection tolerance) of the
    brute-force bound, on the side the grid cannot see: a true bound L satisfies
    brute_lo - 1e-4 < L <= brute_lo and brute_hi <= U < brute_hi + 1e-4."""
    p = build_problem(6, 3, seed=seed)
    res = stability_intervals(p.matrix, p.weights, p.directions, method, top_k=3)
    levels = {"winner": 1, "top 3": 3, "ranking": 6}
    assert len(res.intervals) == 9
    slack = 2e-6
    for iv in res.intervals:
        j = res.criteria.index(iv.criterion)
        lo, hi = brute_interval(p, method, j, levels[iv.level])
        assert lo - STEP - slack <= iv.lower <= lo + slack, (iv, lo)
        assert hi - slack <= iv.upper <= hi + STEP + slack, (iv, hi)


def test_intervals_contain_the_weight_and_nest() -> None:
    """Invariants: w_j lies in each interval; the ranking interval lies inside both the
    winner's and the top k's (top k is a set, so it need not nest with the winner)."""
    p = build_problem(7, 4, seed=3)
    res = stability_intervals(p.matrix, p.weights, p.directions, "topsis", top_k=2)
    for crit in res.criteria:
        ivs = {iv.level: iv for iv in res.intervals if iv.criterion == crit}
        for iv in ivs.values():
            assert iv.lower <= iv.weight <= iv.upper
        for wider in (ivs["winner"], ivs["top 2"]):
            assert wider.lower <= ivs["ranking"].lower
            assert ivs["ranking"].upper <= wider.upper


def test_linear_crossings_are_exact_ties() -> None:
    """For a weighted sum the crossing points are analytic: the two candidates named have
    equal scores there (to 1e-12)."""
    p = build_problem(6, 3, seed=5)
    scorer = get_batch_scorer("wsm", p.matrix, p.directions)
    w = p.weights / p.weights.sum()
    found = path_crossings(scorer, w, 1)
    assert found.analytic
    assert found.crossings
    for c in found.crossings:
        s = scorer.scores(path_weights(w, 1, [c.t]))[0]
        assert abs(s[c.first] - s[c.second]) <= 1e-12


def test_topsis_crossings_found_by_bisection_to_tolerance() -> None:
    """For TOPSIS the crossing of the named pair is bracketed to within tol = 1e-6."""
    p = build_problem(5, 3, seed=7)
    scorer = get_batch_scorer("topsis", p.matrix, p.directions)
    w = p.weights / p.weights.sum()
    found = path_crossings(scorer, w, 0, tol=1e-6)
    assert not found.analytic
    assert found.crossings
    for c in found.crossings:
        if 0 < c.t < 1:
            s = scorer.scores(path_weights(w, 0, [c.t - 1e-6, c.t + 1e-6]))
            d = s[:, c.first] - s[:, c.second]
            assert d[0] * d[1] <= 0


def test_most_fragile_and_frame() -> None:
    p = build_problem(5, 3, seed=4)
    res = stability_intervals(p.matrix, p.weights, p.directions, "wsm", candidates=list("abcde"))
    frail = res.most_fragile("winner")
    margins = [iv.margin for iv in res.intervals if iv.level == "winner"]
    if frail is None:  # no single weight changes the winner: every margin is infinite
        assert all(np.isinf(margins))
    else:
        assert frail.margin == min(margins)
        assert np.isfinite(frail.margin)
    frame = res.to_frame()
    assert list(frame.columns)[:5] == ["criterion", "weight", "level", "lower", "upper"]
    assert len(frame) == 3 * 3
    assert res.settings["top_k"] == 3
    assert res.settings["method"] == "wsm"
    with pytest.raises(MethodInputError, match="levels are"):
        res.most_fragile("top 9")


def test_one_criterion_is_refused() -> None:
    with pytest.raises(MethodInputError, match="at least 2 criteria"):
        stability_intervals(np.array([[1.0], [2.0]]), None, [1])


def test_zero_weights_elsewhere_share_equally_with_a_note() -> None:
    """A criterion holding all the weight: the others have no proportions, so along its path
    they share the rest equally, and a note says so."""
    p = build_problem(4, 3, seed=1)
    res = stability_intervals(p.matrix, [1.0, 0.0, 0.0], p.directions, "wsm")
    assert any("share the remaining weight equally" in note for note in res.notes)
    assert all(0 <= iv.lower <= iv.weight <= iv.upper <= 1 for iv in res.intervals)
