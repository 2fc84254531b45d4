"""Delphi helpers: which items lack consensus, and how stable answers are between rounds.

Consensus is defined in advance (von der Gracht 2012); the defaults here are named, and the
facilitator may change every one:

- a pairwise node lacks consensus when Goepel's S* < ``DEFAULT_MIN_S_STAR`` = 0.75 (below
  "high" on his word scale, :mod:`methods.group.consensus_scale`);
- a scored item lacks consensus when its IQR > ``DEFAULT_MAX_IQR`` = 1 scale step, or when
  fewer than ``DEFAULT_MIN_SHARE`` = 75 % of the (weighted) answers lie within one step of the
  median (the ≈ 75 % agreement median threshold of published Delphi studies, Diamond et al.
  2014). Either criterion may be switched off with ``None``; with both on, both must hold.

Stability between two rounds is measured separately from consensus (von der Gracht 2012):
over the answers an expert gave in both rounds, the share that moved (|change| > tolerance)
and by how much (mean and largest absolute change), per item and pooled over all items.
Pairwise judgments are compared on the position of Saaty's scale (``"saaty_steps"``:
1 → 0, 3 → 2, 1/3 → −2, so 1/3 → 3 is four steps), scores on their own scale.

References
----------
von der Gracht, H.A. (2012). Consensus measurement in Delphi studies: review and implications
for future quality assurance. *Technological Forecasting and Social Change* 79(8),
1525–1536.

Diamond, I.R., Grant, R.C., Feldman, B.M., et al. (2014). Defining consensus: a systematic
review recommends methodologic criteria for reporting of Delphi studies. *Journal of
Clinical Epidemiology* 67(4), 401–409.

Goepel, K.D. (2018). Implementation of an online software tool for the analytic hierarchy
process (AHP-OS). *International Journal of the Analytic Hierarchy Process* 10(3), 469–487.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from clusterrank.errors import ConfigurationError, MethodInputError
from clusterrank.i18n import _

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

DEFAULT_MIN_S_STAR = 0.75
DEFAULT_MAX_IQR = 1.0
DEFAULT_MIN_SHARE = 0.75
SCALES: tuple[str, ...] = ("value", "saaty_steps")


def nodes_without_consensus(
    s_star: Mapping[str, float], threshold: float = DEFAULT_MIN_S_STAR
) -> list[str]:
    """Pairwise nodes whose S* is below ``threshold``, lowest S* first.

    References
    ----------
    Goepel (2018) for S* and its word scale.
    """
    t = float(threshold)
    if not (math.isfinite(t) and 0 <= t <= 1):
        msg = _("the S* threshold must be in [0, 1] (got {threshold!r}); 0.75 means 'high'").format(
            threshold=threshold
        )
        raise ConfigurationError(msg)
    below = [(float(v), str(node)) for node, v in s_star.items() if float(v) < t]
    return [node for _score, node in sorted(below)]


def items_without_consensus(
    iqr: npt.ArrayLike,
    within_one_step: npt.ArrayLike,
    *,
    max_iqr: float | None = DEFAULT_MAX_IQR,
    min_share: float | None = DEFAULT_MIN_SHARE,
    defined: npt.ArrayLike | None = None,
) -> BoolArray:
    """True where a scored item lacks consensus (rules in the module docstring).

    Items without any answer (``defined`` False) lack consensus too: they must be asked again.

    References
    ----------
    von der Gracht (2012); Diamond et al. (2014).
    """
    if max_iqr is None and min_share is None:
        msg = _("give at least one consensus rule: a largest IQR or a smallest agreement share")
        raise ConfigurationError(msg)
    q = np.asarray(iqr, dtype=float)
    share = np.asarray(within_one_step, dtype=float)
    if q.shape != share.shape:
        msg = _("IQR and agreement share must have one shape (got {shape} and {shape2})").format(
            shape=q.shape, shape2=share.shape
        )
        raise MethodInputError(msg)
    ok = np.ones(q.shape, dtype=bool) if defined is None else np.asarray(defined, dtype=bool)
    ok = ok & ~np.isnan(q) & ~np.isnan(share)
    if max_iqr is not None:
        if not (math.isfinite(max_iqr) and max_iqr >= 0):
            msg = _("the largest IQR must be a number >= 0 (got {max_iqr!r})").format(
                max_iqr=max_iqr
            )
            raise ConfigurationError(msg)
        ok &= np.nan_to_num(q, nan=np.inf) <= max_iqr * (1 + 1e-9)
    if min_share is not None:
        if not (math.isfinite(min_share) and 0 <= min_share <= 1):
            msg = _("the smallest agreement share must be in [0, 1] (got {min_share!r})").format(
                min_share=min_share
            )
            raise ConfigurationError(msg)
        ok &= np.nan_to_num(share, nan=-np.inf) >= min_share - 1e-12
    return np.asarray(~ok, dtype=bool)


def saaty_position(judgments: npt.ArrayLike) -> FloatArray:
    """Position on Saaty's scale: v − 1 for v >= 1, −(1/v − 1) below (3 → 2, 1/3 → −2)."""
    v = np.asarray(judgments, dtype=float)
    if np.any(v[~np.isnan(v)] <= 0):
        msg = _("pairwise judgments must be > 0 to compare them between rounds")
        raise MethodInputError(msg)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.asarray(np.where(v >= 1, v - 1.0, 1.0 - 1.0 / v), dtype=float)


@dataclass(frozen=True)
class Stability:
    """How much answers moved between two rounds.

    Attributes
    ----------
    compared
        Per item: experts who answered it in both rounds.
    moved
        Per item: of those, how many changed by more than ``tolerance``.
    moved_share
        ``moved / compared``; NaN where ``compared`` is 0.
    mean_change, max_change
        Per item: mean and largest |after − before| over the compared answers (NaN where
        nothing was compared), on ``scale``.
    overall_compared, overall_moved, overall_moved_share, overall_mean_change
        Pooled over every item.
    scale, tolerance
        Settings used.
    """

    compared: npt.NDArray[np.int64]
    moved: npt.NDArray[np.int64]
    moved_share: FloatArray
    mean_change: FloatArray
    max_change: FloatArray
    overall_compared: int
    overall_moved: int
    overall_moved_share: float
    overall_mean_change: float
    scale: str
    tolerance: float


def stability(
    before: npt.ArrayLike,
    after: npt.ArrayLike,
    *,
    scale: str = "value",
    tolerance: float = 0.0,
) -> Stability:
    """Share of answers that moved between two rounds, and by how much, per item and overall.

    Parameters
    ----------
    before, after
        K × ... answers of the same experts and items in two rounds; NaN = no answer (or an
        abstention). Only answers given in both rounds are compared.
    scale
        ``"value"`` (scores) or ``"saaty_steps"`` (pairwise judgments, see
        :func:`saaty_position`).
    tolerance
        A change of at most this much does not count as moved (0: any change moves).

    Raises
    ------
    MethodInputError
        Different shapes; nothing answered in both rounds.

    References
    ----------
    von der Gracht (2012) (stability as a criterion separate from consensus).
    """
    if scale not in SCALES:
        msg = _("scale must be one of {choices} (got {scale!r})").format(
            choices=", ".join(SCALES), scale=scale
        )
        raise ConfigurationError(msg)
    tol = float(tolerance)
    if not (math.isfinite(tol) and tol >= 0):
        msg = _("the tolerance must be a number >= 0 (got {tolerance!r})").format(
            tolerance=tolerance
        )
        raise ConfigurationError(msg)
    a = np.asarray(before, dtype=float)
    b = np.asarray(after, dtype=float)
    if a.shape != b.shape or a.ndim < 1:
        msg = _(
            "both rounds must have the same experts and items (shapes {shape}, {shape2})"
        ).format(shape=a.shape, shape2=b.shape)
        raise MethodInputError(msg)
    if scale == "saaty_steps":
        a, b = saaty_position(a), saaty_position(b)
    both = ~np.isnan(a) & ~np.isnan(b)
    if not both.any():
        msg = _("no expert answered any item in both rounds; there is nothing to compare")
        raise MethodInputError(msg)
    change = np.where(both, np.abs(b - a), 0.0)
    moved_mask = both & (change > tol + 1e-12 * np.maximum(1.0, np.abs(a)))
    compared = both.sum(axis=0).astype(np.int64)
    moved = moved_mask.sum(axis=0).astype(np.int64)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(compared > 0, moved / compared, np.nan)
        mean = np.where(compared > 0, change.sum(axis=0) / compared, np.nan)
    largest = np.where(compared > 0, change.max(axis=0), np.nan)
    total = int(compared.sum())
    return Stability(
        compared=compared,
        moved=moved,
        moved_share=np.asarray(share, dtype=float),
        mean_change=np.asarray(mean, dtype=float),
        max_change=np.asarray(largest, dtype=float),
        overall_compared=total,
        overall_moved=int(moved.sum()),
        overall_moved_share=float(moved.sum()) / total,
        overall_mean_change=float(change.sum()) / total,
        scale=scale,
        tolerance=tol,
    )
