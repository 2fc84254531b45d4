"""Pieces every sensitivity analysis shares: ids, seeds, fast ranks, the one-criterion path.

Ranks here follow :func:`methods.result.ranks_from_scores` exactly (competition ranks "1224",
rank 1 best, scores compared after rounding to 12 significant digits) but cost
O(m log m) per row instead of O(m²), so they scale to thousands of candidates.

The one-at-a-time path moves criterion ``j`` from weight 0 to 1 while the other weights keep
their proportions::

    w(t) = t e_j + (1 - t) u_j,    u_j = w_{-j} / (1 - w_j),

so ``w(w_j)`` is the current weight vector. When ``w_j = 1`` the other criteria have no
proportions to keep; they then share ``1 - t`` equally (noted).

References
----------
Triantaphyllou, E. and Sánchez, A. (1997). A sensitivity analysis approach for some
deterministic multi-criteria decision-making methods. *Decision Sciences* 28(1), 151-194
(one criterion's weight varied, the others rescaled in proportion).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from clusterrank.errors import MethodInputError
from clusterrank.i18n import _
from clusterrank.methods.problem import DecisionProblem
from clusterrank.methods.registry import BatchScorer, get_batch_scorer
from clusterrank.methods.result import FloatArray, IntArray, round_significant

#: Registry methods whose scores are linear in the weights (weighted sums of fixed columns).
LINEAR_METHODS: frozenset[str] = frozenset({"wsm", "ahp"})


def resolve_seed(seed: int | None) -> int:
    """The seed to use and echo: ``None`` draws fresh entropy (still reported, so reusable)."""
    if seed is None:
        return int(np.random.SeedSequence().entropy)  # type: ignore[arg-type]
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        msg = _("seed must be a non-negative integer or None (got {given!r})").format(given=seed)
        raise MethodInputError(msg)
    return int(seed)


def block_generator(seed: int, stream: int, block: int) -> np.random.Generator:
    """The generator of sampling block ``block`` in ``stream`` (0 weights, 1 data, ...).

    Each block has its own child seed, so a sample depends only on (seed, its block), never
    on how blocks are grouped into chunks.
    """
    return np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(stream, block)))


def sorted_competition_ranks(
    scores: npt.ArrayLike, higher_is_better: bool = True
) -> tuple[IntArray, IntArray]:
    """Order and competition ranks per row, ties decided as ``ranks_from_scores`` does.

    Returns
    -------
    order, rank_at
        Both of shape (N, m): ``order[s, p]`` is the candidate at position ``p`` (best
        first) and ``rank_at[s, p]`` its competition rank minus 1 (tied candidates share the
        position of the first of them).
    """
    s = np.atleast_2d(np.asarray(scores, dtype=float))
    key = round_significant(-s if higher_is_better else s)
    order = np.argsort(key, axis=1, kind="stable")
    ordered = np.take_along_axis(key, order, axis=1)
    m = s.shape[1]
    starts = np.ones(ordered.shape, dtype=bool)
    starts[:, 1:] = ordered[:, 1:] != ordered[:, :-1]
    positions = np.where(starts, np.arange(m), 0)
    return order, np.maximum.accumulate(positions, axis=1)


def competition_ranks(scores: npt.ArrayLike, higher_is_better: bool = True) -> IntArray:
    """Ranks equal to ``ranks_from_scores`` (1-D or row-wise 2-D) in O(m log m) per row."""
    s = np.asarray(scores, dtype=float)
    order, rank_at = sorted_competition_ranks(s, higher_is_better)
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, rank_at + 1, axis=1)
    return ranks[0] if s.ndim == 1 else ranks


def make_scorer(
    method: str,
    matrix: npt.ArrayLike | DecisionProblem,
    directions: Sequence[str | int] | npt.ArrayLike | None,
    settings: dict[str, Any] | None,
) -> BatchScorer:
    """The registry's batch scorer.

    Checks the settings, and a raw matrix and directions, once; a
    :class:`~methods.problem.DecisionProblem` is trusted.
    """
    return get_batch_scorer(method, matrix, directions, settings)


def path_base(weights: FloatArray, j: int) -> tuple[FloatArray, list[str], str]:
    """``u_j``, the other criteria's weights in proportion (summing to 1), with notes.

    ``weights`` must already sum to 1. The third value names how ``u_j`` was formed:
    ``"proportional"``, ``"equal"`` (the others all had weight 0) or ``"single"`` (n = 1).
    """
    n = weights.size
    others = weights.copy()
    others[j] = 0.0
    rest = float(others.sum())
    notes: list[str] = []
    if n == 1:
        return others, notes, "single"
    if rest <= 0:
        others = np.full(n, 1.0 / (n - 1))
        others[j] = 0.0
        notes.append(
            _(
                "the other criteria all have weight 0, so there are no proportions to keep; "
                "along this path they share the remaining weight equally"
            )
        )
        return others, notes, "equal"
    return others / rest, notes, "proportional"


def path_weights(weights: FloatArray, j: int, t: npt.ArrayLike) -> FloatArray:
    """Weight vectors ``w(t) = t e_j + (1 - t) u_j`` for every ``t`` (shape (len(t), n))."""
    base = path_base(weights, j)[0]
    tt = np.atleast_1d(np.asarray(t, dtype=float))
    out = (1.0 - tt)[:, None] * base[None, :]
    out[:, j] += tt
    return np.asarray(out, dtype=float)


def is_linear(scorer: BatchScorer, weights: FloatArray, j: int) -> bool:
    """True when the scorer is a known weighted sum and behaves linearly along the path.

    The numeric check (midpoint score equals the mean of the end scores to 1e-9) guards
    against a registry change silently making a "linear" method nonlinear.
    """
    if scorer.method not in LINEAR_METHODS or weights.size < 2:
        return False
    ends = scorer.scores(path_weights(weights, j, [0.0, 0.5, 1.0]))
    scale = max(1.0, float(np.abs(ends).max()))
    return bool(np.allclose(ends[1], 0.5 * (ends[0] + ends[2]), rtol=0, atol=1e-9 * scale))


def how_found(linear: bool, tol: float, grid: int) -> str:
    """How crossings along a weight path were found, in words (shown beside the results)."""
    if linear:
        return _("analytic (scores linear in the weight)")
    return _("bisection to {tol} after a {grid}-point grid").format(tol=f"{tol:g}", grid=grid)
