"""The decision matrix: what every ranking and sensitivity call receives from `criteria`.

It is plain data (numpy arrays and tuples), so `methods` can consume it without importing
`criteria`: callers pass ``dm.values`` and ``dm.directions``. Weights are resolved separately
(`criteria.weights` for direct weights, `analysis.weights` when AHP judgments are involved).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt


@dataclass(frozen=True)
class CellNote:
    """What happened to one cell of the data before ranking (imputed, dropped row...)."""

    candidate: str
    key: str
    action: str  # "imputed_worst" | "imputed_mean" | "dropped_candidate" | "illustrative"
    value: float | None
    message: str


@dataclass(frozen=True)
class DecisionMatrix:
    """Candidates × criteria, ready for `methods.rank`.

    Attributes
    ----------
    values
        m×n float array, finite (missing data has been handled by the scenario's policy).
    directions
        n ints, +1 benefit / -1 cost.
    candidates, candidate_names
        Row ids and display names (m each).
    criteria, criterion_titles, units
        Column ids, display titles and units (n each).
    groups
        The group id of each criterion (n).
    imputed
        m×n bool mask of cells filled by the missing-data policy.
    illustrative
        m×n bool mask of cells whose figure is illustrative (not from a source).
    cell_notes
        One entry per imputed / dropped / illustrative cell, for display.
    notes
        Plain-language notes on the whole matrix (policy applied, candidates dropped...).
    """

    values: npt.NDArray[np.float64]
    directions: npt.NDArray[np.int_]
    candidates: tuple[str, ...]
    candidate_names: tuple[str, ...]
    criteria: tuple[str, ...]
    criterion_titles: tuple[str, ...]
    units: tuple[str, ...]
    groups: tuple[str, ...]
    imputed: npt.NDArray[np.bool_]
    illustrative: npt.NDArray[np.bool_]
    cell_notes: tuple[CellNote, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def shape(self) -> tuple[int, int]:
        """(candidates, criteria)."""
        m, n = self.values.shape
        return int(m), int(n)
