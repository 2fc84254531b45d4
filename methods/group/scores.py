"""Experts' scores per item (criterion × candidate): aggregate, count abstentions, spread.

Input: scores of K experts as a K × ... array (experts first, then any item shape, e.g.
K × candidates × criteria); ``np.nan`` where an expert gave no answer, and an optional
boolean ``abstain`` array of the same shape where an expert explicitly abstained. Both are
excluded from every statistic and counted separately (an abstention wins over a value given
with it). Expert weights are optional (equal by default).

Per item:

- the aggregate by ``median`` (default; the weighted median), ``mean`` or ``trimmed_mean``
  (share ``trim`` cut from each tail, 10 % by default) —
  definitions in :mod:`methods.group.weighted_stats`;
- Q1, Q3 and IQR = Q3 − Q1 with the quantile of Hyndman & Fan's definition 2 (numpy's
  ``averaged_inverted_cdf``), the same one the median uses;
- the (weighted) share of the counted answers within one scale step of the median,
  |x − median| <= ``step``, the agreement share Delphi studies report.

An item nobody answered has no aggregate: ``defined`` is False there, the numbers are NaN,
and a note counts such items, so the caller never mistakes them for values.

References
----------
Hyndman, R.J., Fan, Y. (1996). Sample quantiles in statistical packages. *The American
Statistician* 50(4), 361–365.

von der Gracht, H.A. (2012). Consensus measurement in Delphi studies: review and implications
for future quality assurance. *Technological Forecasting and Social Change* 79(8),
1525–1536 (IQR and percentage agreement as consensus measures).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from clusterrank.errors import MethodInputError
from clusterrank.i18n import N_, _, ngettext
from clusterrank.methods.group.expert_weights import check_expert_weights
from clusterrank.methods.group.weighted_stats import DEFAULT_TRIM, SortedAnswers, check_aggregation

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


def counted_answers(
    scores: npt.ArrayLike, abstain: npt.ArrayLike | None = None
) -> tuple[FloatArray, BoolArray]:
    """The scores with abstentions set to NaN, and the abstention mask (both K × ...).

    Raises
    ------
    MethodInputError
        Fewer than one expert, an infinite score, or an ``abstain`` of another shape.
    """
    x = np.array(scores, dtype=float)
    if x.ndim < 1 or x.shape[0] < 1:
        msg = _("scores must have one row per expert (got shape {shape})").format(shape=x.shape)
        raise MethodInputError(msg)
    if np.isinf(x).any():
        pos = tuple(int(v) + 1 for v in np.argwhere(np.isinf(x))[0])
        msg = _(
            "scores must be finite numbers; expert {expert} has an infinite one at {place}"
        ).format(expert=pos[0], place=pos[1:])
        raise MethodInputError(msg)
    if abstain is None:
        flags = np.zeros(x.shape, dtype=bool)
    else:
        flags = np.asarray(abstain, dtype=bool)
        if flags.shape != x.shape:
            msg = _("abstain flags must have the scores' shape {shape} (got {shape2})").format(
                shape=x.shape, shape2=flags.shape
            )
            raise MethodInputError(msg)
    x[flags] = np.nan
    return x, flags


@dataclass(frozen=True)
class ScoreSummary:
    """Aggregated scores and their spread, per item (arrays of the item shape).

    Attributes
    ----------
    values
        The aggregate by ``method``; NaN where ``defined`` is False.
    defined
        At least one counted answer with positive weight.
    answered, abstained, missing
        Counts per item: answers counted, explicit abstentions, no answer at all.
    median, q1, q3, iqr
        Weighted median, quartiles (Hyndman & Fan definition 2) and IQR = q3 − q1.
    within_one_step
        Weighted share of counted answers with |x − median| <= ``step``.
    method, trim, step
        Settings used (``trim`` is the share cut from each tail by ``trimmed_mean``).
    notes
        Remarks a user must see.
    """

    values: FloatArray
    defined: BoolArray
    answered: IntArray
    abstained: IntArray
    missing: IntArray
    median: FloatArray
    q1: FloatArray
    q3: FloatArray
    iqr: FloatArray
    within_one_step: FloatArray
    method: str
    trim: float
    step: float
    notes: tuple[str, ...] = ()

    @property
    def settings(self) -> dict[str, object]:
        """Every setting that changed a number."""
        return {
            "aggregation": self.method,
            "trim_each_tail": self.trim,
            "quantiles": N_("Hyndman-Fan definition 2 (averaged inverted CDF)"),
            "step": self.step,
        }


def summarize_scores(
    scores: npt.ArrayLike,
    abstain: npt.ArrayLike | None = None,
    expert_weights: npt.ArrayLike | None = None,
    *,
    method: str = "median",
    trim: float = DEFAULT_TRIM,
    step: float = 1.0,
) -> ScoreSummary:
    """Aggregate K experts' scores per item, with counts, quartiles and agreement share.

    Parameters
    ----------
    scores
        K × ... (experts first); NaN = no answer.
    abstain
        Optional boolean array of the same shape (True = abstained).
    expert_weights
        K non-negative weights (equal when ``None``).
    method
        ``"median"`` (default), ``"mean"`` or ``"trimmed_mean"``.
    trim
        Share cut from each tail by ``trimmed_mean`` (0.1 by default).
    step
        One step of the answer scale (1 for a 1..5 or 1..9 scale).

    References
    ----------
    Hyndman & Fan (1996); von der Gracht (2012). See the module docstring.
    """
    key, t = check_aggregation(method, trim)
    if not (np.isfinite(step) and step > 0):
        msg = _("the scale step must be a number > 0 (got {step!r})").format(step=step)
        raise MethodInputError(msg)
    x, flags = counted_answers(scores, abstain)
    k = x.shape[0]
    item_shape = x.shape[1:]
    flat = x.reshape(k, -1)
    alpha = check_expert_weights(expert_weights, k)
    sa = SortedAnswers.of(flat)
    ws, total = sa.mass(alpha[None, :])
    median = sa.quantile(ws, total, 0.5)[0]
    q1 = sa.quantile(ws, total, 0.25)[0]
    q3 = sa.quantile(ws, total, 0.75)[0]
    if key == "median":
        values = median
    elif key == "mean":
        values = sa.mean(ws, total)[0]
    else:
        values = sa.trimmed_mean(ws, total, t)[0]
    defined = total[0] > 0
    near = np.abs(flat - median[None, :]) <= step * (1 + 1e-9)
    weight_near = np.where(near & ~np.isnan(flat), alpha[:, None], 0.0).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(defined, weight_near / total[0], np.nan)
    answered = (~np.isnan(flat)).sum(axis=0)
    abstained = flags.reshape(k, -1).sum(axis=0)
    notes: list[str] = []
    if not defined.all():
        count = int((~defined).sum())
        notes.append(
            ngettext(
                "{count} item(s) have no counted answer (every expert abstained, "
                "gave none, or has weight 0); they have no aggregate",
                "{count} item(s) have no counted answer (every expert abstained, "
                "gave none, or has weight 0); they have no aggregate",
                count,
            ).format(count=count)
        )
    if abstained.any():
        count = int(abstained.sum())
        notes.append(
            ngettext(
                "{count} abstention(s) excluded from the statistics",
                "{count} abstention(s) excluded from the statistics",
                count,
            ).format(count=count)
        )

    def shaped(a: npt.ArrayLike, dtype: type = float) -> Any:
        return np.asarray(a, dtype=dtype).reshape(item_shape)

    return ScoreSummary(
        values=shaped(values),
        defined=shaped(defined, bool),
        answered=shaped(answered, np.int64),
        abstained=shaped(abstained, np.int64),
        missing=shaped(k - answered - abstained, np.int64),
        median=shaped(median),
        q1=shaped(q1),
        q3=shaped(q3),
        iqr=shaped(q3 - q1),
        within_one_step=shaped(share),
        method=key,
        trim=t,
        step=float(step),
        notes=tuple(notes),
    )
