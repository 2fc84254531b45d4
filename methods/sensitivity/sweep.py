"""One-at-a-time weight sweeps: every candidate's score and rank as one weight goes 0 -> 1.

Criterion j's weight runs over a grid from 0 to 1 while the other weights keep their
proportions (``w(t) = t e_j + (1 - t) u_j``, :mod:`methods.sensitivity.common`). The grid
also holds the current weight (so the current ranking is one of its rows) and every exact
breakpoint where two candidates' scores cross (:mod:`methods.sensitivity.crossings`), so a
chart drawn from it shows each rank change at its true place.

References
----------
Triantaphyllou, E. and Sánchez, A. (1997). A sensitivity analysis approach for some
deterministic multi-criteria decision-making methods. *Decision Sciences* 28(1), 151-194.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from clusterrank.errors import MethodInputError
from clusterrank.i18n import N_, _, formats
from clusterrank.methods.problem import DecisionProblem
from clusterrank.methods.registry import BatchScorer
from clusterrank.methods.result import FloatArray, IntArray
from clusterrank.methods.sensitivity.common import (
    competition_ranks,
    make_scorer,
    path_base,
    path_weights,
)
from clusterrank.methods.sensitivity.crossings import Crossing, path_crossings
from clusterrank.methods.sensitivity.limits import MAX_GRID, check_count, check_memory
from clusterrank.methods.validation import check_weights

ALL_PAIRS_UP_TO = 50
"""Up to this many candidates every pair's crossings are breakpoints; beyond it (the number
of crossings grows like m²) only pairs among the candidates reaching the leading ranks."""
LEADING_RANKS = 10
"""With more than :data:`ALL_PAIRS_UP_TO` candidates, breakpoints are listed among those
ranked this well or better somewhere on the path."""


@dataclass(frozen=True)
class CriterionSweep:
    """Scores and ranks along one criterion's path.

    Attributes
    ----------
    criterion
        Criterion id.
    current
        Its current weight (a row of ``t``).
    t
        Weights of the criterion along the path, ascending: the grid, the current weight and
        every breakpoint.
    scores, ranks
        (len(t), m) scores and competition ranks (1 = best) at each ``t``.
    breakpoints
        Every crossing of two candidates' scores in [0, 1] (weight, candidate ids).
    how
        ``analytic`` or the bisection settings used to find the breakpoints.
    """

    criterion: str
    current: float
    t: FloatArray
    scores: FloatArray
    ranks: IntArray
    breakpoints: tuple[tuple[float, str, str], ...]
    how: str

    @property
    def current_index(self) -> int:
        """Index of the current weight in the grid ``t``."""
        return int(np.flatnonzero(self.t == self.current)[0])


@dataclass(frozen=True)
class SweepResult:
    """Sweeps of the requested criteria, with the settings used."""

    method: str
    candidates: tuple[str, ...]
    criteria: tuple[str, ...]
    weights: FloatArray
    higher_is_better: bool
    sweeps: tuple[CriterionSweep, ...]
    settings: Mapping[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "settings", MappingProxyType(dict(self.settings)))

    def get(self, criterion: str) -> CriterionSweep:
        """The sweep of ``criterion``.

        Raises
        ------
        MethodInputError
            No criterion of that id was swept.
        """
        for s in self.sweeps:
            if s.criterion == criterion:
                return s
        msg = _("no sweep for criterion {criterion!r}; swept: {swept}").format(
            criterion=criterion, swept=[s.criterion for s in self.sweeps]
        )
        raise MethodInputError(msg)

    def to_frame(self) -> pd.DataFrame:
        """Long format for charts.

        ``criterion, weight, id, score, rank, is_current, is_breakpoint``.
        """
        frames = []
        m = len(self.candidates)
        for s in self.sweeps:
            marks = {b[0] for b in s.breakpoints}
            frames.append(
                pd.DataFrame(
                    {
                        "criterion": s.criterion,
                        "weight": np.repeat(s.t, m),
                        "id": np.tile(list(self.candidates), len(s.t)),
                        "score": s.scores.ravel(),
                        "rank": s.ranks.ravel(),
                        "is_current": np.repeat(s.t == s.current, m),
                        "is_breakpoint": np.repeat([t in marks for t in s.t], m),
                    }
                )
            )
        return pd.concat(frames, ignore_index=True)

    def breakpoints_frame(self) -> pd.DataFrame:
        """``criterion, weight, first, second``: where two candidates' scores cross."""
        rows = [
            {"criterion": s.criterion, "weight": t, "first": a, "second": b}
            for s in self.sweeps
            for t, a, b in s.breakpoints
        ]
        return pd.DataFrame(rows, columns=["criterion", "weight", "first", "second"])


def sweep(
    matrix: npt.ArrayLike | DecisionProblem,
    weights: npt.ArrayLike | None,
    directions: Sequence[str | int] | npt.ArrayLike | None = None,
    method: str = "topsis",
    *,
    settings: Mapping[str, Any] | None = None,
    which: Sequence[str] | None = None,
    points: int = 101,
    candidates: Sequence[str] | None = None,
    criteria: Sequence[str] | None = None,
    grid: int = 201,
    tol: float = 1e-6,
) -> SweepResult:
    """Sweep each criterion's weight from 0 to 1, the others rescaled in proportion.

    Parameters
    ----------
    matrix, weights, directions, method, settings
        The decision problem and ranking method, as for :func:`methods.registry.rank`.
    which
        Criterion ids to sweep (default: all).
    points
        Evenly spaced grid points in [0, 1] (the current weight and breakpoints are added).
    grid, tol
        Bracketing grid and bisection tolerance for breakpoints of nonlinear methods.

    References
    ----------
    Triantaphyllou and Sánchez (1997).
    """
    problem = DecisionProblem.of(matrix, directions, candidates=candidates, criteria=criteria)
    (m, n), cand, crit = problem.shape, problem.candidates, problem.criteria
    if n < 2:
        msg = _(
            "a weight sweep needs at least 2 criteria (got {n}): one weight cannot move"
        ).format(n=n)
        raise MethodInputError(msg)
    if isinstance(points, int) and points < 2:
        msg = _("'points' must be at least 2 (got {given})").format(given=points)
        raise MethodInputError(msg)
    w, notes = check_weights(weights, n)
    chosen = list(crit) if which is None else [str(c) for c in which]
    unknown = [c for c in chosen if c not in crit]
    if unknown:
        msg = _("cannot sweep unknown criteria {unknown}; criteria are {criteria}").format(
            unknown=unknown, criteria=list(crit)
        )
        raise MethodInputError(msg)
    check_count(points, MAX_GRID, _("points"), "'points'")
    check_count(grid, MAX_GRID, _("grid points"), "'grid'")
    check_memory(
        16 * m * (points + 1) * len(chosen),
        _("sweeping {count} criteria over {points} points for {m} candidates").format(
            count=len(chosen), points=points, m=formats.integer(m)
        ),
        _("sweep fewer criteria at a time"),
    )
    scorer = make_scorer(method, problem, None, dict(settings or {}))
    sweeps = []
    for label in chosen:
        j = crit.index(label)
        notes += [f"{label}: {t}" for t in path_base(w, j)[1]]
        among = _leaders(scorer, w, j, points) if m > ALL_PAIRS_UP_TO else None
        if among is not None:
            notes.append(
                _(
                    "{criterion}: breakpoints are those among the {count} candidates reaching "
                    "rank {rank} or better somewhere on this path (of {m}); crossings "
                    "further down the ranking are not listed"
                ).format(criterion=label, count=among.size, rank=LEADING_RANKS, m=m)
            )
        found = path_crossings(scorer, w, j, grid=grid, tol=tol, among=among)
        breaks = [c.t for c in found.crossings]
        t = np.unique(np.concatenate([np.linspace(0, 1, points), [w[j]], breaks]))
        scores = scorer.scores(path_weights(w, j, t))
        sweeps.append(
            CriterionSweep(
                criterion=label,
                current=float(w[j]),
                t=t,
                scores=scores,
                ranks=competition_ranks(scores, scorer.higher_is_better),
                breakpoints=tuple(_named(c, cand) for c in found.crossings),
                how=found.how,
            )
        )
    echoed = {"method": scorer.method, **dict(scorer.settings), "points": points, "grid": grid}
    echoed |= {"tol": tol, "path": N_("one weight moves, the others keep their proportions")}
    return SweepResult(
        scorer.method, cand, crit, w, scorer.higher_is_better, tuple(sweeps), echoed, tuple(notes)
    )


def _leaders(scorer: BatchScorer, w: FloatArray, j: int, points: int) -> IntArray:
    """Rows of the candidates ranked :data:`LEADING_RANKS` or better at some grid point."""
    t = np.append(np.linspace(0, 1, points), w[j])
    ranks = competition_ranks(scorer.scores(path_weights(w, j, t)), scorer.higher_is_better)
    return np.flatnonzero((ranks <= LEADING_RANKS).any(axis=0))


def _named(c: Crossing, cand: tuple[str, ...]) -> tuple[float, str, str]:
    return (c.t, cand[c.first], cand[c.second])
