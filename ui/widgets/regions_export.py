"""Downloads of the Regions page: the tables on screen as CSV and as Excel.

The CSV files are UTF-8 with a byte-order mark (spreadsheets keep Cyrillic names intact);
the workbook adds a sheet with every setting and note behind the numbers.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from clusterrank.i18n import _
from clusterrank.reports.headings import sheet
from clusterrank.reports.regions_view import SpecialisationView, tables_csv, tables_workbook
from clusterrank.reports.settings_sheet import settings_frame
from clusterrank.ui.widgets.regions_data import TableSource, workbook
from clusterrank.ui.widgets.regions_source import Options

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def sheets_help(names: list[str]) -> str:
    """The help of a workbook button: its sheets, named as the reader's Excel will show them."""
    return _("Sheets: {sheets}").format(sheets=", ".join(sheet(n) for n in names))


def _csv_button(label: str, frame: pd.DataFrame, file_name: str, key: str) -> None:
    st.download_button(
        label,
        data=tables_csv(frame),
        file_name=file_name,
        mime="text/csv",
        key=key,
        on_click="ignore",
        icon=":material/table:",
    )


def specialisation_downloads(
    view: SpecialisationView, source: TableSource, options: Options
) -> None:
    """LQ, HHI and screening tables as CSV; every table with settings and notes as Excel."""
    stem = f"{Path(source.name).stem}_{view.measure}"
    # one row that wraps on a narrow screen, labels never cut (four columns would squeeze)
    lq = hhi = screening = xlsx = st.container(horizontal=True)
    with lq:
        _csv_button(_("LQ table (CSV)"), view.lq, f"{stem}_lq.csv", "regions__csv_lq")
    with hhi:
        _csv_button(_("HHI (CSV)"), view.hhi, f"{stem}_hhi.csv", "regions__csv_hhi")
    with screening:
        _csv_button(
            _("Screening (CSV)"), view.summary, f"{stem}_screening.csv", "regions__csv_screening"
        )
    with xlsx:
        st.download_button(
            _("All tables (Excel)"),
            data=workbook(source.data, source.name, *options.args()),
            file_name=f"{stem}.xlsx",
            mime=XLSX,
            key="regions__xlsx",
            on_click="ignore",
            icon=":material/grid_on:",
            help=sheets_help(list(view.sheets())),
        )


def comparison_downloads(
    frame: pd.DataFrame, ranks: pd.DataFrame, values: pd.DataFrame, settings: dict[str, str]
) -> None:
    """Download buttons for the side-by-side comparison, as CSV and as Excel.

    The CSV has ranks and scores on top of the criterion values; the workbook ranks, values and the
    settings behind the ranking.
    """
    stem = f"{settings.get('scenario', 'regions')}_regions_compared"
    csv, xlsx = st.columns(2)
    with csv:
        _csv_button(_("Comparison (CSV)"), frame, f"{stem}.csv", "regions__csv_compare")
    with xlsx:
        sheets = {
            "ranks": ranks,
            "criterion values": values,
            "settings": settings_frame([("setting", settings)]),
        }
        st.download_button(
            _("Comparison (Excel)"),
            data=tables_workbook(sheets),
            file_name=f"{stem}.xlsx",
            mime=XLSX,
            key="regions__xlsx_compare",
            on_click="ignore",
            icon=":material/grid_on:",
            help=sheets_help(list(sheets)),
        )
