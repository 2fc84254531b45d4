"""Monte Carlo summaries for SMAA-2: standard errors, central weights, confidence factors.

Standard errors: with certain data every sample is independent and an index estimated as a
share p of N samples has error sqrt(p (1 - p) / N). With uncertain data the samples of one
block share a matrix draw, so the error comes from batch means over the K blocks:
``sqrt(K / (K - 1) * sum_k (c_k - B_k p)^2) / N`` with c_k the block's count and B_k its size.

References
----------
Lahdelma, R. and Salminen, P. (2001). SMAA-2: Stochastic multicriteria acceptability
analysis for group decision making. *Operations Research* 49(3), 444-454.
Law, A. M. (2015). *Simulation Modeling and Analysis*, 5th ed., McGraw-Hill, sec. 9.5.3
(batch means).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import numpy.typing as npt

from clusterrank.i18n import _, ngettext
from clusterrank.methods.registry import BatchScorer
from clusterrank.methods.result import FloatArray
from clusterrank.methods.sensitivity.common import block_generator, competition_ranks, make_scorer
from clusterrank.methods.sensitivity.rankcount import RankAccumulator
from clusterrank.methods.sensitivity.sampling import draw_matrix


class BatchMeans:
    """Sums over blocks for batch-means standard errors (one block = one matrix draw)."""

    def __init__(self, m: int) -> None:
        self.c2 = np.zeros((m, m))
        self.cb = np.zeros((m, m))
        self.w2 = np.zeros((m, m))
        self.wb = np.zeros((m, m))
        self.b2 = 0.0
        self.blocks = 0

    def add(self, acc: RankAccumulator, weights: FloatArray, scores: FloatArray) -> None:
        """Count one block's ranks into ``acc`` and add its sums for the standard errors."""
        before = None if acc.wins is None else acc.wins.copy()
        counts = acc.add(weights, scores, chunk_counts=True)
        assert counts is not None
        counts = counts.astype(float)
        size = float(len(weights))
        self.c2 += counts**2
        self.cb += counts * size
        if acc.wins is not None and before is not None:
            wins = (acc.wins - before).astype(float)
            self.w2 += wins**2
            self.wb += wins * size
        self.b2 += size**2
        self.blocks += 1

    def se(self, p: FloatArray, c2: FloatArray, cb: FloatArray, total: int) -> FloatArray:
        """Batch-means standard error of the shares ``p`` from the block sums ``c2`` and ``cb``.

        ``total`` is the number of draws.
        """
        k = self.blocks
        ss = c2 - 2.0 * p * cb + p**2 * self.b2
        return np.asarray(np.sqrt(np.maximum(ss, 0.0) * k / (k - 1)) / total, dtype=float)


def binomial_se(p: FloatArray, total: int) -> FloatArray:
    """sqrt(p (1 - p) / N) for independent samples."""
    return np.asarray(np.sqrt(p * (1.0 - p) / total), dtype=float)


def central_weights(
    acc: RankAccumulator,
    firsts: npt.NDArray[np.int64],
    defined: npt.NDArray[np.bool_],
    criteria: tuple[str, ...],
    notes: list[str],
) -> tuple[FloatArray, FloatArray]:
    """Mean weights of first-rank samples and their standard errors (NaN where undefined)."""
    count = np.maximum(firsts, 1)[:, None].astype(float)
    mean = acc.central_sum / count
    var = np.maximum(acc.central_sq - count * mean**2, 0.0) / np.maximum(count - 1.0, 1.0)
    se = np.sqrt(var / count)
    single = firsts == 1
    se[single] = 0.5  # one sample: no spread estimate; 0.5 bounds any weight's error
    mean[~defined] = np.nan
    se[~defined] = np.nan
    if (~defined).any():
        missing = int((~defined).sum())
        notes.append(
            ngettext(
                "{count} candidate(s) never ranked first: they have no central "
                "weights (shown as missing) and a confidence factor of 0",
                "{count} candidate(s) never ranked first: they have no central "
                "weights (shown as missing) and a confidence factor of 0",
                missing,
            ).format(count=missing)
        )
    if single.any():
        notes.append(
            _("a candidate ranked first in one sample only; its central-weight error is 0.5")
        )
    return mean, se


def confidence_factors(
    scorer: BatchScorer,
    central: FloatArray,
    defined: npt.NDArray[np.bool_],
    method: str,
    directions: Any,
    settings: Mapping[str, Any] | None,
    bounds: tuple[FloatArray, FloatArray] | None,
    seed: int,
    blocks: int,
) -> tuple[FloatArray, int]:
    """Share of data draws in which each candidate ranks first with its own central weights."""
    m = central.shape[0]
    hits = np.zeros(m)
    rows = np.flatnonzero(defined)
    if rows.size == 0:
        return hits, 1
    draws = 1 if bounds is None else blocks
    for k in range(draws):
        local = scorer
        if bounds is not None:
            data = draw_matrix(block_generator(seed, 1, k), *bounds)
            local = make_scorer(method, data, directions, dict(settings or {}))
        ranks = competition_ranks(local.scores(central[rows]), local.higher_is_better)
        hits[rows] += ranks[np.arange(rows.size), rows] == 1
    return hits / draws, draws
