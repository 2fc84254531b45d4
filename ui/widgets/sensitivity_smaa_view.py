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
from clusterrank.i18n import N_, _, formats, ngettext, pgettext
from clusterrank.methods.sensitivity import SMAAResult
from clusterrank.ui.layout import notes_box
from clusterrank.ui.plain import plain
from clusterrank.ui.tables import localized
from clusterrank.ui.widgets import sensitivity_charts as charts
from clusterrank.ui.widgets import sensitivity_weight_charts as wcharts
from clusterrank.ui.widgets.chart_theme import themed
from clusterrank.ui.widgets.sensitivity_columns import name_column, name_rows
from clusterrank.ui.widgets.sensitivity_focus import Focus

RANK_HELP = N_("Rank in the ranking in use (the table's order)")
HEADERS = {
    "ranked first": N_(
        "Share of the samples in which the candidate ranked first (SMAA's first-rank acceptability)"
    ),
    "± error": N_("Monte Carlo standard error of the share ranked first"),
    "holistic acceptability": N_(
        "All rank shares in one number: rank 1 counts in full, each lower rank less, the last "
        "not at all (higher is better)"
    ),
    "confidence factor": N_(
        "How often the candidate wins when its central weights are used (with exact data: "
        "100% or 0%)"
    ),
}
"""What each column of the SMAA table means (marked only: its header tooltip, translated)."""
TITLES = {
    "rank now": N_("rank now"),
    "ranked first": N_("ranked first"),
    "± error": N_("± error"),
    "holistic acceptability": N_("holistic acceptability"),
    "confidence factor": N_("confidence factor"),
}
"""The SMAA table's column headings (marked only)."""
ALL_KEY = "sens__heat_all"


def _rank_column(name: object) -> str:
    """``rank 3`` -> its heading in the language; ``11–38`` (summed ranks) as it is."""
    text = str(name)
    rank = text.removeprefix("rank ")
    return _("rank {rank}").format(rank=rank) if rank != text else text


def _percent_columns(columns: list[str]) -> dict[str, ColumnConfig]:
    """Number columns headed by their rank in the language (the cells are localised shares)."""
    return {c: st.column_config.NumberColumn(_rank_column(c)) for c in columns}


def _heat_scope(result: SMAAResult, focus: Focus) -> tuple[list[str], int | None, str]:
    """Rows (ids) and ranks the heatmap shows, and a subtitle saying so."""
    m = len(result.candidates)
    count = formats.integer(m)
    if m <= charts.LABELLED:
        return (
            list(focus.order),
            None,
            _("all {count} candidates, rows in rank order").format(count=count),
        )
    every = st.toggle(
        _("Show all {count} candidates and ranks in the heatmap").format(count=count),
        key=ALL_KEY,
        help=_("Cells then carry no text: read the values in the tooltips or the table"),
    )
    if every:
        return (
            list(focus.order),
            None,
            _("all {count} candidates and ranks; values in tooltips").format(count=count),
        )
    ranks = charts.HEAT_RANKS
    return (
        list(focus.shown),
        ranks,
        _(
            "{shown} of {count} candidates (those drawn in every chart), ranks 1-{ranks}; "
            "column {later}–{count} sums the later ranks"
        ).format(shown=len(focus.shown), count=count, ranks=ranks, later=ranks + 1),
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
        alt=_("Rank acceptability heatmap"),
    )
    with st.expander(_("Rank acceptability as a table")):
        table = result.acceptability_frame(max_ranks=ranks).loc[list(focus.order)]
        table.insert(0, "candidate", [focus.labels[i] for i in table.index])
        numbers = [str(c) for c in table.columns if c != "candidate"]
        st.dataframe(
            localized(table.round(4), dict.fromkeys(numbers, 1), percent=numbers),
            hide_index=True,
            column_config={"candidate": name_column(), **_percent_columns(numbers)},
            row_height=name_rows(table["candidate"]),
            key="sens__acceptability_table",
        )
        st.caption(_("Share of the samples in which each candidate took each rank; rank order."))


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
    shares = ["ranked first", "± error", "confidence factor"]
    config: dict[str, ColumnConfig] = {
        c: st.column_config.NumberColumn(_(TITLES[c]), help=_(HEADERS[c]))
        for c in (*shares, "holistic acceptability")
    }
    config["candidate"] = name_column()
    config["rank now"] = st.column_config.NumberColumn(
        _(TITLES["rank now"]), help=_(RANK_HELP), width="small"
    )
    digits = {"ranked first": 1, "± error": 2, "confidence factor": 1, "holistic acceptability": 3}
    st.dataframe(
        localized(table, digits, percent=shares),
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
    st.markdown(_("**Central weights**: the typical weights that make each candidate the winner"))
    st.caption(
        _(
            "A candidate's central weights are the average of the sampled weights under which "
            "it ranked first; a candidate that never ranked first has none."
        )
    )
    wide, notes = wcharts.central_frame(result, current, titles, focus.labels)
    series, left = wcharts.central_series(wide, [focus.labels[i] for i in focus.shown])
    st.altair_chart(
        themed(wcharts.central_chart(wide, series)),
        width="stretch",
        alt=_("Central weights beside the weights in use"),
    )
    if left:
        st.caption(
            ngettext(
                "{count} more candidate ranked first in some sample; their central weights "
                "are in the table.",
                "{count} more candidates ranked first in some sample; their central weights "
                "are in the table.",
                len(left),
            ).format(count=len(left))
        )
    for note in notes:
        st.caption(plain(note))
    with st.expander(_("Central weights as a table")):
        numbers = list(wide.columns[1:])
        headings = {c: st.column_config.NumberColumn(c) for c in numbers}
        headings[wcharts.CURRENT] = st.column_config.NumberColumn(wcharts.current_label())
        st.dataframe(
            localized(wide, dict.fromkeys(numbers, 1), percent=numbers),
            hide_index=True,
            column_config={
                "criterion": name_column(N_("Criterion"), pgettext("column", "criterion")),
                **headings,
            },
            row_height=name_rows(wide["criterion"]),
        )
        st.caption(caption)


def pairwise(result: SMAAResult, focus: Focus, caption: str) -> None:
    """The pairwise winning indices as a table, or why there are none."""
    frame = result.pairwise_frame()
    if frame is None:
        if len(result.candidates) > MAX_PAIRWISE_CANDIDATES:
            st.caption(
                _(
                    "Pairwise winning indices are not computed beyond {limit} candidates: "
                    "their cost grows with samples × candidates²."
                ).format(limit=formats.integer(MAX_PAIRWISE_CANDIDATES))
            )
        return
    with st.expander(_("Pairwise winning indices: P(row ranks better than column)")):
        order = list(focus.order)
        labelled = frame.loc[order, order].rename(index=focus.labels, columns=focus.labels)
        columns = list(labelled.columns)
        st.dataframe(localized(labelled, dict.fromkeys(columns, 1), percent=columns))
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
        _("**Rank acceptability**: the share of samples in which each candidate took each rank")
    )
    heatmap(result, focus, sampling)
    st.caption(caption)
    with st.expander(_("SMAA settings (technical)"), expanded=False):
        st.caption(_("Settings: {settings}").format(settings=result.settings_text()))
    summary_table(result, focus)
    central_weights(result, current, titles, focus, caption)
    st.caption(caption)
    pairwise(result, focus, caption)
    notes_box(result.notes, _("SMAA notes"))
