"""Per-criterion contributions to a ranking's scores: why a candidate scores what it scores.

:func:`contributions` breaks each candidate's score down by criterion, with the same
normalisation and settings as :func:`methods.registry.rank` (it calls the kernels' own
``prepare`` functions, so the two cannot drift apart):

``additive`` (``wsm``, ``ahp``)
    The score is ``sum_j w_j r_ij`` (``r``: the normalised matrix, or AHP's local
    priorities), so ``values[i, j] = w_j r_ij`` and each row sums to the score exactly.
``topsis``
    ``S+_i² = sum_j w_j² (r_ij - r+_j)²`` and ``S-_i² = sum_j w_j² (r_ij - r-_j)²``, so the
    terms ``to_ideal`` and ``to_anti_ideal`` split the squared distances exactly. ``values``
    is their difference, a criterion's net pull towards the ideal (rows sum to S-² − S+²).
``indicative`` (every other method)
    The score is not a sum over criteria; ``values[i, j] = w_j × the min-max position of
    candidate i on criterion j`` (cost criteria turned round, 1 best) shows where a candidate
    gains and loses, and ``exact`` is False.

References
----------
Hwang, C.-L. and Yoon, K. (1981). *Multiple Attribute Decision Making*. Springer,
pp. 99-103 (SAW) and 128-140 (TOPSIS). Saaty, T. L. (1980). *The Analytic Hierarchy
Process*. McGraw-Hill (distributive and ideal synthesis).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np
import numpy.typing as npt

from clusterrank.i18n import _
from clusterrank.methods.ahp.synthesis import problem_local_priorities
from clusterrank.methods.normalization import normalize
from clusterrank.methods.problem import DecisionProblem
from clusterrank.methods.registry import resolve_method
from clusterrank.methods.result import FloatArray
from clusterrank.methods.topsis import prepare_problem as prepare_topsis_problem
from clusterrank.methods.validation import check_weights
from clusterrank.methods.weighted_sum import prepare_problem as prepare_wsm_problem

KINDS: tuple[str, ...] = ("additive", "topsis", "indicative")


@dataclass(frozen=True)
class Contributions:
    """What each criterion adds to each candidate's score under one method.

    Attributes
    ----------
    method
        Registry name, e.g. ``"topsis"``.
    kind
        ``"additive"``, ``"topsis"`` or ``"indicative"``.
    candidates, criteria
        Ids in the problem's order (rows and columns of the arrays).
    values
        m×n, the per-criterion contribution shown in charts (see :attr:`description`).
    to_ideal, to_anti_ideal
        TOPSIS only: m×n weighted squared distance per criterion from the ideal and the
        anti-ideal point; rows sum to S+² and S-². ``None`` for the other kinds.
    description
        One plain sentence saying what ``values`` are.
    exact
        True when ``values`` decompose the score exactly (additive and topsis).
    settings
        The method's settings used, defaults included.
    """

    method: str
    kind: str
    candidates: tuple[str, ...]
    criteria: tuple[str, ...]
    values: FloatArray
    to_ideal: FloatArray | None
    to_anti_ideal: FloatArray | None
    description: str
    exact: bool
    settings: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "settings", MappingProxyType(dict(self.settings)))
        for name in ("values", "to_ideal", "to_anti_ideal"):
            arr = getattr(self, name)
            if arr is not None:
                frozen = np.array(arr, dtype=float)
                frozen.setflags(write=False)
                object.__setattr__(self, name, frozen)

    def of(self, candidate: str) -> FloatArray:
        """The contributions (one per criterion) of one candidate id."""
        return self.values[self.candidates.index(candidate)]

    def row(self, candidate: str) -> dict[str, float]:
        """Criterion id -> contribution for one candidate id."""
        return {c: float(v) for c, v in zip(self.criteria, self.of(candidate), strict=True)}


def contributions(
    problem: DecisionProblem,
    weights: npt.ArrayLike | None,
    method: str,
    settings: Mapping[str, Any] | None = None,
) -> Contributions:
    """Per-criterion contributions of every candidate under ``method``.

    Parameters
    ----------
    problem
        The validated problem the ranking used.
    weights
        n weights >= 0 (``None``: equal), rescaled to sum 1 as :func:`methods.registry.rank`
        does.
    method, settings
        As for :func:`methods.registry.rank`; unknown names raise
        :class:`~errors.ConfigurationError`.

    Returns
    -------
    Contributions
        See the module docstring for the three kinds.
    """
    info, full = resolve_method(method, settings)
    w, _notes = check_weights(weights, problem.shape[1], problem.criteria)
    ids = (problem.candidates, problem.criteria)
    if info.name == "topsis":
        return _topsis(problem, w, full)
    if info.name == "wsm":
        r = prepare_wsm_problem(problem, full["normalization"]).normalized
        text = _(
            "Weighted sum, {normalization} normalisation: each value is a criterion's "
            "weight times the candidate's normalised value (larger is better); a candidate's "
            "values add up to its score."
        ).format(normalization=full["normalization"])
        return Contributions("wsm", "additive", *ids, w * r, None, None, text, True, full)
    if info.name == "ahp":
        local, _more = problem_local_priorities(problem, full["mode"])
        text = _(
            "AHP synthesis, {mode} mode: each value is a criterion's weight times the "
            "candidate's local priority under it; a candidate's values add up to its score."
        ).format(mode=full["mode"])
        return Contributions("ahp", "additive", *ids, w * local, None, None, text, True, full)
    position, _more = normalize(problem.values, "minmax", problem.directions)
    text = _(
        "{method}'s score is not a sum over criteria: each value is a criterion's weight "
        "times the candidate's min-max position on it (1 = best among the candidates), a "
        "guide to where it gains and loses, not an exact breakdown."
    ).format(method=info.title_text)
    return Contributions(info.name, "indicative", *ids, w * position, None, None, text, False, full)


def _topsis(problem: DecisionProblem, w: FloatArray, full: dict[str, Any]) -> Contributions:
    """TOPSIS: each criterion's share of the squared weighted distances, and its net pull."""
    prepared = prepare_topsis_problem(problem, full["normalization"])
    w2 = w**2
    to_ideal = w2 * prepared.sq_to_ideal
    to_anti = w2 * prepared.sq_to_anti_ideal
    text = _(
        "TOPSIS, {normalization} normalisation: each value is a criterion's net pull "
        "towards the ideal, its weighted squared distance from the anti-ideal point minus "
        "that from the ideal point; a candidate's values add up to S-² − S+²."
    ).format(normalization=full["normalization"])
    return Contributions(
        "topsis",
        "topsis",
        problem.candidates,
        problem.criteria,
        to_anti - to_ideal,
        to_ideal,
        to_anti,
        text,
        True,
        full,
    )
