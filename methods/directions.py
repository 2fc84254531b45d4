"""Criterion directions, parsed in one place.

"benefit" / "max" / "+" / "1" map to +1 (more is better); "cost" / "min" / "-" / "-1" map to
-1 (less is better). Every other module works with the ±1 integer array this returns.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from clusterrank.errors import MethodInputError
from clusterrank.i18n import _

BENEFIT = 1
COST = -1

_ALIASES: dict[str, int] = {
    "benefit": BENEFIT,
    "max": BENEFIT,
    "maximise": BENEFIT,
    "maximize": BENEFIT,
    "+": BENEFIT,
    "+1": BENEFIT,
    "1": BENEFIT,
    "cost": COST,
    "min": COST,
    "minimise": COST,
    "minimize": COST,
    "-": COST,
    "-1": COST,
}


def parse_direction(value: str | int) -> int:
    """Return +1 for a benefit criterion and -1 for a cost criterion.

    >>> parse_direction("benefit"), parse_direction("-"), parse_direction(1)
    (1, -1, 1)
    """
    key = str(value).strip().lower()
    if key not in _ALIASES:
        msg = _("direction must be one of benefit/max/+ or cost/min/- (got {given!r})").format(
            given=value
        )
        raise MethodInputError(msg)
    return _ALIASES[key]


def parse_directions(values: Iterable[str | int] | npt.ArrayLike) -> npt.NDArray[np.int_]:
    """Parse a sequence of directions (or a comma-separated string) into a ±1 array."""
    if isinstance(values, str):
        items: list[str | int] = [v for v in values.split(",")]
    else:
        items = list(np.asarray(values, dtype=object).ravel())
    return np.array([parse_direction(v) for v in items], dtype=int)


def direction_name(sign: int) -> str:
    """The word shown to users for a ±1 direction."""
    return "benefit" if sign > 0 else "cost"
