"""The frozen result of an SMAA-2 run, with tables ready for a page or a terminal.

References
----------
Lahdelma, R. and Salminen, P. (2001). SMAA-2: Stochastic multicriteria acceptability
analysis for group decision making. *Operations Research* 49(3), 444-454.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from clusterrank.i18n import setting_pairs
from clusterrank.methods.result import FloatArray


def _frozen(a: npt.ArrayLike | None, dtype: type = float) -> Any:
    if a is None:
        return None
    arr: npt.NDArray[Any] = np.array(a, dtype=dtype)
    arr.setflags(write=False)
    return arr


@dataclass(frozen=True)
class SMAAResult:
    """Rank acceptability, central weights, confidence and pairwise winning indices.

    Attributes
    ----------
    rank_counts
        (m, m) int: samples in which candidate i had rank r + 1 (exact, for comparisons).
    acceptability, acceptability_se
        (m, m): ``acceptability[i, r]`` is b_i^(r+1), the share of samples in which candidate
        i had rank r + 1, and its Monte Carlo standard error.
    central_weights, central_weights_se
        (m, n): mean weight vector of the samples in which i ranked first, and the standard
        error of each component. Rows of candidates that never ranked first are NaN and
        ``central_defined`` is False for them (a note says so).
    confidence, confidence_se
        (m,): probability that i ranks first when its central weights are used (0 for
        candidates without central weights), over ``confidence_draws`` data draws (1 when the
        data are certain: then the factor is exactly 0 or 1 and its error 0).
    pairwise, pairwise_se
        (m, m) or ``None``: ``pairwise[i, k]`` = share of samples in which i ranked strictly
        better than k.
    n_samples, seed, chunk_size, block_size
        Samples used, the seed, and the computation's chunking (chunks hold whole blocks; each
        block has its own child seed, so results do not depend on ``chunk_size``).
    settings
        Everything that changed a number: method and its settings, sampling scheme and its
        parameters, data uncertainty, seed, samples, block and chunk sizes, error method.
    tied_samples
        Samples in which at least two candidates tied (they share the better rank).
    """

    method: str
    candidates: tuple[str, ...]
    criteria: tuple[str, ...]
    rank_counts: npt.NDArray[np.int64]
    acceptability: FloatArray
    acceptability_se: FloatArray
    central_weights: FloatArray
    central_weights_se: FloatArray
    central_defined: npt.NDArray[np.bool_]
    confidence: FloatArray
    confidence_se: FloatArray
    confidence_draws: int
    pairwise: FloatArray | None
    pairwise_se: FloatArray | None
    n_samples: int
    seed: int
    chunk_size: int
    block_size: int
    tied_samples: int
    settings: Mapping[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name in (
            "acceptability",
            "acceptability_se",
            "central_weights",
            "central_weights_se",
            "confidence",
            "confidence_se",
            "pairwise",
            "pairwise_se",
        ):
            object.__setattr__(self, name, _frozen(getattr(self, name)))
        object.__setattr__(self, "central_defined", _frozen(self.central_defined, bool))
        object.__setattr__(self, "rank_counts", _frozen(self.rank_counts, np.int64))
        object.__setattr__(self, "settings", MappingProxyType(dict(self.settings)))
        object.__setattr__(self, "notes", tuple(self.notes))

    @property
    def rank_labels(self) -> list[str]:
        """Column labels ``rank 1`` ... ``rank m``."""
        return [f"rank {r + 1}" for r in range(len(self.candidates))]

    def holistic_acceptability(self, meta_weights: npt.ArrayLike | None = None) -> FloatArray:
        """a_i^h = sum_r alpha_r b_i^r; default alpha_r = (m - r) / (m - 1), alpha_1 = 1."""
        m = len(self.candidates)
        if meta_weights is None:
            alpha = np.ones(1) if m == 1 else (m - 1 - np.arange(m)) / (m - 1)
        else:
            alpha = np.asarray(meta_weights, dtype=float)
        return np.asarray(self.acceptability @ alpha, dtype=float)

    def to_frame(self) -> pd.DataFrame:
        """One row per candidate.

        First-rank acceptability (± error), holistic acceptability, confidence factor; sorted by
        first-rank then holistic acceptability.
        """
        frame = pd.DataFrame(
            {
                "id": list(self.candidates),
                "first_rank_acceptability": self.acceptability[:, 0],
                "first_rank_se": self.acceptability_se[:, 0],
                "holistic_acceptability": self.holistic_acceptability(),
                "confidence_factor": self.confidence,
                "confidence_se": self.confidence_se,
            }
        )
        frame = frame.sort_values(
            ["first_rank_acceptability", "holistic_acceptability"], ascending=False, kind="stable"
        )
        return frame.reset_index(drop=True)

    def acceptability_frame(
        self, *, standard_errors: bool = False, max_ranks: int | None = None
    ) -> pd.DataFrame:
        """Candidates × ranks table of b_i^r (or of their standard errors), for heatmaps.

        With ``max_ranks`` and more candidates than that, ranks beyond it are summed into one
        column ``rank {max_ranks + 1}+`` (each row still sums to 1); not with standard errors.
        """
        values = self.acceptability_se if standard_errors else self.acceptability
        labels = list(self.rank_labels)
        if max_ranks is not None and not standard_errors and len(labels) > max_ranks + 1:
            tail = values[:, max_ranks:].sum(axis=1, keepdims=True)
            values = np.hstack([values[:, :max_ranks], tail])
            labels = [*labels[:max_ranks], f"rank {max_ranks + 1}+"]
        return pd.DataFrame(values, index=list(self.candidates), columns=labels)

    def acceptability_long(self) -> pd.DataFrame:
        """Long format: ``id``, ``rank``, ``acceptability``, ``se``."""
        m = len(self.candidates)
        return pd.DataFrame(
            {
                "id": np.repeat(list(self.candidates), m),
                "rank": np.tile(np.arange(1, m + 1), m),
                "acceptability": self.acceptability.ravel(),
                "se": self.acceptability_se.ravel(),
            }
        )

    def central_weights_frame(self, *, standard_errors: bool = False) -> pd.DataFrame:
        """Central weights of the candidates that ranked first in some sample (others omitted)."""
        values = self.central_weights_se if standard_errors else self.central_weights
        keep = np.flatnonzero(self.central_defined)
        return pd.DataFrame(
            values[keep],
            index=[self.candidates[i] for i in keep],
            columns=list(self.criteria),
        )

    def pairwise_frame(self) -> pd.DataFrame | None:
        """``P(row ranks better than column)`` as a labelled table, or ``None`` if not computed."""
        if self.pairwise is None:
            return None
        ids = list(self.candidates)
        return pd.DataFrame(self.pairwise, index=ids, columns=ids)

    def settings_text(self) -> str:
        """One line naming every setting, for captions and table footers."""
        return "SMAA-2 (" + setting_pairs(self.settings) + ")"
