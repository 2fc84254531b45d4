"""A ranking with everything a reader needs next to it: the one shape CLI, UI and exports use.

:class:`RankingReport` wraps a :class:`methods.result.RankingResult` with display names, the
weights actually used, the settings of every step (missing-data policy, weight derivation,
method) and all notes, so a number is never shown without what produced it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from clusterrank.analysis.quality import CandidateQuality
from clusterrank.criteria.decision_matrix import CellNote
from clusterrank.i18n import setting_pairs
from clusterrank.methods.result import RankingResult


@dataclass(frozen=True)
class RankingReport:
    """A ranking ready to render.

    Attributes
    ----------
    title
        What was ranked (scenario title or matrix file).
    result
        The method's result (scores, ranks, method settings, method notes).
    names
        Display name per candidate, in the result's candidate order.
    settings
        Every setting behind the numbers, grouped: ``{"method": {...}, "weights": {...},
        "data": {...}}``.
    notes
        Notes from data handling, weighting and the method, in that order.
    cells
        One entry per data cell the missing-data policy filled or dropped, or whose figure
        is illustrative: the per-cell effect behind the notes.
    quality
        Data quality per candidate, in the result's candidate order (imputed and
        illustrative figures, assessable or not); empty when not known.
    """

    title: str
    result: RankingResult
    names: tuple[str, ...]
    settings: Mapping[str, Any]
    notes: tuple[str, ...] = field(default=())
    cells: tuple[CellNote, ...] = field(default=())
    quality: tuple[CandidateQuality, ...] = field(default=())

    @property
    def weights(self) -> dict[str, float]:
        """Criterion id -> the weight the ranking used."""
        return self.result.weight_map

    def quality_of(self, candidate: str) -> CandidateQuality | None:
        """The data quality of one candidate id; ``None`` when the report carries none."""
        return next((q for q in self.quality if q.candidate == candidate), None)

    def to_frame(self) -> pd.DataFrame:
        """Rank order: id, name, score, rank."""
        return self.result.to_frame(names=self.names)

    def settings_line(self) -> str:
        """One line naming the method and every setting (for captions and table footers)."""
        parts = [self.result.settings_text()]
        for group, values in self.settings.items():
            if group == "method":
                continue
            if isinstance(values, Mapping):
                inner = setting_pairs(values)
                parts.append(f"{group}: {inner}" if inner else group)
            else:
                parts.append(f"{group}: {values}")
        return "; ".join(parts)

    def to_payload(self) -> dict[str, Any]:
        """The JSON document of `clusterrank rank --format json` (results in rank order)."""
        frame = self.to_frame()
        results = [
            {
                "id": str(row["id"]),
                "name": str(row["name"]),
                "score": _finite(float(row["score"])),
                "rank": int(row["rank"]),
                **self._quality_payload(str(row["id"])),
            }
            for _, row in frame.iterrows()
        ]
        return {
            "title": self.title,
            "method": self.result.method,
            "settings": _plain(dict(self.settings)),
            "weights": {k: _finite(v) for k, v in self.weights.items()},
            "higher_score_is_better": self.result.higher_is_better,
            "results": results,
            "notes": list(self.notes),
            "cells": [
                {
                    "candidate": c.candidate,
                    "key": c.key,
                    "action": c.action,
                    "value": c.value,
                    "message": c.message,
                }
                for c in self.cells
            ],
        }

    def _quality_payload(self, candidate: str) -> dict[str, Any]:
        """``{"data_quality": {...}}`` for one candidate, or ``{}`` when not known."""
        q = self.quality_of(candidate)
        if q is None:
            return {}
        return {
            "data_quality": {
                "imputed": list(q.imputed),
                "illustrative": list(q.illustrative),
                "cells": q.cells,
                "assessable": q.assessable,
                "reason": q.reason,
            }
        }


def _finite(x: float) -> float:
    if not np.isfinite(x):
        msg = f"a non-finite number ({x}) reached the report; this is a bug"
        raise ValueError(msg)
    return float(x)


def _plain(value: Any) -> Any:
    """Make settings JSON-friendly (tuples to lists, numpy scalars to Python)."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, np.generic):
        return value.item()
    return value
