"""Export page: the decision report (HTML, PDF), the ranking as CSV and Excel, the scenario as YAML.

Each export carries the settings that produced its numbers and where its inputs came from
(see :mod:`reports.export`): the workbook says which weight editor made the weights, every
figure's source, the export date and the clusterrank version. Downloaded files are named
``clusterrank-report_<scenario>_<method>_<date>.xlsx`` (``clusterrank-ranking_…csv``), never
like a shipped scenario.
"""

from __future__ import annotations

import streamlit as st

from clusterrank.analysis.provenance import export_file_name
from clusterrank.i18n import _, formats, language, use_language
from clusterrank.reports import headings
from clusterrank.reports.export import (
    AHP_SHEETS,
    SHEETS,
    ranking_csv,
    results_frame,
    workbook,
    workbook_file_name,
)
from clusterrank.ui import state
from clusterrank.ui.layout import guarded
from clusterrank.ui.plain import plain
from clusterrank.ui.tables import localized
from clusterrank.ui.weight_provenance import source_in_use
from clusterrank.ui.widgets import report_download
from clusterrank.ui.widgets.ranking_table import NAME_WIDTH
from clusterrank.ui.widgets.scenario_download import scenario_download

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def body() -> None:
    """Draw the Export page: the results, the decision report, and CSV, Excel and YAML."""
    st.title(_("Export"))
    current = state.require()
    report = state.ranking()
    changes = state.rank_changes(report)
    stem = current.scenario.id
    st.caption(
        _("Settings of every number below: {settings}").format(
            settings=plain(report.settings_line())
        )
    )
    st.dataframe(
        localized(results_frame(report, changes), {"score": 4}, signed=["rank_change"]),
        hide_index=True,
        key="export__table",
        column_order=(
            "rank",
            "name",
            "score",
            "rank_change",
            "assessable",
            "imputed",
            "reason",
            "id",
        ),
        column_config={
            "rank": st.column_config.NumberColumn(_("Rank"), width="small", pinned=True),
            "name": st.column_config.TextColumn(
                _("candidate"),
                width=NAME_WIDTH,
                pinned=True,
                help=_("A long name ends in '…': click the cell to read it whole"),
            ),
            "score": st.column_config.NumberColumn(_("Score")),
            "rank_change": st.column_config.NumberColumn(
                _("rank change"), help=_("Places moved up since the baseline")
            ),
            "assessable": st.column_config.TextColumn(_("Assessable")),
            "imputed": st.column_config.TextColumn(_("Imputed")),
            "reason": st.column_config.TextColumn(_("Reason")),
            "id": st.column_config.TextColumn(_("Id"), width="small"),
        },
    )
    st.subheader(_("Decision report"))
    st.caption(
        _(
            "Who ranks first, why, how sure, from what data and by whose weights: one document "
            "to read and sign, built from exactly what this session shows."
        )
    )
    report_download.render(key="export__report")
    st.subheader(_("Data files"))
    csv, xlsx, yml = st.columns(3)
    with csv:
        st.download_button(
            _("Ranking (CSV)"),
            data=ranking_csv(report, changes),
            file_name=export_file_name(stem, report.result.method, "csv", kind="ranking"),
            mime="text/csv",
            key="export__csv",
            on_click="ignore",
            icon=":material/table:",
            help=_("Rank, id, name, score, change since the baseline, method and settings"),
        )
    with xlsx:
        weights = state.weights()
        source = source_in_use(weights)
        lang = language()  # the session's, read here: the download runs off the script thread

        def build() -> bytes:  # runs only when clicked, off the script thread: no st calls
            with use_language(lang):
                return workbook(
                    current.scenario, current.matrix, weights, report, changes, source=source
                )

        st.download_button(
            _("Workbook (Excel)"),
            data=build,
            file_name=workbook_file_name(stem, report.result.method),
            mime=XLSX,
            key="export__xlsx",
            on_click="ignore",
            icon=":material/grid_on:",
            help=_("Sheets: {sheets} (and the AHP judgments with AHP weights)").format(
                sheets=", ".join(map(headings.sheet, SHEETS))
            ),
        )
    with yml:
        scenario_download(key="export__yaml")
    sheets = [*SHEETS, *(AHP_SHEETS if source.judgments is not None else ())]
    st.caption(
        _(
            "The workbook's sheets: {sheets}. Imputed input cells are amber, illustrative ones "
            "lilac; scores are rounded to {digits} decimals, the full precision is in a hidden "
            "column. Weights: {weights}."
        ).format(
            sheets=", ".join(map(headings.sheet, sheets)),
            digits=formats.integer(4),
            weights=plain(source.summary),
        )
    )


if __name__ == "__main__":
    guarded(body)
