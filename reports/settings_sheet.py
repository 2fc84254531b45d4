"""The settings-and-notes sheet every export ends with (Ranking and Regions pages alike)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

COLUMNS: tuple[str, str, str] = ("section", "setting", "value")


def settings_frame(
    sections: Iterable[tuple[str, Mapping[str, Any] | Any]], notes: Sequence[str] = ()
) -> pd.DataFrame:
    """Every setting as ``section, setting, value`` rows, then the notes (``note, 1.., text``).

    ``sections`` is a sequence of ``(section, values)`` pairs (a section may come twice); a
    mapping gives one row per key, anything else one row with an empty setting name.
    """
    rows: list[tuple[str, str, str]] = []
    for section, values in sections:
        if isinstance(values, Mapping):
            rows += [(section, str(k), str(v)) for k, v in values.items()]
        else:
            rows.append((section, "", str(values)))
    rows += [("note", str(i + 1), str(n)) for i, n in enumerate(notes)]
    return pd.DataFrame(rows, columns=list(COLUMNS))
