"""Group AHP: aggregate several experts' judgments or priorities, and measure consensus.

AIJ (aggregation of individual judgments)
    The weighted element-wise geometric mean of the experts' matrices. It is the only mean
    that keeps the result reciprocal (Aczél & Saaty 1983). A pair some experts left empty is
    averaged over those who judged it (their weights renormalised); a pair nobody judged
    stays missing (NaN) for :func:`~methods.ahp.consistency.analyse` to complete.
AIP (aggregation of individual priorities)
    The weighted geometric (default) or arithmetic mean of the experts' priority vectors,
    renormalised to sum 1 (Forman & Peniwati 1998).
Consensus
    Goepel's (2018) AHP consensus indicator S*, from the Shannon-entropy partition of the
    experts' priorities (K experts, n items, p_jk the priority of item j by expert k):

    - alpha entropy  H_α = (1/K) Σ_k Σ_j −p_jk ln p_jk  (mean entropy of the experts)
    - gamma entropy  H_γ = Σ_j −p̄_j ln p̄_j with p̄_j = (1/K) Σ_k p_jk  (entropy of the mean)
    - beta entropy   H_β = H_γ − H_α;  D = exp(H) turns each into a diversity (Hill number)
    - similarity     S = 1 / D_β = D_α / D_γ   (1 when all experts agree)
    - consensus      S* = (S − D_α,min / D_γ,max) / (1 − D_α,min / D_γ,max)

    with D_γ,max = n and D_α,min the diversity of the most concentrated vector the scale
    allows, one item M times as important as each other one:
    H_α,min = ln(n + M − 1) − M ln M / (n + M − 1), M = 9 for the 1-9 scale. With
    ``scale_max=None`` D_α,min = 1 (the general relative homogeneity, no scale bound).
    S* is 1 for identical experts and 0 when n experts each put a different item M times
    above the rest. Vectors more extreme than the scale allows can push S* below 0; it is
    then reported as 0.

References
----------
Aczél, J., Saaty, T.L. (1983). Procedures for synthesizing ratio judgements. *Journal of
Mathematical Psychology* 27(1), 93–102.

Forman, E., Peniwati, K. (1998). Aggregating individual judgments and priorities with the
analytic hierarchy process. *European Journal of Operational Research* 108(1), 165–169.

Goepel, K.D. (2018). Implementation of an online software tool for the analytic hierarchy
process (AHP-OS). *International Journal of the Analytic Hierarchy Process* 10(3), 469–487.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from clusterrank.errors import ConfigurationError, MethodInputError
from clusterrank.i18n import _
from clusterrank.methods.ahp.pairwise import SAATY_RANGE, check_pairwise
from clusterrank.methods.validation import check_weights

FloatArray = npt.NDArray[np.float64]

AIP_METHODS: tuple[str, ...] = ("geometric", "arithmetic")


def aggregate_judgments(
    matrices: Sequence[object],
    expert_weights: npt.ArrayLike | None = None,
    *,
    scale: tuple[float, float] | None = SAATY_RANGE,
) -> FloatArray:
    """AIJ: weighted element-wise geometric mean of K experts' reciprocal matrices.

    References
    ----------
    Aczél & Saaty (1983); Forman & Peniwati (1998).
    """
    if len(matrices) == 0:
        msg = _("at least one expert's pairwise matrix is needed")
        raise MethodInputError(msg)
    checked = []
    for k, m in enumerate(matrices):
        try:
            checked.append(check_pairwise(m, allow_missing=True, scale=scale)[0])
        except MethodInputError as exc:
            msg = _("expert {number}: {error}").format(number=k + 1, error=exc)
            raise MethodInputError(msg) from exc
    shapes = {c.shape for c in checked}
    if len(shapes) != 1:
        msg = _("every expert must compare the same items (matrix shapes {shapes})").format(
            shapes=sorted(shapes)
        )
        raise MethodInputError(msg)
    stack = np.stack(checked)
    w, _unused = check_weights(expert_weights, stack.shape[0])
    return aggregate_checked(stack, w)


def aggregate_checked(stack: FloatArray, weights: FloatArray) -> FloatArray:
    """AIJ of K already validated matrices (K × n × n, NaN = not judged) with K weights >= 0.

    The arithmetic of :func:`aggregate_judgments` without its checks, for callers that
    aggregate the same validated matrices many times (sub-panels of a bootstrap).
    """
    known = ~np.isnan(stack)
    wk = np.where(known, np.asarray(weights, dtype=float)[:, None, None], 0.0)
    total = wk.sum(axis=0)
    logs = np.where(known, np.log(np.where(known, stack, 1.0)), 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = (wk * logs).sum(axis=0) / total
    out = np.where(total > 0, np.exp(mean), np.nan)
    return np.asarray(out, dtype=float)


def _check_vectors(priority_vectors: npt.ArrayLike) -> FloatArray:
    p = np.asarray(priority_vectors, dtype=float)
    if p.ndim != 2 or p.shape[0] < 1 or p.shape[1] < 1:
        msg = _(
            "priority vectors must be a K×n array (one row per expert); got shape {shape}"
        ).format(shape=p.shape)
        raise MethodInputError(msg)
    if not np.all(np.isfinite(p)) or np.any(p <= 0):
        k, j = np.argwhere(~(np.isfinite(p) & (p > 0)))[0]
        msg = _("priorities must be > 0 (expert {expert}, item {item}: got {value})").format(
            expert=k + 1, item=j + 1, value=f"{p[k, j]:g}"
        )
        raise MethodInputError(msg)
    return np.asarray(p / p.sum(axis=1, keepdims=True), dtype=float)


def aggregate_priorities(
    priority_vectors: npt.ArrayLike,
    expert_weights: npt.ArrayLike | None = None,
    method: str = "geometric",
) -> FloatArray:
    """AIP: weighted geometric or arithmetic mean of K priority vectors (sum 1).

    Each expert's vector is first rescaled to sum 1.

    References
    ----------
    Forman & Peniwati (1998).
    """
    key = str(method).strip().lower()
    if key not in AIP_METHODS:
        msg = _("AIP method must be one of {choices} (got {given!r})").format(
            choices=", ".join(AIP_METHODS), given=method
        )
        raise ConfigurationError(msg)
    p = _check_vectors(priority_vectors)
    w, _unused = check_weights(expert_weights, p.shape[0])
    agg = np.exp(w @ np.log(p)) if key == "geometric" else w @ p
    return np.asarray(agg / agg.sum(), dtype=float)


def _entropy(p: FloatArray) -> FloatArray:
    return np.asarray(-(p * np.log(p)).sum(axis=-1), dtype=float)


def min_alpha_diversity(n: int, scale_max: float | None = 9.0) -> float:
    """D_α,min: diversity of one item ``scale_max`` times as important as each other one."""
    if scale_max is None or n < 2:
        return 1.0
    m = float(scale_max)
    h = np.log(n + m - 1) - m * np.log(m) / (n + m - 1)
    return float(np.exp(h))


def consensus(priority_vectors: npt.ArrayLike, *, scale_max: float | None = 9.0) -> float:
    """Goepel's (2018) AHP consensus S* in [0, 1] (1 = all experts agree).

    Parameters
    ----------
    priority_vectors
        K × n, one priority vector per expert (each rescaled to sum 1).
    scale_max
        Largest judgment of the scale (9 for Saaty's); ``None`` for the general relative
        homogeneity with D_α,min = 1.

    Returns
    -------
    float
        S*; 1.0 for a single expert or a single item.

    References
    ----------
    Goepel (2018), IJAHP 10(3), 469–487 — formulas in the module docstring.
    """
    p = _check_vectors(priority_vectors)
    k, n = p.shape
    if k == 1 or n == 1:
        return 1.0
    h_alpha = float(_entropy(p).mean())
    h_gamma = float(_entropy(p.mean(axis=0)))
    similarity = float(np.exp(-(h_gamma - h_alpha)))
    floor = min_alpha_diversity(n, scale_max) / n
    value = (similarity - floor) / (1.0 - floor)
    return float(min(1.0, max(0.0, value)))
