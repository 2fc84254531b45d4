"""Fill a scenario's computed data keys (``data.regional``) from region × sector tables.

Each entry of ``data.regional`` (:class:`criteria.models.regional_indicator.RegionalIndicator`)
names a table, a measure and a statistic; :func:`regional_column` gives the value of every
candidate that maps to a region (and sector): the cluster's sector LQ in its region, the
region's HHI, ... computed by :func:`criteria.regional.regional_indicator_values`, or a
printed figure taken as it is. A candidate with no sector mapped stays missing, so the
scenario's missing-data policy applies to it like to any other gap. Problems (a region or
sector the table lacks, an unusable table) are reported with the scenario file and the dotted
path of the entry, plus the table's own problems with its file and line.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from clusterrank.criteria.files import display_name
from clusterrank.criteria.models.data_spec import DataSpec
from clusterrank.criteria.models.regional_indicator import RegionalIndicator
from clusterrank.criteria.numbers import read_column
from clusterrank.criteria.regional import (
    read_region_sector_table,
    read_tidy_csv,
    regional_indicator_values,
)
from clusterrank.errors import Problem, ValidationFailed
from clusterrank.i18n import N_, _

Key = str | tuple[str, str]
_NOT_A_REGION = {  # (region from the candidate's own field?, region is the reference row?)
    (False, False): N_(
        "region {region!r} of candidate {candidate!r} is not among the regions "
        "of {table}: {regions} — map it under regions"
    ),
    (True, False): N_(
        "region {region!r} of candidate {candidate!r} (the candidate's region field) is not "
        "among the regions of {table}: {regions} — map it under regions"
    ),
    (False, True): N_(
        "region {region!r} of candidate {candidate!r} is the reference row, and so is not "
        "among the regions of {table}: {regions} — map it under regions"
    ),
    (True, True): N_(
        "region {region!r} of candidate {candidate!r} (the candidate's region field) is the "
        "reference row, and so is not among the regions of {table}: {regions} — map it "
        "under regions"
    ),
}


def fill_regional(
    spec: DataSpec, out: pd.DataFrame, scenario_name: str = "<scenario>"
) -> tuple[set[str], list[Problem]]:
    """Write every computed key into ``out`` (candidates × keys); return the keys and problems.

    A candidate without a value (no sector mapped, or a blank printed cell) stays NaN.
    """
    done: set[str] = set()
    problems: list[Problem] = []
    for i, item in enumerate(spec.regional):
        done.add(item.key)
        if item.key not in out.columns:
            continue
        try:
            column = regional_column(item, list(out.index), scenario_name, f"data.regional[{i}]")
        except ValidationFailed as exc:
            problems += exc.problems
            continue
        out[item.key] = column.reindex(out.index).astype(float)
    return done, list(dict.fromkeys(problems))  # two entries may share one faulty table


def regional_column(
    item: RegionalIndicator,
    candidates: Sequence[str],
    scenario_name: str = "<scenario>",
    where: str = "data.regional[0]",
) -> pd.Series:
    """The values of one computed key, indexed by candidate (NaN where none applies).

    References
    ----------
    Seed 003 (Иванова О. П., 2018): a region's specialisation (LQ > 1, text after Table 5)
    as a prerequisite of a cluster; see :func:`criteria.regional.regional_indicator_values`.
    """
    label = display_name(item.table)
    try:
        if item.indicator == "printed":
            series = _printed_series(item, label)
        else:
            table = read_region_sector_table(
                item.table,
                measure=item.measure,
                year=item.year,
                total_sector=item.total_sector,
                reference_id=item.reference,
                label=label,
            )
            series = regional_indicator_values(
                table, item.measure, indicator=item.indicator, reference=item.reference
            )
    except ValidationFailed as exc:
        msg = _("table {table} cannot be used (see below)").format(table=label)
        head = Problem(scenario_name, where, msg)
        raise ValidationFailed([head, *exc.problems]) from exc
    values = pd.Series(np.nan, index=pd.Index(list(candidates)), dtype=float, name=item.key)
    regions = {k[0] if isinstance(k, tuple) else k for k in series.index}
    sectors = {k[1] for k in series.index if isinstance(k, tuple)}
    problems: list[Problem] = []
    for cand, (region, sector, own) in item.cells().items():
        if cand not in values.index:
            continue
        key: Key = (region, sector) if sector is not None else region
        if region not in regions:
            at = f"{where}.regions" + ("" if own else f".{cand}")
            msg = _(_NOT_A_REGION[(bool(own), region == item.reference)]).format(
                region=region, candidate=cand, table=label, regions=", ".join(sorted(regions))
            )
            problems.append(Problem(scenario_name, at, msg))
        elif sector is not None and not sectors:
            msg = _("{table} has no sector_id column; remove the sectors of this entry").format(
                table=label
            )
            problems.append(Problem(scenario_name, f"{where}.sectors", msg))
        elif key not in series.index:
            at = f"{where}.sectors.{cand}" if cand in item.sectors else f"{where}.sector"
            msg = _(
                "sector {sector!r} of candidate {candidate!r} is not in {table} for region "
                "{region!r}; its sectors: {sectors}"
            ).format(
                sector=sector,
                candidate=cand,
                table=label,
                region=region,
                sectors=", ".join(sorted(sectors)),
            )
            problems.append(Problem(scenario_name, at, msg))
        else:
            values[cand] = float(series.loc[key])
    if problems:
        raise ValidationFailed(problems)
    return values


def _printed_series(item: RegionalIndicator, label: str) -> pd.Series:
    """Printed figures of one column, by (region, sector) or by region, for one year/measure."""
    frame = read_tidy_csv(item.table)
    first = int(frame.attrs.get("first_data_line", 2))
    lines = np.arange(len(frame)) + first
    column = item.column or ""
    need = ["region_id", column] + (["sector_id"] if item.per_sector else [])
    lacking = [c for c in need if c not in frame.columns]
    if lacking:
        msg = _("missing column(s) {missing}; columns: {columns}").format(
            missing=lacking, columns=list(frame.columns)
        )
        raise ValidationFailed.single(label, "", msg)
    keep = np.ones(len(frame), dtype=bool)
    for name, wanted in (("year", item.year), ("measure", item.measure)):
        if name not in frame.columns:
            if name == "year" and wanted is not None:
                msg = _("year {year} was asked for but the table has no 'year' column")
                msg = msg.format(year=wanted)
                raise ValidationFailed.single(label, "year", msg)
            continue
        cells = frame[name].astype(str).str.strip()
        present = sorted(set(cells[keep]))
        if wanted is None:
            if len(present) > 1:
                msg = _("the table holds several years {years}; set 'year' in the scenario")
                msg = msg.format(years=present)
                raise ValidationFailed.single(label, name, msg)
            continue
        keep &= (cells == str(wanted)).to_numpy()
        if not keep.any():
            msg = _("{name} {wanted!r} is not in the table; it holds {present}").format(
                name=name, wanted=wanted, present=present
            )
            raise ValidationFailed.single(label, name, msg)
    rows, lines = frame[keep], lines[keep]
    raw = rows[column].astype(str).str.strip()
    numbers, _why = read_column(list(raw), frame.attrs.get("separator"))
    bad = _("printed figure must be a number >= 0 or empty (got {got!r})")
    problems = [
        Problem(label, column, bad.format(got=r), int(n))
        for r, v, n in zip(raw, numbers, lines, strict=True)
        if r and not (np.isfinite(v) and v >= 0)
    ]
    ids = [rows["region_id"].astype(str).str.strip()]
    if item.per_sector:
        ids.append(rows["sector_id"].astype(str).str.strip())
    index = pd.MultiIndex.from_arrays(ids) if item.per_sector else pd.Index(ids[0])
    twice = _("{key!r} appears twice; keep one row")
    problems += [
        Problem(label, "region_id", twice.format(key=k), int(n))
        for k, n in zip(index[index.duplicated()], lines[index.duplicated()], strict=True)
    ]
    if problems:
        raise ValidationFailed(problems)
    return pd.Series(numbers, index=index, name=item.key)
