"""The numbers of a finished SMAA-2 run on the Sensitivity page: heatmap, tables, central weights.

With many candidates the heatmap shows the candidates the page draws as series
(:class:`ui.widgets.sensitivity_focus.Focus`) over the leading ranks, the later ranks summed into
one column, until the reader asks for all; every chart has its table one click away.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy.typing as npt
import pandas as pd
import streamlit as st
from streamlit.elements.lib.column_types import ColumnConfig

from clusterrank.analysis.sensitivity import MAX_PAIRWISE_CANDIDATES
from clusterrank.methods.sensitivity import SMAAResult
from clusterrank.ui.layout import notes_box
from clusterrank.ui.plain import plain
from clusterrank.ui.widgets import sensitivity_charts as charts
from clusterrank.ui.widgets import sensitivity_weight_charts as wcharts
from clusterrank.ui.widgets.chart_theme import themed
from clusterrank.ui.widgets.sensitivity_columns import name_column, name_rows
from clusterrank.ui.widgets.sensitivity_focus import Focus

RANK_HELP = "Rank in the ranking in use (the table's order)"
HEADERS = {
    "ranked first": "Share of the samples in which the candidate ranked first (SMAA's "
    "first-rank acceptability)",
    "± error": "Monte Carlo standard error of the share ranked first",
    "holistic acceptability": "All rank shares in one number: rank 1 counts in full, each "
    "lower rank less, the last not at all (higher is better)",
    "confidence factor": "How often the candidate wins when its central weights are used "
    "(with exact data: 100% or 0%)",
}
PERCENT = st.column_config.NumberColumn(format="percent")
ALL_KEY = "sens__heat_all"


def _heat_scope(result: SMAAResult, focus: Focus) -> tuple[list[str], int | None, str]:
    """Rows (ids) and ranks the heatmap shows, and a subtitle saying so."""
    m = len(result.candidates)
    if m <= charts.LABELLED:
        return list(focus.order), None, f"all {m} candidates, rows in rank order"
    every = st.toggle(
        f"Show all {m} candidates and ranks in the heatmap",
        key=ALL_KEY,
        help="Cells then carry no text: read the values in the tooltips or the table",
    )
    if every:
        return list(focus.order), None, f"all {m} candidates and ranks; values in tooltips"
    ranks = charts.HEAT_RANKS
    return (
        list(focus.shown),
        ranks,
        f"{len(focus.shown)} of {m} candidates (those drawn in every chart), ranks 1-{ranks}; "
        f"column {ranks + 1}–{m} sums the later ranks",
    )


def heatmap(result: SMAAResult, focus: Focus, sampling: str) -> None:
    """The acceptability heatmap and, one click away, its table (every candidate)."""
    rows, ranks, scope = _heat_scope(result, focus)
    long = charts.acceptability_frame(result, focus.labels, rows, ranks)
    order = [focus.labels[i] for i in rows]
    columns = list(dict.fromkeys(long["rank"]))
    columns.sort(key=lambda r: int(r.split("–")[0]))
    st.caption(sampling)
    st.altair_chart(
        themed(charts.acceptability_heatmap(long, order, columns, scope)),
        width="stretch",
        alt="Rank acceptability heatmap",
    )
    with st.expander("Rank acceptability as a table"):
        table = result.acceptability_frame(max_ranks=ranks).loc[list(focus.order)]
        table.insert(0, "candidate", [focus.labels[i] for i in table.index])
        numbers = [c for c in table.columns if c != "candidate"]
        st.dataframe(
            table.round(4),
            hide_index=True,
            column_config={"candidate": name_column(), **{c: PERCENT for c in numbers}},
            row_height=name_rows(table["candidate"]),
            key="sens__acceptability_table",
        )
        st.caption("Share of the samples in which each candidate took each rank; rank order.")


def summary_table(result: SMAAResult, focus: Focus) -> None:
    """First-rank share, its error, holistic acceptability and confidence, in rank order."""
    summary = result.to_frame().set_index("id").loc[list(focus.order)]
    table = pd.DataFrame(
        {
            "candidate": [focus.labels[i] for i in summary.index],
            "rank now": [focus.ranks[i] for i in summary.index],
            "ranked first": summary["first_rank_acceptability"].round(3).to_numpy(),
            "± error": summary["first_rank_se"].round(4).to_numpy(),
            "holistic acceptability": summary["holistic_acceptability"].to_numpy(),
            "confidence factor": summary["confidence_factor"].round(3).to_numpy(),
        }
    )
    config: dict[str, ColumnConfig] = {
        c: st.column_config.NumberColumn(format="percent", help=HEADERS[c])
        for c in ("ranked first", "± error", "confidence factor")
    }
    config["candidate"] = name_column()
    config["rank now"] = st.column_config.NumberColumn(help=RANK_HELP, width="small")
    config["holistic acceptability"] = st.column_config.NumberColumn(
        format="%.3f", help=HEADERS["holistic acceptability"]
    )
    st.dataframe(
        table,
        hide_index=True,
        column_config=config,
        row_height=name_rows(table["candidate"]),
        key="sens__smaa_table",
    )


def central_weights(
    result: SMAAResult,
    current: npt.ArrayLike,
    titles: Mapping[str, str],
    focus: Focus,
    caption: str,
) -> None:
    """Central weights beside the weights in use: chart (at most eight series) and table."""
    st.markdown("**Central weights**: the typical weights that make each candidate the winner")
    st.caption(
        "A candidate's central weights are the average of the sampled weights under which it "
        "ranked first; a candidate that never ranked first has none."
    )
    wide, notes = wcharts.central_frame(result, current, titles, focus.labels)
    series, left = wcharts.central_series(wide, [focus.labels[i] for i in focus.shown])
    st.altair_chart(
        themed(wcharts.central_chart(wide, series)),
        width="stretch",
        alt="Central weights beside the weights in use",
    )
    if left:
        st.caption(
            f"{len(left)} more candidates ranked first in some sample; their central weights "
            "are in the table."
        )
    for note in notes:
        st.caption(plain(note))
    with st.expander("Central weights as a table"):
        numbers = list(wide.columns[1:])
        st.dataframe(
            wide.assign(**{c: wide[c].round(3) for c in numbers}),
            hide_index=True,
            column_config={"criterion": name_column("Criterion"), **{c: PERCENT for c in numbers}},
            row_height=name_rows(wide["criterion"]),
        )
        st.caption(caption)


def pairwise(result: SMAAResult, focus: Focus, caption: str) -> None:
    """The pairwise winning indices as a table, or why there are none."""
    frame = result.pairwise_frame()
    if frame is None:
        if len(result.candidates) > MAX_PAIRWISE_CANDIDATES:
            st.caption(
                f"Pairwise winning indices are not computed beyond {MAX_PAIRWISE_CANDIDATES} "
                "candidates: their cost grows with samples × candidates²."
            )
        return
    with st.expander("Pairwise winning indices: P(row ranks better than column)"):
        order = list(focus.order)
        labelled = frame.loc[order, order].rename(index=focus.labels, columns=focus.labels)
        st.dataframe(labelled.round(3), column_config={c: PERCENT for c in labelled.columns})
        st.caption(caption)


def show(
    result: SMAAResult,
    current: npt.ArrayLike,
    titles: Mapping[str, str],
    focus: Focus,
    texts: tuple[str, str],
) -> None:
    """Every number of a finished run; ``texts``: the sampling sentence and the run's caption."""
    sampling, caption = texts
    st.markdown(
        "**Rank acceptability**: the share of samples in which each candidate took each rank"
    )
    heatmap(result, focus, sampling)
    st.caption(caption)
    with st.expander("SMAA settings (technical)", expanded=False):
        st.caption(f"Settings: {result.settings_text()}")
    summary_table(result, focus)
    central_weights(result, current, titles, focus, caption)
    st.caption(caption)
    pairwise(result, focus, caption)
    notes_box(result.notes, "SMAA notes")
