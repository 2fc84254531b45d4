"""AHP judgment uncertainty: how much the weights and the ranking depend on each judgment.

Every judgment above the diagonal of the (completed) pairwise matrix is perturbed
independently and multiplicatively, its reciprocal following, in one of two ways:

``factor``
    log-uniform within ``[a / f, a * f]`` (f >= 1; f = 1 is no perturbation);
``saaty_steps``
    uniform within ± ``s`` steps on Saaty's 1..9 scale: a judgment's position is
    ``a - 1`` for ``a >= 1`` and ``1 - 1/a`` below 1, so one step moves 3 to 2 or 4 and 1/3 to
    1/2 or 1/4; positions stay within ±8 (1/9..9) unless the judgment already lies outside.

Draws whose consistency ratio exceeds the threshold are rejected (an expert would not have
given them); the acceptance rate is reported. From the accepted draws come each weight's
mean, 5-95 % interval and range and, given a ranking function of the weights, the share of
draws in which the ranking (and the winner) differ from the point ranking.

With a zero range every draw is the point matrix itself (the multipliers are exactly 1), so
the weights reproduce the point priorities bit for bit.

References
----------
Saaty, T. L. (1980). *The Analytic Hierarchy Process*. McGraw-Hill (scale, consistency).
Hahn, E. D. (2003). Decision making with uncertain judgments: a stochastic formulation of
the analytic hierarchy process. *Decision Sciences* 34(3), 443-466.
Banuelas, R. and Antony, J. (2004). Modified analytic hierarchy process to incorporate
uncertainty and managerial aspects. *International Journal of Production Research* 42(18),
3851-3872 (Monte Carlo perturbation of pairwise judgments).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from clusterrank.errors import MethodInputError
from clusterrank.i18n import _, formats
from clusterrank.methods.ahp.consistency import DEFAULT_THRESHOLD, analyse, consistency_ratio
from clusterrank.methods.ahp.priorities import derive
from clusterrank.methods.result import FloatArray
from clusterrank.methods.sensitivity.common import competition_ranks, make_scorer, resolve_seed
from clusterrank.methods.sensitivity.limits import (
    MAX_AHP_DRAWS,
    ahp_draw_bytes,
    check_count,
    check_memory,
)

Ranker = Callable[[FloatArray], npt.ArrayLike]


@dataclass(frozen=True)
class JudgmentPerturbation:
    """How far each judgment may move: ``factor`` (f >= 1) or ``saaty_steps`` (s >= 0)."""

    kind: Literal["factor", "saaty_steps"] = "saaty_steps"
    amount: float = 1.0

    def settings(self) -> dict[str, Any]:
        """The perturbation as settings to report (``perturbation``, ``amount``)."""
        return {"perturbation": self.kind, "amount": self.amount}

    def multipliers(self, upper: FloatArray, rng: np.random.Generator, draws: int) -> FloatArray:
        """(draws, len(upper)) multipliers of the upper-triangle judgments."""
        a = float(self.amount)
        if self.kind == "factor":
            if not np.isfinite(a) or a < 1:
                msg = _("a perturbation factor must be a number >= 1 (got {given!r})").format(
                    given=self.amount
                )
                raise MethodInputError(msg)
            return np.exp(rng.uniform(-np.log(a), np.log(a), size=(draws, upper.size)))
        if self.kind != "saaty_steps":
            msg = _("perturbation must be 'factor' or 'saaty_steps' (got {given!r})").format(
                given=self.kind
            )
            raise MethodInputError(msg)
        if not np.isfinite(a) or a < 0:
            msg = _("the number of Saaty steps must be a number >= 0 (got {given!r})").format(
                given=self.amount
            )
            raise MethodInputError(msg)
        pos = np.where(upper >= 1, upper - 1.0, 1.0 - 1.0 / upper)
        moved = pos + rng.uniform(-a, a, size=(draws, upper.size))
        moved = np.clip(moved, np.minimum(pos, -8.0), np.maximum(pos, 8.0))
        return _from_position(moved) / _from_position(pos)


def _from_position(p: FloatArray) -> FloatArray:
    return np.where(p >= 0, 1.0 + np.abs(p), 1.0 / (1.0 + np.abs(p)))


@dataclass(frozen=True)
class AHPUncertaintyResult:
    """Weight intervals and ranking-change probabilities from perturbed judgments."""

    items: tuple[str, ...]
    point_weights: FloatArray
    point_cr: float
    draws: int
    accepted: int
    weights_mean: FloatArray
    weights_q05: FloatArray
    weights_q95: FloatArray
    weights_min: FloatArray
    weights_max: FloatArray
    p_ranking_changes: float | None = None
    p_ranking_changes_se: float | None = None
    p_winner_changes: float | None = None
    p_winner_changes_se: float | None = None
    winner_share: Mapping[str, float] = field(default_factory=dict)
    settings: Mapping[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "settings", MappingProxyType(dict(self.settings)))
        object.__setattr__(self, "winner_share", MappingProxyType(dict(self.winner_share)))

    @property
    def acceptance_rate(self) -> float:
        """The share of draws kept (acceptable CR)."""
        return self.accepted / self.draws

    def to_frame(self) -> pd.DataFrame:
        """One row per item: point weight, mean, 5 % and 95 % quantiles, min and max."""
        return pd.DataFrame(
            {
                "item": list(self.items),
                "point": self.point_weights,
                "mean": self.weights_mean,
                "q05": self.weights_q05,
                "q95": self.weights_q95,
                "min": self.weights_min,
                "max": self.weights_max,
            }
        )


def method_ranker(
    matrix: npt.ArrayLike,
    directions: Sequence[str | int] | npt.ArrayLike | None,
    method: str = "ahp",
    settings: Mapping[str, Any] | None = None,
) -> Ranker:
    """A ranking function of the criteria weights for one decision matrix and method."""
    scorer = make_scorer(method, matrix, directions, dict(settings or {}))
    return lambda w: competition_ranks(scorer.scores(w)[0], scorer.higher_is_better)


def ahp_uncertainty(
    matrix: object,
    items: Sequence[str] | None = None,
    *,
    perturbation: JudgmentPerturbation | None = None,
    n_draws: int = 2000,
    seed: int | None = 0,
    threshold: float = DEFAULT_THRESHOLD,
    derivation: str = "eigenvector",
    random_index: str = "saaty",
    ranker: Ranker | None = None,
    completion: str = "implied",
    candidates: Sequence[str] | None = None,
) -> AHPUncertaintyResult:
    """Perturb every judgment, keep draws with CR <= threshold, summarise weights and ranks.

    Parameters
    ----------
    matrix, items, derivation, random_index, threshold, completion
        As for :func:`methods.ahp.consistency.analyse` (missing judgments are completed first,
        by ``completion``, and the completed matrix is perturbed).
    perturbation
        Default: ± one Saaty step.
    n_draws, seed
        Number of perturbed matrices and the seed (``None``: fresh entropy, echoed).
    ranker
        Optional function weights -> ranks of the candidates (see :func:`method_ranker`);
        ``candidates`` names them in ``winner_share``.

    References
    ----------
    Saaty (1980); Hahn (2003); Banuelas and Antony (2004).
    """
    spec = perturbation or JudgmentPerturbation()
    check_count(n_draws, MAX_AHP_DRAWS, _("perturbed judgment sets"), "'n_draws'")
    seed = resolve_seed(seed)
    point = analyse(
        matrix,
        items,
        derivation=derivation,
        random_index=random_index,
        threshold=threshold,
        completion=completion,
    )
    n = point.n
    check_memory(
        ahp_draw_bytes(n_draws, n),
        _("{draws} perturbed judgment sets of {n} items").format(
            draws=formats.integer(n_draws), n=n
        ),
        _("ask for fewer draws"),
    )
    notes = list(point.notes)
    iu = np.triu_indices(n, k=1)
    mult = spec.multipliers(point.matrix[iu], np.random.default_rng(seed), n_draws)
    kept: list[FloatArray] = []
    for row in mult:
        factors = np.ones((n, n))
        factors[iu] = row
        factors[iu[::-1]] = 1.0 / row
        w, lam = derive(point.matrix * factors, point.derivation)
        cr = consistency_ratio(lam, n, point.random_index_table)
        if cr <= point.threshold:
            kept.append(w)
    if not kept:
        msg = _(
            "none of the {draws} perturbed judgment sets had CR <= {threshold} "
            "(point CR {cr}); narrow the perturbation or raise the threshold"
        ).format(draws=n_draws, threshold=f"{point.threshold:g}", cr=formats.number(point.cr, 3))
        raise MethodInputError(msg)
    weights = np.array(kept)
    if not point.acceptable:
        note = _("the point judgments themselves have CR {cr} > {threshold}")
        notes.append(note.format(cr=formats.number(point.cr, 3), threshold=f"{point.threshold:g}"))
    out: dict[str, Any] = {}
    if ranker is not None:
        out = _ranking_changes(ranker, point.priorities, weights, candidates)
    echoed = spec.settings() | {"n_draws": n_draws, "seed": seed, "threshold": point.threshold}
    echoed |= {"derivation": point.derivation, "random_index": point.random_index_table}
    echoed |= {"completion": point.completion}
    return AHPUncertaintyResult(
        items=point.items,
        point_weights=point.priorities,
        point_cr=point.cr,
        draws=n_draws,
        accepted=len(kept),
        weights_mean=weights.mean(axis=0),
        weights_q05=np.quantile(weights, 0.05, axis=0),
        weights_q95=np.quantile(weights, 0.95, axis=0),
        weights_min=weights.min(axis=0),
        weights_max=weights.max(axis=0),
        settings=echoed,
        notes=(*notes, _kept_note(len(kept), n_draws, point.threshold)),
        **out,
    )


def _kept_note(kept: int, draws: int, threshold: float) -> str:
    return _("{kept} of {draws} draws kept (CR <= {threshold})").format(
        kept=kept, draws=draws, threshold=f"{threshold:g}"
    )


def _ranking_changes(
    ranker: Ranker, point: FloatArray, weights: FloatArray, candidates: Sequence[str] | None
) -> dict[str, Any]:
    base = np.asarray(ranker(point), dtype=int)
    ids = list(candidates) if candidates is not None else [f"A{i + 1}" for i in range(base.size)]
    if len(ids) != base.size:
        msg = _("expected {n} candidate ids (one per ranked candidate), got {count}").format(
            n=base.size, count=len(ids)
        )
        raise MethodInputError(msg)
    count = len(weights)
    changed = winner = 0
    firsts = np.zeros(base.size)
    for w in weights:  # one ranking at a time: memory O(m), not O(draws × m)
        ranks = np.asarray(ranker(w), dtype=int)
        changed += bool(np.any(ranks != base))
        winner += bool(np.any((ranks == 1) != (base == 1)))
        firsts += ranks == 1
    p1, p2 = changed / count, winner / count
    return {
        "p_ranking_changes": p1,
        "p_ranking_changes_se": float(np.sqrt(p1 * (1 - p1) / count)),
        "p_winner_changes": p2,
        "p_winner_changes_se": float(np.sqrt(p2 * (1 - p2) / count)),
        "winner_share": dict(zip(ids, (firsts / count).tolist(), strict=True)),
    }
