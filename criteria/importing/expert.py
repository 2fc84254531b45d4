"""Expert-scored criteria added to an import from scratch: a scale with verbal anchors.

A spreadsheet holds measured figures; a criterion such as "quality of the cluster's
management" is scored by experts on a declared scale instead. :class:`ExpertCriterion` is
what the user declares (id, title, group, scale and anchors); the scenario's criteria set
gets it as a criterion with an :class:`~criteria.models.criteria_set.ExpertScale`, and its
scores are missing until a panel gives them or the user types them into the data file (the
scenario's missing-data policy applies meanwhile). :func:`parse_anchors` reads anchors as a
user types them: ``1 = weak; 3 = average; 5 = strong``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from clusterrank.criteria.numbers import read_cell
from clusterrank.i18n import _

DEFAULT_GROUP = "Expert scores"
"""The group of an expert-scored criterion when none is given (the UI passes its own,
translated; this default is the title written into a file, kept in English)."""


@dataclass(frozen=True)
class ExpertCriterion:
    """One expert-scored criterion (a benefit: a higher score is better)."""

    id: str
    title: str = ""
    group: str = DEFAULT_GROUP
    scale_min: float = 1.0
    scale_max: float = 5.0
    anchors: Mapping[float, str] = field(default_factory=dict)
    scores: Mapping[str, float] = field(default_factory=dict)
    """Candidate id -> score typed by the user; the others are missing (no data)."""

    def column(self, ids: Sequence[str]) -> npt.NDArray[np.float64]:
        """One score per candidate of ``ids`` (NaN: not given)."""
        return np.array([self.scores.get(i, np.nan) for i in ids], dtype=np.float64)

    def criterion(self) -> dict[str, Any]:
        """The criterion as the criteria set's YAML holds it (validated by its model)."""
        return {
            "id": self.id,
            "title": self.title or self.id,
            "direction": "benefit",
            "source": _("expert scores: give them with a panel or in the scenario's data file"),
            "expert_scale": {
                "min": _number(self.scale_min),
                "max": _number(self.scale_max),
                "anchors": {_number(p): text for p, text in sorted(self.anchors.items())},
            },
        }


def _number(x: float) -> float | int:
    return int(x) if float(x).is_integer() else float(x)


def parse_anchors(text: str) -> tuple[dict[float, str], list[str]]:
    """Anchors typed as ``point = words`` separated by ``;`` or new lines, and what is wrong.

    A point may use a decimal comma or point (``2,5 = fair``). Returns the anchors read and a
    message for each part that could not be read.
    """
    anchors: dict[float, str] = {}
    errors: list[str] = []
    for part in (p.strip() for p in text.replace("\n", ";").split(";")):
        if not part:
            continue
        point, sep, words = part.partition("=")
        reading = read_cell(point.strip())
        value = reading.point if reading.point is not None else reading.comma
        if not sep or not words.strip() or reading.error or reading.missing or value is None:
            errors.append(
                _("anchor {part!r} is not 'point = words' (e.g. '1 = weak')").format(part=part)
            )
            continue
        anchors[float(value)] = words.strip()
    return anchors, errors
