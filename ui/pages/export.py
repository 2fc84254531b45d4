"""Export page: the ranking on screen as CSV, an Excel workbook, and the scenario as YAML.

Each export carries the settings that produced its numbers (see :mod:`reports.export`).
"""

from __future__ import annotations

import streamlit as st

from clusterrank.reports.export import SHEETS, ranking_csv, results_frame, workbook
from clusterrank.ui import state
from clusterrank.ui.layout import guarded
from clusterrank.ui.plain import plain
from clusterrank.ui.widgets.scenario_download import scenario_download

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def body() -> None:
    """Draw the Export page: the results table and its CSV, Excel and YAML downloads."""
    st.title("Export")
    current = state.require()
    report = state.ranking()
    changes = state.rank_changes(report)
    stem = current.scenario.id
    st.caption(f"Settings of every number below: {plain(report.settings_line())}")
    st.dataframe(
        results_frame(report, changes),
        hide_index=True,
        column_config={
            "score": st.column_config.NumberColumn(format="%.4f"),
            "rank_change": st.column_config.NumberColumn(
                "rank change", format="%+d", help="Places moved up since the baseline"
            ),
        },
    )
    csv, xlsx, yml = st.columns(3)
    with csv:
        st.download_button(
            "Ranking (CSV)",
            data=ranking_csv(report, changes),
            file_name=f"{stem}_{report.result.method}_ranking.csv",
            mime="text/csv",
            key="export__csv",
            on_click="ignore",
            icon=":material/table:",
            help="Rank, id, name, score, change since the baseline, method and settings",
        )
    with xlsx:
        weights = state.weights()

        def build() -> bytes:  # runs only when clicked, off the script thread: no st calls
            return workbook(current.scenario, current.matrix, weights, report, changes)

        st.download_button(
            "Workbook (Excel)",
            data=build,
            file_name=f"{stem}_{report.result.method}.xlsx",
            mime=XLSX,
            key="export__xlsx",
            on_click="ignore",
            icon=":material/grid_on:",
            help="Sheets: " + ", ".join(SHEETS),
        )
    with yml:
        scenario_download(key="export__yaml")
    st.caption(
        "The workbook's sheets: " + ", ".join(SHEETS) + ". Imputed input cells are amber, "
        "illustrative ones lilac."
    )


if __name__ == "__main__":
    guarded(body)
