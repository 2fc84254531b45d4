"""Region × sector tables: reading and validating the input of every regional statistic.

A table holds one or more *measures* (turnover, employment, establishments, GVA shares...),
each a complete grid of regions × sectors with non-negative figures in one unit. Two CSV
layouts are accepted:

* **long**: columns ``region_id, sector_id, value`` plus optional ``measure``, ``unit``,
  ``year``, ``region_name``, ``sector_name`` (any other column, e.g. ``note``, is kept out);
* **wide**: a ``region_id`` column, optional ``region_name``/``unit``/``year`` columns and
  one column per sector, holding one measure.

Leading lines starting with ``#`` are comments (the shipped seed 003 tables carry their
source there). Every problem — a negative or missing figure, a duplicate region, a sector
absent from the reference, mixed units — is reported at once as a
:class:`errors.ValidationFailed` naming the file, the line, the column and the fix.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import IO, Literal

import pandas as pd

from clusterrank.criteria.files import MAX_TABLE_BYTES, read_text
from clusterrank.criteria.regional._table_checks import check_long, check_wide
from clusterrank.criteria.tables import find_separator
from clusterrank.errors import ValidationFailed
from clusterrank.i18n import _

Layout = Literal["auto", "long", "wide"]


@dataclass(frozen=True)
class RegionSectorTable:
    """Validated region × sector figures, one grid per measure.

    Attributes
    ----------
    source
        The file name (or ``"<upload>"``) every later message names.
    measures
        Measure name -> DataFrame (index: region ids, columns: sector ids), finite and >= 0.
    units
        Measure name -> unit as declared in the file (``""`` when the file declares none).
    totals
        Measure name -> per-region totals read from a declared total sector (empty when
        the file has none; regional statistics then use the sum of the listed sectors).
    region_names, sector_names
        Display names where the file gives them (ids otherwise).
    year
        The year selected from a multi-year file, or ``None``.
    """

    source: str
    measures: Mapping[str, pd.DataFrame]
    units: Mapping[str, str]
    totals: Mapping[str, pd.Series] = field(default_factory=dict)
    region_names: Mapping[str, str] = field(default_factory=dict)
    sector_names: Mapping[str, str] = field(default_factory=dict)
    year: int | None = None

    def __post_init__(self) -> None:
        for name in ("measures", "units", "totals", "region_names", "sector_names"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))

    def measure(self, name: str | None = None) -> pd.DataFrame:
        """The grid of one measure (the only one when ``name`` is None)."""
        return self.measures[self.measure_name(name)]

    def measure_name(self, name: str | None = None) -> str:
        """Resolve ``name`` to a measure of this table, or fail naming the choices."""
        available = sorted(self.measures)
        if name is None:
            if len(available) == 1:
                return available[0]
            msg = _("the table holds several measures {measures}; choose one (--measure)")
            msg = msg.format(measures=available)
            raise ValidationFailed.single(self.source, "measure", msg)
        if name not in self.measures:
            msg = _("unknown measure {measure!r}; the table holds {present}").format(
                measure=name, present=available
            )
            raise ValidationFailed.single(self.source, "measure", msg)
        return name

    def split_reference(
        self, reference_id: str, measure: str | None = None
    ) -> tuple[pd.DataFrame, pd.Series, float | None]:
        """Separate a reference row (e.g. the nation) from the regions of one measure.

        Returns the regions' grid, the reference's per-sector figures and the reference's
        declared total (``None`` without a total sector).
        """
        name = self.measure_name(measure)
        grid = self.measures[name]
        if reference_id not in grid.index:
            msg = _(
                "reference {reference!r} is not a region of measure {measure!r}; "
                "choose one of {regions} or use the sum of regions"
            ).format(
                reference=reference_id, measure=name, regions=sorted(map(str, grid.index))[:10]
            )
            raise ValidationFailed.single(self.source, "reference", msg)
        regions = grid.drop(index=reference_id)
        if regions.empty:
            msg = _("only the reference {reference!r} is present; add at least one region")
            msg = msg.format(reference=reference_id)
            raise ValidationFailed.single(self.source, "reference", msg)
        ref = pd.Series(grid.loc[reference_id], dtype=float)
        totals = self.totals.get(name)
        ref_total = None if totals is None else float(totals.loc[reference_id])
        return regions, ref, ref_total

    def region_totals(
        self, measure: str | None = None, *, drop: str | None = None
    ) -> pd.Series | None:
        """Declared per-region totals of a measure (without region ``drop``), if any."""
        totals = self.totals.get(self.measure_name(measure))
        if totals is None:
            return None
        return totals.drop(index=drop) if drop is not None else totals


def read_tidy_csv(source: str | Path | IO[str], label: str | None = None) -> pd.DataFrame:
    """Read a CSV whose leading ``#`` lines are comments; ids and names stay strings.

    A path is read through :mod:`criteria.files` (a regular file within the table size
    limit; problems name it as ``label``, default: the path as the user knows it).

    Returns
    -------
    DataFrame
        With an ``attrs["first_data_line"]`` giving the 1-based file line of the first
        data row, so validators can name lines.
    """
    if isinstance(source, (str, Path)):  # a regular file within the table size limit
        text = read_text(source, label, limit=MAX_TABLE_BYTES)
    else:
        text = source.read()
    lines = text.splitlines()
    skipped = 0
    while skipped < len(lines) and (
        lines[skipped].lstrip().startswith("#") or not lines[skipped].strip()
    ):
        skipped += 1
    body = "\n".join(lines[skipped:])
    separator = ","
    if not body.strip():
        frame = pd.DataFrame()
    else:  # ',' ';' or tab, as for every table; a ';' file may use the decimal comma
        name = label or (str(source) if isinstance(source, (str, Path)) else "<table>")
        separator = find_separator(body, name)
        frame = pd.read_csv(io.StringIO(body), sep=separator, dtype=str, keep_default_na=False)
        frame.columns = [str(c).strip() for c in frame.columns]
    frame.attrs["first_data_line"] = skipped + 2
    frame.attrs["separator"] = separator
    return frame


def read_region_sector_table(
    source: str | Path | IO[str],
    *,
    layout: Layout = "auto",
    measure: str | None = None,
    year: int | None = None,
    total_sector: str | None = None,
    reference_id: str | None = None,
    label: str | None = None,
) -> RegionSectorTable:
    """Read and validate a region × sector CSV (long or wide).

    Parameters
    ----------
    source
        Path or text stream.
    layout
        ``"long"``, ``"wide"`` or ``"auto"`` (long when ``sector_id`` and ``value``
        columns exist).
    measure
        Keep only this measure of a long file (all measures otherwise); in a wide file,
        the name given to its one measure (default ``"value"``).
    year
        Keep only this year of a file with a ``year`` column (required when it holds
        several years).
    total_sector
        Sector id whose rows are the regions' totals (e.g. ``"total"``); kept apart from
        the sectors and used as the denominator of shares.
    reference_id
        Region id of the reference row (e.g. the nation); checked to cover every sector.
    label
        Name used in messages (default: the file name).
    """
    name = label or (str(source) if isinstance(source, (str, Path)) else "<upload>")
    frame = read_tidy_csv(source)
    return region_sector_table_from_frame(
        frame,
        label=name,
        layout=layout,
        measure=measure,
        year=year,
        total_sector=total_sector,
        reference_id=reference_id,
    )


def region_sector_table_from_frame(
    frame: pd.DataFrame,
    *,
    label: str = "<table>",
    layout: Layout = "auto",
    measure: str | None = None,
    year: int | None = None,
    total_sector: str | None = None,
    reference_id: str | None = None,
) -> RegionSectorTable:
    """Validate an already-read frame (e.g. an upload in the UI); see the CSV reader."""
    if frame.empty or len(frame.columns) == 0:
        msg = _("the table is empty; expected a header row and at least one data row")
        raise ValidationFailed.single(label, "", msg)
    cols = set(frame.columns)
    if layout == "auto":
        layout = "long" if {"sector_id", "value"} <= cols else "wide"
    first_line = int(frame.attrs.get("first_data_line", 2))
    text = frame.map(lambda v: "" if pd.isna(v) else str(v).strip())
    text.attrs["separator"] = frame.attrs.get("separator")
    if layout == "long":
        parsed = check_long(text, label, first_line, measure, year, total_sector, reference_id)
    else:
        parsed = check_wide(text, label, first_line, measure, year, total_sector, reference_id)
    return RegionSectorTable(
        source=label,
        measures=parsed.measures,
        units=parsed.units,
        totals=parsed.totals,
        region_names=parsed.region_names,
        sector_names=parsed.sector_names,
        year=parsed.year,
    )
