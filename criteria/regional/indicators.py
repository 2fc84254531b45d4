"""Regional statistics as indicator values, so specialisation can be a ranking criterion.

:func:`regional_indicator_values` turns a region × sector table into the per-region (or
per-candidate) Series a scenario's data column can be filled from: a cluster's sector LQ in
its region, the region's HHI, or the sector's share of the region's economy.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import pandas as pd

from clusterrank.criteria.regional.hhi import hhi_table
from clusterrank.criteria.regional.location_quotient import location_quotients
from clusterrank.criteria.regional.table import RegionSectorTable
from clusterrank.errors import Problem, ValidationFailed
from clusterrank.i18n import _

Indicator = Literal["lq", "regional_share", "hhi", "hhi_normalised"]
_PER_SECTOR = {"lq", "regional_share"}


def regional_indicator_values(
    table: RegionSectorTable,
    measure: str | None = None,
    *,
    indicator: Indicator = "lq",
    sector: str | None = None,
    reference: str | None = None,
    candidates: Mapping[str, str | tuple[str, str]] | None = None,
) -> pd.Series:
    """Per-region (or per region × sector, or per candidate) values of a regional statistic.

    Parameters
    ----------
    table, measure
        The validated table and the measure to use.
    indicator
        ``lq`` (location quotient), ``regional_share`` (sector share of the region's total,
        0..1), ``hhi`` (percent-share scale) or ``hhi_normalised`` (0..1).
    sector
        For ``lq``/``regional_share``: the sector whose value each region gets. Without it
        (and without candidates) the result has a (region_id, sector_id) MultiIndex.
    reference
        Region id of the reference row (the nation); ``None``: the sum of the regions.
    candidates
        Candidate id -> region id (with ``sector`` fixed, or for HHI), or candidate id ->
        (region id, sector id): the result is then indexed by candidate id, ready to become
        a scenario data column (e.g. each cluster's sector LQ in its home region).

    Returns
    -------
    Series
        Named after the indicator (``lq_<sector>`` when one sector is chosen); finite.

    References
    ----------
    Seed 003 (Иванова О. П., 2018): LQ > 1 as a prerequisite of cluster formation (text
    after Table 5); the cluster's sector specialisation as a factor of its development.
    """
    name = table.measure_name(measure)
    if indicator in _PER_SECTOR:
        if reference is not None:
            regions, ref, ref_total = table.split_reference(reference, name)
            totals = table.region_totals(name, drop=reference)
        else:
            regions, ref, ref_total = table.measure(name), None, None
            totals = table.region_totals(name)
            ref_total = None if totals is None else float(totals.sum())
        lqs = location_quotients(
            regions, ref, region_totals=totals, reference_total=ref_total, label=table.source
        )
        grid = lqs.lq if indicator == "lq" else lqs.region_shares
        long = (
            grid.rename_axis(index="region_id", columns="sector_id")
            .reset_index()
            .melt(id_vars="region_id", var_name="sector_id", value_name=indicator)
        )
        series = long.set_index(["region_id", "sector_id"])[indicator]
    else:
        result = hhi_table(
            table.measure(name), region_totals=table.region_totals(name), label=table.source
        )
        series = result.table[indicator]
        if reference is not None:
            series = series.drop(index=reference, errors="ignore")
    series = series.astype(float)
    if indicator in _PER_SECTOR and sector is not None:
        _require(
            sector in set(series.index.get_level_values("sector_id")),
            table.source,
            "sector",
            _("unknown sector {sector!r}; the table has {sectors}").format(
                sector=sector, sectors=sorted(set(series.index.get_level_values("sector_id")))
            ),
        )
        series = pd.Series(series.xs(sector, level="sector_id"), name=f"{indicator}_{sector}")
    else:
        series.name = indicator
    if candidates is None:
        return series
    return _for_candidates(series, candidates, sector, indicator, table.source)


def _for_candidates(
    series: pd.Series,
    candidates: Mapping[str, str | tuple[str, str]],
    sector: str | None,
    indicator: str,
    source: str,
) -> pd.Series:
    problems: list[Problem] = []
    out: dict[str, float] = {}
    for cand, where in candidates.items():
        key: str | tuple[str, str]
        if isinstance(where, tuple):
            if indicator not in _PER_SECTOR or sector is not None:
                problems.append(
                    Problem(
                        source,
                        f"candidates.{cand}",
                        _(
                            "give a region id only: {indicator} with a fixed sector is per region"
                        ).format(indicator=indicator),
                    )
                )
                continue
            key = (where[0], where[1])
        else:
            if indicator in _PER_SECTOR and sector is None:
                problems.append(
                    Problem(
                        source,
                        f"candidates.{cand}",
                        _("give (region, sector) or choose one sector for all candidates"),
                    )
                )
                continue
            key = where
        if key not in series.index:
            problems.append(
                Problem(
                    source,
                    f"candidates.{cand}",
                    _("{key!r} is not in the table; check the region (and sector) id").format(
                        key=key
                    ),
                )
            )
            continue
        out[cand] = float(series.loc[key])
    if problems:
        raise ValidationFailed(problems)
    return pd.Series(out, name=series.name, dtype=float)


def _require(ok: bool, source: str, location: str, message: str) -> None:
    if not ok:
        raise ValidationFailed.single(source, location, message)
