"""TOPSIS: closeness to the ideal solution, vectorised over batches of weight vectors.

A pure kernel (:func:`prepare_problem` once per validated :class:`~methods.problem.DecisionProblem`,
:func:`topsis_batch_scores` per batch of weights), :func:`rank_problem` for one weight vector
(distances computed once, closeness from them), and thin validated wrappers for raw arrays
(:func:`topsis`, :func:`prepare_topsis`) that check their inputs once and call the same kernel.

Because weights are >= 0, the weighted ideal value of criterion j is ``w_j * r+_j``, so the
distance of candidate i from it is ``S+_i = sqrt(sum_j w_j^2 (r_ij - r+_j)^2)``. The squared
differences are stored once; a batch of N weight vectors then costs two matrix products,
``(W**2) @ D+.T`` and ``(W**2) @ D-.T``, with no Python loop over N.

The closeness ``C_i = S-_i / (S+_i + S-_i)`` is undefined when both distances are zero (a
single candidate, every criterion constant, or zero weight on every criterion that varies):
it is then 0.5 by convention — the candidate is as close to the ideal as to the anti-ideal —
and the wrapper says so in a note.

References
----------
Hwang, C.-L. and Yoon, K. (1981). *Multiple Attribute Decision Making: Methods and
Applications*. Lecture Notes in Economics and Mathematical Systems 186, Springer,
pp. 128-140. Textbook TOPSIS uses vector normalisation (the default here); pymcdm's
``TOPSIS`` defaults to min-max normalisation, which can pick a different winner.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from clusterrank.errors import ConfigurationError
from clusterrank.i18n import N_, _
from clusterrank.methods.info import MethodInfo, SettingInfo
from clusterrank.methods.normalization import column_label, normalize
from clusterrank.methods.problem import DecisionProblem, checked_inputs
from clusterrank.methods.result import FloatArray, RankingResult, result_from_scores
from clusterrank.methods.validation import check_directions, check_matrix

TOPSIS_NORMALIZATIONS: tuple[str, ...] = ("vector", "minmax")
TOPSIS_INFO = MethodInfo(
    name="topsis",
    title="TOPSIS",
    kind="ranking",
    implementation="clusterrank",
    reference="Hwang, C.-L. and Yoon, K. (1981). Multiple Attribute Decision Making. "
    "Springer, pp. 128-140.",
    batch=True,
    settings={
        "normalization": SettingInfo(
            "vector", TOPSIS_NORMALIZATIONS, N_("vector is textbook TOPSIS; pymcdm uses minmax")
        )
    },
    description=N_("Closeness to the ideal point relative to the anti-ideal point."),
)


@dataclass(frozen=True)
class TopsisPrepared:
    """Everything TOPSIS needs from one decision matrix, independent of the weights.

    Attributes
    ----------
    normalized
        m×n normalised matrix ``r`` (cost columns not turned round).
    ideal, anti_ideal
        Per criterion, the best and worst normalised value (max/min for benefit criteria,
        min/max for cost criteria), unweighted.
    sq_to_ideal, sq_to_anti_ideal
        m×n squared differences ``(r_ij - r+_j)^2`` and ``(r_ij - r-_j)^2``.
    constant
        Per criterion, True when every candidate has exactly the same value in the data.
    normalization
        The scheme used (``"vector"`` or ``"minmax"``).
    notes
        Notes from normalisation and on constant criteria.
    """

    normalized: FloatArray
    ideal: FloatArray
    anti_ideal: FloatArray
    sq_to_ideal: FloatArray
    sq_to_anti_ideal: FloatArray
    constant: npt.NDArray[np.bool_]
    normalization: str
    notes: tuple[str, ...] = ()


def prepare_topsis(
    matrix: npt.ArrayLike,
    directions: Sequence[str | int] | npt.ArrayLike,
    normalization: str = "vector",
    *,
    labels: Sequence[str] | None = None,
) -> TopsisPrepared:
    """Validate ``matrix`` and ``directions``, then :func:`prepare_problem` without ids.

    The library entry point for raw arrays; ``labels`` (criterion ids) only change how notes
    name the columns.
    """
    x = check_matrix(matrix)
    return _prepare(x, check_directions(directions, x.shape[1]), normalization, labels)


def prepare_problem(problem: DecisionProblem, normalization: str = "vector") -> TopsisPrepared:
    """Normalise a validated problem and store the squared differences from the ideal points.

    Runs once per matrix, not per weight vector; the problem is trusted (checked when built).

    References
    ----------
    Hwang and Yoon (1981), pp. 131-133 (steps 1, 3 and 4 of TOPSIS).
    """
    return _prepare(problem.values, problem.directions, normalization, problem.criteria)


def _prepare(
    x: FloatArray,
    d: npt.NDArray[np.int_],
    normalization: str,
    labels: Sequence[str] | None,
) -> TopsisPrepared:
    """The arithmetic of :func:`prepare_problem` on checked arrays."""
    if normalization not in TOPSIS_NORMALIZATIONS:
        msg = (
            f"TOPSIS normalization must be one of {', '.join(TOPSIS_NORMALIZATIONS)} "
            f"(got {normalization!r})"
        )
        raise ConfigurationError(msg)
    r, notes = normalize(x, normalization, None, labels=labels)
    best = np.where(d > 0, r.max(axis=0), r.min(axis=0))
    worst = np.where(d > 0, r.min(axis=0), r.max(axis=0))
    # judged on the data, not on r: distinct values never earn the note "constant"
    constant = x.max(axis=0) == x.min(axis=0)
    if normalization == "vector" and x.shape[0] > 1:
        # min-max and all-zero columns are already named by normalize()
        for j in np.flatnonzero(constant & np.any(x != 0, axis=0)):
            notes.append(
                _(
                    "{column} is constant across candidates; it does not affect TOPSIS scores"
                ).format(column=column_label(int(j), labels))
            )
    for arr in (r, best, worst, constant):
        arr.setflags(write=False)
    sq_best = (r - best) ** 2
    sq_worst = (r - worst) ** 2
    sq_best.setflags(write=False)
    sq_worst.setflags(write=False)
    return TopsisPrepared(r, best, worst, sq_best, sq_worst, constant, normalization, tuple(notes))


def topsis_distances(
    prepared: TopsisPrepared, weights: npt.ArrayLike
) -> tuple[FloatArray, FloatArray]:
    """Weighted Euclidean distances ``(S+, S-)`` from the ideal and anti-ideal points.

    ``weights`` of shape (n,) give two (m,) arrays; (N, n) give two (N, m) arrays.
    """
    w2 = np.asarray(weights, dtype=float) ** 2
    s_plus = np.sqrt(w2 @ prepared.sq_to_ideal.T)
    s_minus = np.sqrt(w2 @ prepared.sq_to_anti_ideal.T)
    return s_plus, s_minus


def closeness(s_plus: FloatArray, s_minus: FloatArray) -> FloatArray:
    """Relative closeness ``S- / (S+ + S-)``; 0.5 where both distances are zero.

    References
    ----------
    Hwang and Yoon (1981), p. 133 (step 5, relative closeness to the ideal solution).
    """
    total = s_plus + s_minus
    return np.divide(s_minus, total, out=np.full_like(total, 0.5), where=total > 0)


def topsis_batch_scores(prepared: TopsisPrepared, weights: npt.ArrayLike) -> FloatArray:
    """Relative closeness of every candidate for one or many weight vectors.

    Parameters
    ----------
    prepared
        Output of :func:`prepare_problem` or :func:`prepare_topsis`.
    weights
        Non-negative weights, shape (n,) or (N, n); not re-validated here (the callers
        validate once). Closeness is invariant to scaling a weight vector.

    Returns
    -------
    FloatArray
        Shape (m,) or (N, m); 1 is best. Where ``S+ + S- == 0`` the score is 0.5.
    """
    return closeness(*topsis_distances(prepared, weights))


def topsis(
    matrix: npt.ArrayLike,
    weights: npt.ArrayLike | None,
    directions: Sequence[str | int] | npt.ArrayLike,
    normalization: str = "vector",
    *,
    candidates: Sequence[str] | None = None,
    criteria: Sequence[str] | None = None,
) -> RankingResult:
    """Rank candidates by TOPSIS after validating every input.

    Parameters
    ----------
    matrix
        m candidates × n criteria, finite.
    weights
        n non-negative weights, not all zero (``None``: equal); rescaled to sum 1 with a note.
    directions
        One direction per criterion (``"benefit"``/``"cost"``/``"max"``/``"min"``/±1, ...).
    normalization
        ``"vector"`` (textbook, default) or ``"minmax"``.
    candidates, criteria
        Ids for rows and columns (default ``A1..Am`` and ``C1..Cn``).

    Returns
    -------
    RankingResult
        See :func:`rank_problem`.

    References
    ----------
    Hwang and Yoon (1981), pp. 128-140.
    """
    problem, w, notes = checked_inputs(
        matrix, weights, directions, candidates=candidates, criteria=criteria
    )
    return rank_problem(problem, w, normalization, notes=notes)


def rank_problem(
    problem: DecisionProblem,
    weights: FloatArray,
    normalization: str = "vector",
    *,
    notes: Sequence[str] = (),
) -> RankingResult:
    """TOPSIS on a validated problem with checked weights (summing to 1): arithmetic only.

    Parameters
    ----------
    problem
        The validated problem (not checked again).
    weights
        n weights >= 0 summing to 1, as :func:`methods.validation.check_weights` returns.
    normalization
        ``"vector"`` (textbook, default) or ``"minmax"``.
    notes
        Notes that come first in the result (on the problem and the weights).

    Returns
    -------
    RankingResult
        ``method="topsis"``, closeness scores (higher is better), settings
        ``{"normalization": ...}``, details ``normalized``, ``ideal`` and ``anti_ideal``
        (weighted), ``distance_to_ideal``, ``distance_to_anti_ideal``. A single candidate
        gets closeness 0.5 and rank 1, with a note.

    References
    ----------
    Hwang and Yoon (1981), pp. 128-140.
    """
    cand, crit, w = problem.candidates, problem.criteria, weights
    prepared = prepare_problem(problem, normalization)
    out = [*notes, *prepared.notes]
    s_plus, s_minus = topsis_distances(prepared, w)
    single = _(
        "only one candidate ({candidate}): it is ranked 1 by default and its closeness is "
        "set to 0.5, as there is nothing to compare it with"
    ).format(candidate=cand[0])
    flat = [c for c, t in zip(cand, s_plus + s_minus, strict=True) if t == 0]
    if len(cand) > 1 and flat:
        out.append(
            _(
                "{candidates}: zero distance to both the ideal and the anti-ideal "
                "(every weighted criterion is constant); closeness set to 0.5"
            ).format(candidates=", ".join(flat))
        )
    details = {
        "normalized": prepared.normalized,
        "ideal": w * prepared.ideal,
        "anti_ideal": w * prepared.anti_ideal,
        "distance_to_ideal": s_plus,
        "distance_to_anti_ideal": s_minus,
    }
    return result_from_scores(
        "topsis",
        cand,
        crit,
        w,
        closeness(s_plus, s_minus),
        higher_is_better=True,
        settings={"normalization": normalization},
        notes=out,
        details=details,
        single_note=single,
    )
