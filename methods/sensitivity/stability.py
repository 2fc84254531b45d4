"""Weight stability intervals: how far one weight can move before the result changes.

For each criterion j the weight moves along ``w(t) = t e_j + (1 - t) u_j`` (the other
weights keep their proportions, :mod:`methods.sensitivity.common`). The interval reported is
the largest ``[lower, upper]`` around the current weight ``w_j`` such that for every t strictly
inside it the winner (the set of candidates ranked 1), the top k (the set ranked k or better;
order within it may change) or the whole ranking is the same as at ``w_j``.

Only the first change on each side of ``w_j`` matters, so it is found directly
(:mod:`methods.sensitivity.level_scan`): a grid scan of the ranks brackets it, a bisection
narrows it to ``tol`` (all brackets of a criterion in one batch per step), and for methods
linear in the weights the bound is the exact crossing of the pair that swaps there. Work and
memory grow like m · n per criterion, not like the number of pairs that cross elsewhere.

References
----------
Triantaphyllou, E. and Sánchez, A. (1997). A sensitivity analysis approach for some
deterministic multi-criteria decision-making methods. *Decision Sciences* 28(1), 151-194.
Mareschal, B. (1988). Weight stability intervals in multicriteria decision aid. *European
Journal of Operational Research* 33(1), 54-64.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from clusterrank.errors import MethodInputError
from clusterrank.i18n import N_, _, setting_pairs
from clusterrank.methods.problem import DecisionProblem
from clusterrank.methods.registry import BatchScorer
from clusterrank.methods.result import FloatArray, IntArray
from clusterrank.methods.sensitivity.common import (
    competition_ranks,
    how_found,
    is_linear,
    make_scorer,
    path_base,
)
from clusterrank.methods.sensitivity.level_scan import Level, scan_levels
from clusterrank.methods.sensitivity.limits import MAX_GRID, check_count
from clusterrank.methods.validation import check_weights

Progress = Callable[[int, int], bool | None]


@dataclass(frozen=True)
class StabilityInterval:
    """One criterion, one level (``winner``, ``top k`` or ``ranking``): where it holds."""

    criterion: str
    weight: float
    level: str
    lower: float
    upper: float
    change_below: str
    change_above: str
    how: str

    def first_change(self) -> tuple[float, str, str]:
        """Distance to the nearer bound where something changes, its side and what changes.

        A bound at 0 or 1 where nothing changes does not count (a small weight is not
        fragile just because it is small). ``(inf, "", "")`` when the level holds over the
        whole of [0, 1].
        """
        options: list[tuple[float, str, str]] = []
        if self.change_below:
            options.append((self.weight - self.lower, "down", self.change_below))
        if self.change_above:
            options.append((self.upper - self.weight, "up", self.change_above))
        if not options:
            return math.inf, "", ""
        return min(options, key=lambda o: o[0])

    @property
    def margin(self) -> float:
        """How far the weight can move before the level changes (inf: it never does)."""
        return self.first_change()[0]


@dataclass(frozen=True)
class StabilityResult:
    """Stability intervals of every criterion at every level, with the settings used."""

    method: str
    candidates: tuple[str, ...]
    criteria: tuple[str, ...]
    weights: FloatArray
    current_ranks: IntArray
    intervals: tuple[StabilityInterval, ...]
    settings: Mapping[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "settings", MappingProxyType(dict(self.settings)))
        for name in ("weights", "current_ranks"):
            arr = np.array(getattr(self, name))
            arr.setflags(write=False)
            object.__setattr__(self, name, arr)

    def to_frame(self) -> pd.DataFrame:
        """One row per criterion and level, with both bounds and the change beyond each."""
        rows = [
            {
                "criterion": iv.criterion,
                "weight": iv.weight,
                "level": iv.level,
                "lower": iv.lower,
                "upper": iv.upper,
                "margin": iv.margin if math.isfinite(iv.margin) else None,
                "change_below": iv.change_below,
                "change_above": iv.change_above,
                "how": iv.how,
            }
            for iv in self.intervals
        ]
        return pd.DataFrame(rows)

    def levels(self) -> list[str]:
        """The levels analysed, in order, each once."""
        return list(dict.fromkeys(iv.level for iv in self.intervals))

    def most_fragile(self, level: str = "winner") -> StabilityInterval | None:
        """The criterion whose weight changes ``level`` after the smallest move.

        ``None`` when no single weight, moved anywhere in [0, 1], changes it. Ties go to the
        criterion listed first.
        """
        found = [iv for iv in self.intervals if iv.level == level]
        if not found:
            msg = _("no stability level {level!r}; levels are {levels}").format(
                level=level, levels=self.levels()
            )
            raise MethodInputError(msg)
        order = {c: k for k, c in enumerate(self.criteria)}
        changing = [iv for iv in found if math.isfinite(iv.margin)]
        if not changing:
            return None
        return min(changing, key=lambda iv: (iv.margin, order.get(iv.criterion, 0)))

    def settings_text(self) -> str:
        """``stability (key=value, ...)`` for captions."""
        listed = setting_pairs(self.settings)
        return _("stability ({settings})").format(settings=listed)


def stability_intervals(
    matrix: npt.ArrayLike | DecisionProblem,
    weights: npt.ArrayLike | None,
    directions: Sequence[str | int] | npt.ArrayLike | None = None,
    method: str = "topsis",
    *,
    settings: Mapping[str, Any] | None = None,
    top_k: int = 3,
    candidates: Sequence[str] | None = None,
    criteria: Sequence[str] | None = None,
    grid: int = 201,
    tol: float = 1e-6,
    progress: Progress | None = None,
) -> StabilityResult:
    """Stability interval of each criterion's weight for the winner, the top k, the ranking.

    Parameters
    ----------
    matrix, weights, directions, method, settings
        The decision problem and ranking method, as for :func:`methods.registry.rank`.
    top_k
        Size of the leading group checked at the ``top k`` level (skipped when k <= 1 or
        k >= m, where it would repeat another level).
    grid, tol
        Scanning grid (at most :data:`~methods.sensitivity.limits.MAX_GRID` points) and
        bisection tolerance (:mod:`methods.sensitivity.level_scan`).
    progress
        Called as ``progress(done, total)`` after each criterion; returning ``False`` stops
        and the result covers the criteria done (noted).

    References
    ----------
    Triantaphyllou and Sánchez (1997); Mareschal (1988).
    """
    problem = DecisionProblem.of(matrix, directions, candidates=candidates, criteria=criteria)
    (m, n), cand, crit = problem.shape, problem.candidates, problem.criteria
    if n < 2:
        msg = _(
            "weight stability needs at least 2 criteria (got {n}): one weight cannot move"
        ).format(n=n)
        raise MethodInputError(msg)
    check_count(grid, MAX_GRID, _("grid points"), "'grid'")
    if not (isinstance(tol, int | float) and 0 < tol < 1):
        msg = _("'tol' must be a number between 0 and 1 (got {given!r})").format(given=tol)
        raise MethodInputError(msg)
    w, notes = check_weights(weights, n)
    scorer = make_scorer(method, problem, None, dict(settings or {}))
    current = competition_ranks(scorer.scores(w)[0], scorer.higher_is_better)
    levels = [Level("winner", 1)]
    if 1 < top_k < m:
        levels.append(Level(f"top {top_k}", int(top_k)))
    levels.append(Level("ranking", m, whole=True))
    intervals: list[StabilityInterval] = []
    for j in range(n):
        notes += [f"{crit[j]}: {t}" for t in path_base(w, j)[1]]
        intervals += _criterion(scorer, w, j, crit[j], cand, levels, grid, tol)
        if progress is not None and progress(j + 1, n) is False and j + 1 < n:
            note = _("stopped early: {done} of {total} criteria were analysed")
            notes.append(note.format(done=j + 1, total=n))
            break
    echoed = {"method": scorer.method, **dict(scorer.settings), "top_k": top_k, "grid": grid}
    echoed |= {"tol": tol, "path": N_("one weight moves, the others keep their proportions")}
    return StabilityResult(
        scorer.method, cand, crit, w, current, tuple(intervals), echoed, tuple(notes)
    )


def _criterion(
    scorer: BatchScorer,
    w: FloatArray,
    j: int,
    label: str,
    cand: tuple[str, ...],
    levels: list[Level],
    grid: int,
    tol: float,
) -> list[StabilityInterval]:
    linear = is_linear(scorer, w, j)
    how = how_found(linear, tol, grid)
    base, found = scan_levels(scorer, w, j, levels, grid=grid, tol=tol, linear=linear)
    return [
        StabilityInterval(
            criterion=label,
            weight=float(w[j]),
            level=iv.level.name,
            lower=iv.lower.at,
            upper=iv.upper.at,
            change_below=_describe(base, iv.lower.beyond, iv.level, cand),
            change_above=_describe(base, iv.upper.beyond, iv.level, cand),
            how=how,
        )
        for iv in found
    ]


def _describe(base: IntArray, new: IntArray | None, level: Level, cand: tuple[str, ...]) -> str:
    if new is None:
        return ""
    if level.whole:
        moved = [cand[i] for i in np.flatnonzero(new != base)]
        if len(moved) == 2:
            return _("{first} and {second} swap places").format(first=moved[0], second=moved[1])
        return _("ranks change: {candidates}").format(candidates=", ".join(moved))
    k = level.k
    inside = {cand[i] for i in np.flatnonzero(base <= k)}
    after = {cand[i] for i in np.flatnonzero(new <= k)}
    if level.name == "winner":
        together = _(" and ").join(sorted(after))
        if len(after) > 1:
            return _("{candidates} tie for first").format(candidates=together)
        return _("{candidate} ranks first").format(candidate=together)
    parts = [_("{candidate} enters").format(candidate=c) for c in sorted(after - inside)]
    parts += [_("{candidate} leaves").format(candidate=c) for c in sorted(inside - after)]
    return ", ".join(parts)
