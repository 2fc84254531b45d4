"""Cell-level helpers shared by the long and wide table checks.

The problem collector, year selection, number parsing with messages, unit consistency and display
names.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from clusterrank.errors import Problem, ValidationFailed

MAX_PROBLEMS = 40


@dataclass
class Parsed:
    """What a layout check hands back to the table builder."""

    measures: dict[str, pd.DataFrame] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    totals: dict[str, pd.Series] = field(default_factory=dict)
    region_names: dict[str, str] = field(default_factory=dict)
    sector_names: dict[str, str] = field(default_factory=dict)
    year: int | None = None


class Problems:
    """Collects every problem of one file, then raises them together (capped at 40)."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.items: list[Problem] = []

    def add(self, location: str, message: str, line: int | None = None) -> None:
        self.items.append(Problem(self.label, location, message, line))

    def raise_if_any(self) -> None:
        if not self.items:
            return
        shown = self.items[:MAX_PROBLEMS]
        if len(self.items) > MAX_PROBLEMS:
            more = len(self.items) - MAX_PROBLEMS
            shown.append(Problem(self.label, "", f"... and {more} more problem(s) like these"))
        raise ValidationFailed(shown)


def select_year(
    text: pd.DataFrame, lines: np.ndarray, year: int | None, probs: Problems
) -> tuple[pd.DataFrame, np.ndarray, int | None]:
    """Keep the rows of one year (required when the table holds several)."""
    if "year" not in text.columns:
        if year is not None:
            probs.add("year", f"year {year} was asked for but the table has no 'year' column")
            probs.raise_if_any()
        return text, lines, None
    present = sorted({y for y in text["year"] if y})
    if year is None:
        if len(present) > 1:
            msg = f"the table holds several years {present}; choose one (year=...)"
            probs.add("year", msg)
            probs.raise_if_any()
        year = int(float(present[0])) if present else None
    keep = np.array([bool(y) and int(float(y)) == year for y in text["year"]])
    if not keep.any():
        probs.add("year", f"year {year} is not in the table; years present: {present}")
        probs.raise_if_any()
    return text[keep], lines[keep], year


def numbers(
    cells: pd.Series,
    lines: np.ndarray,
    column: str,
    probs: Problems,
    reference_rows: np.ndarray | None = None,
    sectors: pd.Series | str | None = None,
    regions: pd.Series | None = None,
) -> np.ndarray:
    """Parse a column of cells to floats, adding a problem for each unusable cell."""
    values = pd.to_numeric(cells.replace("", np.nan), errors="coerce").to_numpy(dtype=float)
    for k in np.flatnonzero(~np.isfinite(values) | (values < 0)):
        raw, line = cells.iloc[k], int(lines[k])
        sector = sectors if isinstance(sectors, str) or sectors is None else sectors.iloc[k]
        cell = "" if regions is None else f"region {regions.iloc[k]!r}, sector {sector!r}: "
        if raw == "":
            if reference_rows is not None and reference_rows[k]:
                cell = ""
                msg = (
                    f"sector {sector!r} is absent from the reference; every sector needs a "
                    "reference figure — add it, or drop the sector from the table"
                )
            else:
                msg = "missing measure; fill it in (0 if there is truly none) or drop the row"
        elif not np.isfinite(values[k]) and not is_inf(raw):
            msg = f"not a number (got {raw!r}); write a plain number with '.' as decimal point"
        elif is_inf(raw):
            msg = f"measure must be finite (got {raw!r})"
        else:
            msg = (
                f"negative measure {raw}; measures must be >= 0 — check the sign or the "
                "column, or remove the row"
            )
        probs.add(column, cell + msg, line)
    return values


def is_inf(raw: str) -> bool:
    return raw.strip().lower().lstrip("+-") in {"inf", "infinity"}


def check_units(
    text: pd.DataFrame, lines: np.ndarray, measure_of: pd.Series, probs: Problems
) -> dict[str, str]:
    units: dict[str, str] = {}
    first_line: dict[str, int] = {}
    has_unit = "unit" in text.columns
    for k in range(len(text)):
        m = str(measure_of.iloc[k])
        u = str(text["unit"].iloc[k]) if has_unit else ""
        if m not in units:
            units[m], first_line[m] = u, int(lines[k])
        elif u != units[m]:
            msg = (
                f"unit {u!r} differs from {units[m]!r} used at line {first_line[m]} for "
                f"measure {m!r}; convert the figures to one unit"
            )
            probs.add("unit", msg, int(lines[k]))
    return units


def names(text: pd.DataFrame, id_col: str, name_col: str, out: dict[str, str]) -> None:
    if name_col not in text.columns:
        return
    for i, n in zip(text[id_col], text[name_col], strict=True):
        if i and n and i not in out:
            out[str(i)] = str(n)
