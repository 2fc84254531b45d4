"""Weighted median, quantiles, mean and trimmed mean of experts' answers, item by item.

Answers are a K × I array (K experts, I items); ``np.nan`` marks an answer that is excluded
(abstained or not given). Expert weights are non-negative; a batch of B weight vectors
(B × K) is handled in one pass, which is how leave-one-out and the bootstrap over experts
aggregate many panels at once (a resample is a weight vector: expert weight × times drawn).

Definitions (one definition of the empirical distribution for every statistic): the
answers of one item with weights α_k define the weighted empirical CDF F.

quantile Q(p)
    The inverse of F, averaged where F is flat at p: Q(p) = (F⁻¹(p) + F⁻¹(p+)) / 2 —
    Hyndman & Fan's (1996) definition 2, numpy's ``method="averaged_inverted_cdf"``. With
    equal weights Q(1/2) is the ordinary median (mean of the two middle answers when K is
    even). It stays on the answer scale or on a half step for ordinal answers; numpy's
    default (definition 7) and SPSS's (definition 6) can differ on small panels: for the
    answers 1, 2, 3, 4 the IQR is 2 here, 1.5 with definition 7 and 2.5 with definition 6.
weighted median
    Q(1/2): the smallest answer with at least half the weight at or below it, averaged with
    the next answer when exactly half the weight lies at or below it.
mean
    Σ α_k x_k / Σ α_k.
trimmed mean (share τ from each tail, 0 <= τ < 1/2)
    (1 / (1 − 2τ)) ∫_τ^{1−τ} Q(u) du over F: the middle 1 − 2τ of the weight is averaged, an
    answer straddling a cut counting with the part of its weight inside. With equal weights
    and τK whole it equals the usual trimmed mean (``scipy.stats.trim_mean``) that drops
    τK answers at each end.

References
----------
Hyndman, R.J., Fan, Y. (1996). Sample quantiles in statistical packages. *The American
Statistician* 50(4), 361–365.

Huber, P.J., Ronchetti, E.M. (2009). *Robust Statistics*, 2nd ed., Wiley (the α-trimmed
mean as the integral of the quantile function).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from clusterrank.errors import ConfigurationError, MethodInputError
from clusterrank.i18n import _

FloatArray = npt.NDArray[np.float64]

AGGREGATIONS: tuple[str, ...] = ("median", "mean", "trimmed_mean")
#: Default share cut from EACH tail by the trimmed mean (10 % low, 10 % high).
DEFAULT_TRIM = 0.10
_EPS = 1e-12


def check_aggregation(method: str, trim: float = DEFAULT_TRIM) -> tuple[str, float]:
    """Canonical aggregation name and trimming share, or :class:`ConfigurationError`."""
    key = str(method).strip().lower().replace("-", "_").replace(" ", "_")
    if key not in AGGREGATIONS:
        msg = _("score aggregation must be one of {choices} (got {method!r})").format(
            choices=", ".join(AGGREGATIONS), method=method
        )
        raise ConfigurationError(msg)
    t = float(trim)
    if not (0.0 <= t < 0.5):
        msg = _(
            "the trimming share (from each tail) must be in [0, 0.5), e.g. 0.1 (got {trim!r})"
        ).format(trim=trim)
        raise ConfigurationError(msg)
    return key, t


@dataclass(frozen=True)
class SortedAnswers:
    """Answers of I items sorted once per item (excluded answers last).

    Attributes
    ----------
    values
        K × I sorted answers, excluded ones set to 0.
    order
        K × I: expert at each sorted position.
    valid
        K × I: whether the sorted answer counts.
    """

    values: FloatArray
    order: npt.NDArray[np.intp]
    valid: npt.NDArray[np.bool_]

    @classmethod
    def of(cls, answers: npt.ArrayLike) -> SortedAnswers:
        """Sort a K × I array of answers per item; NaN marks an excluded answer.

        Raises
        ------
        MethodInputError
            The array is not 2-D or holds an infinite value.
        """
        x = np.asarray(answers, dtype=float)
        if x.ndim != 2:
            msg = _("answers must be a K × I array (experts × items); got shape {shape}").format(
                shape=x.shape
            )
            raise MethodInputError(msg)
        if np.isinf(x).any():
            msg = _("answers must be finite numbers (an infinite one was given)")
            raise MethodInputError(msg)
        order = np.argsort(x, axis=0, kind="stable")  # NaN sorts last
        xs = np.take_along_axis(x, order, axis=0)
        valid = ~np.isnan(xs)
        return cls(np.where(valid, xs, 0.0), order, valid)

    def mass(self, weights: FloatArray) -> tuple[FloatArray, FloatArray]:
        """Sorted weights (B × K × I) and their totals (B × I) for B weight vectors."""
        ws = weights[:, self.order] * self.valid
        return ws, ws.sum(axis=1)

    def _pick(self, index: npt.NDArray[np.intp]) -> FloatArray:
        k = self.values.shape[0]
        cols = np.arange(self.values.shape[1])
        return np.asarray(self.values[np.minimum(index, k - 1), cols], dtype=float)

    def quantile(self, ws: FloatArray, total: FloatArray, p: float) -> FloatArray:
        """Q(p) per weight vector and item (B × I); NaN where an item has no weight."""
        with np.errstate(invalid="ignore", divide="ignore"):
            cum = np.cumsum(ws, axis=1) / total[:, None, :]
        lo = np.count_nonzero(cum < p - _EPS, axis=1)
        hi = np.count_nonzero(cum <= p + _EPS, axis=1)
        out = 0.5 * (self._pick(lo) + self._pick(hi))
        return np.asarray(np.where(total > 0, out, np.nan), dtype=float)

    def mean(self, ws: FloatArray, total: FloatArray) -> FloatArray:
        """Weighted mean per weight vector and item (B × I); NaN where an item has no weight.

        ``ws`` and ``total`` are the sorted weights and their totals from :meth:`mass`.
        """
        with np.errstate(invalid="ignore", divide="ignore"):
            out = np.einsum("bki,ki->bi", ws, self.values) / total
        return np.asarray(np.where(total > 0, out, np.nan), dtype=float)

    def trimmed_mean(self, ws: FloatArray, total: FloatArray, trim: float) -> FloatArray:
        """Weighted mean without the ``trim`` share of weight at each tail (B × I).

        ``ws`` and ``total`` are as for :meth:`mean`; ``trim`` 0 is the plain mean. NaN where an
        item has no weight.
        """
        if trim == 0:
            return self.mean(ws, total)
        with np.errstate(invalid="ignore", divide="ignore"):
            share = ws / total[:, None, :]
        cum = np.cumsum(share, axis=1)
        inside = np.minimum(cum, 1.0 - trim) - np.maximum(cum - share, trim)
        np.maximum(inside, 0.0, out=inside)
        inside = np.nan_to_num(inside, nan=0.0)
        out = np.einsum("bki,ki->bi", inside, self.values) / (1.0 - 2.0 * trim)
        return np.asarray(np.where(total > 0, out, np.nan), dtype=float)


def as_weight_batch(weights: npt.ArrayLike | None, k: int) -> FloatArray:
    """B × K non-negative weights (a single K vector is a batch of one; None = equal)."""
    if weights is None:
        return np.ones((1, k))
    w = np.atleast_2d(np.asarray(weights, dtype=float))
    if w.ndim != 2 or w.shape[1] != k:
        msg = _("expected expert weights of shape (K,) or (B, K) with K = {k}, got {shape}").format(
            k=k, shape=w.shape
        )
        raise MethodInputError(msg)
    if not np.all(np.isfinite(w)) or np.any(w < 0):
        msg = _("expert weights must be finite numbers >= 0")
        raise MethodInputError(msg)
    return w


def aggregate_batch(
    answers: npt.ArrayLike | SortedAnswers,
    weights: npt.ArrayLike | None = None,
    method: str = "median",
    trim: float = DEFAULT_TRIM,
) -> FloatArray:
    """Aggregate K experts' answers on I items for B weight vectors: B × I.

    An item with no counted answer (all excluded, or only zero-weight experts answered) is
    ``np.nan`` in the result; callers count and report those.

    References
    ----------
    Hyndman & Fan (1996), definition 2; Huber & Ronchetti (2009).
    """
    key, t = check_aggregation(method, trim)
    sa = answers if isinstance(answers, SortedAnswers) else SortedAnswers.of(answers)
    ws, total = sa.mass(as_weight_batch(weights, sa.values.shape[0]))
    if key == "median":
        return sa.quantile(ws, total, 0.5)
    if key == "mean":
        return sa.mean(ws, total)
    return sa.trimmed_mean(ws, total, t)


def weighted_quantile(
    answers: npt.ArrayLike, p: float, weights: npt.ArrayLike | None = None
) -> FloatArray:
    """Q(p) of each item (length I) for one weight vector; NaN where nobody answered.

    References
    ----------
    Hyndman & Fan (1996), definition 2 (averaged inverse of the empirical CDF).
    """
    q = float(p)
    if not (0.0 < q < 1.0):
        msg = _("the quantile level must be in (0, 1) (got {p!r})").format(p=p)
        raise MethodInputError(msg)
    sa = SortedAnswers.of(answers)
    ws, total = sa.mass(as_weight_batch(weights, sa.values.shape[0]))
    return np.asarray(sa.quantile(ws, total, q)[0], dtype=float)
