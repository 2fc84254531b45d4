"""Everything ``clusterrank regions specialisation`` shows, from one call.

:func:`specialisation_report` computes the location quotients of one measure, the HHI of
every region (and of the reference), and the screening results of the chosen rule sets, and
returns them in one frozen :class:`SpecialisationReport` whose :meth:`to_frames` gives named
DataFrames for the CLI, the Regions page and CSV/Excel export.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pandas as pd

from clusterrank.criteria.loading import display_name
from clusterrank.criteria.regional.hhi import hhi_table
from clusterrank.criteria.regional.location_quotient import location_quotients
from clusterrank.criteria.regional.screening import screen
from clusterrank.criteria.regional.screening_rules import (
    DEFAULT_RULES_PATH,
    ScreeningRules,
    load_screening_rules,
)
from clusterrank.criteria.regional.table import RegionSectorTable
from clusterrank.i18n import N_


@dataclass(frozen=True)
class SpecialisationReport:
    """Location quotients, HHI and screening of one measure of a region × sector table.

    Attributes
    ----------
    source, measure, unit
        The table's file, the measure analysed and its unit.
    reference
        What the LQs compare with (``"RU"`` row, or "the sum of the 41 regions given").
    lq
        Regions × sectors location quotients.
    hhi
        Index: regions (and the reference row, flagged in ``is_reference``); columns
        ``hhi`` (percent-share scale), ``hhi_normalised`` (0..1), ``sectors``,
        ``share_sum_pct``, ``is_reference``.
    screening
        One row per region × sector × rule: ``passed`` and ``reason`` ("LQ 2.31 >= 2").
    screening_summary
        One row per region × sector × rule set: ``passed``, ``score`` (rules passed) and
        ``rules_passed``.
    notes
        Everything a user must see next to the numbers.
    settings
        Everything that changed a number (reference, totals, rules file, percentile method).
    """

    source: str
    measure: str
    unit: str
    reference: str
    lq: pd.DataFrame
    hhi: pd.DataFrame
    screening: pd.DataFrame
    screening_summary: pd.DataFrame
    notes: tuple[str, ...]
    settings: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "settings", MappingProxyType(dict(self.settings)))

    def to_frames(self) -> dict[str, pd.DataFrame]:
        """The report's named tables.

        ``location_quotients``, ``hhi``, ``screening``, ``screening_summary``, ``notes`` and
        ``settings``.
        """
        lq = self.lq.copy()
        lq.index.name, lq.columns.name = "region_id", None
        hhi = self.hhi.copy()
        hhi.index.name = "region_id"
        return {
            "location_quotients": lq.reset_index(),
            "hhi": hhi.reset_index(),
            "screening": self.screening.copy(),
            "screening_summary": self.screening_summary.copy(),
            "notes": pd.DataFrame({"note": list(self.notes)}),
            "settings": pd.DataFrame(
                {"setting": list(self.settings), "value": [str(v) for v in self.settings.values()]}
            ),
        }


def _as_table(table: RegionSectorTable | pd.DataFrame, measure: str | None) -> RegionSectorTable:
    if isinstance(table, RegionSectorTable):
        return table
    name = measure or "value"
    return RegionSectorTable(source="<table>", measures={name: table}, units={name: ""})


def specialisation_report(
    table: RegionSectorTable | pd.DataFrame,
    measure: str | None = None,
    reference: str | None = None,
    rules: ScreeningRules | str | Path | None = None,
    *,
    rule_sets: Sequence[str] | None = None,
) -> SpecialisationReport:
    """Location quotients, HHI and screening of one measure, with notes and settings.

    Parameters
    ----------
    table
        A validated :class:`RegionSectorTable` (see ``read_region_sector_table``) or a plain
        regions × sectors DataFrame.
    measure
        The measure to analyse (may be omitted when the table holds one).
    reference
        Region id of the reference row (the nation); ``None`` compares with the sum of the
        regions given.
    rules
        Screening rules, or the path of a rules YAML; ``None``: the shipped
        ``configs/regional/screening_rules.yaml``.
    rule_sets
        Ids of the rule sets to apply (default all; ``[]`` for none).

    Returns
    -------
    SpecialisationReport

    References
    ----------
    Seed 003 (Иванова О. П., 2018): Tables 5–6 (location quotients by turnover,
    investment, employment and fixed assets) and the HHI of Table 1's GVA structure.
    """
    t = _as_table(table, measure)
    name = t.measure_name(measure)
    notes: list[str] = []
    if reference is not None:
        regions, ref, ref_total = t.split_reference(reference, name)
        label = t.region_names.get(reference, reference)
        ref_label = f"{reference!r} ({label})" if label != reference else repr(reference)
        region_totals = t.region_totals(name, drop=reference)
    else:
        regions, ref, ref_total, ref_label = t.measure(name), None, None, ""
        region_totals = t.region_totals(name)
        if region_totals is not None:
            ref_total = float(region_totals.sum())
    lqs = location_quotients(
        regions,
        ref,
        region_totals=region_totals,
        reference_total=ref_total,
        reference_label=ref_label,
        label=t.source,
    )
    notes.extend(lqs.notes)
    grid_for_hhi = t.measure(name)
    hhi = hhi_table(grid_for_hhi, region_totals=t.region_totals(name), label=t.source)
    hhi_frame = hhi.table.assign(is_reference=hhi.table.index == reference)
    notes.extend(hhi.notes)
    loaded = rules if isinstance(rules, ScreeningRules) else load_screening_rules(rules)
    metrics = {
        "measure": regions.reindex(columns=lqs.lq.columns),
        "regional_share": lqs.region_shares,
    }
    for other, grid in t.measures.items():
        if other != name:
            metrics[other] = grid if reference is None else grid.drop(index=reference)
    screened = screen(lqs.lq, loaded, metrics=metrics, measure_name=name, rule_sets=rule_sets)
    notes.extend(screened.notes)
    rules_file = (
        display_name(rules)
        if isinstance(rules, (str, Path))
        else ("<given>" if isinstance(rules, ScreeningRules) else display_name(DEFAULT_RULES_PATH))
    )
    settings = {
        "measure": name,
        "unit": t.units.get(name, ""),
        "year": t.year,
        "reference": lqs.reference,
        # values stay English in machine output (CSV); N_ lets every display translate them
        "region_totals": N_("declared total sector")
        if region_totals is not None
        else N_("sum of the listed sectors"),
        "hhi_scale": N_("percent shares, 10000/K..10000; normalised 0..1"),
        "percentile_method": N_("linear interpolation (numpy default), per sector"),
        "rules_file": rules_file,
        "rule_sets": ", ".join(sorted(set(screened.summary["rule_set"]))) or "none",
    }
    return SpecialisationReport(
        source=t.source,
        measure=name,
        unit=t.units.get(name, ""),
        reference=lqs.reference,
        lq=lqs.lq,
        hhi=hhi_frame,
        screening=screened.details,
        screening_summary=screened.summary,
        notes=tuple(notes),
        settings=settings,
    )
