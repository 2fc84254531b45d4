"""A panel's decision problem: per-expert weights and scores, aggregated for any sub-panel.

Leave-one-expert-out and the bootstrap over experts both ask the same question many times:
"what ranking would this sub-panel produce?". A sub-panel is a vector of multiplicities
c_k >= 0 (0 = left out, 2 = drawn twice); its expert weights are α_k c_k, renormalised.
For it:

criterion weights
    each expert's own weight vector (K × n, e.g. their AHP priorities, global) aggregated
    by AIP, the weighted ``geometric`` (default) or ``arithmetic`` mean, renormalised
    (Forman & Peniwati 1998); with row-geometric-mean priorities of complete matrices the
    geometric AIP equals AIJ. For any other aggregation (AIJ with eigenvector priorities,
    a hierarchy aggregated node by node) pass ``weights_fn(α) -> weights``, called once per
    sub-panel. Or one fixed weight vector when the panel does not weigh.
scores
    the experts' scores (K × m × q) of the q expert-scored criteria are aggregated per
    cell by :mod:`methods.group.weighted_stats` (median by default) and written into
    those columns of the base decision matrix; abstentions and missing answers excluded.
    A sub-panel in which nobody scored some cell has no matrix: it is reported as undefined.
ranking
    any registered method through :func:`methods.registry.get_batch_scorer`: one
    vectorised pass over a whole chunk of sub-panels when only the weights vary, one
    prepared scorer per sub-panel when the scores vary too. Ranks are competition ranks
    (:func:`methods.sensitivity.common.competition_ranks`, ties to 12 significant digits).

References
----------
Forman, E., Peniwati, K. (1998). Aggregating individual judgments and priorities with the
analytic hierarchy process. *European Journal of Operational Research* 108(1), 165–169.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from clusterrank.errors import MethodInputError
from clusterrank.i18n import _
from clusterrank.methods.group.weighted_stats import (
    SortedAnswers,
    aggregate_batch,
)
from clusterrank.methods.registry import BatchScorer, get_batch_scorer
from clusterrank.methods.sensitivity.common import competition_ranks
from clusterrank.methods.validation import check_weights

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int_]
BoolArray = npt.NDArray[np.bool_]
WeightsFn = Callable[[FloatArray], npt.ArrayLike]

WEIGHT_AGGREGATIONS: tuple[str, ...] = ("geometric", "arithmetic")


@dataclass(frozen=True)
class PanelProblem:
    """A validated panel problem.

    Build it with :func:`methods.group.panel_problem.panel_problem`.

    Attributes
    ----------
    matrix
        m × n base decision matrix (the scored columns hold the full panel's aggregate).
    directions
        ±1 per criterion.
    method, settings
        Ranking method and its settings (as for :func:`methods.registry.rank`).
    experts, candidates, criteria
        Ids.
    expert_weights
        α (K,), summing to 1.
    criterion_weights
        K × n per-expert weight vectors (rows sum to 1), or ``None``.
    fixed_weights
        n weights used when ``criterion_weights`` and ``weights_fn`` are ``None``.
    weight_aggregation
        ``"geometric"``, ``"arithmetic"``, ``"custom"`` (``weights_fn``) or ``"fixed"``.
    scores
        K × m × q counted scores (NaN = excluded), or ``None``.
    scored_columns
        The q criterion indices the scores fill.
    score_aggregation, trim
        ``"median"``, ``"mean"`` or ``"trimmed_mean"``; share cut from each tail.
    notes
        Remarks a user must see.
    """

    matrix: FloatArray
    directions: npt.NDArray[np.int_]
    method: str
    settings: Mapping[str, Any]
    experts: tuple[str, ...]
    candidates: tuple[str, ...]
    criteria: tuple[str, ...]
    expert_weights: FloatArray
    criterion_weights: FloatArray | None
    fixed_weights: FloatArray
    weight_aggregation: str
    scores: FloatArray | None
    scored_columns: tuple[int, ...]
    score_aggregation: str
    trim: float
    notes: tuple[str, ...] = ()
    weights_fn: WeightsFn | None = field(default=None, repr=False, compare=False)
    _sorted: SortedAnswers | None = field(default=None, repr=False, compare=False)
    _scorer: BatchScorer | None = field(default=None, repr=False, compare=False)

    @property
    def shape(self) -> tuple[int, int, int]:
        """(K experts, m candidates, n criteria)."""
        return len(self.experts), self.matrix.shape[0], self.matrix.shape[1]

    @property
    def higher_is_better(self) -> bool:
        """Whether a higher score is better for the panel's method (known once built)."""
        assert self._scorer is not None
        return self._scorer.higher_is_better

    @property
    def varies_matrix(self) -> bool:
        """True when sub-panels change the decision matrix (expert scores present)."""
        return self.scores is not None

    def bytes_per_panel(self) -> int:
        """Working bytes one sub-panel costs in :meth:`aggregate` (a few K × cells arrays)."""
        k, m, n = self.shape
        cells = 0 if self.scores is None else self.scores.shape[1] * self.scores.shape[2]
        return 8 * (4 * k * cells + 2 * m * n + 4 * k + 4 * n + 4 * m)

    def alphas(self, multiplicity: npt.ArrayLike) -> FloatArray:
        """Sub-panel expert weights α_k c_k, renormalised (rows of a c × K array)."""
        c = np.atleast_2d(np.asarray(multiplicity, dtype=float))
        a = c * self.expert_weights[None, :]
        total = a.sum(axis=1, keepdims=True)
        if np.any(total <= 0):
            msg = _("a sub-panel has no expert with positive weight")
            raise MethodInputError(msg)
        return np.asarray(a / total, dtype=float)

    def weights_for(self, alphas: FloatArray) -> FloatArray:
        """Criterion weights (c × n) of sub-panels with expert weights ``alphas`` (c × K)."""
        c = alphas.shape[0]
        key = self.weight_aggregation
        if key == "fixed":
            return np.tile(self.fixed_weights, (c, 1))
        if key == "custom":
            assert self.weights_fn is not None
            rows = [_custom_weights(self.weights_fn, a, self.matrix.shape[1]) for a in alphas]
            return np.asarray(rows, dtype=float)
        assert self.criterion_weights is not None
        if key == "geometric":
            w = np.exp(alphas @ np.log(self.criterion_weights))
        else:
            w = alphas @ self.criterion_weights
        return np.asarray(w / w.sum(axis=1, keepdims=True), dtype=float)

    def matrices_for(self, alphas: FloatArray) -> tuple[FloatArray | None, BoolArray]:
        """Decision matrices (c × m × n) of sub-panels, and which are defined.

        A sub-panel's matrix is defined when every scored cell has an answer; ``None`` when the
        panel does not score.
        """
        c = alphas.shape[0]
        if self._sorted is None:
            return None, np.ones(c, dtype=bool)
        agg = aggregate_batch(self._sorted, alphas, self.score_aggregation, self.trim)
        m = self.matrix.shape[0]
        q = len(self.scored_columns)
        agg = agg.reshape(c, m, q)
        defined = np.all(np.isfinite(agg), axis=(1, 2))
        mats = np.repeat(self.matrix[None, :, :], c, axis=0)
        mats[:, :, list(self.scored_columns)] = np.where(np.isfinite(agg), agg, 0.0)
        return mats, defined

    def panel_scores(self, multiplicity: npt.ArrayLike) -> tuple[FloatArray, BoolArray]:
        """Method scores (c × m) of sub-panels and which are defined (NaN rows if not)."""
        alphas = self.alphas(multiplicity)
        weights = self.weights_for(alphas)
        mats, defined = self.matrices_for(alphas)
        assert self._scorer is not None
        if mats is None:
            return self._scorer.scores(weights), defined
        out = np.full((alphas.shape[0], self.matrix.shape[0]), np.nan)
        for s in np.flatnonzero(defined):
            scorer = get_batch_scorer(self.method, mats[s], self.directions, self.settings)
            out[s] = scorer.scores(weights[s])[0]
        return out, defined

    def panel_ranks(self, multiplicity: npt.ArrayLike) -> tuple[IntArray, BoolArray]:
        """Competition ranks (c × m, 1 = best) of sub-panels; rows of undefined ones are 0."""
        scores, defined = self.panel_scores(multiplicity)
        ranks = np.zeros(scores.shape, dtype=int)
        if defined.any():
            ranks[defined] = competition_ranks(scores[defined], self.higher_is_better)
        return ranks, defined

    def full_ranks(self) -> IntArray:
        """The whole panel's ranking (every expert once)."""
        ranks, _unused = self.panel_ranks(np.ones((1, len(self.experts))))
        return np.asarray(ranks[0], dtype=int)

    def expert_ranks(self) -> tuple[IntArray, int]:
        """Each expert's own ranking (K × m): their own weights and their own scores.

        A cell an expert did not score takes the whole panel's aggregate there; the second
        value counts such cells (report it). Feed the rows to
        :func:`methods.group.kendall.kendall_w`.
        """
        k = len(self.experts)
        eye = np.eye(k)
        weights = self.weights_for(eye)
        filled = 0
        out = np.zeros((k, self.matrix.shape[0]), dtype=int)
        for e in range(k):
            mat = self.matrix.copy()
            if self.scores is not None:
                own = self.scores[e]
                cols = list(self.scored_columns)
                gaps = np.isnan(own)
                filled += int(gaps.sum())
                mat[:, cols] = np.where(gaps, self.matrix[:, cols], own)
            scorer = get_batch_scorer(self.method, mat, self.directions, self.settings)
            out[e] = competition_ranks(scorer.scores(weights[e])[0], scorer.higher_is_better)
        return out, filled


def _custom_weights(fn: WeightsFn, alpha: FloatArray, n: int) -> FloatArray:
    w, _unused = check_weights(fn(alpha), n)
    return w
