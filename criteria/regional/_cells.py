"""Cell-level helpers shared by the long and wide table checks.

The problem collector, year selection, number parsing with messages, unit consistency and display
names.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from clusterrank.criteria.numbers import read_column, read_text
from clusterrank.errors import Problem, ValidationFailed
from clusterrank.i18n import _, ngettext

MAX_PROBLEMS = 40
GAP = "gap"
"""The :attr:`errors.Problem.kind` of a figure missing from a table (a year with gaps can be
skipped by the analysis instead of stopping it)."""


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

    def __init__(self, label: str, separator: str | None = None) -> None:
        self.label = label
        self.separator = separator
        """The CSV separator (``;`` implies the decimal comma for ambiguous cells)."""
        self.items: list[Problem] = []

    def add(self, location: str, message: str, line: int | None = None, *, kind: str = "") -> None:
        """Note one problem (``kind``: :data:`GAP` for a missing figure, else empty)."""
        self.items.append(Problem(self.label, location, message, line, kind=kind))

    def raise_if_any(self) -> None:
        """Raise every problem noted so far (the first 40 and a count of the rest), if any."""
        if not self.items:
            return
        shown = self.items[:MAX_PROBLEMS]
        if len(self.items) > MAX_PROBLEMS:
            hidden = self.items[MAX_PROBLEMS:]
            more = len(hidden)
            msg = ngettext(
                "... and {count} more problem(s) like these",
                "... and {count} more problem(s) like these",
                more,
            ).format(count=more)
            kind = GAP if all(p.kind == GAP for p in hidden) else ""
            shown.append(Problem(self.label, "", msg, kind=kind))
        raise ValidationFailed(shown)


def select_year(
    text: pd.DataFrame, lines: np.ndarray, year: int | None, probs: Problems
) -> tuple[pd.DataFrame, np.ndarray, int | None]:
    """Keep the rows of one year (required when the table holds several)."""
    if "year" not in text.columns:
        if year is not None:
            msg = _("year {year} was asked for but the table has no 'year' column")
            probs.add("year", msg.format(year=year))
            probs.raise_if_any()
        return text, lines, None
    present = sorted({y for y in text["year"] if y})
    if year is None:
        if len(present) > 1:
            msg = _("the table holds several years {years}; choose one (year=...)").format(
                years=present
            )
            probs.add("year", msg)
            probs.raise_if_any()
        year = int(float(present[0])) if present else None
    keep = np.array([bool(y) and int(float(y)) == year for y in text["year"]])
    if not keep.any():
        msg = _("year {year} is not in the table; years present: {years}")
        probs.add("year", msg.format(year=year, years=present))
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
    """Parse a column of cells to floats, adding a problem for each unusable cell.

    Numbers are read by the rule of :mod:`criteria.numbers` (decimal point or comma).
    """
    values, why = read_column(list(cells), probs.separator)
    for k in np.flatnonzero(~np.isfinite(values) | (values < 0)):
        raw, line = cells.iloc[k], int(lines[k])
        sector = sectors if isinstance(sectors, str) or sectors is None else sectors.iloc[k]
        region = None if regions is None else regions.iloc[k]
        kind = GAP if raw == "" else ""
        if raw == "" and reference_rows is not None and reference_rows[k]:
            region = None
            msg = _(
                "sector {sector!r} is absent from the reference; every sector needs a "
                "reference figure — add it, or drop the sector from the table"
            ).format(sector=sector)
        elif raw == "":
            msg = _("missing measure; fill it in (0 if there is truly none) or drop the row")
        else:
            msg = _bad_number(raw, values[k], why.get(int(k)))
        if region is not None:
            msg = _("region {region!r}, sector {sector!r}: {problem}").format(
                region=region, sector=sector, problem=msg
            )
        probs.add(column, msg, line, kind=kind)
    return values


def _bad_number(raw: str, value: float, why: str | None) -> str:
    """Why a written cell is not a usable measure (``why``: the decimal-mark reason, if any)."""
    if not np.isfinite(value) and not is_inf(raw):
        if read_text(raw).error or why is None:
            return _(
                "not a number (got {got!r}); write a plain number such as 1234.5 or 1234,5"
            ).format(got=raw)
        return why  # a number, but ambiguous or against the column's decimal mark
    if is_inf(raw):
        return _("measure must be finite (got {got!r})").format(got=raw)
    return _(
        "negative measure {got}; measures must be >= 0 — check the sign or the "
        "column, or remove the row"
    ).format(got=raw)


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
            msg = _(
                "unit {unit!r} differs from {first!r} used at line {line} for "
                "measure {measure!r}; convert the figures to one unit"
            ).format(unit=u, first=units[m], line=first_line[m], measure=m)
            probs.add("unit", msg, int(lines[k]))
    return units


def names(text: pd.DataFrame, id_col: str, name_col: str, out: dict[str, str]) -> None:
    if name_col not in text.columns:
        return
    for i, n in zip(text[id_col], text[name_col], strict=True):
        if i and n and i not in out:
            out[str(i)] = str(n)
