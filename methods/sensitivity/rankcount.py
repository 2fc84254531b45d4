"""Rank counting for SMAA, one chunk of samples at a time, without keeping any N×m array.

Per chunk (c weight vectors, m candidates) the scores are turned into sortable 64-bit keys:
the float's bit pattern made monotone (negative numbers flipped), reversed when a higher score
is better, its lowest ``b = ceil(log2 m)`` bits replaced by the candidate's index. One
``ndarray.sort`` of these keys (numpy's vectorised integer sort, faster than ``argsort``)
yields each sample's order, and ``key & (2^b - 1)`` reads the candidate at each position.
Rank counts are one ``bincount`` of ``position * m + candidate``.

Ties (deterministic rule). Two candidates tie in a sample when their scores agree to 12
significant digits, exactly as :func:`methods.result.ranks_from_scores`; they share the better
rank (competition ranking "1224"), so in that sample no candidate holds the skipped rank.
Truncating ``b`` low bits only merges scores closer than 2^(b-52) relative; any sample whose
adjacent keys lie within 1e-10 relative of each other is re-ranked on its exact scores with
the 12-digit rule. Rows without such a near-tie are ordered exactly.

References
----------
Lahdelma, R. and Salminen, P. (2001). SMAA-2: Stochastic multicriteria acceptability
analysis for group decision making. *Operations Research* 49(3), 444-454.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from clusterrank.errors import MethodInputError
from clusterrank.i18n import _
from clusterrank.methods.result import FloatArray
from clusterrank.methods.sensitivity.common import sorted_competition_ranks

_SIGN_OFF = np.int64(0x7FFF_FFFF_FFFF_FFFF)
Int64Array = npt.NDArray[np.int64]
ExactScores = Callable[[npt.NDArray[np.intp]], FloatArray]


class RankAccumulator:
    """Running sums for SMAA-2 over chunks of (weights, scores).

    Attributes
    ----------
    counts
        (m, m) int64: ``counts[i, r]`` samples in which candidate i had rank r + 1.
    central_sum, central_sq
        (m, n): sums of the weight vectors (and their squares) of the samples in which
        candidate i ranked first (ties included).
    wins
        (m, m) int64 pairwise counts, ``wins[i, k]`` samples where i ranked strictly better
        than k; ``None`` unless ``pairwise``.
    samples, tied_samples
        Samples seen, and how many of them contained a tie.
    """

    def __init__(self, m: int, n: int, *, higher_is_better: bool, pairwise: bool) -> None:
        self.m, self.n = m, n
        self.higher_is_better = higher_is_better
        self.bits = max(1, int(np.ceil(np.log2(max(m, 2)))))
        self.low = np.int64((1 << self.bits) - 1)
        # adjacent keys closer than this (in units of the last place) may tie at 12 digits
        self.threshold = np.int64(int(1e-10 * 2.0**53) + (2 << self.bits))
        self.candidate_bits = np.arange(m, dtype=np.int64)
        self.position_offset = np.arange(m, dtype=np.int64) * m
        self._by_rank = np.zeros(m * m, dtype=np.int64)  # [rank * m + candidate]
        self.central_sum = np.zeros((m, n))
        self.central_sq = np.zeros((m, n))
        self.wins: Int64Array | None = np.zeros((m, m), dtype=np.int64) if pairwise else None
        self.samples = 0
        self.tied_samples = 0
        self._scratch = (np.empty((0, m), dtype=np.int64), np.empty((0, m), dtype=np.int64))

    @property
    def counts(self) -> Int64Array:
        """Candidate × rank counts so far (m × m)."""
        return np.asarray(self._by_rank.reshape(self.m, self.m).T, dtype=np.int64)

    def add(
        self,
        weights: FloatArray,
        scores: FloatArray,
        exact: ExactScores | None = None,
        *,
        chunk_counts: bool = False,
    ) -> Int64Array | None:
        """Add one chunk of samples.

        ``scores`` may be any strictly increasing transform of the method's scores (a cheaper
        "rank key") provided ``exact(rows)`` returns the method's own scores for those rows:
        samples with a near-tie in the key are then ranked on the exact scores. With
        ``chunk_counts`` the chunk's own (m, m) rank counts are returned (for batch means).
        """
        c, m = scores.shape
        if not np.isfinite(scores.sum()):
            msg = _("the ranking method produced a non-finite score for a sampled weight vector")
            raise MethodInputError(msg)
        keys, spare = self._keys(scores)
        keys.sort(axis=1)
        near = np.ones(c, dtype=bool)
        if m > 1:
            gaps = np.subtract(keys[:, 1:], keys[:, :-1], out=spare[:, : m - 1])
            near = gaps.min(axis=1) <= self.threshold
        parts: list[Int64Array] = []
        if not near.all():
            order = keys if not near.any() else keys[~near]
            order &= self.low
            parts.append(self._count_clean(weights[~near], order))
        if near.any():
            rows = np.flatnonzero(near)
            exact_scores = scores[rows] if exact is None else exact(rows)
            parts.append(self._count_exact(weights[rows], exact_scores))
        self.samples += c
        for idx in parts:
            np.add.at(self._by_rank, idx, 1)
        if not chunk_counts:
            return None
        flat = sum((np.bincount(i, minlength=m * m) for i in parts), np.zeros(m * m, np.int64))
        return np.asarray(flat.reshape(m, m).T, dtype=np.int64)

    def _keys(self, scores: FloatArray) -> tuple[Int64Array, Int64Array]:
        """Sortable keys (best first) in a reused buffer, and a spare buffer of the same shape."""
        c, m = scores.shape
        if self._scratch[0].shape[0] < c:
            self._scratch = (np.empty((c, m), dtype=np.int64), np.empty((c, m), dtype=np.int64))
        keys, spare = self._scratch[0][:c], self._scratch[1][:c]
        bits = np.ascontiguousarray(scores, dtype=np.float64).view(np.int64)
        np.right_shift(bits, 63, out=spare)  # 0 for +, -1 for -
        spare &= _SIGN_OFF  # flip the magnitude bits of negative numbers: monotone integers
        if self.higher_is_better:
            np.invert(spare, out=spare)  # and reverse the order, so the best comes first
        np.bitwise_xor(bits, spare, out=keys)
        keys &= ~self.low
        keys |= self.candidate_bits
        return keys, spare

    def _count_clean(self, weights: FloatArray, order: Int64Array) -> Int64Array:
        winners = order[:, 0].copy()
        np.add.at(self.central_sum, winners, weights)
        np.add.at(self.central_sq, winners, weights * weights)
        if self.wins is not None:
            ranks = np.empty_like(order)
            np.put_along_axis(ranks, order, np.arange(self.m, dtype=np.int64)[None, :], axis=1)
            self._count_pairs(ranks)
        order += self.position_offset
        return order.ravel()

    def _count_exact(self, weights: FloatArray, scores: FloatArray) -> Int64Array:
        order, rank_at = sorted_competition_ranks(scores, self.higher_is_better)
        self.tied_samples += int((rank_at[:, 1:] == rank_at[:, :-1]).any(axis=1).sum())
        rows, cols = np.nonzero(rank_at == 0)
        winners = order[rows, cols]
        np.add.at(self.central_sum, winners, weights[rows])
        np.add.at(self.central_sq, winners, weights[rows] ** 2)
        if self.wins is not None:
            ranks = np.empty_like(order)
            np.put_along_axis(ranks, order, rank_at, axis=1)
            self._count_pairs(ranks)
        return (rank_at * self.m + order).ravel()

    def _count_pairs(self, ranks: Int64Array) -> None:
        """``wins[i, k] += #samples with rank_i < rank_k``; O(c m²), in blocks of rows."""
        assert self.wins is not None
        c, m = ranks.shape
        r = ranks.astype(np.int32)
        step = max(1, 4_000_000 // max(1, c * m))
        for i0 in range(0, m, step):
            block = r[:, i0 : i0 + step, None] < r[:, None, :]
            self.wins[i0 : i0 + step] += np.count_nonzero(block, axis=0)
