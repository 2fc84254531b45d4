"""Where candidates' scores cross as one criterion's weight moves (others proportional).

Along ``w(t) = t e_j + (1 - t) u_j`` (:mod:`methods.sensitivity.common`) the ranking can only
change where two candidates' scores are equal. Those crossing points are found

* analytically for methods linear in the weights (weighted sum, AHP synthesis): the score of
  candidate i is ``(1 - t) a_i + t b_i`` with ``a = s(u_j)`` and ``b = s(e_j)``, so the pair
  (i, k) crosses at ``t* = d0 / (d0 - d1)`` with ``d0 = a_i - a_k``, ``d1 = b_i - b_k``;
* otherwise by bracketing and bisection: scores on a grid of ``grid`` points bracket every
  sign change of every pair's difference, then each bracket is bisected to ``tol`` (default
  1e-6). A pair that crosses twice inside one grid cell is not seen (its bracket shows no
  sign change); the grid is echoed so a user can refine it.

Score differences below 1e-12 of the pair's magnitude count as ties, so two candidates whose
scores differ only by floating-point noise never produce spurious crossings.

References
----------
Triantaphyllou, E. and Sánchez, A. (1997). A sensitivity analysis approach for some
deterministic multi-criteria decision-making methods. *Decision Sciences* 28(1), 151-194.
Press, W. H. et al. (2007). *Numerical Recipes*, 3rd ed., Cambridge University Press, sec. 9.1
(bracketing and bisection).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from clusterrank.methods.registry import BatchScorer
from clusterrank.methods.result import FloatArray
from clusterrank.methods.sensitivity.common import (
    competition_ranks,
    how_found,
    is_linear,
    path_weights,
)

TIE_RTOL = 1e-12
CHUNK_ELEMENTS = 2**21
"""Scores (or pair signs) held at once by one step: 16 MB of float64."""


@dataclass(frozen=True)
class Crossing:
    """Candidates ``first`` and ``second`` (row indices) have equal scores at weight ``t``."""

    t: float
    first: int
    second: int


@dataclass(frozen=True)
class PathCrossings:
    """All crossings along one criterion's path, and how they were found."""

    criterion: int
    crossings: tuple[Crossing, ...]
    analytic: bool
    grid: int
    tol: float

    @property
    def how(self) -> str:
        """How the crossings were found, in words."""
        return how_found(self.analytic, self.tol, self.grid)

    @property
    def points(self) -> FloatArray:
        """Distinct crossing weights, sorted (merged when closer than ``tol``)."""
        ts = np.sort(np.array([c.t for c in self.crossings], dtype=float))
        if ts.size == 0:
            return ts
        keep = np.concatenate([[True], np.diff(ts) > (1e-12 if self.analytic else self.tol)])
        return np.asarray(ts[keep], dtype=float)


def _signs(scores: FloatArray) -> npt.NDArray[np.int8]:
    """(..., m, m) sign of s_i - s_k, zero when within TIE_RTOL of the pair's magnitude."""
    diff = scores[..., :, None] - scores[..., None, :]
    mag = np.maximum(np.abs(scores)[..., :, None], np.abs(scores)[..., None, :])
    out = np.sign(diff).astype(np.int8)
    out[np.abs(diff) <= TIE_RTOL * mag] = 0
    return out


def path_crossings(
    scorer: BatchScorer,
    weights: FloatArray,
    j: int,
    *,
    grid: int = 201,
    tol: float = 1e-6,
    among: npt.ArrayLike | None = None,
) -> PathCrossings:
    """Every crossing point of criterion ``j``'s path in [0, 1].

    Parameters
    ----------
    scorer
        Registry batch scorer of the decision problem.
    weights
        Current weights, summing to 1.
    j
        Criterion index.
    grid, tol
        Bracketing grid and bisection tolerance (used only for nonlinear methods).
    among
        Row indices of the candidates whose pairs are examined (default: all). Every pair
        may cross, so the work grows like the square of their number: callers with many
        candidates pass the few they show.

    References
    ----------
    Triantaphyllou and Sánchez (1997); Press et al. (2007), sec. 9.1.
    """
    m = scorer.scores(weights)[0].size
    rows = np.arange(m) if among is None else np.unique(np.asarray(among, dtype=int))
    if is_linear(scorer, weights, j):
        ends = scorer.scores(path_weights(weights, j, [0.0, 1.0]))[:, rows]
        found = _linear(ends[0], ends[1])
        return PathCrossings(j, _renamed(found, rows), True, grid, tol)
    found = _bisect(scorer, weights, j, grid, tol, rows)
    return PathCrossings(j, _renamed(found, rows), False, grid, tol)


def _renamed(found: list[Crossing], rows: npt.NDArray[np.int_]) -> tuple[Crossing, ...]:
    """Crossings of a subset, with the subset's positions turned back into row indices."""
    return tuple(Crossing(c.t, int(rows[c.first]), int(rows[c.second])) for c in found)


def pair_crossing_times(
    a: FloatArray, b: FloatArray, s_in: FloatArray, s_out: FloatArray
) -> FloatArray:
    """Exact crossing weights of the pairs ordered differently at two points of a path.

    Every score is linear along the path, ``(1 - t) a + t b``; ``s_in`` and ``s_out`` are the scores
    at the two points. Only candidates whose rank differs between the points are paired (with every
    candidate), so the work is (moved candidates) × m.
    """
    moved = np.flatnonzero(competition_ranks(s_in) != competition_ranks(s_out))
    out: list[FloatArray] = []
    step = max(1, CHUNK_ELEMENTS // max(1, a.size))
    for start in range(0, moved.size, step):
        rows = moved[start : start + step]
        change = _row_signs(s_in, rows) != _row_signs(s_out, rows)
        i, k = np.nonzero(change)
        d0 = a[rows[i]] - a[k]
        d1 = b[rows[i]] - b[k]
        slope = d0 - d1
        ok = slope != 0
        out.append(d0[ok] / slope[ok])
    return np.concatenate(out) if out else np.empty(0)


def _row_signs(s: FloatArray, rows: npt.NDArray[np.int_]) -> npt.NDArray[np.int8]:
    """(len(rows), m) sign of s_i - s_k for i in ``rows``, with the tie rule of :func:`_signs`."""
    diff = s[rows][:, None] - s[None, :]
    mag = np.maximum(np.abs(s[rows])[:, None], np.abs(s)[None, :])
    out = np.sign(diff).astype(np.int8)
    out[np.abs(diff) <= TIE_RTOL * mag] = 0
    return out


def _linear(a: FloatArray, b: FloatArray) -> list[Crossing]:
    s0, s1 = _signs(a), _signs(b)
    d0 = a[:, None] - a[None, :]
    d1 = b[:, None] - b[None, :]
    i, k = np.nonzero(np.triu(s0 != s1, k=1))
    out = []
    for p, q in zip(i.tolist(), k.tolist(), strict=True):
        if s0[p, q] == 0:
            t = 0.0
        elif s1[p, q] == 0:
            t = 1.0
        else:
            t = float(d0[p, q] / (d0[p, q] - d1[p, q]))
        out.append(Crossing(min(1.0, max(0.0, t)), p, q))
    return sorted(out, key=lambda c: (c.t, c.first, c.second))


def _bisect(
    scorer: BatchScorer,
    weights: FloatArray,
    j: int,
    grid: int,
    tol: float,
    rows: npt.NDArray[np.int_],
) -> list[Crossing]:
    ts = np.linspace(0.0, 1.0, max(2, int(grid)))
    full = scorer.scores(path_weights(weights, j, ts))
    m = full.shape[1]
    scores = full[:, rows]
    out: list[Crossing] = []
    lo_t: list[float] = []
    hi_t: list[float] = []
    pairs: list[tuple[int, int]] = []
    prev = _signs(scores[0])
    for g in range(len(ts) - 1):
        nxt = _signs(scores[g + 1])
        for p, q in zip(*np.nonzero(np.triu(prev != nxt, k=1)), strict=True):
            a, b = int(prev[p, q]), int(nxt[p, q])
            if a == 0:  # a tie that opens up here
                out.append(Crossing(float(ts[g]), int(p), int(q)))
            elif b == 0:
                out.append(Crossing(float(ts[g + 1]), int(p), int(q)))
            else:
                lo_t.append(float(ts[g]))
                hi_t.append(float(ts[g + 1]))
                pairs.append((int(p), int(q)))
        prev = nxt
    if pairs:
        lo, hi = np.array(lo_t), np.array(hi_t)
        step = max(1, CHUNK_ELEMENTS // m)  # brackets scored at once (m scores each)
        for start in range(0, len(pairs), step):
            part = slice(start, start + step)
            out += _refine(scorer, weights, j, lo[part], hi[part], pairs[part], tol, rows)
    return sorted(out, key=lambda c: (c.t, c.first, c.second))


def _refine(
    scorer: BatchScorer,
    weights: FloatArray,
    j: int,
    lo: FloatArray,
    hi: FloatArray,
    pairs: list[tuple[int, int]],
    tol: float,
    among: npt.NDArray[np.int_],
) -> list[Crossing]:
    """Bisect every bracket at once (one batch of weight vectors per step)."""
    p = np.array([a for a, _ in pairs])
    q = np.array([b for _, b in pairs])
    rows = np.arange(len(pairs))
    start = scorer.scores(path_weights(weights, j, lo))[:, among]
    sign_lo = np.sign(start[rows, p] - start[rows, q])
    while float(np.max(hi - lo)) > tol:
        mid = 0.5 * (lo + hi)
        s = scorer.scores(path_weights(weights, j, mid))[:, among]
        d = s[rows, p] - s[rows, q]
        mag = np.maximum(np.abs(s[rows, p]), np.abs(s[rows, q]))
        tie = np.abs(d) <= TIE_RTOL * mag
        same = (np.sign(d) == sign_lo) & ~tie
        lo = np.where(same, mid, lo)
        hi = np.where(same, hi, mid)
        lo = np.where(tie, mid, lo)  # an exact tie: the crossing is here
        hi = np.where(tie, mid, hi)
    t = 0.5 * (lo + hi)
    return [Crossing(float(t[r]), int(p[r]), int(q[r])) for r in rows]
