"""The Regions page's inputs: which region × sector table, and the analysis options.

A shipped table (``configs/data``) or an uploaded CSV; then measure, year (or every year, for
an HHI series), reference (a reference row such as the nation, or the sum of the regions),
total sector and screening rule sets. Every widget has a ``regions__`` key; a choice that the
newly picked table does not offer falls back to the default before the widget is drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import streamlit as st

from clusterrank.i18n import N_, _, language
from clusterrank.reports.regions_view import TableInfo
from clusterrank.ui import state
from clusterrank.ui.speaking import in_language
from clusterrank.ui.widgets.regions_data import TableSource, read_shipped, rule_sets, shipped

LAYOUT_HELP = N_(
    "**Long** CSV: `region_id, sector_id, value` plus optional `measure, unit, year, "
    "region_name, sector_name, sector_name_en`; or **wide**: `region_id` and one column per "
    "sector. Leading `#` lines are comments (put the source there). Figures must be numbers "
    "≥ 0, with a decimal point or a decimal comma (`2100.5` or `2100,5`; one mark per file, "
    "a `;`-separated file implies the comma), one unit per measure, one row per region and "
    "sector."
)
"""Marked only (as every module-level text here): translated where shown."""
SOURCES = {"shipped": N_("Shipped table"), "upload": N_("Upload a CSV")}
ALL_YEARS = "(all)"  # choices that are no id (ids have no brackets); None would show as empty
SUM = "(sum)"
NO_TOTAL = "(none)"
DEFAULT_TABLE = "seed003_table1_gva_structure.csv"


@dataclass(frozen=True)
class Options:
    """What the analysis is asked for (``None`` = the default: every year, the sum...)."""

    measure: str | None
    reference: str | None
    year: int | None
    total_sector: str | None
    rule_sets: tuple[str, ...]

    def args(self) -> tuple[str | None, str | None, int | None, str | None, tuple[str, ...]]:
        """In the order the cached loaders take them."""
        return self.measure, self.reference, self.year, self.total_sector, self.rule_sets


def choice(key: str, options: Sequence[Any], default: Any) -> None:
    """Seed a selectbox's value once, and repair it when its options no longer hold it."""
    state.seed_widget(key, default)
    if st.session_state[key] not in options:
        st.session_state[key] = default


def table_source() -> TableSource | None:
    """The table picked (shipped) or uploaded; ``None`` while the upload is still empty."""
    pick = help_col = st.container()  # stacked: nothing squeezed at 1024 px
    with pick:
        state.seed_widget("regions__source", "shipped")
        st.radio(
            _("Table"),
            list(SOURCES),
            key="regions__source",
            format_func=in_language(lambda k: _(SOURCES[k])),
            horizontal=True,
        )
        if st.session_state["regions__source"] == "shipped":
            names = list(shipped())
            if not names:
                st.warning(_("No region × sector table is shipped in configs/data; upload one."))
                return None
            choice("regions__shipped", names, DEFAULT_TABLE if DEFAULT_TABLE in names else names[0])
            st.selectbox(_("Shipped table"), names, key="regions__shipped", width=520)
            return read_shipped(st.session_state["regions__shipped"])
        st.file_uploader(_("Region × sector table (CSV)"), type=["csv"], key="regions__upload")
    with help_col:
        st.caption(_(LAYOUT_HELP))
    upload = st.session_state.get("regions__upload")
    if upload is None:
        st.info(_("Upload a region × sector CSV to analyse it."), icon=":material/upload_file:")
        return None
    return TableSource(upload.name, upload.getvalue(), False)


def _only_or_pick(
    where: Any,
    label: str,
    options: Sequence[Any],
    *,
    key: str,
    help: str,
    format_func: Any = str,
) -> None:
    """A selectbox, or a plain line when the table offers one choice (no greyed-out widget)."""
    if len(options) == 1:
        where.markdown(
            _("**{label}**: {value} (the only one in the table)").format(
                label=label, value=format_func(options[0])
            )
        )
        return
    where.selectbox(label, options, key=key, format_func=format_func, help=help)


def _label(names: dict[str, str], key: str) -> str:
    name = names.get(key)
    return f"{key} — {name}" if name and name != key else key


def _sector_names(info: TableInfo) -> dict[str, str]:
    """Sector names for the reader: the English ones in English, the file's own in Russian."""
    if language() == "ru":
        return info.sector_names or info.sector_names_en
    return info.sector_names_en or info.sector_names


def _given(value: Any, default: str) -> Any:
    return None if value == default else value


def table_options(info: TableInfo) -> Options:
    """Measure, year, reference, total sector and rule sets for ``info``'s table."""
    top, bottom = st.columns(2), st.columns(2)  # two by two: labels and values never cut
    cols = [*top, *bottom]
    measures = list(info.measures) or ["value"]
    choice("regions__measure", measures, measures[0])
    _only_or_pick(
        cols[0],
        _("Measure"),
        measures,
        key="regions__measure",
        help=_("Turnover, employment, fixed investment... as the table names them"),
    )
    years: list[int | str] = [ALL_YEARS, *info.years] if len(info.years) > 1 else [ALL_YEARS]
    if len(info.years) == 1:
        years = [info.years[0]]
    choice("regions__year", years, years[0])
    _only_or_pick(
        cols[1],
        _("Year"),
        years,
        key="regions__year",
        format_func=in_language(
            lambda y: _("All years (HHI series)") if y == ALL_YEARS else str(y)
        ),
        help=_("All years: each year analysed on its own; a year with gaps is skipped, noted"),
    )
    regions = [SUM, *info.regions]
    choice("regions__reference", regions, SUM)
    cols[2].selectbox(
        _("Reference"),
        regions,
        key="regions__reference",
        format_func=in_language(
            lambda r: _("Sum of the regions given") if r == SUM else _label(info.region_names, r)
        ),
        help=_(
            "LQs compare each region's structure with this row (e.g. the nation) or with "
            "the sum of the regions in the table"
        ),
    )
    sectors = [NO_TOTAL, *info.sectors]
    choice("regions__total", sectors, info.total_sector or NO_TOTAL)
    cols[3].selectbox(
        _("Total sector"),
        sectors,
        key="regions__total",
        format_func=in_language(
            lambda s: (
                _("None (sum of the sectors)") if s == NO_TOTAL else _label(_sector_names(info), s)
            )
        ),
        help=_("The sector whose rows hold each region's total, the denominator of shares"),
    )
    sets = rule_sets()
    state.seed_widget("regions__rule_sets", list(sets))
    st.multiselect(
        _("Screening rule sets"),
        list(sets),
        key="regions__rule_sets",
        format_func=lambda r: sets[r][0] if r in sets else r,
        help=_("From {file}").format(file="configs/regional/screening_rules.yaml"),
    )
    return Options(
        measure=st.session_state["regions__measure"] if info.measures else None,
        reference=_given(st.session_state["regions__reference"], SUM),
        year=_given(st.session_state["regions__year"], ALL_YEARS),
        total_sector=_given(st.session_state["regions__total"], NO_TOTAL),
        rule_sets=tuple(r for r in st.session_state["regions__rule_sets"] if r in sets),
    )
