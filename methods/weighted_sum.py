"""Weighted sum (WSM / SAW), and the synthesis kernel AHP shares with it.

The score of candidate i is ``sum_j w_j r_ij`` over a normalised matrix ``r`` in which a larger
value is always better. It is linear in the weights, so a batch of N weight vectors is one
matrix product ``W @ r.T`` (:func:`weighted_sum_batch`). AHP's global priorities are the same
product over its local-priority matrix.

References
----------
Fishburn, P. C. (1967). Additive utilities with incomplete product sets: application to
priorities and assignments. *Operations Research Society of America (ORSA)*.
Hwang, C.-L. and Yoon, K. (1981). *Multiple Attribute Decision Making: Methods and
Applications*. Springer, pp. 99-103 (Simple Additive Weighting).
Saaty, T. L. (1980). *The Analytic Hierarchy Process*. McGraw-Hill (distributive synthesis).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from clusterrank.errors import ConfigurationError
from clusterrank.i18n import N_
from clusterrank.methods.info import MethodInfo, SettingInfo
from clusterrank.methods.normalization import NORMALIZATIONS, normalize
from clusterrank.methods.problem import DecisionProblem, checked_inputs
from clusterrank.methods.result import FloatArray, RankingResult, result_from_scores
from clusterrank.methods.validation import check_directions, check_matrix

WSM_NORMALIZATIONS: tuple[str, ...] = NORMALIZATIONS
WSM_INFO = MethodInfo(
    name="wsm",
    title=N_("Weighted sum (WSM / SAW)"),
    kind="ranking",
    implementation="clusterrank",
    reference="Hwang, C.-L. and Yoon, K. (1981). Multiple Attribute Decision Making. "
    "Springer, pp. 99-103.",
    batch=True,
    settings={
        "normalization": SettingInfo(
            "minmax", WSM_NORMALIZATIONS, N_("cost criteria are turned round so 1 is best")
        )
    },
    description=N_("Weighted sum of normalised criterion values."),
)


@dataclass(frozen=True)
class WsmPrepared:
    """A decision matrix normalised for the weighted sum (larger is better in every column).

    Attributes
    ----------
    normalized
        m×n matrix with cost columns turned round.
    normalization
        The scheme used.
    notes
        Notes from normalisation (degenerate columns).
    """

    normalized: FloatArray
    normalization: str
    notes: tuple[str, ...] = ()


def weighted_sum_batch(normalized: npt.ArrayLike, weights: npt.ArrayLike) -> FloatArray:
    """Weighted sums of the rows of ``normalized`` for one or many weight vectors.

    Parameters
    ----------
    normalized
        m×n matrix, larger is better in every column (normalised scores or AHP local
        priorities).
    weights
        Shape (n,) or (N, n); used as given (the callers validate and normalise).

    Returns
    -------
    FloatArray
        Shape (m,) for one weight vector, (N, m) for a batch.

    References
    ----------
    Hwang and Yoon (1981), pp. 99-103; Saaty (1980) for AHP's distributive synthesis.
    """
    r = np.asarray(normalized, dtype=float)
    w = np.asarray(weights, dtype=float)
    return np.asarray(w @ r.T, dtype=float)


def prepare_wsm(
    matrix: npt.ArrayLike,
    directions: Sequence[str | int] | npt.ArrayLike,
    normalization: str = "minmax",
    *,
    labels: Sequence[str] | None = None,
) -> WsmPrepared:
    """Validate ``matrix`` and ``directions`` and normalise with cost columns turned round."""
    x = check_matrix(matrix)
    return _prepare(x, check_directions(directions, x.shape[1]), normalization, labels)


def prepare_problem(problem: DecisionProblem, normalization: str = "minmax") -> WsmPrepared:
    """Normalise a validated problem (trusted) with cost columns turned round."""
    return _prepare(problem.values, problem.directions, normalization, problem.criteria)


def _prepare(
    x: FloatArray, d: npt.NDArray[np.int_], normalization: str, labels: Sequence[str] | None
) -> WsmPrepared:
    if normalization not in WSM_NORMALIZATIONS:
        msg = (
            f"WSM normalization must be one of {', '.join(WSM_NORMALIZATIONS)} "
            f"(got {normalization!r})"
        )
        raise ConfigurationError(msg)
    r, notes = normalize(x, normalization, d, labels=labels)
    r.setflags(write=False)
    return WsmPrepared(r, normalization, tuple(notes))


def wsm(
    matrix: npt.ArrayLike,
    weights: npt.ArrayLike | None,
    directions: Sequence[str | int] | npt.ArrayLike,
    normalization: str = "minmax",
    *,
    candidates: Sequence[str] | None = None,
    criteria: Sequence[str] | None = None,
) -> RankingResult:
    """Rank candidates by the weighted sum of normalised criterion values.

    Parameters
    ----------
    matrix
        m candidates × n criteria, finite.
    weights
        n non-negative weights, not all zero (``None``: equal); rescaled to sum 1 with a note.
    directions
        One direction per criterion.
    normalization
        ``"minmax"`` (default), ``"max"``, ``"sum"`` or ``"vector"``; cost columns are turned
        round as described in :mod:`methods.normalization`.
    candidates, criteria
        Ids for rows and columns (default ``A1..Am`` and ``C1..Cn``).

    Returns
    -------
    RankingResult
        See :func:`rank_problem`.

    References
    ----------
    Hwang and Yoon (1981), pp. 99-103 (Simple Additive Weighting); Fishburn (1967).
    """
    problem, w, notes = checked_inputs(
        matrix, weights, directions, candidates=candidates, criteria=criteria
    )
    return rank_problem(problem, w, normalization, notes=notes)


def rank_problem(
    problem: DecisionProblem,
    weights: FloatArray,
    normalization: str = "minmax",
    *,
    notes: Sequence[str] = (),
) -> RankingResult:
    """The weighted sum on a validated problem with checked weights (summing to 1).

    Returns
    -------
    RankingResult
        ``method="wsm"``, scores (higher is better), settings ``{"normalization": ...}`` and
        details ``normalized``; ``notes`` come first.

    References
    ----------
    Hwang and Yoon (1981), pp. 99-103 (Simple Additive Weighting); Fishburn (1967).
    """
    prepared = prepare_problem(problem, normalization)
    return result_from_scores(
        "wsm",
        problem.candidates,
        problem.criteria,
        weights,
        weighted_sum_batch(prepared.normalized, weights),
        higher_is_better=True,
        settings={"normalization": normalization},
        notes=[*notes, *prepared.notes],
        details={"normalized": prepared.normalized},
    )
