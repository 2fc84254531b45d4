"""Tables as JSON-ready records, for every ``--format json`` payload (regions, sensitivity)."""

from __future__ import annotations

from typing import Any

import pandas as pd


def plain(value: Any) -> Any:
    """JSON-ready scalar: numpy scalars to Python ones, a missing value (NaN, NA) to None."""
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return None
    return value.item() if hasattr(value, "item") else value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """One dict per row, column name -> :func:`plain` value."""
    return [{str(k): plain(v) for k, v in row.items()} for row in frame.to_dict("records")]
