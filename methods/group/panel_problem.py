"""Build a :class:`~methods.group.panel.PanelProblem`: validate the panel's arrays once.

Every message names the expert, the candidate or the criterion at fault and the fix.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

import numpy as np
import numpy.typing as npt

from clusterrank.errors import ConfigurationError, MethodInputError
from clusterrank.i18n import _
from clusterrank.methods.group.expert_weights import check_expert_weights
from clusterrank.methods.group.panel import WEIGHT_AGGREGATIONS, PanelProblem, WeightsFn
from clusterrank.methods.group.scores import counted_answers
from clusterrank.methods.group.weighted_stats import DEFAULT_TRIM, SortedAnswers, check_aggregation
from clusterrank.methods.registry import get_batch_scorer
from clusterrank.methods.validation import check_directions, check_ids, check_matrix, check_weights

FloatArray = npt.NDArray[np.float64]


def _expert_criterion_weights(
    weights: npt.ArrayLike, k: int, n: int, aggregation: str
) -> FloatArray:
    w = np.asarray(weights, dtype=float)
    if w.shape != (k, n):
        msg = _(
            "per-expert criterion weights must be K × n = {k} × {n} (got shape {shape})"
        ).format(k=k, n=n, shape=w.shape)
        raise MethodInputError(msg)
    bad = np.argwhere(~np.isfinite(w) | (w < 0))
    if bad.size:
        e, j = bad[0]
        msg = _(
            "expert {expert}'s weight of criterion {criterion} must be a finite number >= 0"
        ).format(expert=e + 1, criterion=j + 1)
        raise MethodInputError(msg)
    if aggregation == "geometric" and np.any(w <= 0):
        e, j = np.argwhere(w <= 0)[0]
        msg = _(
            "expert {expert} gives criterion {criterion} weight 0; the geometric mean needs "
            "positive weights (AHP priorities are); use the arithmetic mean"
        ).format(expert=e + 1, criterion=j + 1)
        raise MethodInputError(msg)
    total = w.sum(axis=1, keepdims=True)
    if np.any(total <= 0):
        e = int(np.flatnonzero(total[:, 0] <= 0)[0])
        msg = _("expert {expert}'s criterion weights are all zero").format(expert=e + 1)
        raise MethodInputError(msg)
    return np.asarray(w / total, dtype=float)


def _expert_scores(
    scores: npt.ArrayLike | None,
    abstain: npt.ArrayLike | None,
    k: int,
    m: int,
    cols: tuple[int, ...],
) -> tuple[FloatArray | None, SortedAnswers | None]:
    """The K × m × q counted answers and their sorted form (both None without ``scores``).

    Raises
    ------
    MethodInputError
        The scores are not K × m × q, or scored columns are named without scores.
    """
    if scores is None:
        if cols:
            msg = _("scored columns were named but no expert scores were given")
            raise MethodInputError(msg)
        return None, None
    counted, _unused = counted_answers(scores, abstain)
    if counted.shape != (k, m, len(cols)):
        msg = _(
            "scores must be K × m × q = {k} × {m} × {q} (experts × candidates × "
            "scored criteria); got shape {shape}"
        ).format(k=k, m=m, q=len(cols), shape=counted.shape)
        raise MethodInputError(msg)
    return counted, SortedAnswers.of(counted.reshape(k, -1))


def _weight_scheme(
    weights_fn: WeightsFn | None,
    criterion_weights: npt.ArrayLike | None,
    weight_aggregation: str,
    k: int,
    n: int,
) -> tuple[str, FloatArray | None]:
    """How sub-panel criterion weights are made, and the per-expert weights if aggregated.

    Returns ``"custom"`` (``weights_fn``), the aggregation name (``criterion_weights``,
    normalised per expert) or ``"fixed"``.

    Raises
    ------
    ConfigurationError
        An unknown weight aggregation.
    """
    if weights_fn is not None:
        return "custom", None
    if criterion_weights is None:
        return "fixed", None
    how = str(weight_aggregation).strip().lower()
    if how not in WEIGHT_AGGREGATIONS:
        allowed = ", ".join(WEIGHT_AGGREGATIONS)
        msg = _("weight aggregation must be one of {allowed} (got {given!r})").format(
            allowed=allowed, given=weight_aggregation
        )
        raise ConfigurationError(msg)
    return how, _expert_criterion_weights(criterion_weights, k, n, how)


def panel_problem(
    matrix: npt.ArrayLike,
    directions: Sequence[str | int] | npt.ArrayLike,
    *,
    experts: Sequence[str],
    criterion_weights: npt.ArrayLike | None = None,
    weight_aggregation: str = "geometric",
    weights_fn: WeightsFn | None = None,
    fixed_weights: npt.ArrayLike | None = None,
    scores: npt.ArrayLike | None = None,
    abstain: npt.ArrayLike | None = None,
    scored_columns: Sequence[int] = (),
    score_aggregation: str = "median",
    trim: float = DEFAULT_TRIM,
    expert_weights: npt.ArrayLike | None = None,
    method: str = "topsis",
    settings: Mapping[str, Any] | None = None,
    candidates: Sequence[str] | None = None,
    criteria: Sequence[str] | None = None,
) -> PanelProblem:
    """Validate a panel problem (see the module docstring).

    Parameters
    ----------
    matrix
        m × n base decision matrix; the ``scored_columns`` may be NaN (the panel fills them).
    directions
        One per criterion.
    experts
        K unique expert ids.
    criterion_weights, weight_aggregation
        K × n per-expert criterion weights and ``"geometric"`` / ``"arithmetic"`` AIP.
    weights_fn
        Instead: α (K,) -> criterion weights (n,), for any other aggregation.
    fixed_weights
        Instead: one weight vector for every sub-panel (``None`` everywhere: equal weights).
    scores, abstain, scored_columns
        K × m × q expert scores (NaN = no answer), optional abstain flags, and the q
        criterion indices they fill.
    score_aggregation, trim
        ``"median"`` (default), ``"mean"``, ``"trimmed_mean"``; share cut from each tail.
    expert_weights
        K panel weights α (equal by default).
    method, settings
        Ranking method for every sub-panel.

    Raises
    ------
    MethodInputError, ConfigurationError
        Shapes, values or settings that do not fit (the message names the expert, the
        candidate and the criterion).
    """
    ids = tuple(str(e) for e in experts)
    k = len(ids)
    alpha = check_expert_weights(expert_weights, k)
    if len(set(ids)) != k:
        msg = _("expert ids must be unique")
        raise MethodInputError(msg)
    base = np.array(matrix, dtype=float)
    if base.ndim != 2:
        msg = _(
            "the decision matrix must be 2-D (candidates × criteria); got shape {shape}"
        ).format(shape=base.shape)
        raise MethodInputError(msg)
    m, n = base.shape
    cols = tuple(int(j) for j in scored_columns)
    if len(set(cols)) != len(cols) or any(not 0 <= j < n for j in cols):
        msg = _(
            "scored columns must be distinct criterion indices in 0..{value} (got {cols})"
        ).format(value=n - 1, cols=cols)
        raise MethodInputError(msg)
    cand = check_ids(candidates, "A", m, "candidate")
    crit = check_ids(criteria, "C", n, "criterion")
    d = check_directions(directions, n)
    agg_key, t = check_aggregation(score_aggregation, trim)
    notes: list[str] = []
    counted, sorted_answers = _expert_scores(scores, abstain, k, m, cols)
    unscored = np.delete(base, list(cols), axis=1)
    check_matrix(unscored if unscored.size else np.zeros((m, 1)))
    how, ew = _weight_scheme(weights_fn, criterion_weights, weight_aggregation, k, n)
    fixed, more = check_weights(fixed_weights, n, crit)
    if how == "fixed":
        notes += more
    problem = PanelProblem(
        matrix=base,
        directions=d,
        method=method,
        settings=dict(settings or {}),
        experts=ids,
        candidates=cand,
        criteria=crit,
        expert_weights=alpha,
        criterion_weights=ew,
        fixed_weights=fixed,
        weight_aggregation=how,
        scores=counted,
        scored_columns=cols,
        score_aggregation=agg_key,
        trim=t,
        notes=tuple(notes),
        weights_fn=weights_fn,
        _sorted=sorted_answers,
    )
    mats, defined = problem.matrices_for(alpha[None, :])
    if mats is not None:
        if not defined[0]:
            assert counted is not None
            i, j = np.argwhere(np.all(np.isnan(counted), axis=0))[0]
            msg = _(
                "nobody scored candidate {candidate!r} on criterion {criterion!r}; every "
                "expert-scored cell needs at least one answer"
            ).format(candidate=cand[i], criterion=crit[cols[j]])
            raise MethodInputError(msg)
        base = mats[0]
    scorer = get_batch_scorer(method, base, d, problem.settings)
    return replace(problem, matrix=base, settings=dict(scorer.settings), _scorer=scorer)
