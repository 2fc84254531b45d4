"""Cheaper "rank keys": strictly increasing transforms of a method's scores, for SMAA.

Sorting needs only the order of the scores, so where a method's score is a costly monotone
function of something cheaper, SMAA sorts the cheaper thing. Samples with a near-tie in the
key are re-ranked on the method's own scores (:mod:`methods.sensitivity.rankcount`).

TOPSIS. With ``P = w² · D+`` and ``M = w² · D-`` (squared distances to the ideal and the
anti-ideal, :mod:`methods.topsis`), the closeness is ``C = sqrt(M) / (sqrt(P) + sqrt(M))``
``= 1 / (1 + sqrt(q))`` with ``q = P / M``, and the key is ``K = M / (P + M) = 1 / (1 + q)``.
Both decrease strictly in ``q``, so they order candidates identically, and the key needs one
matrix product ``w² · [D-, D+ + D-]`` and one division: no square roots, no ``where``.
Where ``P + M = 0`` (every weighted criterion constant, for all candidates at once) the key is
1/2, matching the closeness convention C = 1/2. A relative gap ``g`` between two keys
implies a relative gap of at least about ``0.41 g`` between their closeness values
(``min_q (1 + q) / (2 sqrt(q) (1 + sqrt(q)))``), so a key gap above 1e-10 cannot hide a
closeness tie at 12 significant digits.

References
----------
Hwang, C.-L. and Yoon, K. (1981). *Multiple Attribute Decision Making: Methods and
Applications*. Springer, pp. 128-140.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from clusterrank.methods.problem import DecisionProblem
from clusterrank.methods.registry import BatchScorer
from clusterrank.methods.result import FloatArray
from clusterrank.methods.topsis import prepare_problem

RankKey = Callable[[FloatArray], FloatArray]


def rank_key(
    scorer: BatchScorer,
    problem: DecisionProblem,
) -> tuple[RankKey, str]:
    """A key function for ``scorer`` (same orientation as its scores) and its name.

    Methods without a cheaper key get the scorer's own scores (name ``"scores"``).
    """
    if scorer.method == "topsis":
        return topsis_key(problem, None, scorer.settings), "topsis M/(P+M)"
    return scorer.scores, "scores"


def topsis_key(
    matrix: npt.ArrayLike | DecisionProblem,
    directions: Sequence[str | int] | npt.ArrayLike | None,
    settings: Mapping[str, Any],
) -> RankKey:
    """``K = M / (P + M)`` for batches of weights (higher is better, like the closeness).

    ``matrix`` is a validated :class:`~methods.problem.DecisionProblem` (``directions`` then
    ``None``) or a raw array checked here; ``None`` directions mean benefit everywhere.

    References
    ----------
    Hwang and Yoon (1981), p. 133 (relative closeness).
    """
    problem = DecisionProblem.of(matrix, directions)
    prepared = prepare_problem(problem, str(settings.get("normalization", "vector")))
    minus_t = np.ascontiguousarray(prepared.sq_to_anti_ideal.T)
    total_t = np.ascontiguousarray(prepared.sq_to_ideal.T + prepared.sq_to_anti_ideal.T)
    buffers: list[FloatArray] = []

    def key(weights: FloatArray) -> FloatArray:
        """Keys for a batch; the array is reused by the next call (consume it first)."""
        w2 = np.asarray(weights, dtype=float) ** 2
        c = w2.shape[0]
        if not buffers or buffers[0].shape[0] < c:
            buffers[:] = [np.empty((c, minus_t.shape[1])) for _ in range(2)]
        minus, total = buffers[0][:c], buffers[1][:c]
        np.matmul(w2, minus_t, out=minus)
        np.matmul(w2, total_t, out=total)
        with np.errstate(divide="ignore", invalid="ignore"):
            np.divide(minus, total, out=minus)
        if not np.isfinite(minus.sum()):
            minus[total == 0] = 0.5
        return minus

    return key
