"""Cell-by-cell checks behind :mod:`criteria.regional.table` (long and wide layouts).

Each check collects :class:`errors.Problem` entries (file, line, column, message with the
fix) and raises one :class:`errors.ValidationFailed` listing them all.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from clusterrank.criteria.regional._cells import (
    GAP,
    Parsed,
    Problems,
    check_units,
    names,
    numbers,
    select_year,
)
from clusterrank.i18n import _

RESERVED_WIDE_COLUMNS = {"region_id", "region_name", "unit", "year", "measure", "note", "notes"}


def check_long(
    text: pd.DataFrame,
    label: str,
    first_line: int,
    measure: str | None,
    year: int | None,
    total_sector: str | None,
    reference_id: str | None,
) -> Parsed:
    """Validate a long table (one row per region, sector and measure)."""
    probs = Problems(label, text.attrs.get("separator"))
    missing = [c for c in ("region_id", "sector_id", "value") if c not in text.columns]
    if missing:
        msg = _(
            "missing column(s) {missing}; a long table needs region_id, sector_id "
            "and value (got columns {columns})"
        )
        probs.add("", msg.format(missing=missing, columns=list(text.columns)))
        probs.raise_if_any()
    lines = np.arange(len(text)) + first_line
    text, lines, year = select_year(text, lines, year, probs)
    if "measure" in text.columns:
        if measure is not None:
            keep = (text["measure"] == measure).to_numpy()
            if not keep.any():
                present = sorted(set(text["measure"]))
                msg = _("unknown measure {measure!r}; the table holds {present}")
                probs.add("measure", msg.format(measure=measure, present=present))
                probs.raise_if_any()
            text, lines = text[keep], lines[keep]
        measure_of = text["measure"].replace("", "value")
    else:
        measure_of = pd.Series([measure or "value"] * len(text), index=text.index)
    for col in ("region_id", "sector_id"):
        for k in np.flatnonzero((text[col] == "").to_numpy()):
            msg = _("empty {column}; every row needs one").format(column=col)
            probs.add(col, msg, int(lines[k]))
    is_ref = (text["region_id"] == reference_id).to_numpy() if reference_id else None
    values = numbers(
        text["value"], lines, "value", probs, is_ref, text["sector_id"], text["region_id"]
    )
    key = pd.DataFrame(
        {
            "m": measure_of.to_numpy(),
            "r": text["region_id"].to_numpy(),
            "s": text["sector_id"].to_numpy(),
        }
    )
    dup = key.duplicated(keep=False).to_numpy()
    firsts: dict[tuple[str, str, str], int] = {}
    for k in np.flatnonzero(dup):
        t = (str(key["m"].iloc[k]), str(key["r"].iloc[k]), str(key["s"].iloc[k]))
        if t in firsts:
            msg = _(
                "duplicate row for region {region!r}, sector {sector!r}, measure {measure!r} "
                "(first at line {line}); keep one row per region and sector"
            ).format(region=t[1], sector=t[2], measure=t[0], line=firsts[t])
            probs.add("region_id", msg, int(lines[k]))
        else:
            firsts[t] = int(lines[k])
    parsed = Parsed(year=year)
    parsed.units = check_units(text, lines, measure_of, probs)
    names(text, "region_id", "region_name", parsed.region_names)
    names(text, "sector_id", "sector_name", parsed.sector_names)
    key["v"] = values
    key = key.drop_duplicates(subset=["m", "r", "s"], keep="first")
    for m, part in key.groupby("m", sort=False):
        had_row = set(zip(part["r"], part["s"], strict=True))
        grid = part.pivot_table(
            index="r", columns="s", values="v", aggfunc="first", dropna=False, sort=False
        )
        grid = grid.reindex(
            index=list(dict.fromkeys(part["r"])), columns=list(dict.fromkeys(part["s"]))
        )
        grid.index.name, grid.columns.name = "region_id", "sector_id"
        _finish_grid(str(m), grid, total_sector, reference_id, parsed, probs, had_row)
    probs.raise_if_any()
    return parsed


def check_wide(
    text: pd.DataFrame,
    label: str,
    first_line: int,
    measure: str | None,
    year: int | None,
    total_sector: str | None,
    reference_id: str | None,
) -> Parsed:
    """Validate a wide table (one row per region, one column per sector)."""
    probs = Problems(label, text.attrs.get("separator"))
    if "region_id" not in text.columns:
        msg = _(
            "no 'region_id' column; a wide table needs region_id and one column "
            "per sector (got columns {columns})"
        )
        probs.add("", msg.format(columns=list(text.columns)))
        probs.raise_if_any()
    lines = np.arange(len(text)) + first_line
    text, lines, year = select_year(text, lines, year, probs)
    sectors = [c for c in text.columns if c not in RESERVED_WIDE_COLUMNS]
    if not sectors:
        probs.add("", _("no sector columns; add one numeric column per sector"))
        probs.raise_if_any()
    name = measure or "value"
    ids = text["region_id"]
    for k in np.flatnonzero((ids == "").to_numpy()):
        msg = _("empty {column}; every row needs one").format(column="region_id")
        probs.add("region_id", msg, int(lines[k]))
    seen: dict[str, int] = {}
    for row, rid in enumerate(ids):
        if rid and rid in seen:
            msg = _(
                "duplicate region id {region!r} (first at line {line}); each region "
                "must appear once — merge the rows or rename one"
            ).format(region=rid, line=seen[rid])
            probs.add("region_id", msg, int(lines[row]))
        seen.setdefault(rid, int(lines[row]))
    is_ref = (ids == reference_id).to_numpy() if reference_id else None
    grid = pd.DataFrame(index=pd.Index(ids, name="region_id"))
    for s in sectors:
        grid[s] = numbers(text[s], lines, s, probs, is_ref, s, ids)
    grid.columns.name = "sector_id"
    grid = grid[~grid.index.duplicated(keep="first")]
    parsed = Parsed(year=year)
    measure_of = pd.Series([name] * len(text), index=text.index)
    parsed.units = check_units(text, lines, measure_of, probs) or {name: ""}
    names(text, "region_id", "region_name", parsed.region_names)
    _finish_grid(name, grid, total_sector, reference_id, parsed, probs, None)
    probs.raise_if_any()
    return parsed


def _finish_grid(
    m: str,
    grid: pd.DataFrame,
    total_sector: str | None,
    reference_id: str | None,
    parsed: Parsed,
    probs: Problems,
    had_row: set[tuple[str, str]] | None,
) -> None:
    """Split off totals, report gaps (cells without a row) and check the reference."""
    if total_sector is not None:
        _split_total(m, grid, total_sector, parsed, probs)
    if grid.shape[1] == 0:
        msg = _("measure {measure!r} has no sectors besides the total").format(measure=m)
        probs.add("sector_id", msg)
    if had_row is not None:
        _report_gaps(m, grid, reference_id, probs, had_row)
    if reference_id is not None:
        _check_reference(m, grid, reference_id, probs)
    parsed.measures[m] = grid.astype(float)


def _split_total(
    m: str, grid: pd.DataFrame, total_sector: str, parsed: Parsed, probs: Problems
) -> None:
    """Move the ``total_sector`` column of measure ``m`` from ``grid`` into ``parsed.totals``."""
    if total_sector not in grid.columns:
        msg = _("total sector {sector!r} not found for measure {measure!r}")
        probs.add("sector_id", msg.format(sector=total_sector, measure=m))
        return
    parsed.totals[m] = grid.pop(total_sector)
    if parsed.totals[m].isna().any():
        lacking = list(parsed.totals[m].index[parsed.totals[m].isna()])
        msg = _("regions {regions} lack a {sector!r} row for measure {measure!r}; add their totals")
        msg = msg.format(regions=lacking, sector=total_sector, measure=m)
        probs.add("sector_id", msg, kind=GAP)


def _report_gaps(
    m: str,
    grid: pd.DataFrame,
    reference_id: str | None,
    probs: Problems,
    had_row: set[tuple[str, str]],
) -> None:
    """Report each empty cell of ``grid`` whose (region, sector) row was not reported already."""
    for r, s in zip(*np.nonzero(grid.isna().to_numpy()), strict=True):
        region, sector = str(grid.index[r]), str(grid.columns[s])
        if (region, sector) in had_row:
            continue  # its row was reported cell by cell already
        if region == reference_id:
            msg = _(
                "sector {sector!r} is absent from the reference {region!r} (measure "
                "{measure!r}); every sector needs a reference figure — add it, or drop "
                "the sector"
            )
        else:
            msg = _(
                "region {region!r} has no figure for sector {sector!r} (measure "
                "{measure!r}); add the row (0 if there is truly none)"
            )
        msg = msg.format(sector=sector, region=region, measure=m)
        probs.add(_("measure {measure}").format(measure=m), msg, kind=GAP)


def _check_reference(m: str, grid: pd.DataFrame, reference_id: str, probs: Problems) -> None:
    """The reference row must exist, and be positive wherever a region is."""
    if reference_id not in grid.index:
        msg = _(
            "reference {reference!r} is not a region id of measure "
            "{measure!r}; add its row or use the sum of the regions"
        )
        probs.add("reference", msg.format(reference=reference_id, measure=m))
        return
    ref = grid.loc[reference_id]
    others = grid.drop(index=reference_id)
    bad = (ref == 0) & (others.max(axis=0) > 0)
    for s in ref.index[bad.to_numpy()]:
        msg = _(
            "sector {sector!r} is 0 in the reference {reference!r} "
            "but positive in a region; fix the reference figure"
        )
        probs.add(
            _("measure {measure}").format(measure=m),
            msg.format(sector=s, reference=reference_id),
        )
