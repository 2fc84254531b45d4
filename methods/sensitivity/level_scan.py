"""Where the winner, the top k or the ranking first changes along one criterion's path.

Criterion j's weight moves along ``w(t) = t e_j + (1 - t) u_j``
(:mod:`methods.sensitivity.common`). For each level (winner, top k, whole ranking) and each
side of the current weight ``t0 = w_j`` the first change is found in two steps:

1. **Scan.** The ranks on a grid of ``grid`` points in [0, 1] are compared with the ranks at
   ``t0``, chunk by chunk (only one boolean per grid point and level is kept). The first grid
   point beyond ``t0`` where the level differs, and the point before it (or ``t0``), bracket
   the change.
2. **Bisect.** The predicate "the level is as at ``t0``" is bisected to ``tol`` in every
   bracket of the criterion at once: one scorer call per step with one weight vector per
   bracket (at most six). For methods linear in the weights the bound is then made exact:
   the pairs whose order differs across the final bracket cross at
   ``t* = d0 / (d0 - d1)`` (:mod:`methods.sensitivity.crossings`), and the crossing nearest
   the inside of the bracket is the bound.

Work per criterion is ``(grid + 6 log2(1 / (grid tol))) · m · n`` plus the sorts, memory one
chunk of grid scores: it grows like m · n, never like m², however many candidates' scores
cross elsewhere on the path. As before, a change that reverses inside one grid cell (a pair
crossing twice between two grid points) is not seen; the grid is echoed so a user can refine
it. Methods linear in the weights cannot cross twice, so for them the scan misses nothing.

References
----------
Triantaphyllou, E. and Sánchez, A. (1997). A sensitivity analysis approach for some
deterministic multi-criteria decision-making methods. *Decision Sciences* 28(1), 151-194.
Press, W. H. et al. (2007). *Numerical Recipes*, 3rd ed., Cambridge University Press, sec. 9.1
(bracketing and bisection).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from clusterrank.methods.registry import BatchScorer
from clusterrank.methods.result import FloatArray, IntArray
from clusterrank.methods.sensitivity.common import competition_ranks, path_weights
from clusterrank.methods.sensitivity.crossings import pair_crossing_times
from clusterrank.methods.sensitivity.limits import CHUNK_BYTES

BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class Level:
    """What must hold: the set ranked ``k`` or better (``k = m``: the whole ranking)."""

    name: str
    k: int
    whole: bool = False

    def same(self, ranks: IntArray, base: IntArray) -> BoolArray:
        """Per row of ``ranks`` (N, m): whether this level is as in ``base``."""
        if self.whole:
            return np.asarray(np.all(ranks == base, axis=1))
        return np.asarray(np.all((ranks <= self.k) == (base <= self.k), axis=1))


@dataclass(frozen=True)
class Bound:
    """One end of a level's interval and the ranks just past it.

    ``None``: no change up to 0 or 1.
    """

    at: float
    beyond: IntArray | None


@dataclass(frozen=True)
class LevelInterval:
    """One stability level's interval: its ``lower`` and ``upper`` :class:`Bound`."""

    level: Level
    lower: Bound
    upper: Bound


@dataclass
class _Brackets:
    """Open brackets ``(level, side)``.

    The predicate is true at ``inside`` and false at ``outside``.
    """

    level: list[int]
    side: list[int]  # +1: above t0, -1: below
    inside: FloatArray
    outside: FloatArray


def scan_levels(
    scorer: BatchScorer,
    weights: FloatArray,
    j: int,
    levels: Sequence[Level],
    *,
    grid: int,
    tol: float,
    linear: bool,
) -> tuple[IntArray, list[LevelInterval]]:
    """Ranks at the current weight and each level's interval along criterion ``j``'s path."""
    t0 = float(weights[j])
    base = _ranks(scorer, weights, j, [t0])[0]
    ts = np.linspace(0.0, 1.0, max(2, int(grid)))
    same = _scan(scorer, weights, j, ts, base, levels)
    br = _open(ts, t0, same)
    moved_in, moved_out = _bisect(scorer, weights, j, br, base, levels, tol)
    ends = _finish(scorer, weights, j, br, moved_in, moved_out, linear)
    found: dict[tuple[int, int], Bound] = dict(
        zip(zip(br.level, br.side, strict=True), ends, strict=True)
    )
    out = []
    for li, lv in enumerate(levels):
        lower = found.get((li, -1), Bound(0.0, None))
        upper = found.get((li, +1), Bound(1.0, None))
        out.append(LevelInterval(lv, lower, upper))
    return base, out


def _ranks(scorer: BatchScorer, weights: FloatArray, j: int, t: npt.ArrayLike) -> IntArray:
    scores = scorer.scores(path_weights(weights, j, t))
    return np.asarray(competition_ranks(scores, scorer.higher_is_better))


def _scan(
    scorer: BatchScorer,
    weights: FloatArray,
    j: int,
    ts: FloatArray,
    base: IntArray,
    levels: Sequence[Level],
) -> BoolArray:
    """(levels, grid) booleans: whether the level at each grid point is as at ``t0``."""
    m = base.size
    rows = max(1, CHUNK_BYTES // (48 * m))  # scores, keys, order, ranks and temporaries
    same = np.empty((len(levels), ts.size), dtype=bool)
    for start in range(0, ts.size, rows):
        ranks = _ranks(scorer, weights, j, ts[start : start + rows])
        for li, lv in enumerate(levels):
            same[li, start : start + ranks.shape[0]] = lv.same(ranks, base)
    return same


def _open(ts: FloatArray, t0: float, same: BoolArray) -> _Brackets:
    """The bracket of the first grid point on each side of ``t0`` where a level changes."""
    level: list[int] = []
    side: list[int] = []
    inside: list[float] = []
    outside: list[float] = []
    for li in range(same.shape[0]):
        up = np.flatnonzero((ts > t0) & ~same[li])
        if up.size:
            g = int(up[0])
            level.append(li)
            side.append(+1)
            inside.append(max(t0, float(ts[g - 1])))
            outside.append(float(ts[g]))
        down = np.flatnonzero((ts < t0) & ~same[li])
        if down.size:
            g = int(down[-1])
            level.append(li)
            side.append(-1)
            inside.append(min(t0, float(ts[g + 1])))
            outside.append(float(ts[g]))
    return _Brackets(level, side, np.array(inside), np.array(outside))


def _bisect(
    scorer: BatchScorer,
    weights: FloatArray,
    j: int,
    br: _Brackets,
    base: IntArray,
    levels: Sequence[Level],
    tol: float,
) -> tuple[BoolArray, BoolArray]:
    """Halve every bracket until it is at most ``tol`` wide; one scorer call per step."""
    count = len(br.level)
    moved_in = np.zeros(count, dtype=bool)
    moved_out = np.zeros(count, dtype=bool)
    if count == 0:
        return moved_in, moved_out
    while True:
        active = np.abs(br.outside - br.inside) > tol
        if not active.any():
            return moved_in, moved_out
        rows = np.flatnonzero(active)
        mid = 0.5 * (br.inside[rows] + br.outside[rows])
        ranks = _ranks(scorer, weights, j, mid)
        for r, row in enumerate(rows):
            lv = levels[br.level[row]]
            if lv.same(ranks[r : r + 1], base)[0]:
                br.inside[row] = mid[r]
                moved_in[row] = True
            else:
                br.outside[row] = mid[r]
                moved_out[row] = True


def _finish(
    scorer: BatchScorer,
    weights: FloatArray,
    j: int,
    br: _Brackets,
    moved_in: BoolArray,
    moved_out: BoolArray,
    linear: bool,
) -> list[Bound]:
    """Each bracket's bound and the ranks just past it.

    A bound whose outside end never moved is that end (a grid point, 0 or 1: the change lies
    within ``tol`` inside it, or there, as for a tie at the grid point); one whose inside end
    never moved is the inside end (``t0``: a tie at the current weight); otherwise the
    midpoint. Linear methods get the exact crossing instead.
    """
    count = len(br.level)
    if count == 0:
        return []
    width = br.outside - br.inside
    beyond_t = np.clip(br.outside + width, 0.0, 1.0)
    at = np.where(~moved_out, br.outside, np.where(~moved_in, br.inside, br.inside + 0.5 * width))
    points = np.concatenate([beyond_t, br.inside, br.outside])
    scores = scorer.scores(path_weights(weights, j, points))
    ranks = np.asarray(competition_ranks(scores, scorer.higher_is_better))
    if linear:
        at, ranks = _exact(scorer, weights, j, br, at, beyond_t, scores, ranks)
    return [Bound(float(at[b]), ranks[b]) for b in range(count)]


def _exact(
    scorer: BatchScorer,
    weights: FloatArray,
    j: int,
    br: _Brackets,
    at: FloatArray,
    beyond_t: FloatArray,
    scores: FloatArray,
    ranks: IntArray,
) -> tuple[FloatArray, IntArray]:
    """Bounds of linear methods at the exact crossings.

    Each bound is at the exact crossing nearest the bracket's inside, and the ranks are taken midway
    to the next crossing (every crossing between the inside and the point beyond is seen, as linear
    scores cross at most once).
    """
    count = len(br.level)
    ends = scorer.scores(path_weights(weights, j, [0.0, 1.0]))
    at = at.copy()
    redo: dict[int, float] = {}
    for b in range(count):
        times = pair_crossing_times(ends[0], ends[1], scores[count + b], scores[b])
        times = np.clip(times, 0.0, 1.0) * br.side[b]  # oriented: larger is further out
        start, stop = br.inside[b] * br.side[b], br.outside[b] * br.side[b]
        near = times[(times >= start - 1e-12) & (times <= stop + 1e-12)]
        if not near.size:
            continue
        pick = float(near.min())
        at[b] = abs(pick)
        later = times[times > pick + 1e-12]
        if later.size:
            redo[b] = abs(0.5 * (pick + float(later.min())))
    if redo:
        rows = list(redo)
        again = scorer.scores(path_weights(weights, j, [redo[b] for b in rows]))
        ranks = ranks.copy()
        ranks[rows] = competition_ranks(again, scorer.higher_is_better)
    return at, ranks
