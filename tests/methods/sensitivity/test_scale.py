"""Sensitivity at scale: stability intervals found without enumerating every crossing, the
same intervals as the enumeration gives, and the named limits on what a request may ask."""

from __future__ import annotations

import numpy as np
import pytest

from clusterrank.errors import MethodInputError
from clusterrank.methods.registry import BatchScorer, get_batch_scorer
from clusterrank.methods.result import IntArray
from clusterrank.methods.sensitivity import (
    ahp_uncertainty,
    method_agreement,
    smaa,
    stability_intervals,
    sweep,
)
from clusterrank.methods.sensitivity.common import competition_ranks, path_weights
from clusterrank.methods.sensitivity.crossings import path_crossings
from clusterrank.methods.sensitivity.level_scan import Level
from clusterrank.methods.sensitivity.limits import MAX_AHP_DRAWS, MAX_GRID, MAX_SMAA_SAMPLES
from clusterrank.methods.sensitivity.stability import _criterion, _describe
from tests.helpers.problems import build_problem


def reference_intervals(
    scorer: BatchScorer, w: np.ndarray, j: int, levels: list[tuple[str, int]]
) -> list[tuple[float, float, IntArray, IntArray | None, IntArray | None]]:
    """The enumeration the scan replaced: every crossing of every pair cuts [0, 1] into
    pieces, each piece is ranked once, and the interval is the run of pieces around w_j with
    the current level (bounds, and the ranks just past each bound)."""
    found = path_crossings(scorer, w, j)
    t0 = float(w[j])
    points = np.unique(np.concatenate([[0.0, 1.0, t0], found.points]))
    lo = np.empty(2 * len(points) - 1)
    hi = np.empty_like(lo)
    lo[0::2], hi[0::2] = points, points
    lo[1::2], hi[1::2] = points[:-1], points[1:]
    mids = 0.5 * (lo + hi)
    ranks = competition_ranks(scorer.scores(path_weights(w, j, mids)), scorer.higher_is_better)
    here = int(2 * np.flatnonzero(points == t0)[0])
    out = []
    for name, k in levels:
        sig = ranks if name == "ranking" else ranks <= k
        same = np.all(sig == sig[here], axis=1)
        first, last = here, here
        while first > 0 and same[first - 1]:
            first -= 1
        while last < len(same) - 1 and same[last + 1]:
            last += 1

        below = _beyond(ranks, first, -1)
        above = _beyond(ranks, last, +1)
        out.append((lo[first], hi[last], ranks[here], below, above))
    return out


def _beyond(ranks: IntArray, edge: int, step: int) -> IntArray | None:
    """Ranks of the piece past ``edge``: the segment after a tie point, if there is one."""
    nxt = edge + step
    if not 0 <= nxt < len(ranks):
        return None
    if nxt % 2 == 0 and 0 <= nxt + step < len(ranks):
        nxt += step
    return ranks[nxt]


@pytest.mark.parametrize("method", ["topsis", "wsm", "vikor"])
@pytest.mark.parametrize("seed", range(8))
def test_scan_gives_the_intervals_of_the_full_crossing_enumeration(method: str, seed: int) -> None:
    """Regression for the scaling fix: on problems small enough to enumerate every crossing,
    the scan's bounds agree with the enumeration's to the bisection tolerance (exactly for
    the linear WSM) and the change just past each bound is the same."""
    m, n = [(5, 3), (8, 4), (12, 3), (20, 5)][seed % 4]
    p = build_problem(m, n, seed=seed)
    scorer = get_batch_scorer(method, p.matrix, p.directions)
    w = p.weights / p.weights.sum()
    levels = [("winner", 1), ("top 3", 3), ("ranking", m)]
    cand = tuple(f"A{i + 1}" for i in range(m))
    scan_levels = [Level("winner", 1), Level("top 3", 3), Level("ranking", m, whole=True)]
    for j in range(n):
        got = _criterion(scorer, w, j, f"C{j + 1}", cand, scan_levels, 201, 1e-6)
        want = reference_intervals(scorer, w, j, levels)
        for iv, (lo, hi, base, below, above), lv in zip(got, want, scan_levels, strict=True):
            slack = 1e-12 if method == "wsm" else 2e-6
            assert abs(iv.lower - lo) <= slack, (j, lv, iv, lo)
            assert abs(iv.upper - hi) <= slack, (j, lv, iv, hi)
            assert iv.change_below == _describe(base, below, lv, cand), (j, lv, iv)
            assert iv.change_above == _describe(base, above, lv, cand), (j, lv, iv)


class CountingScorer:
    """A batch scorer that counts the weight vectors it scores."""

    def __init__(self, inner: BatchScorer) -> None:
        self.inner = inner
        self.rows = 0
        self.method = inner.method
        self.higher_is_better = inner.higher_is_better
        self.settings = inner.settings

    def scores(self, weights: np.ndarray) -> np.ndarray:
        batch = np.atleast_2d(weights)
        self.rows += batch.shape[0]
        return self.inner.scores(batch)


@pytest.mark.parametrize("m", [20, 400])
def test_stability_work_per_criterion_does_not_grow_with_the_number_of_crossings(
    m: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """2,000 × 60 reached 24 GB: every crossing of every pair was bisected with all m
    candidates scored. Now one criterion costs at most the grid, one bisection per level and
    side (about 13 steps each) and a few end points, whatever m."""
    import clusterrank.methods.sensitivity.stability as stability

    p = build_problem(m, 4, seed=1)
    counter: list[CountingScorer] = []

    def counting(*args: object, **kw: object) -> CountingScorer:
        counter.append(CountingScorer(get_batch_scorer(*args, **kw)))  # type: ignore[arg-type]
        return counter[-1]

    monkeypatch.setattr(stability, "make_scorer", counting)
    stability_intervals(p.matrix, p.weights, p.directions, "topsis", top_k=3)
    per_criterion = (counter[0].rows - 1) / 4
    assert per_criterion <= 201 + 1 + 6 * 14 + 3 * 6 + 3, per_criterion


def test_smaa_memory_is_estimated_before_allocating() -> None:
    """20,000 candidates need 3 GB of rank counts (and 0.2 GB per chunk): refused with the
    estimate and the limit before the counts exist (the matrix itself is only 320 KB)."""
    x = np.random.default_rng(0).uniform(1, 2, size=(20_000, 2))
    with pytest.raises(
        MethodInputError, match=r"would need about 3\.2 GB.*limit of 1\.0 GB; rank fewer candidates"
    ):
        smaa(x, [1, 1], "topsis", n_samples=10, pairwise=False)


def test_smaa_chunk_for_2000_candidates_stays_small() -> None:
    """SMAA already chunks: with m = 2,000 one chunk is one block of 256 samples (about
    21 MB of scores and keys), so the run's memory is the 32 MB of rank counts plus that."""
    x = np.random.default_rng(1).uniform(1, 2, size=(2000, 3))
    res = smaa(x, [1, 1, -1], "topsis", n_samples=600, pairwise=False)
    assert res.chunk_size == 256
    assert res.n_samples == 600


@pytest.mark.parametrize(
    ("call", "text"),
    [
        (lambda x: smaa(x, None, n_samples=MAX_SMAA_SAMPLES + 1), "at most 1,000,000 samples"),
        (
            lambda x: stability_intervals(x, None, None, grid=MAX_GRID + 1),
            "at most 10,001 grid points",
        ),
        (lambda x: sweep(x, None, None, points=MAX_GRID + 1), "at most 10,001 points"),
        (
            lambda x: ahp_uncertainty(np.ones((2, 2)), n_draws=MAX_AHP_DRAWS + 1),
            "at most 100,000 perturbed judgment sets",
        ),
    ],
)
def test_requests_beyond_the_named_maxima_are_refused(call: object, text: str) -> None:
    x = build_problem(4, 3, seed=0).matrix
    with pytest.raises(MethodInputError, match=text):
        call(x)  # type: ignore[operator]


def test_promethee_is_skipped_in_agreement_when_its_matrices_would_not_fit() -> None:
    """800 × 60: PROMETHEE II's m × m × n preference matrices (about 293 MB) exceed the
    256 MB limit; it is skipped with the estimate, the other methods still rank."""
    x = np.random.default_rng(2).uniform(1, 100, size=(800, 60))
    res = method_agreement(x, None, np.ones(60, dtype=int))
    reasons = dict(res.skipped)
    assert "293 MB" in reasons["PROMETHEE II"]
    assert "limit 256 MB" in reasons["PROMETHEE II"]
    assert "TOPSIS (vector)" in res.rankings
    assert "spearman" in res.correlations


def test_sweep_of_many_candidates_lists_crossings_among_the_leaders_only() -> None:
    """Every pair of m candidates may cross (m² breakpoints); beyond 50 candidates the
    sweep lists the crossings among those reaching rank 10 or better, and says so."""
    p = build_problem(80, 3, seed=3)
    res = sweep(p.matrix, p.weights, p.directions, "topsis", which=["C1"])
    one = res.sweeps[0]
    leaders = set(np.flatnonzero((one.ranks <= 10).any(axis=0)))
    named = {res.candidates.index(a) for _, a, _ in one.breakpoints}
    named |= {res.candidates.index(b) for _, _, b in one.breakpoints}
    assert named
    assert named <= leaders
    assert any("breakpoints are those among the" in note for note in res.notes)
