"""The one result object every ranking method returns.

CLI, UI, reports and tests all consume :class:`RankingResult`, so they cannot drift apart.
Rank 1 is always the best candidate, whatever the method's own score orientation.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from clusterrank.i18n import _, setting_pairs

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int_]

TIE_DIGITS = 12
"""Scores equal to this many significant digits are ties (floating-point noise is not a win)."""


def ranks_from_scores(scores: npt.ArrayLike, *, higher_is_better: bool = True) -> IntArray:
    """Competition ranks ("1224"): rank 1 is best, tied scores share the better rank.

    Ties are decided on scores rounded to 12 significant digits, so two candidates whose
    scores differ only by floating-point noise share a rank instead of being split at random.

    Works on a 1-D score vector or row-wise on a 2-D batch (N×m).
    """
    s = np.asarray(scores, dtype=float)
    key = -s if higher_is_better else s
    key = round_significant(key)
    if key.ndim == 1:
        return (key[None, :] < key[:, None]).sum(axis=1).astype(int) + 1
    return (key[:, None, :] < key[:, :, None]).sum(axis=2).astype(int) + 1


def round_significant(x: npt.ArrayLike, digits: int = TIE_DIGITS) -> FloatArray:
    """``x`` rounded to ``digits`` significant digits (zero stays zero).

    Used to decide ties everywhere (ranks here, SMAA rank counts in methods.sensitivity), so
    every part of clusterrank agrees on which scores are equal. Magnitudes below 1e-290 are
    treated as 1e-290 so the scale never overflows.
    """
    a = np.asarray(x, dtype=float)
    ax = np.abs(a)
    with np.errstate(divide="ignore"):
        mag = np.maximum(np.floor(np.log10(np.where(ax == 0, 1.0, ax))), -290.0)
    scale = 10.0 ** (digits - 1 - mag)
    return np.asarray(np.round(a * scale) / scale, dtype=float)


def _freeze(mapping: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class RankingResult:
    """Scores and ranks of candidates under one method, with everything that produced them.

    Attributes
    ----------
    method
        Registry name of the method, e.g. ``"topsis"``.
    candidates
        Candidate ids in the order of the decision matrix rows.
    scores
        The method's own score per candidate (see ``higher_is_better``).
    ranks
        1 = best; ties share the better rank.
    higher_is_better
        Whether a larger score means a better candidate (False for VIKOR, SPOTIS, ...).
    criteria
        Criterion ids in the order of the weights.
    weights
        The weights actually used, summing to 1.
    settings
        Every setting that changed a number (normalisation, AHP mode, random-index table, ...).
    notes
        Plain-language remarks a user must see (a constant criterion, ties, imputed cells...).
    details
        Method-specific intermediate arrays (distances, ideal points, ...).
    """

    method: str
    candidates: tuple[str, ...]
    scores: FloatArray
    ranks: IntArray
    higher_is_better: bool
    criteria: tuple[str, ...]
    weights: FloatArray
    settings: Mapping[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    details: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "candidates", tuple(self.candidates))
        object.__setattr__(self, "criteria", tuple(self.criteria))
        object.__setattr__(self, "notes", tuple(self.notes))
        object.__setattr__(self, "settings", _freeze(self.settings))
        object.__setattr__(self, "details", _freeze(self.details))
        for name in ("scores", "weights"):
            arr = np.array(getattr(self, name), dtype=float)
            arr.setflags(write=False)
            object.__setattr__(self, name, arr)
        ranks = np.array(self.ranks, dtype=int)
        ranks.setflags(write=False)
        object.__setattr__(self, "ranks", ranks)
        m = len(self.candidates)
        if self.scores.shape != (m,) or self.ranks.shape != (m,):
            msg = (
                f"scores and ranks must have one entry per candidate ({m}); "
                f"got {self.scores.shape} and {self.ranks.shape}"
            )
            raise ValueError(msg)
        if self.weights.shape != (len(self.criteria),):
            msg = f"weights must have one entry per criterion ({len(self.criteria)})"
            raise ValueError(msg)
        if not np.all(np.isfinite(self.scores)):
            msg = f"method {self.method!r} produced a non-finite score; this is a bug"
            raise ValueError(msg)

    @property
    def order(self) -> IntArray:
        """Row indices from best to worst (stable for ties)."""
        return np.argsort(self.ranks, kind="stable")

    @property
    def weight_map(self) -> dict[str, float]:
        """Criterion id -> weight."""
        return dict(zip(self.criteria, self.weights.tolist(), strict=True))

    def to_frame(self, names: Sequence[str] | None = None) -> pd.DataFrame:
        """Candidates in rank order with columns ``id``, (``name``), ``score``, ``rank``."""
        data: dict[str, Any] = {"id": list(self.candidates)}
        if names is not None:
            data["name"] = list(names)
        data["score"] = self.scores
        data["rank"] = self.ranks
        frame = pd.DataFrame(data)
        return frame.iloc[self.order].reset_index(drop=True)

    def settings_text(self) -> str:
        """One line naming the method and every setting, for captions and table footers."""
        listed = setting_pairs(self.settings)
        return f"{self.method}" + (f" ({listed})" if listed else "")


def tie_notes(candidates: Sequence[str], ranks: IntArray) -> list[str]:
    """One note per group of candidates sharing a rank (none when there is one candidate).

    Linear in the number of candidates: one stable sort, then runs of equal ranks.
    """
    r = np.asarray(ranks)
    if r.size < 2:
        return []
    order = np.argsort(r, kind="stable")
    sorted_ranks = r[order]
    starts = np.flatnonzero(np.r_[True, sorted_ranks[1:] != sorted_ranks[:-1]])
    ends = np.r_[starts[1:], r.size]
    return [
        _("tie: {candidates} share rank {rank} (equal scores)").format(
            candidates=", ".join(candidates[i] for i in order[a:b]), rank=int(sorted_ranks[a])
        )
        for a, b in zip(starts, ends, strict=True)
        if b - a > 1
    ]


def result_from_scores(
    method: str,
    candidates: Sequence[str],
    criteria: Sequence[str],
    weights: FloatArray,
    scores: npt.ArrayLike,
    *,
    higher_is_better: bool,
    settings: Mapping[str, Any],
    notes: Sequence[str],
    details: Mapping[str, Any],
    single_note: str | None = None,
) -> RankingResult:
    """Finish a method: ranks, the notes it owes its reader, and the :class:`RankingResult`.

    Ranks come from the scores; notes cover a lone candidate and ties. This is the one way every
    method finishes.
    """
    ranks = ranks_from_scores(scores, higher_is_better=higher_is_better)
    out = list(notes)
    if len(candidates) == 1:
        default = _("only one candidate ({candidate}): it is ranked 1 by default").format(
            candidate=candidates[0]
        )
        out.append(single_note or default)
    out += tie_notes(candidates, ranks)
    return RankingResult(
        method=method,
        candidates=tuple(candidates),
        scores=np.asarray(scores, dtype=float),
        ranks=ranks,
        higher_is_better=higher_is_better,
        criteria=tuple(criteria),
        weights=weights,
        settings=settings,
        notes=tuple(out),
        details=details,
    )
